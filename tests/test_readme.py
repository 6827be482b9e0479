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


def test_readme_has_exactly_two_setup_commands_at_the_top() -> None:
    head = README.split("## ", 1)[0]
    commands = re.findall(r"```bash\n(.+?)\n```", head)
    assert len(commands) == 2
    assert commands[0].startswith("python3 -m venv .venv")
    assert commands[0].endswith("arnorm ../shared/corpora/sample_article.txt")
    assert commands[1].endswith("python -m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    test_command = re.findall(r"```bash\n(.+?)\n```", README)[1]
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


ROWS = TABLE_ROW.findall(README)


def test_the_table_lists_every_normalizer() -> None:
    assert sorted(name for name, _, _ in ROWS) == sorted(arnorm.NORMALIZERS)


@pytest.mark.parametrize("name, before, after", ROWS, ids=[row[0] for row in ROWS])
def test_table_example(name: str, before: str, after: str) -> None:
    assert getattr(arnorm, name)(ast.literal_eval(before)) == ast.literal_eval(after)
