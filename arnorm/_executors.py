"""How a character map is run: the fastest correct executor for its table and text.

Measured in CPython 3.11 (``python -m benchmarks``): ``str.translate`` runs at
10–60 MB/s outside ASCII, while ``ch in text`` scans at over 20 GB/s and
``str.replace`` of a present character costs one copy. So by default a map is
split in two:

* *frequent* keys (ASCII, Arabic letters, harakat, tatweel, or every key of
  a small map) run as a chain of ``str.replace``, each guarded by
  ``ch in text``;
* the *rare* rest (presentation forms, Quranic marks, bidi controls …) is
  found by one compiled character class, and only the keys actually present
  are replaced (by ``str.translate`` when very many distinct ones are, as in
  text extracted from PDFs).

On long, *dense* text (fully vocalized Quran or hadith, where every other
character is a mark) a chain pays one full copy per mark. There, when NumPy is
installed, the text goes through a lookup table over its UTF-32 code points in
one vectorised pass, whatever the density. Set ``ARNORM_NO_NUMPY=1`` to turn
that off. Every executor returns exactly the simultaneous mapping.

A chain equals a simultaneous mapping only when no replacement contains a
key; a map that breaks that rule always runs with ``str.translate``.

>>> run = charmap_executor({"\\u0640": "", "\\ufefb": "\\u0644\\u0627"})
>>> run("ﻻ عـــرب")
'لا عرب'
"""

from __future__ import annotations

import codecs
import functools
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ._chars import TASHKEEL, char_class

Executor = Callable[[str], str]

SMALL_MAP = 24
"""A map with at most this many keys is run entirely as a guarded chain."""

DENSE_TEXT = 50_000
"""Texts at least this long are sampled to choose the NumPy path."""

DENSE_KEYS = 6
"""Distinct keys present (in a sample) from which the NumPy path may be used."""

DENSE_SHARE = 0.1
"""Share of the sample's characters that are keys from which the NumPy path
is used. Measured (12 MB, chains and lookups both in pieces): on the Quran
(42 % keys) the search map took 126 ms as a chain against 68 ms as a lookup,
and the 14-key lucene map 87 ms against 55 ms."""

MANY_KEYS = 8
"""Distinct keys in the sample from which the NumPy path is used for keys
less dense than :data:`DENSE_SHARE`, down to :data:`MANY_KEYS_SHARE`: each
key present costs the chain one ``replace`` over the text, the lookup nothing
more."""

MANY_KEYS_SHARE = 0.03
"""See :data:`MANY_KEYS`. Measured (alternate runs, best of 5), chains with
one deletion (:func:`one_deletion`) against the lookup, on news with a key
of the map after 1 % or 5 % of its characters: lucene's map (14 keys)
505 / 349 MB/s as a chain, 510 / 470 as a lookup; normalize_digits' (20)
881 / 604 against 967 / 952; normalize_hamza's (11) 718 / 494 against
534 / 500. On random code points (all keys present, 0.5 % of the text) the
chains ran at 715, 586 and 492 MB/s, the lookups at 349, 326 and 395."""

FREQUENT: frozenset[str] = (
    frozenset(map(chr, range(0x80)))  # ASCII
    | frozenset(map(chr, range(0x0621, 0x064B)))  # Arabic letters
    | TASHKEEL
    | {"\u0640", "\u0670"}  # tatweel, dagger alef
)
"""Characters common enough in real text that a per-key guard beats a probe:
a probe's cost grows with the number of matches, a guard's does not."""


def _load_numpy() -> Any:
    if os.environ.get("ARNORM_NO_NUMPY"):
        return None
    try:
        import numpy
    except ImportError:
        return None
    return numpy


Tail = tuple[tuple[Callable[[Any], Any], Executor], ...]
"""Rules run right after a map, each as (its NumPy form, its function)."""


