"""Pipeline.normalize_with_offsets: exact spans through every kind of step."""

from __future__ import annotations

from functools import partial

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnorm import (
    PRESETS,
    Pipeline,
    input_span,
    normalize_punctuation,
    remove_diacritics,
)
from arnorm.pipeline import preset_pipeline

from .strategies import arabic_text, texts
from .test_properties import STEPS

STANDARD = Pipeline.from_preset("standard")


def spans_of(pipe: Pipeline, text: str) -> list[tuple[str, str]]:
    """Each output character with the input text its span covers."""
    out, offsets = pipe.normalize_with_offsets(text)
    return [(ch, text[a:b]) for ch, (a, b) in zip(out, offsets)]


@pytest.mark.parametrize(
    "pipe, text, expected",
    [
        # deletion: marks widen the letter before them
        (Pipeline([remove_diacritics]), "فِى", [("ف", "فِ"), ("ى", "ى")]),
        # deletion at the start widens the first character after it
        (Pipeline(["remove_invisibles"]), "\u200fنص", [("ن", "\u200fن"), ("ص", "ص")]),
        # one-to-one map
        (Pipeline(["normalize_alef"]), "أب", [("ا", "أ"), ("ب", "ب")]),
        # expansion: both letters come from the ligature
        (Pipeline(["fold_presentation_forms"]), "ﻻ!", [("ل", "ﻻ"), ("ا", "ﻻ"), ("!", "!")]),
        (Pipeline([normalize_punctuation]), "…", [(".", "…")] * 3),
        # merge: a letter and a combining hamza become one letter
        (Pipeline([remove_diacritics]), "سا\u0654ل", [("س", "س"), ("أ", "ا\u0654"), ("ل", "ل")]),
        # whitespace: a run of spaces becomes one, stripped ends join their neighbours
        (Pipeline(["normalize_whitespace"]), " a \t b ", [("a", " a"), (" ", " \t "), ("b", "b ")]),
        (Pipeline(["normalize_whitespace"]), "a\r\nb", [("a", "a"), ("\n", "\r\n"), ("b", "b")]),
        # context rules
        (Pipeline(["restore_final_yaa"]), "فى", [("ف", "ف"), ("ي", "ى")]),
        (Pipeline(["reduce_repeats"]), "ييييب", [("ي", "ي"), ("ي", "ييي"), ("ب", "ب")]),
        (Pipeline([partial(__import__("arnorm").normalize_quotes, style="guillemets")]), '"أ"',
         [("«", '"'), ("أ", "أ"), ("»", '"')]),
    ],
)
def test_exact_spans(pipe: Pipeline, text: str, expected: list[tuple[str, str]]) -> None:
    assert spans_of(pipe, text) == expected


def test_standard_preset_spans_on_a_sentence() -> None:
    text = "قال:  “فِى  القاهـــرة”"
    out, offsets = STANDARD.normalize_with_offsets(text)
    assert out == 'قال: "في القاهرة"'
    start = out.index("القاهرة")
    a, b = input_span(offsets, start, start + len("القاهرة"))
    assert text[a:b] == "القاهـــرة"
    a, b = input_span(offsets, out.index("في"), out.index("في") + 2)
    assert text[a:b] == "فِى"


def test_input_span_checks_its_arguments() -> None:
    _, offsets = STANDARD.normalize_with_offsets("نص")
    assert input_span(offsets, 1, 1) == (1, 1)
    assert input_span(offsets, 2, 2) == (2, 2)
    with pytest.raises(ValueError):
        input_span(offsets, 1, 5)


def test_user_function_slices_align_exactly() -> None:
    out, offsets = Pipeline([str.strip]).normalize_with_offsets("  نص ")
    assert out == "نص" and offsets == [(0, 3), (3, 5)]


def check_offsets(pipe: Pipeline, text: str) -> None:
    out, offsets = pipe.normalize_with_offsets(text)
    assert out == pipe(text)
    assert len(offsets) == len(out)
    for start, end in offsets:
        assert 0 <= start <= end <= len(text)
    assert [s for s, _ in offsets] == sorted(s for s, _ in offsets)
    assert [e for _, e in offsets] == sorted(e for _, e in offsets)
    if out:
        covered = set()
        for start, end in offsets:
            covered.update(range(start, end))
        assert covered == set(range(len(text)))


@pytest.mark.parametrize("preset", sorted(PRESETS))
@given(text=texts)
def test_preset_offsets_are_consistent(preset: str, text: str) -> None:
    check_offsets(preset_pipeline(preset), text)  # built once: examples stay cheap


@given(steps=st.lists(st.sampled_from(STEPS), max_size=6), text=arabic_text)
def test_any_pipeline_offsets_are_consistent(steps, text: str) -> None:
    check_offsets(Pipeline(steps), text)


@given(text=arabic_text)
def test_unchanged_characters_point_at_themselves(text: str) -> None:
    # Through the minimal preset an Arabic letter is never changed: its span
    # must contain that very letter.
    out, offsets = Pipeline.from_preset("minimal").normalize_with_offsets(text)
    for ch, (start, end) in zip(out, offsets):
        if "\u0621" <= ch <= "\u064a" and ch not in "\u0640":
            assert ch in text[start:end] or any(0xFB50 <= ord(c) <= 0xFEFE for c in text[start:end])
