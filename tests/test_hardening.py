"""No input breaks arnorm: every code point, adversarial shapes, threads.

No test here times anything: how the time grows on the adversarial shapes
is measured by the benchmark suite (``python -m benchmarks``, the growth
table in docs/benchmarks/results.md), where a noisy machine cannot turn a
timing into a failed build.
"""

from __future__ import annotations

import threading

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
        assert isinstance(once, str), label
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


@pytest.mark.parametrize("shape", sorted(shapes(8)))
def test_adversarial_shapes_come_back_normalized(shape: str) -> None:
    text = shapes(500_000)[shape]  # about 1 MB
    for name, func in CALLABLES.items():
        once = func(text)
        assert isinstance(once, str), name
        assert func(once) == once, f"{name} on {shape}"


def test_ten_megabytes_of_one_letter_and_one_mark() -> None:
    for text in ("ب" * 10_000_000, "\u064e" * 10_000_000):
        for name in PRESETS:
            assert isinstance(arnorm.normalize(text, preset=name), str)


def test_concurrent_first_use_loads_once_and_agrees() -> None:
    from arnorm import pipeline, yaa

    texts = [f"فى المبنى {i} “نص” مَرْحَبًا ی کتاب جمييييل" for i in range(200)]
    expected = {name: [Pipeline.from_preset(name)(t) for t in texts] for name in PRESETS}
    pipeline.preset_pipeline.cache_clear()
    yaa._default_primitives.cache_clear()
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