def charmap_executor(table: Mapping[str, str], tail: Tail = ()) -> Executor:
    """Return a function applying ``table`` (one code point → string) to a
    text, then each rule of ``tail``: in the NumPy lookup's array, before it
    is decoded, when the map runs as one (see :func:`guarded_chain`)."""
    if not table:
        return _then(_identity, tail)
    if any(ch in table for value in table.values() for ch in value):
        translation = {ord(key): value for key, value in table.items()}
        return _then(lambda text: text.translate(translation), tail)
    dense = len(table) >= DENSE_KEYS and _load_numpy() is not None
    if dense:
        return guarded_chain(table, dense=True, tail=tail)
    return _then(guarded_chain(table), tail)


def _then(executor: Executor, tail: Tail) -> Executor:
    """``executor``, then the functions of ``tail``."""
    if not tail:
        return executor
    funcs = tuple(func for _, func in tail)

    def run(text: str) -> str:
        text = executor(text)
        for func in funcs:
            text = func(text)
        return text

    return run


CUT_WINDOW = 1 << 12
"""How far past a piece's end :func:`_safe_cut` looks for a place to cut."""


def _safe_cut(table: Mapping[str, str]) -> Callable[[str, int], int] | None:
    """Where a text may be cut for the rules of a tail (see :func:`guarded_chain`):
    the first place at or after ``end`` between two different characters
    that the map leaves, neither a line break, the second not a space (so no
    run of spaces or of a letter, and no space beside a line break, is
    parted). None when the map changes spaces or line breaks."""
    if " " in table or "\n" in table:
        return None
    keys = char_class(table)[1:] if table else "]"
    safe = re.compile("([^\n" + keys + ")(?!\\1)[^ \n" + keys).search

    def cut(text: str, end: int) -> int:
        # Looked for near ``end`` only: a text without such a place (only
        # spaces) goes in one piece, after one short search.
        found = safe(text, end - 1, end + CUT_WINDOW)
        return len(text) if found is None else found.start() + 1

    return cut


def _identity(text: str) -> str:
    return text


def guarded_chain(table: Mapping[str, str], *, dense: bool = False, tail: Tail = ()) -> Executor:
    """Frequent keys as guarded ``str.replace``; rare keys probed by one class;
    then the rules of ``tail``.

    Long texts are replaced in pieces of :data:`CHUNK` code points, so that
    each guard and ``replace`` works on a piece in the CPU cache instead of
    the whole text in memory; the rare keys' probe (a regex scan, which gains
    nothing from pieces) runs once on the whole text, and a text without any
    key comes back as it is. With ``dense``, a long text in which keys are
    dense goes through :func:`numpy_lookup` instead, and the rules of
    ``tail`` run on the lookup's array, in pieces cut only between two
    different characters that the map leaves alone (see :func:`_safe_cut`).

    Measured on 12 MB of the Quran (search preset, deleted pause marks leave
    a double space in most verses): the collapse of spaces and their strip
    around line breaks took 30 and 17 ms as ``str.replace`` passes over
    pieces, and about 3 ms together in the lookup's pieces.
    """
    if len(table) <= SMALL_MAP:
        return _chain(tuple(table.items()), {}, table if dense else None, tail)
    hot = tuple((k, v) for k, v in table.items() if k in FREQUENT)
    rare = {k: v for k, v in table.items() if k not in FREQUENT}
    return _chain(hot, rare, table if dense else None, tail)


CHUNK = 1 << 15
"""Code points per piece of a long text (64–128 KB: a few fit in L2 cache).
Measured on the news corpus, the lucene map ran at 500 MB/s over the whole
text and at 1,190 MB/s over pieces of 16–64 K."""

NUMPY_CHUNK = 1 << 18
"""Code points per piece for the NumPy lookup (Quran, search map: 94 ms
whole, 68 ms in pieces)."""


