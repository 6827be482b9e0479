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
    "standardize_quranic_spelling",
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
