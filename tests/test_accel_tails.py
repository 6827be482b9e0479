"""Rules run on a NumPy lookup's array (their forms in ``_accel.vectors``):
the same as running the map, then each rule on the text."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnorm import NORMALIZERS, PRESETS, Pipeline
from arnorm._accel import MapRunner, Policy, rule_runner
from arnorm._accel.lookup import Lookup, drop_where, safe_cut
from arnorm._accel.rules import vector_of
from arnorm._plan import Plan
from arnorm._rules import Rule
from arnorm.spacing import _repeat_primitives, _whitespace

from .strategies import texts

pytest.importorskip("numpy")
DEFAULT = Policy()
DENSE = Policy(coded_text=0, dense_text=4, numpy_chunk=3, dense_share=0.0, dense_keys=0)
"""Every long-text path taken by texts of four characters, the NumPy lookup
by every map, and its pieces three long."""

COLLAPSE, STRIP = _whitespace()[2:4]
TAILS = [
    (COLLAPSE,), (COLLAPSE, STRIP),
    (_repeat_primitives(1)[0],), (_repeat_primitives(2)[0], COLLAPSE, STRIP), (_repeat_primitives(3)[0], COLLAPSE),
    (_repeat_primitives(6)[0], COLLAPSE),  # the linear scan of a large max_repeat
]

keys = st.sampled_from(list("ابهىيـًٌَُ\u200c\ufefb«»x\u2026\u06da") + ["\U00010ef0", "\uffff", "\ud83d"])
values = st.text(st.sampled_from(list("ابهي x") + [" ", "\n"]), max_size=2)
tables = st.dictionaries(keys, values, max_size=14).filter(
    lambda table: not any(ch in table for value in table.values() for ch in value))
pieces = st.sampled_from(list("ابههه ـ\nxًٌ\u06da\u2026\ufefb\U0001f600\ud83d\ude00") + ["  ", " \n ", "ههه", "\U00010ef0"])
spaced_texts = st.lists(pieces, max_size=60).map("".join)


def sequentially(table: dict[str, str], tail: tuple[Rule, ...], text: str) -> str:
    text = "".join(table.get(ch, ch) for ch in text)
    for rule in tail:
        text = rule(text)
    return text


def with_vectors(tail: tuple[Rule, ...], policy: Policy = DEFAULT) -> tuple:
    return tuple((vector_of(rule, policy), rule_runner(rule, policy)) for rule in tail)


@given(table=tables, tail=st.sampled_from(TAILS), text=spaced_texts | texts)
def test_lookup_with_a_tail_equals_the_map_then_the_rules(table, tail, text: str) -> None:
    assert Lookup(table, with_vectors(tail))(text) == sequentially(table, tail, text)


@given(table=tables, tail=st.sampled_from(TAILS), text=spaced_texts, size=st.integers(1, 9))
def test_a_tail_on_pieces_equals_the_map_then_the_rules(table, tail, text: str, size: int) -> None:
    """Dense long text in pieces: a cut is made only where no rule looks across it."""
    policy = Policy(dense_text=4, numpy_chunk=size, dense_share=0.0, dense_keys=0)
    run = MapRunner(table, with_vectors(tail, policy), policy)
    assert run(text) == sequentially(table, tail, text)


def test_the_cut_falls_between_two_different_characters_the_map_keeps() -> None:
    cut = safe_cut({"\u064e": ""})
    text = "كتب  َب كتب"
    assert cut(text, 3) == len("كتب  َب ")
    assert cut("كلمة", 1) == 1
    assert cut("ههههه", 1) == 5  # a run of one letter is never parted
    far = "ه" * (2 * DEFAULT.cut_window) + "ب"
    assert cut(far, 1) == len(far)  # looked for near the end only: one piece
    assert cut("ه\nب", 1) == 3 and cut("ه  ب", 1) == 3
    assert safe_cut({"\u00a0": " "}) is not None  # a space it writes is never a cut
    assert safe_cut({" ": "_"}) is None


@functools.cache
def dense_plan(preset: str) -> Plan:
    """One plan per preset under :data:`DENSE`, reused as in production."""
    return Plan(Pipeline.from_preset(preset).primitives, DENSE)


@pytest.mark.parametrize("preset", sorted(PRESETS))
@given(text=spaced_texts | texts)
def test_presets_on_dense_pieces_equal_their_steps(preset: str, text: str) -> None:
    """Every preset with the NumPy path forced on short texts, cut in tiny
    pieces, against its steps run one by one."""
    expected = text
    for step in Pipeline.from_preset(preset).steps:
        expected = step(expected)
    assert dense_plan(preset)(text) == expected


def test_the_search_preset_runs_its_tail_in_the_lookup() -> None:
    """On dense text the whitespace and repeat rules of the search preset run
    with the map that precedes them: one function for the four passes."""
    from arnorm._accel import runners_of

    pipe = Pipeline.from_preset("search")
    text = "بِسْمِ ٱللَّهِ ۚ ٱلرَّحْمَـٰنِ \n جمييييل "
    passes = pipe.plan(text)
    assert [getattr(p, "name", "map") for p in passes] == [
        "map", "reduce_repeats", "collapse_spaces", "strip_line_spaces", "strip_ends"]
    runners = runners_of(passes)
    assert len(runners) == 2  # the map and its tail, then the strip of both ends
    assert pipe(text * 20_000) == (pipe(text) + " ") * 19_999 + pipe(text)
    assert NORMALIZERS["normalize_whitespace"](text * 3) != text * 3


@given(length=st.integers(0, 3000), drops=st.lists(st.integers(0, 2999), max_size=40))
def test_drop_where_equals_boolean_indexing(length: int, drops: list[int]) -> None:
    """Few drops are cut out by slices, many by compress: both as codes[~drop]."""
    import numpy

    codes = numpy.arange(length, dtype=numpy.uint16)
    drop = numpy.zeros(length, dtype=bool)
    drop[[index for index in drops if index < length]] = True
    assert drop_where(codes, drop).tolist() == codes[~drop].tolist()
