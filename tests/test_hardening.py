"""No input breaks arnorm: every code point, adversarial shapes, threads.

The growth test is the one timing comparison in the suite, as the hardening
issue allows: it compares two sizes of the same input in the same run,
loosely (4x the input may take at most 6x the time; anything under 20 ms
counts as 20 ms), to catch super-linear behaviour, not to measure speed.
Super-linear work exceeds the bound every time (a quadratic step takes 16x),
while this shared machine's caches and memory bandwidth, which slow a 4 MB
working set more than a 1 MB one, do so now and then. So the test counts the
process's CPU time (another process does not inflate it), times the two
sizes in turn, best of five each, and fails only when three such
measurements in a row all exceed the bound. How the time grows from 1 to
8 MB is measured by the benchmark suite (the growth table in
docs/benchmarks/results.md).
"""

from __future__ import annotations

import gc
import threading
import time

import pytest

import arnorm
from arnorm import NORMALIZERS, PRESETS, Pipeline
from benchmarks.shapes import shapes

CALLABLES = {**NORMALIZERS, **{f"preset:{name}": Pipeline.from_preset(name) for name in PRESETS}}
EVERY_CODE_POINT = [chr(c) for c in range(0x110000)]  # lone surrogates included


@pytest.fixture(scope="module")
def every_code_point_texts() -> dict[str, str]:
    return {
        "alone": " ".join(EVERY_CODE_POINT),
        "inside a word": " ".join("ب" + ch + "ى" for ch in EVERY_CODE_POINT),
    }


@pytest.mark.parametrize("name", sorted(CALLABLES))
def test_every_code_point_never_raises_and_is_idempotent(name: str, every_code_point_texts) -> None:
    func = CALLABLES[name]
    for label, text in every_code_point_texts.items():
        once = func(text)
        assert func(once) == once, label


@pytest.mark.parametrize("name", sorted(CALLABLES))
def test_every_arabic_block_character_alone(name: str) -> None:
    func = CALLABLES[name]
    blocks = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF),
              (0x10EC0, 0x10EFF), (0x2000, 0x206F), (0xD800, 0xDFFF)]
    for first, last in blocks:
        for code in range(first, last + 1):
            once = func(chr(code))
            assert func(once) == once, hex(code)


def _growth(func, small: str, large: str) -> float:
    """CPU time on ``large`` over CPU time on ``small``, best of five each,
    timed in turn; times under 20 ms count as 20 ms (caches decide there)."""
    gc.collect()  # the same heap for every measurement, not the garbage of earlier tests
    best = {len(small): float("inf"), len(large): float("inf")}
    for _ in range(5):
        for text in (small, large):
            start = time.process_time()
            func(text)
            best[len(text)] = min(best[len(text)], time.process_time() - start)
    return max(best[len(large)], 0.02) / max(best[len(small)], 0.02)


@pytest.mark.parametrize("shape", sorted(shapes(8)))
def test_adversarial_shapes_grow_linearly(shape: str) -> None:
    # About 0.5 MB and 2 MB: a step quadratic in its input takes 16 times as long on
    # the larger, far past 6, and every callable on every shape stays in CI's budget.
    small, large = shapes(250_000)[shape], shapes(1_000_000)[shape]
    for name, func in CALLABLES.items():
        once = func(small)
        assert func(once) == once, f"{name} on {shape}"
        ratios = []
        while len(ratios) < 3 and (not ratios or ratios[-1] >= 6):
            ratios.append(_growth(func, small, large))
        assert ratios[-1] < 6, f"{name} on {shape}: 4x the input took {ratios} times as long"


def test_ten_megabytes_of_one_letter_and_one_mark() -> None:
    letters, marks = "ب" * 10_000_000, "\u064e" * 10_000_000
    for name in PRESETS:
        assert arnorm.normalize(letters, preset=name) == ("بب" if name == "search" else letters)
        assert arnorm.normalize(marks, preset=name) == (marks if name == "minimal" else "")


def test_concurrent_first_use_loads_once_and_agrees() -> None:
    from arnorm import _plan, pipeline, yaa

    texts = [f"فى المبنى {i} “نص” مَرْحَبًا ی کتاب جمييييل" for i in range(200)]
    expected = {name: [Pipeline.from_preset(name)(t) for t in texts] for name in PRESETS}
    pipeline.preset_pipeline.cache_clear()
    pipeline._PRESET_RUNNERS.clear()  # normalize()'s own table of compiled presets
    yaa._default_primitives.cache_clear()
    _plan.plan_of.cache_clear()  # plans and their runners built under first use too
    barrier = threading.Barrier(8)
    results: dict[int, dict[str, list[str]]] = {}
    errors: list[BaseException] = []

    def work(index: int) -> None:
        try:
            barrier.wait()
            results[index] = {name: [arnorm.normalize(t, preset=name) for t in texts] for name in PRESETS}
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert all(result == expected for result in results.values())
    assert pipeline.preset_pipeline.cache_info().currsize == len(PRESETS)


def test_long_words_are_not_kept_in_the_caches() -> None:
    """Memory stays bounded on adversarial text: the per-word caches of
    restore_final_yaa and the composition keep no word or cluster of
    thousands of characters (a fuzz run grew to 2 GB when they did)."""
    from arnorm import remove_diacritics, restore_final_yaa, yaa
    from arnorm.marks import _composed

    restore_final_yaa("على")  # the common words are decided (and cached) on first use
    before = yaa._is_yaa.cache_info().currsize, _composed.cache_info().currsize
    for length in (100, 1_000, 4_000):
        word = "بت" * length + "ى"
        restore_final_yaa(word + " " + word)
        remove_diacritics("ا" + "\u0654" * length)
    assert (yaa._is_yaa.cache_info().currsize, _composed.cache_info().currsize) == before
    assert restore_final_yaa("الزنجبارستانى") == "الزنجبارستاني"  # a word no other test uses
    assert yaa._is_yaa.cache_info().currsize > before[0]  # a word of a language is kept
