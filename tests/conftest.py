"""Shared fixtures: the sample corpus in ../shared, when it is there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"

# The atheris harness is run by hand (python tests/fuzz_arnorm.py), not collected.
collect_ignore = ["fuzz_arnorm.py"]

# HYPOTHESIS_PROFILE=ci (default, seconds), deep (minutes) or thorough (100,000 examples).
for _profile, _examples in (("ci", 200), ("deep", 5_000), ("thorough", 100_000)):
    settings.register_profile(_profile, max_examples=_examples, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _shared_file(name: str) -> Path:
    path = SHARED / name
    if not path.is_file():
        pytest.skip(f"{path} is not available (the shared corpora live beside the repository)")
    return path


@pytest.fixture(scope="session")
def sample_article() -> str:
    return _shared_file("sample_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_yaa_table() -> list[tuple[str, str, str]]:
    rows = []
    for line in _shared_file("sample_article.yaa.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("written\t") or not line.strip():
            continue
        written, correct, word_class, *_ = line.split("\t")
        rows.append((written, correct, word_class))
    return rows
