"""The character tables are what Unicode says they are."""

from __future__ import annotations

import pytest

from arnorm import UNICODE_VERSION
from arnorm._chars import (
    ALEF_FORMS,
    ARABIC_BLOCKS,
    ARABIC_MARKS,
    DIACRITICS,
    HAMZA_COMPOSITIONS,
    HAMZA_MARKS,
    INVISIBLES,
    SPACE_BLOCKS,
    SPACES,
    char_class,
    scan,
)
from arnorm._unicode import category, normalize, unicodedata


def test_unicode_data_is_recent() -> None:
    major = int(UNICODE_VERSION.split(".")[0])
    assert major >= 15, "arnorm needs unicodedata2 for the Arabic Extended-C marks"


def test_diacritics_are_the_arabic_nonspacing_marks_less_hamza_plus_small_letters() -> None:
    assert all(category(ch) == "Mn" for ch in DIACRITICS - {"\u06e5", "\u06e6"})
    assert {"\u06e5", "\u06e6"} <= DIACRITICS
    assert not HAMZA_MARKS & DIACRITICS
    assert DIACRITICS | HAMZA_MARKS == ARABIC_MARKS | {"\u06e5", "\u06e6"}
    for ch in map(chr, range(0x0600, 0x0700)):
        if category(ch) == "Mn" and ch not in HAMZA_MARKS:
            assert ch in DIACRITICS, unicodedata.name(ch)
    assert {"\u06dd", "\u06de", "\u06e9", "\u08e2"}.isdisjoint(DIACRITICS)  # symbols, not marks


def test_arabic_blocks_cover_the_contract_ranges() -> None:
    covered = {c for first, last in ARABIC_BLOCKS for c in range(first, last + 1)}
    for first, last in [(0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF),
                        (0xFE70, 0xFEFF), (0x10EC0, 0x10EFF)]:
        assert set(range(first, last + 1)) <= covered


def test_spaces_are_every_zs_character() -> None:
    every_zs = scan([(0, 0x10FFFF)], lambda ch: category(ch) == "Zs")
    assert SPACES == every_zs
    assert all(any(a <= ord(ch) <= b for a, b in SPACE_BLOCKS) for ch in SPACES)


def test_hamza_compositions_are_nfc() -> None:
    assert HAMZA_COMPOSITIONS["\u0627\u0654"] == "\u0623"
    assert HAMZA_COMPOSITIONS["\u0627\u0655"] == "\u0625"
    assert HAMZA_COMPOSITIONS["\u0627\u0653"] == "\u0622"
    assert HAMZA_COMPOSITIONS["\u0648\u0654"] == "\u0624"
    assert HAMZA_COMPOSITIONS["\u064a\u0654"] == "\u0626"
    assert HAMZA_COMPOSITIONS["\u06d5\u0654"] == "\u06c0"
    for pair, composed in HAMZA_COMPOSITIONS.items():
        assert normalize("NFC", pair) == composed


def test_alef_forms() -> None:
    assert {unicodedata.name(ch) for ch in ALEF_FORMS} == {
        "ARABIC LETTER ALEF WITH MADDA ABOVE", "ARABIC LETTER ALEF WITH HAMZA ABOVE",
        "ARABIC LETTER ALEF WITH HAMZA BELOW", "ARABIC LETTER ALEF WASLA",
        "ARABIC LETTER ALEF WITH WAVY HAMZA ABOVE", "ARABIC LETTER ALEF WITH WAVY HAMZA BELOW",
    }


def test_invisibles_are_format_controls_or_soft_hyphen() -> None:
    assert all(category(ch) == "Cf" for ch in INVISIBLES)
    assert len(INVISIBLES) == 29


@pytest.mark.parametrize("chars", ["", "a", "abc", "ace", "\U00010efd\u0640", "]-^\\"])
def test_char_class_matches_exactly_its_characters(chars: str) -> None:
    import re

    pattern = re.compile(char_class(chars))
    probe = set(chars) | set("abcdez]-^\\\u0640\u0641") | {"\U00010efc", "\U00010efd"}
    for ch in probe:
        assert bool(pattern.fullmatch(ch)) == (ch in chars), repr(ch)