def one_deletion(items: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """A chain's ``(key, replacement)`` items with all deletions made by one
    ``replace``: every deleted key but one first becomes that one (a swap of
    one code point for another is done in place), which is deleted last. It
    equals the chain because no replacement contains a key.

    A deletion costs ``str.replace`` a count and a rebuild of the text, a swap
    a copy: on 12 MB, lucene's map (nine deletions) on random code points
    205 -> 325 MB/s, normalize_hamza's (three) on the Quran 335 -> 374 MB/s.

    >>> one_deletion([("\u064e", ""), ("\u0623", "\u0627"), ("\u064f", "")])
    (('\u064e', '\u064f'), ('\u0623', '\u0627'), ('\u064f', ''))
    """
    items = tuple(items)
    deleted = [key for key, value in items if not value]
    if len(deleted) < 2:
        return items
    last = deleted[-1]
    return tuple((key, value or last) for key, value in items if key != last) + ((last, ""),)


def _chain(hot: tuple[tuple[str, str], ...], rare: dict[str, str],
           dense: Mapping[str, str] | None, tail: Tail = ()) -> Executor:
    chain = one_deletion(hot)
    search = findall = None
    if rare:
        probe = re.compile(probe_class(rare))
        search, findall = probe.search, probe.findall
    translation = {ord(key): value for key, value in rare.items()}
    is_dense = _density_test(dense, any_key=bool(rare)) if dense else None
    lookup: list[Executor] = []
    finder: list[tuple[Callable[[str], set[str] | None], bool]] = []
    # With a tail, a dense text's lookup pieces end only where no rule looks
    # across; a map that changes spaces or line breaks has no such place.
    cut = _safe_cut(dense) if dense and tail else None
    whole = bool(tail) and cut is None

    def replace(text: str) -> str:
        for key, value in chain:  # short: no list to build (per-call cost)
            if key in text:
                text = text.replace(key, value)
        if search is None or search(text) is None:
            return text
        found = rare_in(text)
        if found is None:
            return text.translate(translation)
        for key in found:
            text = text.replace(key, rare[key])
        return text

    def rare_in(text: str) -> set[str] | None:
        """The rare keys in ``text``; None when there are so many (text from a
        PDF, full of presentation forms) that ``str.translate`` is quicker."""
        found = set(findall(text)).intersection(rare)  # type: ignore[misc]
        return None if len(found) > SMALL_MAP else found

    def run_dense(text: str) -> str:
        """The lookup, the tail's rules in it (``text`` is dense and long)."""
        if not lookup:
            lookup.append(numpy_lookup(dense, tail))  # type: ignore[arg-type]
        if len(text) <= 2 * NUMPY_CHUNK or whole:
            return lookup[0](text)
        return in_pieces(lookup[0], text, size=NUMPY_CHUNK, cut=cut)

    def run_long(text: str) -> str:
        if len(text) <= 2 * CHUNK:
            return replace(text)  # not long enough for pieces: the plain chain
        # The rare keys present are found on the whole text (present_keys);
        # then every key that may be present is replaced piece by piece,
        # each ``in`` and ``replace`` in the cache.
        present = list(hot)
        if not finder and rare:  # (the finder, whether it is NumPy's)
            finder.append((present_keys(rare), _load_numpy() is not None))
        # With NumPy, present_keys itself is the quicker probe (a text with
        # none of the presentation forms: 14 ms against 76 ms for the regex
        # search on 12 MB of news); without, the search spares a findall.
        if finder and (finder[0][1] or search(text) is not None):  # type: ignore[misc]
            found = finder[0][0](text)
            if len(found) > SMALL_MAP:  # text from a PDF: many distinct keys
                text = text.translate(translation)
            else:
                present += [(key, rare[key]) for key in found]
        if not present:
            return text
        present = list(one_deletion(present))
        if len(present) == 1:  # one pass: pieces would only add two copies
            key, value = present[0]
            return text.replace(key, value) if key in text else text
        return in_pieces(lambda piece: _replace_present(present, piece), text)

    funcs = tuple(func for _, func in tail)

    def run(text: str) -> str:
        if len(text) < DENSE_TEXT:
            text = replace(text)
        elif is_dense is not None and is_dense(text):
            return run_dense(text)
        else:
            text = run_long(text)
        for func in funcs:
            text = func(text)
        return text

    return run


def present_keys(keys: Iterable[str]) -> Callable[[str], set[str] | None]:
    """A function giving the characters of ``keys`` that a long text contains.

    With NumPy, a table lookup over the text's UTF-32 code points, in pieces
    of 64 K: 14 ms for the search map's rare keys (quotes and a dash present)
    in 12 MB of news, where ``findall`` of their class took 23 ms. Without
    NumPy, that ``findall``.
    """
    keys = frozenset(keys)
    findall = re.compile(probe_class(keys)).findall
    numpy = _load_numpy()
    if numpy is None:
        return lambda text: set(findall(text)).intersection(keys)
    wanted = numpy.zeros(0x110000, dtype=bool)
    wanted[[ord(key) for key in keys]] = True

    def present(text: str) -> set[str]:
        found: set[int] = set()
        for start in range(0, len(text), PRESENCE_CHUNK):
            piece = text[start : start + PRESENCE_CHUNK].encode("utf-32-le", "surrogatepass")
            codes = numpy.frombuffer(piece, dtype=numpy.uint32)
            hits = numpy.take(wanted, codes)
            if hits.any():
                found.update(codes[hits].tolist())
        return set(map(chr, found))

    return present


PRESENCE_CHUNK = 1 << 16
"""Code points per piece for :func:`present_keys`."""


def _replace_present(items: list[tuple[str, str]], text: str) -> str:
    for key, value in items:
        if key in text:
            text = text.replace(key, value)
    return text


PROBE_GAP = 64
"""Gaps of at most this many code points, none of them frequent, are folded
into the probe's ranges: a class of few wide ranges is scanned about twice as
fast as one of many narrow ones, and the rare false positives are dropped."""


def probe_class(keys: Iterable[str]) -> str:
    """A character class matching every key, in few ranges (a superset)."""
    points = sorted(ord(key) for key in keys)
    frequent = sorted(ord(ch) for ch in FREQUENT)
    ranges = [[points[0], points[0]]]
    for point in points[1:]:
        last = ranges[-1][1]
        blocked = bisect_right(frequent, point - 1) > bisect_right(frequent, last)
        if point - last - 1 <= PROBE_GAP and not blocked:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return "[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges) + "]"


