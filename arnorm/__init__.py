"""arnorm: fast, correct, composable Arabic text normalization.

>>> import arnorm
>>> arnorm.normalize("قال الرئيس الأمريكى: “السَّلامُ مُمكِنٌ”")
'قال الرئيس الأمريكي: "السلام ممكن"'
"""

from __future__ import annotations

from ._offsets import input_span
from ._registry import NORMALIZERS
from ._unicode import UNICODE_VERSION
from .find import find, highlight
from .letters import (
    fold_presentation_forms,
    normalize_alef,
    normalize_alef_maksura,
    normalize_hamza,
    normalize_persian_letters,
    normalize_teh_marbuta,
)
from .lucene import normalize_lucene
from .marks import remove_diacritics, remove_tatweel
from .pipeline import Pipeline, Step, normalize
from .presets import PRESETS
from .quran import standardize_quranic_spelling
from .punctuation import normalize_digits, normalize_punctuation, normalize_quotes
from .spacing import normalize_whitespace, reduce_repeats, remove_invisibles
from .restore import restore_hamza, restore_teh_marbuta
from .yaa import restore_final_yaa

__version__ = "0.1.0"

__all__ = [
    "NORMALIZERS",
    "PRESETS",
    "UNICODE_VERSION",
    "Pipeline",
    "Step",
    "__version__",
    "find",
    "fold_presentation_forms",
    "highlight",
    "input_span",
    "normalize",
    "normalize_alef",
    "normalize_alef_maksura",
    "normalize_digits",
    "normalize_hamza",
    "normalize_lucene",
    "normalize_persian_letters",
    "normalize_punctuation",
    "normalize_quotes",
    "normalize_teh_marbuta",
    "normalize_whitespace",
    "reduce_repeats",
    "remove_diacritics",
    "remove_invisibles",
    "remove_tatweel",
    "restore_final_yaa",
    "restore_hamza",
    "restore_teh_marbuta",
    "standardize_quranic_spelling",
]
