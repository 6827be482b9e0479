"""The README stays true: its table examples run, its commands are CI's."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import arnorm

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
TABLE_ROW = re.compile(r"^\| `(\w+)` \| .*? \| `(.+?)` \| `(.+?)` \|$", re.MULTILINE)


def test_the_readme_main_command_runs_in_a_bare_clone() -> None:
    """The first set-up command ends by running the CLI on its bundled
    example, which a bare clone has: run that part as written, from the
    repository, and compare with the library."""
    import shlex
    import subprocess
    import sys

    command = re.findall(r"```bash\n(.+?)\n```", README)[0].rsplit("&& ", 1)[-1]
    program, *arguments = shlex.split(command)
    assert program.endswith("arnorm") and arguments == ["--example"]
    result = subprocess.run([sys.executable, "-m", "arnorm", *arguments], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    example = (ROOT / "arnorm" / "data" / "example.txt").read_text(encoding="utf-8")
    assert result.stdout == f"--- before ---\n{example}\n--- after ---\n{arnorm.normalize(example)}\n"


def test_the_readme_names_the_sample_article_second(sample_article: str) -> None:
    assert "arnorm ../shared/corpora/sample_article.txt" in README
    assert README.index("arnorm --example") < README.index("arnorm ../shared/corpora/sample_article.txt")


def test_the_readme_says_how_long_the_tests_take_and_offers_a_smoke_run() -> None:
    assert "about ten minutes" in README and "one-minute smoke run" in README
    assert "HYPOTHESIS_PROFILE=thorough" not in README and "docs/testing.md" in README


def test_ci_runs_the_readme_test_command() -> None:
    test_command = re.findall(r"```bash\n(.+?)\n```", README)[1]
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


ROWS = TABLE_ROW.findall(README)


def test_the_table_lists_every_normalizer() -> None:
    assert sorted(name for name, _, _ in ROWS) == sorted(arnorm.NORMALIZERS)


@pytest.mark.parametrize("name, before, after", ROWS, ids=[row[0] for row in ROWS])
def test_table_example(name: str, before: str, after: str) -> None:
    assert getattr(arnorm, name)(ast.literal_eval(before)) == ast.literal_eval(after)
