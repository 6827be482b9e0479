"""The ``arnorm`` command line.

::

    arnorm [FILE ...]            normalize files (or standard input) to standard output
    arnorm list                  every step and preset, one line each
    arnorm explain TEXT          what each step of the pipeline changes in TEXT

Input is read in blocks of whole lines, so memory stays flat on files of any
size; every arnorm step works within a line, so the result is byte for byte
that of normalizing the whole file at once, with ``--jobs 1`` or ``--jobs N``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from ._streams import AtomicFile, Block, InputError, Progress, open_input, read_blocks
from .presets import FORMAT_VERSION, PRESETS

if TYPE_CHECKING:
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
        try:
            text = block.decode(self.errors)
        except InputError as error:
            return Converted(b"", len(block.data), 0, str(error))
        if not self.fields:
            return Converted(self.pipeline(text).encode("utf-8", "surrogatepass"), len(block.data))
        from ._jsonl import normalize_records

        result = normalize_records(self.pipeline, self.fields, text, block.first_line,
                                   skip_bad=self.skip_bad)
        error = result.error and (f"{block.label}: {result.error} "
                                  "(use --skip-bad to pass such lines through)")
        return Converted(result.text.encode("utf-8", "surrogatepass"), len(block.data), result.skipped, error)


class Converted(NamedTuple):
    """A block's output, its input size, the malformed lines passed through, an error."""

    data: bytes
    size: int
    skipped: int = 0
    error: str | None = None


def _run_block(job: Job, block: Block) -> Converted:
    return job.run(block)


# --- choosing the pipeline ---------------------------------------------------------


def _add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("pipeline (one of)").add_mutually_exclusive_group()
    group.add_argument("-p", "--preset", choices=sorted(PRESETS),
                       help="a preset pipeline (default: standard)")
    group.add_argument("--steps", metavar="STEP,...",
                       help="steps in order, options after colons: "
                            "remove_diacritics:keep_shadda=true,normalize_quotes:style=curly")
    group.add_argument("--config", metavar="FILE",
                       help="a pipeline saved with Pipeline.to_dict() as JSON (the form of arnorm.PRESETS[name])")


def parse_steps(spec: str) -> dict[str, Any]:
    """Read ``--steps`` into the form :meth:`Pipeline.to_dict` writes.

    Steps are separated by commas, options follow their step after colons,
    and each value is read as JSON when it is (``3``, ``true``, ``null``),
    else as a string.

    >>> parse_steps("remove_tatweel,reduce_repeats:max_repeat=3")["steps"]
    [{'name': 'remove_tatweel', 'options': {}}, {'name': 'reduce_repeats', 'options': {'max_repeat': 3}}]
    >>> parse_steps("normalize_quotes:style=curly")
    {'version': 1, 'steps': [{'name': 'normalize_quotes', 'options': {'style': 'curly'}}]}
    """
    steps: list[dict[str, Any]] = []
    for item in filter(None, (part.strip() for part in spec.split(","))):
        name, *settings = item.split(":")
        options = {}
        for setting in settings:
            key, equals, raw = setting.partition("=")
            if not equals:
                raise ValueError(f"step option {setting!r} of {name!r} is not of the form key=value")
            try:
                options[key.strip()] = json.loads(raw)
            except ValueError:
                options[key.strip()] = raw
        steps.append({"name": name.strip(), "options": options})
    if not steps:
        raise ValueError("--steps names no step")
    return {"version": FORMAT_VERSION, "steps": steps}


def _read_config(path: str) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from None
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


def _normalize_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="arnorm",
        description="Normalize Arabic text from files or standard input to standard output. "
                    "Other commands: 'arnorm list', 'arnorm explain TEXT'.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files; '-' or none reads standard input")
    _add_pipeline_options(parser)
    out = parser.add_argument_group("output").add_mutually_exclusive_group()
    out.add_argument("-o", "--output", metavar="PATH", help="write to PATH (atomically: all or nothing)")
    out.add_argument("--in-place", action="store_true", help="rewrite each FILE (atomically)")
    parser.add_argument("--jsonl", action="store_true", help="input is JSON Lines; normalize only --field values")
    parser.add_argument("--field", action="append", default=[], metavar="PATH",
                        help="a field to normalize, dotted for nested ones (repeatable; default: text)")
    parser.add_argument("--skip-bad", action="store_true",
                        help="with --jsonl: pass malformed lines through untouched and count them")
    parser.add_argument("--errors", choices=("strict", "replace"), default="strict",
                        help="invalid UTF-8: stop with an error (default) or substitute U+FFFD")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="normalize in N processes (output identical to --jobs 1)")
    parser.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                        help="progress on standard error (auto: when it is a terminal)")
    parser.add_argument("--example", action="store_true",
                        help="show a bundled example text before and after normalization")
    return parser


def _normalize(argv: list[str]) -> int:
    parser = _normalize_parser()
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if (args.field or args.skip_bad) and not args.jsonl:
        parser.error("--field and --skip-bad go with --jsonl")
    if args.in_place and (not args.files or "-" in args.files):
        parser.error("--in-place needs files, not standard input")
    pipeline = _pipeline(args)
    if args.example:
        text = EXAMPLE.read_text(encoding="utf-8")
        sys.stdout.write(f"--- before ---\n{text}\n--- after ---\n{pipeline(text)}\n")
        return 0
    job = Job(pipeline, tuple(args.field or ["text"]) if args.jsonl else (), args.skip_bad, args.errors)
    progress = {"auto": None, "always": True, "never": False}[args.progress]
    files = args.files or ["-"]
    if args.in_place:
        for name in files:
            with AtomicFile(name) as out:
                _convert([name], job, args, out, progress)
    elif args.output:
        with AtomicFile(args.output) as out:
            _convert(files, job, args, out, progress)
    else:
        _convert(files, job, args, sys.stdout.buffer, progress)
        sys.stdout.flush()
    return 0


def _convert(files: list[str], job: Job, args: argparse.Namespace, out: BinaryIO,
             show_progress: bool | None) -> None:
    from ._parallel import imap_ordered

    opened = [open_input(name) for name in files]
    sizes = [size for _, _, size in opened]
    progress = Progress(None if None in sizes else sum(s or 0 for s in sizes), show_progress)
    skipped = 0
    try:
        for stream, label, _ in opened:
            blocks = read_blocks(stream, label, strip_bom=bool(job.fields))
            for converted in imap_ordered(_run_block, job, blocks, args.jobs):
                if converted.error:
                    raise InputError(converted.error)
                out.write(converted.data)
                skipped += converted.skipped
                progress.advance(converted.size)
    finally:
        progress.close()
        for stream, _, _ in opened:
            if stream is not sys.stdin.buffer:
                stream.close()
    if skipped:
        print(f"arnorm: passed {skipped} malformed line(s) through untouched", file=sys.stderr)


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
    parser = argparse.ArgumentParser(prog="arnorm explain",
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


COMMANDS = {"list": _list, "explain": _explain}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    command = COMMANDS.get(argv[0]) if argv and not os.path.exists(argv[0]) else None
    try:
        return command(argv[1:]) if command else _normalize(argv)
    except InputError as error:
        print(f"arnorm: {error}", file=sys.stderr)
        return 1
    except (ValueError, TypeError) as error:  # a bad pipeline description or option
        print(f"arnorm: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (arnorm big.txt | head): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
