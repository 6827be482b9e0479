"""The layers stay apart: what a normalizer means never imports how it is made fast."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "arnorm"
SEMANTIC = ["_chars.py", "_rules.py", "_registry.py", "marks.py", "letters.py", "punctuation.py",
            "spacing.py", "lucene.py", "yaa.py", "quran.py", "_yaa_words.py", "_yaa_lexicon.py", "presets.py",
            "restore.py", "_lexicon.py", "_teh_lexicon.py", "_hamza_lexicon.py"]


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports, relative ones written with their dots."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
    return names


@pytest.mark.parametrize("module", SEMANTIC)
def test_the_semantic_layer_imports_no_accelerator_and_no_numpy(module: str) -> None:
    names = imported(PACKAGE / module)
    assert not {name for name in names if name.startswith(("._accel", "._plan", "numpy", ".pipeline"))}


def test_no_function_is_longer_than_sixty_lines() -> None:
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1  # type: ignore[operator]
                if length > 60:
                    long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name} ({length} lines)")
    assert not long
