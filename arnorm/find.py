"""Find a query in the original text, ignoring what a preset folds away.

A search engine matches ``مدرسة`` against ``المَدْرَسَةِ`` by normalizing both;
a user who wants the match *highlighted* needs it back in the original text,
marks and letter variants included. :func:`find` normalizes the query and each
line of the text with the same pipeline, looks for the query in the
normalized lines, and maps every hit back through the offsets of its line
(those :meth:`arnorm.Pipeline.normalize_with_offsets` gives), so that a span
covers whole clusters: the marks and tatweel after a matched letter are
inside it.

>>> text = "قال أحمدُ إنّ المَدْرَسَةَ فى القاهرة"
>>> [text[start:end] for start, end in find("مدرسه", text, whole_words=False)]
['مَدْرَسَةَ']
>>> highlight("احمد", text)
'قال <mark>أحمدُ</mark> إنّ المَدْرَسَةَ فى القاهرة'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, Union

from ._chars import char_class
from ._offsets import identity_spans
from ._registry import require_str
from ._rules import CharMap, Rule, compiled
from .pipeline import Pipeline, PipelineLike

if TYPE_CHECKING:
    import numpy as np
else:
    class _NumPyOnFirstUse:
        """NumPy, imported when find first needs it, so that ``import
        arnorm`` (and the command line's start-up) stays light."""

        def __getattr__(self, name: str) -> Any:
            import numpy

            globals()["np"] = numpy  # every later use reads the module itself
            return getattr(numpy, name)

    np = _NumPyOnFirstUse()

Spans = Union[list[tuple[int, int]], "np.ndarray", None]
"""A line's offsets: a list of spans, an ``(n, 2)`` array of them, or None
for the identity (each output character is the input character at its place)."""

LINES_PER_BATCH = 4096
"""Lines normalized at once: memory stays bounded on a text of any size."""


@functools.lru_cache(maxsize=4096)
def _is_word_character(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch)[0] == "M"


def _whole_word(line: str, start: int, end: int) -> bool:
    """Whether ``line[start:end]`` is neither preceded nor followed by a word character."""
    return (start == 0 or not _is_word_character(line[start - 1])) and \
        (end == len(line) or not _is_word_character(line[end]))


def find(query: str, text: str, *, preset: PipelineLike = "search",
         whole_words: bool = True) -> Iterator[tuple[int, int]]:
    """The places in ``text`` whose normalized form is the normalized ``query``.

    Args:
        query: What to look for, written any way the preset folds
            (``مدرسه`` finds ``المَدْرَسَةِ`` with the search preset).
        text: Where to look, any string.
        preset: The pipeline both go through: a preset name (default
            ``"search"``) or anything :meth:`arnorm.Pipeline.coerce` accepts.
        whole_words: Only matches that neither begin nor end inside a word
            of the normalized text.

    Yields:
        ``(start, end)`` spans of ``text``, in order, not overlapping; each
        covers whole clusters (a matched letter's marks are inside it). A
        match never crosses a line break, nor takes part of what one
        character became (the ا of a ligature ﻻ); an empty normalized query
        finds nothing.

    Raises:
        TypeError: ``query`` or ``text`` is not a ``str``.
        ValueError: the normalized query holds a line break.

    Note:
        The span's text is where the *normalized text* matches. With a
        preset whose steps read context (``standard``'s restore_final_yaa),
        that text normalized alone may come out otherwise; with ``lucene``
        and ``minimal`` it is the normalized query, and with ``search`` too,
        but where reduce_repeats cut a run (ههههه → هه: a match of the
        second ه spans the rest of the run).

    Examples:
        >>> list(find("في", "فى الدار وفي البيت"))
        [(0, 2)]
        >>> list(find("في", "فى الدار وفي البيت", whole_words=False))
        [(0, 2), (10, 12)]
    """
    pipe = Pipeline.coerce(preset)
    needle = pipe(require_str(query, "query"))
    lines = iter(require_str(text).splitlines(keepends=True))
    if not needle:
        return
    if needle.splitlines() != [needle]:
        raise ValueError(f"the query is one line of text; normalized, it holds a line break: {needle!r}")
    offset = 0
    while batch := list(islice(lines, LINES_PER_BATCH)):
        for line, normalized in zip(batch, pipe.batch(batch)):
            if needle in normalized:
                yield from _spans_in_line(pipe, needle, line, offset, whole_words, normalized)
            offset += len(line)


def splits_a_character(spans: Spans, start: int, end: int) -> bool:
    """Whether output ``[start, end)`` holds only part of what one input
    character became (the ا of ﻻ → لا): such a match cannot be marked."""
    return (0 < start < len(spans) and spans[start - 1][1] > spans[start][0]) or \
        (0 < end < len(spans) and spans[end][0] < spans[end - 1][1])


class _Tiles:
    """The offsets of a text from which maps deleted characters, and nothing
    else moved: every output character spans from its own source to the
    next one's (what a deleted character widens), the first from 0, or,
    after a line break, from its own source (what is deleted before it
    belongs to the break).

    ``passes`` holds, per deleting pass, the positions it deleted minus
    their rank (so that an output index maps back with one bisection).
    """

    __slots__ = ("size", "passes", "after_break")

    def __init__(self, size: int) -> None:
        self.size, self.after_break = size, False
        self.passes: list[np.ndarray] = []

    def delete(self, positions: list[int]) -> None:
        self.passes.append(np.asarray(positions, dtype=np.int64) - np.arange(len(positions)))

    def source(self, index: int) -> int:
        for shifted in reversed(self.passes):
            index += int(np.searchsorted(shifted, index, side="right"))
        return index

    def span(self, start: int, end: int, length: int) -> tuple[int, int]:
        """The input span of output ``[start, end)`` of an output of ``length``."""
        first = self.source(start) if start or self.after_break else 0
        return first, self.size if end == length else self.source(end)

    def spans(self, length: int) -> list[tuple[int, int]]:
        bounds = [0, *(self.source(index) for index in range(1, length)), self.size]
        return [(bounds[index], bounds[index + 1]) for index in range(length)]


def _line_with_offsets(pipe: Pipeline, line: str, after_break: bool,
                       normalized: str | None = None) -> tuple[str, Spans | _Tiles]:
    """The line normalized, with offsets as the whole text would give them:
    after a line break, what is deleted at the line's start (a stray mark)
    belongs to the break, not to the first letter. ``normalized`` is
    ``pipe(line)`` when known."""
    result, spans = _offsets(line, pipe, normalized)
    if spans is None or not after_break:
        return result, spans
    if isinstance(spans, _Tiles):
        spans.after_break = True
        return result, spans
    prefixed, spans = _offsets("\n" + line, pipe)
    if prefixed[:1] == "\n" and (spans is None or isinstance(spans, _Tiles) or spans[0][0] == 0):
        if spans is None:
            return prefixed[1:], None
        listed = spans.spans(len(prefixed)) if isinstance(spans, _Tiles) else spans
        return prefixed[1:], np.asarray(listed)[1:] - 1
    return _offsets(line, pipe)


def _offsets(text: str, pipe: Pipeline, final: str | None = None) -> tuple[str, Spans | _Tiles]:
    """``pipe.normalize_with_offsets(text)``, the same spans, without the
    cost of carrying them where nothing moves them: they stay the identity
    through passes that keep the length without expanding a character
    (maps one to one, rules that change nothing or one character for one),
    and the tiles of :class:`_Tiles` through maps that delete; an
    expansion, or a rule that changes the length, runs its pass's own
    aligned mode. Given ``final`` (``pipe(text)``), it stops where the text
    is final and only rules that write nothing new are left: those only
    shorten a text, so they changed nothing."""
    spans: Spans | _Tiles = None
    plan = pipe.plan(text)
    if final is not None and plan and isinstance(plan[0], CharMap) and all(map(_shortens, plan[1:])):
        deleted = _deletions(plan[0], text)  # a map, then rules that only shorten: the usual line
        if deleted is not None and len(final) == len(text) - len(deleted):
            # The map deletes, maps one to one, and the rules changed nothing.
            if not deleted:
                return final, None
            tiles = _Tiles(len(text))
            tiles.delete(deleted)
            return final, tiles
    for index, primitive in enumerate(plan):
        if text == final and all(map(_shortens, plan[index:])):
            break
        result = compiled((primitive,))(text)  # the accelerated pass
        if isinstance(primitive, CharMap):
            deleted, expands = _moving_keys(primitive)
            if expands is None and len(result) == len(text):
                text = result  # one to one: nothing moves
                continue
            positions = [match.start() for match in deleted.finditer(text)]
            if len(result) == len(text) - len(positions):  # deletions alone: an expansion lengthens
                if positions and not isinstance(spans, (list, np.ndarray)):
                    if spans is None:
                        spans = _Tiles(len(text))
                    spans.delete(positions)
                elif positions:
                    spans = _deleted(text, spans, primitive)
                text = result
                continue
        elif result == text or (len(result) == len(text) and _one_to_one(primitive)):
            text = result
            continue
        if spans is None:
            listed = identity_spans(text)
        elif isinstance(spans, _Tiles):
            listed = spans.spans(len(text))
        else:
            listed = [tuple(span) for span in np.asarray(spans).tolist()]
        text, spans = primitive.with_offsets(text, listed)
    return text, spans


SHORTENING = frozenset({"reduce_repeats", "strip_line_spaces"})
"""Rules that only ever shorten a text, by what they mean (a run cut to
``max_repeat``; spaces around a line break deleted)."""


@functools.lru_cache(maxsize=256)
def _shortens(primitive: object) -> bool:
    """Whether ``primitive`` is a rule that changes a text only by making it
    shorter: a deletion, a literal shorter than any match, or one of
    :data:`SHORTENING`. After such rules, a text of the final length is final."""
    if not isinstance(primitive, Rule) or primitive.produces != frozenset():
        return False
    if primitive.name in SHORTENING or primitive.replacement == "":
        return True
    from ._sre import parser as _parser

    replacement = primitive.replacement
    return isinstance(replacement, str) and "\\" not in replacement and \
        _parser.parse(primitive.pattern.pattern).getwidth()[0] > len(replacement)


def _deletions(charmap: CharMap, text: str) -> list[int] | None:
    """Where ``charmap`` deletes characters of ``text`` (None: it expands one)."""
    kinds = _kinds(charmap).take(np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32))
    if kinds.max(initial=0) == _EXPANDED:
        return None
    return np.flatnonzero(kinds).tolist()


