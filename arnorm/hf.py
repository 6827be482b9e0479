"""Hugging Face integration: tokenizers normalizers and ``datasets.map`` helpers.

>>> from arnorm import Pipeline
>>> from arnorm.hf import to_hf_normalizer
>>> normalizer = to_hf_normalizer(Pipeline.from_preset("lucene"))
>>> type(normalizer).__name__, normalizer.normalize_str("أَحْمَدُ فى المدرسة")
('Sequence', 'احمد في المدرسه')

Requires the ``hf`` extra (``pip install '.[hf]'`` in a clone of arnorm).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ._extras import require_extra
from ._rules import CharMap, Primitive, Rule
from .pipeline import Pipeline, PipelineLike

# Python's \UXXXXXXXX escape, which Oniguruma (the tokenizers' regex engine)
# does not know; it writes the code point as \x{...}. An escaped backslash
# before the U (\\U) is left alone.
_LONG_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\U([0-9a-fA-F]{8})")


def oniguruma_pattern(pattern: str) -> str:
    r"""A Python ``re`` pattern in the syntax Oniguruma reads.

    >>> oniguruma_pattern(r"[\u0627\U00010ecb-\U00010ecf]")
    '[\\u0627\\x{10ECB}-\\x{10ECF}]'
    """
    return _LONG_ESCAPE.sub(lambda match: f"{match[1]}\\x{{{int(match[2], 16):X}}}", pattern)

MAX_NATIVE_REPLACEMENTS = 32
"""Above this many distinct replacements a map is run by the custom normalizer."""


def _class_of(chars: Iterable[str]) -> str:
    """An Oniguruma character class of the literal characters."""
    return "[" + "".join("\\" + ch if ch in "\\]^-[" else ch for ch in sorted(chars)) + "]"


def _native_steps(primitives: tuple[Primitive, ...]) -> list[tuple[str, str]] | None:
    """(pattern, literal replacement) pairs doing what the primitives do, or None."""
    steps: list[tuple[str, str]] = []
    for primitive in primitives:
        if isinstance(primitive, CharMap):
            by_value: dict[str, list[str]] = {}
            for key, value in primitive.table.items():
                by_value.setdefault(value, []).append(key)
            if len(by_value) > MAX_NATIVE_REPLACEMENTS:
                return None
            steps += [(_class_of(keys), value) for value, keys in sorted(by_value.items())]
        elif isinstance(primitive, Rule) and isinstance(primitive.replacement, str) \
                and "\\" not in primitive.replacement:
            steps.append((oniguruma_pattern(primitive.pattern.pattern), primitive.replacement))
        else:
            return None
    return steps


def to_hf_normalizer(pipe: PipelineLike) -> Any:
    """A ``tokenizers`` normalizer doing what ``pipe`` does, offsets included.

    ``pipe`` is anything :meth:`arnorm.Pipeline.coerce` accepts: a pipeline,
    a preset name, a list (or other iterable) of steps or a
    ``Pipeline.to_dict()`` dict.

    Where every step can be written as native ``Replace`` normalizers (maps
    with few distinct replacements and literal rules: the ``lucene`` preset,
    ``remove_tatweel``, ``normalize_alef`` …), a native ``Sequence`` is
    returned: it runs in Rust and saves with ``tokenizer.save``. Otherwise a
    custom normalizer runs arnorm itself, editing through ``NormalizedString``
    operations so that token offsets still point into the original text.

    Note:
        A custom normalizer cannot be serialised: ``tokenizer.save`` fails
        while it is attached. Attach it again after ``Tokenizer.from_file``.
    """
    (tokenizers,) = require_extra("hf", "tokenizers")
    Regex, normalizers = tokenizers.Regex, tokenizers.normalizers
    pipeline = Pipeline.coerce(pipe)
    native = _native_steps(pipeline.primitives)
    if native is not None:
        return normalizers.Sequence([normalizers.Replace(Regex(p), v) for p, v in native])
    return normalizers.Normalizer.custom(ArnormNormalizer(pipeline))


class ArnormNormalizer:
    """A custom ``tokenizers`` normalizer running an arnorm pipeline.

    A text the pipeline leaves as it is costs one call of the pipeline.
    Otherwise the passes of its plan for that text (maps fused, idle rules
    dropped) are replayed: each map as ``NormalizedString.replace``
    (expansions), ``map`` (one-to-one) and ``filter`` (deletions); each rule
    is run by arnorm with offsets and replayed as a positional ``filter``
    and ``map``, so the alignments tokenizers keeps stay exact.
    """

    def __init__(self, pipe: PipelineLike) -> None:
        self.pipeline = Pipeline.coerce(pipe)

    def normalize(self, normalized: Any) -> None:
        text = normalized.normalized
        if self.pipeline(text) == text:
            return
        for primitive in self.pipeline.plan(text):
            if isinstance(primitive, CharMap):
                _apply_map(primitive, normalized)
            else:
                _apply_rule(primitive, normalized)


def _apply_map(charmap: CharMap, normalized: Any) -> None:
    table = charmap.table
    present = {key: table[key] for key in set(normalized.normalized).intersection(table)}
    if not present:
        return
    if charmap.writes.isdisjoint(table):  # one replace per key present, each run in Rust
        for key, value in present.items():
            normalized.replace(key, value)
        return
    for key, value in present.items():
        if len(value) > 1:
            normalized.replace(key, value)
    singles = {key: value for key, value in present.items() if len(value) == 1}
    if singles:
        normalized.map(lambda ch: singles.get(ch, ch))
    deleted = {key for key, value in present.items() if not value}
    if deleted:
        normalized.filter(lambda ch: ch not in deleted)


def _apply_rule(rule: Any, normalized: Any) -> None:
    current = normalized.normalized
    if rule(current) == current:  # most rules change nothing in most texts: no offsets to carry
        return
    result, spans = rule.with_offsets(current, [(i, i + 1) for i in range(len(current))])
    if result == current:
        return
    # Each output character takes the place of one input character of its
    # span: the output characters that share a span (a cluster rewritten as
    # a whole, ى + hamza below + hamza above → ئ + hamza below) take its
    # first ones, in order; the other characters of the span are deleted.
    keep = [False] * len(current)
    new_chars = []
    previous, taken = None, 0
    for ch, span in zip(result, spans):
        taken = taken + 1 if span == previous else 0
        previous = span
        position = span[0] + taken
        if position >= span[1] or keep[position]:
            raise ValueError("this pipeline inserts characters; it cannot run inside tokenizers")
        keep[position] = True
        new_chars.append(ch)
    position = iter(keep)
    normalized.filter(lambda _: next(position))
    replacement = iter(new_chars)
    normalized.map(lambda _: next(replacement))


class BatchNormalizer:
    """A picklable function for ``Dataset.map``: normalizes ``columns``.

    Meant for ``batched=True`` (a column is then a list of values, run as one
    :meth:`arnorm.Pipeline.batch`), it also takes a single example (without
    ``batched=True``: a column is then one ``str``). ``None`` stays ``None``.

    Args:
        pipe: Anything :meth:`arnorm.Pipeline.coerce` accepts.
        columns: The columns to normalize: one name, or a list of names.

    Examples:
        >>> BatchNormalizer("search", columns=["text"])({"text": ["أحمد", None], "id": [1, 2]})
        {'text': ['احمد', None]}
        >>> BatchNormalizer("search", columns="text")({"text": "أحمد", "id": 1})
        {'text': 'احمد'}
    """

    def __init__(self, pipe: PipelineLike = "standard", columns: str | Iterable[str] = ("text",)) -> None:
        self.pipeline = Pipeline.coerce(pipe)
        self.columns = (columns,) if isinstance(columns, str) else tuple(columns)
        for column in self.columns:
            if not isinstance(column, str):
                raise TypeError(f"columns are column names (str), got {type(column).__name__}")

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        return {column: self._normalized(batch[column]) for column in self.columns}

    def _normalized(self, values: Any) -> Any:
        if values is None:
            return None
        if isinstance(values, str):  # one example: Dataset.map without batched=True
            return self.pipeline(values)
        if isinstance(values, (bytes, bytearray)) or not isinstance(values, Iterable):
            raise TypeError(f"expected a column of str (a list with batched=True, or one str), "
                            f"got {type(values).__name__}")
        values = values if isinstance(values, list) else list(values)
        return self.pipeline.batch_values(values, [value is None for value in values])
