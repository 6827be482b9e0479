"""Letter variants: alef, hamza, alef maksura, teh marbuta, Persian letters,
presentation forms."""

from __future__ import annotations

import pytest

from arnorm import (
    fold_presentation_forms,
    normalize_alef,
    normalize_alef_maksura,
    normalize_hamza,
    normalize_persian_letters,
    normalize_teh_marbuta,
)
from arnorm._chars import PRESENTATION_FOLDS
from arnorm._unicode import category, normalize


@pytest.mark.parametrize(
    "text, expected",
    [
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("آخر", "اخر"),
        ("ٱلكتاب", "الكتاب"),  # alef wasla
        ("\u0672\u0673", "اا"),  # wavy hamza above and below
        ("مسؤول رئيس ء", "مسؤول رئيس ء"),  # not alef forms
        ("ا\u0654حمد", "احمد"),  # decomposed أ
        ("ا\u064e\u0654", "ا\u064e"),  # decomposed أَ with the fatha first: the fatha stays
        ("آ\u0653", "ا"),
        ("و\u0654", "و\u0654"),  # decomposed ؤ is not an alef
        ("", ""),
    ],
)
def test_normalize_alef(text: str, expected: str) -> None:
    assert normalize_alef(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("مسؤول", "مسوول"),
        ("رئيس", "رييس"),
        ("أسئلة", "اسيلة"),
        ("سماء", "سماء"),  # a lone hamza is kept
        ("إنشاء آلاف", "انشاء الاف"),
        ("ٱلمؤمنون", "المومنون"),
        ("مسو\u0654ول", "مسوول"),  # decomposed ؤ
        ("ى\u0654", "ى"),  # combining hamza goes wherever it stands
    ],
)
def test_normalize_hamza(text: str, expected: str) -> None:
    assert normalize_hamza(text) == expected


def test_normalize_alef_maksura() -> None:
    assert normalize_alef_maksura("فى على مستشفى موسى") == "في علي مستشفي موسي"
    assert normalize_alef_maksura("في علي") == "في علي"


def test_normalize_teh_marbuta() -> None:
    assert normalize_teh_marbuta("فاطمة مدرسة") == "فاطمه مدرسه"
    assert normalize_teh_marbuta("تاء مفتوحة ت") == "تاء مفتوحه ت"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("کتاب", "كتاب"),  # keheh
        ("ڪتاب", "كتاب"),  # swash kaf
        ("مدرسە", "مدرسه"),  # ae
        ("مدرسہ", "مدرسه"),  # heh goal
        ("یوم", "يوم"),  # initial Farsi yeh: a letter follows
        ("بیت", "بيت"),  # medial
        ("علی", "على"),  # final: left to restore_final_yaa
        ("فی البیت", "فى البيت"),
        ("بیِت", "بيِت"),  # a mark between yeh and the next letter is ignored
        ("علی.", "على."),
        ("ی", "ى"),
        ("یb", "ىb"),  # a Latin letter is not an Arabic letter
        ("ی\u200cب", "ى\u200cب"),  # ZWNJ breaks the join: final form
    ],
)
def test_normalize_persian_letters(text: str, expected: str) -> None:
    assert normalize_persian_letters(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\ufefb", "لا"),  # LAM WITH ALEF ISOLATED
        ("\ufefc", "لا"),  # LAM WITH ALEF FINAL
        ("\ufef7", "لأ"),  # LAM WITH ALEF WITH HAMZA ABOVE
        ("\ufef9", "لإ"),
        ("\ufef5", "لآ"),
        ("\ufdf2", "الله"),
        ("\ufdfa", "صلى الله عليه وسلم"),
        ("\ufe8d\ufedf\ufecc\ufeae\ufe91\ufef4\ufe94", "العربية"),  # positional forms
        ("\ufd3e\ufd3f", "\ufd3e\ufd3f"),  # ornate parentheses have no decomposition
        ("\ufdfd", "\ufdfd"),  # bismillah ligature has none either
        ("\ufeff", "\ufeff"),  # left to remove_invisibles
        ("\ufb01", "\ufb01"),  # Latin ligature fi is outside the Arabic blocks
        ("\ufe70", " \u064b"),  # isolated fathatan: NFKC gives space + mark
    ],
)
def test_fold_presentation_forms(text: str, expected: str) -> None:
    assert fold_presentation_forms(text) == expected


def test_presentation_folds_match_nfkc_for_every_character() -> None:
    for first, last in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFE)):
        for ch in map(chr, range(first, last + 1)):
            assert fold_presentation_forms(ch) == normalize("NFKC", ch), hex(ord(ch))
    # and the table holds only characters of those blocks
    assert all(0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFE for ch in PRESENTATION_FOLDS)


def test_folded_text_has_no_presentation_forms_left() -> None:
    folded = fold_presentation_forms("".join(PRESENTATION_FOLDS))
    assert not set(folded) & set(PRESENTATION_FOLDS)
    assert all(category(ch) != "Cn" for ch in folded)


def test_long_texts_fold_decomposed_alef_in_pieces_as_a_whole() -> None:
    from arnorm._accel import Policy, rule_runner
    from arnorm.letters import FOLD_DECOMPOSED_ALEF as rule

    chunk = 16
    run = rule_runner(rule, Policy(chunk=chunk))
    cluster = "ا\u064e\u0654\u0651"
    for offset in range(len(cluster) + 1):  # a cluster across every piece boundary
        text = "ب" * (chunk - offset) + (cluster + "ب") * (chunk // 2) + "ا" + "\u0654" * chunk
        assert len(text) > 2 * chunk
        assert run(text) == rule(text)
    assert run("قر\u0627\u0653ن " * chunk) == "قران " * chunk
