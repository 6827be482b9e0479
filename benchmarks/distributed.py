"""Spark and Dask throughput: ``python -m benchmarks.distributed [--rows N] [--quick]``.

The same rows (sentences of the sample article, or of arnorm's bundled
example text without it) go through:

* ``arnorm.spark.normalize_column`` on ``local[1]`` and ``local[2]``: the
  lucene preset pushed down to Spark expressions, the same preset forced
  through the Python UDF, and the standard preset (UDF); each written to
  Spark's ``noop`` sink so that every row is computed;
* ``arnorm.dask.normalize_series`` on Dask's synchronous, threaded (2) and
  process (2) schedulers;
* ``Pipeline.map`` in this one process, the reference.

Rows per second and MB/s (UTF-8 input bytes) are the best of ``--repeat``
runs, after one warm-up run that starts the workers. Results go to
``docs/benchmarks/distributed.{json,md}``. Also run by
``python -m benchmarks --distributed``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
import warnings
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import arnorm

from .corpora import SAMPLE

# arnorm.spark moves batches with Arrow, not pandas: this notice does not apply.
warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)

DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks"
CASES = (("lucene", "auto"), ("lucene", "udf"), ("standard", "auto"))


def sentences() -> tuple[list[str], str]:
    """Tweet-length rows: the sample article split at sentence ends."""
    if SAMPLE.is_file():
        text, source = SAMPLE.read_text(encoding="utf-8"), SAMPLE.name
    else:
        text, source = resources.files("arnorm").joinpath("data/example.txt").read_text(encoding="utf-8"), \
            "arnorm/data/example.txt"
    return [s for s in re.split(r"(?<=[.،؟!:])\s+|\n+", text) if s.strip()], source


def _best(run: Callable[[], object], repeat: int) -> float:
    run()  # warm-up: workers start, pipelines compile
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def measure(rows: int, repeat: int, log: Callable[[str], None]) -> dict[str, Any]:
    base, source = sentences()
    texts = [base[i % len(base)] for i in range(rows)]
    megabytes = sum(len(text.encode()) for text in texts) / 1e6
    results: list[dict[str, Any]] = []

    def record(engine: str, workers: int, preset: str, path: str, seconds: float) -> None:
        results.append({"engine": engine, "workers": workers, "preset": preset, "path": path,
                        "seconds": round(seconds, 3), "rows_per_s": round(rows / seconds),
                        "mb_per_s": round(megabytes / seconds, 1)})
        log(f"{engine:8s} {workers} {preset:9s} {path:14s} {seconds:7.2f} s {megabytes / seconds:7.1f} MB/s")

    for preset in ("lucene", "standard"):
        pipe = arnorm.Pipeline.from_preset(preset)
        record("process", 1, preset, "map", _best(lambda pipe=pipe: list(pipe.map(texts)), repeat))
    missing: dict[str, str] = {}
    try:
        _spark(texts, repeat, record)
    except ImportError as error:
        missing["spark"] = str(error)
        log(f"skipping Spark: {error}")
    try:
        _dask(texts, repeat, record)
    except ImportError as error:
        missing["dask"] = str(error)
        log(f"skipping Dask: {error}")
    return {"rows": rows, "megabytes": round(megabytes, 2), "source": source, "repeat": repeat,
            "environment": _environment(), "missing": missing, "results": results}


def _spark(texts: list[str], repeat: int, record: Callable[..., None]) -> None:
    from pyspark.sql import SparkSession

    from arnorm.spark import normalize_column

    os.environ["PYSPARK_PYTHON"] = sys.executable
    for workers in (1, 2):
        spark = (SparkSession.builder.master(f"local[{workers}]").appName("arnorm-bench")
                 .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                 .config("spark.driver.memory", "4g").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        frame = spark.createDataFrame([(text,) for text in texts], "text string")
        frame = frame.repartition(workers * 2).cache()
        frame.count()
        for preset, method in CASES:
            out = normalize_column(frame, "text", preset=preset, method=method)  # type: ignore[arg-type]
            path = "pushdown" if method == "auto" and preset == "lucene" else "mapInArrow"
            record("spark", workers, preset, path, _best(_noop_writer(out), repeat))
        if workers == 2:
            for preset in ("lucene", "standard"):
                for path, out in _udf_candidates(frame, arnorm.Pipeline.from_preset(preset)).items():
                    record("spark", workers, preset, path, _best(_noop_writer(out), repeat))
        frame.unpersist()
        spark.stop()


def _noop_writer(frame: Any) -> Callable[[], None]:
    return lambda: frame.write.format("noop").mode("overwrite").save()


def _udf_candidates(frame: Any, pipe: arnorm.Pipeline) -> dict[str, Any]:
    """The other ways to run Python per row, beside arnorm.spark's mapInArrow."""
    import pandas as pd
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType

    normalize = lambda text: None if text is None else pipe(text)  # no hints: Spark would read them

    def normalize_batch(texts: pd.Series) -> pd.Series:
        return texts.map(normalize)

    normalize_batch.__annotations__ = {"texts": pd.Series, "return": pd.Series}  # real types, for Spark

    pandas_normalize = F.pandas_udf(normalize_batch, StringType())  # type: ignore[call-overload]

    return {
        "udf (plain)": frame.withColumn("text", F.udf(normalize, StringType())("text")),
        "udf (Arrow)": frame.withColumn("text", F.udf(normalize, StringType(), useArrow=True)("text")),
        "pandas_udf": frame.withColumn("text", pandas_normalize("text")),
    }


