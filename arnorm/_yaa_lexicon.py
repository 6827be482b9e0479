"""The word-final ي/ى lexicon learned from a word-frequency list, loaded lazily.

``arnorm/data/yaa_lexicon.tsv.gz`` (built by ``benchmarks/build_yaa_lexicon.py``
from wordfreq's Arabic list, CC BY-SA 4.0) gives, for about 50,000 word bases
(the word without its final letter), how often the word
is written with final ي and with final ى. Standard spelling dominates every
large corpus, so for a word an Egyptian writer ends in ى the more frequent
spelling is the standard one: فى (0.5 %) loses to في (3 %), مستشفي to مستشفى.

For words not in the list, endings learned from the same list back off:
the longest ending (up to three letters before the final one) seen in at least
``MIN_TYPES`` words, whose words mostly go one way, decides.

The file is parsed on first use, once, under a lock (0.4-0.8 s; 17 MB kept), and
the tables are kept in the cache folder for the next process
(:class:`arnorm._lexicon.Lazy`: about 50 ms to load).

>>> decide("ف"), decide("عل"), decide("مستشف")
(True, False, False)
>>> decide_clearly("فرع"), decide_clearly("السفل"), both_spelled("الأسر"), both_spelled("الأسف")
(True, None, True, False)
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from typing import NamedTuple

from ._chars import ALEF, ALEF_FORMS
from ._lexicon import Lazy, frequency, learned_endings, packaged
from ._lexicon import decide_by_ending as _decide_by_ending

MIN_TYPES = 25
MIN_SHARE = 0.8

_FOLD = str.maketrans(dict.fromkeys(ALEF_FORMS, ALEF))


def fold_alef(word: str) -> str:
    """``word`` with every alef form (أ إ آ ٱ ٲ ٳ) written as bare ا."""
    return word.translate(_FOLD)


_frequency = frequency


BOTH = 25.0
"""Bases whose two spellings are within this frequency ratio are both in use.
About 4 % of the list's words in ى are Egyptian spellings of words in ي and
the other way round (في 3.7 %, حتى 3.5 %), so a rarer spelling above 1/25 is
more than that habit makes: a word of its own (الأسي "exponential" beside
الأسى "grief")."""
CLOSE = 8.0
"""Bases whose two spellings are within this frequency ratio are *close*:
the word alone does not decide them (السفلى and السفلي are both common)."""


class Tables(NamedTuple):
    bases: dict[str, bool]
    """Base → written with ي; folded bases are keyed with a leading NUL."""
    endings: dict[str, bool]
    close: frozenset[str]
    both: frozenset[str]


def parse(raw: bytes) -> Tables:
    """The tables of the gzipped TSV ``raw`` (base, centibels with ي, with ى)."""
    exact: dict[str, bool] = {}
    close: set[str] = set()
    both: set[str] = set()
    folded: dict[str, list[float]] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        base, yaa, maksura = line.split("\t")
        frequencies = (_frequency(yaa), _frequency(maksura))
        exact[base] = frequencies[0] > frequencies[1]
        if min(frequencies) * CLOSE >= max(frequencies) > 0:
            close.add(base)
            both.add(base)
        elif min(frequencies) * BOTH >= max(frequencies) > 0:
            both.add(base)
        key = "\0" + base.translate(_FOLD)
        total = folded.get(key)
        if total is None:
            folded[key] = list(frequencies)
        else:
            total[0] += frequencies[0]
            total[1] += frequencies[1]
    # Bases as written first; writers who drop hamza on alef reach the
    # folded totals (keys marked with a NUL so the two never collide).
    bases = {key: yaa > maksura for key, (yaa, maksura) in folded.items()}
    bases.update(exact)
    close.update(key for key, (yaa, maksura) in folded.items() if min(yaa, maksura) * CLOSE >= max(yaa, maksura) > 0)
    return Tables(bases, _endings(exact), frozenset(close), frozenset(both))


def _endings(bases: dict[str, bool]) -> dict[str, bool]:
    """The endings (one to three letters) of at least ``MIN_TYPES`` bases of
    which at least ``MIN_SHARE`` go one way."""
    return learned_endings(bases.items(), min_types=MIN_TYPES, min_share=MIN_SHARE)


_packaged = packaged("yaa_lexicon.tsv.gz")


class Lexicon:
    """The lexicon, read by ``read`` on first use, once, under a lock
    (:class:`arnorm._lexicon.Lazy`)."""

    def __init__(self, read: Callable[[], bytes] = _packaged) -> None:
        self._tables = Lazy(read, parse, cached_as=("yaa", Tables) if read is _packaged else None)

    @property
    def tables(self) -> Tables:
        return self._tables.get()

    def decide(self, base: str) -> bool | None:
        """Whether ``base`` + final letter is written with ي (``None``: not in
        the list); looked up as written, then with hamza on alef folded."""
        bases = self.tables.bases
        decision = bases.get(base)
        return bases.get("\0" + fold_alef(base)) if decision is None else decision

    def decide_clearly(self, base: str) -> bool | None:
        """:meth:`decide`, but ``None`` also when both spellings are common."""
        tables = self.tables
        key = base if base in tables.bases else "\0" + fold_alef(base)
        decision = tables.bases.get(key)
        return None if decision is None or key in tables.close else decision

    def is_close(self, base: str) -> bool:
        """Whether both spellings of ``base`` + final letter are common (as written)."""
        return base in self.tables.close

    def both_spelled(self, base: str) -> bool:
        """Whether both spellings of ``base`` + final letter are in use (as
        written): the rarer at least 1/:data:`BOTH` as frequent as the other."""
        return base in self.tables.both

    def decide_by_ending(self, base: str) -> bool | None:
        """The decision of the longest well-attested ending of ``base``, if any."""
        return _decide_by_ending(self.tables.endings, base)


LEXICON = Lexicon()
"""The packaged lexicon, shared."""

decide = LEXICON.decide
decide_clearly = LEXICON.decide_clearly
is_close = LEXICON.is_close
both_spelled = LEXICON.both_spelled
decide_by_ending = LEXICON.decide_by_ending
