"""pandas integration: ``import arnorm.pandas`` adds the ``.arnorm`` accessor.

>>> import pandas as pd
>>> import arnorm.pandas
>>> pd.Series(["فى البيت", None, "أحمد"], dtype=object).arnorm.normalize(preset="search").tolist()
['في البيت', None, 'احمد']

Missing values (``None``, ``NaN``, ``pd.NA``) stay missing, and the dtype
(object, ``string``, Arrow-backed ``string[pyarrow]``) is kept.

Note:
    Every column runs arnorm on each value, Arrow-backed ones too:
    ``pyarrow.compute`` kernels measured slower (docs/integrations.md).
    Requires the ``pandas`` extra.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .pipeline import PipelineLike, StepLike, resolve_pipeline


@pd.api.extensions.register_series_accessor("arnorm")
class ArnormAccessor:
    """``series.arnorm.normalize(...)``: normalize every string of a Series."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def normalize(self, preset: str | None = None, *, steps: Sequence[StepLike] | None = None,
                  pipeline: PipelineLike | None = None) -> pd.Series:
        """A new Series with every string normalized; missing values kept.

        Give at most one of ``preset`` (a name), ``steps`` (a list of steps)
        and ``pipeline`` (anything :meth:`arnorm.Pipeline.coerce` accepts);
        none: the ``standard`` preset.

        Raises:
            TypeError: a value is neither a string nor missing.
        """
        return normalize_series(self._series, preset, steps=steps, pipeline=pipeline)


def normalize_series(series: pd.Series, preset: str | None = None, *,
                     steps: Sequence[StepLike] | None = None,
                     pipeline: PipelineLike | None = None) -> pd.Series:
    """``series.arnorm.normalize(...)`` as a function (what :mod:`arnorm.dask` maps).

    >>> normalize_series(pd.Series(["مدرسة", None], dtype=object), "search").tolist()
    ['مدرسه', None]
    """
    pipe = resolve_pipeline(preset, steps, pipeline)
    normalized = pipe.batch_values(series.tolist(), series.isna().tolist())
    return pd.Series(normalized, index=series.index, name=series.name, dtype=series.dtype)
