"""Finding whether, and which, characters of a set are in a text.

``ch in text`` runs at memory speed, a compiled class at a few ns per code
point, and a NumPy table lookup in between with the answer for every key at
once: each probe here picks between them by the policy.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

from .._chars import TASHKEEL, char_class
from .policy import DEFAULT, Policy, on_first_call

FREQUENT: frozenset[str] = (
    frozenset(map(chr, range(0x80)))  # ASCII
    | frozenset(map(chr, range(0x0621, 0x064B)))  # Arabic letters
    | TASHKEEL
    | {"\u0640", "\u0670"}  # tatweel, dagger alef
    | frozenset("\u060c\u061b\u061f")  # Arabic comma, semicolon, question mark
    | frozenset("\u201c\u201d\u2018\u2019\u00ab\u00bb\u2013\u2014\u2026")  # quotes, dashes, ellipsis
)
"""Characters common enough in real text that a per-key guard beats a probe:
a probe's cost grows with the number of matches, a guard's does not."""


def presence_test(chars: Iterable[str], policy: Policy = DEFAULT) -> Callable[[str], bool]:
    """A function telling whether a text contains any character of ``chars``.

    >>> present = presence_test("\\r\\u06cc")
    >>> present("سلام\\r\\n" * 100), present("سلام\\n" * 100)
    (True, False)
    """
    chars = sorted(set(chars))
    if len(chars) == 1:  # one ``in``, at any length (a CR before a line-end rule)
        only = chars[0]
        return lambda text: only in text
    search = re.compile(char_class(chars)).search
    if len(chars) > policy.presence_tests:
        units = _units_present(chars, policy, search)
        if units is None:
            return lambda text: search(text) is not None
        long, sample = policy.dense_text, policy.dense_sample

        def present_many(text: str) -> bool:
            if len(text) < long:
                return search(text) is not None
            # a set that the text holds is mostly found at once (a union of rare guards)
            return search(text, 0, sample) is not None or units(text)

        return present_many
    short = policy.short_text

    def present(text: str) -> bool:
        if len(text) < short:
            return search(text) is not None
        for ch in chars:
            if ch in text:
                return True
        return False

    return present


def _units_present(chars: list[str], policy: Policy,
                   search: Callable[[str], object]) -> Callable[[str], bool] | None:
    """For a long text and a large set of BMP characters (not surrogates),
    a NumPy test of the text's UTF-16 code units, in pieces, a range
    comparison for a set that is one range: several times quicker than a
    search for the class, which reads every code point at a few ns (the
    combining marks U+0300–U+036F in the 720,000 code points of the Quran:
    0.6 ms instead of 4.3). A surrogate pair is two units outside the BMP
    range, so a BMP key is in the text exactly when its unit is. ``search``
    is the class's search, which stands in if NumPy then fails to import."""
    points = [ord(ch) for ch in chars]
    if not policy.has_numpy or not points or points[-1] >= 0x10000 \
            or any(0xD800 <= point < 0xE000 for point in points):
        return None
    return on_first_call(lambda: _units_test(points, policy, search))


def _units_test(points: list[int], policy: Policy, search: Callable[[str], object]) -> Callable[[str], bool]:
    """:func:`_units_present`'s test, made on the first long text; the
    class's ``search`` if NumPy then fails to import."""
    numpy = policy.numpy
    if numpy is None:
        return lambda text: search(text) is not None
    contiguous = len(points) == points[-1] - points[0] + 1  # (then below U+D800 or above U+DFFF)
    low, width = numpy.uint16(points[0]), numpy.uint16(len(points) if contiguous else 0)
    wanted = numpy.zeros(0x10000, dtype=bool)
    wanted[points] = True
    size = policy.numpy_chunk

    def present(text: str) -> bool:
        for start in range(0, len(text), size):
            units = numpy.frombuffer(text[start : start + size].encode("utf-16-le", "surrogatepass"), dtype=numpy.uint16)
            if (units - low < width).any() if contiguous else numpy.take(wanted, units).any():
                return True
        return False

    return present


def probe_class(keys: Iterable[str], policy: Policy = DEFAULT) -> str:
    """A character class matching every key, in few ranges (a superset):
    a class of few wide ranges scans about twice as fast as one of many
    narrow ones (a short text's probe: remove_diacritics 3.9 -> 2.8 us a
    call); gaps holding a frequent character are never bridged."""
    points = sorted(ord(key) for key in keys)
    frequent = sorted(ord(ch) for ch in FREQUENT)
    ranges = [[points[0], points[0]]]
    for point in points[1:]:
        last = ranges[-1][1]
        blocked = bisect_right(frequent, point - 1) > bisect_right(frequent, last)
        if point - last - 1 <= policy.probe_gap and not blocked:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return "[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges) + "]"


def present_keys(keys: Iterable[str], policy: Policy = DEFAULT) -> Callable[[str], set[str]]:
    """A function giving the characters of ``keys`` that a long text holds:
    a NumPy table over its code points in pieces, else one ``findall``."""
    keys = frozenset(keys)
    findall = re.compile(probe_class(keys, policy)).findall
    numpy = policy.numpy
    if numpy is None:
        return lambda text: set(findall(text)).intersection(keys)
    wanted = numpy.zeros(0x110000, dtype=bool)
    wanted[[ord(key) for key in keys]] = True
    size = policy.presence_chunk

    def present(text: str) -> set[str]:
        found: set[int] = set()
        for start in range(0, len(text), size):
            piece = text[start : start + size].encode("utf-32-le", "surrogatepass")
            codes = numpy.frombuffer(piece, dtype=numpy.uint32)
            hits = numpy.take(wanted, codes)
            if hits.any():
                found.update(codes[hits].tolist())
        return set(map(chr, found))

    return present
