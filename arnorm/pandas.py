"""pandas integration: ``import arnorm.pandas`` adds the ``.arnorm`` accessor.

>>> import pandas as pd
>>> import arnorm.pandas
>>> pd.Series(["فى البيت", None, "أحمد"], dtype=object).arnorm.normalize(preset="search").tolist()
['في البيت', None, 'احمد']

Missing values (``None``, ``NaN``, ``pd.NA``) stay missing, and the dtype
(object, ``string``, Arrow-backed ``string[pyarrow]``) is kept.

Note:
    ``pyarrow.compute`` kernels can express pipelines made only of character
    maps, but measured here they were slower than arnorm itself: the lucene
    preset on 120,000 tweet-length rows took 0.35 s as regex kernels (0.39 s
    as literal ones) against 0.20 s for arnorm on each value. So every
    column runs arnorm. Requires the ``pandas`` extra.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

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
        values = [value if _missing(value) else pipe(value) for value in series]
        return pd.Series(values, index=series.index, name=series.name, dtype=series.dtype)


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and value != value
