"""arnorm.spark on a real local[2] Spark session: both paths equal arnorm, row by row."""

from __future__ import annotations

import importlib.util
import json
import os
import random
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

import arnorm
from arnorm import NORMALIZERS, PRESETS, Pipeline
from arnorm.spark import (
    can_push_down,
    character_map,
    column_expression,
    normalize_column,
)

from .strategies import INTERESTING

# Every pipeline that is only character maps, with the options worth covering.
CHARACTER_LEVEL = [
    Pipeline([name]) for name in NORMALIZERS if can_push_down(Pipeline([name]))
] + [
    Pipeline([{"name": "normalize_digits", "options": {"to": "arabic"}}]),
    Pipeline(["fold_presentation_forms", "remove_invisibles", "remove_tatweel",
              "normalize_hamza", "normalize_alef_maksura", "normalize_teh_marbuta"]),
]


@pytest.fixture(scope="module")
def spark():
    # Python workers must run this interpreter (it has arnorm), and that is read
    # when the context starts: stop one a doctest may have started without it.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    active = SparkSession.getActiveSession()
    if active is not None:
        active.stop()
    session = (SparkSession.builder.master("local[2]").appName("arnorm-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "97")  # several batches
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _rows() -> list[str | None]:
    """Real text, every character a map touches inside a word, random mixtures, nulls."""
    example = resources.files("arnorm").joinpath("data/example.txt").read_text(encoding="utf-8")
    keys = sorted({key for pipe in CHARACTER_LEVEL for key in character_map(pipe)})
    alphabet = [ch for ch in INTERESTING if not 0xD800 <= ord(ch[0]) <= 0xDFFF]
    generator = random.Random(20261125)
    mixtures = ["".join(generator.choices(alphabet, k=generator.randrange(60))) for _ in range(1500)]
    return [*example.splitlines(), *(f"ب{key}ب {key}" for key in keys), *mixtures, None, ""]


@pytest.fixture(scope="module")
def texts(spark):
    rows = _rows()
    return rows, spark.createDataFrame([(i, text) for i, text in enumerate(rows)], "id long, text string")


def _column(df, name: str) -> list[str | None]:
    return [row[name] for row in df.orderBy("id").select(name).collect()]


def _expected(pipe: Pipeline, rows: list[str | None]) -> list[str | None]:
    return [None if text is None else pipe(text) for text in rows]


def test_the_character_level_pipelines_are_the_maps() -> None:
    names = {pipe.steps[0].name for pipe in CHARACTER_LEVEL if len(pipe) == 1}
    assert {"normalize_lucene", "remove_tatweel", "fold_presentation_forms", "normalize_hamza",
            "remove_invisibles", "normalize_quotes", "normalize_digits"} <= names
    assert not can_push_down(Pipeline(["restore_final_yaa"]))
    assert not can_push_down(Pipeline([{"name": "normalize_quotes", "options": {"style": "guillemets"}}]))  # pairs quotes
    assert not can_push_down(Pipeline([str.upper]))
    assert [name for name in PRESETS if can_push_down(Pipeline.from_preset(name))] == ["lucene"]


def test_pushdown_equals_arnorm_row_by_row(texts) -> None:
    rows, df = texts
    columns = [column_expression("text", pipe).alias(f"p{i}") for i, pipe in enumerate(CHARACTER_LEVEL)]
    result = df.select("id", *columns).orderBy("id").collect()
    for i, pipe in enumerate(CHARACTER_LEVEL):
        assert [row[f"p{i}"] for row in result] == _expected(pipe, rows), pipe


@pytest.mark.parametrize("method", ["auto", "udf"])
def test_every_preset_equals_arnorm_row_by_row(texts, method: str) -> None:
    rows, df = texts
    for name in PRESETS:
        df = normalize_column(df, "text", preset=name, output_column=name, method=method)
    result = df.orderBy("id").collect()
    for name in PRESETS:
        assert [row[name] for row in result] == _expected(Pipeline.from_preset(name), rows), name
    assert [row["text"] for row in result] == rows


def _plan(df) -> str:
    return df._jdf.queryExecution().executedPlan().toString()


def test_auto_pushes_character_pipelines_down_and_runs_the_rest_in_python(texts) -> None:
    _, df = texts
    lucene = normalize_column(df, "text", preset="lucene")
    standard = normalize_column(df, "text", preset="standard")
    assert "translate" in _plan(lucene) and "Arrow" not in _plan(lucene)
    assert "MapInArrow" in _plan(standard)
    assert "MapInArrow" in _plan(normalize_column(df, "text", preset="lucene", method="udf"))


def test_default_is_the_standard_preset_and_nulls_stay_null(spark) -> None:
    df = spark.createDataFrame([(1, "قال الأمريكى “نعم”"), (2, None)], "id int, text string")
    assert _column(normalize_column(df, "text"), "text") == [arnorm.normalize("قال الأمريكى “نعم”"), None]
    assert _column(normalize_column(df, "text", preset="lucene"), "text") == ["قال الامريكي “نعم”", None]


def test_user_functions_and_options_run_in_the_udf(spark) -> None:
    df = spark.createDataFrame([(1, "أحمد ٣")], "id int, text string")
    pipe = Pipeline([{"name": "normalize_digits", "options": {"to": "latin"}}, lambda text: text + "!"])
    assert _column(normalize_column(df, "text", pipeline=pipe), "text") == ["أحمد 3!"]
    steps = ["normalize_alef", {"name": "normalize_digits", "options": {"to": "latin"}}]
    assert _column(normalize_column(df, "text", steps=steps), "text") == ["احمد 3"]


def test_output_column_new_existing_and_in_place(spark) -> None:
    df = spark.createDataFrame([(1, "مدرسة", "x")], "id int, text string, other string")
    for method in ("auto", "udf"):
        new = normalize_column(df, "text", preset="search", output_column="key", method=method)
        assert new.columns == ["id", "text", "other", "key"]
        assert new.first().asDict() == {"id": 1, "text": "مدرسة", "other": "x", "key": "مدرسه"}
        over = normalize_column(df, "text", preset="search", output_column="other", method=method)
        assert over.columns == ["id", "text", "other"] and over.first().other == "مدرسه"
        assert normalize_column(df, "text", preset="search", method=method).first().text == "مدرسه"


@pytest.mark.parametrize("name", ["a.b", "with space", "back`tick"])
def test_column_names_are_taken_literally(spark, name: str) -> None:
    df = spark.createDataFrame([("أحمد",)], "x string").withColumnRenamed("x", name)
    for method in ("auto", "udf"):
        out = normalize_column(df, name, preset="lucene", method=method)
        assert out.columns == [name] and out.first()[0] == "احمد"


def test_the_schema_is_kept(spark) -> None:
    df = spark.createDataFrame([(1, "أ")], "id int not null, text string not null")
    for method in ("auto", "udf"):
        out = normalize_column(df, "text", preset="lucene", method=method)
        assert out.schema == df.schema and out.first().text == "ا"


def test_bad_columns_and_options_are_clear_errors(spark) -> None:
    df = spark.createDataFrame([(1, "x", "y")], "id int, text string, text2 string").withColumn(
        "dup", F.lit("z"))
    with pytest.raises(TypeError, match="'id' is int, not a string"):
        normalize_column(df, "id")
    with pytest.raises(ValueError, match="'missing' does not exist; the columns are"):
        normalize_column(df, "missing")
    with pytest.raises(TypeError, match="column name"):
        normalize_column(df, ["text"])
    with pytest.raises(ValueError, match="method"):
        normalize_column(df, "text", method="jvm")
    with pytest.raises(ValueError, match=r"\['restore_final_yaa'\] depend on context"):
        normalize_column(df, "text", steps=["remove_tatweel", "restore_final_yaa"], method="pushdown")
    with pytest.raises(ValueError, match="give one of"):
        normalize_column(df, "text", preset="lucene", steps=["remove_tatweel"])
    with pytest.raises(ValueError, match="preset"):
        normalize_column(df, "text", preset="bogus")
    joined = df.select("text").crossJoin(df.select("text"))
    with pytest.raises(ValueError, match="ambiguous"):
        normalize_column(joined, "text")


def test_java_character_class_takes_any_character_literally(spark) -> None:
    from arnorm.spark import _java_class

    awkward = ["]", "\\", "^", "-", "&", "[", "$", "\U0001ee00"]
    rows = [(i, f"ab{ch}cd") for i, ch in enumerate(awkward)] + [(99, "abcd&&x")]
    df = spark.createDataFrame(rows, "id int, text string")
    pattern = _java_class(awkward)
    matched = [row.m for row in df.orderBy("id").select(F.regexp_replace("text", pattern, "").alias("m")).collect()]
    assert matched == ["abcd"] * len(awkward) + ["abcdx"]


def test_expansions_are_one_flat_expression(spark) -> None:
    """490 ligatures expand: nested one call each, Spark's optimizer overflowed its stack."""
    pipe = Pipeline(["fold_presentation_forms"])
    assert sum(len(value) > 1 for value in character_map(pipe).values()) > 400
    df = spark.createDataFrame([(1, "ﷺ ﻻ ﷲ")], "id int, text string")
    columns = [column_expression("text", pipe).alias(f"c{i}") for i in range(8)]
    assert set(df.select(*columns).first()) == {pipe("ﷺ ﻻ ﷲ")}


# --- the example job (examples/spark_normalize.py) ---------------------------------

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "spark_normalize.py"
LINES = ["قال الرئيس الأمريكى “نعم”", "ذهب إلى المستشفى", "ﻻ إله إلا الله"]


def _example_module():
    spec = importlib.util.spec_from_file_location("spark_normalize", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _parquet_column(folder: Path, column: str) -> list[str | None]:
    import pyarrow.parquet as pq

    table = pq.read_table(folder)
    return table.column(column).to_pylist()


def test_example_job_reads_a_pipeline_as_the_command_does(tmp_path: Path) -> None:
    example = _example_module()
    steps = "normalize_alef,normalize_digits:to=arabic"
    config = tmp_path / "pipe.json"
    config.write_text(json.dumps(arnorm.PRESETS["lucene"]), encoding="utf-8")
    by_steps = example.pipeline_from(example.parse(["in", "out", "--steps", steps]))
    assert by_steps == Pipeline(["normalize_alef", {"name": "normalize_digits", "options": {"to": "arabic"}}])
    assert by_steps("أحمد 3") == "احمد ٣"
    assert example.pipeline_from(example.parse(["in", "out", "--config", str(config)])) == Pipeline.from_preset("lucene")
    assert example.pipeline_from(example.parse(["in", "out"])) == Pipeline.from_preset("standard")


@pytest.mark.parametrize("fmt", ["text", "jsonl", "parquet"])
def test_example_job_reads_each_format(spark, tmp_path: Path, fmt: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = tmp_path / "in"
    source.mkdir()
    if fmt == "text":
        (source / "part.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    elif fmt == "jsonl":
        records = [{"id": i, "body": line} for i, line in enumerate(LINES)] + [{"id": 9, "body": None}]
        (source / "part.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records),
                                           encoding="utf-8")
    else:
        pq.write_table(pa.table({"body": LINES}), source / "part.parquet")
    column = "text" if fmt == "text" else "body"
    example = _example_module()
    args = example.parse([str(source), str(tmp_path / "out"), "--column", column, "--output-column", "norm"])
    example.run(spark, args)
    originals = _parquet_column(tmp_path / "out", column)
    assert sorted(filter(None, originals)) == sorted(LINES)
    expected = [None if text is None else arnorm.normalize(text) for text in originals]
    assert _parquet_column(tmp_path / "out", "norm") == expected


def test_example_job_runs_with_spark_submit(tmp_path: Path) -> None:
    submit = Path(sys.executable).parent / "spark-submit"
    if not submit.exists():
        pytest.skip("spark-submit is not installed beside this interpreter")
    source = tmp_path / "corpus.jsonl"
    source.write_text("\n".join(json.dumps({"text": line}, ensure_ascii=False) for line in LINES),
                      encoding="utf-8")
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}
    result = subprocess.run([str(submit), "--master", "local[1]", "--conf", "spark.ui.enabled=false",
                             str(EXAMPLE), str(source), str(tmp_path / "out"), "--preset", "search"],
                            capture_output=True, text=True, env=env, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert sorted(_parquet_column(tmp_path / "out", "text")) == sorted(
        arnorm.normalize(line, preset="search") for line in LINES)
    again = subprocess.run([str(submit), "--master", "local[1]", str(EXAMPLE), str(source),
                            str(tmp_path / "out")], capture_output=True, text=True, env=env, timeout=300, check=False)
    # spark-submit passes the script's stderr to stdout
    assert again.returncode != 0 and "already exists: choose --mode" in again.stdout + again.stderr


def test_example_job_needs_a_format_it_can_tell(tmp_path: Path) -> None:
    example = _example_module()
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit, match="give --format"):
        example.detect_format(str(tmp_path))
    assert example.detect_format("s3a://bucket/corpus/part-0.parquet") == "parquet"


def test_a_local_session_without_pyspark_python_runs_the_udf(tmp_path: Path) -> None:
    """Without PYSPARK_PYTHON the workers would start ``python3`` from the
    PATH, which lacks arnorm here: a local session uses the driver's own
    interpreter instead, and the standard preset runs."""
    script = tmp_path / "job.py"
    script.write_text(
        "from pyspark.sql import SparkSession\n"
        "from arnorm.spark import normalize_column\n"
        "spark = SparkSession.builder.master('local[1]').config('spark.ui.enabled', 'false').getOrCreate()\n"
        "spark.sparkContext.setLogLevel('ERROR')\n"
        # from SQL, not from Python objects (which would start python3 itself)
        "df = spark.sql(\"SELECT 'فى البيت' AS text UNION ALL SELECT CAST(NULL AS STRING)\")\n"
        "print([row.text for row in normalize_column(df, 'text').collect()])\n"
        "spark.stop()\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    env["PATH"] = f"{tmp_path}:{env.get('PATH', '')}"
    (tmp_path / "python3").write_text("#!/bin/sh\necho 'python3 without arnorm' >&2\nexit 1\n", encoding="utf-8")
    (tmp_path / "python3").chmod(0o755)
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "['في البيت', None]"
