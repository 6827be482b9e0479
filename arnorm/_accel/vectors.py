"""Rules on an array of code points, for the array of a lookup: the
whitespace rules and reduce_repeats, each equal to its rule on the text the
array holds (and on pieces cut where :func:`.lookup.safe_cut` cuts)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._chars import REPEATABLE_LETTERS
from .._rules import SEPARATOR, Rule
from .lookup import drop_where, membership_table
from .policy import Policy

Codes = Any
Vector = Callable[[Codes], Codes]


def collapse_spaces(rule: Rule, policy: Policy) -> Vector:
    """Each space right after a space goes."""
    numpy = policy.numpy

    def vector(codes: Codes) -> Codes:
        space = codes == 0x20
        doubled = numpy.zeros(len(codes), dtype=bool)
        numpy.logical_and(space[1:], space[:-1], out=doubled[1:])
        return drop_where(codes, doubled, policy) if doubled.any() else codes

    return vector


def strip_line_spaces(rule: Rule, policy: Policy) -> Vector:
    """Each space beside a line break goes (runs already collapsed); only
    the units beside the breaks are looked at, not a mask of the whole."""
    numpy = policy.numpy

    def vector(codes: Codes) -> Codes:
        breaks = numpy.flatnonzero(codes == 0x0A)
        if not breaks.size:
            return codes
        beside = numpy.concatenate((breaks[breaks > 0] - 1, breaks[breaks < len(codes) - 1] + 1))
        beside = beside[codes[beside] == 0x20]
        if not beside.size:
            return codes
        drop = numpy.zeros(len(codes), dtype=bool)
        drop[beside] = True
        return drop_where(codes, drop, policy)

    return vector


def strip_beside_separators(rule: Rule, policy: Policy) -> Vector:
    """The spaces on each side of every separator go: from each separator,
    a step outwards at a time while the next unit is a space (runs are
    collapsed, so mostly one step); only the units beside the separators
    are looked at."""
    numpy = policy.numpy
    separator = ord(SEPARATOR)

    def vector(codes: Codes) -> Codes:
        found = numpy.flatnonzero(codes == separator)
        if not found.size:
            return codes
        before, after = found[found > 0] - 1, found[found < len(codes) - 1] + 1
        if not (codes[before] == 0x20).any() and not (codes[after] == 0x20).any():  # the usual case
            return codes
        spaces = []
        for step in (-1, 1):
            beside = found + step
            while True:
                beside = beside[(beside >= 0) & (beside < len(codes))]
                beside = beside[codes[beside] == 0x20]
                if not beside.size:
                    break
                spaces.append(beside)
                beside = beside + step
        if not spaces:
            return codes
        drop = numpy.zeros(len(codes), dtype=bool)
        drop[numpy.concatenate(spaces)] = True
        return drop_where(codes, drop, policy)

    return vector


def reduce_repeats(rule: Rule, policy: Policy) -> Vector:
    """Each letter that follows ``max_repeat`` copies of itself goes."""
    max_repeat = rule.params["max_repeat"]
    if max_repeat > policy.short_repeat:
        return _long_runs(max_repeat, policy)
    numpy = policy.numpy
    wanted = membership_table(REPEATABLE_LETTERS, numpy)

    def vector(codes: Codes) -> Codes:
        length = len(codes)
        if length <= max_repeat:
            return codes
        same = codes[1:] == codes[:-1]
        runs = same[: length - max_repeat].copy()
        for shift in range(1, max_repeat):
            runs &= same[shift : length - max_repeat + shift]
        found = numpy.count_nonzero(runs)
        if not found:
            return codes
        if found * 64 > length:  # many runs (of spaces, dots …): test every unit
            runs &= numpy.take(wanted, codes[max_repeat:], mode="clip")
            ends = numpy.flatnonzero(runs) + max_repeat
        else:
            ends = numpy.flatnonzero(runs) + max_repeat
            ends = ends[numpy.take(wanted, codes[ends], mode="clip")]
        if not ends.size:
            return codes
        drop = numpy.zeros(length, dtype=bool)
        drop[ends] = True
        return drop_where(codes, drop, policy)

    return vector


def _long_runs(max_repeat: int, policy: Policy) -> Vector:
    """reduce_repeats for a large ``max_repeat``: runs found where
    neighbours differ, in one pass however large it is."""
    numpy = policy.numpy
    wanted = membership_table(REPEATABLE_LETTERS, numpy)

    def vector(codes: Codes) -> Codes:
        length = len(codes)
        if length <= max_repeat:
            return codes
        change = numpy.flatnonzero(codes[1:] != codes[:-1]) + 1
        starts = numpy.concatenate(([0], change))
        ends = numpy.concatenate((change, [length]))
        letters = numpy.take(wanted, codes[starts], mode="clip")
        long = (ends - starts > max_repeat) & letters
        if not long.any():
            return codes
        edges = numpy.zeros(length + 1, dtype=numpy.int32)  # from the (max_repeat + 1)-th unit of each long run
        edges[starts[long] + max_repeat] += 1
        edges[ends[long]] -= 1
        return drop_where(codes, numpy.cumsum(edges[:-1]) > 0, policy)

    return vector
