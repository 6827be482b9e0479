"""The accelerated paths of the Quranic rules: each rule cut at line breaks,
the rules run together piece by piece (``_accel.rules.grouped``), the probe
of the sukun on alef, and the NumPy presence test of a large set of
characters: each the same as the plain reference on hostile text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from arnorm import Pipeline
from arnorm._accel import Policy, runners_of
from arnorm._accel.probes import presence_test
from arnorm._accel.rules import grouped, rule_runner
from arnorm._plan import plan_of
from arnorm._rules import SEPARATOR, Rule, reference
from arnorm.quran import _quranic_spelling

from .strategies import INTERESTING, texts
from .test_quran import _UTHMANI, _BETWEEN_WORDS, uthmani_words

RULES = [primitive for primitive in _quranic_spelling() if isinstance(primitive, Rule)]
TINY = Policy(coded_text=0, chunk=3, dense_text=4, dense_sample=2, numpy_chunk=3, presence_chunk=2, short_text=0)
"""Pieces of three code points: every line break is a cut."""

lines = st.lists(st.sampled_from(_UTHMANI + _BETWEEN_WORDS + INTERESTING + ["\n", "\n", SEPARATOR, "\u0670\u0653",
                                                                            "\u0640\u0654\u064e", "\u0627\u0652"]),
                 max_size=80).map("".join)
quranic = lines | uthmani_words.map(lambda text: text.replace(" ", "\n")) | texts


@given(text=quranic, at=st.integers(0, 80))
def test_every_rule_rewrites_a_text_line_by_line(text: str, at: int) -> None:
    """What ``cut="\\n"`` declares: a text cut just after a line break is
    rewritten as the two parts apart."""
    breaks = [index + 1 for index, ch in enumerate(text) if ch == "\n"]
    if not breaks:
        return
    cut = breaks[at % len(breaks)]
    for rule in RULES:
        assert rule.cut == "\n"
        assert rule(text) == rule(text[:cut]) + rule(text[cut:]), rule.pattern.pattern


@given(text=quranic)
def test_the_rules_run_together_in_pieces_as_one_after_another(text: str) -> None:
    expected = reference(tuple(RULES))(text)
    for policy in (TINY, Policy(chunk=8)):
        assert grouped(RULES, policy)(text) == expected
        assert grouped(RULES[5:9], policy)(text) == reference(tuple(RULES[5:9]))(text)


def test_a_rule_that_deletes_the_line_break_sends_the_group_to_the_whole_text() -> None:
    rules = [Rule("\n", "", cut="\n"), Rule("ab", "X", triggers="a", cut="\n")]
    text = "xa\nbxa\nbx\n" * 5
    assert grouped(rules, TINY)(text) == reference(tuple(rules))(text) == "xXxXx" * 5


def test_the_quran_plan_runs_its_rules_as_one_group() -> None:
    plan = plan_of(Pipeline.from_preset("quran").primitives)
    passes = plan._plan(0)  # no rule dropped
    assert sum(isinstance(primitive, Rule) for primitive in passes) > 15
    assert len(runners_of(passes)) <= len(passes) - 20  # the 22 rules of the step: one pass


SUKUN_ON_ALEF = next(rule for rule in RULES if rule.name == "sukun_on_alef")


@given(text=quranic)
def test_the_sukun_on_alef_changes_only_a_text_with_its_probe(text: str) -> None:
    if re.search(SUKUN_ON_ALEF.params["needs"], text) is None:
        assert SUKUN_ON_ALEF(text) == text
    assert rule_runner(SUKUN_ON_ALEF, TINY)(text) == SUKUN_ON_ALEF(text)


@given(text=quranic | st.text(st.sampled_from("ab\x00\u0300\u036f\u0370\u02ff\u0301\U0001f600\ud83d\ude00\uffff"),
                              max_size=40),
       which=st.sampled_from(["range", "two ranges", "ends of the BMP", "beyond the BMP", "surrogates"]))
def test_the_presence_of_a_large_set_in_a_long_text(text: str, which: str) -> None:
    chars = {
        "range": [chr(point) for point in range(0x0300, 0x0370)],
        "two ranges": [chr(point) for point in range(0x0300, 0x0370, 2)] + [chr(point) for point in range(0x0640, 0x06a0)],
        "ends of the BMP": ["\x00", "\uffff", "a", "b"] + [chr(point) for point in range(0x0300, 0x0370)],
        "beyond the BMP": [chr(point) for point in range(0x1F5F0, 0x1F660)],
        "surrogates": [chr(point) for point in range(0xD800, 0xD880)],
    }[which]
    expected = any(ch in text for ch in chars)
    for policy in (TINY, Policy(dense_text=4, dense_sample=1), Policy()):
        assert presence_test(chars, policy)(text) is expected


SEATS = [rule for rule in RULES if rule.name == "hamza_seat"]
hamza_texts = st.lists(st.sampled_from(["ء", "ـٔ", "ـَٔ", "ءَ", "ءُ", "ءِ", "ءً", "ا", "و", "ي", "ى", "ل", "س", "ـ", " ", "\n",
                                        "َ", "ُ", "ِ", "ْ", "ٰ", SEPARATOR]), max_size=60).map("".join)


@given(text=hamza_texts | quranic, repeat=st.integers(1, 3))
def test_the_hamza_seats_remembered_by_the_match_and_what_it_reads_before(text: str, repeat: int) -> None:
    """The seat of each hamza, looked up by its match and the characters
    before it (repeated texts: the lookups hit, at every offset)."""
    text = (text + "\n") * repeat
    assert len(SEATS) == 2
    for rule in SEATS:
        run = rule_runner(rule, TINY)
        assert run(text) == rule(text)
        assert run(text[1:]) == rule(text[1:])


_LOOKAHEAD = re.compile("\\(\\?=\u0653\\?[^()]*\\)")
"""The lookaheads of the letter after a dagger alef that keeps it (looked at
before the lookbehinds, for speed): each repeats what the word then matches."""
dagger_texts = st.lists(st.sampled_from(list("هذلمكنئؤوحىيـٰٓ َّْ\u06df\n") + ["ـٰ", "هَـٰ", "ذَٰ", "لَّـٰ", "وْلَـٰٓ",
                                                                            "حْمَـٰ", "ـٰٓئ", SEPARATOR]),
                        max_size=60).map("".join)


@given(text=dagger_texts | quranic)
def test_the_lookaheads_of_the_words_that_keep_the_dagger_alef_change_nothing(text: str) -> None:
    from arnorm.quran import DAGGER_ALEF

    for rule in DAGGER_ALEF:
        plain = re.compile(_LOOKAHEAD.sub("", rule.pattern.pattern))
        assert plain.pattern != rule.pattern.pattern
        assert rule(text) == plain.sub(rule.replacement, text)
