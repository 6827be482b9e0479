"""JSON Lines: normalize chosen string fields; every other byte stays as it was.

A field is a dotted path (``meta.title``); where the path meets a list, it
goes on into each element. A string value is normalized, a list of strings
element by element; missing fields and other values are left alone.

Records are split on ``\\n`` only (a raw U+2028, U+2029 or U+0085 inside a
string is valid JSON, not a line end). Each named string value is located
in the original line, and only its literal is replaced: keys, numbers
(``1.0e5``, ``1E400``, a 5,000-digit integer), spacing, duplicate keys and
the other strings keep their bytes. The new literal keeps the old one's
style: a value written in ``\\uXXXX`` escapes stays escaped; otherwise
characters are written as they are, except a lone surrogate, which is
always written as an escape, so the output is valid UTF-8 and valid JSON.

For speed, the values of a whole block of records are normalized by one
:meth:`arnorm.Pipeline.batch` call, then spliced in.

>>> from arnorm import Pipeline
>>> records = '{"id": 1.0e5, "text": "فى البيت"}\\n{"id":2,"meta":{"title":"\\\\u0627\\\\u0644\\\\u062a\\\\u0649"}}\\n'
>>> print(normalize_records(Pipeline.from_preset("standard").batch, ("text", "meta.title"),
...                         records, 1, skip_bad=False).text, end="")
{"id": 1.0e5, "text": "في البيت"}
{"id":2,"meta":{"title":"\\u0627\\u0644\\u062a\\u064a"}}
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from json.decoder import scanstring
from json.encoder import encode_basestring, encode_basestring_ascii

_SPACE = re.compile(r"[ \t\n\r]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f]")  # never raw inside a JSON string
# Numbers are kept as their text: never converted, so no size limit applies.
_SCAN = json.JSONDecoder(parse_int=str, parse_float=str, parse_constant=str).scan_once
_PLAIN_SCAN = json.JSONDecoder().scan_once  # fast; a number too long to convert falls back to _SCAN

Paths = tuple[tuple[str, ...], ...]
Found = list[tuple[int, int, str]]  # (start, end, value) of each named string in a line


@dataclass
class FieldCounts:
    """Per named field: in how many records it was a string, or another value."""

    strings: int = 0
    others: int = 0

    def add(self, other: FieldCounts) -> None:
        self.strings += other.strings
        self.others += other.others


@dataclass
class RecordsResult:
    """What one block of JSON Lines became, and what was found in it."""

    text: str
    skipped: int = 0
    error: str | None = None
    records: int = 0
    not_objects: int = 0
    fields: dict[str, FieldCounts] = field(default_factory=dict)


class _Malformed(ValueError):
    """The line is not JSON; the message says where."""


def normalize_records(batch: Callable[[list[str]], list[str]], fields: Sequence[str], text: str,
                      first_line: int, *, skip_bad: bool) -> RecordsResult:
    """Normalize ``fields`` in every record of ``text`` (whole lines).

    Args:
        batch: Normalizes a list of strings (:meth:`arnorm.Pipeline.batch`).
        fields: Dotted paths of the fields to normalize.
        text: Whole lines of JSON; only ``\\n`` ends a line.
        first_line: The number of the first line, for error messages.
        skip_bad: Pass a malformed line through (counted) instead of stopping.
    """
    paths: Paths = tuple(tuple(name.split(".")) for name in fields)
    keys = tuple(f'"{name}"' for name in fields) if all(len(path) == 1 for path in paths) else ()
    lines = text.split("\n")
    result = RecordsResult("", fields={name: FieldCounts() for name in fields})
    found: list[tuple[int, Found]] = []
    quick = 0
    for index, line in enumerate(lines):
        spans = _plain_record(line, keys) if keys else None
        if spans is not None:  # the common record: every field a plain string, checked
            quick += 1
            found.append((index, spans))
            continue
        if not line or line.isspace():
            continue
        try:
            spans, seen = _locate(line, paths)
        except _Malformed as error:
            if not skip_bad:
                result.error = f"line {first_line + index}: invalid JSON ({error})"
                return result
            result.skipped += 1
            continue
        _count(result, line, seen, fields)
        if spans:
            found.append((index, spans))
    result.records += quick
    for counts in result.fields.values():
        counts.strings += quick
    _splice(lines, found, batch)
    result.text = "\n".join(lines)
    return result


def _plain_record(line: str, keys: tuple[str, ...]) -> Found | None:
    """The spans of the top-level ``keys`` (quoted) in a plain record, or None
    when :func:`_locate` must read the line.

    Plain: an object with no backslash anywhere (so every quote delimits a
    string), each key once, before any other brace or bracket, and its value
    a string. Then the value literal runs to the next quote, and the line is
    valid JSON exactly when the literal holds no control character and the
    line with the literals emptied parses (a short string, parsed in C).
    """
    if line[:1] != "{" or "\\" in line:
        return None
    found: Found = []
    for key in keys:
        start = line.find(key)
        if start < 0 or line.find(key, start + 1) >= 0 or line.count("{", 0, start) != 1 \
                or line.find("[", 0, start) >= 0:
            return None
        index = start + len(key)
        if line.startswith(": ", index):
            index += 2
        else:
            index = _SPACE.match(line, index).end()
            if line[index:index + 1] != ":":
                return None
            index = _SPACE.match(line, index + 1).end()
        end = line.find('"', index + 1) + 1
        if line[index:index + 1] != '"' or end == 0 or _CONTROL.search(line, index, end):
            return None
        found.append((index, end, line[index + 1:end - 1]))
    if len(found) > 1:
        found.sort()
    return found if _parses(line, found) else None


def _parses(line: str, found: Found) -> bool:
    pieces, kept = [], 0
    for start, end, _ in found:
        pieces += (line[kept:start], '""')
        kept = end
    pieces.append(line[kept:])
    skeleton = "".join(pieces)
    try:
        return _PLAIN_SCAN(skeleton, 0)[1] == len(skeleton)
    except (StopIteration, ValueError, RecursionError):
        return False


def _count(result: RecordsResult, line: str, seen: dict[tuple[str, ...], bool], fields: Sequence[str],
           times: int = 1) -> None:
    """Count ``times`` records like ``line``, whose paths were ``seen``."""
    result.records += times
    if line.lstrip(" \t\r")[:1] != "{":
        result.not_objects += times
    for name in fields:
        kind = seen.get(tuple(name.split(".")))
        if kind is not None:
            counts = result.fields[name]
            if kind:
                counts.strings += times
            else:
                counts.others += times


def _splice(lines: list[str], found: list[tuple[int, Found]], batch: Callable[[list[str]], list[str]]) -> None:
    """Normalize every found value in one batch and write the changed ones back."""
    values = [value for _, spans in found for _, _, value in spans]
    if not values:
        return
    normalized = iter(batch(values))
    for index, spans in found:
        line = lines[index]
        pieces: list[str] = []
        kept = 0
        for start, end, value in spans:
            new = next(normalized)
            if new != value:
                pieces += (line[kept:start], _literal(new, line, start, end))
                kept = end
        if pieces:
            lines[index] = "".join(pieces) + line[kept:]


def _literal(value: str, line: str, start: int, end: int) -> str:
    """``value`` as a JSON string literal in the style of ``line[start:end]``."""
    old = line[start:end]
    if "\\u" in old and old.isascii():
        return encode_basestring_ascii(value)
    literal = encode_basestring(value)
    if _SURROGATE.search(literal):
        literal = _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", literal)
    return literal


def _locate(line: str, paths: Paths) -> tuple[Found, dict[tuple[str, ...], bool]]:
    """The named string values of one JSON line, and which paths were found
    (True: a string there, False: another value).

    Raises:
        _Malformed: the line is not one JSON value.
    """
    found: Found = []
    seen: dict[tuple[str, ...], bool] = {}
    try:
        end = _value(line, _SPACE.match(line).end(), paths, (), found, seen)
    except StopIteration as error:
        raise _Malformed(f"no JSON value at column {error.value + 1}") from None
    except RecursionError:
        raise _Malformed("nested too deeply") from None
    except IndexError:
        raise _Malformed("unexpected end of line") from None
    except ValueError as error:
        raise _Malformed(str(error)) from None
    end = _SPACE.match(line, end).end()
    if end != len(line):
        raise _Malformed(f"extra data at column {end + 1}")
    return found, seen


def _value(line: str, index: int, paths: Paths, here: tuple[str, ...], found: Found,
           seen: dict[tuple[str, ...], bool]) -> int:
    """Scan the value at ``line[index]``, recording the strings that ``paths``
    name (a path reaches its end here when it is empty); returns its end."""
    char = line[index]
    if char == "{":
        return _object(line, index, paths, here, found, seen)
    if char == "[":
        return _array(line, index, paths, here, found, seen)
    if () in paths:
        seen[here] = seen.get(here, False) or char == '"'
        if char == '"':
            value, end = scanstring(line, index + 1)
            found.append((index, end, value))
            return end
    return _SCAN(line, index)[1]


def _object(line: str, index: int, paths: Paths, here: tuple[str, ...], found: Found,
            seen: dict[tuple[str, ...], bool]) -> int:
    if () in paths:
        seen.setdefault(here, False)
    index = _SPACE.match(line, index + 1).end()
    if line[index] == "}":
        return index + 1
    while True:
        if line[index] != '"':
            raise _Malformed(f"expected a key in double quotes at column {index + 1}")
        key, index = scanstring(line, index + 1)
        index = _SPACE.match(line, index).end()
        if line[index] != ":":
            raise _Malformed(f"expected ':' at column {index + 1}")
        index = _SPACE.match(line, index + 1).end()
        inner = tuple(path[1:] for path in paths if path and path[0] == key)
        if inner:
            index = _value(line, index, inner, (*here, key), found, seen)
        else:
            index = _SCAN(line, index)[1]
        index = _SPACE.match(line, index).end()
        if line[index] == "}":
            return index + 1
        if line[index] != ",":
            raise _Malformed(f"expected ',' or '}}' at column {index + 1}")
        index = _SPACE.match(line, index + 1).end()


def _array(line: str, index: int, paths: Paths, here: tuple[str, ...], found: Found,
           seen: dict[tuple[str, ...], bool]) -> int:
    if () in paths:
        seen.setdefault(here, False)
    index = _SPACE.match(line, index + 1).end()
    if line[index] == "]":
        return index + 1
    while True:
        index = _value(line, index, paths, here, found, seen)
        index = _SPACE.match(line, index).end()
        if line[index] == "]":
            return index + 1
        if line[index] != ",":
            raise _Malformed(f"expected ',' or ']' at column {index + 1}")
        index = _SPACE.match(line, index + 1).end()


def summary(records: int, not_objects: int, fields: dict[str, FieldCounts]) -> tuple[list[str], bool]:
    """What to tell the user after a JSON Lines run: lines of notes, and
    whether it failed (a named field was found in no record).

    >>> summary(3, 1, {"text": FieldCounts(0, 0)})
    (["field 'text' was found in none of the 3 records (name yours with --field)", '1 line(s) are not JSON objects'], True)
    """
    notes = []
    missing = [name for name, counts in fields.items() if not counts.strings + counts.others]
    for name in missing:
        notes.append(f"field {name!r} was found in none of the {records} records (name yours with --field)")
    for name, counts in fields.items():
        if counts.others:
            notes.append(f"field {name!r} held no string in {counts.others} record(s) (left as they were)")
    if not_objects:
        notes.append(f"{not_objects} line(s) are not JSON objects")
    return notes, bool(missing and records)


# --- whole blocks of plain records, column by column ---------------------------------------

_CONTROL_BYTES = bytes(code for code in range(0x20) if code != 0x0A)
_ESCAPED_BYTES = bytes(range(1, 0x20))  # JSON escapes them (NUL separates the values here)
_NUMBER_DIGITS = re.compile(rb"[1-9][0-9]*")  # each becomes 1: same validity, fewer shapes
_EMPTY_STRING = re.compile(rb'""[ \t\r]*(:)?')
MAX_SHAPES = 32


def plain_records(batch: Callable[[list[str]], list[str]], fields: Sequence[str],
                  data: bytes) -> tuple[bytes, RecordsResult] | None:
    """:func:`normalize_records` for a block of records in one layout, or
    None when :func:`normalize_records` must read it line by line.

    The fast case of real dumps: no backslash and no control byte but line
    feeds (so every quote delimits a string, and every string is valid as
    written), top-level fields, and every line of the same layout: the same
    keys in the same places, numbers aside. Then the block is split at its
    quotes, the layouts (each line with its strings emptied and its numbers
    shortened) are parsed once each, and the named values are taken, and put
    back, a column at a time, with no work per line in Python.

    >>> from arnorm import Pipeline
    >>> out, found = plain_records(Pipeline.from_preset("standard").batch, ("text",),
    ...                            '{"id": 1, "text": "فى"}\\n{"id": 22, "text": "التى"}\\n'.encode())
    >>> print(out.decode(), end=""), found.records
    {"id": 1, "text": "في"}
    {"id": 22, "text": "التي"}
    (None, 2)
    """
    if any("." in name for name in fields) or b"\\" in data \
            or len(data.translate(None, _CONTROL_BYTES)) != len(data):
        return None
    body, ending = (data[:-1], b"\n") if data.endswith(b"\n") else (data, b"")
    parts = body.split(b'"')
    layout = _layout(parts, fields)
    if layout is None:
        return None
    width, targets, result = layout
    columns = [parts[2 * slot + 1::width] for slot in targets]
    try:
        texts = b"\x00".join(value for column in columns for value in column).decode("utf-8")
        for slot in range(width // 2):
            if slot not in targets:
                b"\x00".join(parts[2 * slot + 1::width]).decode("utf-8")
    except UnicodeDecodeError:
        return None  # the line by line path names the byte offset
    written = _escaped(batch(texts.split("\x00")))
    rows = len(columns[0])
    for index, slot in enumerate(targets):
        parts[2 * slot + 1::width] = written[index * rows:(index + 1) * rows]
    return b'"'.join(parts) + ending, result


def _escaped(values: list[str]) -> list[bytes]:
    """Each value as the inside of a JSON string literal, in UTF-8: as it is
    when no character needs an escape (the common case, checked at once);
    with quotes and backslashes escaped by two replacements when they are
    all (the search preset writes ASCII quotes); else through one
    ``json.dumps`` of the list, where ``", "`` only ever separates two
    literals (a quote inside one is escaped).

    >>> print(b"|".join(_escaped(['قال "نعم"', "", "فى"])).decode())
    قال \\"نعم\\"||فى
    """
    try:
        joined = "\x00".join(values).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: written as an escape, value by value
        return [_literal(value, "", 0, 0)[1:-1].encode("utf-8") for value in values]
    if len(joined.translate(None, _ESCAPED_BYTES)) != len(joined):
        dumped = json.dumps(values, ensure_ascii=False)[2:-2].split('", "')
        joined = "\x00".join(dumped).encode("utf-8")
    elif b'"' in joined or b"\\" in joined:  # what json.dumps escapes, control characters aside
        joined = joined.replace(b"\\", b"\\\\").replace(b'"', b'\\"')
    written = joined.split(b"\x00")
    assert len(written) == len(values)
    return written


def _layout(parts: list[bytes], fields: Sequence[str]) -> tuple[int, list[int], RecordsResult] | None:
    """The one layout of the block's lines: quotes per line, the string slots
    to normalize, and the counts; None when the lines differ or are not JSON."""
    from collections import Counter

    skeleton = _NUMBER_DIGITS.sub(b"1", b'""'.join(parts[::2]))
    lines = skeleton.split(b"\n")
    width, rest = divmod(len(parts) - 1, len(lines))
    shapes = Counter(lines)
    if rest or not width or len(shapes) > MAX_SHAPES or any(shape.count(b'"') != width for shape in shapes):
        return None
    kinds = {tuple(match[1] is not None for match in _EMPTY_STRING.finditer(shape)) for shape in shapes}
    if len(kinds) != 1 or len(next(iter(kinds))) != width // 2:
        return None
    names: dict[int, bytes] = {}
    for slot, is_key in enumerate(next(iter(kinds))):
        column = set(parts[2 * slot + 1::width]) if is_key else ()
        if len(column) > 1:
            return None
        names.update((slot, name) for name in column)
    return _read_shapes(shapes, names, width, fields)


def _read_shapes(shapes: dict[bytes, int], names: dict[int, bytes], width: int,
                 fields: Sequence[str]) -> tuple[int, list[int], RecordsResult] | None:
    paths: Paths = tuple(tuple(name.split(".")) for name in fields)
    result = RecordsResult("", fields={name: FieldCounts() for name in fields})
    targets: list[int] | None = None
    for shape, count in shapes.items():
        pieces = shape.split(b'""')
        line = b"".join(piece + (b'"' + names[slot] + b'"' if slot in names else b'""')
                        for slot, piece in enumerate(pieces[:-1])) + pieces[-1]
        try:
            text = line.decode("utf-8")
            spans, seen = _locate(text, paths)
        except (UnicodeDecodeError, _Malformed):
            return None
        slots = [text.count('"', 0, start) // 2 for start, _, _ in spans]
        if targets is not None and slots != targets or not slots:
            return None
        targets = slots
        _count(result, text, seen, fields, count)
    assert targets is not None
    return width, targets, result
