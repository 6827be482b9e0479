"""The ``arnorm`` command line.

::

    arnorm [FILE ...]            normalize files (or standard input) to standard output
    arnorm list                  every step and preset, one line each
    arnorm explain TEXT          what each step of the pipeline changes in TEXT

Input is read in blocks of whole lines (a line ends at LF, or at a lone CR
in text), so memory stays flat on files of any size; every arnorm step works
within a line, so the result is byte for byte that of normalizing the whole
file at once, with ``--jobs 1`` or ``--jobs N``. Heavy modules (NumPy, the
pipeline compiler, the JSON Lines reader, the ى lexicon) are imported only
when the input needs them: ``--help``, ``--version`` and ``list`` load none.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from ._streams import (
    AtomicFile,
    Block,
    InputError,
    OutputError,
    Progress,
    cleanup_on_signals,
    open_input,
    read_blocks,
)
from .presets import FORMAT_VERSION, PRESETS

if TYPE_CHECKING:
    from ._jsonl import RecordsResult
    from .pipeline import Pipeline

EXAMPLE = Path(__file__).with_name("data") / "example.txt"


@dataclass(frozen=True)
class Job:
    """How to turn one block of input into output bytes (sent once to each worker).

    Decoding and encoding happen here, in the worker, so that with several
    jobs the main process only moves bytes.
    """

    pipeline: Pipeline
    fields: tuple[str, ...] = ()
    skip_bad: bool = False
    errors: str = "strict"

    def run(self, block: Block) -> Converted:
        if self.fields and self.errors == "strict":
            from ._jsonl import plain_records

            plain = plain_records(self.pipeline.batch, self.fields, block.data)
            if plain is not None:
                return Converted(plain[0], len(block.data), records=plain[1])
        try:
            text = block.decode(self.errors)
        except InputError as error:
            return Converted(b"", len(block.data), error=str(error))
        if not self.fields:
            return Converted(self.pipeline(text).encode("utf-8", "surrogatepass"), len(block.data))
        from ._jsonl import normalize_records

        result = normalize_records(self.pipeline.batch, self.fields, text, block.first_line,
                                   skip_bad=self.skip_bad)
        error = result.error and (f"{block.label}: {result.error} "
                                  "(use --skip-bad to pass such lines through)")
        # A changed record never holds a raw lone surrogate (written as an
        # escape); an unchanged one comes from valid UTF-8: strict encoding.
        return Converted(result.text.encode("utf-8"), len(block.data), result.skipped, error, result)


class Converted(NamedTuple):
    """A block's output, its input size, the malformed lines passed through,
    an error, and (JSON Lines) what was found in it."""

    data: bytes
    size: int
    skipped: int = 0
    error: str | None = None
    records: RecordsResult | None = None


def _run_block(job: Job, block: Block) -> Converted:
    return job.run(block)


# --- choosing the pipeline ---------------------------------------------------------

_TRUE, _FALSE = ("true", "yes", "on", "1"), ("false", "no", "off", "0")
MAX_CONFIG_BYTES = 1 << 20
"""A ``--config`` file larger than this is refused (a pipeline is a few hundred bytes)."""


def _add_errors_option(parser: argparse.ArgumentParser) -> None:
    """``--errors``, what to do with invalid UTF-8 (the main command's and grep's)."""
    parser.add_argument("--errors", choices=("strict", "replace"), default="strict",
                        help="invalid UTF-8: stop with an error (default) or substitute U+FFFD")


def _add_pipeline_options(parser: argparse.ArgumentParser, default: str = "standard") -> None:
    group = parser.add_argument_group("pipeline (one of)").add_mutually_exclusive_group()
    group.add_argument("-p", "--preset", choices=sorted(PRESETS),
                       help=f"a preset pipeline (default: {default})")
    group.add_argument("--steps", metavar="STEP,...",
                       help="steps in order, options after colons, e.g. "
                            "remove_diacritics:keep_shadda=yes,normalize_quotes:style=curly")
    group.add_argument("--config", metavar="FILE",
                       help="a pipeline saved with Pipeline.to_dict() as JSON (the form of arnorm.PRESETS[name])")


def _option_value(step: str, key: str, raw: str) -> Any:
    """``raw`` read as the type of the option's default: a yes/no word for a
    flag, a whole number for a count, the text itself for a choice, JSON else."""
    from ._registry import NORMALIZERS

    func = NORMALIZERS.get(step)
    default = getattr(func, "__kwdefaults__", None) or {}
    if key not in default or default[key] is None:
        try:
            return json.loads(raw)
        except ValueError:
            return raw
    kind = type(default[key])
    if kind is bool:
        word = raw.strip().lower()
        if word in _TRUE + _FALSE:
            return word in _TRUE
        raise ValueError(f"--steps: {step}:{key} is yes or no (true/false, 1/0, on/off), got {raw!r}")
    if kind is int:
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"--steps: {step}:{key} is a whole number, got {raw!r}") from None
    return raw


def parse_steps(spec: str) -> dict[str, Any]:
    """Read ``--steps`` into the form :meth:`Pipeline.to_dict` writes.

    Steps are separated by commas, options follow their step after colons.
    A value is read as its option's type: a flag takes ``true``/``false``,
    ``yes``/``no``, ``on``/``off`` or ``1``/``0`` in any case, a count a
    whole number, a choice its name; an option without a typed default is
    read as JSON when it is (``null``), else as a string.

    >>> parse_steps("remove_tatweel,reduce_repeats:max_repeat=3")["steps"]
    [{'name': 'remove_tatweel', 'options': {}}, {'name': 'reduce_repeats', 'options': {'max_repeat': 3}}]
    >>> parse_steps("remove_diacritics:keep_shadda=Yes")["steps"][0]["options"]
    {'keep_shadda': True}
    >>> parse_steps("normalize_quotes:style=curly")
    {'version': 1, 'steps': [{'name': 'normalize_quotes', 'options': {'style': 'curly'}}]}
    """
    steps: list[dict[str, Any]] = []
    for item in filter(None, (part.strip() for part in spec.split(","))):
        name, *settings = (part.strip() for part in item.split(":"))
        options = {}
        for setting in settings:
            key, equals, raw = setting.partition("=")
            if not equals:
                raise ValueError(f"--steps: option {setting!r} of {name!r} is not of the form key=value")
            options[key.strip()] = _option_value(name, key.strip(), raw.strip())
        steps.append({"name": name, "options": options})
    if not steps:
        raise ValueError("--steps names no step")
    return {"version": FORMAT_VERSION, "steps": steps}


def _read_config(path: str) -> Any:
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise InputError(f"{path}: larger than {MAX_CONFIG_BYTES:,} bytes; not a pipeline description")
    try:
        return json.loads(data.decode("utf-8"))
    except RecursionError:
        raise InputError(f"{path}: not a pipeline description (JSON nested too deeply)") from None
    except ValueError as error:
        raise InputError(f"{path}: not a JSON pipeline description ({error})") from None


def _pipeline(args: argparse.Namespace) -> Pipeline:
    """The pipeline of ``--steps``, ``--config`` or ``--preset``: each is read
    into the :meth:`Pipeline.to_dict` form, and built by ``from_dict``."""
    from .pipeline import Pipeline

    if args.steps:
        data = parse_steps(args.steps)
    elif args.config:
        data = _read_config(args.config)
    else:
        data = PRESETS[args.preset or "standard"]
    return Pipeline.from_dict(data)


# --- commands -------------------------------------------------------------------------

EXAMPLES = """\
examples:
  arnorm --example                          the bundled paragraph, before and after
  arnorm article.txt > clean.txt            a file to standard output
  arnorm --preset search -o keys.txt a.txt  search keys of a file, written atomically
  arnorm --in-place notes/*.txt             rewrite files (mode, owner and links kept)
  arnorm --steps remove_tatweel,remove_diacritics:keep_shadda=yes poem.txt
  arnorm --jsonl --field text --field meta.title dump.jsonl > clean.jsonl
  arnorm explain "فـــى  البيت"               what each step changes

Other commands: 'arnorm list' (every step and preset), 'arnorm explain TEXT'.
Exit status: 0 done, 1 an input or output error, 2 a usage error.
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help text wrapped at spaces only: never inside a word or an example."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        import textwrap

        return textwrap.wrap(" ".join(text.split()), width, break_long_words=False, break_on_hyphens=False)


def _normalize_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="arnorm", formatter_class=_Formatter, epilog=EXAMPLES,
        description="Normalize Arabic text from files or standard input to standard output.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files; '-' or none reads standard input")
    parser.add_argument("-V", "--version", action="version", version=f"arnorm {__version__}")
    _add_pipeline_options(parser)
    out = parser.add_argument_group("output").add_mutually_exclusive_group()
    out.add_argument("-o", "--output", metavar="PATH",
                     help="write to PATH, atomically (all or nothing); a device or FIFO is written through")
    out.add_argument("--in-place", action="store_true",
                     help="rewrite each FILE atomically, keeping its mode, owner and hard links")
    parser.add_argument("--force", action="store_true", help="with -o or --in-place: rewrite read-only files too")
    parser.add_argument("--jsonl", action="store_true", help="input is JSON Lines; normalize only --field values")
    parser.add_argument("--field", action="append", default=[], metavar="PATH",
                        help="a field to normalize, dotted for nested ones (repeatable; default: text)")
    parser.add_argument("--skip-bad", action="store_true",
                        help="with --jsonl: pass malformed lines through untouched and count them")
    _add_errors_option(parser)
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="normalize in N processes; the output is the same as with one")
    parser.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                        help="progress on standard error for runs over a second (auto: when it is a terminal)")
    parser.add_argument("--example", action="store_true",
                        help="show a bundled example text before and after normalization")
    return parser


def _check(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if (args.field or args.skip_bad) and not args.jsonl:
        parser.error("--field and --skip-bad go with --jsonl")
    if args.in_place and (not args.files or "-" in args.files):
        parser.error("--in-place needs files, not standard input")
    if args.force and not (args.in_place or args.output):
        parser.error("--force goes with -o or --in-place")


def _normalize(argv: list[str]) -> int:
    parser = _normalize_parser()
    args = parser.parse_args(argv)
    _check(parser, args)
    pipeline = _pipeline(args)
    if args.example:
        text = EXAMPLE.read_text(encoding="utf-8")
        sys.stdout.write(f"--- before ---\n{text}\n--- after ---\n{pipeline(text)}\n")
        return 0
    job = Job(pipeline, tuple(args.field or ["text"]) if args.jsonl else (), args.skip_bad, args.errors)
    progress = {"auto": None, "always": True, "never": False}[args.progress]
    files = args.files or ["-"]
    cleanup_on_signals()
    found = _Found(job.fields)
    if args.in_place:
        for name in files:
            with AtomicFile(name, force=args.force) as out:
                _convert([name], job, args, _Output(out, name), progress, found)
    elif args.output:
        with AtomicFile(args.output, force=args.force) as out:
            _convert(files, job, args, _Output(out, args.output), progress, found)
    else:
        output = _Output(sys.stdout.buffer, STDOUT)
        _convert(files, job, args, output, progress, found)
        output.flush()
    return found.report()


STDOUT = "standard output"


class _Output:
    """An output stream whose write errors name it (:class:`OutputError`),
    so that they are told apart from errors reading the input."""

    def __init__(self, stream: BinaryIO, name: str) -> None:
        self.stream, self.name = stream, name

    def write(self, data: bytes) -> None:
        try:
            self.stream.write(data)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(f"{self.name}: {error.strerror or error}") from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(f"{self.name}: {error.strerror or error}") from None


class _Found:
    """What a JSON Lines run found, summed over blocks, reported at the end."""

    def __init__(self, fields: tuple[str, ...]) -> None:
        from collections import Counter

        self.fields = fields
        self.records = self.not_objects = self.skipped = 0
        self.strings: Counter[str] = Counter()
        self.others: Counter[str] = Counter()

    def add(self, converted: Converted) -> None:
        self.skipped += converted.skipped
        result = converted.records
        if result is None:
            return
        self.records += result.records
        self.not_objects += result.not_objects
        for name, counts in result.fields.items():
            self.strings[name] += counts.strings
            self.others[name] += counts.others

    def report(self) -> int:
        """Print the notes on standard error; the exit status."""
        failed = False
        notes = []
        if self.fields:
            from ._jsonl import FieldCounts, summary

            counts = {name: FieldCounts(self.strings[name], self.others[name]) for name in self.fields}
            notes, failed = summary(self.records, self.not_objects, counts)
        if self.skipped:
            notes.append(f"passed {self.skipped} malformed line(s) through untouched")
        for note in notes:
            print(f"arnorm: {note}", file=sys.stderr)
        return 1 if failed else 0


def _convert(files: list[str], job: Job, args: argparse.Namespace, out: _Output,
             show_progress: bool | None, found: _Found) -> None:
    from ._parallel import imap_ordered

    opened = []
    try:
        for name in files:
            opened.append(open_input(name))
        sizes = [size for _, _, size in opened]
        progress = Progress(None if None in sizes else sum(s or 0 for s in sizes), show_progress)
        try:
            for stream, label, _ in opened:
                blocks = read_blocks(stream, label, strip_bom=bool(job.fields), carriage_returns=not job.fields)
                for converted in imap_ordered(_run_block, job, blocks, args.jobs):
                    if converted.error:
                        raise InputError(converted.error)
                    out.write(converted.data)
                    found.add(converted)
                    progress.advance(converted.size)
        finally:
            progress.close()
    finally:
        for stream, _, _ in opened:
            if stream is not sys.stdin.buffer:
                stream.close()


def _list(argv: list[str]) -> int:
    argparse.ArgumentParser(prog="arnorm list", description="List every step and preset.").parse_args(argv)
    from . import NORMALIZERS, PRESETS

    print("steps:")
    width = max(map(len, NORMALIZERS))
    for name, func in NORMALIZERS.items():
        summary = (func.__doc__ or "").strip().splitlines()[0]
        print(f"  {name:<{width}}  {summary}")
    print("presets:")
    for name, preset in PRESETS.items():
        print(f"  {name:<{width}}  {', '.join(step['name'] for step in preset['steps'])}")
    return 0


def _explain(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="arnorm explain", formatter_class=_Formatter,
                                     description="Show what each step of the pipeline changes in TEXT.")
    parser.add_argument("text", metavar="TEXT", help="the text; '-' reads standard input")
    _add_pipeline_options(parser)
    args = parser.parse_args(argv)
    text = sys.stdin.read() if args.text == "-" else args.text
    pipeline = _pipeline(args)
    changes = pipeline.explain(text)
    width = max([len("input")] + [len(name) for name, _ in changes])
    print(f"{'input':<{width}}  {text!r}")
    for name, after in changes:
        print(f"{name:<{width}}  {after!r}")
    if not changes:
        print("(no step changed the text)")
    return 0


MATCH_COLOUR = ("\x1b[1;31m", "\x1b[0m")
"""How ``arnorm grep`` marks a match on a terminal (bold red, as grep does)."""


def _grep_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arnorm grep", formatter_class=_Formatter,
        description="Print the lines of FILEs (or standard input) where QUERY occurs, compared after "
                    "normalization (the search preset unless told otherwise), with the matches marked in "
                    "the original text. Exit status: 0 a match, 1 none, 2 an error.")
    parser.add_argument("query", metavar="QUERY", help="what to look for, written any way the preset folds")
    parser.add_argument("files", metavar="FILE", nargs="*", default=["-"], help="'-' is standard input")
    parser.add_argument("--parts", action="store_true", help="also match inside words (default: whole words)")
    parser.add_argument("--json", action="store_true",
                        help="one JSON object per match: file, line, start and end (characters in the line)")
    parser.add_argument("--color", "--colour", choices=("auto", "always", "never"), default="auto",
                        help="mark matches in colour (auto: on a terminal)")
    _add_errors_option(parser)
    _add_pipeline_options(parser, default="search")
    return parser


def _grep(argv: list[str]) -> int:
    args = _grep_parser().parse_intermixed_args(argv)
    if not (args.preset or args.steps or args.config):
        args.preset = "search"
    pipeline = _pipeline(args)
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    before, after = MATCH_COLOUR if colour else ("", "")
    try:
        return 0 if _grep_files(args, pipeline, before, after) else 1
    except InputError as error:  # grep's convention: 1 is "no match", so an error is 2
        print(f"arnorm: {error}", file=sys.stderr)
        return 2


def _grep_files(args: argparse.Namespace, pipeline: Pipeline, before: str, after: str) -> bool:
    """Print the matching lines of every file; whether any matched."""
    from .find import marked

    found = False
    for name in args.files:
        stream, label, _ = open_input(name)
        try:
            for block in read_blocks(stream, label):
                for line_number, line, spans in _matching_lines(args.query, block, pipeline, not args.parts,
                                                                args.errors):
                    found = True
                    prefix = f"{label}:" if len(args.files) > 1 else ""
                    if args.json:
                        for start, end in spans:
                            print(json.dumps({"file": label, "line": line_number, "start": start, "end": end,
                                              "match": line[start:end]}, ensure_ascii=False))
                    else:
                        print(prefix + marked(line.rstrip("\r\n"), spans, before, after))
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
    return found


def _matching_lines(query: str, block: Block, pipeline: Pipeline, whole_words: bool,
                    errors: str = "strict") -> Iterator[tuple[int, str, list[tuple[int, int]]]]:
    """Each line of the block (lines end at LF) with a match: its number,
    its text and the spans of its matches, in characters of the line."""
    from .find import find

    text = block.decode(errors)
    starts = [0] + [match.end() for match in re.finditer("\n", text)]
    by_line: dict[int, list[tuple[int, int]]] = {}
    for start, end in find(query, text, preset=pipeline, whole_words=whole_words):
        line = bisect_right(starts, start) - 1
        by_line.setdefault(line, []).append((start - starts[line], end - starts[line]))
    for line, spans in by_line.items():
        end = starts[line + 1] if line + 1 < len(starts) else len(text)
        yield block.first_line + line, text[starts[line]:end], spans


COMMANDS = {"list": _list, "explain": _explain, "grep": _grep}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    command = COMMANDS.get(argv[0]) if argv and not os.path.exists(argv[0]) else None
    try:
        return command(argv[1:]) if command else _normalize(argv)
    except (InputError, OutputError) as error:
        print(f"arnorm: {error}", file=sys.stderr)
        if str(error).startswith(STDOUT):
            _silence_stdout()  # else the exit would try to flush it again, and complain
        return 1
    except (ValueError, TypeError) as error:  # a bad pipeline description or option
        print(f"arnorm: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (arnorm big.txt | head): stop quietly
        return 0
    except KeyboardInterrupt:
        return 130


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
