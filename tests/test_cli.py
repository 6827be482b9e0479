"""The arnorm command, run as a real subprocess."""

from __future__ import annotations

import json
import os
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
    assert "--- before ---" in out and "--- after ---" in out
    before, after = out.split("--- after ---")
    assert "فى" in before and " فى " not in after and "في" in after


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("فى البيت\n" * 400_000, encoding="utf-8")
    result = subprocess.run(f"{sys.executable} -m arnorm {big} | head -n 1", shell=True,
                            capture_output=True, timeout=120)
    assert result.stdout.decode() == "في البيت\n"
    assert result.stderr == b""


def test_steps_with_options() -> None:
    result = run("--steps", "remove_tatweel,normalize_quotes:style=curly,reduce_repeats:max_repeat=1",
                 stdin='"جمييييل" نـــص'.encode())
    assert result.stdout.decode() == "“جميل” نص"


def test_config_file(tmp_path: Path) -> None:
    config = tmp_path / "pipe.json"
    pipe = arnorm.Pipeline(["remove_tatweel", {"name": "normalize_digits", "options": {"to": "arabic"}}])
    config.write_text(json.dumps(pipe.to_dict()), encoding="utf-8")
    assert run("--config", str(config), stdin="عـام 2024".encode()).stdout.decode() == "عام ٢٠٢٤"


def test_steps_parse_into_the_to_dict_form() -> None:
    from arnorm.cli import parse_steps

    data = parse_steps("remove_tatweel, normalize_quotes:style=curly,reduce_repeats:max_repeat=3,"
                       "remove_diacritics:keep_shadda=true")
    assert data == {"version": 1, "steps": [
        {"name": "remove_tatweel", "options": {}},
        {"name": "normalize_quotes", "options": {"style": "curly"}},
        {"name": "reduce_repeats", "options": {"max_repeat": 3}},
        {"name": "remove_diacritics", "options": {"keep_shadda": True}},
    ]}
    assert arnorm.Pipeline.from_dict(data).to_dict() == data
    assert parse_steps("restore_final_yaa:exceptions=null")["steps"] == [
        {"name": "restore_final_yaa", "options": {"exceptions": None}}]


def test_a_preset_saved_as_config_equals_the_preset(tmp_path: Path) -> None:
    config = tmp_path / "search.json"
    config.write_text(json.dumps(arnorm.PRESETS["search"]), encoding="utf-8")
    text = "قال الأمريكــى فِى “بيانه” ٢٠٢٤ جمييييل\n".encode()
    by_config = run("--config", str(config), stdin=text)
    assert by_config.returncode == 0
    assert by_config.stdout == run("--preset", "search", stdin=text).stdout == "قال الامريكي في \"بيانه\" 2024 جمييل\n".encode()


def test_steps_and_their_config_give_the_same_pipeline(tmp_path: Path) -> None:
    from arnorm.cli import parse_steps

    steps = "remove_diacritics:keep_shadda=true,normalize_quotes:style=guillemets"
    config = tmp_path / "pipe.json"
    config.write_text(json.dumps(parse_steps(steps)), encoding="utf-8")
    text = "“عَلَّمَ”"
    by_steps, by_config = run("explain", text, "--steps", steps), run("explain", text, "--config", str(config))
    assert by_steps.stdout == by_config.stdout
    assert by_steps.stdout.decode().splitlines()[-1].split() == ["normalize_quotes", "'«علّم»'"]


def test_a_config_must_be_in_the_to_dict_form(tmp_path: Path) -> None:
    config = tmp_path / "old.json"
    config.write_text(json.dumps({"steps": ["remove_tatweel"]}), encoding="utf-8")
    result = run("--config", str(config), stdin=b"x")
    assert result.returncode == 2
    assert result.stderr.decode() == (
        'arnorm: each step is {"name": ..., "options": {...}}, got \'remove_tatweel\'\n')


@pytest.mark.parametrize(
    "args, message",
    [
        (["--steps", "no_such_step"], "unknown step 'no_such_step'"),
        (["--steps", "normalize_quotes:style=odd"], "unknown quote style"),
        (["--steps", "normalize_quotes:style"], "key=value"),
    ],
)
def test_bad_steps_are_clear_errors(args: list[str], message: str) -> None:
    result = run(*args, stdin=b"x")
    assert result.returncode == 2
    assert message in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_list_names_every_step_and_preset() -> None:
    out = run("list").stdout.decode()
    for name in list(arnorm.NORMALIZERS) + list(arnorm.PRESETS):
        assert f"  {name} " in out
    (minimal,) = [line for line in out.splitlines() if line.startswith("  minimal ")]
    assert minimal.split(None, 1)[1] == "fold_presentation_forms, remove_invisibles, normalize_whitespace"


