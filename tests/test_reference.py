"""The accelerated engine equals the plain semantic layer, for every step.

For every registered normalizer with each value of its options, every preset
and random pipelines, the plan run through the accelerators gives what the
primitives' references (``str.translate``, one ``re.sub``) give one after
another. Each policy below but the default sends short texts down the
long-text paths (never the bytes of a short text, tested apart): NumPy
lookups with their tails and expansions, pieces of three characters, rare-key
probes, run finders, long runs; the texts mix dense marks, presentation
forms, characters beyond the BMP, lone surrogates and line ends.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnorm
from arnorm._accel import Policy
from arnorm._accel.probes import FREQUENT
from arnorm._plan import Plan
from arnorm._rules import reference
from benchmarks.fingerprint import OPTIONS

from .strategies import INTERESTING, texts

STEPS = [{"name": name, "options": options}
         for name in sorted(arnorm.NORMALIZERS) for options in OPTIONS.get(name, [{}])]

POLICIES = {
    "default": Policy(),
    "pure Python": Policy(use_numpy=False, coded_text=0, chunk=3, dense_text=4, presence_chunk=2, short_text=0,
                          small_map=2, run_test_text=0),
    "tiny pieces": Policy(coded_text=0, chunk=3, dense_text=4, presence_chunk=2, short_text=0, small_map=2,
                          dense_keys=10**6),  # never the lookup
    "lookup": Policy(coded_text=0, chunk=3, dense_text=4, numpy_chunk=3, dense_share=0.0, dense_keys=0,
                     expand_keys=0, presence_chunk=2, short_text=0, cut_window=8, runs_apart=1, long_run=5),
    "lookup, one sub": Policy(coded_text=0, dense_text=4, numpy_chunk=5, dense_share=0.0, dense_keys=0,
                              pairs_share=1, sparse_drops=1, runs_apart=10**9, long_run=8, short_repeat=0),
}

_runs = st.sampled_from(["ههههههه", "ببب", "ي" * 9, "  ", " \n ", "\r\n", "ى\n", "ﻻﻻ", "\U0001f600",
                         "\ud83d", "\ude00", "\uffff", "\U00010ef0", "فى ", "على ", "التى "])
dense_texts = st.lists(st.sampled_from(INTERESTING) | _runs, max_size=120).map("".join)
any_texts = texts | dense_texts


def accelerated_equals_reference(pipe: arnorm.Pipeline, policy: Policy, text: str) -> None:
    expected = reference(pipe.primitives)(text)
    assert Plan(pipe.primitives, policy)(text) == expected
    assert pipe(text) == expected


@pytest.mark.parametrize("policy", sorted(POLICIES))
@pytest.mark.parametrize("step", STEPS, ids=lambda step: f"{step['name']}{step['options'] or ''}")
@given(text=any_texts)
def test_every_step_equals_its_reference(step: dict[str, object], policy: str, text: str) -> None:
    if "lookup" in policy:
        pytest.importorskip("numpy")
    accelerated_equals_reference(arnorm.Pipeline.from_dict({"steps": [step]}), POLICIES[policy], text)


@pytest.mark.parametrize("policy", sorted(POLICIES))
@pytest.mark.parametrize("preset", sorted(arnorm.PRESETS))
@given(text=any_texts)
def test_every_preset_equals_its_reference(preset: str, policy: str, text: str) -> None:
    if "lookup" in policy:
        pytest.importorskip("numpy")
    accelerated_equals_reference(arnorm.Pipeline.from_preset(preset), POLICIES[policy], text)


@pytest.mark.parametrize("policy", sorted(POLICIES))
@given(steps=st.lists(st.sampled_from(STEPS), min_size=1, max_size=6), text=any_texts)
def test_random_pipelines_equal_their_reference(steps: list[dict[str, object]], policy: str, text: str) -> None:
    if "lookup" in policy:
        pytest.importorskip("numpy")
    accelerated_equals_reference(arnorm.Pipeline.from_dict({"steps": steps}), POLICIES[policy], text)


ascii_texts = st.lists(st.text(st.characters(max_codepoint=0x7F), max_size=12)
                       | st.sampled_from(["  ", " \n ", "\r\n", "\t", "aaa", "...", "\x00"]), max_size=20).map("".join)


@pytest.mark.parametrize("policy", ["default", "pure Python", "tiny pieces"])
@given(steps=st.lists(st.sampled_from(STEPS), min_size=1, max_size=6), preset=st.sampled_from(sorted(arnorm.PRESETS)),
       text=ascii_texts)
def test_ascii_texts_take_their_own_passes_and_equal_the_reference(
        steps: list[dict[str, object]], preset: str, policy: str, text: str) -> None:
    """An ASCII text runs the plan cut to what can act on it (arnorm._reach)."""
    assert text.isascii()
    accelerated_equals_reference(arnorm.Pipeline.from_preset(preset), POLICIES[policy], text)
    accelerated_equals_reference(arnorm.Pipeline.from_dict({"steps": steps}), POLICIES[policy], text)


_frequent = sorted(FREQUENT | {"\x00"})
_common_runs = st.sampled_from(["ههههههه", "ببب", "  ", " \n ", "\r\n", "\r", "ى\n", "فى ", "على ", "التى ",
                                "إلى ", "الأولى", "مدرسه ", "ـــ", "…", "«", "”", "أاا", "هَهَه"])
common_texts = st.lists(st.sampled_from(_frequent) | _common_runs, max_size=120).map("".join)
BYTES = Policy(coded_keys=0, coded_text=10**6)
"""Every plan that starts with a map runs it as bytes on a text of frequent characters."""


@pytest.mark.parametrize("policy", ["default", "bytes"])
@given(steps=st.lists(st.sampled_from(STEPS), min_size=1, max_size=6), preset=st.sampled_from(sorted(arnorm.PRESETS)),
       text=common_texts)
def test_texts_of_frequent_characters_equal_the_reference_with_their_first_map_as_bytes(
        steps: list[dict[str, object]], preset: str, policy: str, text: str) -> None:
    """The rows of most Arabic text (arnorm._accel.codec)."""
    chosen = BYTES if policy == "bytes" else POLICIES[policy]
    accelerated_equals_reference(arnorm.Pipeline.from_preset(preset), chosen, text)
    accelerated_equals_reference(arnorm.Pipeline.from_dict({"steps": steps}), chosen, text)


def test_a_row_of_frequent_characters_runs_the_search_map_as_bytes() -> None:
    plan = Plan(arnorm.Pipeline.from_preset("search").primitives)
    row = "قال الرئيس «إن المدرسة فى القاهرة» … وأضاف: لا."
    assert plan(row) == "قال الرييس \"ان المدرسه في القاهره\" ... واضاف: لا."
    assert plan._alphabet is not None and plan._alphabet.encode(row) is not None
    assert any(first is not None for first, _ in plan._coded_runners.values())  # the bytes path ran
    # Runs that the map makes on the bytes (أ folded, marks deleted), a run, and … expanded by the map:
    assert plan("قال: أاا هَهَهَه جمييييل …") == "قال: اا هه جمييل ..."
    standard = Plan(arnorm.Pipeline.from_preset("standard").primitives)
    assert standard(row) == "قال الرئيس \"إن المدرسة في القاهرة\" ... وأضاف: لا."
    # The alphabet tells that the row is quiet, but the first map has too few frequent keys to pay as bytes.
    assert list(standard._coded_runners) and all(first is None for first, _ in standard._coded_runners.values())


@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_the_presets_on_the_sample_article_equal_their_reference(policy: str, sample_article: str) -> None:
    """A real article, whole and repeated past the default pieces."""
    if "lookup" in policy:
        pytest.importorskip("numpy")
    long = sample_article * 40
    for preset in sorted(arnorm.PRESETS):
        pipe = arnorm.Pipeline.from_preset(preset)
        for text in (sample_article, long, "\u064e".join(sample_article[:2000])):
            accelerated_equals_reference(pipe, POLICIES[policy], text)


def test_arnorm_reference_runs_the_semantic_layer_alone() -> None:
    """With ARNORM_REFERENCE=1 (read at import) nothing is fused or
    accelerated: a plan is the steps' primitives as declared."""
    import os
    import subprocess
    import sys

    script = ("import arnorm, arnorm._plan as plan; p = arnorm.Pipeline.from_preset('search');"
              "print(plan.REFERENCE, p.plan('ab') == p.primitives, arnorm.normalize('فى  عَلَى'))")
    for value, expected in (("1", "True True في على"), ("", "False False في على")):
        env = {**os.environ, "ARNORM_REFERENCE": value}
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        assert result.stdout.split() == expected.split()
