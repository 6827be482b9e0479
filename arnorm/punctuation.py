"""Quotes, dashes and ellipsis, and digits."""

from __future__ import annotations

import functools
import re
from typing import Literal

from ._chars import (
    ARABIC_INDIC_DIGITS,
    CLOSING_DOUBLE_QUOTES,
    CLOSING_SINGLE_QUOTES,
    DASHES,
    DOUBLE_QUOTES,
    EASTERN_ARABIC_INDIC_DIGITS,
    FULLWIDTH_QUOTE,
    HORIZONTAL_ELLIPSIS,
    HYPHEN_MINUS,
    LATIN_DIGITS,
    LEFT_DOUBLE_QUOTE,
    LEFT_GUILLEMET,
    LEFT_SINGLE_GUILLEMET,
    LEFT_SINGLE_QUOTE,
    LINE_BREAKS,
    OPENING_DOUBLE_QUOTES,
    OPENING_SINGLE_QUOTES,
    RIGHT_DOUBLE_QUOTE,
    RIGHT_GUILLEMET,
    RIGHT_SINGLE_GUILLEMET,
    RIGHT_SINGLE_QUOTE,
    SINGLE_QUOTES,
    char_class,
)
from ._rules import CharMap, Primitive, Rule, run
from ._registry import declare, require_choice, require_str

QuoteStyle = Literal["ascii", "guillemets", "curly"]
QUOTE_STYLES: dict[str, tuple[str, str, str, str]] = {
    # style: (opening double, closing double, opening single, closing single)
    "guillemets": (LEFT_GUILLEMET, RIGHT_GUILLEMET, LEFT_SINGLE_GUILLEMET, RIGHT_SINGLE_GUILLEMET),
    "curly": (LEFT_DOUBLE_QUOTE, RIGHT_DOUBLE_QUOTE, LEFT_SINGLE_QUOTE, RIGHT_SINGLE_QUOTE),
}

# Two straight double quotes on one line (no line break or quote between them).
_STRAIGHT_PAIR = re.compile('"([^"' + char_class(LINE_BREAKS)[1:] + '*)"')


def _quotes(*, style: QuoteStyle = "ascii") -> tuple[Primitive, ...]:
    return _quote_primitives(require_choice(style, ("ascii", *QUOTE_STYLES), "quote style"))


@functools.cache
def _quote_primitives(style: str) -> tuple[Primitive, ...]:
    if style == "ascii":
        return (CharMap({**dict.fromkeys(DOUBLE_QUOTES, '"'), **dict.fromkeys(SINGLE_QUOTES, "'")}),)
    open_double, close_double, open_single, close_single = QUOTE_STYLES[style]
    table = {
        **dict.fromkeys(OPENING_DOUBLE_QUOTES, open_double),
        **dict.fromkeys(CLOSING_DOUBLE_QUOTES, close_double),
        FULLWIDTH_QUOTE: '"',
        **dict.fromkeys(OPENING_SINGLE_QUOTES, open_single),
        **dict.fromkeys(CLOSING_SINGLE_QUOTES, close_single),
    }
    pair = Rule(_STRAIGHT_PAIR, open_double + r"\1" + close_double, triggers='"',
                produces=(open_double, close_double), name="pair_straight_quotes")
    return (CharMap(table), pair)


@declare(_quotes)
def normalize_quotes(text: str, *, style: QuoteStyle = "ascii") -> str:
    """Write every quotation mark in one style.

    * ``"ascii"``: double quotes (“ ” „ ‟ « » 〝 〞 ＂) → ``"``, single quotes
      (‘ ’ ‚ ‛ ‹ ›) → ``'``.
    * ``"guillemets"``: opening double quotes (“ „ « 〝) → «, closing (” ‟ » 〞)
      → », opening single (‘ ‚ ‹) → ‹, closing (’ ‛ ›) → ›.
    * ``"curly"``: the same with “ ” ‘ ’.

    In the last two styles straight ``"`` (and fullwidth ＂) are paired in
    order of appearance within a line: odd ones open, even ones close, and an
    unpaired last one stays straight. Straight ``'`` stay as they are: they are
    mostly apostrophes.

    Args:
        text: Any string.
        style: ``"ascii"``, ``"guillemets"`` or ``"curly"``.

    Raises:
        ValueError: ``style`` is not one of the three.

    Examples:
        >>> normalize_quotes("قال “إن «السلام» ممكن”")
        'قال "إن "السلام" ممكن"'
        >>> normalize_quotes('قال "نعم" ثم "لا', style="guillemets")
        'قال «نعم» ثم "لا'
    """
    return run(_quotes(style=style), require_str(text))


@functools.cache
def _punctuation() -> tuple[Primitive, ...]:
    return (CharMap({**dict.fromkeys(DASHES, HYPHEN_MINUS), HORIZONTAL_ELLIPSIS: "..."}),)


@declare(_punctuation)
def normalize_punctuation(text: str) -> str:
    """Write dashes, minus signs and the ellipsis in ASCII.

    Hyphens and dashes U+2010–U+2015, minus U+2212, small em dash U+FE58,
    small and fullwidth hyphen-minus U+FE63, U+FF0D → ``-``; horizontal
    ellipsis U+2026 → ``...``. Arabic comma ، semicolon ؛ and question mark ؟
    are kept: they are the correct punctuation of Arabic text.

    Examples:
        >>> normalize_punctuation("سوريا – روسيا… لماذا؟")
        'سوريا - روسيا... لماذا؟'
    """
    return run(_punctuation(), require_str(text))


DigitTarget = Literal["latin", "arabic"]


def _digits(*, to: DigitTarget = "latin") -> tuple[Primitive, ...]:
    return _digit_primitives(require_choice(to, ("latin", "arabic"), "digit target"))


@functools.cache
def _digit_primitives(to: str) -> tuple[Primitive, ...]:
    target = LATIN_DIGITS if to == "latin" else ARABIC_INDIC_DIGITS
    sources = (ARABIC_INDIC_DIGITS, EASTERN_ARABIC_INDIC_DIGITS, LATIN_DIGITS)
    return (CharMap({src: dst for digits in sources for src, dst in zip(digits, target)}),)


@declare(_digits)
def normalize_digits(text: str, *, to: DigitTarget = "latin") -> str:
    """Write all decimal digits in one script.

    ``to="latin"``: Arabic-Indic ٠–٩ (U+0660–U+0669) and Eastern Arabic-Indic
    ۰–۹ (U+06F0–U+06F9, Persian and Urdu) → 0–9. ``to="arabic"``: 0–9 and
    ۰–۹ → ٠–٩.

    Raises:
        ValueError: ``to`` is not ``"latin"`` or ``"arabic"``.

    Examples:
        >>> normalize_digits("عام ٢٠٢٤ و۱۴۰۳")
        'عام 2024 و1403'
        >>> normalize_digits("عام 2024", to="arabic")
        'عام ٢٠٢٤'
    """
    return run(_digits(to=to), require_str(text))