PRESENCE_TESTS = 12
"""A set of at most this many characters is looked for in a long text with
one ``in`` per character rather than one pattern."""

SHORT_TEXT = 256
"""Below this many code points, one pattern call beats a loop of ``in`` tests."""


def presence_test(chars: Iterable[str]) -> Callable[[str], bool]:
    """A function telling whether a text contains any character of ``chars``.

    A compiled class scans about 3 ns per code point; ``ch in text`` runs at
    memory speed (the CR guard on 12 MB of news: 0.4 ms against 6 ms), so a
    long text is probed with one ``in`` per character when there are few.

    >>> present = presence_test("\\r\\u06cc")
    >>> present("سلام\\r\\n" * 100), present("سلام\\n" * 100)
    (True, False)
    """
    chars = sorted(set(chars))
    search = re.compile(char_class(chars)).search
    if len(chars) > PRESENCE_TESTS:
        return lambda text: search(text) is not None

    def present(text: str) -> bool:
        if len(text) < SHORT_TEXT:
            return search(text) is not None
        for ch in chars:
            if ch in text:
                return True
        return False

    return present


def in_pieces(func: Executor, text: str, unsafe: str = "", size: int | None = None,
              cut: Callable[[str, int], int] | None = None) -> str:
    """``func`` run on pieces of ``size`` (default :data:`CHUNK`) code points
    of a text, cut where it cannot tell: never just after a character of
    ``unsafe`` (so a run of spaces, or a space and the line break beside it,
    stay in one piece), or, with ``cut``, at ``cut(text, end)``, the first
    safe place at or after ``end``. For passes whose copies then stay in the
    CPU cache."""
    step = CHUNK if size is None else size
    if cut is None and unsafe:
        cut = functools.partial(_past_run, _run_of(unsafe).match, unsafe)
    pieces, start, length = [], 0, len(text)
    while start < length:
        end = min(start + step, length)
        if cut is not None and end < length:
            end = min(cut(text, end), length)
        pieces.append(func(text[start:end]))
        start = end
    return "".join(pieces)


