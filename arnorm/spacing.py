"""Invisible characters, whitespace, and letters repeated for emphasis."""

from __future__ import annotations

import functools
import re

from ._chars import INVISIBLES, LINE_BREAKS, REPEATABLE_LETTERS, SPACES, TAB, char_class
from ._rules import SEPARATOR, CharMap, Primitive, Rule, run
from ._registry import declare, require_str


@functools.cache
def _invisibles() -> tuple[Primitive, ...]:
    return (CharMap.delete(INVISIBLES),)


@declare(_invisibles)
def remove_invisibles(text: str) -> str:
    """Remove zero-width and bidirectional control characters.

    U+200B–U+200F (zero-width space, non-joiner, joiner, LRM, RLM),
    U+202A–U+202E (embeddings and overrides), U+2060–U+2064 (word joiner,
    invisible operators), U+2066–U+2069 (isolates), U+206A–U+206F
    (deprecated shaping controls, Arabic form shaping among them), Arabic
    letter mark U+061C, Mongolian vowel separator U+180E, zero-width no-break
    space / BOM U+FEFF and soft hyphen U+00AD. They are invisible, but they
    split words for search and tokenizers. Default-ignorable characters that
    carry meaning (variation selectors, emoji tags, the combining grapheme
    joiner) stay.

    Examples:
        >>> remove_invisibles("مر\\u200cحبا\\u200f")
        'مرحبا'
    """
    return run(_invisibles(), require_str(text))


_STRIP_ENDS = r"\A +| +\Z"
_STRIP_BESIDE_SEPARATORS = Rule(f" +(?={SEPARATOR})|(?<={SEPARATOR}) +", "", produces=(),
                                triggers=(" " + SEPARATOR, SEPARATOR + " "), name="strip_beside_separators")
"""In a batch, where the texts of the joined buffer end: with strip_ends on
the whole buffer after it, the spaces at both ends of each text go."""


@functools.cache
def _whitespace() -> tuple[Primitive, ...]:
    line_breaks = dict.fromkeys(LINE_BREAKS - {"\n"}, "\n")
    return (
        Rule("\r\n", "\n", triggers="\r", produces="\n", separable=True),
        CharMap({**dict.fromkeys(SPACES | {TAB}, " "), **line_breaks}),
        Rule(" {2,}", " ", triggers=("  ",), produces=(), name="collapse_spaces", cut="[^ ]",
             separable=True),
        Rule(" *\n *", "\n", triggers=(" \n", "\n "), produces=(), name="strip_line_spaces",
             cut="[^ \n]", separable=True),
        Rule(_STRIP_ENDS, "", triggers=" ", produces=(), name="strip_ends",
             batch_form=(_STRIP_BESIDE_SEPARATORS, Rule(_STRIP_ENDS, "", triggers=" ", produces=(), name="strip_ends"))),
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


# A run of one letter, doubled at least: greedy with nothing after it, so it
# never backtracks, whatever max_repeat is.
_LETTER_RUN = re.compile(f"({char_class(REPEATABLE_LETTERS)})\\1+")


@functools.lru_cache(maxsize=32)  # bounded: max_repeat may come from untrusted JSON
def _repeat_primitives(max_repeat: int) -> tuple[Primitive, ...]:
    def shorten(match: re.Match[str]) -> str:
        run = match.group()
        return run if len(run) <= max_repeat else run[:max_repeat]

    return (Rule(_LETTER_RUN, shorten, produces=(), context=REPEATABLE_LETTERS, name="reduce_repeats",
                 params={"max_repeat": max_repeat}, separable=True),)


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
