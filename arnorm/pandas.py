"""pandas integration: ``import arnorm.pandas`` adds the ``.arnorm`` accessor.

>>> import pandas as pd
>>> import arnorm.pandas
>>> pd.Series(["فى البيت", None, "أحمد"], dtype=object).arnorm.normalize(preset="search").tolist()
['في البيت', None, 'احمد']

Missing values (``None``, ``NaN``, ``pd.NA``) stay missing, and the dtype
(object, ``string``, Arrow-backed ``string[pyarrow]``, ``category``) is kept.
A ``category`` Series has its categories normalized, once each; categories
that become equal merge into one, so no value is lost:

>>> pd.Series(["فى", "في", None], dtype="category").arnorm.normalize().cat.categories.tolist()
['في']

Note:
    Every column runs arnorm on each value, Arrow-backed ones too:
    ``pyarrow.compute`` kernels measured slower (docs/integrations.md).
    Requires the ``pandas`` extra (``pip install '.[pandas]'`` in a clone).
"""

from __future__ import annotations

from collections.abc import Sequence

from ._extras import missing_extra

try:
    import pandas as pd
except ModuleNotFoundError as error:  # pragma: no cover - tested in a subprocess
    raise missing_extra("pandas", error) from error

from .pipeline import Pipeline, PipelineLike, StepLike, resolve_pipeline  # noqa: E402


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
    if isinstance(series.dtype, pd.CategoricalDtype):
        return _normalize_categorical(series, pipe)
    normalized = pipe.batch_values(series.tolist(), series.isna().tolist())
    return pd.Series(normalized, index=series.index, name=series.name, dtype=series.dtype)


def _normalize_categorical(series: pd.Series, pipe: Pipeline) -> pd.Series:
    """Normalize each category once; categories that become equal merge."""
    old = series.cat.categories
    normalized = pipe.batch(old.tolist())
    merged = list(dict.fromkeys(normalized))
    position = {category: index for index, category in enumerate(merged)}
    recode = [position[category] for category in normalized] + [-1]  # code -1: missing
    codes = [recode[code] for code in series.cat.codes.tolist()]
    dtype = pd.CategoricalDtype(pd.Index(merged, dtype=old.dtype), ordered=series.cat.ordered)
    values = pd.Categorical.from_codes(codes, dtype=dtype)
    return pd.Series(values, index=series.index, name=series.name)
