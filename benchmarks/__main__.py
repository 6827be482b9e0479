"""Run the benchmark suite: ``python -m benchmarks [--quick] [--out DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import arnorm

from . import corpora, distributed, peers, report, rows, shapes, suite

DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="small corpora, one run, no downloads: proves the suite works (CI)")
    parser.add_argument("--out", type=Path, default=DOCS, help=f"where to write results (default {DOCS})")
    parser.add_argument("--size", type=float, help="corpus size in MB (default 12, quick 0.2)")
    parser.add_argument("--repeat", type=int, help="runs per measurement, best kept (default 5, quick 1)")
    parser.add_argument("--corpus", action="append", choices=("news", "quran", "stress"),
                        help="corpora to run (default: all)")
    parser.add_argument("--no-rows", action="store_true",
                        help="skip the rows workloads (benchmarks/rows.py: many short texts, per call and batched)")
    parser.add_argument("--no-plots", action="store_true")
    parser.add_argument("--distributed", action="store_true",
                        help="also measure Spark and Dask (benchmarks/distributed.py)")
    args = parser.parse_args(argv)
    size = args.size or (0.2 if args.quick else 12.0)
    repeat = args.repeat or (1 if args.quick else 5)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    found, skipped = corpora.load(args.corpus or ["news", "quran", "stress"], size, download=not args.quick)
    for name, why in skipped.items():
        log(f"skipping corpus {name}: {why}")
    loaded = peers.load()
    for name, why in loaded.missing.items():
        log(f"skipping peer {name}: {why}")
    results = suite.measure(found, loaded, repeat, log)
    data = {
        "quick": args.quick,
        "repeat": repeat,
        "environment": suite.environment(loaded),
        # a file's name, not the path of the machine that ran the suite
        "corpora": {c.name: {"megabytes": c.megabytes, "source": Path(c.source).name if Path(c.source).is_absolute()
                             else c.source} for c in found},
        "skipped": skipped,
        "missing_peers": loaded.missing,
        "results": suite.as_dicts(results),
        "ratios": suite.ratios(results, found, {name: func for name, _, func in suite.candidates(loaded)}),
        "growth": shapes.growth(
            {**{f"preset: {name}": arnorm.Pipeline.from_preset(name) for name in arnorm.PRESETS},
             **arnorm.NORMALIZERS},
            [0.05, 0.1, 0.2, 0.4] if args.quick else [1.0, 2.0, 4.0, 8.0]),
    }
    for path in report.write(data, args.out, plots=not args.no_plots):
        log(f"wrote {path}")
    if not args.no_rows:
        rows.main(["--out", str(args.out)] + (["--quick"] if args.quick else []))
    if args.distributed:
        argv = ["--out", str(args.out)] + (["--quick"] if args.quick else [])
        distributed.main(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
