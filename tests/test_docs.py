"""The documentation is true to the code: generated pages are current, the site builds."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _gen_pages():
    spec = importlib.util.spec_from_file_location("gen_pages", ROOT / "docs" / "gen_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("page", ["normalizers.md", "presets.md"])
def test_generated_pages_are_current(page: str) -> None:
    expected = _gen_pages().PAGES[page]()
    committed = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert committed == expected, f"run: python docs/gen_pages.py ({page} is out of date)"


def test_every_normalizer_has_an_example_that_changes_it() -> None:
    import arnorm

    examples = _gen_pages().EXAMPLES
    assert set(examples) == set(arnorm.NORMALIZERS)
    for name, (text, options) in examples.items():
        assert arnorm.NORMALIZERS[name](text, **options) != text, name


def test_site_builds_strictly(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    pytest.importorskip("mkdocstrings")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "reference" / "index.html").is_file()
    shutil.rmtree(tmp_path / "site")


def test_returns_sections_are_one_item_each() -> None:
    """A Returns section of several lines is one item (its lines after the
    first indented), not one fragment per line in the API reference."""
    griffe = pytest.importorskip("griffe")

    package = griffe.load("arnorm", search_paths=[str(ROOT)], docstring_parser="google")
    fragmented = []

    def visit(obj) -> None:
        for member in obj.members.values():
            if member.is_alias:
                continue
            if member.docstring is not None:
                for section in member.docstring.parse("google"):
                    if section.kind.value == "returns" and len(section.value) != 1:
                        fragmented.append(member.path)
            if member.is_class or member.is_module:
                visit(member)

    visit(package)
    assert not fragmented


def test_no_page_shows_a_path_of_the_machine_that_built_it() -> None:
    import re

    pages = [*ROOT.joinpath("docs").rglob("*.md"), ROOT / "README.md"]
    found = [f"{page.name}: {match}" for page in pages
             for match in re.findall(r"(?<![\w.])/(?:work|home|root|Users|tmp)/[^\s)`]*", page.read_text(encoding="utf-8"))]
    assert not found


def test_arabic_in_prose_is_isolated() -> None:
    spec = importlib.util.spec_from_file_location("hooks", ROOT / "docs" / "hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    html = '<p>final ى for ي (فى، الأمريكى), <a title="فى">x</a> <code>"فى"</code></p><pre>فى</pre>'
    assert hooks.isolate(html) == ('<p>final <bdi>ى</bdi> for <bdi>ي</bdi> (<bdi>فى، الأمريكى</bdi>), '
                                   '<a title="فى">x</a> <code>"فى"</code></p><pre>فى</pre>')
