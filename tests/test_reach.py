"""What a plan can still do to a text of given characters (arnorm._reach)."""

from __future__ import annotations

import re

import pytest

import arnorm
from arnorm._plan import Plan
from arnorm._reach import ASCII, may_act, may_begin_with, restricted
from arnorm._rules import CharMap, Func, Rule

ARABIC_LETTERS = "[\u0621-\u064a]"


@pytest.mark.parametrize(("pattern", "expected"), [
    (ARABIC_LETTERS + "+", False),
    ("(" + ARABIC_LETTERS + r")\1+", False),  # reduce_repeats: its group starts the match
    ("\u0649(?=\\s)", False),
    ("(?<=x)\u0649", False),  # a look-behind takes no character
    ("\u0629|\u0647", False),
    ("(?:\u0629)?\u0647", False),  # the optional part may be skipped: both may begin
    ("(?:\u0629)?a", True),
    (" {2,}", True),
    ("\r\n", True),
    ("x?", True),  # may match empty: inserts anywhere
    ("\\A", True),
    (".", True),
    ("[^\u0629]", True),
    (r"\w", True),
    (r"(a)\1", True),
    ("(?i)\u0649", True),
    ("(?i:\u212a)", True),  # the Kelvin sign folds to k
])
def test_may_begin_with_ascii(pattern: str, expected: bool) -> None:
    assert may_begin_with(re.compile(pattern), ASCII) is expected


def test_a_rule_whose_triggers_cannot_occur_is_idle() -> None:
    rule = Rule(".", "", triggers="\u0649", produces=())
    assert not may_act(rule, ASCII)
    assert may_act(rule, ASCII | {"\u0649"})
    assert not may_act(Rule("x", "", triggers=("x\u0649",), produces=()), ASCII)


def test_an_inline_case_insensitive_group_keeps_its_rule() -> None:
    kelvin = Rule("(?i:\u212a)", "K", produces="K")
    assert restricted((kelvin,), ASCII) == (kelvin,)
    assert Plan((kelvin,))("k") == "K"


def test_restricted_cuts_maps_and_follows_what_steps_write() -> None:
    to_arabic = CharMap({"a": "\u0649", "\u0629": "\u0647"})
    yaa = Rule("\u0649", "\u064a", produces="\u064a")
    teh = Rule("\u0629", "\u0647", produces="\u0647")
    kept = restricted((to_arabic, yaa, teh), ASCII)
    assert len(kept) == 2 and dict(kept[0].table) == {"a": "\u0649"} and kept[1] is yaa
    # A function may write anything: it and everything after it stay.
    func = Func(str.upper)
    assert restricted((func, teh), ASCII) == (func, teh)


@pytest.mark.parametrize("preset", sorted(arnorm.PRESETS))
def test_on_ascii_every_preset_keeps_only_line_and_space_work(preset: str) -> None:
    kept = restricted(arnorm.Pipeline.from_preset(preset).primitives, ASCII)
    keys = set().union(*(step.table for step in kept if isinstance(step, CharMap)))
    assert keys <= {"\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "`", "\x7f"}
    assert {step.name for step in kept if isinstance(step, Rule)} <= {
        "", "collapse_spaces", "strip_line_spaces", "strip_ends"}


@pytest.mark.parametrize("preset", sorted(arnorm.PRESETS))
def test_ascii_text_normalizes_as_before(preset: str) -> None:
    text = "Breaking:  the minister\r\nsaid\tso \n"
    expected = "Breaking: the minister\nsaid so\n" if preset != "lucene" else text
    assert arnorm.normalize(text, preset) == expected
    assert arnorm.normalize("", preset) == ""
