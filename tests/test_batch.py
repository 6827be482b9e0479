"""A batch gives, for every text, exactly what one call gives.

:meth:`arnorm.Pipeline.batch` (and ``map``, and every integration through
them) joins the texts by :data:`arnorm._rules.SEPARATOR` and runs each pass
once. That is exact because no character map touches the separator and every
rule declared ``separable`` acts on ``a + SEPARATOR + b`` as on ``a`` and
``b`` apart; the others run text by text. The properties below check both
halves: each declared rule on its own (its plain ``re.sub``), and whole
pipelines on batches whose texts hold every candidate separator (the
separator itself, NUL, line and paragraph breaks, spaces, quotes), empty
strings, lone surrogates and line ends.
"""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnorm
from arnorm._plan import Plan, separable
from arnorm._rules import SEPARATOR, CharMap, Rule
from benchmarks.fingerprint import OPTIONS

from .strategies import INTERESTING, texts
from .test_reference import POLICIES

STEPS = [{"name": name, "options": options}
         for name in sorted(arnorm.NORMALIZERS) for options in OPTIONS.get(name, [{}])]

EDGES = [SEPARATOR, "\x00", "\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\x1c", " ", "  ", "\t", "\u00a0",
         '"', "'", "«", "“", "\ud800", "\udfff", "\ufeff", "\u200c", "ى", "فى", "بنى", "سويف", "ههههه", "ﻻ",
         "\u0654", "ا\u0653", "ی", "ـ", "\U0001f600"]
"""Every character a separator could be, and what rules look at across one."""

edge_texts = st.lists(st.sampled_from(EDGES + INTERESTING), max_size=12).map("".join)
batches = st.lists(edge_texts | texts | st.just(""), max_size=12)


def _rules() -> dict[str, Rule]:
    """Every rule of every registered normalizer, with each option value,
    and the rules of their batch forms."""
    found: dict[str, Rule] = {}
    for step in STEPS:
        for primitive in arnorm.Pipeline([step]).primitives:
            if isinstance(primitive, Rule):
                for rule in (primitive, *primitive.batch_form):
                    found.setdefault(f"{step['name']} {rule!r} {step['options'] or ''}", rule)
    return found


RULES = _rules()


def _any_character(pattern: str) -> bool:
    """Whether ``pattern`` has a ``.`` outside a character class (it would
    match the separator, unless the pattern's flags say otherwise)."""
    escaped = in_class = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == ".":
            return True
    return False


@pytest.mark.parametrize("rule", [name for name, rule in RULES.items() if rule.separable])
def test_no_separable_rule_lets_a_dot_match_the_separator(rule: str) -> None:
    """Random batches rarely put the letters around a separator that a
    lookbehind with ``.`` reads (ه + NUL + ۥ in the quran step did)."""
    assert not _any_character(RULES[rule].pattern.pattern)


@pytest.mark.parametrize("rule", [name for name, rule in RULES.items() if rule.separable])
@given(left=edge_texts | texts, right=edge_texts | texts)
def test_a_separable_rule_acts_on_each_side_of_the_separator_apart(rule: str, left: str, right: str) -> None:
    """The declaration, proven on the rule's plain ``re.sub``."""
    left, right = left.replace(SEPARATOR, ""), right.replace(SEPARATOR, "")
    run = RULES[rule]
    assert run(left + SEPARATOR + right) == run(left) + SEPARATOR + run(right)


@pytest.mark.parametrize("rule", [name for name, rule in RULES.items() if rule.batch_form])
@given(left=edge_texts | texts, right=edge_texts | texts)
def test_a_rules_batch_form_acts_on_each_side_of_the_separator_as_the_rule(rule: str, left: str,
                                                                          right: str) -> None:
    left, right = left.replace(SEPARATOR, ""), right.replace(SEPARATOR, "")
    run = RULES[rule]
    joined = left + SEPARATOR + right
    for form in run.batch_form:
        joined = form(joined)
    assert joined == run(left) + SEPARATOR + run(right)


@pytest.mark.parametrize(("rule", "left", "right"), [
    ("strip_ends", "a ", " b"),
    ("pair_straight_quotes", 'a "b', 'c" d'),
])
def test_the_rules_not_declared_separable_would_see_across(rule: str, left: str, right: str) -> None:
    """The check above can fail: these two really do look across a join."""
    found = [r for r in RULES.values() if r.name == rule]
    assert found and not any(r.separable for r in found)
    assert any(r(left + SEPARATOR + right) != r(left) + SEPARATOR + r(right) for r in found)


def test_no_map_of_any_step_touches_the_separator() -> None:
    for step in STEPS:
        for primitive in arnorm.Pipeline([step]).primitives:
            if isinstance(primitive, CharMap):
                assert separable(primitive), step


def per_text(pipe: arnorm.Pipeline, batch: list[str]) -> list[str]:
    return [pipe(text) for text in batch]


@pytest.mark.parametrize("preset", sorted(arnorm.PRESETS))
@given(batch=batches)
def test_a_batch_of_any_preset_equals_its_texts_one_by_one(preset: str, batch: list[str]) -> None:
    pipe = arnorm.Pipeline.from_preset(preset)
    expected = per_text(pipe, batch)
    assert pipe.batch(batch) == expected
    assert list(pipe.map(batch, chunksize=3)) == expected


