"""Reading and writing for the command line: blocks of whole lines, output
files written safely, and a progress line on a terminal."""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

BLOCK_SIZE = 1 << 20


class InputError(Exception):
    """Input that cannot be read or decoded; the message names the file and place."""


class OutputError(Exception):
    """An output that cannot be written as asked; the message names the file."""


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


def last_break(data: bytes, carriage_returns: bool) -> int:
    """Where ``data`` may be cut after its last line break (0: nowhere).

    A lone CR counts as a line break with ``carriage_returns``; a CR at the
    very end does not, since an LF may follow it in the next read (CR LF is
    one break, never cut in two).

    >>> last_break(b"a\\nb\\rc", False), last_break(b"a\\nb\\rc", True), last_break(b"a\\r", True)
    (2, 4, 0)
    """
    cut = data.rfind(b"\n") + 1
    if carriage_returns:
        cut = max(cut, data.rfind(b"\r", 0, len(data) - 1) + 1)
    return cut


def read_blocks(stream: BinaryIO, label: str, block_size: int = BLOCK_SIZE, *,
                strip_bom: bool = False, carriage_returns: bool = False) -> Iterator[Block]:
    """Read ``stream`` in blocks of whole lines (bytes, decoded by the consumer).

    Time is linear in the input whatever its line lengths: a line longer than
    ``block_size`` is gathered in pieces and joined once, into a block of its
    own. With ``carriage_returns`` a lone CR ends a line too (old Mac text),
    so such files are read in blocks as well. With ``strip_bom`` a leading
    UTF-8 byte order mark is dropped (JSON Lines must not have one); otherwise
    it is text, and ``remove_invisibles`` decides.

    >>> import io
    >>> [block.data for block in read_blocks(io.BytesIO(b"ab\\rcd\\r\\nef"), "-", 2, carriage_returns=True)]
    [b'ab\\r', b'cd\\r\\n', b'ef']
    """
    read = getattr(stream, "read1", stream.read)  # what a pipe has now, not a full block
    offset, line = 0, 1
    pending: list[bytes] = []
    if strip_bom:
        head = stream.read(3)
        if head == b"\xef\xbb\xbf":
            offset = 3
        elif head:
            pending.append(head)
    while True:
        try:
            data = read(block_size)
        except OSError as error:  # EIO, a directory given as input …
            raise InputError(f"{label}: {error.strerror or error}") from None
        cut = last_break(data, carriage_returns) if data else len(data)
        if data and cut == 0:
            pending.append(data)  # no line ends here: keep the piece, join once
            continue
        raw = b"".join([*pending, data[:cut]])
        pending = [data[cut:]] if cut < len(data) else []
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
        info = os.fstat(stream.fileno())
        size = info.st_size if stat.S_ISREG(info.st_mode) else None
    except OSError:
        size = None
    return stream, name, size


