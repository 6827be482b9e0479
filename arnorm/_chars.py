"""Named code points and the character sets every normalizer is built from.

Sets that Unicode defines by a property (every nonspacing mark of the Arabic
blocks, every space separator, every presentation form with a compatibility
decomposition) are *derived* from the character database at import, scanning
only the blocks concerned. Sets that are a linguistic choice (alef forms,
quotes, Persian look-alikes) are written out, one named code point per entry.

>>> from arnorm._chars import DIACRITICS, HAMZA_MARKS, SHADDA
>>> SHADDA in DIACRITICS, HAMZA_ABOVE in DIACRITICS
(True, False)
>>> sorted(HAMZA_MARKS) == ["\\u0653", "\\u0654", "\\u0655"]
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import MappingProxyType
from typing import Mapping

from ._unicode import category, normalize

CodeRange = tuple[int, int]

# --- Blocks ------------------------------------------------------------------

ARABIC_BLOCKS: tuple[CodeRange, ...] = (
    (0x0600, 0x06FF),  # Arabic
    (0x0750, 0x077F),  # Arabic Supplement
    (0x0870, 0x089F),  # Arabic Extended-B
    (0x08A0, 0x08FF),  # Arabic Extended-A
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
    (0x10EC0, 0x10EFF),  # Arabic Extended-C
)
PRESENTATION_FORM_BLOCKS: tuple[CodeRange, ...] = (
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFE),  # Arabic Presentation Forms-B, less U+FEFF (an invisible)
)
# Every space separator (Zs) lies in one of these blocks.
SPACE_BLOCKS: tuple[CodeRange, ...] = (
    (0x0000, 0x00FF),  # Basic Latin, Latin-1 Supplement
    (0x1680, 0x169F),  # Ogham
    (0x2000, 0x206F),  # General Punctuation
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
)


def scan(blocks: Iterable[CodeRange], keep: Callable[[str], bool]) -> frozenset[str]:
    """Every character of ``blocks`` for which ``keep`` is true."""
    return frozenset(
        ch for first, last in blocks for ch in map(chr, range(first, last + 1)) if keep(ch)
    )


# --- Letters -----------------------------------------------------------------

HAMZA = "\u0621"  # ء ARABIC LETTER HAMZA
ALEF_MADDA = "\u0622"  # آ ARABIC LETTER ALEF WITH MADDA ABOVE
ALEF_HAMZA_ABOVE = "\u0623"  # أ ARABIC LETTER ALEF WITH HAMZA ABOVE
WAW_HAMZA = "\u0624"  # ؤ ARABIC LETTER WAW WITH HAMZA ABOVE
ALEF_HAMZA_BELOW = "\u0625"  # إ ARABIC LETTER ALEF WITH HAMZA BELOW
YEH_HAMZA = "\u0626"  # ئ ARABIC LETTER YEH WITH HAMZA ABOVE
ALEF = "\u0627"  # ا ARABIC LETTER ALEF
TEH_MARBUTA = "\u0629"  # ة ARABIC LETTER TEH MARBUTA
TATWEEL = "\u0640"  # ـ ARABIC TATWEEL (kashida)
KAF = "\u0643"  # ك ARABIC LETTER KAF
HEH = "\u0647"  # ه ARABIC LETTER HEH
WAW = "\u0648"  # و ARABIC LETTER WAW
ALEF_MAKSURA = "\u0649"  # ى ARABIC LETTER ALEF MAKSURA
YEH = "\u064A"  # ي ARABIC LETTER YEH
ALEF_WASLA = "\u0671"  # ٱ ARABIC LETTER ALEF WASLA
ALEF_WAVY_HAMZA_ABOVE = "\u0672"  # ٲ ARABIC LETTER ALEF WITH WAVY HAMZA ABOVE
ALEF_WAVY_HAMZA_BELOW = "\u0673"  # ٳ ARABIC LETTER ALEF WITH WAVY HAMZA BELOW
KEHEH = "\u06A9"  # ک ARABIC LETTER KEHEH (Persian kaf)
SWASH_KAF = "\u06AA"  # ڪ ARABIC LETTER SWASH KAF (Sindhi)
HEH_GOAL = "\u06C1"  # ہ ARABIC LETTER HEH GOAL (Urdu)
FARSI_YEH = "\u06CC"  # ی ARABIC LETTER FARSI YEH
AE = "\u06D5"  # ە ARABIC LETTER AE (Kurdish, Uyghur)

ALEF_FORMS: frozenset[str] = frozenset(
    {ALEF_MADDA, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_WASLA,
     ALEF_WAVY_HAMZA_ABOVE, ALEF_WAVY_HAMZA_BELOW}
)

# --- Marks -------------------------------------------------------------------

FATHATAN = "\u064B"
DAMMATAN = "\u064C"
KASRATAN = "\u064D"
FATHA = "\u064E"
DAMMA = "\u064F"
KASRA = "\u0650"
SHADDA = "\u0651"
SUKUN = "\u0652"
MADDAH_ABOVE = "\u0653"  # ARABIC MADDAH ABOVE (combining)
HAMZA_ABOVE = "\u0654"  # ARABIC HAMZA ABOVE (combining)
HAMZA_BELOW = "\u0655"  # ARABIC HAMZA BELOW (combining)
SUPERSCRIPT_ALEF = "\u0670"  # ARABIC LETTER SUPERSCRIPT ALEF (dagger alef)
SMALL_WAW = "\u06E5"  # ARABIC SMALL WAW (category Lm)
SMALL_YEH = "\u06E6"  # ARABIC SMALL YEH (category Lm)

# The eight harakat Lucene's ArabicNormalizer (and pyarabic's TASHKEEL) delete.
TASHKEEL: frozenset[str] = frozenset(map(chr, range(0x064B, 0x0653)))

# Combining maddah and hamza are parts of letters (ا + U+0654 is أ), not vowels.
HAMZA_MARKS: frozenset[str] = frozenset({MADDAH_ABOVE, HAMZA_ABOVE, HAMZA_BELOW})

ARABIC_MARKS: frozenset[str] = scan(ARABIC_BLOCKS, lambda ch: category(ch) == "Mn")
"""Every nonspacing mark (category Mn) of the Arabic blocks."""

DIACRITICS: frozenset[str] = (ARABIC_MARKS - HAMZA_MARKS) | {SMALL_WAW, SMALL_YEH}
"""What ``remove_diacritics`` deletes: harakat, tanwin, sukun, shadda, dagger
and subscript alef, Quranic annotation marks, small waw and small yeh."""

ARABIC_LETTERS: frozenset[str] = scan(ARABIC_BLOCKS, lambda ch: category(ch)[0] == "L")
"""Every letter (categories Lo and Lm, tatweel included) of the Arabic blocks."""


def _hamza_compositions() -> Mapping[str, str]:
    pairs = {}
    for base in ARABIC_LETTERS:
        for mark in HAMZA_MARKS:
            composed = normalize("NFC", base + mark)
            if len(composed) == 1:
                pairs[base + mark] = composed
    return MappingProxyType(pairs)


HAMZA_COMPOSITIONS: Mapping[str, str] = _hamza_compositions()
"""Letter + combining maddah/hamza pairs that NFC composes: ``"ا\\u0654"`` → ``"أ"``."""

# --- Presentation forms --------------------------------------------------------


def _presentation_folds() -> Mapping[str, str]:
    folds = {}
    for first, last in PRESENTATION_FORM_BLOCKS:
        for ch in map(chr, range(first, last + 1)):
            folded = normalize("NFKC", ch)
            if folded != ch:
                folds[ch] = folded
    return MappingProxyType(folds)


PRESENTATION_FOLDS: Mapping[str, str] = _presentation_folds()
"""Each Arabic presentation form → its NFKC form (ﻻ → لا, ﷲ → الله)."""

# --- Invisible and space characters --------------------------------------------

SOFT_HYPHEN = "\u00AD"
ARABIC_LETTER_MARK = "\u061C"
ZERO_WIDTH_NO_BREAK_SPACE = "\uFEFF"  # also the byte order mark
MONGOLIAN_VOWEL_SEPARATOR = "\u180E"
INVISIBLES: frozenset[str] = frozenset(
    [SOFT_HYPHEN, ARABIC_LETTER_MARK, ZERO_WIDTH_NO_BREAK_SPACE, MONGOLIAN_VOWEL_SEPARATOR]
    + [chr(c) for c in range(0x200B, 0x2010)]  # ZWSP, ZWNJ, ZWJ, LRM, RLM
    + [chr(c) for c in range(0x202A, 0x202F)]  # LRE, RLE, PDF, LRO, RLO
    + [chr(c) for c in range(0x2060, 0x2065)]  # word joiner, invisible function/times/separator/plus
    + [chr(c) for c in range(0x2066, 0x206A)]  # LRI, RLI, FSI, PDI
    + [chr(c) for c in range(0x206A, 0x2070)]  # deprecated: swapping, Arabic form shaping, digit shapes
)
"""The format characters ``remove_invisibles`` deletes: the Default_Ignorable
code points that only steer layout or are invisible, in or around Arabic
text. Default_Ignorable code points that carry meaning stay: variation
selectors (U+FE00–U+FE0F, U+180B–U+180F but U+180E: emoji and Mongolian
glyph choice), tags (U+E0000–U+E007F: flag sequences), the combining
grapheme joiner U+034F (it orders marks), Hangul and Khmer fillers and vowels."""

TAB = "\t"
SPACES: frozenset[str] = scan(SPACE_BLOCKS, lambda ch: category(ch) == "Zs")
"""Every space separator (category Zs): U+0020, NBSP, U+2000–U+200A, …"""

LINE_BREAKS: frozenset[str] = frozenset({"\r", "\n", "\x85", "\u2028", "\u2029"})
"""Line ends ``normalize_whitespace`` unifies to LF (CRLF counts as one)."""

# --- Punctuation -----------------------------------------------------------------

HYPHEN_MINUS = "-"
DASHES: frozenset[str] = frozenset(
    [chr(c) for c in range(0x2010, 0x2016)]  # hyphen … horizontal bar
    + ["\u2212", "\uFE58", "\uFE63", "\uFF0D"]  # minus, small em dash, small/fullwidth hyphen-minus
)
HORIZONTAL_ELLIPSIS = "\u2026"

LEFT_DOUBLE_QUOTE = "\u201C"  # “
RIGHT_DOUBLE_QUOTE = "\u201D"  # ”
DOUBLE_LOW_9_QUOTE = "\u201E"  # „
DOUBLE_HIGH_REVERSED_9_QUOTE = "\u201F"  # ‟
LEFT_GUILLEMET = "\u00AB"  # «
RIGHT_GUILLEMET = "\u00BB"  # »
REVERSED_DOUBLE_PRIME_QUOTE = "\u301D"  # 〝
DOUBLE_PRIME_QUOTE = "\u301E"  # 〞
FULLWIDTH_QUOTE = "\uFF02"  # ＂
LEFT_SINGLE_QUOTE = "\u2018"  # ‘
RIGHT_SINGLE_QUOTE = "\u2019"  # ’
SINGLE_LOW_9_QUOTE = "\u201A"  # ‚
SINGLE_HIGH_REVERSED_9_QUOTE = "\u201B"  # ‛
LEFT_SINGLE_GUILLEMET = "\u2039"  # ‹
RIGHT_SINGLE_GUILLEMET = "\u203A"  # ›

OPENING_DOUBLE_QUOTES = frozenset(
    {LEFT_DOUBLE_QUOTE, DOUBLE_LOW_9_QUOTE, LEFT_GUILLEMET, REVERSED_DOUBLE_PRIME_QUOTE}
)
CLOSING_DOUBLE_QUOTES = frozenset(
    {RIGHT_DOUBLE_QUOTE, DOUBLE_HIGH_REVERSED_9_QUOTE, RIGHT_GUILLEMET, DOUBLE_PRIME_QUOTE}
)
OPENING_SINGLE_QUOTES = frozenset({LEFT_SINGLE_QUOTE, SINGLE_LOW_9_QUOTE, LEFT_SINGLE_GUILLEMET})
CLOSING_SINGLE_QUOTES = frozenset(
    {RIGHT_SINGLE_QUOTE, SINGLE_HIGH_REVERSED_9_QUOTE, RIGHT_SINGLE_GUILLEMET}
)
DOUBLE_QUOTES = OPENING_DOUBLE_QUOTES | CLOSING_DOUBLE_QUOTES | {FULLWIDTH_QUOTE}
SINGLE_QUOTES = OPENING_SINGLE_QUOTES | CLOSING_SINGLE_QUOTES

# --- Digits ------------------------------------------------------------------------

LATIN_DIGITS = "0123456789"
ARABIC_INDIC_DIGITS = "".join(map(chr, range(0x0660, 0x066A)))  # ٠١٢٣٤٥٦٧٨٩
EASTERN_ARABIC_INDIC_DIGITS = "".join(map(chr, range(0x06F0, 0x06FA)))  # ۰۱۲۳۴۵۶۷۸۹

# --- Repeats ---------------------------------------------------------------------

REPEATABLE_LETTERS: frozenset[str] = frozenset(
    [chr(c) for c in range(0x0621, 0x064B)] + [chr(c) for c in range(0x0671, 0x06D4)]
)
"""Letters ``reduce_repeats`` shortens: U+0621–U+064A and U+0671–U+06D3."""


def char_class(chars: Iterable[str]) -> str:
    """A regular-expression character class matching exactly ``chars``.

    Consecutive code points are merged into ranges and every member is escaped,
    so the class is safe for any characters.

    >>> char_class("ba") + " " + char_class(["-", "]"])
    '[\\\\u0061-\\\\u0062] [\\\\u002d\\\\u005d]'
    """
    points = sorted({ord(ch) for ch in chars})
    if not points:
        return "(?!)"
    parts = []
    start = prev = points[0]
    for point in points[1:] + [-2]:
        if point == prev + 1:
            prev = point
            continue
        parts.append(_escape(start) if start == prev else f"{_escape(start)}-{_escape(prev)}")
        start = prev = point
    return "[" + "".join(parts) + "]"


def _escape(point: int) -> str:
    return f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}"
