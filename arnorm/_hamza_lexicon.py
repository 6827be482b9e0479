"""The hamza-on-alef lexicon learned from a word-frequency list, loaded lazily.

``arnorm/data/hamza_lexicon.tsv.gz`` (built by
``benchmarks/build_restore_lexicons.py`` from wordfreq's Arabic list, CC
BY-SA 4.0) lists the spellings of about 67,000 words that some writers
spell with hamza on alef, each with its frequency, grouped by the word with
أ إ آ written as bare ا (the *folded* word). For a word written with bare
alefs, the group's most frequent spelling is the standard one.

The list counts informal writing too, where a hamza is often left out, so
its bare spellings are inflated by that habit, and its hamza spellings by
the opposite one (إسم for اسم): a bare spelling wins when it is
:data:`BARE_RATIO` times as frequent as the best spelling with hamza.

>>> restore("احمد"), restore("الاسلام"), restore("اسم"), restore("والاسلام")
('أحمد', 'الإسلام', 'اسم', 'والإسلام')
"""

from __future__ import annotations

import gzip
from typing import NamedTuple

from ._chars import ALEF, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_MADDA
from ._lexicon import Lazy, frequency, packaged, proclitic_readings

BARE_RATIO = 1.0
"""How many times more frequent than the best spelling with hamza a bare
spelling must be to win: the list's informal sources inflate bare
spellings (they drop hamza), but also hamza on hamzat al-wasl (إسم، إختر)."""
CLOSE = 8.0
"""Spellings with hamza within this frequency ratio of the best are its
*alternatives* (أن and إن), for the context to choose between."""

_FOLD = str.maketrans({ALEF_HAMZA_ABOVE: ALEF, ALEF_HAMZA_BELOW: ALEF, ALEF_MADDA: ALEF})


def fold(word: str) -> str:
    """``word`` with أ إ آ written as bare ا."""
    return word.translate(_FOLD)


IMPERATIVE_SHARE = 0.3
"""A bare spelling ا + three letters at least this share as frequent as
the same letters after أ is also the imperative of a plain verb (اكتب
"write" beside أكتب "I write"; the list's informal sources explain a
smaller share, as for أعلن)."""
_WEAK = frozenset("\u0627\u0648\u064a\u0649")  # ا و ي ى


class Tables(NamedTuple):
    best: dict[str, str]
    """Folded word → its standard spelling (the folded word itself: keep)."""
    alternatives: dict[str, tuple[str, ...]]
    """Folded word → its spellings with hamza close to the best, best first."""
    imperatives: frozenset[str]
    """Folded words ا + three letters that are imperatives as often as
    they are first persons or elatives (:data:`IMPERATIVE_SHARE`)."""


def tables_of(frequencies: dict[str, float]) -> Tables:
    """The tables of ``{spelling: frequency}``."""
    groups: dict[str, dict[str, float]] = {}
    for spelling, count in frequencies.items():
        groups.setdefault(fold(spelling), {})[spelling] = count
    best: dict[str, str] = {}
    alternatives: dict[str, tuple[str, ...]] = {}
    imperatives = set()
    for folded, spellings in groups.items():
        bare = spellings.get(folded, 0.0)
        hamza = sorted(((count, spelling) for spelling, count in spellings.items() if spelling != folded),
                       reverse=True)
        if not hamza:
            best[folded] = folded
            continue
        best[folded] = folded if bare > BARE_RATIO * hamza[0][0] else hamza[0][1]
        close = tuple(spelling for count, spelling in hamza if count * CLOSE >= hamza[0][0])
        if len(close) > 1:
            alternatives[folded] = close
        if (len(folded) == 4 and folded[0] == ALEF and _WEAK.isdisjoint(folded[1:]) and len(close) == 1
                and hamza[0][1] == ALEF_HAMZA_ABOVE + folded[1:] and bare >= IMPERATIVE_SHARE * hamza[0][0]):
            imperatives.add(folded)
    return Tables(best, alternatives, frozenset(imperatives))


def parse(raw: bytes) -> Tables:
    """The tables of the gzipped TSV ``raw`` (spelling, centibels)."""
    frequencies = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        spelling, centibels = line.split("\t")
        frequencies[spelling] = frequency(centibels)
    return tables_of(frequencies)


def by_stems(tables: Tables, folded: str) -> str | None:
    """The spelling of ``folded`` (a word the list does not have) from the
    first stem under its proclitics that the list has, if any."""
    for prefix, stem, dropped in proclitic_readings(folded):
        spelled = tables.best.get(stem)
        if spelled is not None:
            return prefix + spelled[dropped:]
    return None


LEXICON = Lazy(packaged("hamza_lexicon.tsv.gz"), parse)


def restore(word: str) -> str | None:
    """The standard spelling of ``word`` (bare alefs only; no marks), or
    ``None`` when the list knows neither it nor a stem of it."""
    tables = LEXICON.get()
    spelled = tables.best.get(word)
    return by_stems(tables, word) if spelled is None else spelled


def is_imperative(word: str) -> bool:
    """Whether ``word`` (as written) is as often an imperative as not."""
    return word in LEXICON.get().imperatives


def alternatives(word: str) -> tuple[str, ...]:
    """The close spellings of ``word`` (as written, not under proclitics)."""
    return LEXICON.get().alternatives.get(word, ())
