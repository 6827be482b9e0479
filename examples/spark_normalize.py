"""Normalize a text column of a corpus with Spark and write it as Parquet.

Local, on every core of this machine (pip install 'arnorm[spark]' first)::

    PYSPARK_PYTHON=$(which python) spark-submit --master 'local[*]' \\
        examples/spark_normalize.py corpus/ normalized/ --preset standard

The same file runs unchanged on a cluster (YARN, Kubernetes, Databricks):
give ``--master`` (or let the platform set it) and make arnorm importable on
the executors; docs/spark.md says how. Inputs are read by Spark, so any path
Spark reads works (``hdfs://``, ``s3a://``, ``abfss://``, a glob).

Formats: ``text`` (one row per line, the column is called ``text``),
``jsonl`` (JSON Lines; ``--column`` names the field) and ``parquet``. With
``--format auto`` (default) the format comes from the input's file suffix, or
from the files of a local input directory.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from pyspark.errors import AnalysisException
from pyspark.sql import DataFrame, SparkSession

from arnorm import PRESETS, Pipeline
from arnorm.cli import parse_steps
from arnorm.spark import METHODS, normalize_column

FORMATS = {".txt": "text", ".text": "text", ".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl",
           ".parquet": "parquet"}


def detect_format(path: str) -> str:
    """The input format from a file suffix, or from the files of a local directory."""
    suffix = Path(path).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    local = Path(path)
    if local.is_dir():
        found = {FORMATS[f.suffix.lower()] for f in local.rglob("*") if f.is_file() and f.suffix.lower() in FORMATS}
        if len(found) == 1:
            return found.pop()
        raise SystemExit(f"cannot tell the format of {path} (it holds {sorted(found) or 'no known files'}): "
                         "give --format text, jsonl or parquet")
    raise SystemExit(f"cannot tell the format of {path}: give --format text, jsonl or parquet")


def read(spark: SparkSession, path: str, fmt: str, column: str) -> DataFrame:
    if fmt == "text":
        return spark.read.text(path).withColumnRenamed("value", column)
    if fmt == "jsonl":
        return spark.read.json(path)
    return spark.read.parquet(path)


def pipeline_from(args: argparse.Namespace) -> Pipeline:
    """The pipeline of --config, --steps (the arnorm command's syntax) or --preset,
    each read into the Pipeline.to_dict() form."""
    if args.config:
        with open(args.config, encoding="utf-8") as file:
            data = json.load(file)
    elif args.steps:
        data = parse_steps(args.steps)
    else:
        data = PRESETS[args.preset]
    return Pipeline.from_dict(data)


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="file, directory or glob Spark can read")
    parser.add_argument("output", help="where to write the Parquet result")
    parser.add_argument("--format", choices=("auto", "text", "jsonl", "parquet"), default="auto")
    parser.add_argument("--column", default="text", help="the column to normalize (default: text)")
    parser.add_argument("--output-column", help="write the result here instead of in place")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--preset", choices=sorted(PRESETS), default="standard")
    what.add_argument("--steps", help="steps in order, options after colons, as for the arnorm command: "
                                      "remove_tatweel,normalize_digits:to=latin")
    what.add_argument("--config", help="a pipeline saved as JSON (Pipeline.to_dict)")
    parser.add_argument("--method", choices=METHODS, default="auto",
                        help="pushdown to Spark expressions or Python UDF (default: auto)")
    parser.add_argument("--mode", choices=("errorifexists", "overwrite", "append", "ignore"),
                        default="errorifexists", help="when the output exists (default: fail)")
    return parser.parse_args(argv)


def run(spark: SparkSession, args: argparse.Namespace) -> DataFrame:
    """Read, normalize and write; returns the normalized DataFrame."""
    fmt = detect_format(args.input) if args.format == "auto" else args.format
    frame = read(spark, args.input, fmt, args.column)
    normalized = normalize_column(frame, args.column, pipeline=pipeline_from(args),
                                  output_column=args.output_column, method=args.method)
    try:
        normalized.write.mode(args.mode).parquet(args.output)
    except AnalysisException as error:
        if "PATH_ALREADY_EXISTS" in str(error):
            raise SystemExit(f"{args.output} already exists: choose --mode overwrite or append") from None
        raise
    return normalized


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    spark = SparkSession.builder.appName("arnorm-normalize").getOrCreate()
    try:
        run(spark, args)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
