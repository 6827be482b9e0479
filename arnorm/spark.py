"""Apache Spark integration: normalize a DataFrame column, in the JVM where possible.

>>> from pyspark.sql import SparkSession
>>> from arnorm.spark import normalize_column
>>> spark = SparkSession.builder.master("local[1]").getOrCreate()
>>> df = spark.createDataFrame([("أَحمد فى المدرسة",), (None,)], "text string")
>>> normalize_column(df, "text", preset="lucene").collect()
[Row(text='احمد في المدرسه'), Row(text=None)]

Two execution paths, chosen by :func:`normalize_column`:

* **pushdown** — a pipeline made only of character maps and deletions (the
  ``lucene`` preset, ``remove_tatweel``, ``normalize_alef_maksura``, …)
  becomes Spark's own column expressions: one ``translate`` for the
  one-to-one maps and deletions, plus a literal ``replace`` per character
  that expands (ligatures), run only on rows that contain one.
  It runs inside the JVM with no Python workers, so the executors need
  neither Python nor arnorm.
* **udf** — anything else (word-level steps such as ``restore_final_yaa``,
  whitespace rules, your own functions) runs arnorm itself in Python workers
  over Arrow batches (``DataFrame.mapInArrow``). The pipeline travels with
  the task as its list of step names (a few hundred bytes), not per row, and
  each worker compiles it once. The executors need arnorm installed.

Both paths return, row by row, exactly what the pipeline returns; nulls stay
null. Requires the ``spark`` extra (``pip install '.[spark]'`` in a clone).

Note:
    Python workers start ``PYSPARK_PYTHON`` (default ``python3`` on the
    PATH), not the interpreter that runs the driver. On a local master
    (``local``, ``local[N]``) the udf path checks, once, that this
    interpreter imports the same arnorm, and if it does not, runs the
    workers with the driver's own interpreter (``sys.executable``) instead
    of failing in a worker. On a cluster, set it before the session starts
    to an interpreter that has arnorm on every executor, e.g.
    ``os.environ["PYSPARK_PYTHON"] = sys.executable``.
"""

from __future__ import annotations

import functools
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from ._extras import require_extra
from ._rules import CharMap, fuse
from ._registry import require_choice
from .pipeline import Pipeline, PipelineLike, StepLike, resolve_pipeline

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import Column, DataFrame

Method = Literal["auto", "pushdown", "udf"]
METHODS = ("auto", "pushdown", "udf")


def character_map(pipeline: PipelineLike) -> Mapping[str, str] | None:
    """The one character map a pipeline amounts to, or None if it has more.

    None when a step depends on context (a rule or a user function), or when
    the fused map re-maps its own output (then the order of Spark's passes
    would matter). An empty pipeline is the empty map. ``pipeline`` is
    anything :meth:`arnorm.Pipeline.coerce` accepts.

    >>> character_map(Pipeline(["remove_tatweel"]))
    {'ـ': ''}
    >>> character_map("standard") is None
    True
    """
    fused = fuse(Pipeline.coerce(pipeline).primitives)
    if not fused:
        return {}
    if len(fused) != 1 or not isinstance(fused[0], CharMap):
        return None
    # Spark strings are UTF-8: a lone surrogate can never occur in a row.
    table = {key: value for key, value in fused[0].table.items() if not 0xD800 <= ord(key) <= 0xDFFF}
    if any(ch in table for value in table.values() for ch in value):
        return None
    return table


def can_push_down(pipeline: PipelineLike) -> bool:
    """Whether :func:`normalize_column` can run ``pipeline`` as Spark expressions.

    >>> can_push_down("lucene"), can_push_down(Pipeline.from_preset("search"))
    (True, False)
    """
    return character_map(pipeline) is not None


