"""What a plan can still do to a text made only of certain characters.

A text of ASCII alone (an English tweet, a number, an empty cell) meets none
of the Arabic maps' keys and none of the Arabic rules' triggers. Given the
characters a text may hold, :func:`restricted` cuts every map to the keys
that can occur and drops every rule that provably cannot match, following
what each earlier step may write; the plan it leaves gives exactly what
the whole one does on such a text, in a few cheap passes.

A rule is proven idle by its declared triggers (none of them can occur) or
by its pattern (no match can begin with a character that can occur); when
neither tells, it stays.

>>> from arnorm import Pipeline
>>> steps = restricted(Pipeline.from_preset("search").primitives, ASCII)
>>> [getattr(step, "name", "map") for step in steps]
['', 'map', 'collapse_spaces', 'strip_line_spaces', 'strip_ends']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ._rules import CharMap, Primitive, Rule
from ._sre import constants as sre
from ._sre import parser as _parser

ASCII = frozenset(map(chr, range(0x80)))
"""The characters of a text for which ``str.isascii()`` is true."""

_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_ATOMIC = getattr(sre, "ATOMIC_GROUP", None)  # Python 3.11+


def may_begin_with(pattern: re.Pattern[str], chars: frozenset[str]) -> bool:
    """Whether a match of ``pattern`` might begin with one of ``chars`` (or
    be empty); True whenever the pattern's shape does not tell.

    >>> may_begin_with(re.compile("[\\u0621-\\u064a]+"), ASCII)
    False
    >>> may_begin_with(re.compile(" {2,}"), ASCII), may_begin_with(re.compile("(?i:\u212a)"), ASCII)
    (True, True)
    """
    if pattern.flags & re.IGNORECASE:
        return True
    codes = frozenset(map(ord, chars))
    found, nullable = _may_start(_parser.parse(pattern.pattern, pattern.flags), codes)
    return found or nullable


def _may_start(items: Iterable[tuple[Any, Any]], codes: frozenset[int]) -> tuple[bool, bool]:
    """For a sequence of parsed items: whether its first character may be one
    of ``codes`` (True when unknown), and whether it may match empty."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # looks around without taking a character: it only narrows
        if op is sre.LITERAL:
            found, nullable = av in codes, False
        elif op is sre.IN:
            found, nullable = _in_class(av, codes), False
        elif op is sre.SUBPATTERN:
            if av[1] & re.IGNORECASE:  # (?i:…): case folding reaches beyond the listed characters
                return True, True
            found, nullable = _may_start(av[-1], codes)
        elif op is _ATOMIC:
            found, nullable = _may_start(av, codes)
        elif op is sre.BRANCH:
            branches = [_may_start(branch, codes) for branch in av[1]]
            found, nullable = any(f for f, _ in branches), any(n for _, n in branches)
        elif op in _REPEATS:
            found, nullable = _may_start(av[2], codes)
            nullable = nullable or av[0] == 0
        else:
            return True, True  # any character, a back-reference …: cannot tell
        if found or not nullable:
            return found, nullable
    return False, True


def _in_class(items: Sequence[tuple[Any, Any]], codes: frozenset[int]) -> bool:
    """Whether a character class may match one of ``codes`` (True when unknown)."""
    for op, av in items:
        if op is sre.LITERAL:
            if av in codes:
                return True
        elif op is sre.RANGE:
            low, high = av
            if any(low <= code <= high for code in codes):
                return True
        else:
            return True  # negated, a category (\\w, \\s): cannot tell
    return False


def may_act(rule: Rule, chars: frozenset[str]) -> bool:
    """Whether ``rule`` may change a text made only of ``chars``.

    >>> may_act(Rule("\u0649", "\u064a", triggers="\u0649", produces="\u064a"), ASCII)
    False
    """
    triggers = rule.triggers
    if triggers and not any(set(trigger) <= chars for trigger in triggers):
        return False
    return may_begin_with(rule.pattern, chars)


def restricted(primitives: Sequence[Primitive], chars: frozenset[str]) -> tuple[Primitive, ...]:
    """The primitives that may act on a text made only of ``chars``, each map
    cut to the keys that can occur: on such a text they give exactly what
    all of ``primitives`` give.

    >>> to_yeh = Rule("\u0649", "\u064a", triggers="\u0649", produces="\u064a")
    >>> restricted((CharMap({"\\t": " ", "\u0640": ""}), to_yeh), ASCII)
    (CharMap(<1 entries>),)
    >>> restricted((CharMap({"a": "\u0649"}), to_yeh), ASCII)[1] is to_yeh
    True
    """
    kept: list[Primitive] = []
    can_occur = set(chars)
    for index, primitive in enumerate(primitives):
        if isinstance(primitive, CharMap):
            present = {key: value for key, value in primitive.table.items() if key in can_occur}
            if present:
                kept.append(CharMap(present))
                can_occur.update("".join(present.values()))
            continue
        if not isinstance(primitive, Rule) or primitive.produces is None:
            return (*kept, *primitives[index:])  # may write anything: the rest stays whole
        if may_act(primitive, frozenset(can_occur)):
            kept.append(primitive)
            can_occur |= primitive.produces
    return tuple(kept)
