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
