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
    if "pyarabic" not in data["missing_peers"]:
        # Each ratio says whether the two did the same job on that corpus.
        rows = {(row["corpus"], row["arnorm"], row["peer"]): row for row in data["ratios"]}
        assert all(isinstance(row["same_output"], bool) for row in rows.values())
        tatweel = rows["stress", "remove_tatweel", "pyarabic: strip_tatweel"]
        assert tatweel["same_output"] and tatweel["alike"] == 1.0
        forms = rows["stress", "fold_presentation_forms", "pyarabic: normalize_ligature"]
        assert not forms["same_output"] and 0 < forms["alike"] < 1  # pyarabic folds only lam-alef
        for corpus in data["corpora"]:  # the namesake with the replaces it lacks: the same job
            hamza = rows[corpus, "normalize_hamza", "pyarabic: normalize_hamza, same job"]
            assert hamza["same_output"] and hamza["alike"] == 1.0
        assert "| characters alike |" in table