class AtomicFile:
    """Where ``-o`` and ``--in-place`` write: all or nothing, the file's
    identity kept.

    * A regular file (or a new one) is written to a temporary file beside
      it and renamed over it on success; on failure, or on SIGINT/SIGTERM
      (see :func:`cleanup_on_signals`), the temporary file is removed and the
      target left as it was. A new file gets the mode a shell redirect gives
      (``0o666`` less the umask); an existing one keeps its mode, owner and
      group.
    * A symbolic link is followed: its target is rewritten, the link stays.
    * A special file (``/dev/null``, ``/dev/stdout``, a FIFO, a device) is
      written through, never replaced.
    * A file with several hard links, or whose owner could not be given back
      to the replacement, is rewritten in place once the whole output is
      ready (every name sees the new text; not atomic for that last copy).
    * A read-only file is refused unless ``force``; a directory is refused.

    Raises:
        OutputError: the path names a directory, or a read-only file without ``force``.
    """

    def __init__(self, path: str | Path, *, force: bool = False) -> None:
        self.path = Path(os.path.realpath(path))
        self.shown = str(path)
        self.temporary: str | None = None
        self.info = _existing(self.path, self.shown, force)
        if self.info is not None and not stat.S_ISREG(self.info.st_mode):
            self.stream: BinaryIO = self._open(lambda: open(self.path, "wb"))  # written through
        else:
            self.stream = self._open(self._create_temporary)

    def _open(self, opener: Callable[[], BinaryIO]) -> BinaryIO:
        try:
            return opener()
        except OSError as error:
            raise OutputError(f"{self.shown}: {error.strerror or error}") from None

    def _create_temporary(self) -> BinaryIO:
        for attempt in range(100):
            name = self.path.parent / f".{self.path.name}.{os.getpid()}.{attempt}.tmp"
            try:
                handle = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies
            except FileExistsError:
                continue
            self.temporary = str(name)
            _ACTIVE.add(self.temporary)
            return os.fdopen(handle, "wb")
        raise FileExistsError(f"no free temporary name beside {self.path}")

    def __enter__(self) -> BinaryIO:
        return self.stream

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        try:
            try:
                self.stream.close()  # a write error may show only now (NFS, a full disk)
            except OSError:
                if kind is None:
                    raise
            if kind is None and self.temporary is not None:
                self._commit()
        except OSError as failure:
            raise OutputError(f"{self.shown}: {failure.strerror or failure}") from None
        finally:
            self.discard()

    def _commit(self) -> None:
        assert self.temporary is not None
        info = self.info
        if info is None:
            os.replace(self.temporary, self.path)
            return
        os.chmod(self.temporary, stat.S_IMODE(info.st_mode))
        if info.st_nlink > 1 or not _give_owner(self.temporary, info):
            _copy_into(self.temporary, self.path)  # the same inode: links and owner kept
            return
        os.replace(self.temporary, self.path)

    def discard(self) -> None:
        """Remove the temporary file, if it is still there."""
        if self.temporary is not None:
            _ACTIVE.discard(self.temporary)
            try:
                os.unlink(self.temporary)
            except FileNotFoundError:
                pass
            self.temporary = None


_ACTIVE: set[str] = set()
"""Temporary files being written, removed by the signal handler."""


def _existing(path: Path, shown: str, force: bool) -> os.stat_result | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise OutputError(f"{shown}: No such file or directory") from None
        return None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{shown}: Is a directory")
    if stat.S_ISREG(info.st_mode) and not force and (
            not info.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK)):
        raise OutputError(f"{shown}: the file is read-only; use --force to rewrite it anyway")
    return info


def _give_owner(temporary: str, info: os.stat_result) -> bool:
    """Give the replacement the original's owner and group; False if not allowed."""
    done = os.stat(temporary)
    if (done.st_uid, done.st_gid) == (info.st_uid, info.st_gid):
        return True
    try:
        os.chown(temporary, info.st_uid, info.st_gid)
    except PermissionError:
        return False
    return True


def _copy_into(source: str, target: Path) -> None:
    with open(source, "rb") as data, open(target, "r+b") as out:
        while chunk := data.read(BLOCK_SIZE):
            out.write(chunk)
        out.truncate()


def cleanup_on_signals() -> None:
    """On SIGTERM or SIGHUP, exit as SIGINT does (an exception, so that open
    output files remove their temporary files) with status 128 + signal."""
    import signal

    def leave(number: int, frame: object) -> None:
        for name in list(_ACTIVE):
            try:
                os.unlink(name)
            except OSError:
                pass
        raise SystemExit(128 + number)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), leave)


class Progress:
    """Bytes done, MB/s and ETA on standard error, only when it is a terminal,
    only once a run has lasted a second, and only while input of a known
    size is left (a small file draws nothing, however slow the start-up)."""

    DELAY = 1.0

    def __init__(self, total: int | None, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.total, self.done = total, 0
        self.start = self.shown = time.monotonic()
        self.drawn = False

    def advance(self, size: int) -> None:
        self.done += size
        if not self.enabled:
            return
        if self.total is not None and self.done >= self.total and not self.drawn:
            return  # all read in the first second's work: nothing to follow
        now = time.monotonic()
        if now - self.start >= self.DELAY and now - self.shown >= 0.2:
            self.shown = now
            self._show(now)

    def close(self) -> None:
        if self.drawn:
            self._show(time.monotonic())
            sys.stderr.write("\n")
            sys.stderr.flush()

    def _show(self, now: float) -> None:
        self.drawn = True
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
