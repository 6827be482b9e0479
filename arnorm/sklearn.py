"""scikit-learn integration: a stateless transformer for text pipelines.

>>> from sklearn.pipeline import make_pipeline
>>> from sklearn.feature_extraction.text import CountVectorizer
>>> from arnorm.sklearn import ArabicNormalizer
>>> model = make_pipeline(ArabicNormalizer(preset="search"), CountVectorizer())
>>> sorted(model.fit(["أحمد فى المدرسة", "احمد في المدرسه"]).named_steps["countvectorizer"].vocabulary_)
['احمد', 'المدرسه', 'في']

Requires the ``sklearn`` extra.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sklearn.base import BaseEstimator, TransformerMixin

from .pipeline import Pipeline, PipelineLike, StepLike


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
            ``Pipeline.to_dict()`` dict; overrides ``preset``.
    """

    def __init__(self, preset: str = "standard",
                 steps: Sequence[StepLike] | Mapping[str, Any] | None = None) -> None:
        self.preset = preset
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
        self._pipeline()  # validate the parameters
        return self

    def transform(self, X: Iterable[str]) -> list[str]:
        return self._pipeline().batch(list(X))

    def __getstate__(self) -> dict[str, Any]:
        return {key: value for key, value in super().__getstate__().items() if key != "_built"}

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = False
        return tags
