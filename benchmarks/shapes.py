"""Adversarial inputs, shared by the hardening tests and the growth report.

Each shape is a function of a size in characters; the suite times every
preset and every normalizer on 1, 2, 4 and 8 MB of each so that any
super-linear growth shows; the hardening test bounds the growth from 1 to
4 MB loosely.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

MARKS = "\u064e\u0651\u0650\u0652\u064b\u0654\u0670\u06e1\u0653\u06d6"

SHAPES: dict[str, Callable[[int], str]] = {
    "one letter": lambda n: "ب" * n,
    "one maksura": lambda n: "ى" * n,
    "one mark": lambda n: "\u064e" * n,
    "letter + 10 marks": lambda n: ("ا" + MARKS) * (n // 11),
    "hamza marks after alef": lambda n: "ا" + "\u0654" * (n // 2) + "\u0651" * (n // 2),
    "word without spaces": lambda n: ("كلمة" * (n // 8) + "ى.") * 2,
    "one-char lines": lambda n: "ى\n" * (n // 2),
    "nested quotes": lambda n: "“«‹\"" * (n // 8) + "\"›»”" * (n // 8),
    "only invisibles": lambda n: "\u200f\u200c\ufeff\u2066" * (n // 4),
    "spaces": lambda n: " \u00a0\t" * (n // 3),
    "farsi yeh + marks": lambda n: ("ی" + "\u064e" * 50) * (n // 51),
}


def shapes(size: int) -> dict[str, str]:
    """Every shape, about ``size`` characters long."""
    return {name: make(size) for name, make in SHAPES.items()}


def growth(funcs: dict[str, Callable[[str], Any]], sizes_mb: list[float]) -> list[dict[str, Any]]:
    """Best-of-3 seconds of each function on each shape at each size (MB of UTF-8)."""
    rows = []
    for shape, make in SHAPES.items():
        unit = len(make(1000).encode("utf-8", "surrogatepass")) / max(len(make(1000)), 1)
        texts = [make(int(size * 1e6 / unit)) for size in sizes_mb]
        for name, func in funcs.items():
            seconds = []
            for text in texts:
                best = float("inf")
                for _ in range(3):
                    start = time.perf_counter()
                    func(text)
                    best = min(best, time.perf_counter() - start)
                seconds.append(best)
            rows.append({"shape": shape, "name": name, "sizes_mb": sizes_mb, "seconds": seconds})
    return rows
