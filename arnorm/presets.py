"""The named pipelines, as data in the same form :meth:`Pipeline.to_dict` uses.

Steps run in the order listed. Whitespace comes last, so that a mark or a
tatweel removed between two spaces leaves no double space.

>>> PRESETS["minimal"]
('fold_presentation_forms', 'remove_invisibles', 'normalize_whitespace')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Union

StepSpec = Union[str, "tuple[str, Mapping[str, Any]]"]

MINIMAL: tuple[StepSpec, ...] = (
    "fold_presentation_forms",
    "remove_invisibles",
    "normalize_whitespace",
)

STANDARD: tuple[StepSpec, ...] = (
    "fold_presentation_forms",
    "remove_invisibles",
    "normalize_persian_letters",
    "remove_tatweel",
    "remove_diacritics",
    "restore_final_yaa",
    ("normalize_quotes", {"style": "ascii"}),
    "normalize_punctuation",
    "normalize_whitespace",
)
"""Correct, readable standard Arabic: the default of :func:`arnorm.normalize`."""

SEARCH: tuple[StepSpec, ...] = (
    "fold_presentation_forms",
    "remove_invisibles",
    "normalize_persian_letters",
    "remove_tatweel",
    "remove_diacritics",
    ("normalize_quotes", {"style": "ascii"}),
    "normalize_punctuation",
    "normalize_alef",
    "normalize_hamza",
    "normalize_alef_maksura",
    "normalize_teh_marbuta",
    ("normalize_digits", {"to": "latin"}),
    "reduce_repeats",
    "normalize_whitespace",
)
"""Lossy keys for indexing and matching. restore_final_yaa is pointless here:
every ى becomes ي anyway."""

LUCENE: tuple[StepSpec, ...] = ("normalize_lucene",)
"""Exactly Lucene's ArabicNormalizer, for parity with Elasticsearch/Solr indexes."""

PRESETS: Mapping[str, tuple[StepSpec, ...]] = MappingProxyType(
    {"minimal": MINIMAL, "standard": STANDARD, "search": SEARCH, "lucene": LUCENE}
)