def column_expression(column: str | Column, pipeline: PipelineLike) -> Column:
    """A Spark column expression doing what a character-level pipeline does.

    Use it inside your own ``select``; nulls stay null. ``pipeline`` is
    anything :meth:`arnorm.Pipeline.coerce` accepts.

    >>> from pyspark.sql import SparkSession
    >>> spark = SparkSession.builder.master("local[1]").getOrCreate()
    >>> df = spark.createDataFrame([("ﻻ تنســى",)], "text string")
    >>> expression = column_expression("text", Pipeline(["fold_presentation_forms", "remove_tatweel"]))
    >>> df.select(expression.alias("text")).first().text
    'لا تنسى'

    Raises:
        ValueError: the pipeline has a step that is not a character map.
    """
    (F,) = require_extra("spark", "pyspark.sql.functions")
    pipeline = Pipeline.coerce(pipeline)
    table = character_map(pipeline)
    if table is None:
        raise ValueError(f"the pipeline cannot run as Spark expressions: {_why_not(pipeline)} "
                         "(normalize_column runs it as a Python UDF)")
    source = F.col(column) if isinstance(column, str) else column
    singles = {key: value for key, value in table.items() if len(value) <= 1}
    expanding = {key: value for key, value in table.items() if len(value) > 1}
    result = source
    if singles:
        mapped = [key for key, value in singles.items() if value]
        deleted = [key for key, value in singles.items() if not value]
        result = F.translate(result, "".join(mapped + deleted), "".join(singles[key] for key in mapped))
    if expanding:
        # One flat fold over (key, value) pairs, not one nested call per value:
        # fold_presentation_forms has 490 expanding keys, and an expression
        # nested that deep overflows the JVM's stack in the optimizer.
        pairs = F.array(*(F.struct(F.lit(key).alias("key"), F.lit(value).alias("value"))
                          for key, value in sorted(expanding.items())))
        expanded = F.aggregate(pairs, result, lambda text, pair: F.replace(text, pair["key"], pair["value"]))
        result = F.when(result.rlike(_java_class(expanding)), expanded).otherwise(result)
    return result


def normalize_column(
    df: DataFrame,
    column: str,
    *,
    preset: str | None = None,
    steps: Sequence[StepLike] | None = None,
    pipeline: PipelineLike | None = None,
    output_column: str | None = None,
    method: Method = "auto",
) -> DataFrame:
    """``df`` with one string column normalized; nulls stay null.

    Args:
        df: A Spark DataFrame.
        column: The top-level string column to normalize.
        preset: A preset name; give at most one of ``preset``, ``steps`` and
            ``pipeline`` (none: the ``standard`` preset).
        steps: A list of steps as :class:`arnorm.Pipeline` takes them.
        pipeline: Anything :meth:`arnorm.Pipeline.coerce` accepts: a
            pipeline, a preset name, steps, a ``Pipeline.to_dict()`` dict.
        output_column: Where to write the result: the same column (default,
            in place), a new column (appended), or another existing one.
        method: ``"auto"`` pushes character-level pipelines down to Spark
            expressions and runs the rest as a Python UDF over Arrow batches;
            ``"pushdown"`` or ``"udf"`` force one path (``"pushdown"`` raises
            for a pipeline that cannot be pushed down).

    Raises:
        TypeError: ``column`` is not a string column.
        ValueError: ``column`` is missing or ambiguous, or ``method`` is unknown
            or cannot run the pipeline.
    """
    F, types = require_extra("spark", "pyspark.sql.functions", "pyspark.sql.types")
    StringType = types.StringType
    require_choice(method, METHODS, "method")
    pipe = resolve_pipeline(preset, steps, pipeline)
    names = list(df.columns)
    for name, what in ((column, "column"), (output_column, "output_column")):
        if name is not None and not isinstance(name, str):
            raise TypeError(f"{what} must be a column name (str), got {type(name).__name__}")
    if names.count(column) != 1:
        problem = "is ambiguous (it names several columns)" if column in names else "does not exist"
        raise ValueError(f"column {column!r} {problem}; the columns are {names}")
    field = df.schema.fields[names.index(column)]
    if not isinstance(field.dataType, StringType):
        raise TypeError(f"column {column!r} is {field.dataType.simpleString()}, not a string: "
                        f"cast it first, e.g. df.withColumn({column!r}, df[{column!r}].cast('string'))")
    target = column if output_column is None else output_column
    if names.count(target) > 1:
        raise ValueError(f"output_column {target!r} is ambiguous (it names several columns)")
    if method == "pushdown" or (method == "auto" and can_push_down(pipe)):
        quoted = "`" + column.replace("`", "``") + "`"  # a literal name, even "a.b"
        return df.withColumn(target, column_expression(F.col(quoted), pipe))
    return _with_udf(df, pipe, names.index(column), target)


