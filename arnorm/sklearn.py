"""scikit-learn integration: a stateless transformer for text pipelines.

>>> from sklearn.pipeline import make_pipeline
>>> from sklearn.feature_extraction.text import CountVectorizer
>>> from arnorm.sklearn import ArabicNormalizer
>>> model = make_pipeline(ArabicNormalizer(preset="search"), CountVectorizer())
>>> sorted(model.fit(["أحمد فى المدرسة", "احمد في المدرسه"]).named_steps["countvectorizer"].vocabulary_)
['احمد', 'المدرسه', 'في']

Requires the ``sklearn`` extra (``pip install '.[sklearn]'``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ._extras import require_extra

require_extra("sklearn", "sklearn")

from sklearn.base import BaseEstimator, TransformerMixin  # noqa: E402

from .pipeline import Pipeline, PipelineLike, StepLike  # noqa: E402


class ArabicNormalizer(TransformerMixin, BaseEstimator):
    """Normalize each document of ``X`` with an arnorm preset or list of steps.

    Stateless: ``fit`` learns nothing, so it is safe inside cross-validation,
    ``clone`` and grid search (``preset`` and ``steps`` are its parameters).
    The pipeline is built on the first ``fit`` or ``transform`` and kept until
    a parameter is replaced (``set_params`` or assignment); it is not pickled,
    only the parameters are.

    Args:
        preset: A preset name (default ``"standard"`` when ``steps`` is None).
        steps: A list of steps as :class:`arnorm.Pipeline` takes them, or a
            ``Pipeline.to_dict()`` dict; overrides ``preset``. Any other
            iterable (a generator) is read once, here, into a list.

    Examples:
        >>> ArabicNormalizer(preset="search").transform(["أحمد", "مدرسة"])
        ['احمد', 'مدرسه']
        >>> import numpy as np
        >>> ArabicNormalizer(preset="search").transform(np.array([["أحمد"], ["مدرسة"]], dtype=object))
        array([['احمد'],
               ['مدرسه']], dtype=object)
    """

    def __init__(self, preset: str = "standard",
                 steps: Sequence[StepLike] | Mapping[str, Any] | None = None) -> None:
        self.preset = preset
        if steps is not None and not isinstance(steps, (list, tuple, Mapping, str)) and isinstance(steps, Iterable):
            steps = list(steps)  # a generator would be used up by the first build
        self.steps = steps

    def _pipeline(self) -> Pipeline:
        """The pipeline of the current parameters: built on first use, rebuilt
        only when ``preset`` or ``steps`` is replaced by another object."""
        params = (self.preset, self.steps)
        built = self.__dict__.get("_built")
        if built is None or any(old is not new for old, new in zip(built[0], params)):
            described: PipelineLike = self.preset if self.steps is None else self.steps
            built = self._built = (params, Pipeline.coerce(described))
        return built[1]

    def fit(self, X: Iterable[str], y: Any = None) -> ArabicNormalizer:
        """Learn nothing; check the parameters and ``X``."""
        self._pipeline()  # validate the parameters
        _require_documents(X)
        return self

    def transform(self, X: Iterable[str]) -> Any:
        """Normalize every document.

        Args:
            X: An iterable of ``str`` (a list, a pandas Series, a 1-D array),
                or one column of them in 2-D (a one-column DataFrame or
                array, a list of one-element rows).

        Returns:
            A list of ``str`` for 1-D input; 2-D input keeps its shape and
                type (a DataFrame keeps its index and column name).

        Raises:
            TypeError: ``X`` is a single ``str`` (as sklearn's vectorizers
                refuse one), or holds something other than ``str``.
            ValueError: ``X`` is 2-D with more than one column.
        """
        _require_documents(X)
        pipeline = self._pipeline()
        shape = getattr(X, "shape", None)
        if shape is not None and len(shape) == 2:
            return _transform_2d(pipeline, X)
        rows = list(X)
        if rows and all(isinstance(row, (list, tuple)) for row in rows):
            _one_column(len(rows[0]) if len({len(row) for row in rows}) == 1 else -1)
            return [type(row)([text]) for row, text in zip(rows, pipeline.batch([row[0] for row in rows]))]
        return pipeline.batch(rows)

    def __getstate__(self) -> dict[str, Any]:
        return {key: value for key, value in super().__getstate__().items() if key != "_built"}

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = True
        tags.requires_fit = False
        return tags


def _require_documents(X: Any) -> None:
    if isinstance(X, (str, bytes)):
        raise TypeError(f"expected an iterable of documents (str), got a single {type(X).__name__}: "
                        "wrap it in a list, e.g. transform([text])")


def _one_column(columns: int) -> None:
    if columns != 1:
        raise ValueError("expected one column of texts, got "
                         f"{'rows of different lengths' if columns < 0 else f'{columns} columns'}; "
                         "select the text column, or use a ColumnTransformer for several")


def _transform_2d(pipeline: Pipeline, X: Any) -> Any:
    """A one-column DataFrame or array, normalized, the same shape and type."""
    _one_column(X.shape[1])
    if hasattr(X, "iloc"):  # a DataFrame: its index and column name kept
        from .pandas import normalize_series

        result = X.copy()
        result.iloc[:, 0] = normalize_series(X.iloc[:, 0], pipeline=pipeline)
        return result
    import numpy as np

    result = np.empty(X.shape, dtype=object)
    result[:, 0] = pipeline.batch([str(text) if isinstance(text, np.str_) else text for text in X[:, 0]])
    return result
