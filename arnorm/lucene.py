"""Parity with Apache Lucene's ArabicNormalizer (Elasticsearch, Solr, OpenSearch)."""

from __future__ import annotations

import functools

from ._chars import (
    ALEF,
    ALEF_HAMZA_ABOVE,
    ALEF_HAMZA_BELOW,
    ALEF_MADDA,
    ALEF_MAKSURA,
    HEH,
    TASHKEEL,
    TATWEEL,
    TEH_MARBUTA,
    YEH,
)
from ._rules import CharMap, Primitive, run
from ._registry import declare, require_str


@functools.cache
def _lucene() -> tuple[Primitive, ...]:
    return (
        CharMap(
            {
                ALEF_MADDA: ALEF,
                ALEF_HAMZA_ABOVE: ALEF,
                ALEF_HAMZA_BELOW: ALEF,
                ALEF_MAKSURA: YEH,
                TEH_MARBUTA: HEH,
                TATWEEL: "",
                **dict.fromkeys(TASHKEEL, ""),
            }
        ),
    )


@declare(_lucene)
def normalize_lucene(text: str) -> str:
    """Do exactly what Lucene's ``ArabicNormalizer`` does, and nothing more.

    آ أ إ → ا, ى → ي, ة → ه, and tatweel and the eight harakat U+064B–U+0652
    removed. Alef wasla ٱ, ؤ, ئ and dagger alef U+0670 stay, as they do in
    Lucene, so keys match an Elasticsearch, Solr or OpenSearch index built
    with the ``arabic_normalization`` filter.

    Examples:
        >>> normalize_lucene("أَحْمَدُ فى المدرسة")
        'احمد في المدرسه'
    """
    return run(_lucene(), require_str(text))
