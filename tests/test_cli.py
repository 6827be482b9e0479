"""The arnorm command, run as a real subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import arnorm


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "arnorm", *args], input=stdin,
                          capture_output=True, timeout=60)


def test_stdin_to_stdout() -> None:
    result = run(stdin="فى  “البيت”\r\n".encode())
    assert result.returncode == 0
    assert result.stdout.decode() == 'في "البيت"\n'


def test_files_in_order_and_preset(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("أحمد\n", encoding="utf-8")
    second.write_text("مدرسة", encoding="utf-8")
    result = run("--preset", "search", str(first), str(second))
    assert result.stdout.decode() == "احمد\nمدرسه"


def test_output_equals_normalizing_the_whole_text(sample_article: str, tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text(sample_article * 3, encoding="utf-8")
    result = run(str(source))
    assert result.stdout.decode() == arnorm.normalize(sample_article * 3)


def test_invalid_utf8_names_the_file_and_offset(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("سطر\n".encode() * 3 + b"ab\xffc\n")
    result = run(str(bad))
    assert result.returncode == 1
    offset = len("سطر\n".encode()) * 3 + 2
    assert result.stderr.decode().strip() == (
        f"arnorm: {bad}: invalid UTF-8 at byte offset {offset} (use --errors replace to substitute U+FFFD)"
    )


def test_invalid_utf8_replaced_on_request() -> None:
    result = run("--errors", "replace", stdin=b"a\xffb")
    assert result.returncode == 0
    assert result.stdout.decode() == "a\ufffdb"


def test_output_file_is_atomic(tmp_path: Path) -> None:
    good, bad, out = tmp_path / "good.txt", tmp_path / "bad.txt", tmp_path / "out.txt"
    good.write_text("فى\n", encoding="utf-8")
    bad.write_bytes(b"\xff")
    assert run(str(good), "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8") == "في\n"
    assert run(str(good), str(bad), "-o", str(out)).returncode == 1
    assert out.read_text(encoding="utf-8") == "في\n"  # untouched: no partial output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "good.txt", "out.txt"]


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run(str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert "missing.txt: No such file or directory" in result.stderr.decode()


def test_empty_input() -> None:
    result = run()
    assert result.returncode == 0 and result.stdout == b""


def test_example_prints_before_and_after() -> None:
    result = run("--example")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "--- before ---" in out and "--- after (preset standard) ---" in out
    before, after = out.split("--- after (preset standard) ---")
    assert "فى" in before and " فى " not in after and "في" in after


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("فى البيت\n" * 400_000, encoding="utf-8")
    result = subprocess.run(f"{sys.executable} -m arnorm {big} | head -n 1", shell=True,
                            capture_output=True, timeout=120)
    assert result.stdout.decode() == "في البيت\n"
    assert result.stderr == b""
