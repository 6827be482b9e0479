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


def _read_terminal(leader: int) -> str:
    import select

    shown = b""
    while select.select([leader], [], [], 0.5)[0]:
        try:
            data = os.read(leader, 4096)
        except OSError:  # the other side is closed
            break
        if not data:
            break
        shown += data
    return shown.decode()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_only_on_a_terminal_and_only_for_runs_over_a_second(tmp_path: Path) -> None:
    import pty
    import time

    source = tmp_path / "in.txt"
    source.write_text("فى\n" * 10, encoding="utf-8")
    assert run(str(source)).stderr == b""
    leader, follower = pty.openpty()
    with open(os.devnull, "wb") as devnull:
        quick = subprocess.run([sys.executable, "-m", "arnorm", str(source)], stdout=devnull,
                               stderr=follower, timeout=60)
        assert quick.returncode == 0
        assert _read_terminal(leader) == ""  # a 30-byte file draws no "0.0 MB of 0.0 MB"
        slow = subprocess.Popen([sys.executable, "-m", "arnorm"], stdin=subprocess.PIPE, stdout=devnull,
                                stderr=follower)
        slow.stdin.write("فى\n".encode() * 1000)
        slow.stdin.flush()
        time.sleep(1.5)
        slow.stdin.write("فى\n".encode() * 1000)
        slow.stdin.close()
        assert slow.wait(60) == 0
    os.close(follower)
    shown = _read_terminal(leader)
    os.close(leader)
    assert "MB" in shown and "MB/s" in shown


# --- items of issue 28 ------------------------------------------------------------------


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.decode() == f"arnorm {arnorm.__version__}\n"


def test_help_wraps_at_spaces_and_shows_examples() -> None:
    result = subprocess.run([sys.executable, "-m", "arnorm", "--help"], capture_output=True, timeout=60,
                            env={**os.environ, "COLUMNS": "60"})
    help_text = result.stdout.decode()
    assert result.returncode == 0 and "examples:" in help_text and "arnorm --example" in help_text
    assert "remove_diacritics:keep_shadda=yes,normalize_quotes:style=curly" in help_text  # not cut
    words = set(" ".join(result.stdout.decode().split()).split(" "))
    assert not {word for word in words if word.endswith("-") and word.strip("-")}  # no word cut at a hyphen


@pytest.mark.parametrize("word, kept", [("True", True), ("yes", True), ("1", True), ("ON", True),
                                        ("false", False), ("No", False), ("0", False)])
