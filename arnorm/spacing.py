"""Invisible characters, whitespace, and letters repeated for emphasis."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from . import _executors
from ._chars import INVISIBLES, REPEATABLE_LETTERS, SPACES, TAB, char_class
from ._primitives import CharMap, Primitive, Rule, run
from ._registry import declare, require_str


@functools.cache
def _invisibles() -> tuple[Primitive, ...]:
    return (CharMap.delete(INVISIBLES),)


@declare(_invisibles)
def remove_invisibles(text: str) -> str:
    """Remove zero-width and bidirectional control characters.

    U+200B–U+200F (zero-width space, non-joiner, joiner, LRM, RLM),
    U+202A–U+202E (embeddings and overrides), U+2066–U+2069 (isolates),
    Arabic letter mark U+061C, zero-width no-break space / BOM U+FEFF and soft
    hyphen U+00AD. They are invisible, but they split words for search and
    tokenizers.

    Examples:
        >>> remove_invisibles("مر\\u200cحبا\\u200f")
        'مرحبا'
    """
    return run(_invisibles(), require_str(text))


def _crlf_to_lf(text: str) -> str:
    return text.replace("\r\n", "\n")


# On long text these probes beat ``in``: "\n" is rare, so a scan for it that
# then looks on both sides took 2 ms on 12 MB of news where the two ``in``
# tests took 13 ms (a space is so frequent that a two-character ``in`` stops
# at every one); "  " as a pattern took 4.7 ms against 6.1 ms.
_TWO_SPACES = re.compile("  ").search
_SPACE_BESIDE_BREAK = re.compile("\n(?<= \n)|\n ").search


def _collapse_spaces(text: str) -> str:
    if len(text) <= 2 * _executors.CHUNK:
        return _collapse_runs(text) if "  " in text else text
    if _TWO_SPACES(text) is None:
        return text
    return _executors.in_pieces(_collapse_runs, text, " ")  # each piece in the cache


def _collapse_runs(text: str) -> str:
    while "  " in text:  # each pass halves every run of spaces
        text = text.replace("  ", " ")
    return text


def _strip_around_line_breaks(text: str) -> str:
    # After _collapse_spaces at most one space stands on each side of a break.
    if len(text) <= 2 * _executors.CHUNK:
        return _strip_one_space(text) if " \n" in text or "\n " in text else text
    if _SPACE_BESIDE_BREAK(text) is None:
        return text
    return _executors.in_pieces(_strip_one_space, text, " \n")


def _strip_one_space(text: str) -> str:
    return text.replace(" \n", "\n").replace("\n ", "\n")


def _collapse_spaces_vector(codes: Any) -> Any:
    """_collapse_spaces on an array of code points: each space right after
    a space goes."""
    import numpy

    space = codes == 0x20
    doubled = numpy.zeros(len(codes), dtype=bool)
    numpy.logical_and(space[1:], space[:-1], out=doubled[1:])
    return _executors.drop_where(codes, doubled) if doubled.any() else codes


def _strip_around_line_breaks_vector(codes: Any) -> Any:
    """_strip_around_line_breaks on an array of code points (runs of spaces
    already collapsed): each space beside a line break goes.

    Only the units beside the line breaks are looked at, not a mask of the
    whole array (12 MB of news, nothing to strip: 4.8 -> 2.7 ms)."""
    import numpy

    breaks = numpy.flatnonzero(codes == 0x0A)
    if not breaks.size:
        return codes
    beside = numpy.concatenate((breaks[breaks > 0] - 1, breaks[breaks < len(codes) - 1] + 1))
    beside = beside[codes[beside] == 0x20]
    if not beside.size:
        return codes
    drop = numpy.zeros(len(codes), dtype=bool)
    drop[beside] = True
    return _executors.drop_where(codes, drop)


def _strip_ends(text: str) -> str:
    return text.strip(" ")


@functools.cache
def _whitespace() -> tuple[Primitive, ...]:
    line_breaks = dict.fromkeys("\r\x85\u2028\u2029", "\n")
    return (
        Rule("\r\n", "\n", triggers="\r", produces="\n", fast=_crlf_to_lf),
        CharMap({**dict.fromkeys(SPACES | {TAB}, " "), **line_breaks}),
        Rule(" {2,}", " ", triggers=("  ",), produces=(), fast=_collapse_spaces, vector=_collapse_spaces_vector),
        Rule(" *\n *", "\n", triggers=(" \n", "\n "), produces=(), fast=_strip_around_line_breaks,
             vector=_strip_around_line_breaks_vector),
        Rule(r"\A +| +\Z", "", triggers=" ", produces=(), fast=_strip_ends),
    )


@declare(_whitespace)
def normalize_whitespace(text: str) -> str:
    """Unify spaces and line breaks.

    Every space character (category Zs: no-break space, en/em spaces, thin
    space, ideographic space …) and TAB becomes U+0020; runs of spaces shrink
    to one; spaces at both ends of every line are stripped. Line breaks are
    kept, and written as LF: CRLF, lone CR, NEL U+0085, LINE SEPARATOR U+2028
    and PARAGRAPH SEPARATOR U+2029 → ``\\n``.

    Examples:
        >>> normalize_whitespace("  مرحبا\\u00a0\\t بكم \\r\\n\\r\\nوداعا ")
        'مرحبا بكم\\n\\nوداعا'
    """
    return run(_whitespace(), require_str(text))


def _repeats(*, max_repeat: int = 2) -> tuple[Primitive, ...]:
    if isinstance(max_repeat, bool) or not isinstance(max_repeat, int):
        raise TypeError(f"max_repeat must be an int, got {type(max_repeat).__name__}")
    if max_repeat < 1:
        raise ValueError(f"max_repeat must be at least 1, got {max_repeat}")
    return _repeat_primitives(max_repeat)


SHORT_REPEAT = 4
"""Up to this ``max_repeat``, runs are found by patterns that spell the
repeats out; beyond it, by linear scans whatever ``max_repeat`` is (see
:func:`_long_repeat_primitives`)."""


RUNS_APART = 7
"""On a long text, runs of a letter are shortened one by one unless there is
one every this many characters or more often, when one ``sub`` from the
first is the quicker. Measured on 12 MB of news with a run (ههه; ههههه for
100) every 4, 6, 8, 18 and 100 characters: one by one 2.13, 1.70, 1.33,
0.60 and 0.08 s; one ``sub`` 1.79, 1.65, 1.39, 0.99 and 0.24 s."""


LONG_RUN = 64
"""A run shortened alone that is this long or longer is followed to its end
by :func:`_run_end`, not by the regex, whose backreference costs about
75 ns a letter (one letter repeated over 1 MB: 37 ms against 0.1 ms)."""


def _run_end(text: str, end: int) -> int:
    """Where the run of ``text[end - 1]`` that reaches ``end`` stops: blocks
    of the letter compared by ``str.startswith``, doubled while they match
    and halved when they do not.

    >>> _run_end("ههههههو", 2)
    6
    """
    letter, step = text[end - 1], LONG_RUN
    while step:
        if text.startswith(letter * step, end):
            end += step
            step = min(2 * step, 1 << 16)
        else:
            step //= 2
    return end


@functools.lru_cache(maxsize=32)  # bounded: max_repeat may come from untrusted JSON
def _repeat_primitives(max_repeat: int) -> tuple[Primitive, ...]:
    if max_repeat > SHORT_REPEAT:
        return _long_repeat_primitives(max_repeat)
    letter_run = re.compile(f"({char_class(REPEATABLE_LETTERS)})\\1{{{max_repeat},}}")
    # The same runs, matched up to LONG_RUN letters (a longer one goes on in _run_end).
    run_start = re.compile(f"({char_class(REPEATABLE_LETTERS)})\\1{{{max_repeat},{LONG_RUN - 1}}}")
    # (.)\1\1 ran 2.7x faster than (.)\1{2} on tweet-length Arabic strings.
    any_run = re.compile("(.)" + "\\1" * max_repeat, re.DOTALL)

    def shorten(match: re.Match[str]) -> str:
        return match.group(1) * max_repeat

    find_starts = _executors.run_starts_finder(REPEATABLE_LETTERS, max_repeat)

    def fast(text: str) -> str:
        if find_starts is not None and len(text) >= _executors.DENSE_TEXT:
            starts = find_starts(text)
            if len(starts) * RUNS_APART > len(text):  # runs everywhere: one sub
                return text[: starts[0]] + letter_run.sub(shorten, text[starts[0] :])
            parts, done = [], 0  # each run shortened alone
            for start in starts:
                end = run_start.match(text, start).end()  # type: ignore[union-attr]
                if end - start == LONG_RUN:
                    end = _run_end(text, end)
                parts += (text[done:start], text[start] * max_repeat)
                done = end
            return "".join(parts) + text[done:] if parts else text
        if any_run.search(text) is None:  # the usual case, without an iterator
            return text
        # Any character repeated is found about 3x faster than a letter.
        start = next((repeated.start() for repeated in any_run.finditer(text)
                      if repeated.group(1) in REPEATABLE_LETTERS), None)
        if start is None:
            return text
        return text[:start] + letter_run.sub(shorten, text[start:])

    return (Rule(letter_run, shorten, produces=(), context=REPEATABLE_LETTERS, fast=fast,
                 vector=_repeats_vector(max_repeat)),)


def _long_repeat_primitives(max_repeat: int) -> tuple[Primitive, ...]:
    """reduce_repeats for a large ``max_repeat``: linear however large.

    A pattern that spells the count out (``\\1{n,}``) retries at every
    letter of a run shorter than ``n``, and ``(.)\\1\\1…`` grows with ``n``:
    both are quadratic (``max_repeat=10**6``: 2.3 s to compile one pattern).
    Here every run of a doubled letter is matched once, whole, and
    cut when longer than ``max_repeat``."""
    doubled = re.compile(f"({char_class(REPEATABLE_LETTERS)})\\1+")  # greedy, nothing after: no backtracking

    def shorten(match: re.Match[str]) -> str:
        run = match.group()
        return run if len(run) <= max_repeat else run[:max_repeat]

    def fast(text: str) -> str:
        return doubled.sub(shorten, text)

    return (Rule(doubled, shorten, produces=(), context=REPEATABLE_LETTERS, fast=fast,
                 vector=_long_repeats_vector(max_repeat)),)


def _long_repeats_vector(max_repeat: int) -> Callable[[Any], Any]:
    """reduce_repeats on an array of code points for a large ``max_repeat``:
    the runs are found by where neighbours differ, in one pass."""

    def vector(codes: Any) -> Any:
        import numpy

        length = len(codes)
        if length <= max_repeat:
            return codes
        change = numpy.flatnonzero(codes[1:] != codes[:-1]) + 1
        starts = numpy.concatenate(([0], change))
        ends = numpy.concatenate((change, [length]))
        letters = numpy.take(_executors.membership_table(REPEATABLE_LETTERS), codes[starts], mode="clip")
        long = (ends - starts > max_repeat) & letters
        if not long.any():
            return codes
        # Units from the (max_repeat + 1)-th of each long run to its end go.
        edges = numpy.zeros(length + 1, dtype=numpy.int32)
        edges[starts[long] + max_repeat] += 1
        edges[ends[long]] -= 1
        return _executors.drop_where(codes, numpy.cumsum(edges[:-1]) > 0)

    return vector


def _repeats_vector(max_repeat: int) -> Callable[[Any], Any]:
    """reduce_repeats on an array of code points: each letter that follows
    ``max_repeat`` copies of itself goes."""

    def vector(codes: Any) -> Any:
        import numpy

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
        wanted = _executors.membership_table(REPEATABLE_LETTERS)
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
        return _executors.drop_where(codes, drop)

    return vector


@declare(_repeats)
def reduce_repeats(text: str, *, max_repeat: int = 2) -> str:
    """Shorten letters stretched for emphasis: جمييييل → جمييل.

    An Arabic letter (U+0621–U+064A, U+0671–U+06D3) repeated more than
    ``max_repeat`` times in a row is cut to ``max_repeat``; other characters
    (digits, Latin letters, punctuation) are untouched.

    Args:
        text: Any string.
        max_repeat: How many repeats to keep, at least 1. The default 2 keeps
            genuine doubled letters (e.g. the two yeh of جميييل → جمييل).

    Raises:
        ValueError: ``max_repeat`` is less than 1.

    Examples:
        >>> reduce_repeats("جمييييل جدااااا!!!")
        'جمييل جداا!!!'
        >>> reduce_repeats("جمييييل", max_repeat=1)
        'جميل'
    """
    return run(_repeats(max_repeat=max_repeat), require_str(text))
