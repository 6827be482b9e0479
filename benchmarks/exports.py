"""tokenizers export and find on news: ``python -m benchmarks.exports [--repeat N] [--out DIR]``.

Two measurements of issue #29, each A/B in one process, candidates
interleaved, best of ``--repeat`` rounds after a warm-up:

* ``Tokenizer.encode_batch`` on 5,000 tweet-length rows (cut from the news
  corpus as :mod:`benchmarks.rows` cuts them; a word-level tokenizer split
  at whitespace, its vocabulary the rows' words) without a normalizer and
  with ``to_hf_normalizer``: native ``search``, ``minimal`` and ``lucene``,
  the mixed ``standard`` (native parts and arnorm for the two steps that
  cannot be native) and, for comparison, ``search`` and ``standard`` run
  whole by arnorm's custom normalizer (``native=False``);
* ``arnorm.find`` on the news corpus (the sample article repeated to 2 MB):
  a query found in most lines (في، الله), one never found, and
  ``highlight``, in MB/s of UTF-8 text.

Results: ``exports.json`` and ``exports.md`` in docs/benchmarks. Timings on
a shared machine are noisy: read the ratios, which come from the same rounds.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import arnorm

from .corpora import news
from .distributed import sentences
from .rows import cut_rows

DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks"
TWEETS = (5_000, 140)
ENCODE_TARGET = 2.0
"""encode_batch with the native search normalizer costs at most this many times none."""
FIND_TARGET = 50.0
"""MB/s of find on news, many hits or none."""


def best_of(candidates: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Best seconds of each candidate over ``repeat`` interleaved rounds (after a warm-up)."""
    best = dict.fromkeys(candidates, float("inf"))
    for round_ in range(repeat + 1):
        for name, run in candidates.items():
            gc.collect()
            start = time.perf_counter()
            run()
            if round_:
                best[name] = min(best[name], time.perf_counter() - start)
    return best


def encode_batch_cost(repeat: int) -> dict[str, Any]:
    from tokenizers import Tokenizer, models, pre_tokenizers

    from arnorm.hf import blocking_steps, to_hf_normalizer

    base, source = sentences()
    rows = cut_rows(" ".join(base), *TWEETS)
    vocabulary = {word: index for index, word in enumerate(sorted({w for row in rows for w in row.split()}))}
    vocabulary["[UNK]"] = len(vocabulary)

    def tokenizer(normalizer: Any) -> Any:
        made = Tokenizer(models.WordLevel(vocabulary, unk_token="[UNK]"))
        made.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
        if normalizer is not None:
            made.normalizer = normalizer
        return made

    made = {"none": (tokenizer(None), "")}
    for preset in ("search", "minimal", "lucene", "standard"):
        kind = "mixed: arnorm for " + ", ".join(blocking_steps(preset)) if blocking_steps(preset) else "native"
        made[preset] = (tokenizer(to_hf_normalizer(preset)), kind)
    for preset in ("search", "standard"):
        made[f"{preset}, native=False"] = (tokenizer(to_hf_normalizer(preset, native=False)), "custom")
    seconds = best_of({name: (lambda t=t: t.encode_batch(rows)) for name, (t, _) in made.items()}, repeat)
    results = [{"normalizer": name, "kind": made[name][1], "seconds": round(took, 4),
                "vs_none": round(took / seconds["none"], 2)} for name, took in seconds.items()]
    ratio = seconds["search"] / seconds["none"]
    return {"rows": len(rows), "source": source, "results": results,
            "target": {"what": "native search vs none", "ratio": round(ratio, 2), "at_most": ENCODE_TARGET,
                       "met": ratio <= ENCODE_TARGET}}


def find_speed(repeat: int) -> dict[str, Any]:
    corpus = news(2.0)
    text, megabytes = corpus.text, corpus.megabytes
    queries = {"في (most lines)": "في", "الله": "الله", "غير موجود (none)": "xyzzy"}
    candidates: dict[str, Callable[[], object]] = {
        f"find {label}": (lambda query=query: sum(1 for _ in arnorm.find(query, text)))
        for label, query in queries.items()}
    candidates["highlight في"] = lambda: arnorm.highlight("في", text)
    hits = {label: sum(1 for _ in arnorm.find(query, text)) for label, query in queries.items()}
    seconds = best_of(candidates, repeat)
    results = [{"what": name, "hits": hits.get(name.removeprefix("find "), hits["في (most lines)"]),
                "seconds": round(took, 4), "mb_per_s": round(megabytes / took, 1)} for name, took in seconds.items()]
    slowest = min(row["mb_per_s"] for row in results if row["what"].startswith("find"))
    return {"megabytes": round(megabytes, 2), "source": corpus.source, "results": results,
            "target": {"what": "find, slowest query", "mb_per_s": slowest, "at_least": FIND_TARGET,
                       "met": slowest >= FIND_TARGET}}


def markdown(data: dict[str, Any]) -> str:
    env = data["environment"]
    encode, find = data["encode_batch"], data["find"]
    lines = ["# tokenizers export and find", "",
             f"Measured {env['date']} with `python -m benchmarks.exports` on {env['cpus']} CPU(s), CPython "
             f"{env['python']}, arnorm {env['arnorm']}; best of {data['repeat']} interleaved rounds after a warm-up. "
             "The machine is shared: read the ratios, which come from the same rounds.", "",
             f"## `Tokenizer.encode_batch` on {encode['rows']:,} tweet-length rows", "",
             "Word-level tokenizer (whitespace split, the rows' words as vocabulary), without a normalizer and "
             "with `to_hf_normalizer(preset)`:", "",
             "| normalizer | kind | seconds | × none |", "|---|---|---:|---:|"]
    for row in encode["results"]:
        lines.append(f"| {row['normalizer']} | {row['kind']} | {row['seconds']:.3f} | {row['vs_none']:.2f} |")
    target = encode["target"]
    lines += ["", f"Target: {target['what']} at most {target['at_most']:.1f}×: measured {target['ratio']:.2f}× "
              f"({'met' if target['met'] else 'not met'}).", "",
              f"## `arnorm.find` on news ({find['megabytes']:.1f} MB)", "",
              "| what | hits | seconds | MB/s |", "|---|---:|---:|---:|"]
    for row in find["results"]:
        lines.append(f"| {row['what']} | {row['hits']:,} | {row['seconds']:.3f} | {row['mb_per_s']:.1f} |")
    target = find["target"]
    lines += ["", f"Target: {target['what']} at least {target['at_least']:.0f} MB/s: measured "
              f"{target['mb_per_s']:.1f} MB/s ({'met' if target['met'] else 'not met'}).", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.exports", description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="rounds, best kept (default 7)")
    parser.add_argument("--out", type=Path, default=DOCS, help=f"where to write exports.json and .md ({DOCS})")
    args = parser.parse_args(argv)
    from .peers import load as load_peers
    from .suite import environment

    data = {"repeat": args.repeat, "environment": environment(load_peers()),
            "encode_batch": encode_batch_cost(args.repeat), "find": find_speed(args.repeat)}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "exports.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (args.out / "exports.md").write_text(markdown(data), encoding="utf-8")
    print(markdown(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
