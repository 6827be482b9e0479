"""CharMap, Rule and fusion: every executor equals a plain simultaneous mapping."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnorm._executors import SMALL_MAP
from arnorm._primitives import CharMap, Rule, fuse

from .strategies import texts

keys = st.sampled_from(list("ابةىيـًٌَُ \u200c\ufefb\ufe8d«»“”-xyz") + [chr(c) for c in range(0xFB50, 0xFB60)])
tables = st.dictionaries(keys, st.text(st.sampled_from(list("ابي x-")), max_size=3), max_size=3 * SMALL_MAP)


def reference(table: dict[str, str], text: str) -> str:
    return "".join(table.get(ch, ch) for ch in text)


@given(table=tables, text=texts)
def test_charmap_equals_simultaneous_mapping(table: dict[str, str], text: str) -> None:
    assert CharMap(table)(text) == reference(table, text)


@given(first=tables, second=tables, text=texts)
def test_then_equals_applying_both(first, second, text: str) -> None:
    a, b = CharMap(first), CharMap(second)
    assert a.then(b)(text) == b(a(text))


@given(tables=st.lists(tables, max_size=4), text=texts)
def test_fuse_merges_adjacent_maps_only(tables, text: str) -> None:
    rule = Rule("x+", "x")
    steps = []
    for table in tables:
        steps += [CharMap(table), CharMap({"y": "x"}), rule]
    expected = text
    for step in steps:
        expected = step(expected)
    fused = fuse(steps)
    assert len(fused) == 2 * len(tables)
    result = text
    for step in fused:
        result = step(result)
    assert result == expected


def test_values_containing_keys_are_still_simultaneous() -> None:
    swap = CharMap({"a": "b", "b": "a"})
    assert swap("abba") == "baab"


@pytest.mark.parametrize("table, error", [({"ab": "x"}, ValueError), ({"": "x"}, ValueError),
                                          ({"a": 1}, TypeError), ({1: "a"}, TypeError)])
def test_charmap_checks_its_table(table, error) -> None:
    with pytest.raises(error):
        CharMap(table)


def test_rule_triggers_skip_only_when_absent() -> None:
    rule = Rule("b+", "b", triggers=("bb",))
    assert rule("abbbc") == "abc"
    assert rule("abc") == "abc"


# --- executors ------------------------------------------------------------------------

from arnorm import _executors  # noqa: E402

big_keys = st.sampled_from([chr(c) for c in range(0xFB50, 0xFBC0)] + list("ًٌٍَُِّْـ“”«»\u00a0\u200f")
                           + ["\U00010efd", "\u0670", "\u06d6"])
big_tables = st.dictionaries(big_keys, st.text(st.sampled_from(list("ابي x")), max_size=2),
                             min_size=SMALL_MAP + 1, max_size=80)


@given(table=big_tables, text=texts)
def test_probe_then_chain_equals_mapping(table, text: str) -> None:
    assert _executors.guarded_chain(table)(text) == reference(table, text)


@given(table=big_tables, text=st.lists(big_keys | st.sampled_from(list("ab \ud800")), max_size=200).map("".join))
def test_many_distinct_rare_keys_fall_back_to_translate(table, text: str) -> None:
    assert _executors.guarded_chain(table)(text) == reference(table, text)


@given(keys=st.sets(big_keys, min_size=1))
def test_probe_class_matches_every_key(keys) -> None:
    import re

    probe = re.compile(_executors.probe_class(keys))
    assert all(probe.fullmatch(key) for key in keys)


@given(table=tables, text=texts)
def test_numpy_lookup_equals_mapping(table, text: str) -> None:
    pytest.importorskip("numpy")
    if any(ch in table for value in table.values() for ch in value):
        return  # such maps always run with str.translate
    assert _executors.numpy_lookup(table)(text) == reference(table, text)


def test_numpy_lookup_keeps_lone_surrogates_apart() -> None:
    pytest.importorskip("numpy")
    text = "\ud83d\ude00 ب\u064e"  # two lone surrogates must not pair into one emoji
    assert _executors.numpy_lookup({"\u064e": ""})(text) == "\ud83d\ude00 ب"


def test_dense_text_takes_the_numpy_path(monkeypatch) -> None:
    pytest.importorskip("numpy")
    monkeypatch.setattr(_executors, "DENSE_TEXT", 10)
    table = {chr(c): "" for c in range(0x064B, 0x0653)} | {"\u0649": "\u064a", "\ufefb": "\u0644\u0627"}
    text = "بِسْمِ ٱللَّهِ ٱلرَّحْمَـٰنِ ﻻ عَلَىٰ هُدًى مِّن رَّبِّهِمْ " * 50
    assert CharMap(table)(text) == reference(table, text)


def test_numpy_can_be_turned_off(monkeypatch) -> None:
    monkeypatch.setenv("ARNORM_NO_NUMPY", "1")
    assert _executors._load_numpy() is None
