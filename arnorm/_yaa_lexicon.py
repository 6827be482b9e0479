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

The file is read on first use, once, under a lock (about 0.25 s; 17 MB kept).

>>> decide("ف"), decide("عل"), decide("مستشف")
(True, False, False)
"""

from __future__ import annotations

import gzip
import threading
from collections import Counter
from importlib import resources

from ._chars import ALEF, ALEF_FORMS

MIN_TYPES = 25
MIN_SHARE = 0.8

_lock = threading.Lock()
_bases: dict[str, bool] | None = None
_close: frozenset[str] = frozenset()
_both: frozenset[str] = frozenset()
_endings: dict[str, bool] | None = None
_FOLD = str.maketrans(dict.fromkeys(ALEF_FORMS, ALEF))


def fold_alef(word: str) -> str:
    """``word`` with every alef form (أ إ آ ٱ ٲ ٳ) written as bare ا."""
    return word.translate(_FOLD)


def _frequency(centibels: str) -> float:
    return 0.0 if centibels == "-" else 10 ** (-int(centibels) / 100)


BOTH = 25.0
"""Bases whose two spellings are within this frequency ratio are both in use.
About 4 % of the list's words in ى are Egyptian spellings of words in ي and
the other way round (في 3.7 %, حتى 3.5 %), so a rarer spelling above 1/25 is
more than that habit makes: a word of its own (الأسي "exponential" beside
الأسى "grief")."""
CLOSE = 8.0
"""Bases whose two spellings are within this frequency ratio are *close*:
the word alone does not decide them (السفلى and السفلي are both common)."""


def _load() -> tuple[dict[str, bool], dict[str, bool]]:
    global _bases, _endings, _close, _both
    with _lock:
        if _bases is None or _endings is None:
            raw = resources.files("arnorm").joinpath("data/yaa_lexicon.tsv.gz").read_bytes()
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
                if min(frequencies) * BOTH >= max(frequencies) > 0:
                    both.add(base)
                total = folded.setdefault("\0" + fold_alef(base), [0.0, 0.0])
                total[0] += frequencies[0]
                total[1] += frequencies[1]
            # Bases as written first; writers who drop hamza on alef reach the
            # folded totals (keys marked with a NUL so the two never collide).
            bases = {**{key: yaa > maksura for key, (yaa, maksura) in folded.items()}, **exact}
            close.update(key for key, (yaa, maksura) in folded.items()
                         if min(yaa, maksura) * CLOSE >= max(yaa, maksura) > 0)
            votes: dict[str, Counter[bool]] = {}
            for key, is_yaa in bases.items():
                if key.startswith("\0"):
                    continue
                for size in (1, 2, 3):
                    if len(key) > size:
                        votes.setdefault(key[-size:], Counter())[is_yaa] += 1
            endings = {}
            for ending, count in votes.items():
                total = count[True] + count[False]
                if total >= MIN_TYPES:
                    majority = count[True] >= count[False]
                    if count[majority] >= MIN_SHARE * total:
                        endings[ending] = majority
            _bases, _endings, _close, _both = bases, endings, frozenset(close), frozenset(both)
        return _bases, _endings


def decide(base: str) -> bool | None:
    """Whether ``base`` + final letter is written with ي (``None``: not in the list).

    ``base`` is looked up as written, then with hamza on alef folded.
    """
    bases = _load()[0]
    decision = bases.get(base)
    if decision is None:
        decision = bases.get("\0" + fold_alef(base))
    return decision


def decide_clearly(base: str) -> bool | None:
    """:func:`decide`, but ``None`` also when both spellings are common.

    >>> decide_clearly("فرع"), decide_clearly("السفل")
    (True, None)
    """
    bases = _load()[0]
    key = base if base in bases else "\0" + fold_alef(base)
    decision = bases.get(key)
    return None if decision is None or key in _close else decision


def is_close(base: str) -> bool:
    """Whether both spellings of ``base`` + final letter are common (as written)."""
    _load()
    return base in _close


def both_spelled(base: str) -> bool:
    """Whether both spellings of ``base`` + final letter are in use (as written):
    the rarer at least 1/:data:`BOTH` as frequent as the other.

    >>> both_spelled("الأسر"), both_spelled("الأسف")
    (True, False)
    """
    _load()
    return base in _both


def decide_by_ending(base: str) -> bool | None:
    """The decision of the longest well-attested ending of ``base``, if any."""
    endings = _load()[1]
    for size in (3, 2, 1):
        if len(base) > size:
            decision = endings.get(base[-size:])
            if decision is not None:
                return decision
    return None