def _past_run(run: Callable[[str, int], re.Match[str] | None], unsafe: str, text: str, end: int) -> int:
    """``end``, or, just after a character of ``unsafe``, past the run of them
    and one more (a C-level scan: a text of 2 M spaces took 0.4 s one
    character at a time)."""
    if text[end - 1] not in unsafe:
        return end
    return run(text, end).end() + 1  # type: ignore[union-attr]


@functools.lru_cache(maxsize=None)
def _run_of(chars: str) -> re.Pattern[str]:
    """A run of any of ``chars``."""
    return re.compile(char_class(chars) + "*")


def _density_test(table: Mapping[str, str], *, any_key: bool = False) -> Callable[[str], bool]:
    """Whether a long text is dense in keys of ``table`` (or has many distinct
    keys), judged on its start: then :func:`numpy_lookup` is the quicker.

    With ``any_key`` (a map with rare keys, which a chain finds with a NumPy
    pass over the whole text before replacing anything), any key in the
    start will do: the lookup costs about that pass and does the rest too.
    Measured (12 MB of news, alternate runs, best of 14): the standard map,
    four keys present, 43 ms as a chain against 33-36 ms as a lookup;
    remove_diacritics' map, one key present, 34-38 against 31-33 ms. A text
    whose start has no key stays with the chain (the presentation forms on
    news: 10-12 ms, against 25-28 ms as a lookup).
    """
    keys = re.compile(char_class(table))

    def is_dense(text: str) -> bool:
        sample = text[: DENSE_TEXT // 4]
        found = keys.findall(sample)
        if any_key and found:
            return True
        distinct = len(set(found))
        share = len(found) / max(len(sample), 1)
        return (share >= DENSE_SHARE and distinct >= DENSE_KEYS) or (share >= MANY_KEYS_SHARE and distinct >= MANY_KEYS)

    return is_dense


def numpy_lookup(table: Mapping[str, str], tail: Tail = ()) -> Executor:
    """One vectorised pass over the text's code units for the keys that map
    to at most one character; the other keys (ligatures and the rest replaced
    by several characters, keys beyond the Basic Multilingual Plane) are then
    replaced by guarded chains: no replacement contains a key, so the order
    does not matter. A text with many different keys of several characters
    (more than :data:`EXPAND_KEYS` in its first 4,096 code units) has them
    replaced in the array too, by an expansion: each unit's replacement
    length and start in a flat array of replacements, a cumulative sum and
    one ``numpy.repeat`` give the index of every output unit.

    The pass reads UTF-16: its table of 65,536 entries stays in the CPU
    cache, where UTF-32's of 1,114,112 does not (the search map on the Quran:
    64 against 89 ms). Surrogates are no keys of the lookup (a lone surrogate
    as a key goes to the chains), so the halves of a character
    beyond the BMP pass through side by side. A text takes UTF-32 where
    UTF-16 cannot carry it unchanged: one with U+FFFF when the map deletes
    (U+FFFF marks a deletion), and one whose lone surrogates meet and pair, in
    the text or once the characters between them are deleted (the decoded
    text is then shorter than it should be); and where UTF-16 is slow, see
    :data:`PAIRS_SHARE`. The result is decoded straight from the array, with
    no copy to bytes; deletion marks are dropped only where there are some.
    The rules of ``tail`` then run on the array, or, on a text where the
    several-character keys must be replaced, on the text after them.

    The several-character keys are mostly presentation forms (U+FB00 and
    up), which most texts lack: when ``max`` finds no code unit that high and
    no character is beyond the BMP, their chain is skipped. Measured in one
    process against the previous version (which ran that chain's probe on
    every text, and copied to bytes), 12 MB, best of 9: the search map on
    news 25 -> 14 ms, on the Quran 49 -> 39 ms.

    >>> run = numpy_lookup({"\u0623": "\u0627", "\u064e": "", "\ufefb": "\u0644\u0627"})
    >>> run("أَحمد ﻻ \U0001F600")
    'احمد لا \U0001F600'
    """
    numpy = _load_numpy()
    if numpy is None:  # pragma: no cover - callers check first
        raise RuntimeError("NumPy is not available")

    def in_bmp(ch: str) -> bool:
        return ord(ch) < 0x10000 and not 0xD800 <= ord(ch) < 0xE000

    single = {key: value for key, value in table.items() if len(value) <= 1 and in_bmp(key)
              and all(map(in_bmp, value)) and value != "\uffff"}
    rest = {key: value for key, value in table.items() if key not in single}
    low = {key: value for key, value in rest.items() if ord(key) < PRESENTATION_FORMS}
    high = {key: value for key, value in rest.items() if key not in low}
    run_low = guarded_chain(low) if low else None
    run_high = guarded_chain(high) if high else None  # keys from U+FB00 on, none a surrogate
    # One table: each code unit's replacement, or a deletion mark. numpy.take
    # and a comparison measured faster than fancy indexing and a second (keep)
    # table: the lucene map on the Quran corpus 61 -> 44 ms.
    # The UTF-32 table (4.4 MB) is made on the first text that needs it.
    units = numpy.arange(0x10000, dtype=numpy.uint16)
    points: list[Any] = []
    for key, value in single.items():
        units[ord(key)] = ord(value) if value else DELETED_UNIT
    deletes = any(not value for value in single.values())
    vectors = tuple(vector for vector, _ in tail)
    funcs = tuple(func for _, func in tail)
    low_present = presence_test(low) if low else None
    # Keys of the BMP written as several characters of the BMP (ligatures,
    # the ellipsis) are replaced by the chains after the lookup, or, in a
    # text with many different ones (random text, PDFs with ligatures of
    # every kind) where the chains would fall back on str.translate, in the
    # array with the rest (:func:`expand`).
    several = {key: value for key, value in rest.items() if in_bmp(key) and len(value) > 1 and all(map(in_bmp, value))}
    others = {key: value for key, value in rest.items() if key not in several}
    # Keys beyond the BMP, U+FFFF as a value: a chain, then the tail's functions.
    run_others = _then(guarded_chain(others), tail) if others else None
    several_keys = membership_table(frozenset(several)) if several else None
    expansions: dict[int, tuple[Any, Any, Any]] = {}

    def many_several(data: Any) -> bool:
        """Whether more than :data:`EXPAND_KEYS` different several-character
        keys are in the first 4,096 of ``data`` (UTF-16 code units)."""
        sample = data[:4096]
        found = sample[numpy.take(several_keys, sample, mode="clip")]  # clipped: past the table, the last slot
        return found.size > EXPAND_KEYS and numpy.unique(found).size > EXPAND_KEYS

    def expansion(size: int) -> tuple[Any, Any, Any]:
        """For code points below ``size``: where each one's replacement
        starts in the flat array of replacements, and how long it is."""
        if size not in expansions:
            dtype = numpy.uint16 if size == 0x10000 else numpy.uint32
            starts = numpy.arange(size, dtype=numpy.int32)  # each code point stands for itself,
            lengths = numpy.ones(size, dtype=numpy.uint8)
            for key, value in single.items():  # or for its one replacement, or for nothing
                starts[ord(key)] = ord(value) if value else 0
                lengths[ord(key)] = len(value)
            extra = "".join(several.values())
            flat = numpy.concatenate((numpy.arange(size, dtype=dtype), numpy.array(list(map(ord, extra)), dtype=dtype)))
            start = size
            for key, value in several.items():  # or for the characters it becomes
                starts[ord(key)], lengths[ord(key)] = start, len(value)
                start += len(value)
            expansions[size] = (starts, lengths, flat)
        return expansions[size]

    def expand(codes: Any, size: int) -> Any:
        """``codes`` with each one replaced by its replacement, however long,
        in a few vectorised passes."""
        starts, lengths, flat = expansion(size)
        counts = numpy.take(lengths, codes)
        ends = numpy.cumsum(counts, dtype=numpy.int64)
        total = int(ends[-1]) if len(ends) else 0
        shift = numpy.take(starts, codes) - (ends - counts)
        return numpy.take(flat, numpy.repeat(shift, counts) + numpy.arange(total))

    def expanded(text: str, data: Any, beyond_bmp: int, rules: tuple[Callable[[Any], Any], ...]) -> str:
        if beyond_bmp * PAIRS_SHARE <= len(text):
            codes = then(expand(data, 0x10000), rules)
            result = codecs.utf_16_le_decode(codes, "surrogatepass", True)[0]
            if len(result) == len(codes) - beyond_bmp:  # no lone surrogates met
                return result
        codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
        return codecs.utf_32_le_decode(then(expand(codes, 0x110000), rules), "surrogatepass", True)[0]

    def kept(codes: Any, mark: int) -> Any:
        if not deletes:
            return codes
        drop = codes == mark
        return drop_where(codes, drop) if drop.any() else codes

    def then(codes: Any, rules: tuple[Callable[[Any], Any], ...]) -> Any:
        for rule in rules:
            codes = rule(codes)
        return codes

    def utf32(text: str, rules: tuple[Callable[[Any], Any], ...]) -> str:
        if not points:
            table32 = numpy.arange(0x110000, dtype=numpy.uint32)
            for key, value in single.items():
                table32[ord(key)] = ord(value) if value else DELETED
            points.append(table32)
        codes = numpy.take(points[0], numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32))
        return codecs.utf_32_le_decode(then(kept(codes, DELETED), rules), "surrogatepass", True)[0]

    def run(text: str) -> str:
        data = numpy.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=numpy.uint16)
        # Each character beyond the BMP is two units, before and after; any
        # other pair was made of lone surrogates.
        beyond_bmp = len(data) - len(text)
        high = run_high is not None and (beyond_bmp or (len(data) and data.max() >= PRESENTATION_FORMS))
        chains = high or (low_present is not None and low_present(text))
        rules = () if chains else vectors
        if chains and several and many_several(data):
            result = expanded(text, data, beyond_bmp, () if run_others is not None else vectors)
            return result if run_others is None else run_others(result)
        if beyond_bmp * PAIRS_SHARE > len(text) or (deletes and "\uffff" in text):
            result = utf32(text, rules)
        else:
            codes = then(kept(numpy.take(units, data), DELETED_UNIT), rules)
            result = codecs.utf_16_le_decode(codes, "surrogatepass", True)[0]
            if len(result) != len(codes) - beyond_bmp:
                result = utf32(text, rules)
        if not chains:
            return result
        # The lookup leaves every other key as it is, and writes none.
        if run_low is not None:
            result = run_low(result)
        if high:
            result = run_high(result)  # type: ignore[misc]
        for func in funcs:
            result = func(result)
        return result

    return run


