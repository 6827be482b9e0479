"""Inputs the atheris harness (tests/fuzz_arnorm.py) found, kept as tests."""

from __future__ import annotations

import pytest

import arnorm
from arnorm import Pipeline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Found on 2026-12-02: U+FBFB folds to ئى; the ى before hamza above and
        # ء was restored as ي + U+0654, which a second pass composed to ئ.
        ("ﯻٔء", "ئئء"),
        ("\uffd4\u10d4\uff00ﯻٔء", "\uffd4\u10d4\uff00ئئء"),
        ("شاطىٔء", "شاطئء"),
    ],
)
def test_standard_preset_on_found_inputs(text: str, expected: str) -> None:
    once = arnorm.normalize(text)
    assert once == expected
    assert arnorm.normalize(once) == once


@pytest.mark.parametrize("preset", sorted(arnorm.PRESETS))
def test_found_inputs_are_idempotent_in_every_preset(preset: str) -> None:
    pipe = Pipeline.from_preset(preset)
    for text in ("ﯻٔء", "\uffd4\u10d4\uff00ﯻٔء", "ىٔء", "ىَٔء"):
        once = pipe(text)
        assert pipe(once) == once
        assert pipe.normalize_with_offsets(text)[0] == once