_DELETED, _EXPANDED = 1, 2


@functools.lru_cache(maxsize=8)
def _kinds(charmap: CharMap) -> np.ndarray:
    """Per code point: 0 where ``charmap`` maps it to one character (or
    keeps it), ``_DELETED``, or ``_EXPANDED``."""
    kinds = np.zeros(0x110000, dtype=np.uint8)
    for key, value in charmap.table.items():
        kinds[ord(key)] = _DELETED if not value else _EXPANDED if len(value) > 1 else 0
    return kinds


def _one_to_one(rule: object) -> bool:
    """Whether a rule that keeps a text's length keeps every span: its
    replacement is one literal character, its match one character (the
    Persian yeh rule)."""
    replacement = getattr(rule, "replacement", None)
    return isinstance(replacement, str) and len(replacement) == 1 and replacement != "\\" and \
        _single_character(rule.pattern)  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=256)
def _single_character(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` is one character (look-around aside)."""
    from ._sre import parser as _parser

    low, high = _parser.parse(pattern.pattern).getwidth()
    return low == high == 1


@functools.lru_cache(maxsize=64)
def _moving_keys(charmap: CharMap) -> tuple[re.Pattern[str], Callable[[str], bool] | None]:
    """A search for the characters ``charmap`` deletes, and a test for the
    keys it expands (None: it expands none)."""
    from ._accel.probes import presence_test

    deleted = [key for key, value in charmap.table.items() if not value]
    expanded = [key for key, value in charmap.table.items() if len(value) > 1]
    return re.compile(char_class(deleted) if deleted else "(?!)"), presence_test(expanded) if expanded else None


def _deleted(text: str, spans: Spans, charmap: CharMap) -> np.ndarray:
    """The spans after ``charmap`` deletes some characters of ``text`` (and
    maps the others one to one): each deleted character widens the span of
    the character kept before it, or the start of the first kept one (as
    :func:`arnorm._rules.widened` does)."""
    deleted = np.array(sorted(ord(key) for key, value in charmap.table.items() if not value), dtype=np.uint32)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    where = np.minimum(np.searchsorted(deleted, codes), len(deleted) - 1)
    kept = np.flatnonzero(deleted[where] != codes)
    starts, ends = np.asarray(spans)[:, 0], np.asarray(spans)[:, 1]
    if not len(kept):
        return np.empty((0, 2), dtype=np.int64)
    result = np.stack([starts[kept], np.maximum.reduceat(ends, kept)], axis=1)
    if kept[0] > 0:
        result[0, 0] = min(result[0, 0], starts[0])
    return result


def _spans_in_line(pipe: Pipeline, needle: str, line: str, offset: int, whole_words: bool,
                   normalized: str | None = None) -> list[tuple[int, int]]:
    """Every accepted ``(start, end)`` of ``needle`` in the normalized line,
    left to right, not overlapping (after a refused one, the next may
    overlap it), mapped back to the text (all of a line's at once)."""
    normalized, spans = _line_with_offsets(pipe, line, offset > 0, normalized)
    tiles = isinstance(spans, _Tiles)
    search, size, length, hits, word = normalized.find, len(needle), len(normalized), [], _is_word_character
    start = search(needle)
    while start >= 0:
        end = start + size
        if (whole_words and ((start and word(normalized[start - 1])) or (end < length and word(normalized[end])))) \
                or (spans is not None and not tiles and splits_a_character(spans, start, end)):
            start = search(needle, start + 1)
            continue
        hits.append(start)
        start = search(needle, end)
    if not hits:
        return []
    if spans is None:  # the identity: a span is itself
        return [(offset + start, offset + start + size) for start in hits]
    if tiles:  # no character is split; starts and ends map back through the deletions
        firsts, lasts = np.array(hits), np.array(hits) + size
        for shifted in reversed(spans.passes):  # type: ignore[union-attr]
            firsts += np.searchsorted(shifted, firsts, side="right")
            lasts += np.searchsorted(shifted, lasts, side="right")
        if hits[0] == 0 and not spans.after_break:  # type: ignore[union-attr]
            firsts[0] = 0
        if hits[-1] + size == len(normalized):
            lasts[-1] = spans.size  # type: ignore[union-attr]
        return list(zip((firsts + offset).tolist(), (lasts + offset).tolist()))
    return [(offset + int(spans[start][0]), offset + int(spans[start + size - 1][1])) for start in hits]


def highlight(query: str, text: str, *, preset: PipelineLike = "search", before: str = "<mark>",
              after: str = "</mark>", whole_words: bool = True) -> str:
    """``text`` with every match of :func:`find` wrapped in ``before`` and ``after``.

    Nothing else of ``text`` changes: the original spelling, marks and
    spacing stay; ``before`` and ``after`` are inserted as they are (escape
    the text first if it goes into HTML).

    Examples:
        >>> highlight("المدرسه", "في المَدْرَسَة الكبيرة", before="[", after="]")
        'في [المَدْرَسَة] الكبيرة'
    """
    return marked(text, find(query, text, preset=preset, whole_words=whole_words), before, after)


def marked(text: str, spans: Iterable[tuple[int, int]], before: str, after: str) -> str:
    """``text`` with each of ``spans`` (in order, not overlapping) wrapped in ``before`` and ``after``.

    >>> marked("abcdef", [(1, 2), (4, 6)], "[", "]")
    'a[b]cd[ef]'
    """
    bounds = [0, *chain.from_iterable(spans), len(text)]
    pieces = [text[start:end] for start, end in zip(bounds, bounds[1:])]  # gap, match, gap, … gap
    gaps, matches = pieces[0::2], pieces[1::2]
    return "".join(chain.from_iterable(zip(gaps, (before + match + after for match in matches)))) + gaps[-1]
