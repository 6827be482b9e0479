"""The Unicode character database arnorm uses.

Python's own :mod:`unicodedata` is pinned to the Unicode version of the
interpreter (14.0 in CPython 3.11) and misses Arabic marks added since, such as
ARABIC PEPET U+0897 or the Arabic Extended-C combining marks. arnorm therefore
reads ``unicodedata2``, which tracks the latest Unicode release, and falls back
to the standard library only where that wheel cannot be installed.
"""

from __future__ import annotations

try:
    import unicodedata2 as unicodedata
except ImportError:  # pragma: no cover - only on platforms without a wheel
    import unicodedata  # type: ignore[no-redef]

UNICODE_VERSION: str = unicodedata.unidata_version

category = unicodedata.category
normalize = unicodedata.normalize

__all__ = ["UNICODE_VERSION", "category", "normalize", "unicodedata"]
