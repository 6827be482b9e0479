"""A hash of every output arnorm gives on the suite corpora, to prove a refactor
changed nothing.

For each corpus (news, Quran, stress and three adversarial shapes), each
preset and each normalizer with each value of its options, the SHA-256 of
its output on the whole text and on every line alone (the short-text paths).
Run it on two commits and compare::

    python -m benchmarks.fingerprint > after.json
    git stash; python -m benchmarks.fingerprint > before.json; git stash pop
    diff before.json after.json

A corpus that cannot be had (the Quran without the package index) is left
out, and the output says so.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Iterator

import arnorm

from .corpora import load

OPTIONS: dict[str, list[dict[str, object]]] = {
    "remove_diacritics": [{}, {"keep_shadda": True}],
    "normalize_quotes": [{"style": "ascii"}, {"style": "guillemets"}, {"style": "curly"}],
    "normalize_digits": [{"to": "latin"}, {"to": "arabic"}],
    "reduce_repeats": [{"max_repeat": 1}, {"max_repeat": 2}, {"max_repeat": 3}, {"max_repeat": 6}],
    "restore_final_yaa": [{}, {"exceptions": {"الأولى": "الأولي", "بنى": "بني", "فى": "فى"}}],
}
"""Option values to try beside the defaults (every other step has none)."""

SHAPES = {
    "run at the start": lambda text: "ههههههههه" + text,
    "laughs": lambda text: "".join(text[i : i + 100] + " ههههه " for i in range(0, len(text), 100)),
    "runs only": lambda text: "".join(ch * 5 for ch in text[: len(text) // 5]),
}
"""Shapes made from the news corpus (the reduce_repeats paths)."""


def steps() -> Iterator[tuple[str, Callable[[str], str]]]:
    """Every preset and every normalizer with each option value, by label."""
    for name in sorted(arnorm.PRESETS):
        yield f"preset {name}", arnorm.Pipeline.from_preset(name)
    for name, func in sorted(arnorm.NORMALIZERS.items()):
        for options in OPTIONS.get(name, [{}]):
            label = f"{name} {json.dumps(options, ensure_ascii=False, sort_keys=True)}"
            yield label, (lambda text, f=func, o=options: f(text, **o))


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def fingerprint(size_mb: float) -> dict[str, dict[str, str]]:
    corpora, skipped = load(["news", "quran", "stress"], size_mb)
    for name, why in skipped.items():
        print(f"skipped {name}: {why}", file=sys.stderr)
    texts = {corpus.name: corpus.text for corpus in corpora}
    if "news" in texts:
        texts.update({name: make(texts["news"]) for name, make in SHAPES.items()})
    result: dict[str, dict[str, str]] = {}
    for label, func in steps():
        row = result[label] = {}
        for name, text in texts.items():
            row[name] = digest(func(text))
            lines = text.splitlines(keepends=True)[:20_000]
            row[name + " lines"] = digest("\x00".join(func(line) for line in lines))
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=3.0, help="MB of UTF-8 per corpus (default 3)")
    args = parser.parse_args(argv)
    json.dump(fingerprint(args.size), sys.stdout, indent=1, ensure_ascii=False, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