def drop_where(codes: Any, drop: Any) -> Any:
    """``codes`` without the items where ``drop`` is True.

    Few drops (at most one item in :data:`SPARSE_DROPS`) are cut out by
    joining the slices between them; more go by ``numpy.compress`` (on the
    Quran, 41 % of the code units deleted: 13 against 37 ms for 12 MB in one
    array with ``codes[~drop]``). Measured on the news corpus in pieces of
    256 K (the search map deletes a tanwin or a tatweel here and there): 19
    ms with compress, 4 ms with slices.
    """
    import numpy

    where = numpy.flatnonzero(drop)
    if len(where) * SPARSE_DROPS > len(codes):
        return numpy.compress(~drop, codes)
    parts, start = [], 0
    for index in where.tolist():
        if index > start:
            parts.append(codes[start:index])
        start = index + 1
    parts.append(codes[start:])
    return numpy.concatenate(parts)


SPARSE_DROPS = 256
"""Drops at most this rare are cut out with slices (see :func:`drop_where`)."""


PAIRS_SHARE = 16
"""A text with more than one character in this many beyond the BMP takes the
UTF-32 lookup straight away: decoding UTF-16 slows down at each surrogate
pair (random code points, 37 % beyond the BMP: 69 ms in UTF-16 against 58 ms
in UTF-32; news with an emoji a line goes faster in UTF-16)."""