def test_explain_shows_each_change() -> None:
    out = run("explain", "فـــى  البيت").stdout.decode().splitlines()
    assert [line.split()[0] for line in out] == [
        "input", "remove_tatweel", "restore_final_yaa", "normalize_whitespace"]
    assert out[-1].endswith("'في البيت'")


def test_jsonl_changes_only_the_fields(tmp_path: Path) -> None:
    lines = [
        '{"id": 1, "text": "فى البيت", "other": "فى", "n": 1.5}',
        '{"id":2,"meta":{"title":"التى","tags":["الذى",3]},"text":null}',
        "",
        '{"id": 3}',
        '{"id": 4, "text": "\\u0641\\u0649"}',
        "[1, 2]",
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("--jsonl", "--field", "text", "--field", "meta.title", "--field", "meta.tags", str(source))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().split("\n") == [
        '{"id": 1, "text": "في البيت", "other": "فى", "n": 1.5}',
        '{"id":2,"meta":{"title":"التي","tags":["الذي",3]},"text":null}',
        "",
        '{"id": 3}',
        '{"id": 4, "text": "\\u0641\\u064a"}',
        "[1, 2]",
        "",
    ]


def test_jsonl_bad_line_is_an_error_naming_the_line(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "a"}\n{"text": "b"}\n{oops\n', encoding="utf-8")
    result = run("--jsonl", str(source))
    assert result.returncode == 1
    assert f"arnorm: {source}: line 3: invalid JSON" in result.stderr.decode()


def test_jsonl_skip_bad_passes_lines_through_and_counts(tmp_path: Path) -> None:
    result = run("--jsonl", "--skip-bad", stdin='{"text": "فى"}\n{oops\nnope\n'.encode())
    assert result.returncode == 0
    assert result.stdout.decode() == '{"text": "في"}\n{oops\nnope\n'
    assert "passed 2 malformed line(s) through untouched" in result.stderr.decode()


def test_jsonl_bom_and_crlf() -> None:
    result = run("--jsonl", stdin=b'\xef\xbb\xbf{"text": "\xd9\x81\xd9\x89"}\r\n')
    assert result.stdout == '{"text": "في"}\r\n'.encode()


def test_text_bom_and_crlf() -> None:
    result = run(stdin="\ufeffفى\r\nالتى\r\n".encode())
    assert result.stdout.decode() == "في\nالتي\n"


def test_jobs_two_is_byte_identical_to_one(sample_article: str, tmp_path: Path) -> None:
    source = tmp_path / "big.txt"
    source.write_text(sample_article * 800, encoding="utf-8")  # about 3 MB: several blocks
    one = run("--jobs", "1", str(source))
    two = run("--jobs", "2", str(source))
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout == arnorm.normalize(sample_article * 800).encode()


def test_jsonl_jobs_two_is_byte_identical_to_one(tmp_path: Path) -> None:
    source = tmp_path / "big.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for i in range(60_000):
            out.write(json.dumps({"id": i, "text": f"فى المبنى {i} “نص”"}, ensure_ascii=False) + "\n")
    one, two = run("--jsonl", str(source)), run("--jsonl", "-j", "2", str(source))
    assert one.stdout == two.stdout and one.stdout.count(b"\n") == 60_000


def test_in_place(tmp_path: Path) -> None:
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path in files:
        path.write_text("فى\n", encoding="utf-8")
    assert run("--in-place", *map(str, files)).returncode == 0
    assert [path.read_text(encoding="utf-8") for path in files] == ["في\n", "في\n"]


def test_a_huge_line() -> None:
    line = "فى البيت " * 700_000  # about 10 MB, no line break
    result = run(stdin=line.encode())
    assert result.stdout.decode() == arnorm.normalize(line)


def test_invalid_utf8_in_a_later_block(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    good = ("سطر\n" * 300_000).encode()  # beyond the first 1 MiB block
    bad.write_bytes(good + b"\xc3(\n")
    result = run(str(bad), "-o", str(tmp_path / "out.txt"))
    assert f"invalid UTF-8 at byte offset {len(good)}" in result.stderr.decode()
    assert not (tmp_path / "out.txt").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_only_on_a_terminal(tmp_path: Path) -> None:
    import pty

    source = tmp_path / "in.txt"
    source.write_text("فى\n" * 10, encoding="utf-8")
    quiet = run(str(source))
    assert quiet.stderr == b""
    leader, follower = pty.openpty()
    with open(os.devnull, "wb") as devnull:
        process = subprocess.run([sys.executable, "-m", "arnorm", str(source)], stdout=devnull,
                                 stderr=follower, timeout=60)
    os.close(follower)
    shown = os.read(leader, 4096).decode()
    os.close(leader)
    assert process.returncode == 0
    assert "MB" in shown and "ETA" in shown
