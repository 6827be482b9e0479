"""Hypothesis properties of every normalizer, preset and pipeline.

Run with more examples: ``HYPOTHESIS_PROFILE=thorough python -m pytest tests/test_properties.py``.
"""

from __future__ import annotations

from functools import partial

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnorm
from arnorm import NORMALIZERS, PRESETS, Pipeline
from arnorm._chars import (
    ARABIC_BLOCKS,
    DASHES,
    DOUBLE_QUOTES,
    INVISIBLES,
    LINE_BREAKS,
    SINGLE_QUOTES,
    SPACES,
)
from arnorm.pipeline import preset_pipeline

from .strategies import any_text, arabic_text, texts

# Every normalizer with every value of its options worth covering.
VARIANTS = {
    "remove_diacritics": [{}, {"keep_shadda": True}],
    "normalize_quotes": [{"style": s} for s in ("ascii", "guillemets", "curly")],
    "normalize_digits": [{"to": "latin"}, {"to": "arabic"}],
    "reduce_repeats": [{"max_repeat": n} for n in (1, 2, 3, 7)],
    "restore_final_yaa": [{}, {"exceptions": {"بنى": "بني", "على": "علي"}}],
}
STEPS = [
    partial(func, **options) if options else func
    for name, func in NORMALIZERS.items()
    for options in VARIANTS.get(name, [{}])
]
STEP_IDS = [getattr(step, "func", step).__name__ + str(getattr(step, "keywords", "")) for step in STEPS]


def _in_arabic_blocks(ch: str) -> bool:
    return any(first <= ord(ch) <= last for first, last in ARABIC_BLOCKS)


@pytest.mark.parametrize("step", STEPS, ids=STEP_IDS)
@given(text=texts)
def test_step_never_raises_and_is_idempotent(step, text: str) -> None:
    once = step(text)
    assert step(once) == once


@pytest.mark.parametrize("preset", sorted(PRESETS))
@given(text=texts)
def test_preset_is_idempotent(preset: str, text: str) -> None:
    once = arnorm.normalize(text, preset=preset)
    assert arnorm.normalize(once, preset=preset) == once


@pytest.mark.parametrize("preset", sorted(PRESETS))
@given(text=texts)
def test_preset_equals_its_steps_run_one_by_one(preset: str, text: str) -> None:
    pipe = preset_pipeline(preset)
    expected = text
    for step in pipe.steps:
        expected = NORMALIZERS[step.name](expected, **step.options)
    assert pipe(text) == expected


@given(steps=st.lists(st.sampled_from(STEPS), max_size=8), text=texts)
def test_any_pipeline_equals_its_steps_run_one_by_one(steps, text: str) -> None:
    expected = text
    for step in steps:
        expected = step(expected)
    assert Pipeline(steps)(text) == expected


@given(steps=st.lists(st.sampled_from(STEPS), max_size=8), text=arabic_text)
def test_explain_ends_with_the_result(steps, text: str) -> None:
    pipe = Pipeline(steps)
    changes = pipe.explain(text)
    assert (changes[-1][1] if changes else text) == pipe(text)
    assert all(name in NORMALIZERS for name, _ in changes)


ARABIC_ONLY = [
    "remove_diacritics", "remove_tatweel", "normalize_alef", "normalize_hamza",
    "normalize_alef_maksura", "normalize_teh_marbuta", "normalize_persian_letters",
    "restore_final_yaa", "reduce_repeats", "fold_presentation_forms", "normalize_lucene",
    "standardize_quranic_spelling", "restore_teh_marbuta", "restore_hamza",
]
# What each of the other steps targets; text without any of it must pass through.
TARGETS = {
    "normalize_quotes": DOUBLE_QUOTES | SINGLE_QUOTES,
    "normalize_punctuation": DASHES | {"\u2026"},
    "normalize_digits": set("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"),
    "remove_invisibles": INVISIBLES,
    "normalize_whitespace": SPACES | LINE_BREAKS | {"\t"},
}


def test_every_normalizer_has_a_passthrough_property() -> None:
    assert set(ARABIC_ONLY) | set(TARGETS) == set(NORMALIZERS)


@pytest.mark.parametrize("name", ARABIC_ONLY)
@given(text=any_text)
def test_text_without_arabic_passes_through(name: str, text: str) -> None:
    text = "".join(ch for ch in text if not _in_arabic_blocks(ch))
    assert NORMALIZERS[name](text) == text


@pytest.mark.parametrize("name", sorted(TARGETS))
@given(text=texts)
def test_text_without_targets_passes_through(name: str, text: str) -> None:
    text = "".join(ch for ch in text if ch not in TARGETS[name])
    assert NORMALIZERS[name](text) == text


# --- canonical equivalence (issue 28, item 11) ---------------------------------------------

_HAMZA_LETTERS = "أإآؤئۀۂۓ"
_LETTERS = [chr(c) for c in range(0x0621, 0x064B)] + list("ٱکڪەہیۀۂۓےۀۂە")
_VOWELS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"]


@st.composite
def _cluster(draw) -> str:
    """A letter, its vowel marks, and at most one maddah or hamza mark (none
    on a tatweel, whose removal would stack its mark on the letter before:
    آـٕ is آ with a hamza below, the documented limit)."""
    letter = draw(st.sampled_from(_LETTERS))
    marks = draw(st.lists(st.sampled_from(_VOWELS), max_size=2))
    if letter not in _HAMZA_LETTERS + "\u0640" and draw(st.booleans()):
        marks.insert(draw(st.integers(0, len(marks))), draw(st.sampled_from("\u0653\u0654\u0655")))
    return letter + "".join(marks)


_words = st.lists(st.one_of(_cluster(), st.sampled_from([" ", "، ", "\n", "ـ", "\u200c"])), max_size=30).map("".join)


@pytest.mark.parametrize("preset", ["standard", "search"])
@given(text=_words)
def test_canonically_equivalent_text_gives_the_same_output(preset: str, text: str) -> None:
    """NFC and NFD forms give one output in the presets that compose marks,
    for text whose letters carry at most one maddah or hamza (docs/presets.md);
    minimal keeps the letters as encoded and lucene is Lucene's, byte for byte."""
    import unicodedata2

    pipe = Pipeline.from_preset(preset)
    assert pipe(unicodedata2.normalize("NFC", text)) == pipe(unicodedata2.normalize("NFD", text))


@pytest.mark.parametrize("composed, decomposed", [("\u06c0", "\u06d5\u0654"), ("\u06c2", "\u06c1\u0654"),
                                                 ("\u06c0\u0655", "\u06d5\u0655\u0654")])
def test_heh_with_hamza_above_composed_or_not(composed: str, decomposed: str) -> None:
    for preset, expected in (("standard", "ب" + composed), ("search", "ب" + composed[0])):
        pipe = Pipeline.from_preset(preset)
        assert pipe("ب" + composed) == pipe("ب" + decomposed) == expected
    assert arnorm.normalize_persian_letters("ە ہ") == "ه ه"