EXPAND_KEYS = 12
"""A text with more than this many different keys written as several
characters has them replaced in the NumPy array (see :func:`numpy_lookup`).
Measured on 12 MB of random code points (47 % presentation forms, 37 %
beyond the BMP), best of 3: fold_presentation_forms 27 -> 118 MB/s, the
search preset 15 -> 27 MB/s; on the news article in isolated presentation
forms, where ﻻ is the only such key, the chains stay (438 and 429 MB/s
before and after; 240 MB/s when expanded)."""

PRESENTATION_FORMS = 0xFB00
"""The first code point of the presentation forms (Alphabetic, then Arabic A
and B). Several-character keys from here on are looked for only in a text
with a code unit this high or a character beyond the BMP."""


DELETED_UNIT = 0xFFFF
"""Marks a deleted code unit in the UTF-16 lookup table (texts with U+FFFF
take the UTF-32 table)."""

DELETED = 0xFFFFFFFF
"""Marks a deleted code point in a NumPy lookup table (no code point is this large)."""


@functools.lru_cache(maxsize=64)  # bounded: one per map or rule, but maps may be the user's
def membership_table(chars: frozenset[str]) -> Any:
    """A NumPy array of booleans: which code points up to the largest of
    ``chars`` are among them; its last slot, False, stands for every code
    point above, so ``numpy.take(table, codes, mode="clip")`` tests any
    array of code points.

    >>> table = membership_table(frozenset("ب")) if _load_numpy() else None
    >>> [bool(table[code]) for code in (0x627, 0x628, 0x629)] if table is not None else [False, True, False]
    [False, True, False]
    """
    numpy = _load_numpy()
    top = max(map(ord, chars)) + 1
    wanted = numpy.zeros(top + 1, dtype=bool)
    wanted[sorted(map(ord, chars))] = True
    return wanted


