"""The word-final ة/ه lexicon learned from a word-frequency list, loaded lazily.

``arnorm/data/teh_marbuta_lexicon.tsv.gz`` (built by
``benchmarks/build_restore_lexicons.py`` from wordfreq's Arabic list, CC
BY-SA 4.0) gives, for about 90,000 word bases (the word without its final
letter), how often the word is written with final ة and with final ه. For
a word written with ه, the more frequent spelling is the standard one:
مدرسة beats مدرسه, منه beats منة.

The list counts informal writing too, where ة is often written ه, so its
spellings in ه are inflated by that habit: ه wins only when it is more
frequent than :data:`HEH_RATIO` times the spelling in ة (كتابه "his book" and
كتابة "writing" are both words). Words the list does not have are decided
by the longest ending seen in at least ``MIN_TYPES`` of its bases, of which
``MIN_SHARE`` go one way.

>>> decide("مدرس"), decide("من"), decide("الحكوم"), decide("وج")
(True, False, True, False)
"""

from __future__ import annotations

import gzip
from typing import NamedTuple

from ._hamza_lexicon import fold
from ._lexicon import Lazy, decide_by_ending, frequency, learned_endings, packaged

HEH_RATIO = 0.6
"""How many times more frequent than the spelling in ة a spelling in ه must
be to win: the list's informal sources write ة as ه."""
MIN_TYPES = 25
MIN_SHARE = 0.8


class Tables(NamedTuple):
    bases: dict[str, bool]
    """Base → written with ة; bases with hamza on alef folded are keyed with a leading NUL."""
    endings: dict[str, bool]


def parse(raw: bytes) -> Tables:
    """The tables of the gzipped TSV ``raw`` (base, centibels with ة, with ه)."""
    exact: dict[str, bool] = {}
    folded: dict[str, list[float]] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        base, teh, heh = line.split("\t")
        counts = (frequency(teh), frequency(heh))
        exact[base] = _is_teh(*counts)
        total = folded.setdefault("\0" + fold(base), [0.0, 0.0])
        total[0] += counts[0]
        total[1] += counts[1]
    bases = {**{key: _is_teh(*counts) for key, counts in folded.items()}, **exact}
    endings = learned_endings(exact.items(), min_types=MIN_TYPES, min_share=MIN_SHARE)
    return Tables(bases, endings)


def _is_teh(teh: float, heh: float) -> bool:
    """Whether ة wins once ``heh`` is relieved of the ة the habit wrote as ه."""
    return heh <= HEH_RATIO * teh


LEXICON = Lazy(packaged("teh_marbuta_lexicon.tsv.gz"), parse, cached_as=("teh-marbuta", Tables))


def decide(base: str) -> bool | None:
    """Whether ``base`` + final letter is written with ة (``None``: not in
    the list); looked up as written, then with hamza on alef folded."""
    bases = LEXICON.get().bases
    decision = bases.get(base)
    return bases.get("\0" + fold(base)) if decision is None else decision


def by_ending(base: str) -> bool | None:
    """The decision of the longest well-attested ending of ``base``, if any."""
    return decide_by_ending(LEXICON.get().endings, base)