def _dask(texts: list[str], repeat: int, record: Callable[..., None]) -> None:
    import dask
    import dask.dataframe as dd
    import pandas as pd

    from arnorm.dask import normalize_series

    series = dd.from_pandas(pd.Series(texts, dtype="string[pyarrow]"), npartitions=4).persist()
    # One thread; two threads (the GIL lets one run at a time); two processes
    # (rows are pickled to the workers and back).
    for scheduler, workers in (("synchronous", 1), ("threads", 2), ("processes", 2)):
        with dask.config.set(scheduler=scheduler, num_workers=workers):
            for preset in ("lucene", "standard"):
                normalized = normalize_series(series, preset)
                record("dask", workers, preset, scheduler, _best(normalized.compute, repeat))


def _environment() -> dict[str, str]:
    versions = {"python": platform.python_version(), "arnorm": arnorm.__version__,
                "machine": f"{platform.machine()}, {os.cpu_count()} CPUs"}
    for module in ("pyspark", "dask", "pandas", "pyarrow"):
        try:
            versions[module] = __import__(module).__version__
        except ImportError:
            pass
    return versions


def markdown(data: dict[str, Any]) -> str:
    reference = {r["preset"]: r["seconds"] for r in data["results"] if r["engine"] == "process"}
    lines = [
        "# Spark and Dask",
        "",
        f"{data['rows']:,} rows ({data['megabytes']} MB of UTF-8, sentences of {data['source']}), "
        f"best of {data['repeat']} runs after a warm-up. Generated by `python -m benchmarks.distributed`; "
        "environment: " + ", ".join(f"{k} {v}" for k, v in data["environment"].items()) + ".",
        "",
        "| engine | workers | preset | path | seconds | rows/s | MB/s | vs one process |",
        "|---|---:|---|---|---:|---:|---:|---:|",
    ]
    for r in data["results"]:
        speedup = reference[r["preset"]] / r["seconds"]
        lines.append(f"| {r['engine']} | {r['workers']} | {r['preset']} | {r['path']} | {r['seconds']:.2f} "
                     f"| {r['rows_per_s']:,} | {r['mb_per_s']} | {speedup:.2f}× |")
    for name, why in data["missing"].items():
        lines.append(f"\n{name} was not measured: {why}")
    return "\n".join(lines) + "\n"


def write(data: dict[str, Any], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "distributed.json", out / "distributed.md"]
    paths[0].write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    paths[1].write_text(markdown(data), encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.distributed", description=__doc__)
    parser.add_argument("--rows", type=int, help="rows to normalize (default 500000, quick 2000)")
    parser.add_argument("--repeat", type=int, help="timed runs, best kept (default 3, quick 1)")
    parser.add_argument("--quick", action="store_true", help="few rows, one run: proves it works")
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    rows = args.rows or (2_000 if args.quick else 500_000)
    repeat = args.repeat or (1 if args.quick else 3)
    data = measure(rows, repeat, lambda message: print(message, file=sys.stderr, flush=True))
    for path in write(data, args.out):
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
