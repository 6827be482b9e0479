"""remove_invisibles, normalize_whitespace, reduce_repeats."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnorm import Pipeline, normalize_whitespace, reduce_repeats, remove_invisibles
from arnorm._chars import REPEATABLE_LETTERS, char_class
from arnorm._accel import Policy, rule_runner
from arnorm._accel.rules import vector_of
from arnorm.spacing import _repeat_primitives

INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u061c\ufeff\u00ad"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (INVISIBLE, ""),
        ("مر\u200cحبا", "مرحبا"),  # ZWNJ inside a word
        ("\u200fالعربية\u200f", "العربية"),  # RLM
        ("\ufeffبداية", "بداية"),  # BOM
        ("كل\u00adمة", "كلمة"),  # soft hyphen
        ("\u2060\u180e", ""),  # word joiner, Mongolian vowel separator: removed (issue 28)
    ],
)
def test_remove_invisibles(text: str, expected: str) -> None:
    assert remove_invisibles(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a  b", "a b"),
        ("  a b  ", "a b"),
        ("a\tb", "a b"),
        ("a\u00a0\u2009\u3000b", "a b"),  # NBSP, thin space, ideographic space
        ("a\r\nb", "a\nb"),  # CRLF
        ("a\rb", "a\nb"),  # lone CR
        ("a\x85b\u2028c\u2029d", "a\nb\nc\nd"),
        ("a \n b", "a\nb"),  # spaces at both ends of every line
        ("a\n\n\nb", "a\n\n\nb"),  # line breaks are kept
        ("a\r\n\r\nb", "a\n\nb"),
        (" \n ", "\n"),
        ("\n", "\n"),
        ("", ""),
        ("   ", ""),
        ("a\x0bb\x0cc", "a\x0bb\x0cc"),  # vertical tab and form feed are not Zs
    ],
)
def test_normalize_whitespace(text: str, expected: str) -> None:
    assert normalize_whitespace(text) == expected


@pytest.mark.parametrize(
    "text, max_repeat, expected",
    [
        ("جمييييل", 2, "جمييل"),
        ("جدااااا", 2, "جداا"),
        ("جمييييل", 1, "جميل"),
        ("ههههههه", 3, "ههه"),
        ("مم", 2, "مم"),
        ("!!!!!! 1111 aaaa", 2, "!!!!!! 1111 aaaa"),  # only Arabic letters
        ("ٱٱٱٱ", 2, "ٱٱ"),  # U+0671 is in the second range
        ("۱۱۱۱", 1, "۱۱۱۱"),  # Eastern digits are not letters
        ("جم" + "ي" * 8 + "ل", 5, "جم" + "ي" * 5 + "ل"),  # beyond SHORT_REPEAT: the linear scan
        ("ههههههه هه", 6, "هههههه هه"),
        ("ب" * 100 + " " + "ي" * 20, 10**9, "ب" * 100 + " " + "ي" * 20),
        ("ب" * 300_000, 250_000, "ب" * 250_000),
    ],
)
def test_reduce_repeats(text: str, max_repeat: int, expected: str) -> None:
    assert reduce_repeats(text, max_repeat=max_repeat) == expected


def test_reduce_repeats_default_is_two() -> None:
    assert reduce_repeats("واااو") == "وااو"


@pytest.mark.parametrize("bad", [0, -1])
def test_reduce_repeats_rejects_less_than_one(bad: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        reduce_repeats("x", max_repeat=bad)


@pytest.mark.parametrize("bad", [1.5, "2", True, None])
def test_reduce_repeats_rejects_non_int(bad: object) -> None:
    with pytest.raises(TypeError, match="max_repeat"):
        reduce_repeats("x", max_repeat=bad)  # type: ignore[arg-type]


_runs = st.lists(st.sampled_from(["ي", "ه", "ب", "x", " ", "\n", "ٱ", "۱"]).flatmap(
    lambda ch: st.integers(1, 12).map(lambda n: ch * n)), max_size=20).map("".join)


@given(text=_runs, max_repeat=st.integers(1, 9))
def test_the_linear_scan_equals_the_pattern(text: str, max_repeat: int) -> None:
    """The rule and its accelerated paths (spelled-out patterns up to
    short_repeat, linear scans beyond, as string and as NumPy array), tried
    at every size, against the counted pattern."""
    (rule,) = _repeat_primitives(max_repeat)
    letter_run = f"({char_class(REPEATABLE_LETTERS)})\\1{{{max_repeat},}}"
    expected = re.sub(letter_run, lambda match: match.group(1) * max_repeat, text)
    assert rule(text) == expected
    assert rule.with_offsets(text, [(i, i + 1) for i in range(len(text))])[0] == expected
    for short_repeat in (0, 4, 9):
        assert rule_runner(rule, Policy(short_repeat=short_repeat))(text) == expected
    numpy = pytest.importorskip("numpy")
    codes = numpy.frombuffer(text.encode("utf-16-le"), dtype=numpy.uint16)
    for short_repeat in (0, 9):
        vector = vector_of(rule, Policy(short_repeat=short_repeat))
        assert vector(codes).tobytes().decode("utf-16-le") == expected


def test_untrusted_max_repeat_is_cheap() -> None:
    """A huge max_repeat from JSON builds no pattern that grows with it (one
    of 10**6 took 2.3 s to compile), and the cache of built steps is bounded."""
    from arnorm.spacing import _repeat_primitives

    for n in (10**9, 10**12, *range(100, 200)):
        pipe = Pipeline.from_dict({"steps": [{"name": "reduce_repeats", "options": {"max_repeat": n}}]})
        assert pipe("جمييييل") == "جمييييل"
    assert _repeat_primitives.cache_info().currsize <= 32


# Default_Ignorable_Code_Point (DerivedCoreProperties.txt), assigned ranges.
DEFAULT_IGNORABLE = [(0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
                     (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
                     (0x2060, 0x2064), (0x2066, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F),
                     (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
                     (0xE0001, 0xE0001), (0xE0020, 0xE007F), (0xE0100, 0xE01EF)]
KEPT_IGNORABLE = {  # they carry meaning: glyph choice, emoji sequences, mark order, other scripts
    0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180F, 0x3164, 0xFFA0,
    *range(0xFE00, 0xFE10), *range(0x1BCA0, 0x1BCA4), *range(0x1D173, 0x1D17B),
    0xE0001, *range(0xE0020, 0xE0080), *range(0xE0100, 0xE01F0)}


@pytest.mark.parametrize("code", [0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x180E, 0x206C, 0x206D])
def test_word_joiner_invisible_operators_and_shaping_controls_are_removed(code: int) -> None:
    assert remove_invisibles(f"مر{chr(code)}حبا") == "مرحبا"


def test_every_default_ignorable_code_point_is_removed_or_kept_on_purpose() -> None:
    for first, last in DEFAULT_IGNORABLE:
        for code in range(first, last + 1):
            removed = remove_invisibles(chr(code)) == ""
            assert removed == (code not in KEPT_IGNORABLE), hex(code)
