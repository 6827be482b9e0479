"""arnorm.dask: partition-wise normalization equal to arnorm, missing values kept."""

from __future__ import annotations

import dask.dataframe as dd
import pandas as pd
import pytest

import arnorm
from arnorm import PRESETS, Pipeline
from arnorm.dask import normalize_series

TEXTS = ["قال الأمريكى “نعم”", None, "مُستشفى الأطفال", "", "ﻻ إله إلا الله", "plain text", float("nan")]


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_equals_arnorm_value_by_value(preset: str, sample_article: str) -> None:
    lines = sample_article.splitlines()
    frame = dd.from_pandas(pd.DataFrame({"text": lines}, dtype=object), npartitions=3)
    result = normalize_series(frame["text"], preset).compute().tolist()
    assert result == [arnorm.normalize(line, preset=preset) for line in lines]


@pytest.mark.parametrize("dtype", [object, "string", "string[pyarrow]"])
def test_missing_values_stay_missing(dtype) -> None:
    texts = dd.from_pandas(pd.Series(TEXTS, dtype=dtype, name="text"), npartitions=2)
    result = normalize_series(texts, "search").compute()
    assert result.isna().tolist() == [not isinstance(value, str) for value in TEXTS]
    present = [arnorm.normalize(value, preset="search") for value in TEXTS if isinstance(value, str)]
    assert result.dropna().tolist() == present
    assert result.name == "text" and result.dtype == texts.dtype


def test_steps_and_pipeline() -> None:
    texts = dd.from_pandas(pd.Series(["أحمد ٣", "مدرسة"], dtype="string"), npartitions=2)
    steps = ["normalize_alef", {"name": "normalize_digits", "options": {"to": "latin"}}]
    assert normalize_series(texts, steps=steps).compute().tolist() == ["احمد 3", "مدرسة"]
    pipe = Pipeline(["normalize_teh_marbuta", str.upper])
    assert normalize_series(texts, pipeline=pipe).compute().tolist() == ["أحمد ٣", "مدرسه"]


def test_bad_input_is_a_clear_error() -> None:
    numbers = dd.from_pandas(pd.Series([1, 2, 3], name="n"), npartitions=1)
    with pytest.raises(TypeError, match="dtype int64, not strings"):
        normalize_series(numbers)
    with pytest.raises(TypeError, match="dask.dataframe Series"):
        normalize_series(pd.Series(["x"]))
    with pytest.raises(ValueError, match="give one of"):
        normalize_series(dd.from_pandas(pd.Series(["x"]), npartitions=1), "search", steps=[])
    import dask

    with dask.config.set({"dataframe.convert-string": False}):  # else Dask makes b"x" into "x"
        mixed = dd.from_pandas(pd.Series(["x", b"bytes"], dtype=object), npartitions=1)
    with pytest.raises(TypeError, match="expected str, got bytes"):
        normalize_series(mixed).compute()
