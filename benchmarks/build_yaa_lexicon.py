"""Build arnorm/data/yaa_lexicon.tsv.gz, the word-final ي/ى lexicon, from wordfreq.

    pip install msgpack
    python -m benchmarks.build_yaa_lexicon

Source: the Arabic "large" word list of wordfreq 3.1.1 (PyPI), whose data is
licensed CC BY-SA 4.0 (see arnorm/data/LICENSE-yaa-lexicon.md). The wheel is
downloaded once into the cache folder ($ARNORM_CACHE or ~/.cache/arnorm) with
``pip download``; the build itself runs offline from it, and is deterministic.

Every word of the list that ends in ي or ى contributes its frequency to the
line of its base (the word without the final letter, as written):
``base<TAB>frequency written with ي<TAB>frequency written with ى``, both in
wordfreq's centibels (−100 × log10 of the frequency; ``-`` when absent).
"""

from __future__ import annotations

import gzip
import io
import math
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

from .corpora import CACHE

PACKAGE = "wordfreq==3.1.1"
MEMBER = "wordfreq/data/large_ar.msgpack.gz"
OUTPUT = Path(__file__).resolve().parents[1] / "arnorm" / "data" / "yaa_lexicon.tsv.gz"


def word_list() -> bytes:
    cached = CACHE / "wordfreq-3.1.1-large_ar.msgpack.gz"
    if not cached.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                            "--dest", folder, PACKAGE], check=True)
            wheel = next(Path(folder).glob("*.whl"))
            with zipfile.ZipFile(wheel) as archive:
                cached.write_bytes(archive.read(MEMBER))
    return cached.read_bytes()


def build() -> dict[str, list[float]]:
    import msgpack

    buckets = msgpack.unpackb(gzip.decompress(word_list()), raw=False)[1:]
    frequencies: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for centibels, words in enumerate(buckets):
        for word in words:
            if word[-1:] in ("\u064a", "\u0649"):
                frequencies[word[:-1]][word[-1] == "\u0649"] += 10 ** (-centibels / 100)
    return frequencies


def centibels(frequency: float) -> str:
    return str(round(-100 * math.log10(frequency))) if frequency else "-"


def main() -> int:
    frequencies = build()
    lines = [f"{base}\t{centibels(yaa)}\t{centibels(maksura)}"
             for base, (yaa, maksura) in sorted(frequencies.items())]
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    OUTPUT.write_bytes(buffer.getvalue())
    print(f"wrote {OUTPUT}: {len(lines):,} bases, {len(buffer.getvalue()):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
