"""Measure: MB/s (best of several runs), peak memory, ratios to peers (rows: :mod:`.rows`)."""

from __future__ import annotations

import gc
import platform
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import arnorm

from .corpora import Corpus
from .peers import Peers

# arnorm normalizer → the pyarabic functions it is compared with: the namesake,
# and where the namesake does less than arnorm's contract and a few
# str.replace calls make up the difference, those calls and the namesake
PYARABIC_COUNTERPARTS = {
    "remove_diacritics": ("pyarabic: strip_diacritics",),
    "remove_tatweel": ("pyarabic: strip_tatweel",),
    "normalize_alef": ("pyarabic: normalize_alef",),
    "normalize_hamza": ("pyarabic: normalize_hamza", "pyarabic: normalize_hamza, same job"),
    "normalize_teh_marbuta": ("pyarabic: normalize_teh",),
    "fold_presentation_forms": ("pyarabic: normalize_ligature",),
}
# the headline comparisons: (arnorm preset, peer)
HEADLINES = [
    ("preset: search", "pyarabic: search chain"),
    ("preset: lucene", "pyarabic: search chain"),
    ("preset: search", "arabic-norm: search"),
    ("preset: lucene", "arabic-norm: search"),
    ("preset: search", "camel-tools: search chain"),
    ("preset: standard", "baseline: encode+decode"),
]


@dataclass
class Result:
    corpus: str
    name: str
    kind: str  # "step", "preset" or "peer"
    mb_per_s: float
    seconds: float
    peak_mb: float


def best_time(func: Callable[[str], Any], text: str, repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds, after one warm-up run on the
    whole text: the first large allocations of a process are fresh pages from
    the system (glibc raises its mmap threshold only after freeing one), so
    without it whichever function ran first in the suite paid for them."""
    func(text)
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        func(text)
        times.append(time.perf_counter() - start)
    return min(times)


def peak_memory(func: Callable[[str], Any], text: str) -> float:
    """Peak memory allocated while running ``func`` once, in MB."""
    gc.collect()
    tracemalloc.start()
    try:
        func(text)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def candidates(peers: Peers) -> list[tuple[str, str, Callable[[str], str]]]:
    items: list[tuple[str, str, Callable[[str], str]]] = []
    for name, func in arnorm.NORMALIZERS.items():
        items.append((name, "step", func))
    for name in arnorm.PRESETS:
        items.append((f"preset: {name}", "preset", arnorm.Pipeline.from_preset(name)))
    for name, func in peers.functions.items():
        items.append((name, "peer", func))
    return items


def measure(corpora: list[Corpus], peers: Peers, repeat: int, log: Callable[[str], None]) -> list[Result]:
    """Each candidate's best time, in rounds: every round runs every candidate
    once, so that all of them meet the allocator in the same state (a function
    timed early in a process, before large blocks were ever freed, measured up
    to 1.7x slower than the same function timed late)."""
    results = []
    items = candidates(peers)
    for corpus in corpora:
        log(f"{corpus.name}: {corpus.megabytes:.1f} MB")
        best = dict.fromkeys((name for name, _, _ in items), float("inf"))
        for round_ in range(repeat + 1):  # round 0 warms up
            for name, _, func in items:
                gc.collect()
                start = time.perf_counter()
                func(corpus.text)
                if round_:
                    best[name] = min(best[name], time.perf_counter() - start)
        for name, kind, func in items:
            peak = peak_memory(func, corpus.text)
            seconds = best[name]
            result = Result(corpus.name, name, kind, corpus.megabytes / seconds, seconds, peak)
            results.append(result)
            log(f"  {name:<40} {result.mb_per_s:9.1f} MB/s  peak {peak:7.1f} MB")
    return results


def ratios(results: list[Result], corpora: list[Corpus] | None = None,
           functions: dict[str, Callable[[str], str]] | None = None) -> list[dict[str, Any]]:
    """Speed ratios of each pair in :data:`HEADLINES` and
    :data:`PYARABIC_COUNTERPARTS`; with the corpora and the functions, also
    whether the two do the same job there (see :func:`agreement`): a ratio
    is like-for-like only where they do."""
    speed = {(r.corpus, r.name): r.mb_per_s for r in results}
    texts = {corpus.name: corpus.text for corpus in corpora or []}
    pairs = list(HEADLINES) + [(step, peer) for step, peers in PYARABIC_COUNTERPARTS.items() for peer in peers]
    rows = []
    for corpus in dict.fromkeys(r.corpus for r in results):
        for ours, theirs in pairs:
            if (corpus, ours) in speed and (corpus, theirs) in speed:
                row = {"corpus": corpus, "arnorm": ours, "peer": theirs,
                       "ratio": speed[corpus, ours] / speed[corpus, theirs]}
                if functions and corpus in texts:
                    row |= agreement(functions[ours], functions[theirs], texts[corpus],
                                     per_character=ours in PYARABIC_COUNTERPARTS)
                rows.append(row)
    return rows


def agreement(ours: Callable[[str], str], theirs: Callable[[str], str], text: str, *,
              per_character: bool) -> dict[str, Any]:
    """Whether two functions give the same output on ``text`` and, for
    character-level steps (``per_character``), the share of its characters
    that both map alike, each taken alone: where pyarabic's namesake does
    less than arnorm's contract (it leaves ٱ, or folds only the lam-alef
    ligatures), the speed ratio compares different jobs.

    >>> agreement(str.upper, str.upper, "ab", per_character=True)
    {'same_output': True, 'alike': 1.0}
    >>> agreement(str.upper, lambda text: text.replace("a", "A"), "aab", per_character=True)
    {'same_output': False, 'alike': 0.6666666666666666}
    """
    row: dict[str, Any] = {"same_output": ours(text) == theirs(text)}
    if per_character:
        counts = Counter(text)
        alike = sum(count for char, count in counts.items() if ours(char) == theirs(char))
        row["alike"] = alike / max(len(text), 1)
    return row


def environment(peers: Peers) -> dict[str, Any]:
    import os

    return {
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "machine": platform.machine(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "arnorm": arnorm.__version__,
        "unicode": arnorm.UNICODE_VERSION,
        "peers": peers.versions,
        "date": time.strftime("%Y-%m-%d"),
    }


def as_dicts(results: list[Result]) -> list[dict[str, Any]]:
    return [asdict(result) for result in results]