def run_starts_finder(chars: Iterable[str], max_repeat: int) -> Callable[[str], list[int]] | None:
    """With NumPy, a function giving where each run of one of ``chars``
    repeated more than ``max_repeat`` times starts (its first character),
    in order; without NumPy, None.

    It compares neighbouring UTF-32 code points in pieces of
    :data:`NUMPY_CHUNK`: on the 12 MB news corpus 8 ms, where the regex
    ``(.)\\1{2}`` takes 113 ms; each run is then shortened on its own, so
    one run at the start of a long text no longer sends all the rest through
    the regex (12 MB of random code points, folded as the search preset does:
    the rule went from 140 to 22 ms).

    >>> run_starts_finder("ه", 2)("ههه هه ههههه") if _load_numpy() else [0, 7]
    [0, 7]
    """
    numpy = _load_numpy()
    if numpy is None:
        return None
    wanted = membership_table(frozenset(chars))

    def starts_in(text: str, start: int) -> list[int]:
        """The runs starting in ``text[start : start + NUMPY_CHUNK]``."""
        low = max(start - 1, 0)  # one character before, to tell a run's start
        codes = numpy.frombuffer(text[low : start + NUMPY_CHUNK + max_repeat].encode("utf-32-le", "surrogatepass"),
                                 dtype=numpy.uint32)
        same = codes[1:] == codes[:-1]
        count = len(codes) - max_repeat  # positions followed by max_repeat characters
        if count <= 0:
            return []
        runs = same[:count].copy()
        for shift in range(1, max_repeat):
            runs &= same[shift : count + shift]
        runs[1:] &= ~same[: count - 1]  # the first character of its run only
        found = numpy.flatnonzero(runs)
        found = found[numpy.take(wanted, codes[found], mode="clip")] + low
        return found[(found >= start) & (found < start + NUMPY_CHUNK)].tolist()

    def starts(text: str) -> list[int]:
        found: list[int] = []
        for start in range(0, len(text), NUMPY_CHUNK):
            found += starts_in(text, start)
        return found

    return starts
