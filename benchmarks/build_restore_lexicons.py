"""Build the lexicons of restore_teh_marbuta and restore_hamza from wordfreq.

    pip install msgpack
    python -m benchmarks.build_restore_lexicons

Source: the Arabic "large" word list of wordfreq 3.1.1, as for the final ي/ى
lexicon (:mod:`benchmarks.build_yaa_lexicon`, whose cached download this
reuses; data CC BY-SA 4.0, see arnorm/data/LICENSE-restore-lexicons.md).
The build runs offline from the cached wheel and is deterministic.

``arnorm/data/teh_marbuta_lexicon.tsv.gz``: every word of the list that ends
in ة or ه contributes its frequency to the line of its base (the word without
its final letter): ``base<TAB>centibels written with ة<TAB>written with ه``
(``-`` when absent).

``arnorm/data/hamza_lexicon.tsv.gz``: the spellings of every word that has
an alef, grouped by the word with أ إ آ written as bare ا (its *folded*
form), one ``spelling<TAB>centibels`` line each, for the groups where some
spelling has hamza on alef; and, for words written only with bare alef, the
ones whose proclitics the restorer would otherwise strip to reach a stem
with hamza (بالاتفاق is known, so اتفاق's group is not consulted for it).
"""

from __future__ import annotations

import gzip
import io
import sys
from collections import defaultdict
from pathlib import Path

from .build_yaa_lexicon import centibels, word_list

DATA = Path(__file__).resolve().parents[1] / "arnorm" / "data"
TEH_OUTPUT = DATA / "teh_marbuta_lexicon.tsv.gz"
HAMZA_OUTPUT = DATA / "hamza_lexicon.tsv.gz"
_FOLD = str.maketrans("\u0623\u0625\u0622", "\u0627\u0627\u0627")
_HAMZA_ALEFS = frozenset("\u0623\u0625\u0622")


def frequencies() -> dict[str, float]:
    import msgpack

    buckets = msgpack.unpackb(gzip.decompress(word_list()), raw=False)[1:]
    found: dict[str, float] = {}
    for centibel, words in enumerate(buckets):
        for word in words:
            found[word] = found.get(word, 0.0) + 10 ** (-centibel / 100)
    return found


def teh_lines(found: dict[str, float]) -> list[str]:
    bases: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for word, frequency in found.items():
        if word[-1:] in ("\u0629", "\u0647") and len(word) > 1:
            bases[word[:-1]][word[-1] == "\u0647"] += frequency
    return [f"{base}\t{centibels(teh)}\t{centibels(heh)}" for base, (teh, heh) in sorted(bases.items())]


def hamza_lines(found: dict[str, float]) -> list[str]:
    from arnorm import _hamza_lexicon

    groups: dict[str, dict[str, float]] = defaultdict(dict)
    for word, frequency in found.items():
        if "\u0627" in word.translate(_FOLD):
            groups[_hamza_lexicon.group_key(word)][word] = frequency
    kept = {key: spellings for key, spellings in groups.items()
            if any(not _HAMZA_ALEFS.isdisjoint(spelling) for spelling in spellings)}
    # A bare-only word is listed when, unlisted, a stem of it would decide.
    tables = _hamza_lexicon.tables_of({s: f for spellings in kept.values() for s, f in spellings.items()})
    for key, spellings in groups.items():
        if key not in kept and _hamza_lexicon.by_stems(tables, key) is not None:
            kept[key] = spellings
    return [f"{spelling}\t{centibels(frequency)}" for key in sorted(kept)
            for spelling, frequency in sorted(kept[key].items())]


def write(path: Path, lines: list[str]) -> None:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    path.write_bytes(buffer.getvalue())
    print(f"wrote {path}: {len(lines):,} lines, {len(buffer.getvalue()):,} bytes", file=sys.stderr)


def main() -> int:
    found = frequencies()
    write(TEH_OUTPUT, teh_lines(found))
    write(HAMZA_OUTPUT, hamza_lines(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
