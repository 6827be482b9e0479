"""What ``tokenizers``' own normalizers can do of a pipeline, exactly.

A *native form* is a list of parts, each one of tokenizers' normalizers as
data, so that this module needs no tokenizers:

* ``("Replace", pattern, content)``: ``Replace(Regex(pattern), content)``,
  an Oniguruma pattern (look-around and back-references allowed) and a
  literal replacement;
* ``("Precompiled", table)``: ``Precompiled`` over a SentencePiece charsmap
  built from ``{character: replacement}`` (:mod:`arnorm._charsmap`).

Each primitive is translated from what it means: a map from its table, a
rule with a literal replacement from its pattern (parsed and written out
again in Oniguruma's syntax), a rule with a function from its name and
``params`` (:data:`RULE_FORMS`). What has no native form returns None.

>>> from arnorm import Pipeline
>>> native_form(Pipeline(["remove_tatweel"]).primitives)
[('Replace', '\\\\x{640}', '')]
>>> native_form(Pipeline(["restore_final_yaa"]).primitives) is None
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Union

from ._chars import ARABIC_MARKS, HAMZA_COMPOSITIONS, REPEATABLE_LETTERS
from ._rules import CharMap, Primitive, Rule
from ._sre import constants as sre
from ._sre import parser as sre_parse
from ._unicode import category, unicodedata

Part = Union[tuple[str, str, str], tuple[str, Mapping[str, str]]]


class NotNative(ValueError):
    """A pattern uses something Oniguruma would read otherwise."""


# --- patterns ---------------------------------------------------------------------------------


def _char(code: int) -> str:
    return f"\\x{{{code:X}}}"


def _class(items: list) -> str:
    negate, members, chars = "", [], []
    for op, av in items:
        if op is sre.NEGATE:
            negate = "^"
        elif op is sre.LITERAL:
            members.append(_char(av))
            chars.append(chr(av))
        elif op is sre.RANGE:
            members.append(f"{_char(av[0])}-{_char(av[1])}")
            chars += map(chr, range(av[0], min(av[1], av[0] + _MAX_ALTERNATIVES) + 1))
        else:
            raise NotNative(f"class item {op}")
    if not negate and len(chars) <= _MAX_ALTERNATIVES:
        return choice(chars)
    return f"[{negate}{''.join(members)}]"


# Oniguruma finds an alternation of literals by their first bytes, fast
# where those bytes are rare; it tests a character class at every position.
# In Arabic text the first bytes of U+0600–U+06FF and printable ASCII are
# everywhere: a set with more than a few of those is best as a class.
_MAX_ALTERNATIVES = 1024
_FEW = 3


def _common(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or " " <= ch <= "~"


def choice(chars: Iterable[str]) -> str:
    r"""A pattern matching one of ``chars``, in the form Oniguruma finds fastest.

    >>> choice("\u200b\u200c"), choice("ابةتث")
    ('(?:\\x{200B}|\\x{200C})', '[\\x{627}-\\x{62B}]')
    """
    chars = sorted(set(chars))
    if len(chars) == 1:
        return _char(ord(chars[0]))
    if len(chars) <= _FEW or (len(chars) <= _MAX_ALTERNATIVES and not any(map(_common, chars))):
        return "(?:" + "|".join(_char(ord(ch)) for ch in chars) + ")"
    return _ranges(chars)


def _ranges(chars: list[str]) -> str:
    ranges: list[list[int]] = []
    for code in map(ord, chars):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(_char(a) if a == b else f"{_char(a)}-{_char(b)}" for a, b in ranges) + "]"


def choices(chars: Iterable[str]) -> list[str]:
    """Patterns that together match each of ``chars`` (one ``Replace``
    each): a set mixing many common first bytes with rare ones is cut in
    two, so that the rare ones go by their first bytes."""
    chars = sorted(set(chars))
    common = [ch for ch in chars if _common(ch)]
    rare = [ch for ch in chars if not _common(ch)]
    if len(chars) <= _FEW or not common or not rare:
        return [choice(chars)]
    return [choice(common), choice(rare)]


_REPEATS = {sre.MAX_REPEAT: "", sre.MIN_REPEAT: "?", getattr(sre, "POSSESSIVE_REPEAT", None): "+"}
_ANCHORS = {sre.AT_BEGINNING_STRING: "\\A", sre.AT_END_STRING: "\\z"}


def _emit(items: Iterable) -> str:
    out = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(_char(av))
        elif op is sre.NOT_LITERAL:
            out.append(f"[^{_char(av)}]")
        elif op is sre.ANY:
            out.append("[^\\n]")  # re without DOTALL; Oniguruma's own dot differs by option
        elif op is sre.IN:
            out.append(_class(av))
        elif op is sre.BRANCH:
            out.append("(?:" + "|".join(_emit(branch) for branch in av[1]) + ")")
        elif op is sre.SUBPATTERN:
            group, add_flags, del_flags, pattern = av
            if add_flags or del_flags:
                raise NotNative("inline flags")
            out.append(("(" if group else "(?:") + _emit(pattern) + ")")
        elif op in _REPEATS:
            low, high, pattern = av
            count = {(0, sre.MAXREPEAT): "*", (1, sre.MAXREPEAT): "+", (0, 1): "?"}.get((low, high))
            if count is None:
                count = f"{{{low},}}" if high == sre.MAXREPEAT else f"{{{low}}}" if low == high else f"{{{low},{high}}}"
            out.append("(?:" + _emit(pattern) + ")" + count + _REPEATS[op])
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            direction, pattern = av
            sign = "=" if op is sre.ASSERT else "!"
            out.append(("(?" if direction == 1 else "(?<") + sign + _emit(pattern) + ")")
        elif op is sre.AT and av in _ANCHORS:
            out.append(_ANCHORS[av])
        elif op is sre.GROUPREF:
            out.append(f"\\k<{av}>")
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            out.append("(?>" + _emit(av) + ")")
        else:
            raise NotNative(f"{op} {av}")
    return "".join(out)


def oniguruma_pattern(pattern: str | re.Pattern[str]) -> str:
    r"""A Python ``re`` pattern in Oniguruma's syntax, meaning the same.

    Every character is written as ``\x{...}``; ``\Z`` (the end of the text)
    becomes ``\z``, named groups plain ones. What Oniguruma reads otherwise
    (``^``, ``$``, ``\b``, ``\w``, inline flags …) raises :class:`NotNative`.

    >>> oniguruma_pattern(r"[\u0627\U00010ecb-\U00010ecf] +\Z")
    '[\\x{627}\\x{10ECB}-\\x{10ECF}](?:\\x{20})+\\z'
    >>> oniguruma_pattern(r"\bfoo")
    Traceback (most recent call last):
    ...
    arnorm._native.NotNative: AT AT_BOUNDARY
    """
    if isinstance(pattern, re.Pattern):
        if pattern.flags & ~re.UNICODE:
            raise NotNative("flags")
        pattern = pattern.pattern
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & ~(re.UNICODE | sre.SRE_FLAG_UNICODE):
        raise NotNative("flags")
    return _emit(parsed)


# --- character maps ---------------------------------------------------------------------------



@functools.cache
def _continuing() -> str:
    """A class of every character that may continue a grapheme cluster
    (Grapheme_Cluster_Break Extend, SpacingMark, ZWJ), as a superset: the
    marks, format characters and modifiers of the latest Unicode, and the
    two letters that are SpacingMark. Made on first use (one scan)."""
    ranges: list[list[int]] = []
    for code in range(0x300, 0xE1000):
        if category(chr(code)) in ("Mn", "Mc", "Me", "Cf", "Lm", "Sk") or code in (0xE33, 0xEB3):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "[" + "".join(_char(a) if a == b else f"{_char(a)}-{_char(b)}" for a, b in ranges) + "]"

# Prepend: a grapheme cluster goes on after them.
_PREPEND = frozenset(map(chr, [*range(0x600, 0x606), 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0xD4E, 0x110BD, 0x110CD,
                               0x111C2, 0x111C3, 0x1193F, 0x11941, 0x11A3A, *range(0x11A84, 0x11A8A), 0x11D46,
                               0x11F02]))
BREAKERS = ("\u200b", "\u2060", "\ufeff", "\u200e", "\u200f")
"""Grapheme_Cluster_Break=Control characters a map may delete: one of them
splits clusters before ``Precompiled`` runs (see :func:`map_form`)."""


def map_form(table: Mapping[str, str], absent: frozenset[str] = frozenset()) -> list[Part] | None:
    """Parts doing what the simultaneous map ``table`` does.

    Deletions go first, in one ``Replace`` (deleting first is exact: it
    writes nothing a key could match). The rest is one ``Replace`` per
    distinct replacement (ordered so that none rewrites what an earlier one
    wrote) or one ``Precompiled``, whichever is fewer passes.

    ``Precompiled`` looks a whole grapheme cluster of under 6 bytes up
    first, and a key at its start then stands for the whole cluster (ﻻ +
    fatha would lose the fatha). So where a key may start such a cluster, a
    ``Replace`` first inserts a character the map deletes and that always
    ends a cluster (ZWSP, :data:`BREAKERS`) after each key followed by a
    character that could continue one; ``Precompiled`` deletes it again.
    Without such a character to delete (or one in ``absent``: characters
    that cannot be in the text, as an earlier map deleted them), only
    ``Replace`` is used.

    >>> map_form({"\\u0640": "", "\\u0623": "\\u0627", "\\u0625": "\\u0627"})
    [('Replace', '\\\\x{640}', ''), ('Replace', '(?:\\\\x{623}|\\\\x{625})', 'ا')]
    """
    deleted = sorted(key for key, value in table.items() if not value)
    kept = {key: value for key, value in table.items() if value}
    parts: list[Part] = [("Replace", pattern, "") for pattern in choices(deleted)] if deleted else []
    replaces = _replaces(kept)
    precompiled = _precompiled(kept, [*deleted, *sorted(absent - kept.keys())])
    if precompiled is not None and (replaces is None or len(precompiled) < len(replaces)):
        return parts + precompiled
    return None if replaces is None else parts + replaces


def _replaces(table: Mapping[str, str]) -> list[Part] | None:
    by_value: dict[str, set[str]] = {}
    for key, value in table.items():
        by_value.setdefault(value, set()).add(key)
    group_of = {key: value for value, keys in by_value.items() for key in keys}
    readers = {value: {group_of[ch] for ch in value if ch in group_of} - {value} for value in by_value}
    order: list[str] = []
    waiting = set(by_value)
    while waiting:  # a group may run once no group still to run reads what it writes
        ready = sorted(value for value in waiting if not readers[value] & waiting)
        if not ready:
            return None  # a cycle (a → b, b → a): only a simultaneous map does it
        order += ready
        waiting.difference_update(ready)
    return [("Replace", pattern, value) for value in order for pattern in choices(by_value[value])]


def _precompiled(table: Mapping[str, str], gone: Sequence[str]) -> list[Part] | None:
    if not table:
        return []
    breaker = next((ch for ch in BREAKERS if ch in gone), None)
    short = [key for key in table if len(key.encode("utf-8")) <= 3]  # a 4-byte key + anything is 6 bytes
    splits = []
    if short:
        splits.append(f"{choice(short)}\\K(?={_continuing()})")
    if "\r" in table:
        splits.append("(?<=\\x{D})(?=\\x{A})")
    if _PREPEND.intersection(table):
        splits.append(f"{choice(_PREPEND.intersection(table))}\\K(?=[^\\x{{0}}])")
    if splits and breaker is None:
        return None
    parts: list[Part] = [("Replace", "|".join(splits), breaker)] if splits else []
    return parts + [("Precompiled", {**table, **({breaker: ""} if splits else {})})]


# --- rules -------------------------------------------------------------------------------------


def _reduce_repeats(rule: Rule, before: Primitive | None, after: Primitive | None) -> list[Part]:
    """A letter followed by ``max_repeat`` more of itself goes: a run keeps its last ``max_repeat``."""
    letters = oniguruma_pattern(f"[{''.join(sorted(REPEATABLE_LETTERS))}]")
    return [("Replace", f"({letters})(?=\\k<1>{{{rule.params['max_repeat']}}})", "")]


def _compose_hamza(rule: Rule, before: Primitive | None, after: Primitive | None) -> list[Part] | None:
    """NFC's composition of a letter with a hamza mark, where the map after
    deletes every mark: only whether the letter composes is left to say.

    NFC puts a cluster's marks in canonical order and composes the letter
    with the first composable mark that nothing blocks: a mark of the same
    combining class, or of class 0, before it. Letters that compose with
    more than one mark (ا with maddah, hamza above and below) have no form.
    """
    if not isinstance(after, CharMap) or any(after.table.get(mark) != "" for mark in ARABIC_MARKS
                                             if not isinstance(before, CharMap) or mark not in before.table
                                             or mark in before.writes):
        return None
    marks_of: dict[str, list[tuple[str, str]]] = {}
    for (letter, mark), composed in HAMZA_COMPOSITIONS.items():
        if letter in rule.params["bases"]:
            marks_of.setdefault(letter, []).append((mark, composed))
    parts: list[Part] = []
    for letter, pairs in sorted(marks_of.items()):
        if len(pairs) != 1:
            return None
        ((mark, composed),) = pairs
        level = unicodedata.combining(mark)
        between = [m for m in ARABIC_MARKS if unicodedata.combining(m) not in (0, level)]
        parts.append(("Replace", f"{_char(ord(letter))}(?={choice(between)}*{_char(ord(mark))})", composed))
    return parts


RULE_FORMS: dict[str, Callable[[Rule, Primitive | None, Primitive | None], list[Part] | None]] = {
    "reduce_repeats": _reduce_repeats,
    "compose_hamza": _compose_hamza,
}
"""Native forms of rules whose replacement is a function, by rule name,
given the primitives around the rule."""

JOINT_FORMS: dict[tuple[str, ...], list[Part]] = {
    # After the whitespace map a space is U+0020 and a line break LF: the
    # three rules together delete every space after a space, a line break or
    # the start, and every run of spaces before a line break or the end.
    ("collapse_spaces", "strip_line_spaces", "strip_ends"):
        [("Replace", "\\x{20}(?:(?<![^\\x{20}\\x{A}]\\x{20})|(?=(?:\\x{20})*(?:\\x{A}|\\z)))", "")],
}
"""One native form for rules that run one after another."""


def rule_form(rule: Rule, before: Primitive | None = None, after: Primitive | None = None) -> list[Part] | None:
    """The native form of ``rule`` between ``before`` and ``after``, or None."""
    if rule.name in RULE_FORMS:
        return RULE_FORMS[rule.name](rule, before, after)
    if not isinstance(rule.replacement, str) or "\\" in rule.replacement:
        return None
    try:
        return [("Replace", oniguruma_pattern(rule.pattern), rule.replacement)]
    except NotNative:
        return None


def native_form(primitives: Sequence[Primitive]) -> list[Part] | None:
    """Parts doing what ``primitives`` do one after another (planned by
    :func:`export_plan`), or None."""
    from ._export_plan import export_plan

    plan = export_plan(primitives)
    parts: list[Part] = []
    absent: frozenset[str] = frozenset()  # what no text can hold here: deleted, not written since
    index = 0
    while index < len(plan):
        primitive = plan[index]
        joint = next(((names, form) for names, form in JOINT_FORMS.items()
                      if tuple(getattr(p, "name", None) for p in plan[index : index + len(names)]) == names), None)
        if joint is not None:
            parts += joint[1]
            index += len(joint[0])
            continue
        before = plan[index - 1] if index else None
        after = plan[index + 1] if index + 1 < len(plan) else None
        if isinstance(primitive, CharMap):
            form = map_form(primitive.table, absent)
            absent = (absent - primitive.writes) | {key for key, value in primitive.table.items() if not value}
        elif isinstance(primitive, Rule):
            form = rule_form(primitive, before, after)
            absent = absent - (primitive.produces if primitive.produces is not None else absent)
        else:
            form = None
        if form is None:
            return None
        parts += form
        index += 1
    return parts
