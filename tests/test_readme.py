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


def test_the_readme_main_command_normalizes_the_sample_article(sample_article: str) -> None:
    """The first set-up command ends by running the CLI on the sample
    article: run that part as written, from the repository."""
    import shlex
    import subprocess
    import sys

    command = re.findall(r"```bash\n(.+?)\n```", README)[0].rsplit("&& ", 1)[-1]
    program, *arguments = shlex.split(command)
    assert program.endswith("arnorm")
    result = subprocess.run([sys.executable, "-m", "arnorm", *arguments], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout == arnorm.normalize(sample_article)


def test_ci_runs_the_readme_test_command() -> None:
    test_command = re.findall(r"```bash\n(.+?)\n```", README)[1]
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


ROWS = TABLE_ROW.findall(README)


def test_the_table_lists_every_normalizer() -> None:
    assert sorted(name for name, _, _ in ROWS) == sorted(arnorm.NORMALIZERS)


@pytest.mark.parametrize("name, before, after", ROWS, ids=[row[0] for row in ROWS])
def test_table_example(name: str, before: str, after: str) -> None:
    assert getattr(arnorm, name)(ast.literal_eval(before)) == ast.literal_eval(after)
