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

from collections.abc import Iterable
from typing import Any

from sklearn.base import BaseEstimator, TransformerMixin

from .pipeline import Pipeline, StepLike


class ArabicNormalizer(TransformerMixin, BaseEstimator):
    """Normalize each document of ``X`` with an arnorm preset or list of steps.

    Stateless: ``fit`` learns nothing, so it is safe inside cross-validation,
    ``clone`` and grid search (``preset`` and ``steps`` are its parameters).

    Args:
        preset: A preset name (default ``"standard"`` when ``steps`` is None).
        steps: Steps as :class:`arnorm.Pipeline` accepts them; overrides ``preset``.
    """

    def __init__(self, preset: str = "standard", steps: Iterable[StepLike] | None = None) -> None:
        self.preset = preset
        self.steps = steps

    def _pipeline(self) -> Pipeline:
        return Pipeline(self.steps) if self.steps is not None else Pipeline.from_preset(self.preset)

    def fit(self, X: Iterable[str], y: Any = None) -> ArabicNormalizer:
        self._pipeline()  # validate the parameters
        return self

    def transform(self, X: Iterable[str]) -> list[str]:
        pipe = self._pipeline()
        return [pipe(document) for document in X]

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = False
        return tags
