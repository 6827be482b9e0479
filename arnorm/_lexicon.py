"""What the lexicon-based restorers share: a table read lazily and once,
a per-word decision cache, proclitic readings and learned endings.

restore_final_yaa, restore_teh_marbuta and restore_hamza each decide a word
from a word-frequency table shipped in ``arnorm/data`` (learned from
wordfreq's Arabic list by the ``benchmarks/build_*`` scripts). A table is
parsed on first use, under a lock, so importing arnorm stays cheap and
threads that start together parse it once.

>>> table = Lazy(lambda: b"3", lambda raw: int(raw) * 2)
>>> table.get(), table.get() is table.get()
(6, True)
>>> [(prefix, stem) for prefix, stem, _ in proclitic_readings("وللمدرسه")]
[('و', 'للمدرسه'), ('ول', 'لمدرسه'), ('ولل', 'المدرسه')]
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")
_HERE = Path(__file__).resolve().parent
_F = TypeVar("_F", bound=Callable[[str], object])


class Lazy(Generic[T]):
    """``parse(read())``, computed on the first :meth:`get`, once, under a lock.

    With ``cached_as=(name, kind)`` (``kind`` the NamedTuple of builtin
    containers that ``parse`` returns), the parsed tables are also kept in
    the cache folder (:func:`cache_folder`), in :mod:`marshal`'s format,
    under a key made of the raw data and the source of the code that parses
    it: a later process loads them in a few milliseconds instead of parsing
    for a second. The cache is only a shortcut: any failure to read or
    write it parses as before.
    """

    def __init__(self, read: Callable[[], bytes], parse: Callable[[bytes], T], *,
                 cached_as: tuple[str, Callable[..., T]] | None = None) -> None:
        self._read, self._parse, self._cached_as = read, parse, cached_as
        self._lock = threading.Lock()
        self._value: T | None = None

    def get(self) -> T:
        value = self._value
        if value is None:
            with self._lock:
                if self._value is None:
                    self._value = self._load()
                value = self._value
        return value

    def _load(self) -> T:
        raw = self._read()
        folder = cache_folder()
        if self._cached_as is None or folder is None:
            return self._parse(raw)
        name, kind = self._cached_as
        path = folder / f"{name}-{self._key(raw)}.marshal"
        try:
            return kind(*marshal.loads(path.read_bytes()))
        except Exception:  # absent, unreadable or stale: parse, and keep the result
            value = self._parse(raw)
        _keep(path, value)
        return value

    @staticmethod
    def _key(raw: bytes) -> str:
        """What the parsed tables depend on: the data, the code that parses
        it (the lexicon modules and the characters they use), and the format
        of marshal."""
        digest = hashlib.sha256(raw)
        for source in sorted(_HERE.glob("_*lexicon.py")) + [_HERE / "_chars.py"]:
            digest.update(source.read_bytes())
        digest.update(f"{marshal.version} {sys.version_info[:2]}".encode())
        return digest.hexdigest()[:24]


def cache_folder() -> Path | None:
    """Where parsed tables are kept: ``$ARNORM_CACHE``, else ~/.cache/arnorm;
    ``None`` when ``ARNORM_CACHE`` is set to the empty string (no cache)."""
    chosen = os.environ.get("ARNORM_CACHE")
    if chosen == "":
        return None
    return Path(chosen) if chosen else Path.home() / ".cache" / "arnorm"


def _keep(path: Path, value: object) -> None:
    """Write ``value`` to ``path`` whole (a temporary file, then a rename),
    and remove the tables an older key left under the same name."""
    try:
        data = marshal.dumps(tuple(value))  # type: ignore[arg-type]
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)
        stem = path.name.rsplit("-", 1)[0]
        for old in path.parent.glob(f"{stem}-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass  # a read-only home, a full disk: the next process parses again


def packaged(name: str) -> Callable[[], bytes]:
    """A reader of the data file ``arnorm/data/<name>``."""
    return lambda: resources.files("arnorm").joinpath("data", name).read_bytes()


def frequency(centibels: str) -> float:
    """A frequency from wordfreq's centibels (``-``: absent)."""
    return 0.0 if centibels == "-" else 10 ** (-int(centibels) / 100)


CACHED_WORD = 40
"""Longest word whose decisions are cached: a word of thousands of letters
(never one of a language, often one of a fuzzer) is decided afresh, so the
caches' memory stays bounded by their number of entries times this."""


def word_cache(func: _F) -> _F:
    """``func`` of a word, cached (65,536 words) for words of at most
    :data:`CACHED_WORD` characters."""
    cached = functools.lru_cache(maxsize=65536)(func)

    @functools.wraps(func)
    def decide(word: str) -> object:
        return cached(word) if len(word) <= CACHED_WORD else func(word)

    decide.cache_info = cached.cache_info  # type: ignore[attr-defined]
    decide.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return decide  # type: ignore[return-value]


CONJUNCTIONS = ("", "\u0648", "\u0641")  # و ف
PREPOSITIONS = ("", "\u0628", "\u0643", "\u0644")  # ب ك ل
ARTICLE = "\u0627\u0644"  # ال
_LAM = "\u0644"


def proclitic_readings(word: str) -> list[tuple[str, str, int]]:
    """Every way to read ``word`` as proclitics + a stem, shortest prefix first:
    ``(prefix, stem, dropped)``, where ``word == prefix + stem[dropped:]``.

    The proclitics are و ف, then ب ك ل, then the article ال; لل is ل + ال,
    so its stem is given with the article (``dropped`` = 2: للمدرسه is ل +
    المدرسه). A stem keeps at least two letters.
    """
    readings = []
    for conjunction in CONJUNCTIONS:
        if not word.startswith(conjunction):
            continue
        for preposition in PREPOSITIONS:
            if preposition and not word.startswith(preposition, len(conjunction)):
                continue
            prefix = conjunction + preposition
            rest = word[len(prefix):]
            if prefix and len(rest) >= 2:
                readings.append((prefix, rest, 0))
            if rest.startswith(ARTICLE) and len(rest) > 3:
                readings.append((prefix + ARTICLE, rest[2:], 0))
            elif preposition == _LAM and rest.startswith(_LAM) and len(rest) > 2:
                readings.append((prefix + _LAM, ARTICLE + rest[1:], 2))
    return sorted(readings, key=lambda reading: len(reading[0]))


def learned_endings(bases: Iterable[tuple[str, bool]], *, min_types: int, min_share: float) -> dict[str, bool]:
    """The endings (one to three letters) of at least ``min_types`` of the
    ``(base, decision)`` pairs, of which at least ``min_share`` decide alike:
    a back-off for words a frequency list does not have."""
    pairs = list(bases)
    votes = Counter((key[-size:], decision) for size in (1, 2, 3) for key, decision in pairs if len(key) > size)
    endings = {}
    for (ending, decision), count in votes.items():
        other = votes.get((ending, not decision), 0)
        if count + other >= min_types and count >= min_share * (count + other) and (count > other or decision):
            endings[ending] = decision
    return endings


def decide_by_ending(endings: dict[str, bool], base: str) -> bool | None:
    """The decision of the longest of ``endings`` that ``base`` ends with, if any."""
    for size in (3, 2, 1):
        if len(base) > size:
            decision = endings.get(base[-size:])
            if decision is not None:
                return decision
    return None
