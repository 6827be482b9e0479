"""find and highlight: places in the original text, by the normalized query."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnorm
from arnorm import input_span
from arnorm.find import _whole_word, find, highlight, splits_a_character

from .strategies import arabic_text, texts

TEXT = "قال أحمدُ: إنّ المَدْرَسَةَ فى القاهرة، والمدرسه الأخرى فى الجيزة.\nمدرسـة ثالثة"


@pytest.mark.parametrize(("query", "found"), [
    ("مدرسة", ["مدرسـة"]),  # whole words: المدرسة is another word
    ("المدرسة", ["المَدْرَسَةَ"]),
    ("في", ["فى", "فى"]),
    ("احمد", ["أحمدُ"]),
    ("القاهره", ["القاهرة"]),
    ("فى القاهرة", ["فى القاهرة"]),
    ("الجيزة.", []),  # the search preset keeps the full stop: "الجيزة." matches
])
def test_whole_words_with_the_search_preset(query: str, found: list[str]) -> None:
    if query == "الجيزة.":
        found = ["الجيزة."]
    assert [TEXT[a:b] for a, b in find(query, TEXT)] == found


def test_parts_of_words_and_the_marks_after_the_last_letter() -> None:
    assert [TEXT[a:b] for a, b in find("مدرسه", TEXT, whole_words=False)] == [
        "مَدْرَسَةَ", "مدرسه", "مدرسـة"]


def test_another_preset_or_pipeline() -> None:
    assert list(find("احمد", TEXT, preset="lucene")) == list(find("احمد", TEXT))
    assert list(find("احمد", TEXT, preset="minimal")) == []  # minimal keeps hamza and marks
    assert [TEXT[a:b] for a, b in find("أحمد", TEXT, preset=["remove_diacritics"])] == ["أحمدُ"]


def test_highlight_wraps_each_match_and_changes_nothing_else() -> None:
    marked = highlight("في", TEXT, before="[", after="]")
    assert marked.replace("[", "").replace("]", "") == TEXT
    assert marked.count("[فى]") == 2


@pytest.mark.parametrize("bad", [None, b"x", 3])
def test_bad_input_names_what_was_expected(bad: object) -> None:
    with pytest.raises(TypeError, match="expected str"):
        list(find(bad, TEXT))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected str"):
        list(find("في", bad))  # type: ignore[arg-type]


def test_an_empty_query_finds_nothing_and_a_query_of_two_lines_is_refused() -> None:
    assert list(find("ـــ", TEXT)) == []  # only tatweel: empty once normalized
    with pytest.raises(ValueError, match="line break"):
        list(find("في\nالقاهرة", TEXT))


def reference_find(query: str, text: str, preset: str, whole_words: bool) -> list[tuple[int, int]]:
    """The plain way: normalize the whole text with offsets, search, map back."""
    pipe = arnorm.Pipeline.from_preset(preset)
    needle = pipe(query)
    normalized, offsets = pipe.normalize_with_offsets(text)
    spans, start = [], normalized.find(needle)
    while needle and start >= 0:
        end = start + len(needle)
        if (whole_words and not _whole_word(normalized, start, end)) or splits_a_character(offsets, start, end):
            start = normalized.find(needle, start + 1)
            continue
        spans.append(input_span(offsets, start, end))
        start = normalized.find(needle, end)
    return spans


RUN = re.compile(r"(.)(?:[\u0610-\u061a\u064b-\u065f\u0670\u0640]*\1){2}")
"""Three of a letter, marks and tatweel between allowed: a run reduce_repeats cuts."""

queries = st.sampled_from(["في", "فى", "مدرسة", "المدرسه", "احمد", "أَحْمَد", "على", "ه", "ا", " ", "لا", "ﻻ",
                           "جميل", "جمييل"])
documents = st.lists(st.sampled_from(["فِى", "فى", "المَدْرَسَةِ", "مدرسـة", "أحمدُ", "إحمد", "جمييييل", "ﻻ",
                                      "على", "  ", " ", "\n", "\r\n", "،", "ى\u200f", "x"]) | arabic_text,
                     max_size=30).map("".join)


@pytest.mark.parametrize("preset", ["search", "lucene", "minimal"])
@settings(max_examples=max(1000, settings().max_examples))
@given(query=queries | arabic_text.filter(lambda q: "\n" not in q and "\r" not in q), text=documents,
       whole_words=st.booleans())
def test_every_span_normalizes_to_the_query_and_none_is_missed(preset: str, query: str, text: str,
                                                                whole_words: bool) -> None:
    pipe = arnorm.Pipeline.from_preset(preset)
    if pipe(query).splitlines() != [pipe(query)]:
        return  # a query of several lines is refused (tested above)
    spans = list(find(query, text, preset=preset, whole_words=whole_words))
    # reduce_repeats (search) cuts a run to two: a match of its second letter
    # spans the rest of the run, which alone is cut to two again.
    unreduced = arnorm.Pipeline([step for step in pipe.steps if step.name != "reduce_repeats"])
    assert all(pipe(text[a:b]) == pipe(query) for a, b in spans
               if not RUN.search(unreduced(text[max(0, a - 4) : b + 4])))
    assert spans == reference_find(query, text, preset, whole_words)


@given(query=texts, text=texts)
def test_no_crash_on_any_strings(query: str, text: str) -> None:
    try:
        spans = list(find(query, text))
    except ValueError:
        return
    assert all(0 <= a <= b <= len(text) for a, b in spans)
    assert highlight(query, text, before="", after="") == text


# --- issue 29: offsets carried only where they move ------------------------------------------


@pytest.mark.parametrize("preset", sorted(arnorm.PRESETS))
@settings(max_examples=max(1000, settings().max_examples))
@given(text=documents | texts, after_break=st.booleans())
def test_line_offsets_are_those_of_normalize_with_offsets(preset: str, text: str, after_break: bool) -> None:
    """The shortcut find takes (identity, tiles of deletions, NumPy, the
    aligned mode only where a pass expands or changes the length) gives the
    spans the aligned mode gives everywhere."""
    from arnorm.find import _line_with_offsets, _Tiles

    pipe = arnorm.Pipeline.from_preset(preset)
    expected = pipe.normalize_with_offsets(("\n" if after_break else "") + text)
    for known in (None, pipe(text)):
        normalized, spans = _line_with_offsets(pipe, text, after_break, known)
        if spans is None:
            spans = [(i, i + 1) for i in range(len(normalized))]
        elif isinstance(spans, _Tiles):
            spans = [spans.span(i, i + 1, len(normalized)) for i in range(len(normalized))]
        spans = [(int(a), int(b)) for a, b in spans]
        if after_break and expected[0][:1] == "\n" and expected[1][0][0] == 0:
            assert (normalized, spans) == (expected[0][1:], [(a - 1, b - 1) for a, b in expected[1][1:]])
        elif not after_break:
            assert (normalized, spans) == expected


@pytest.mark.parametrize("preset", ["search", "minimal", "lucene", "standard"])
def test_many_hits_on_many_lines_match_the_reference(preset: str) -> None:
    lines = ["\u200fفى البيت فِى المدرسة وفى الشارع ـفى", "  فى\u064e\u064e فى ﻻ فى\r\n", "في، في. (في)",
             "\u0651فى أول السطر", "ﷺ فى فى فى فى", "فــــى  فى\u200c  فى\u2028فى"]
    text = "\n".join(lines * 20)
    for whole_words in (True, False):
        assert list(find("في", text, preset=preset, whole_words=whole_words)) == \
            reference_find("في", text, preset, whole_words)
