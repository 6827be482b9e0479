"""The named pipelines, as data in the form :meth:`Pipeline.to_dict` writes.

Each preset names every step with every option, defaults included, so
``Pipeline.from_dict(PRESETS[name]) == Pipeline.from_preset(name)`` and a
preset keeps its behaviour when a default changes. Steps run in the order
listed. Whitespace comes last, so that a mark or a tatweel removed between
two spaces leaves no double space.

Each lookup returns a fresh copy: change it and save it as your own
configuration; the preset itself cannot change.

>>> PRESETS["minimal"]["steps"][0]
{'name': 'fold_presentation_forms', 'options': {}}
>>> [step["options"] for step in PRESETS["search"]["steps"] if step["options"]]
[{'keep_shadda': False}, {'style': 'ascii'}, {'to': 'latin'}, {'max_repeat': 2}]
>>> import json
>>> json.loads(json.dumps(PRESETS["lucene"]))
{'version': 1, 'steps': [{'name': 'normalize_lucene', 'options': {}}]}
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any

FORMAT_VERSION = 1
"""The ``"version"`` of the configuration form (:meth:`Pipeline.to_dict`)."""


def _step(name: str, **options: Any) -> dict[str, Any]:
    return {"name": name, "options": options}


def _pipeline(*steps: dict[str, Any]) -> dict[str, Any]:
    return {"version": FORMAT_VERSION, "steps": list(steps)}


_PRESETS: dict[str, dict[str, Any]] = {
    # Repair text without changing its spelling: glyph codes, invisibles, spaces.
    "minimal": _pipeline(
        _step("fold_presentation_forms"),
        _step("remove_invisibles"),
        _step("normalize_whitespace"),
    ),
    # Correct, readable standard Arabic: the default of arnorm.normalize.
    "standard": _pipeline(
        _step("fold_presentation_forms"),
        _step("remove_invisibles"),
        _step("normalize_persian_letters"),
        _step("remove_tatweel"),
        # Before the marks go (عَلِى → علي, أُلغِى → ألغي); a mark that would keep
        # ى is not trusted, as the marks go next (the preset stays idempotent).
        _step("restore_final_yaa", exceptions=None, keep_by_marks=False, habit="auto"),
        _step("remove_diacritics", keep_shadda=False),
        _step("normalize_quotes", style="ascii"),
        _step("normalize_punctuation"),
        _step("normalize_whitespace"),
    ),
    # Informal, chat and OCR'd text: standard, with ة and hamza on alef
    # restored first (restore_final_yaa reads them; both decide alike
    # whether or not a later step has restored a word's last letter).
    "informal": _pipeline(
        _step("fold_presentation_forms"),
        _step("remove_invisibles"),
        _step("normalize_persian_letters"),
        _step("remove_tatweel"),
        _step("restore_hamza", exceptions=None),
        _step("restore_teh_marbuta", exceptions=None),
        _step("restore_final_yaa", exceptions=None, keep_by_marks=False, habit="auto"),
        _step("remove_diacritics", keep_shadda=False),
        _step("normalize_quotes", style="ascii"),
        _step("normalize_punctuation"),
        _step("normalize_whitespace"),
    ),
    # Lossy keys for indexing and matching. restore_final_yaa is pointless
    # here: every ى becomes ي anyway.
    "search": _pipeline(
        _step("fold_presentation_forms"),
        _step("remove_invisibles"),
        _step("normalize_persian_letters"),
        _step("remove_tatweel"),
        _step("remove_diacritics", keep_shadda=False),
        _step("normalize_quotes", style="ascii"),
        _step("normalize_punctuation"),
        _step("normalize_alef"),
        _step("normalize_hamza"),
        _step("normalize_alef_maksura"),
        _step("normalize_teh_marbuta"),
        _step("normalize_digits", to="latin"),
        _step("reduce_repeats", max_repeat=2),
        _step("normalize_whitespace"),
    ),
    # Quranic (Uthmani) text in standard spelling without marks.
    "quran": _pipeline(
        _step("standardize_quranic_spelling"),
        _step("remove_tatweel"),
        _step("remove_diacritics", keep_shadda=False),
        _step("normalize_whitespace"),
    ),
    # Exactly Lucene's ArabicNormalizer, for parity with Elasticsearch/Solr indexes.
    "lucene": _pipeline(_step("normalize_lucene")),
}


class _Presets(Mapping[str, dict[str, Any]]):
    """A read-only mapping whose values are fresh copies of the presets."""

    def __getitem__(self, name: str) -> dict[str, Any]:
        return copy.deepcopy(_PRESETS[name])

    def __contains__(self, name: object) -> bool:  # no copy: normalize() asks on every call
        return name in _PRESETS

    def __iter__(self) -> Iterator[str]:
        return iter(_PRESETS)

    def __len__(self) -> int:
        return len(_PRESETS)

    def __repr__(self) -> str:
        return f"PRESETS({list(_PRESETS)})"


PRESETS: Mapping[str, dict[str, Any]] = _Presets()
"""Every preset by name, each exactly a :meth:`Pipeline.to_dict` value."""
