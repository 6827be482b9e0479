"""Evaluate restore_teh_marbuta and restore_hamza on standard text they have never seen.

    python -m benchmarks.restore_eval [--out docs/benchmarks]

The held-out text is that of :mod:`benchmarks.yaa_eval` (downloaded once
into ``$ARNORM_CACHE``, never into the repository): modern news in a
development half, whose errors were read while the rules were written, and
a test half, whose errors the report never shows; a software manual and
its code's messages (arabi-lang, PyPI) in the same two halves; the Arabic strings of
Firefox ESR, LibreOffice and Thunderbird (Debian's l10n packages); and the
Arabic labels of the ``arwikicats`` package (names).

The text is in standard spelling, so for each step:

1. the text is degraded as informal writing does it (every word-final ة
   written ه; every أ إ آ written ا) and restored; each word that had the
   letter's position (a final ة or ه; an alef of any form) is scored against
   the original, overall and per class, beside the baseline that keeps the
   degraded text and the best fixed choice per degraded word (the ceiling
   of any context-free lexicon, learned on the scored text itself);
2. the original text is restored line by line, and the share of lines that
   come back unchanged is reported (standard text must be left alone);
3. the speed on news (the benchmark suite's ``news`` corpus: the shared
   sample article repeated), standard and degraded, best of five runs.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import arnorm
from arnorm import Pipeline

from . import corpora
from .yaa_eval import (
    CACHE,
    DOCS,
    WORD,
    Unavailable,
    category_labels,
    held_out_lines,
    news_halves,
    package_files,
    second_lines,
    tutorial_halves,
)

_HAMZA_ALEFS = "\u0623\u0625\u0622"
_FINAL_TEH = re.compile("\u0629(?=[\u064b-\u065f\u0670]*(?![\u0621-\u064a\u0671-\u06d3]))")
_FOLD = str.maketrans(_HAMZA_ALEFS, "\u0627\u0627\u0627")


def drop_teh_marbuta(text: str) -> str:
    """Every word-final ة written ه (marks after it kept: ثانيةً → ثانيهً)."""
    return _FINAL_TEH.sub("\u0647", text)


def drop_hamza(text: str) -> str:
    """Every أ إ آ written ا."""
    return text.translate(_FOLD)


class Task:
    """One step: how text is degraded, which words count, their class."""

    def __init__(self, key: str, step: Callable[[str], str], degrade: Callable[[str], str],
                 classify: Callable[[str], str | None], classes: tuple[str, str]) -> None:
        self.key, self.step, self.degrade, self.classify, self.classes = key, step, degrade, classify, classes


def _teh_class(word: str) -> str | None:
    last = word.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")[-1:]
    return {"\u0629": "teh", "\u0647": "heh"}.get(last)


def _hamza_class(word: str) -> str | None:
    if any(letter in word for letter in _HAMZA_ALEFS):
        return "hamza"
    return "bare" if "\u0627" in word else None


TASKS = (
    Task("teh_marbuta", arnorm.restore_teh_marbuta, drop_teh_marbuta, _teh_class, ("teh", "heh")),
    Task("hamza", arnorm.restore_hamza, drop_hamza, _hamza_class, ("hamza", "bare")),
)
CLASS_NAMES = {"teh": "words in ة", "heh": "words in ه", "hamza": "words with أ/إ/آ",
               "bare": "words with bare ا only"}


def score(task: Task, lines: list[str]) -> dict:
    text = "\n".join(lines)
    written = task.degrade(text)
    restored = task.step(written)
    originals, degraded, guesses = WORD.findall(text), WORD.findall(written), WORD.findall(restored)
    assert len(originals) == len(guesses) == len(degraded)
    counts: Counter[str] = Counter()
    errors: Counter[tuple[str, str]] = Counter()
    by_form: dict[str, Counter[str]] = defaultdict(Counter)
    for original, seen, guess in zip(originals, degraded, guesses):
        kind = task.classify(original)
        if kind is None:
            continue
        counts[kind] += 1
        by_form[seen][original] += 1
        if seen == original:
            counts[kind + " kept"] += 1
        if guess == original:
            counts[kind + " right"] += 1
        else:
            errors[(original, guess)] += 1
    unchanged = sum(task.step(line) == line for line in lines)
    first, second = task.classes
    total = counts[first] + counts[second]
    return {
        "lines": len(lines),
        "tokens": total,
        f"{first}_tokens": counts[first],
        f"{second}_tokens": counts[second],
        "accuracy": (counts[first + " right"] + counts[second + " right"]) / total,
        f"{first}_accuracy": counts[first + " right"] / max(1, counts[first]),
        f"{second}_accuracy": counts[second + " right"] / max(1, counts[second]),
        "baseline_keep": (counts[first + " kept"] + counts[second + " kept"]) / total,
        "best_fixed_choice": sum(max(c.values()) for c in by_form.values()) / total,
        "standard_lines_unchanged": unchanged / len(lines),
        "top_errors": [{"standard": o, "restored": g, "count": c} for (o, g), c in errors.most_common(25)],
    }


def speed(step: Callable[[str], str], text: str, runs: int = 5) -> float:
    """MB/s of ``step`` on ``text``, best of ``runs`` (the first run warms the caches)."""
    step(text[:100_000])
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        step(text)
        best = min(best, time.perf_counter() - began)
    return len(text.encode("utf-8")) / 1e6 / best


SETS = (
    ("news-test", "News, test half", "modern news, marks removed (arrand's texts, second half: never read)"),
    ("news-dev", "News, development half", "modern news, marks removed (arrand's texts, first half)"),
    ("tutorial-test", "Tutorial, test half", "a software manual and its code's messages (arabi-lang; never read)"),
    ("tutorial-dev", "Tutorial, development half", "the same, the first half of each file"),
    ("ui", "Firefox ESR + LibreOffice", "user-interface strings (Debian's l10n packages)"),
    ("ui-thunderbird", "Thunderbird", "its strings not in the line above"),
    ("names", "Wikipedia category labels", "names of people and places, nationalities (arwikicats' tables)"),
)
SHOWN_ERRORS = ("news-dev", "tutorial-dev", "ui")


def measure(tasks: tuple[Task, ...] = TASKS) -> dict:
    halves, ui = functools.cache(news_halves), functools.cache(held_out_lines)
    tutorial = functools.cache(tutorial_halves)
    sources = {
        "news-test": (lambda: halves()[1], CACHE / "yaa-news.txt"),
        "news-dev": (lambda: halves()[0], CACHE / "yaa-news.txt"),
        "tutorial-test": (lambda: tutorial()[1], CACHE / "yaa-tutorial.txt"),
        "tutorial-dev": (lambda: tutorial()[0], CACHE / "yaa-tutorial.txt"),
        "ui": (ui, CACHE / "yaa-heldout.txt"),
        "ui-thunderbird": (lambda: second_lines(ui()), CACHE / "yaa-heldout-thunderbird.txt"),
        "names": (category_labels, CACHE / "yaa-names.txt"),
    }
    result: dict = {"unavailable": {}}
    texts: dict[str, list[str]] = {}
    for key, (make, cached) in sources.items():
        try:
            texts[key] = make()
        except (Unavailable, OSError) as why:
            result["unavailable"][key] = str(why)
    for task in tasks:
        sets = {}
        for key, lines in texts.items():
            sets[key] = score(task, lines)
            sets[key]["packages"] = package_files(sources[key][1])
        for unseen in ("news-test", "tutorial-test"):  # the test halves stay unseen
            sets.get(unseen, {}).pop("top_errors", None)
        result[task.key] = {"sets": sets}
    both = Pipeline([task.step for task in tasks])
    result["both_lines_unchanged"] = {key: sum(both(line) == line for line in lines) / len(lines)
                                      for key, lines in texts.items()}
    try:
        news = corpora.news(4.0).text
    except corpora.Unavailable as why:
        result["unavailable"]["speed"] = str(why)
    else:
        for task in tasks:
            step = arnorm.Pipeline([task.step])  # the accelerated plan, as a pipeline runs it
            result[task.key]["speed_mb_s"] = {"news": speed(step, news),
                                             "news degraded": speed(step, task.degrade(news))}
    return result


TITLES = {"teh_marbuta": "restore_teh_marbuta (word-final ه → ة)",
          "hamza": "restore_hamza (bare ا → أ, إ, آ)"}


def markdown(result: dict) -> str:
    pct = lambda x: f"{100 * x:.2f} %"  # noqa: E731
    lines = [
        "# Restoring ة and hamza on alef: held-out evaluation",
        "",
        "`python -m benchmarks.restore_eval` on text in standard spelling that no data arnorm ships",
        "was made from (but the category labels, taken from Wikipedia, one of wordfreq's sources):",
        "the text is degraded as informal writing does it (every final ة written ه; every أ إ آ",
        "written ا), restored, and each word that had the letter's position is compared with the",
        "original. *Keep* is the degraded text as it is; *best fixed* is the best single choice",
        "per degraded word, learned on the scored text itself (the ceiling of a context-free",
        "lexicon). The last column is the share of lines that come back unchanged when the",
        "original, standard text is restored. Only the test halves (news, tutorial) were never",
        "read while the rules were written; their errors are not listed.",
    ]
    for task in TASKS:
        if task.key not in result:
            continue
        first, second = task.classes
        sets = result[task.key]["sets"]
        lines += [
            "", f"## {TITLES[task.key]}", "",
            f"| set | text | lines | words | all | {CLASS_NAMES[first]} | {CLASS_NAMES[second]} | keep |"
            " best fixed | lines unchanged |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for key, name, about in SETS:
            if key in sets:
                r = sets[key]
                lines.append(
                    f"| {name} | {about} | {r['lines']:,} | {r['tokens']:,} | {pct(r['accuracy'])} |"
                    f" {pct(r[first + '_accuracy'])} | {pct(r[second + '_accuracy'])} |"
                    f" {pct(r['baseline_keep'])} | {pct(r['best_fixed_choice'])} |"
                    f" {pct(r['standard_lines_unchanged'])} |"
                )
        speeds = result[task.key].get("speed_mb_s")
        if speeds:
            lines += ["", "Speed on news: " + ", ".join(f"{v:.0f} MB/s ({k})" for k, v in speeds.items())
                      + " (best of five runs, one core, on a shared machine)."]
        for key in SHOWN_ERRORS:
            if key in sets:
                name = next(name for k, name, _ in SETS if k == key)
                lines += ["", f"Most frequent errors ({name}):", "", "| standard | restored | count |",
                          "|---|---|---:|"]
                lines += [f"| {e['standard']} | {e['restored']} | {e['count']} |" for e in sets[key]["top_errors"]]
    unchanged = result.get("both_lines_unchanged")
    if unchanged:
        lines += ["", "## Standard lines left unchanged by both steps", "",
                  "The preset bar: a step enters `standard` only if standard text comes back unchanged",
                  "(≥ 99.5 % of its lines, held out).", "", "| set | lines unchanged by both |", "|---|---:|"]
        lines += [f"| {name} | {pct(unchanged[key])} |" for key, name, _ in SETS if key in unchanged]
    missing = result.get("unavailable", {})
    if missing:
        lines += [""] + [f"Not measured, {key}: {why}" for key, why in missing.items()]
    packages = [name for task in TASKS for r in result.get(task.key, {}).get("sets", {}).values()
                for name in r.get("packages", [])]
    if packages:
        lines += ["", "Measured on " + ", ".join(f"`{name}`" for name in dict.fromkeys(packages)) + "."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.restore_eval", description=__doc__)
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    result = measure()
    if not any(result.get(task.key, {}).get("sets") for task in TASKS):
        print("no held-out text available: " + "; ".join(result["unavailable"].values()), file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "restore.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
    (args.out / "restore.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
