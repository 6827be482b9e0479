"""The ``arnorm`` command: normalize files or standard input to standard output.

Text is read and written in blocks of whole lines, so memory stays flat on
files of any size; every step of arnorm works within a line, so the result is
the same as normalizing the whole file at once.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

BLOCK_SIZE = 1 << 20
EXAMPLE = Path(__file__).with_name("data") / "example.txt"


class InputError(Exception):
    """A file that cannot be read or decoded; the message names it."""


def _blocks(stream: BinaryIO, label: str, errors: str) -> Iterator[str]:
    """Decoded blocks of whole lines; invalid UTF-8 names the byte offset."""
    offset = 0
    pending = b""
    while True:
        data = stream.read(BLOCK_SIZE)
        if not data:
            block, pending = pending, b""
        else:
            data = pending + data
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                pending = data
                continue
            block, pending = data[:cut], data[cut:]
        if not block:
            return
        try:
            yield block.decode("utf-8", errors)
        except UnicodeDecodeError as error:
            raise InputError(
                f"{label}: invalid UTF-8 at byte offset {offset + error.start} "
                f"(use --errors replace to substitute U+FFFD)"
            ) from None
        offset += len(block)


def _parser() -> argparse.ArgumentParser:
    from .presets import PRESETS

    parser = argparse.ArgumentParser(
        prog="arnorm", description="Normalize Arabic text (files or standard input) to standard output."
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files; '-' or none reads standard input")
    parser.add_argument("-p", "--preset", default="standard", choices=sorted(PRESETS),
                        help="the pipeline to run (default: standard)")
    parser.add_argument("-o", "--output", metavar="PATH",
                        help="write here instead of standard output (atomically: all or nothing)")
    parser.add_argument("--errors", choices=("strict", "replace"), default="strict",
                        help="invalid UTF-8: stop with an error (default) or substitute U+FFFD")
    parser.add_argument("--example", action="store_true",
                        help="show a bundled example text before and after normalization")
    return parser


def _open_input(name: str) -> tuple[BinaryIO, str]:
    if name == "-":
        return sys.stdin.buffer, "<stdin>"
    try:
        return open(name, "rb"), name
    except OSError as error:
        raise InputError(f"{name}: {error.strerror or error}") from None


def _normalize_files(names: list[str], preset: str, errors: str, out: BinaryIO) -> None:
    from .pipeline import Pipeline

    pipe = Pipeline.from_preset(preset)
    for name in names or ["-"]:
        stream, label = _open_input(name)
        try:
            for block in _blocks(stream, label, errors):
                out.write(pipe(block).encode("utf-8", "surrogatepass"))
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()


def _show_example(preset: str) -> None:
    from .pipeline import normalize

    text = EXAMPLE.read_text(encoding="utf-8")
    sys.stdout.write(f"--- before ---\n{text}\n--- after (preset {preset}) ---\n{normalize(text, preset)}\n")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.example:
            _show_example(args.preset)
        elif args.output:
            _write_atomically(args.output, args.files, args.preset, args.errors)
        else:
            _normalize_files(args.files, args.preset, args.errors, sys.stdout.buffer)
            sys.stdout.flush()
    except InputError as error:
        print(f"arnorm: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (arnorm big.txt | head): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    return 0


def _write_atomically(path: str, files: list[str], preset: str, errors: str) -> None:
    target = Path(path)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            _normalize_files(files, preset, errors, out)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
