"""The plan a pipeline is exported by: fewer passes, the same output.

:mod:`arnorm._native` writes each primitive of this plan as tokenizers'
normalizers; each pass there costs a scan of the text, so the plan starts
from arnorm's own (:mod:`arnorm._plan`) and goes further, using what a
rule's pattern can tell apart: a map's one-to-one entries move back past
rules that treat key and value alike, into the map before them, and a rule
whose change a later map undoes is dropped.

>>> from arnorm import Pipeline
>>> [type(p).__name__ for p in Pipeline.from_preset("search").primitives].count("CharMap")
14
>>> [type(p).__name__ for p in export_plan(Pipeline.from_preset("search").primitives)]
['CharMap', 'Rule', 'CharMap', 'Rule', 'CharMap', 'Rule', 'Rule', 'CharMap', 'Rule', 'Rule', 'Rule']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from ._native import _REPEATS, NotNative, oniguruma_pattern
from ._rules import CharMap, Primitive, Rule
from ._sre import constants as sre
from ._sre import parser as sre_parse


class _Reads:
    """The character tests of a rule's pattern: what it can tell apart."""

    def __init__(self, rule: Rule) -> None:
        self.tests: list[tuple[tuple[tuple[int, int], ...], bool]] = []
        self.backrefs = self.opaque = False
        try:
            oniguruma_pattern(rule.pattern)
            self._walk(sre_parse.parse(rule.pattern.pattern))
        except NotNative:
            self.opaque = True
        self.opaque |= bool(rule.pattern.flags & ~re.UNICODE)
        self.literal = isinstance(rule.replacement, str) and "\\" not in rule.replacement
        self.writes = frozenset(rule.replacement) if self.literal else rule.produces

    def _walk(self, items: Iterable) -> None:
        for op, av in items:
            if op in (sre.LITERAL, sre.NOT_LITERAL):
                self.tests.append((((av, av),), op is sre.NOT_LITERAL))
            elif op is sre.ANY:
                self.tests.append((((10, 10),), True))
            elif op is sre.IN:
                ranges, negated = [], False
                for kind, value in av:
                    if kind is sre.NEGATE:
                        negated = True
                    elif kind is sre.LITERAL:
                        ranges.append((value, value))
                    elif kind is sre.RANGE:
                        ranges.append(value)
                    else:
                        raise NotNative("category")
                self.tests.append((tuple(ranges), negated))
            elif op is sre.BRANCH:
                for branch in av[1]:
                    self._walk(branch)
            elif op is sre.SUBPATTERN:
                self._walk(av[3])
            elif op in _REPEATS:
                self._walk(av[2])
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                self._walk(av[1])
            elif op is getattr(sre, "ATOMIC_GROUP", None):
                self._walk(av)
            elif op is sre.GROUPREF:
                self.backrefs = True
            elif op is not sre.AT:
                raise NotNative(f"{op}")

    def _accepts(self, test: tuple[tuple[tuple[int, int], ...], bool], ch: str) -> bool:
        code = ord(ch)
        return any(low <= code <= high for low, high in test[0]) != test[1]

    def never_in_a_match(self, ch: str) -> bool:
        return all(not negated and not self._accepts((ranges, negated), ch) for ranges, negated in self.tests)

    def alike(self, a: str, b: str) -> bool:
        """Whether the rule does the same with ``a`` as with ``b`` in any place."""
        if self.opaque or self.writes is None:
            return False
        if self.literal and not self.backrefs:
            return all(self._accepts(test, a) == self._accepts(test, b) for test in self.tests)
        return self.never_in_a_match(a) and self.never_in_a_match(b)  # a function or a back-reference


@functools.lru_cache(maxsize=256)
def _reads(rule: Rule) -> _Reads:
    return _Reads(rule)


def _passes(entry: tuple[str, str], rule: Rule) -> bool:
    """Whether mapping ``key → value`` before ``rule`` gives what mapping it after does."""
    key, value = entry
    reads = _reads(rule)
    return reads.alike(key, value) and reads.writes is not None and key not in reads.writes


def _single_literal(rule: Rule) -> str | None:
    """The character a rule rewrites when its pattern is that character and
    look-around, with a one-character literal replacement (None otherwise)."""
    if not isinstance(rule.replacement, str) or len(rule.replacement) != 1 or rule.replacement == "\\":
        return None
    try:
        items = list(sre_parse.parse(rule.pattern.pattern))
    except re.error:
        return None
    literals = [av for op, av in items if op is sre.LITERAL]
    if len(literals) != 1 or any(op not in (sre.LITERAL, sre.ASSERT, sre.ASSERT_NOT) for op, _ in items):
        return None
    return chr(literals[0])


def _undone(index: int, plan: Sequence[Primitive]) -> bool:
    """Whether the rule at ``index`` changes nothing in the end: it turns a
    character into one that every later step treats alike, until a map
    writes both the same."""
    rule = plan[index]
    source = _single_literal(rule) if isinstance(rule, Rule) else None
    if source is None:
        return False
    a, b = source, rule.replacement  # type: ignore[union-attr]
    for later in plan[index + 1 :]:
        if isinstance(later, CharMap):
            a, b = later.table.get(a, a), later.table.get(b, b)
            if a == b:
                return True
            if len(a) != 1 or len(b) != 1:
                return False
        elif not isinstance(later, Rule) or not _reads(later).alike(a, b):
            return False
    return False


def _hoisted(plan: Sequence[Primitive]) -> list[Primitive]:
    """Each map's one-to-one entries moved back past the rules between it
    and the previous map, into that map, where every such rule treats the
    key and its value alike (:func:`_passes`)."""
    result = list(plan)
    for index in range(len(result) - 1, -1, -1):
        current = result[index]
        if not isinstance(current, CharMap):
            continue
        previous = next((i for i in range(index - 1, -1, -1) if not isinstance(result[i], Rule)), None)
        if previous is None or not isinstance(result[previous], CharMap) or previous == index - 1:
            continue
        rules = result[previous + 1 : index]
        table = current.table
        moving = {key: value for key, value in table.items()
                  if len(value) == 1 and value not in table and all(_passes((key, value), rule) for rule in rules)}
        if not moving:
            continue
        result[previous] = result[previous].then(CharMap(moving))  # type: ignore[union-attr]
        result[index] = CharMap({key: value for key, value in table.items() if key not in moving})
    return [p for p in result if not (isinstance(p, CharMap) and not p.table)]


def export_plan(primitives: Sequence[Primitive]) -> tuple[Primitive, ...]:
    """The primitives as they are best exported: planned as arnorm plans
    them for a text that holds every trigger (maps moved past the rules they
    commute with and fused, rules the next map undoes narrowed or dropped:
    :mod:`arnorm._plan`), then rules whose change a later map undoes
    dropped, and maps' entries moved back to earlier maps; each step is
    exact for every text, so the result is too."""
    from ._plan import fuse, hoist_maps, reduce_rules

    plan = reduce_rules(fuse(hoist_maps(primitives)))
    while True:
        kept = [p for i, p in enumerate(plan) if not _undone(i, plan)]
        again = reduce_rules(fuse(_hoisted(fuse(kept))))
        if again == plan:
            return plan
        plan = again


