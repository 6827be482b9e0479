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

from ._chars import ALEF, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_MADDA, ALEF_MAKSURA, HEH, TEH_MARBUTA, YEH
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


_FINALS = {TEH_MARBUTA: HEH, ALEF_MAKSURA: YEH}


def group_key(word: str) -> str:
    """What the spellings of ``word`` share: أ إ آ written as bare ا, and a
    final ة or ى as ه or ي, so that a word is decided alike whether or not
    restore_teh_marbuta or restore_final_yaa has restored its last letter
    (a pipeline that runs them after restore_hamza stays idempotent).

    >>> group_key("مسألة"), group_key("إلى")
    ('مساله', 'الي')
    """
    folded = word.translate(_FOLD)
    final = _FINALS.get(folded[-1:])
    return folded[:-1] + final if final else folded


IMPERATIVE_SHARE = 0.3
"""A bare spelling ا + three letters at least this share as frequent as
the same letters after أ is also the imperative of a plain verb (اكتب
"write" beside أكتب "I write"; the list's informal sources explain a
smaller share, as for أعلن)."""
_WEAK = frozenset("\u0627\u0648\u064a\u0649")  # ا و ي ى


_CLOSED_CLASS = {group_key(word): word for word in (
    "أنا أنت أنتم أنتما أنتن أنك أنكم أنكما أنكن إلخ إذا إذن أيضا أين أينما".split())}
"""Pronouns and particles whose bare spellings are only the informal
habit, however often the list's informal sources write them (انا، انك)."""


class Tables(NamedTuple):
    best: dict[str, str]
    """Folded word → its standard spelling (the folded word itself: keep)."""
    alternatives: dict[str, tuple[str, ...]]
    """Folded word → its spellings with hamza close to the best, best first."""
    imperatives: frozenset[str]
    """Folded words ا + three letters that are imperatives as often as
    they are first persons or elatives (:data:`IMPERATIVE_SHARE`)."""


def tables_of(frequencies: dict[str, float]) -> Tables:
    """The tables of ``{spelling: frequency}``, keyed by :func:`group_key`."""
    groups: dict[str, dict[str, float]] = {}
    for spelling, count in frequencies.items():
        groups.setdefault(group_key(spelling), {})[spelling] = count
    best: dict[str, str] = {}
    alternatives: dict[str, tuple[str, ...]] = {}
    imperatives = set()
    for key, spellings in groups.items():
        bare = max((count for spelling, count in spellings.items() if fold(spelling) == spelling), default=0.0)
        hamza = sorted(((count, spelling) for spelling, count in spellings.items() if fold(spelling) != spelling),
                       reverse=True)
        if _imperative_shape(key) and any(spelling[0] == ALEF_HAMZA_ABOVE for _, spelling in hamza):
            # إفعل is the informal hamza on the imperative's hamzat al-wasl (إذهب، إجعل)
            hamza = [(count, spelling) for count, spelling in hamza if spelling[0] != ALEF_HAMZA_BELOW]
        if not hamza or (bare > BARE_RATIO * hamza[0][0] and key not in _CLOSED_CLASS):
            best[key] = key
            continue
        best[key] = _CLOSED_CLASS.get(key, hamza[0][1])
        close = tuple(spelling for count, spelling in hamza if count * CLOSE >= hamza[0][0])
        if len(close) > 1:
            alternatives[key] = close
        if (_imperative_shape(key) and len(close) == 1 and hamza[0][1][0] == ALEF_HAMZA_ABOVE
                and group_key(hamza[0][1][1:]) == key[1:] and bare >= IMPERATIVE_SHARE * hamza[0][0]):
            imperatives.add(key)
    return Tables(best, alternatives, frozenset(imperatives))


def _imperative_shape(key: str) -> bool:
    """Whether ``key`` is ا + three letters, none of them weak: the shape of
    a plain verb's imperative (اكتب), its first person (أكتب) and the
    elative (أكبر)."""
    return len(key) == 4 and key[0] == ALEF and _WEAK.isdisjoint(key[1:])


def parse(raw: bytes) -> Tables:
    """The tables of the gzipped TSV ``raw`` (spelling, centibels)."""
    frequencies = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        spelling, centibels = line.split("\t")
        frequencies[spelling] = frequency(centibels)
    return tables_of(frequencies)


def by_stems(tables: Tables, key: str) -> str | None:
    """The spelling of ``key`` (the :func:`group_key` of a word the list
    does not have) from the first stem under its proclitics that the list
    has, if any; first, the word without the alef of the accusative
    (بايتا is بايتًا, not ب + إيتا)."""
    if key.endswith(ALEF) and len(key) > 3:
        spelled = tables.best.get(key[:-1])
        if spelled is not None and spelled[-1] == key[-2]:  # its last letter as written (not ة, ى or أ)
            return spelled + ALEF
    for prefix, stem, dropped in proclitic_readings(key):
        spelled = tables.best.get(stem)
        if spelled is not None:
            return prefix + spelled[dropped:]
    return None


LEXICON = Lazy(packaged("hamza_lexicon.tsv.gz"), parse, cached_as=("hamza", Tables))


def restore(word: str) -> str | None:
    """The standard spelling of ``word`` (bare alefs only; no marks) as far
    as its alefs go, or ``None`` when the list knows neither it nor a stem
    of it."""
    tables, key = LEXICON.get(), group_key(word)
    spelled = tables.best.get(key)
    return by_stems(tables, key) if spelled is None else spelled


def is_imperative(word: str) -> bool:
    """Whether ``word`` (as written) is as often an imperative as not."""
    return group_key(word) in LEXICON.get().imperatives


def alternatives(word: str) -> tuple[str, ...]:
    """The close spellings of ``word`` (as written, not under proclitics)."""
    return LEXICON.get().alternatives.get(group_key(word), ())
