"""normalize_quotes, normalize_punctuation, normalize_digits."""

from __future__ import annotations

import pytest

from arnorm import normalize_digits, normalize_punctuation, normalize_quotes

ALL_DOUBLE = "“ ” „ ‟ « » 〝 〞 ＂"
ALL_SINGLE = "‘ ’ ‚ ‛ ‹ ›"


@pytest.mark.parametrize(
    "text, expected",
    [
        (ALL_DOUBLE, '" " " " " " " " "'),
        (ALL_SINGLE, "' ' ' ' ' '"),
        ("قال “إن «السلام» ممكن”", 'قال "إن "السلام" ممكن"'),  # nested curly quotes
        ("“التصعيد العسكرى الروسى”", '"التصعيد العسكرى الروسى"'),
        ("it's", "it's"),
        ('"already"', '"already"'),
    ],
)
def test_ascii_style(text: str, expected: str) -> None:
    assert normalize_quotes(text) == expected
    assert normalize_quotes(text, style="ascii") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“ „ « 〝 ” ‟ » 〞", "« « « « » » » »"),
        ("‘ ‚ ‹ ’ ‛ ›", "‹ ‹ ‹ › › ›"),
        ('قال "نعم" ثم "لا"', "قال «نعم» ثم «لا»"),
        ('"أ" "ب', '«أ» "ب'),  # an unpaired last one stays straight
        ('"أ\n"ب', '"أ\n"ب'),  # pairs do not cross lines
        ('"a"\r\n"b"', "«a»\r\n«b»"),
        ("＂نص＂", "«نص»"),  # fullwidth quotes pair like straight ones
        ("it's", "it's"),  # straight single quotes stay: apostrophes
        ("قال “إن «السلام» ممكن”", "قال «إن «السلام» ممكن»"),
    ],
)
def test_guillemets_style(text: str, expected: str) -> None:
    assert normalize_quotes(text, style="guillemets") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("« » ‹ ›", "“ ” ‘ ’"),
        ('قال "نعم" و"لا" و"', "قال “نعم” و“لا” و\""),
        ("don’t", "don’t"),
    ],
)
def test_curly_style(text: str, expected: str) -> None:
    assert normalize_quotes(text, style="curly") == expected


def test_unknown_style_is_a_value_error_naming_the_choices() -> None:
    with pytest.raises(ValueError, match="'ascii', 'curly', 'guillemets'"):
        normalize_quotes("x", style="fancy")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("سوريا – روسيا", "سوريا - روسيا"),  # en dash
        ("\u2010\u2011\u2012\u2013\u2014\u2015", "------"),
        ("\u2212\ufe58\ufe63\uff0d", "----"),
        ("انتظر…", "انتظر..."),
        ("لماذا؟ نعم، لا؛", "لماذا؟ نعم، لا؛"),  # Arabic punctuation is kept
        ("a-b", "a-b"),
    ],
)
def test_normalize_punctuation(text: str, expected: str) -> None:
    assert normalize_punctuation(text) == expected


@pytest.mark.parametrize(
    "text, to, expected",
    [
        ("٠١٢٣٤٥٦٧٨٩", "latin", "0123456789"),
        ("۰۱۲۳۴۵۶۷۸۹", "latin", "0123456789"),
        ("عام ٢٠٢٤", "latin", "عام 2024"),
        ("0123456789", "arabic", "٠١٢٣٤٥٦٧٨٩"),
        ("۱۴۰۳ و 2024", "arabic", "١٤٠٣ و ٢٠٢٤"),
        ("٣.١٤", "latin", "3.14"),
        ("١٢", "arabic", "١٢"),
    ],
)
def test_normalize_digits(text: str, to: str, expected: str) -> None:
    assert normalize_digits(text, to=to) == expected  # type: ignore[arg-type]


def test_digits_default_is_latin() -> None:
    assert normalize_digits("٢٠٢٤") == "2024"


def test_unknown_digit_target() -> None:
    with pytest.raises(ValueError, match="'arabic', 'latin'"):
        normalize_digits("1", to="persian")  # type: ignore[arg-type]
