"""Write the suite's results: JSON, a markdown table and PNG plots."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


RATIO_FLOOR = 0.001
"""Seconds below which a growth timing counts as this much in its ratio."""


def write(data: dict[str, Any], folder: Path, *, plots: bool = True) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    data["plots"] = plots and _has_matplotlib()
    written = [folder / "results.json", folder / "results.md"]
    written[0].write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    written[1].write_text(markdown(data), encoding="utf-8")
    if data["plots"]:
        written += plot(data, folder)
    return written


def markdown(data: dict[str, Any]) -> str:
    env = data["environment"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {env['date']} with `python -m benchmarks{' --quick' if data['quick'] else ''}` on "
        f"{env['cpus']} CPU(s), {env['machine']}, CPython {env['python']}; arnorm {env['arnorm']} "
        f"(Unicode {env['unicode']}); peers: "
        + (", ".join(f"{k} {v}" for k, v in env["peers"].items()) or "none") + ".",
        "MB/s is UTF-8 input megabytes per second, the best of "
        f"{data['repeat']} runs, timed in rounds (each round runs every function once, after a warm-up round); "
        "peak is the memory allocated while normalizing the whole corpus once.",
        "Reproduce with `pip install -e '.[bench]'` and `python -m benchmarks` (writes this page).",
        "",
    ]
    for name, why in data["skipped"].items():
        lines.append(f"- corpus `{name}` skipped: {why}")
    for name, why in data["missing_peers"].items():
        lines.append(f"- peer `{name}` skipped: {why}")
    lines.append("")
    lines += ["## Headline ratios (same run)", "",
              "Same output: whether the two give identical text on that corpus. Characters alike (single "
              "steps): the share of the corpus's characters that both map the same way, each taken alone; "
              "below 100 % the two do different jobs there and the ratio is not like-for-like "
              "(the presets do more than the peers' chains by design). A peer named \"same job\" is "
              "the pyarabic namesake after the str.replace calls that make up what it lacks.", "",
              "| corpus | arnorm | peer | ratio | same output | characters alike |", "|---|---|---|---:|---|---:|"]
    for row in data["ratios"]:
        same = {True: "yes", False: "no"}.get(row.get("same_output"), "")
        alike = f"{100 * row['alike']:.2f} %" if "alike" in row else ""
        lines.append(f"| {row['corpus']} | {row['arnorm']} | {row['peer']} | {row['ratio']:.2f}× | {same} | {alike} |")
    for corpus, info in data["corpora"].items():
        lines += ["", f"## {corpus} ({info['megabytes']:.1f} MB; {info['source']})", ""]
        if data.get("plots"):
            lines += [f"![{corpus} throughput]({corpus}.png)", ""]
        lines += ["| what | kind | MB/s | peak MB |", "|---|---|---:|---:|"]
        for row in data["results"]:
            if row["corpus"] == corpus:
                lines.append(f"| {row['name']} | {row['kind']} | {row['mb_per_s']:.1f} | {row['peak_mb']:.1f} |")
    lines += ["", "## Many short texts", "",
              "Per call, batched (`Pipeline.map`), through pandas and the CLI on JSON Lines, beside the "
              "peers per row: [rows.md](rows.md) (`python -m benchmarks.rows`)."]
    if data.get("growth"):
        sizes = data["growth"][0]["sizes_mb"]
        lines += ["", "## Growth on adversarial inputs (ms, best of 3)", "",
                  "Each preset and normalizer on each shape at " + ", ".join(f"{s:g}" for s in sizes)
                  + " MB; the last column is the time ratio of the largest to the smallest size "
                  f"({sizes[-1] / sizes[0]:g}x the input): linear work stays near that. Times under "
                  f"{1000 * RATIO_FLOOR:g} ms count as {1000 * RATIO_FLOOR:g} ms in the ratio: there the clock "
                  "and the caches, not the algorithm, decide.", "",
                  "| shape | what | " + " | ".join(f"{s:g} MB" for s in sizes) + " | ratio |",
                  "|---|---|" + "---:|" * (len(sizes) + 1)]
        for row in data["growth"]:
            ms = [f"{1000 * t:.1f}" for t in row["seconds"]]
            ratio = row["seconds"][-1] / max(row["seconds"][0], RATIO_FLOOR)
            lines.append(f"| {row['shape']} | {row['name']} | " + " | ".join(ms) + f" | {ratio:.1f} |")
    return "\n".join(lines) + "\n"


def _has_matplotlib() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def plot(data: dict[str, Any], folder: Path) -> list[Path]:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    written = []
    colours = {"step": "#4c72b0", "preset": "#dd8452", "peer": "#8c8c8c"}
    for corpus in data["corpora"]:
        rows = [row for row in data["results"] if row["corpus"] == corpus]
        rows.sort(key=lambda row: row["mb_per_s"])
        figure, axes = plt.subplots(figsize=(9, 0.28 * len(rows) + 1.2))
        axes.barh([row["name"] for row in rows], [row["mb_per_s"] for row in rows],
                  color=[colours[row["kind"]] for row in rows])
        axes.set_xscale("log")
        axes.set_xlabel("MB/s (log scale; orange: arnorm presets, blue: arnorm steps, grey: peers)")
        axes.set_title(f"{corpus}: throughput, best of {data['repeat']}")
        figure.tight_layout()
        path = folder / f"{corpus}.png"
        figure.savefig(path, dpi=110)
        plt.close(figure)
        written.append(path)
    return written
