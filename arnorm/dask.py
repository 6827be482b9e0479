"""Dask integration: normalize a ``dask.dataframe`` column partition by partition.

>>> import pandas as pd
>>> import dask.dataframe as dd
>>> from arnorm.dask import normalize_series
>>> frame = pd.DataFrame({"text": ["أحمد فى المدرسة", None, "مُستشفى"]}, dtype=object)
>>> texts = dd.from_pandas(frame, npartitions=2)["text"]
>>> normalize_series(texts, "search").compute().tolist()
['احمد في المدرسه', <NA>, 'مستشفي']

Each partition is a pandas Series that :func:`arnorm.pandas.normalize_series`
normalizes: missing values stay missing and the dtype is kept (Dask itself
stores object columns of strings as ``string[pyarrow]``, whose missing value
is ``pd.NA``). A ``category`` Series has each partition's categories
normalized, as pandas does (categories that become equal merge; the result's
categories are unknown until computed). The pipeline is pickled into the
task graph once, as its list of step names. Requires the ``dask`` extra
(``pip install '.[dask]'`` in a clone).
"""

from __future__ import annotations

from collections.abc import Sequence

from ._extras import missing_extra

try:
    import dask.dataframe as dd
    import pandas as pd
except ModuleNotFoundError as error:  # pragma: no cover - tested in a subprocess
    raise missing_extra("dask", error) from error

from . import pandas as arnorm_pandas  # noqa: E402
from .pipeline import PipelineLike, StepLike, resolve_pipeline  # noqa: E402


def normalize_series(series: dd.Series, preset: str | None = None, *,
                     steps: Sequence[StepLike] | None = None,
                     pipeline: PipelineLike | None = None) -> dd.Series:
    """A lazy Dask Series with every string of ``series`` normalized.

    Args:
        series: A ``dask.dataframe`` Series of strings (object or string dtype).
        preset: A preset name; give at most one of ``preset``, ``steps`` and
            ``pipeline`` (none: the ``standard`` preset).
        steps: A list of steps as :class:`arnorm.Pipeline` takes them.
        pipeline: Anything :meth:`arnorm.Pipeline.coerce` accepts: a
            pipeline, a preset name, steps, a ``Pipeline.to_dict()`` dict.

    Raises:
        TypeError: ``series`` is not a Dask Series, or its dtype cannot hold
            strings (numbers, dates …; ``category`` is normalized).
    """
    if not isinstance(series, dd.Series):
        raise TypeError(f"series must be a dask.dataframe Series, got {type(series).__name__}")
    dtype = series.dtype
    categorical = isinstance(dtype, pd.CategoricalDtype)
    if not (categorical or pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype)):
        raise TypeError(f"series {series.name!r} has dtype {dtype}, not strings: "
                        "convert it first, e.g. series.astype('string')")
    pipe = resolve_pipeline(preset, steps, pipeline)
    meta = series._meta
    if categorical:  # each partition's categories are normalized: unknown until computed
        from dask.dataframe.utils import clear_known_categories

        meta = clear_known_categories(meta)
    return series.map_partitions(arnorm_pandas.normalize_series, pipeline=pipe, meta=meta)
