"""Reading and writing for the command line: blocks of whole lines, atomic
output files, and a progress line on a terminal."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

BLOCK_SIZE = 1 << 20


class InputError(Exception):
    """Input that cannot be read or decoded; the message names the file and place."""


@dataclass(frozen=True)
class Block:
    """Whole lines of one input, undecoded, with where they start."""

    data: bytes
    label: str
    first_line: int
    offset: int

    def decode(self, errors: str = "strict") -> str:
        """The text; invalid UTF-8 raises :class:`InputError` naming file and byte offset."""
        try:
            return self.data.decode("utf-8", errors)
        except UnicodeDecodeError as error:
            raise InputError(
                f"{self.label}: invalid UTF-8 at byte offset {self.offset + error.start} "
                "(use --errors replace to substitute U+FFFD)"
            ) from None


def read_blocks(stream: BinaryIO, label: str, block_size: int = BLOCK_SIZE, *,
                strip_bom: bool = False) -> Iterator[Block]:
    """Read ``stream`` in blocks of whole lines (bytes, decoded by the consumer).

    A line longer than ``block_size`` becomes one block of its own, so a
    block always starts at a character boundary. With ``strip_bom`` a leading
    UTF-8 byte order mark is dropped (JSON Lines must not have one); otherwise
    it is text, and ``remove_invisibles`` decides.
    """
    offset, line = 0, 1
    pending = b""
    if strip_bom:
        head = stream.read(3)
        if head == b"\xef\xbb\xbf":
            offset = 3
        else:
            pending = head
    while True:
        data = stream.read(block_size)
        if data:
            data = pending + data
            cut = data.rfind(b"\n") + 1
            if cut == 0:
                pending = data
                continue
            raw, pending = data[:cut], data[cut:]
        else:
            raw, pending = pending, b""
        if not raw:
            return
        yield Block(raw, label, line, offset)
        offset += len(raw)
        line += raw.count(b"\n")


def open_input(name: str) -> tuple[BinaryIO, str, int | None]:
    """The byte stream, display name and size (when known) of an input."""
    if name == "-":
        return sys.stdin.buffer, "<stdin>", None
    try:
        stream = open(name, "rb")
    except OSError as error:
        raise InputError(f"{name}: {error.strerror or error}") from None
    try:
        size = os.fstat(stream.fileno()).st_size
    except OSError:
        size = None
    return stream, name, size


class AtomicFile:
    """A file written to a temporary name beside it and renamed on success.

    On failure the temporary file is removed and the target left as it was.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        handle, self.temporary = tempfile.mkstemp(
            dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
        )
        self.stream: BinaryIO = os.fdopen(handle, "wb")

    def __enter__(self) -> BinaryIO:
        return self.stream

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.stream.close()
        if kind is None:
            if self.path.exists():
                os.chmod(self.temporary, self.path.stat().st_mode & 0o7777)
            os.replace(self.temporary, self.path)
        else:
            os.unlink(self.temporary)


class Progress:
    """Bytes done, MB/s and ETA on standard error, only when it is a terminal."""

    def __init__(self, total: int | None, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.total, self.done = total, 0
        self.start = self.shown = time.monotonic()

    def advance(self, size: int) -> None:
        self.done += size
        now = time.monotonic()
        if self.enabled and now - self.shown >= 0.2:
            self.shown = now
            self._show(now)

    def close(self) -> None:
        if self.enabled:
            self._show(time.monotonic())
            sys.stderr.write("\n")
            sys.stderr.flush()

    def _show(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        line = f"\rarnorm: {self.done / 1e6:,.1f} MB"
        if self.total:
            left = max(self.total - self.done, 0) / rate if rate else 0
            line += f" of {self.total / 1e6:,.1f} MB, {rate / 1e6:,.1f} MB/s, ETA {left:,.0f} s"
        else:
            line += f", {rate / 1e6:,.1f} MB/s"
        sys.stderr.write(line + " " * 4)
        sys.stderr.flush()
