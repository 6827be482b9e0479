"""JSON Lines: normalize chosen string fields, keep everything else as it was.

A field is a dotted path (``meta.title``); where the path meets a list, it
goes on into each element. A string value is normalized, a list of strings
element by element; missing fields and other values are left alone. A record
whose fields did not change is written back byte for byte; a changed record is
written in the same JSON style (compact or spaced, escaped or not) when the
original was one of those styles.

>>> from arnorm import Pipeline
>>> records = '{"id": 1, "text": "فى البيت"}\\n{"id":2,"meta":{"title":"التى"}}\\n'
>>> print(normalize_records(Pipeline.from_preset("standard"), ("text", "meta.title"),
...                         records, 1, skip_bad=False).text, end="")
{"id": 1, "text": "في البيت"}
{"id":2,"meta":{"title":"التي"}}
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


_STYLES = ((", ", ": ", False), (",", ":", False), (", ", ": ", True), (",", ":", True))


@dataclass(frozen=True)
class RecordsResult:
    """What one block of JSON Lines became."""

    text: str
    skipped: int
    error: str | None = None


def normalize_records(normalize: Callable[[str], str], fields: tuple[str, ...], text: str,
                      first_line: int, *, skip_bad: bool) -> RecordsResult:
    """Normalize ``fields`` in every record of ``text`` (whole lines)."""
    paths = [field.split(".") for field in fields]
    out: list[str] = []
    skipped = 0
    for number, line in enumerate(text.splitlines(keepends=True), first_line):
        body = line.rstrip("\r\n")
        ending = line[len(body):]
        if not body.strip():
            out.append(line)
            continue
        try:
            record = json.loads(body)
        except ValueError as error:
            if not skip_bad:
                return RecordsResult("".join(out), skipped, f"line {number}: invalid JSON ({error})")
            skipped += 1
            out.append(line)
            continue
        changed = False
        for path in paths:
            record, did = _apply(record, path, normalize)
            changed = changed or did
        out.append((_dumps_like(record, body) if changed else body) + ending)
    return RecordsResult("".join(out), skipped)


def _apply(value: Any, path: list[str], normalize: Callable[[str], str]) -> tuple[Any, bool]:
    if isinstance(value, list):
        changed = False
        for index, item in enumerate(value):
            value[index], did = _apply(item, path, normalize)
            changed = changed or did
        return value, changed
    if not path:
        if isinstance(value, str):
            result = normalize(value)
            return result, result != value
        return value, False
    if isinstance(value, dict) and path[0] in value:
        value[path[0]], changed = _apply(value[path[0]], path[1:], normalize)
        return value, changed
    return value, False


def _dumps_like(record: Any, original: str) -> str:
    """Serialise ``record`` in the style that reproduces ``original`` unchanged."""
    before = json.loads(original)
    for item, key, ascii_only in _STYLES:
        if json.dumps(before, separators=(item, key), ensure_ascii=ascii_only) == original:
            return json.dumps(record, separators=(item, key), ensure_ascii=ascii_only)
    return json.dumps(record, ensure_ascii=False)
