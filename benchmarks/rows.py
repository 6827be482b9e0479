"""Many short texts: ``python -m benchmarks.rows [--quick] [--out DIR]``.

Users normalize rows (tweets, sentences, DataFrame cells, dataset records),
not one long string. Two workloads are cut from the sample article (the
news corpus; arnorm's bundled example without it) at word boundaries, each row starting a few words further on than the last round's,
so that rows differ: **tweets** (100,000 rows of at most 140 characters)
and **paragraphs** (10,000 rows of at most 1,000). For every preset, in the
same rounds:

* ``normalize``: ``arnorm.normalize(row, preset=...)`` once per row;
* ``map``: ``list(Pipeline.map(rows))``, the batch path;
* ``pandas``: the ``series.arnorm.normalize(...)`` accessor on a Series of the rows;
* ``cli --jsonl``: ``python -m arnorm --jsonl`` on a file of ``{"text": row}``
  records, output discarded (start-up included, with bytecode cached as
  an installed package has it);

and beside them the peers, one call per row: CAMeL Tools' and pyarabic's
search chains, arabic-norm, and a UTF-8 encode+decode of each row.

Each figure is the best of ``--repeat`` rounds in which every candidate
runs once, after a warm-up round. Results: ``rows.json`` and ``rows.md`` in
docs/benchmarks; the targets of issue #24 are read off the same run.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import arnorm

from .distributed import sentences
from .peers import load as load_peers

DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks"
WORKLOADS = {"tweets": (100_000, 140), "paragraphs": (10_000, 1_000)}
"""Rows and the longest row of each workload."""
PEERS = ("camel-tools: search chain", "arabic-norm: search", "pyarabic: search chain", "baseline: encode+decode")
TARGETS = [
    # (what, numerator, denominator, at least)
    ("search: map vs arabic-norm per row", ("search", "map"), ("peer", "arabic-norm: search"), 1.0),
    ("search: normalize per call vs CAMeL per call", ("search", "normalize"),
     ("peer", "camel-tools: search chain"), 1.0),
    ("standard: map vs a UTF-8 encode+decode per row", ("standard", "map"),
     ("peer", "baseline: encode+decode"), 0.30),
]
"""Ratios of speed (rows per second), as the issue states them; the pandas
and CLI targets are per preset, below."""


def cut_rows(text: str, count: int, longest: int) -> list[str]:
    """``count`` rows of at most ``longest`` characters, cut at spaces;
    each pass over the text starts one word further on than the last.

    >>> cut_rows("one two three four", 5, 9)
    ['one two', 'three', 'four', 'two three', 'four one']
    """
    words = text.split()
    rows: list[str] = []
    shift = 0
    while len(rows) < count:
        line: list[str] = []
        size = -1
        for word in words[shift % len(words):] + words[: shift % len(words)]:
            if line and size + 1 + len(word) > longest:
                rows.append(" ".join(line))
                line, size = [], -1
            line.append(word[:longest])
            size += 1 + len(line[-1])
        rows.append(" ".join(line))
        shift += 1
    return rows[:count]


CLI_ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
"""The CLI runs as an installed package does, its bytecode cached (written
in the warm-up round even where the environment turns that off)."""


def _candidates(rows: list[str], presets: list[str], jsonl: Path,
                peers: dict[str, Callable[[str], str]]) -> dict[tuple[str, str], Callable[[], object]]:
    import pandas as pd

    import arnorm.pandas  # noqa: F401  (registers the accessor)

    series = pd.Series(rows, dtype=object)
    found: dict[tuple[str, str], Callable[[], object]] = {}
    for preset in presets:
        pipe = arnorm.Pipeline.from_preset(preset)
        found[preset, "normalize"] = lambda preset=preset: [arnorm.normalize(row, preset) for row in rows]
        found[preset, "map"] = lambda pipe=pipe: list(pipe.map(rows))
        found[preset, "pandas"] = lambda preset=preset: series.arnorm.normalize(preset)
        command = [sys.executable, "-m", "arnorm", "--jsonl", "--preset", preset, str(jsonl)]
        found[preset, "cli --jsonl"] = lambda command=command: subprocess.run(
            command, stdout=subprocess.DEVNULL, check=True, env=CLI_ENVIRONMENT)
    for name in PEERS:
        if name in peers:
            found["peer", name] = lambda func=peers[name]: [func(row) for row in rows]
    return found


def _rounds(candidates: dict[Any, Callable[[], object]], repeat: int,
            log: Callable[[str], None]) -> dict[Any, float]:
    best = dict.fromkeys(candidates, float("inf"))
    for round_ in range(repeat + 1):  # round 0 warms up
        for key, run in candidates.items():
            gc.collect()
            start = time.perf_counter()
            run()
            if round_:
                best[key] = min(best[key], time.perf_counter() - start)
        if round_:
            log(f"round {round_} of {repeat} done")
    return best


def measure(workload: str, count: int, longest: int, repeat: int, text: str,
            log: Callable[[str], None]) -> dict[str, Any]:
    rows = cut_rows(text, count, longest)
    megabytes = sum(len(row.encode("utf-8", "surrogatepass")) for row in rows) / 1e6
    loaded = load_peers()
    with tempfile.TemporaryDirectory() as folder:
        jsonl = Path(folder) / "rows.jsonl"
        jsonl.write_text("".join(json.dumps({"text": row}, ensure_ascii=False) + "\n" for row in rows),
                         encoding="utf-8")
        candidates = _candidates(rows, sorted(arnorm.PRESETS), jsonl, loaded.functions)
        log(f"{workload}: {len(rows):,} rows, {megabytes:.1f} MB, {len(candidates)} candidates")
        seconds = _rounds(candidates, repeat, log)
    results = [{"preset": preset, "how": how, "seconds": round(took, 4),
                "us_per_row": round(took / len(rows) * 1e6, 3), "mb_per_s": round(megabytes / took, 1)}
               for (preset, how), took in seconds.items()]
    tokenized = rows[: max(1, len(rows) // 20)]
    return {"workload": workload, "rows": len(rows), "longest": longest, "megabytes": round(megabytes, 2),
            "results": results, "targets": targets(results), "missing_peers": loaded.missing,
            "tokenizers_rows": len(tokenized), "tokenizers": tokenizers_cost(tokenized, repeat, log)}


def tokenizers_cost(rows: list[str], repeat: int, log: Callable[[str], None]) -> list[dict[str, Any]]:
    """``Tokenizer.encode_batch`` on the rows: a word-level tokenizer (split
    at whitespace, a vocabulary of the rows' words) without a normalizer and
    with each preset's ``to_hf_normalizer`` (native, or mixed: native parts
    and arnorm's custom normalizer for the steps that cannot be native);
    :mod:`benchmarks.exports` measures the same with more rounds."""
    try:
        from tokenizers import Tokenizer, models, pre_tokenizers
    except ImportError as error:
        log(f"skipping tokenizers: {error}")
        return []
    from arnorm.hf import blocking_steps, to_hf_normalizer

    vocabulary = {word: index for index, word in enumerate(sorted({w for row in rows for w in row.split()}))}
    vocabulary["[UNK]"] = len(vocabulary)

    def tokenizer(normalizer: Any) -> Any:
        made = Tokenizer(models.WordLevel(vocabulary, unk_token="[UNK]"))
        made.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
        if normalizer is not None:
            made.normalizer = normalizer
        return made

    made = {"none": tokenizer(None)}
    kinds = {"none": ""}
    for preset in sorted(arnorm.PRESETS):
        normalizer = to_hf_normalizer(preset)
        made[preset] = tokenizer(normalizer)
        kinds[preset] = "mixed" if blocking_steps(preset) else "native"
    seconds = _rounds({name: (lambda t=t: t.encode_batch(rows)) for name, t in made.items()}, repeat, log)
    return [{"normalizer": name, "kind": kinds[name], "seconds": round(took, 4),
             "vs_none": round(took / seconds["none"], 2)} for name, took in seconds.items()]


ASCII_ROW = "Breaking: the minister said the plan will be announced next week, sources say (#news 2026)"
"""An English row: no Arabic key or trigger, the fast exit of every preset."""


def fixed_costs(count: int, repeat: int) -> list[dict[str, Any]]:
    """µs per call of ``arnorm.normalize`` on rows that hold nothing to do
    (an empty string, an ASCII row): the fixed cost of a call, per preset."""
    rows = {"empty": [""] * count, "ascii": [ASCII_ROW[: 40 + index % 50] for index in range(count)]}
    candidates = {(preset, kind): (lambda preset=preset, texts=texts: [arnorm.normalize(t, preset) for t in texts])
                  for preset in sorted(arnorm.PRESETS) for kind, texts in rows.items()}
    seconds = _rounds(candidates, repeat, lambda message: None)
    return [{"preset": preset, "row": kind, "us_per_call": round(took / count * 1e6, 3)}
            for (preset, kind), took in seconds.items()]


def targets(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each target of issue #24 as measured: the speed ratio and whether it is met."""
    cost = {(row["preset"], row["how"]): row["seconds"] for row in results}
    wanted = list(TARGETS)
    for preset in sorted({row["preset"] for row in results} - {"peer"}):
        wanted.append((f"{preset}: pandas accessor vs map", (preset, "pandas"), (preset, "map"), 0.8))
        wanted.append((f"{preset}: CLI on JSONL vs map", (preset, "cli --jsonl"), (preset, "map"), 0.7))
    found = []
    for what, ours, theirs, floor in wanted:
        if ours in cost and theirs in cost:
            ratio = cost[theirs] / cost[ours]
            found.append({"target": what, "ratio": round(ratio, 3), "at_least": floor, "met": ratio >= floor})
    return found


def markdown(data: dict[str, Any]) -> str:
    env = data["environment"]
    lines = ["# Rows: many short texts", "",
             f"Measured {env['date']} with `python -m benchmarks.rows{' --quick' if data['quick'] else ''}` "
             f"on {env['cpus']} CPU(s), CPython {env['python']}, arnorm {env['arnorm']}; best of "
             f"{data['repeat']} rounds, every candidate once per round. Rows are cut from {data['source']} at "
             "word boundaries. µs per row and MB/s of UTF-8 input; a ratio is the other's time over ours "
             "(above 1: arnorm is faster).", ""]
    for workload in data["workloads"]:
        lines += [f"## {workload['workload']}: {workload['rows']:,} rows of at most {workload['longest']:,} "
                  f"characters ({workload['megabytes']:.1f} MB)", "",
                  "| preset | how | µs per row | MB/s |", "|---|---|---:|---:|"]
        for row in workload["results"]:
            lines.append(f"| {row['preset']} | {row['how']} | {row['us_per_row']:.2f} | {row['mb_per_s']:.1f} |")
        for name, why in workload["missing_peers"].items():
            lines.append(f"\npeer `{name}` skipped: {why}")
        lines += ["", "| target | ratio | at least | met |", "|---|---:|---:|---|"]
        for row in workload["targets"]:
            lines.append(f"| {row['target']} | {row['ratio']:.2f}× | {row['at_least']:.2f}× | "
                         f"{'yes' if row['met'] else 'no'} |")
        if workload["tokenizers"]:
            lines += ["", f"`Tokenizer.encode_batch` on {workload['tokenizers_rows']:,} of the rows (word-level, "
                      "whitespace split), without a normalizer and with `to_hf_normalizer(preset)`:", "",
                      "| normalizer | kind | seconds | × none |", "|---|---|---:|---:|"]
            for row in workload["tokenizers"]:
                lines.append(f"| {row['normalizer']} | {row['kind']} | {row['seconds']:.3f} | {row['vs_none']:.2f} |")
        lines.append("")
    if data.get("fixed"):
        lines += ["## The fixed cost of a call", "",
                  f"`arnorm.normalize(row, preset)` on {data['fixed_rows']:,} rows holding nothing to do: empty "
                  "strings, and English rows of 40 to 89 ASCII characters (an ASCII text runs the plan cut to "
                  "what can act on it, `arnorm/_reach.py`).", "",
                  "| preset | empty, µs | ASCII, µs |", "|---|---:|---:|"]
        cost = {(row["preset"], row["row"]): row["us_per_call"] for row in data["fixed"]}
        for preset in sorted({row["preset"] for row in data["fixed"]}):
            lines.append(f"| {preset} | {cost[preset, 'empty']:.2f} | {cost[preset, 'ascii']:.2f} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.rows", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 and 200 rows, one round (CI)")
    parser.add_argument("--repeat", type=int, help="rounds, best kept (default 3, quick 1)")
    parser.add_argument("--out", type=Path, default=DOCS, help=f"where to write rows.json and rows.md ({DOCS})")
    args = parser.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 3)
    base, source = sentences()
    text = " ".join(base)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    workloads = [measure(name, count // 50 if args.quick else count, longest, repeat, text, log)
                 for name, (count, longest) in WORKLOADS.items()]
    fixed_rows = 2_000 if args.quick else 100_000
    fixed = fixed_costs(fixed_rows, repeat)
    from .suite import environment

    data = {"quick": args.quick, "repeat": repeat, "source": source,
            "environment": environment(load_peers()), "workloads": workloads,
            "fixed_rows": fixed_rows, "fixed": fixed}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "rows.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (args.out / "rows.md").write_text(markdown(data), encoding="utf-8")
    log(f"wrote {args.out / 'rows.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