def test_steps_take_yes_no_words_for_flags(word: str, kept: bool) -> None:
    result = run("--steps", f"remove_diacritics:keep_shadda={word}", stdin="عَلَّمَ".encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == ("علّم" if kept else "علم")


def test_steps_bad_values_are_named_in_the_users_terms() -> None:
    result = run("--steps", "remove_diacritics:keep_shadda=maybe", stdin=b"x")
    assert result.returncode == 2
    assert result.stderr.decode() == ("arnorm: --steps: remove_diacritics:keep_shadda is yes or no "
                                      "(true/false, 1/0, on/off), got 'maybe'\n")
    result = run("--steps", "reduce_repeats:max_repeat=three", stdin=b"x")
    assert "reduce_repeats:max_repeat is a whole number, got 'three'" in result.stderr.decode()


def test_a_deeply_nested_config_is_a_one_line_error(tmp_path: Path) -> None:
    config = tmp_path / "deep.json"
    config.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = run("--config", str(config), stdin=b"x")
    assert result.returncode == 1
    assert result.stderr.decode() == f"arnorm: {config}: not a pipeline description (JSON nested too deeply)\n"


def test_a_config_with_too_many_steps_is_a_clear_error(tmp_path: Path) -> None:
    config = tmp_path / "long.json"
    config.write_text(json.dumps({"steps": [{"name": "remove_tatweel"}] * 5000}), encoding="utf-8")
    result = run("--config", str(config), stdin=b"x")
    assert result.returncode == 2
    assert "at most" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


# --- output files ----------------------------------------------------------------------


def test_output_to_a_fifo_is_written_through(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("-o", str(fifo), stdin="فى\n".encode())
    reader.join(30)
    assert result.returncode == 0, result.stderr
    assert received == ["في\n".encode()]
    assert fifo.is_fifo() and sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def _device(path: Path, minor: int) -> Path:
    """A private copy of /dev/null (minor 3) or /dev/full (7): a test that
    fails can only ever replace this one, never the machine's."""
    import stat

    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
        open(path, "wb").close()  # a filesystem mounted nodev refuses to open it
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot make and open a device node here (needs root, no nodev)")
    return path


def test_output_to_a_device_or_a_link_to_one_is_written_through(tmp_path: Path) -> None:
    null = _device(tmp_path / "null", 3)
    link = tmp_path / "out"
    link.symlink_to(null)
    for target in (null, link):
        result = run("-o", str(target), stdin="فى\n".encode())
        assert result.returncode == 0, result.stderr
    assert null.is_char_device() and link.is_symlink() and os.readlink(link) == str(null)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null", "out"]


def test_output_through_a_symlink_rewrites_the_target(tmp_path: Path) -> None:
    target, link = tmp_path / "real.txt", tmp_path / "link.txt"
    target.write_text("old\n", encoding="utf-8")
    link.symlink_to(target.name)
    assert run("-o", str(link), stdin="فى\n".encode()).returncode == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "في\n"


def test_in_place_on_a_symlink_rewrites_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    target, link = tmp_path / "real.txt", tmp_path / "link.txt"
    target.write_text("فى\n", encoding="utf-8")
    link.symlink_to(target.name)
    result = run("--in-place", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert target.read_text(encoding="utf-8") == "في\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]


def test_in_place_keeps_the_mode_and_refuses_read_only_files(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("فى\n", encoding="utf-8")
    path.chmod(0o640)
    assert run("--in-place", str(path)).returncode == 0
    assert path.stat().st_mode & 0o7777 == 0o640 and path.read_text(encoding="utf-8") == "في\n"
    path.write_text("فى\n", encoding="utf-8")
    path.chmod(0o444)
    refused = run("--in-place", str(path))
    assert refused.returncode == 1
    assert refused.stderr.decode() == f"arnorm: {path}: the file is read-only; use --force to rewrite it anyway\n"
    assert path.read_text(encoding="utf-8") == "فى\n"
    assert run("--in-place", "--force", str(path)).returncode == 0
    assert path.read_text(encoding="utf-8") == "في\n" and path.stat().st_mode & 0o7777 == 0o444


def test_in_place_keeps_hard_links(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("فى\n", encoding="utf-8")
    os.link(first, second)
    assert run("--in-place", str(first)).returncode == 0
    assert second.read_text(encoding="utf-8") == "في\n"  # the same file, seen by both names
    assert os.path.samefile(first, second)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give files away")
def test_in_place_as_root_keeps_the_owner_and_group(tmp_path: Path) -> None:
    path = tmp_path / "theirs.txt"
    path.write_text("فى\n", encoding="utf-8")
    os.chown(path, 65534, 65534)
    assert run("--in-place", str(path)).returncode == 0
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (65534, 65534) and path.read_text(encoding="utf-8") == "في\n"


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_output_file_gets_the_mode_a_redirect_gives(tmp_path: Path, umask: int, mode: int) -> None:
    out = tmp_path / "out.txt"
    result = subprocess.run([sys.executable, "-m", "arnorm", "-o", str(out)], input=b"x", capture_output=True,
                            timeout=60, preexec_fn=lambda: os.umask(umask))
    assert result.returncode == 0
    assert out.stat().st_mode & 0o7777 == mode


def test_output_naming_a_directory_is_a_one_line_error(tmp_path: Path) -> None:
    result = run("-o", str(tmp_path), stdin=b"x")
    assert result.returncode == 1
    assert result.stderr.decode() == f"arnorm: {tmp_path}: Is a directory\n"
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_a_one_line_error(tmp_path: Path) -> None:
    full = _device(tmp_path / "full", 7)
    result = run("-o", str(full), stdin="فى\n".encode() * 100_000)
    assert result.returncode == 1
    assert result.stderr.decode() == f"arnorm: {full}: No space left on device\n"
    redirected = subprocess.run(f"{sys.executable} -m arnorm > {full}", shell=True, input="فى\n".encode(),
                                capture_output=True, timeout=60)
    assert redirected.returncode == 1
    assert redirected.stderr.decode() == "arnorm: standard output: No space left on device\n"
    assert full.is_char_device() and sorted(p.name for p in tmp_path.iterdir()) == ["full"]


@pytest.mark.parametrize("signal_name, status", [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_signal_during_output_leaves_no_temporary_file(tmp_path: Path, signal_name: str, status: int) -> None:
    import signal
    import time

    out = tmp_path / "out.txt"
    process = subprocess.Popen([sys.executable, "-m", "arnorm", "-o", str(out)], stdin=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    process.stdin.write("فى\n".encode() * 1000)
    process.stdin.flush()
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".out.txt.*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(tmp_path.glob(".out.txt.*")), "the temporary file never appeared"
    time.sleep(0.3)
    process.send_signal(getattr(signal, signal_name))
    assert process.wait(30) == status
    process.stdin.close()
    assert list(tmp_path.iterdir()) == [] and b"Traceback" not in process.stderr.read()


# --- reading --------------------------------------------------------------------------------


def test_reading_a_long_line_is_linear() -> None:
    import io
    import time

    from arnorm._streams import read_blocks

    start = time.process_time()
    blocks = list(read_blocks(io.BytesIO(b"x" * 16_000_000), "-", 4096))  # 3,900 reads, one line
    assert time.process_time() - start < 2  # joining the pieces once: milliseconds; quadratic: minutes
    assert [len(block.data) for block in blocks] == [16_000_000]


def test_carriage_return_lines_are_read_in_blocks(tmp_path: Path) -> None:
    import io

    from arnorm._streams import read_blocks

    data = "فى البيت\r".encode() * 10_000 + b"x\r\ny\r"
    blocks = list(read_blocks(io.BytesIO(data), "-", 4096, carriage_returns=True))
    assert max(len(block.data) for block in blocks) <= 4096 and b"".join(b.data for b in blocks) == data
    assert not any(block.data.endswith(b"\r") and next_.data.startswith(b"\n")
                   for block, next_ in zip(blocks, blocks[1:]))
    source = tmp_path / "mac.txt"
    source.write_bytes(data * 30)
    assert run(str(source)).stdout.decode() == arnorm.normalize((data * 30).decode())


# --- JSON Lines ------------------------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_jsonl_splits_on_line_feeds_only(separator: str) -> None:
    text = f"فى{separator}البيت"
    record = json.dumps({"text": text}, ensure_ascii=False) + "\n"
    result = run("--jsonl", stdin=(record * 3).encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == (json.dumps({"text": arnorm.normalize(text)}, ensure_ascii=False) + "\n") * 3
    assert result.stderr == b""
    kept = run("--jsonl", "--steps", "restore_final_yaa", stdin=(record * 3).encode())
    assert kept.stdout.decode() == record.replace("فى", "في") * 3


def test_jsonl_keeps_lone_surrogate_escapes_and_writes_valid_utf8() -> None:
    line = '{"text": "\\ud800 فى"}\n'
    result = run("--jsonl", stdin=line.encode())
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")  # valid UTF-8
    assert out == '{"text": "\\ud800 في"}\n'
    assert json.loads(out) == {"text": "\ud800 في"}
    assert run("--jsonl", stdin=result.stdout).stdout == result.stdout  # arnorm reads its own output


def test_jsonl_changes_only_the_bytes_of_the_named_values() -> None:
    digits = "7" * 5000
    lines = [
        '{"n": 1.0e5, "big": 1E400, "text": "فى", "x": -0.0}',
        '{"text": "فى", "text" : "التى", "other": "فى"}',
        '{"huge": ' + digits + ', "text":"فى"}',
        '  { "text" :\t"\\u0641\\u0649" , "k": [1,2 ,3] }  ',
        '{"t\\u0065xt": "فى", "esc": "\\/"}',
        '{"text": "فى\\n\\"قال\\""}\r',
    ]
    expected = [
        '{"n": 1.0e5, "big": 1E400, "text": "في", "x": -0.0}',
        '{"text": "في", "text" : "التي", "other": "فى"}',
        '{"huge": ' + digits + ', "text":"في"}',
        '  { "text" :\t"\\u0641\\u064a" , "k": [1,2 ,3] }  ',
        '{"t\\u0065xt": "في", "esc": "\\/"}',
        '{"text": "في\\n\\"قال\\""}\r',
    ]
    result = run("--jsonl", stdin=("\n".join(lines) + "\n").encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().split("\n") == expected + [""]


def test_jsonl_a_field_found_in_no_record_fails_with_a_summary() -> None:
    records = '{"body": "فى"}\n{"body": "التى"}\n'
    result = run("--jsonl", stdin=records.encode())
    assert result.returncode == 1
    assert result.stdout.decode() == records  # everything passes through
    assert result.stderr.decode() == (
        "arnorm: field 'text' was found in none of the 2 records (name yours with --field)\n")
    assert run("--jsonl", "--field", "body", stdin=records.encode()).returncode == 0


def test_jsonl_non_objects_and_non_strings_are_reported() -> None:
    records = '{"text": "فى"}\n[1, 2]\n{"text": 3}\n"فى"\n'
    result = run("--jsonl", stdin=records.encode())
    assert result.returncode == 0
    assert result.stdout.decode() == '{"text": "في"}\n[1, 2]\n{"text": 3}\n"فى"\n'
    assert result.stderr.decode() == (
        "arnorm: field 'text' held no string in 1 record(s) (left as they were)\n"
        "arnorm: 2 line(s) are not JSON objects\n")


def test_jsonl_equals_normalizing_each_value(sample_article: str) -> None:
    from arnorm._jsonl import normalize_records

    pipe = arnorm.Pipeline.from_preset("standard")
    lines = [line for line in sample_article.splitlines() if line.strip()]
    records = "".join(json.dumps({"i": i, "text": line, "tags": [line[:9], None]}, ensure_ascii=i % 2 == 0) + "\n"
                      for i, line in enumerate(lines))
    result = normalize_records(pipe.batch, ("text", "tags"), records, 1, skip_bad=False)
    assert result.error is None and result.records == len(lines)
    for i, (line, out) in enumerate(zip(lines, result.text.splitlines())):
        assert json.loads(out) == {"i": i, "text": pipe(line), "tags": [pipe(line[:9]), None]}


@pytest.mark.parametrize("preset", ["standard", "search"])  # search writes “” as ASCII quotes, to escape
def test_jsonl_blocks_of_one_layout_equal_the_line_by_line_path(preset: str) -> None:
    import random

    from arnorm._jsonl import normalize_records, plain_records

    pipe = arnorm.Pipeline.from_preset(preset)
    rng = random.Random(28)
    words = ["فى", "“قال”", "التى", "\u2028", "نص", "ى", "", "0", "\u00a0", "\U0001f600"]
    blocks = []
    for layout in ('{"id": %d, "text": "%s", "other": "%s"}', '{"عنوان":"%s","n":%d.5e3,"text":"%s"}'):
        lines = []
        for i in range(300):
            a, b = (" ".join(rng.choices(words, k=rng.randrange(6))) for _ in range(2))
            lines.append(layout % ((i * 7919, a, b) if layout.startswith('{"id"') else (a, i, b)))
        blocks.append("\n".join(lines) + "\n")
    blocks.append('{"text": "فى"}\n{"text": "التى"}')  # no final line feed
    for block in blocks:
        plain = plain_records(pipe.batch, ("text",), block.encode())
        assert plain is not None
        by_line = normalize_records(pipe.batch, ("text",), block, 1, skip_bad=False)
        assert plain[0].decode() == by_line.text
        assert (plain[1].records, plain[1].fields) == (by_line.records, by_line.fields)
    for block in ('{"text": "a"}\n{"id": 1, "text": "b"}\n',   # two layouts
                  '{"text": "\\u0641"}\n', '{"text": "a\tb"}\n',  # an escape, a raw tab
                  '{"text": "a"}\n\n', '{"meta": {"text": "a"}}\n', '{"text": 1}\n'):
        assert plain_records(pipe.batch, ("text",), block.encode()) is None, block


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    result = run(*args)
    return subprocess.CompletedProcess(result.args, result.returncode, result.stdout.decode("utf-8"),
                                       result.stderr.decode("utf-8"))


GREP_TEXT = "قال أحمدُ إنّ المَدْرَسَةَ فى القاهرة\nلا شيء هنا\nوالمدرسه الأخرى\n"


def test_grep_prints_the_lines_with_a_match_in_their_original_spelling(tmp_path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(GREP_TEXT, encoding="utf-8")
    assert run_cli("grep", "المدرسة", str(source)).stdout == GREP_TEXT.splitlines()[0] + "\n"
    assert run_cli("grep", "--parts", "مدرسه", str(source)).stdout.splitlines() == [
        GREP_TEXT.splitlines()[0], GREP_TEXT.splitlines()[2]]
    coloured = run_cli("grep", "--color", "always", "في", str(source)).stdout
    assert coloured == "قال أحمدُ إنّ المَدْرَسَةَ \x1b[1;31mفى\x1b[0m القاهرة\n"


def test_grep_json_gives_spans_in_characters_of_each_line(tmp_path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(GREP_TEXT, encoding="utf-8")
    output = run_cli("grep", "--json", "--parts", "مدرسه", str(source)).stdout
    records = [json.loads(line) for line in output.splitlines()]
    assert [(r["line"], r["match"]) for r in records] == [(1, "مَدْرَسَةَ"), (3, "مدرسه")]
    line = GREP_TEXT.splitlines()[0]
    assert line[records[0]["start"]:records[0]["end"]] == "مَدْرَسَةَ"


def test_grep_exits_1_without_a_match_and_2_on_bad_input(tmp_path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(GREP_TEXT, encoding="utf-8")
    assert run_cli("grep", "غائب", str(source)).returncode == 1
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\n")
    result = run_cli("grep", "x", str(bad))
    assert result.returncode == 2 and "invalid UTF-8 at byte offset 0" in result.stderr


def test_grep_names_invalid_utf8_and_replaces_it_when_asked(tmp_path) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes("قال ".encode() + b"\xff" + " احمد\nلا شيء\n".encode())
    refused = run_cli("grep", "أحمد", str(source))
    assert refused.returncode == 2 and refused.stdout == ""
    assert f"{source}: invalid UTF-8 at byte offset 7" in refused.stderr
    replaced = run_cli("grep", "--errors", "replace", "أحمد", str(source))
    assert replaced.returncode == 0 and replaced.stdout == "قال \ufffd احمد\n"


def test_grep_help_gives_its_own_default_preset() -> None:
    help_text = " ".join(run_cli("grep", "--help").stdout.split())
    assert "a preset pipeline (default: search)" in help_text
    assert "(default: standard)" not in help_text
