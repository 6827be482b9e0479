"""The benchmark suite runs (quick mode, small corpora); no timing is asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import arnorm

ROOT = Path(__file__).resolve().parents[1]


def test_quick_suite_writes_its_reports(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--no-plots", "--size", "0.05", "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    measured = {(row["corpus"], row["name"]) for row in data["results"]}
    assert "stress" in data["corpora"]  # generated, so always there
    for corpus in data["corpora"]:
        for name in arnorm.NORMALIZERS:
            assert (corpus, name) in measured
        for preset in arnorm.PRESETS:
            assert (corpus, f"preset: {preset}") in measured
        assert (corpus, "baseline: encode+decode") in measured
    assert all(row["mb_per_s"] > 0 and row["peak_mb"] >= 0 for row in data["results"])
    assert data["per_call"] and all(row["us_per_call"] > 0 for row in data["per_call"])
    table = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert "| preset: standard | preset |" in table
    for name, why in {**data["skipped"], **data["missing_peers"]}.items():
        assert why, name  # every skip says why
