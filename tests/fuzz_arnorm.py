"""Coverage-guided fuzzing with atheris (not collected by pytest).

    pip install atheris
    python tests/fuzz_arnorm.py -max_total_time=600 -rss_limit_mb=6144

(atheris' instrumentation grows by about 420 KB an input over the NumPy
paths, past libFuzzer's default 2 GB in six minutes.)

Targets: every preset on arbitrary text (never raises, idempotent, offsets
agree, the NumPy paths for long text give the same), Pipeline.from_dict on arbitrary JSON (only TypeError/ValueError), and
the command line's JSON Lines reader on arbitrary bytes. A crash is saved by
libFuzzer as crash-*; add it to tests/test_fuzz_regressions.py.
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports():
    import arnorm
    from arnorm import Pipeline
    from arnorm._accel import Policy
    from arnorm._jsonl import normalize_records
    from arnorm._plan import Plan

PIPELINES = [Pipeline.from_preset(name) for name in arnorm.PRESETS]

# The long-text paths (NumPy lookup, its tail of rules, pieces, the expansion
# of several-character keys in the array) for short
# inputs: each preset is also run with them and must give the same.
DENSE = Policy(coded_text=0, dense_text=4, numpy_chunk=3, dense_share=0.0, dense_keys=0, expand_keys=0, chunk=3)
DENSE_PLANS = [Plan(pipe.primitives, DENSE) for pipe in PIPELINES]


def check_text(text: str) -> None:
    for pipe, dense in zip(PIPELINES, DENSE_PLANS):
        once = pipe(text)
        assert pipe(once) == once, (pipe, text)
        assert pipe.normalize_with_offsets(text)[0] == once
        assert dense(text) == once, (pipe, text)


def check_from_dict(raw: str) -> None:
    try:
        data = json.loads(raw)
    except ValueError:
        return
    try:
        Pipeline.from_dict(data)("نص")
    except (TypeError, ValueError):
        pass


def check_jsonl(raw: bytes) -> None:
    text = raw.decode("utf-8", "replace")
    result = normalize_records(PIPELINES[1], ("text", "a.b"), text, 1, skip_bad=True)
    assert result.text.count("\n") == text.count("\n")


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    choice = provider.ConsumeIntInRange(0, 2)
    if choice == 0:
        check_text(provider.ConsumeUnicode(4096))
    elif choice == 1:
        check_from_dict(provider.ConsumeUnicodeNoSurrogates(4096))
    else:
        check_jsonl(provider.ConsumeBytes(4096))


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
