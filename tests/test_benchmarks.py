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
    rows = json.loads((tmp_path / "rows.json").read_text(encoding="utf-8"))
    assert [workload["workload"] for workload in rows["workloads"]] == ["tweets", "paragraphs"]
    for workload in rows["workloads"]:
        measured_rows = {(row["preset"], row["how"]) for row in workload["results"]}
        for preset in arnorm.PRESETS:
            for how in ("normalize", "map", "pandas", "cli --jsonl"):
                assert (preset, how) in measured_rows
        assert all(row["us_per_row"] > 0 for row in workload["results"])
        assert {row["target"] for row in workload["targets"]} >= {"search: map vs arabic-norm per row"} \
            or "arabic-norm" in workload["missing_peers"]
    fixed = {(row["preset"], row["row"]) for row in rows["fixed"] if row["us_per_call"] > 0}
    assert fixed == {(preset, kind) for preset in arnorm.PRESETS for kind in ("empty", "ascii")}
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


def test_yaa_evaluation_scores_each_class_against_the_standard_text() -> None:
    from benchmarks import yaa_eval

    lines = ["ذهب في المبنى الذي على النهر", "قال موسى", "خطي"]
    assert yaa_eval.egyptianize(lines[0]) == "ذهب فى المبنى الذى على النهر"
    result = yaa_eval.score(lines)
    assert (result["tokens"], result["yaa_tokens"], result["maksura_tokens"]) == (6, 3, 3)
    assert result["maksura_accuracy"] == 1.0 and result["yaa_accuracy"] == 2 / 3  # خطي alone: خطى
    assert result["top_errors"] == [{"standard": "خطي", "restored": "خطى", "count": 1}]
    assert result["baseline_keep_every_maksura"] == result["baseline_every_maksura_to_yaa"] == 0.5
    assert result["standard_lines_unchanged"] == 1.0


def test_yaa_report_never_lists_the_errors_of_the_test_half() -> None:
    from benchmarks import yaa_eval

    scored = yaa_eval.score(["خطي في المبنى"])
    test_half = {key: value for key, value in scored.items() if key != "top_errors"}
    report = yaa_eval.markdown({"sets": {"news-test": test_half, "news-dev": scored}, "unavailable": {"ui": "offline"}})
    assert "| News, test half |" in report and "| News, development half |" in report
    assert "Most frequent errors (News, development half)" in report
    assert "(News, test half)" not in report
    assert "Not measured, ui: offline" in report


def test_yaa_mixed_text_keeps_its_stray_standard_telltales() -> None:
    from benchmarks import yaa_eval

    lines = ["ذهب في المبنى الرئيسي", "وهي الأولى في المستشفى الأمريكي"]
    # every telltale left in standard spelling: both lines read as standard, so their other ى stay
    mixed = yaa_eval.mixed_text(lines, stray_every=1)
    assert mixed["egyptian_with_strays_accuracy"] == 6 / 8  # الرئيسي and الأمريكي stay ى
    assert mixed["egyptian_accuracy"] == 1.0
    # the first final ي of each line written ى: فى, which its line restores; وهى, which may be
    # the verb "it weakened" and counts half, so that في keeps its line standard and وهى stays
    assert (mixed["stray_lines"], mixed["stray_rest_unchanged"], mixed["stray_fixed"]) == (2, 1.0, 0.5)
    assert mixed["units"]["line"] == {"standard_lines_unchanged": 1.0, "egyptian_accuracy": 1.0}
