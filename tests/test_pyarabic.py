"""Differential tests against pyarabic, where the semantics match.

Where arnorm deliberately differs, the difference is spelled out below as a
test, not hidden.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnorm import (
    fold_presentation_forms,
    normalize_alef,
    normalize_hamza,
    normalize_teh_marbuta,
    remove_diacritics,
    remove_tatweel,
)
from arnorm._chars import TASHKEEL

from .strategies import texts

araby = pytest.importorskip("pyarabic.araby", reason="pyarabic is a test extra")

LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
words = st.lists(st.sampled_from(LETTERS + sorted(TASHKEEL) + [" ", "\u0640"]), max_size=40).map("".join)


@given(text=texts)
def test_strip_tatweel(text: str) -> None:
    assert remove_tatweel(text) == araby.strip_tatweel(text)


@given(text=words)
def test_strip_tashkeel_on_harakat(text: str) -> None:
    assert remove_diacritics(text) == araby.strip_tashkeel(text)


@given(text=texts)
def test_normalize_teh(text: str) -> None:
    assert normalize_teh_marbuta(text) == araby.normalize_teh(text)


@given(text=texts.map(lambda t: "".join(ch for ch in t if ch not in "\u0649\u0670\u0672\u0673\u0653\u0654\u0655")))
def test_normalize_alef_without_maksura_or_dagger_alef(text: str) -> None:
    assert normalize_alef(text) == araby.normalize_alef(text)


@given(text=texts.map(lambda t: "".join(ch for ch in t if ch not in "\u0653\u0654\u0655\u0671\u0672\u0673")))
def test_normalize_hamza_tasheel_without_combining_hamza_or_wasla(text: str) -> None:
    assert normalize_hamza(text) == araby.normalize_hamza(text, method="tasheel")


@given(text=texts.map(lambda t: "".join(ch for ch in t if ch not in "\u0653\u0654\u0655\u06e5\u06e6")))
def test_strip_diacritics_on_marks_pyarabic_knows(text: str) -> None:
    # pyarabic's DIACRITICS list predates Unicode 6.1: restrict to the marks it lists.
    known = set(araby.DIACRITICS)
    text = "".join(ch for ch in text if not (0x0600 <= ord(ch) <= 0x10EFF and ch not in known
                                              and remove_diacritics(ch) == ""))
    assert remove_diacritics(text) == araby.strip_diacritics(text)


# --- Known, deliberate differences -----------------------------------------------------


def test_difference_decomposed_hamza_is_a_letter_not_a_mark() -> None:
    # pyarabic deletes combining hamza and maddah, turning سأل into سال.
    assert araby.strip_diacritics("سا\u0654ل") == "سال"
    assert remove_diacritics("سا\u0654ل") == "سأل"


def test_difference_newer_marks_and_small_letters_are_removed() -> None:
    # small waw/yeh and marks added after pyarabic's list (e.g. U+08F0, U+0897).
    for mark in ("\u06e5", "\u06e6", "\u08f0", "\u0897"):
        assert araby.strip_diacritics("ب" + mark) == "ب" + mark
        assert remove_diacritics("ب" + mark) == "ب"


def test_difference_normalize_alef_leaves_maksura_and_dagger_alef() -> None:
    # pyarabic's normalize_alef turns ى and U+0670 into ا; arnorm keeps alef
    # maksura for normalize_alef_maksura / restore_final_yaa, and folds ٲ ٳ.
    assert araby.normalize_alef("على") == "علا"
    assert normalize_alef("على") == "على"
    assert araby.normalize_alef("\u0672") == "\u0672"
    assert normalize_alef("\u0672") == "ا"


def test_difference_decomposed_alef_forms_fold_too() -> None:
    # ا + U+0654 is canonically أ; pyarabic only knows the precomposed letter.
    assert araby.normalize_alef("ا\u0654") == "ا\u0654"
    assert normalize_alef("ا\u0654") == "ا"


def test_difference_lam_alef_ligatures_keep_their_hamza() -> None:
    # pyarabic's normalize_ligature drops the hamza (ﻷ → لا); NFKC keeps it (ﻷ → لأ).
    assert araby.normalize_ligature("\ufef7") == "لا"
    assert fold_presentation_forms("\ufef7") == "لأ"


def test_difference_combining_hamza_goes_and_wasla_folds() -> None:
    # pyarabic's tasheel turns a combining hamza above into the letter alef
    # (و + U+0654, canonically ؤ, becomes وا) and leaves ٱ; arnorm deletes the
    # mark, as it folds ؤ, and folds ٱ with the other alef forms.
    assert araby.normalize_hamza("و\u0654", method="tasheel") == "وا"
    assert normalize_hamza("و\u0654") == "و"
    assert araby.normalize_hamza("ٱلله", method="tasheel") == "ٱلله"
    assert normalize_hamza("ٱلله") == "الله"
