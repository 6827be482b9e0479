"""pandas integration: ``import arnorm.pandas`` adds the ``.arnorm`` accessor.

>>> import pandas as pd
>>> import arnorm.pandas
>>> pd.Series(["فى البيت", None, "أحمد"], dtype=object).arnorm.normalize(preset="search").tolist()
['في البيت', None, 'احمد']

Missing values (``None``, ``NaN``, ``pd.NA``) stay missing. On Arrow-backed
string columns a pipeline made only of character maps (the ``lucene`` preset,
``remove_tatweel`` …) runs as ``pyarrow.compute`` kernels, with the same
result; everything else runs arnorm on each value. Requires the ``pandas``
extra.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from ._primitives import CharMap
from .pipeline import Pipeline, StepLike


def resolve(preset: str | None = None, steps: Iterable[StepLike] | None = None,
            pipeline: Pipeline | None = None) -> Pipeline:
    """The pipeline named by exactly one of ``preset``, ``steps`` or ``pipeline``."""
    given = [value is not None for value in (preset, steps, pipeline)]
    if sum(given) > 1:
        raise ValueError("give one of preset, steps or pipeline")
    if pipeline is not None:
        return pipeline
    if steps is not None:
        return Pipeline(steps)
    return Pipeline.from_preset(preset or "standard")


def _arrow_kernels(pipeline: Pipeline) -> list[tuple[str, str]] | None:
    """RE2 (pattern, replacement) pairs for a pipeline of character maps only."""
    pairs: list[tuple[str, str]] = []
    for primitive in pipeline.primitives:
        if not isinstance(primitive, CharMap):
            return None
        by_value: dict[str, list[str]] = {}
        for key, value in primitive.table.items():
            by_value.setdefault(value, []).append(key)
        if len(by_value) > 32:
            return None
        for value, keys in sorted(by_value.items()):
            escaped = "".join("\\" + k if k in "\\]^-[" else k for k in sorted(keys))
            pairs.append(("[" + escaped + "]", value.replace("\\", "\\\\")))
    return pairs


def _is_arrow_string(series: pd.Series) -> bool:
    dtype = series.dtype
    if isinstance(dtype, pd.ArrowDtype):
        import pyarrow as pa

        return pa.types.is_string(dtype.pyarrow_dtype) or pa.types.is_large_string(dtype.pyarrow_dtype)
    return isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"


@pd.api.extensions.register_series_accessor("arnorm")
class ArnormAccessor:
    """``series.arnorm.normalize(...)``: normalize every string of a Series."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def normalize(self, preset: str | None = None, *, steps: Iterable[StepLike] | None = None,
                  pipeline: Pipeline | None = None) -> pd.Series:
        """A new Series with every string normalized; missing values kept.

        Raises:
            TypeError: a value is neither a string nor missing.
        """
        pipe = resolve(preset, steps, pipeline)
        series = self._series
        kernels = _arrow_kernels(pipe) if _is_arrow_string(series) else None
        if kernels is not None:
            import pyarrow as pa
            import pyarrow.compute as pc

            array: Any = pa.array(series, from_pandas=True)
            for pattern, replacement in kernels:
                array = pc.replace_substring_regex(array, pattern=pattern, replacement=replacement)
            return pd.Series(array.to_pandas(types_mapper={array.type: series.dtype}.get),
                             index=series.index, name=series.name, dtype=series.dtype)
        values = [value if _missing(value) else pipe(value) for value in series]
        return pd.Series(values, index=series.index, name=series.name, dtype=series.dtype)


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and value != value
