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
    from arnorm import Pipeline, _executors
    from arnorm._jsonl import normalize_records

PIPELINES = [Pipeline.from_preset(name) for name in arnorm.PRESETS]

# The long-text paths (NumPy lookup, its tail of rules, pieces, the expansion
# of several-character keys in the array) for short
# inputs: each preset is also run with them and must give the same.
DENSE = {"DENSE_TEXT": 4, "NUMPY_CHUNK": 3, "DENSE_SHARE": 0.0, "DENSE_KEYS": 0, "EXPAND_KEYS": 0}
USUAL = {name: getattr(_executors, name) for name in DENSE}
vars(_executors).update(DENSE)
DENSE_PIPELINES = [Pipeline.from_preset(name) for name in arnorm.PRESETS]
vars(_executors).update(USUAL)


def check_text(text: str) -> None:
    for pipe, dense in zip(PIPELINES, DENSE_PIPELINES):
        once = pipe(text)
        assert pipe(once) == once, (pipe, text)
        assert pipe.normalize_with_offsets(text)[0] == once
        vars(_executors).update(DENSE)
        try:
            assert dense(text) == once, (pipe, text)
        finally:
            vars(_executors).update(USUAL)


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