@pytest.mark.parametrize("step", STEPS, ids=lambda step: f"{step['name']}{step['options'] or ''}")
@given(batch=batches)
def test_a_batch_of_any_step_equals_its_texts_one_by_one(step: dict[str, object], batch: list[str]) -> None:
    pipe = arnorm.Pipeline([step])
    assert pipe.batch(batch) == per_text(pipe, batch)


@given(steps=st.lists(st.sampled_from(STEPS), min_size=1, max_size=6), batch=batches)
def test_a_batch_of_random_pipelines_equals_its_texts_one_by_one(steps: list[dict[str, object]],
                                                                  batch: list[str]) -> None:
    pipe = arnorm.Pipeline(steps)
    assert pipe.batch(batch) == per_text(pipe, batch)


def test_a_batch_runs_each_pass_over_the_joined_texts() -> None:
    """Not a loop in disguise: every preset but one runs each pass on the
    joined texts (strip_ends by its batch form); restore_final_yaa, quote
    pairing and a user's function would run text by text."""
    for preset in arnorm.PRESETS:
        plan = Plan(arnorm.Pipeline.from_preset(preset).primitives)
        batch = ["  قال أحمدُ  ", "فى المدرسة ", " «نعم» "]
        assert plan.batch(batch) == per_text(arnorm.Pipeline.from_preset(preset), batch)
        assert not any(one_by_one for stages in plan._stages.values() for one_by_one, _ in stages)
    plan = Plan(arnorm.Pipeline(["normalize_whitespace", {"name": "normalize_quotes",
                                                        "options": {"style": "curly"}}]).primitives)
    assert plan.batch(['"a" ', ' "b']) == ["“a”", '"b']
    *joined, last = [one_by_one for stages in plan._stages.values() for one_by_one, _ in stages]
    assert last and not any(joined)  # only the quote pairing, the last pass, runs text by text


@pytest.mark.parametrize("policy", sorted(POLICIES))
@pytest.mark.parametrize("preset", sorted(arnorm.PRESETS))
@given(batch=batches)
def test_a_batch_on_every_accelerated_path_equals_its_texts_one_by_one(preset: str, policy: str,
                                                                       batch: list[str]) -> None:
    """The policies of test_reference send small batches down the long-text
    paths: NumPy lookups with the rules in their array, tiny pieces."""
    pipe = arnorm.Pipeline.from_preset(preset)
    assert Plan(pipe.primitives, POLICIES[policy]).batch(batch) == per_text(pipe, batch)


def test_a_user_function_that_writes_the_separator_still_gives_each_texts_result() -> None:
    pipe = arnorm.Pipeline([lambda text: text.replace("x", SEPARATOR), "remove_tatweel"])
    batch = ["axb", "ـ", "", "x"]
    assert pipe.batch(batch) == per_text(pipe, batch) == ["a\x00b", "", "", "\x00"]


def test_a_user_function_runs_once_per_text() -> None:
    seen: list[str] = []

    def spy(text: str) -> str:
        seen.append(text)
        return text.upper()

    pipe = arnorm.Pipeline(["remove_tatweel", spy, "remove_diacritics"])
    assert pipe.batch(["aـ", "بَ", ""]) == ["A", "ب", ""]
    assert seen == ["a", "بَ", ""]


@pytest.mark.parametrize("bad", ["one text", b"bytes"])
def test_a_single_string_is_not_a_batch(bad: object) -> None:
    pipe = arnorm.Pipeline.from_preset("search")
    with pytest.raises(TypeError, match="not a single"):
        pipe.batch(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not a single"):
        pipe.map(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, b"\xd9\x81", 3])
def test_a_text_that_is_not_a_str_names_what_was_expected(bad: object) -> None:
    with pytest.raises(TypeError, match="expected str"):
        arnorm.Pipeline.from_preset("standard").batch(["في", bad])  # type: ignore[list-item]


def test_map_takes_any_iterable_lazily() -> None:
    pipe = arnorm.Pipeline.from_preset("search")
    rows = (f"مدرسة {i}" for i in range(2500))
    out = pipe.map(rows, chunksize=1000)
    assert next(out) == "مدرسه 0"
    assert list(out)[-1] == "مدرسه 2499"


def test_a_batch_of_a_partial_with_options_equals_one_by_one() -> None:
    pipe = arnorm.Pipeline([functools.partial(arnorm.normalize_quotes, style="guillemets"), "normalize_whitespace"])
    batch = ['قال "نعم', 'ثم " لا "', ' "x" ']
    assert pipe.batch(batch) == per_text(pipe, batch) == ['قال "نعم', "ثم « لا »", "«x»"]


def test_a_text_that_holds_the_separator_is_still_normalized_alone() -> None:
    seen: list[str] = []

    def spy(text: str) -> str:
        seen.append(text)
        return text

    for steps in (["normalize_whitespace"], ["remove_tatweel", spy, "normalize_whitespace"]):
        seen.clear()
        pipe = arnorm.Pipeline(steps)
        batch = [" a ", f"b {SEPARATOR} c ", "  "]
        assert pipe.batch(batch) == per_text(pipe, batch) == ["a", f"b {SEPARATOR} c", ""]
        assert seen == ([] if len(steps) == 1 else [" a ", f"b {SEPARATOR} c ", "  "] * 2)


def test_the_quranic_small_letters_do_not_read_across_the_separator() -> None:
    # a hypothesis find: the lookbehind for the pronoun ه read ه + NUL + ۥ as هۥ
    pipe = arnorm.Pipeline.from_preset("quran")
    assert pipe.batch(["ه", "\u06e5"]) == [pipe("ه"), pipe("\u06e5")] == ["ه", "و"]