def _with_udf(df: DataFrame, pipeline: Pipeline, source: int, target: str) -> DataFrame:
    from pyspark.sql.types import StructField, StructType

    use_local_workers(df.sparkSession)
    fields = list(df.schema.fields)
    names = [field.name for field in fields]
    position = names.index(target) if target in names else len(fields)
    fields[position:position + 1] = [StructField(target, fields[source].dataType, fields[source].nullable)]
    # mapInArrow passes the columns to the UDF by name, and PySpark reads a
    # name such as "a.b" as a path: run it on positional names, then rename.
    plain = [f"_{index}" for index in range(len(fields))]
    schema = StructType([StructField(name, field.dataType, field.nullable)
                         for name, field in zip(plain, fields)])
    normalized = df.toDF(*plain[: len(names)]).mapInArrow(
        _batch_normalizer(pipeline, source, position, plain), schema)
    return normalized.toDF(*[field.name for field in fields])


def _batch_normalizer(pipeline: Pipeline, source: int, target: int,
                      names: list[str]) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The function ``mapInArrow`` runs on the executors (pickled once per task)."""

    def normalize_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import pyarrow as pa

        for batch in batches:
            values = batch.column(source)
            texts = values.to_pylist()
            normalized = pa.array(pipeline.batch_values(texts, [value is None for value in texts]),
                                  type=values.type)
            columns = batch.columns
            columns[target:target + 1] = [normalized]
            yield pa.RecordBatch.from_arrays(columns, names=names)

    return normalize_batches


def use_local_workers(session: Any) -> str | None:
    """Make a local session's Python workers run an interpreter that has arnorm.

    Workers start the interpreter ``PYSPARK_PYTHON`` names (``python3`` by
    default), which may lack arnorm, and a worker that cannot import it ends
    the job in a long JVM trace. On a local master the workers run on this
    machine, so when that interpreter does not import this very arnorm, the
    driver's (``sys.executable``) is used for the session's Python workers.
    Nothing changes on a cluster or when the interpreter is fine.

    Returns:
        The interpreter now used, when it was changed; otherwise None.
    """
    context = getattr(session, "sparkContext", None)
    executable = getattr(context, "pythonExec", None)
    if context is None or executable is None or executable == sys.executable:
        return None
    if not str(context.master).startswith("local") or _has_this_arnorm(executable):
        return None
    context.pythonExec = sys.executable
    return sys.executable


@functools.lru_cache(maxsize=None)
def _has_this_arnorm(executable: str) -> bool:
    from . import __version__

    check = "import arnorm, pyarrow; print(arnorm.__version__)"
    try:
        result = subprocess.run([executable, "-c", check], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0 and result.stdout.strip() == __version__


def _why_not(pipeline: Pipeline) -> str:
    context = [step.name for step in pipeline.steps
               if not all(isinstance(primitive, CharMap) for primitive in step.primitives)]
    if context:
        return f"step(s) {context} depend on context, they are not character maps"
    return "its character maps re-map their own output"


def _java_class(chars: Iterable[str]) -> str:
    r"""A Java regex character class of literal code points (``[\x{640}…]``)."""
    return "[" + "".join(f"\\x{{{ord(ch):X}}}" for ch in sorted(chars)) + "]"


