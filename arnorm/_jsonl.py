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
# Numbers are kept as their text: never converted, so no size limit applies.
_SCAN = json.JSONDecoder(parse_int=str, parse_float=str, parse_constant=str).scan_once

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
    lines = text.split("\n")
    result = RecordsResult("", fields={name: FieldCounts() for name in fields})
    found: list[tuple[int, Found]] = []
    for index, line in enumerate(lines):
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
    _splice(lines, found, batch)
    result.text = "\n".join(lines)
    return result


def _count(result: RecordsResult, line: str, seen: dict[tuple[str, ...], bool], fields: Sequence[str]) -> None:
    result.records += 1
    if line.lstrip(" \t\r")[:1] != "{":
        result.not_objects += 1
    for name in fields:
        kind = seen.get(tuple(name.split(".")))
        if kind is not None:
            counts = result.fields[name]
            if kind:
                counts.strings += 1
            else:
                counts.others += 1


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
