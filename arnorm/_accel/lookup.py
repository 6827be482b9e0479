"""The NumPy path: a character map as one table lookup over the code units.

A text dense in keys (fully vocalized Quran, where every other character is
a mark) costs a chain one copy per key present; the lookup costs one pass
whatever the density. It reads UTF-16, whose table of 65,536 entries stays
in the CPU cache, and falls back to UTF-32 where UTF-16 cannot carry the
text unchanged (a deleted U+FFFF, lone surrogates that meet) or slowly
(many surrogate pairs). Keys written as several characters (ligatures) and keys
beyond the BMP go to chains after the lookup, or, when a text holds many
different ones, are expanded in the array. The rules of a tail run on the
array before it is decoded.

>>> run = Lookup({"\u0623": "\u0627", "\u064e": "", "\ufefb": "\u0644\u0627"})
>>> run("أَحمد ﻻ \U0001F600")
'احمد لا \U0001F600'
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

from .._chars import char_class
from .policy import DEFAULT, Policy
from .probes import presence_test

DELETED_UNIT = 0xFFFF
"""Marks a deleted code unit in the UTF-16 table (a text with U+FFFF takes UTF-32)."""
DELETED = 0xFFFFFFFF
"""Marks a deleted code point in the UTF-32 table (no code point is this large)."""
PRESENTATION_FORMS = 0xFB00
"""Several-character keys from here on are looked for only in a text with a
code unit this high or a character beyond the BMP."""

Codes = Any  # a NumPy array of code units or code points
Vectors = tuple[Callable[[Codes], Codes], ...]


def _in_bmp(ch: str) -> bool:
    return ord(ch) < 0x10000 and not 0xD800 <= ord(ch) < 0xE000


class Lookup:
    """A character map and its tail's rules over a text's code units.

    ``single`` holds the keys that map, in the BMP, to at most one
    character; the others are run by chains (``low`` below the presentation
    forms, ``high`` from them on, ``others`` beyond the BMP), or, where a
    text has many different ``several``-character keys, expanded.
    """

    def __init__(self, table: Mapping[str, str], tail: Any = (), policy: Policy = DEFAULT) -> None:
        from .maps import MapRunner

        numpy = self.numpy = policy.numpy
        self.policy = policy
        self.single = {key: value for key, value in table.items() if len(value) <= 1 and _in_bmp(key)
                       and all(map(_in_bmp, value)) and value != "\uffff"}
        rest = {key: value for key, value in table.items() if key not in self.single}
        low = {key: value for key, value in rest.items() if ord(key) < PRESENTATION_FORMS}
        high = {key: value for key, value in rest.items() if key not in low}
        self.run_low = MapRunner(low, (), policy, lookup=False) if low else None
        self.run_high = MapRunner(high, (), policy, lookup=False) if high else None
        self.low_present = presence_test(low, policy) if low else None
        self.several = {key: value for key, value in rest.items()
                        if _in_bmp(key) and len(value) > 1 and all(map(_in_bmp, value))}
        others = {key: value for key, value in rest.items() if key not in self.several}
        self.run_others = MapRunner(others, tail, policy, lookup=False) if others else None
        self.several_keys = membership_table(frozenset(self.several), numpy) if self.several else None
        self.vectors: Vectors = tuple(vector for vector, _ in tail)
        self.funcs = tuple(func for _, func in tail)
        self.deletes = any(not value for value in self.single.values())
        units = numpy.arange(0x10000, dtype=numpy.uint16)
        for key, value in self.single.items():
            units[ord(key)] = ord(value) if value else DELETED_UNIT
        self.units = units
        self._points: Any = None
        self._expansions: dict[int, tuple[Codes, Codes, Codes]] = {}

    def __call__(self, text: str) -> str:
        numpy = self.numpy
        data = numpy.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=numpy.uint16)
        beyond_bmp = len(data) - len(text)  # pairs; any other pair was lone surrogates
        high = self.run_high is not None and bool(beyond_bmp or (len(data) and data.max() >= PRESENTATION_FORMS))
        chains = high or (self.low_present is not None and self.low_present(text))
        rules = () if chains else self.vectors
        if chains and self.several and self.many_several(data):
            result = self.expanded(text, data, beyond_bmp, () if self.run_others is not None else self.vectors)
            return result if self.run_others is None else self.run_others(result)
        result = self.looked_up(text, data, beyond_bmp, rules)
        if not chains:
            return result
        if self.run_low is not None:  # the lookup leaves every other key, and writes none
            result = self.run_low(result)
        if high:
            result = self.run_high(result)  # type: ignore[misc]
        for func in self.funcs:
            result = func(result)
        return result

    def looked_up(self, text: str, data: Codes, beyond_bmp: int, rules: Vectors) -> str:
        """The single-character keys replaced, in UTF-16 where it carries
        the text unchanged (no deleted U+FFFF, no lone surrogates that meet)
        and quick (not many surrogate pairs)."""
        if beyond_bmp * self.policy.pairs_share > len(text) or (self.deletes and "\uffff" in text):
            return self.utf32(text, rules)
        codes = then(self.kept(self.numpy.take(self.units, data), DELETED_UNIT), rules)
        result = codecs.utf_16_le_decode(codes, "surrogatepass", True)[0]
        if len(result) != len(codes) - beyond_bmp:
            return self.utf32(text, rules)
        return result  # type: ignore[no-any-return]

    def utf32(self, text: str, rules: Vectors) -> str:
        numpy = self.numpy
        if self._points is None:
            table32 = numpy.arange(0x110000, dtype=numpy.uint32)
            for key, value in self.single.items():
                table32[ord(key)] = ord(value) if value else DELETED
            self._points = table32
        data = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
        codes = then(self.kept(numpy.take(self._points, data), DELETED), rules)
        return codecs.utf_32_le_decode(codes, "surrogatepass", True)[0]  # type: ignore[no-any-return]

    def kept(self, codes: Codes, mark: int) -> Codes:
        if not self.deletes:
            return codes
        drop = codes == mark
        return drop_where(codes, drop, self.policy) if drop.any() else codes

    def many_several(self, data: Codes) -> bool:
        """Whether more than ``expand_keys`` different several-character keys
        are in the first 4,096 code units."""
        sample = data[:4096]
        found = sample[self.numpy.take(self.several_keys, sample, mode="clip")]
        limit = self.policy.expand_keys
        return found.size > limit and self.numpy.unique(found).size > limit  # type: ignore[no-any-return]

    def expanded(self, text: str, data: Codes, beyond_bmp: int, rules: Vectors) -> str:
        """Every key replaced in the array, however long its replacement."""
        numpy = self.numpy
        if beyond_bmp * self.policy.pairs_share <= len(text):
            codes = then(self.expand(data, 0x10000), rules)
            result = codecs.utf_16_le_decode(codes, "surrogatepass", True)[0]
            if len(result) == len(codes) - beyond_bmp:  # no lone surrogates met
                return result  # type: ignore[no-any-return]
        codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
        return codecs.utf_32_le_decode(then(self.expand(codes, 0x110000), rules), "surrogatepass", True)[0]  # type: ignore[no-any-return]

    def expand(self, codes: Codes, size: int) -> Codes:
        """Each unit's replacement: its length and its start in a flat array
        of replacements, a cumulative sum and one ``repeat`` index them."""
        numpy = self.numpy
        starts, lengths, flat = self.expansion(size)
        counts = numpy.take(lengths, codes)
        ends = numpy.cumsum(counts, dtype=numpy.int64)
        total = int(ends[-1]) if len(ends) else 0
        shift = numpy.take(starts, codes) - (ends - counts)
        return numpy.take(flat, numpy.repeat(shift, counts) + numpy.arange(total))

    def expansion(self, size: int) -> tuple[Codes, Codes, Codes]:
        """For code points below ``size``: where each one's replacement
        starts in the flat array of replacements, and how long it is."""
        if size in self._expansions:
            return self._expansions[size]
        numpy = self.numpy
        dtype = numpy.uint16 if size == 0x10000 else numpy.uint32
        starts = numpy.arange(size, dtype=numpy.int32)  # each code point stands for itself,
        lengths = numpy.ones(size, dtype=numpy.uint8)
        for key, value in self.single.items():  # or for its one replacement, or for nothing
            starts[ord(key)] = ord(value) if value else 0
            lengths[ord(key)] = len(value)
        extra = numpy.array(list(map(ord, "".join(self.several.values()))), dtype=dtype)
        flat = numpy.concatenate((numpy.arange(size, dtype=dtype), extra))
        start = size
        for key, value in self.several.items():  # or for the characters it becomes
            starts[ord(key)], lengths[ord(key)] = start, len(value)
            start += len(value)
        self._expansions[size] = (starts, lengths, flat)
        return self._expansions[size]


def then(codes: Codes, rules: Vectors) -> Codes:
    for rule in rules:
        codes = rule(codes)
    return codes


def drop_where(codes: Codes, drop: Codes, policy: Policy = DEFAULT) -> Codes:
    """``codes`` without the items where ``drop`` is True: few drops are cut
    out by joining the slices between them, more by ``numpy.compress``."""
    numpy = policy.numpy
    where = numpy.flatnonzero(drop)
    if len(where) * policy.sparse_drops > len(codes):
        return numpy.compress(~drop, codes)
    parts, start = [], 0
    for index in where.tolist():
        if index > start:
            parts.append(codes[start:index])
        start = index + 1
    parts.append(codes[start:])
    return numpy.concatenate(parts)


@functools.lru_cache(maxsize=64)  # bounded: one per map or rule, but maps may be the user's
def membership_table(chars: frozenset[str], numpy: Any) -> Codes:
    """Booleans: which code points up to the largest of ``chars`` are among
    them; the last slot, False, stands for every code point above, so
    ``numpy.take(table, codes, mode="clip")`` tests any array."""
    top = max(map(ord, chars)) + 1
    wanted = numpy.zeros(top + 1, dtype=bool)
    wanted[sorted(map(ord, chars))] = True
    return wanted


def safe_cut(table: Mapping[str, str], policy: Policy = DEFAULT) -> Callable[[str, int], int] | None:
    """Where a text may be cut for the lookup's rules (whitespace, repeats):
    the first place at or after the end between two different characters
    that the map leaves, neither a line break nor a batch's separator, the
    second not a space, so that no run of spaces or of a letter, and no
    space beside a line break or a separator, is parted. None when the map
    changes spaces or line breaks."""
    if " " in table or "\n" in table:
        return None
    keys = char_class(table)[1:] if table else "]"
    safe = re.compile("([^\n\x00" + keys + ")(?!\\1)[^ \n\x00" + keys).search
    window = policy.cut_window

    def cut(text: str, end: int) -> int:
        found = safe(text, end - 1, end + window)
        return len(text) if found is None else found.start() + 1

    return cut
