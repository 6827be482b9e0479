"""Find a query in the original text, ignoring what a preset folds away.

A search engine matches ``مدرسة`` against ``المَدْرَسَةِ`` by normalizing both;
a user who wants the match *highlighted* needs it back in the original text,
marks and letter variants included. :func:`find` normalizes the query and each
line of the text with the same pipeline, looks for the query in the
normalized lines, and maps every hit back through the offsets of its line
(:meth:`arnorm.Pipeline.normalize_with_offsets`), so that a span covers whole
clusters: the marks and tatweel after a matched letter are inside it.

>>> text = "قال أحمدُ إنّ المَدْرَسَةَ فى القاهرة"
>>> [text[start:end] for start, end in find("مدرسه", text, whole_words=False)]
['مَدْرَسَةَ']
>>> highlight("احمد", text)
'قال <mark>أحمدُ</mark> إنّ المَدْرَسَةَ فى القاهرة'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from ._offsets import input_span
from ._registry import require_str
from .pipeline import Pipeline, PipelineLike

LINES_PER_BATCH = 4096
"""Lines normalized at once: memory stays bounded on a text of any size."""


def _is_word_character(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch)[0] == "M"


def _whole_word(line: str, start: int, end: int) -> bool:
    """Whether ``line[start:end]`` is neither preceded nor followed by a word character."""
    return (start == 0 or not _is_word_character(line[start - 1])) and \
        (end == len(line) or not _is_word_character(line[end]))


def _hits(needle: str, line: str, accept: Callable[[int, int], bool]) -> Iterator[tuple[int, int]]:
    """Every accepted ``(start, end)`` of ``needle`` in ``line``, left to
    right, not overlapping (after a refused one, the next may overlap it)."""
    start = line.find(needle)
    while start >= 0:
        end = start + len(needle)
        if accept(start, end):
            yield start, end
            start = line.find(needle, end)
        else:
            start = line.find(needle, start + 1)


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
                yield from _spans_in_line(pipe, needle, line, offset, whole_words)
            offset += len(line)


def splits_a_character(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether output ``[start, end)`` holds only part of what one input
    character became (the ا of ﻻ → لا): such a match cannot be marked."""
    return (0 < start < len(spans) and spans[start - 1][1] > spans[start][0]) or \
        (0 < end < len(spans) and spans[end][0] < spans[end - 1][1])


def _line_with_offsets(pipe: Pipeline, line: str, after_break: bool) -> tuple[str, list[tuple[int, int]]]:
    """The line normalized, with offsets as the whole text would give them:
    after a line break, what is deleted at the line's start (a stray mark)
    belongs to the break, not to the first letter."""
    if after_break:
        normalized, spans = pipe.normalize_with_offsets("\n" + line)
        if normalized[:1] == "\n" and spans[0][0] == 0:
            return normalized[1:], [(start - 1, end - 1) for start, end in spans[1:]]
    return pipe.normalize_with_offsets(line)


def _spans_in_line(pipe: Pipeline, needle: str, line: str, offset: int,
                   whole_words: bool) -> Iterator[tuple[int, int]]:
    normalized, spans = _line_with_offsets(pipe, line, after_break=offset > 0)

    def accept(start: int, end: int) -> bool:
        return not splits_a_character(spans, start, end) and \
            (not whole_words or _whole_word(normalized, start, end))

    for start, end in _hits(needle, normalized, accept):
        first, last = input_span(spans, start, end)
        yield offset + first, offset + last


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
    parts, kept = [], 0
    for start, end in spans:
        parts += [text[kept:start], before, text[start:end], after]
        kept = end
    parts.append(text[kept:])
    return "".join(parts)
