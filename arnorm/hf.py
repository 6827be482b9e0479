"""Hugging Face integration: tokenizers normalizers and ``datasets.map`` helpers.

>>> from arnorm import Pipeline
>>> from arnorm.hf import to_hf_normalizer
>>> normalizer = to_hf_normalizer("search")
>>> type(normalizer).__name__, normalizer.normalize_str("أَحْمَدُ فى المدرسة")
('Sequence', 'احمد في المدرسه')

Requires the ``hf`` extra (``pip install '.[hf]'`` in a clone of arnorm).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from ._extras import require_extra
from ._native import Part, native_form, oniguruma_pattern
from ._rules import CharMap
from .pipeline import Pipeline, PipelineLike, Step

__all__ = ["ArnormNormalizer", "BatchNormalizer", "blocking_steps", "load_tokenizer", "oniguruma_pattern",
           "save_tokenizer", "to_hf_normalizer"]

SAVED_TYPE = "arnorm.Pipeline"
"""The ``type`` of the entry :func:`save_tokenizer` writes for a part that
only arnorm runs: plain ``tokenizers`` refuses to load it."""


def _runs(steps: tuple[Step, ...]) -> list[tuple[tuple[Step, ...], list[Part] | None]]:
    """The steps cut into runs: each the longest that has a native form from
    where it starts (its parts), or one step that has none (None)."""
    runs: list[tuple[tuple[Step, ...], list[Part] | None]] = []
    start = 0
    while start < len(steps):
        for end in range(len(steps), start, -1):
            parts = native_form([p for step in steps[start:end] for p in step.primitives])
            if parts is not None:
                runs.append((steps[start:end], parts))
                start = end
                break
        else:
            if runs and runs[-1][1] is None:  # custom steps next to each other run as one
                runs[-1] = (runs[-1][0] + (steps[start],), None)
            else:
                runs.append(((steps[start],), None))
            start += 1
    return runs


def blocking_steps(pipe: PipelineLike) -> list[str]:
    """The names of the steps of ``pipe`` that ``tokenizers`` cannot run natively.

    Such a step runs as arnorm's own custom normalizer in
    :func:`to_hf_normalizer`'s result.

    >>> blocking_steps("standard")
    ['restore_final_yaa', 'remove_diacritics']
    >>> blocking_steps("search")
    []
    """
    return [step.name for steps, parts in _runs(Pipeline.coerce(pipe).steps) if parts is None for step in steps]


def _native(tokenizers: Any, parts: list[Part]) -> list[Any]:
    from ._charsmap import precompiled_charsmap

    normalizers, Regex = tokenizers.normalizers, tokenizers.Regex
    return [normalizers.Replace(Regex(part[1]), part[2]) if part[0] == "Replace"
            else normalizers.Precompiled(precompiled_charsmap(part[1])) for part in parts]


def to_hf_normalizer(pipe: PipelineLike, *, native: bool | None = None) -> Any:
    """A ``tokenizers`` normalizer doing what ``pipe`` does, offsets included.

    ``pipe`` is anything :meth:`arnorm.Pipeline.coerce` accepts: a pipeline,
    a preset name, a list (or other iterable) of steps or a
    ``Pipeline.to_dict()`` dict.

    Every step that tokenizers' own normalizers can express exactly (maps,
    deletions, patterns with look-around, reduce_repeats, the whitespace
    rules: the ``search``, ``minimal`` and ``lucene`` presets whole) becomes
    native ``Replace`` and ``Precompiled`` normalizers, which run in Rust and
    save with ``tokenizer.save``. A step that cannot (restore_final_yaa,
    the Quranic spelling, a function of yours; see :func:`blocking_steps`)
    runs as a custom normalizer that runs arnorm itself, editing through
    ``NormalizedString`` operations so that token offsets still point into
    the original text. Either way the output is the pipeline's.

    Args:
        pipe: The pipeline.
        native: ``None`` (default): native where it can be, custom for the
            rest. ``True``: native or an error. ``False``: one custom
            normalizer for the whole pipeline.

    Returns:
        A ``normalizers.Sequence`` (a custom ``normalizers.Normalizer``
            when the whole pipeline is custom).

    Raises:
        ValueError: ``native=True`` and some steps cannot be native; the
            message names them.

    Note:
        ``tokenizer.save`` fails while a custom normalizer is attached: save
        with :func:`save_tokenizer` and load with :func:`load_tokenizer`.

    Examples:
        >>> to_hf_normalizer("standard", native=True)
        Traceback (most recent call last):
        ...
        ValueError: these steps have no native tokenizers form: restore_final_yaa, remove_diacritics; use native=None (native where possible, arnorm for the rest)
    """
    (tokenizers,) = require_extra("hf", "tokenizers")
    normalizers = tokenizers.normalizers
    pipeline = Pipeline.coerce(pipe)
    if native is False:
        return normalizers.Normalizer.custom(ArnormNormalizer(pipeline))
    runs = _runs(pipeline.steps)
    blocked = [step.name for steps, parts in runs if parts is None for step in steps]
    if native and blocked:
        raise ValueError(f"these steps have no native tokenizers form: {', '.join(blocked)}; "
                         "use native=None (native where possible, arnorm for the rest)")
    if runs == [(pipeline.steps, None)]:
        return normalizers.Normalizer.custom(ArnormNormalizer(pipeline))
    made: list[Any] = []
    for steps, parts in runs:
        if parts is None:
            made.append(normalizers.Normalizer.custom(ArnormNormalizer(Pipeline(steps))))
        else:
            made += _native(tokenizers, parts)
    return normalizers.Sequence(made)


# --- saving a tokenizer with custom parts -------------------------------------------------------

_PROBE = "\U0010ffff\0arnorm: which pipeline?\0\U0010ffff"
"""A text no one normalizes: given it, an :class:`ArnormNormalizer` says who it is."""
_probed: list[ArnormNormalizer] = []


def _arnorm_of(normalizer: Any) -> ArnormNormalizer | None:
    """The :class:`ArnormNormalizer` inside a custom normalizer (None: not arnorm's)."""
    _probed.clear()
    try:
        normalizer.normalize_str(_PROBE)
    except Exception:  # a user's custom normalizer may refuse the probe
        return None
    return _probed.pop() if _probed else None


def _entries(normalizer: Any) -> Any:
    """The JSON of ``normalizer`` with each arnorm part as a ``SAVED_TYPE`` entry."""
    (tokenizers,) = require_extra("hf", "tokenizers")
    if isinstance(normalizer, tokenizers.normalizers.Sequence):
        return {"type": "Sequence", "normalizers": [_entries(member) for member in normalizer]}
    try:
        return json.loads(normalizer.__getstate__())
    except Exception:
        found = _arnorm_of(normalizer)
        if found is None:
            raise ValueError("the tokenizer has a custom normalizer that is not arnorm's: it cannot be saved")
        return {"type": SAVED_TYPE, "pipeline": found.pipeline.to_dict()}


def save_tokenizer(tokenizer: Any, path: str | os.PathLike[str], *, pretty: bool = True) -> None:
    """``tokenizer.save(path)``, also when its normalizer has arnorm's custom parts.

    Each custom part is written as ``{"type": "arnorm.Pipeline", "pipeline":
    ...}`` (:meth:`arnorm.Pipeline.to_dict`) in the normalizer's place in the
    JSON; :func:`load_tokenizer` attaches it again. Plain
    ``Tokenizer.from_file`` refuses such a file rather than normalizing
    otherwise. A tokenizer whose normalizer is all native is saved as
    ``tokenizer.save`` saves it, and loads anywhere.

    Raises:
        ValueError: a custom normalizer that is not arnorm's.
    """
    normalizer = tokenizer.normalizer
    if normalizer is None:
        tokenizer.save(str(path), pretty=pretty)
        return
    entries = _entries(normalizer)
    tokenizer.normalizer = None  # serialised without it, then put back
    try:
        data = json.loads(tokenizer.to_str())
    finally:
        tokenizer.normalizer = normalizer
    data["normalizer"] = entries
    with open(path, "w", encoding="utf-8") as file:
        json.dump(data, file, ensure_ascii=False, indent=2 if pretty else None)


def _has_arnorm(entry: Any) -> bool:
    if isinstance(entry, dict):
        return entry.get("type") == SAVED_TYPE or any(_has_arnorm(v) for v in entry.get("normalizers", ()))
    return False


def _placeholders(entry: Any) -> Any:
    if entry.get("type") == SAVED_TYPE:
        return {"type": "Sequence", "normalizers": []}
    if entry.get("type") == "Sequence":
        return {**entry, "normalizers": [_placeholders(member) for member in entry["normalizers"]]}
    return entry


def _attach(tokenizers: Any, entry: Any, loaded: Any) -> Any:
    """``loaded`` (the normalizer tokenizers read, with empty placeholders),
    with each placeholder of an arnorm entry replaced by arnorm's normalizer."""
    if entry.get("type") == SAVED_TYPE:
        return tokenizers.normalizers.Normalizer.custom(ArnormNormalizer(Pipeline.from_dict(entry["pipeline"])))
    if entry.get("type") == "Sequence" and _has_arnorm(entry):
        return tokenizers.normalizers.Sequence(
            [_attach(tokenizers, member, part) for member, part in zip(entry["normalizers"], loaded)])
    return loaded


def load_tokenizer(path: str | os.PathLike[str]) -> Any:
    """A ``tokenizers.Tokenizer`` from a file :func:`save_tokenizer` (or
    ``tokenizer.save``) wrote, arnorm's custom parts attached again.

    Examples:
        >>> import tempfile, os
        >>> from tokenizers import Tokenizer, models, pre_tokenizers
        >>> tokenizer = Tokenizer(models.WordLevel({"[UNK]": 0, "في": 1}, unk_token="[UNK]"))
        >>> tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
        >>> tokenizer.normalizer = to_hf_normalizer("standard")
        >>> path = os.path.join(tempfile.mkdtemp(), "tokenizer.json")
        >>> save_tokenizer(tokenizer, path)
        >>> load_tokenizer(path).encode("فِى البيت").tokens
        ['في', '[UNK]']
    """
    (tokenizers,) = require_extra("hf", "tokenizers")
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    entry = data.get("normalizer")
    if not _has_arnorm(entry):
        return tokenizers.Tokenizer.from_str(json.dumps(data))
    tokenizer = tokenizers.Tokenizer.from_str(json.dumps({**data, "normalizer": _placeholders(entry)}))
    tokenizer.normalizer = _attach(tokenizers, entry, tokenizer.normalizer)
    return tokenizer


class ArnormNormalizer:
    """A custom ``tokenizers`` normalizer running an arnorm pipeline.

    A text the pipeline leaves as it is costs one call of the pipeline.
    Otherwise the passes of its plan for that text (maps fused, idle rules
    dropped) are replayed: each map as ``NormalizedString.replace``
    (expansions), ``map`` (one-to-one) and ``filter`` (deletions); each rule
    is run by arnorm with offsets and replayed as a positional ``filter``
    and ``map``, so the alignments tokenizers keeps stay exact. Where a rule
    writes more characters than a cluster held (يَٰقَوْمِ → يا قوم), a
    placeholder takes the cluster's place and a literal ``replace`` expands it.
    """

    def __init__(self, pipe: PipelineLike) -> None:
        self.pipeline = Pipeline.coerce(pipe)

    def normalize(self, normalized: Any) -> None:
        text = normalized.normalized
        if text == _PROBE:  # save_tokenizer asks which pipeline this is
            _probed.append(self)
            return
        if self.pipeline(text) == text:
            return
        for primitive in self.pipeline.plan(text):
            if isinstance(primitive, CharMap):
                _apply_map(primitive, normalized)
            else:
                _apply_rule(primitive, normalized)


def _apply_map(charmap: CharMap, normalized: Any) -> None:
    table = charmap.table
    current = normalized.normalized
    present = {key: table[key] for key in set(current).intersection(table)}
    if not present:
        return
    if charmap.writes.isdisjoint(table):  # one replace per key present, each run in Rust
        for key, value in present.items():
            normalized.replace(key, value)
        return
    # A value holds a key (ﳹ → غى beside ى → ي): every character is
    # rewritten once, as the simultaneous map does.
    _replay(normalized, current, [table.get(ch, ch) or None for ch in current])


def _apply_rule(rule: Any, normalized: Any) -> None:
    current = normalized.normalized
    if rule(current) == current:  # most rules change nothing in most texts: no offsets to carry
        return
    identity = [(i, i + 1) for i in range(len(current))]
    result, spans = rule.with_offsets(current, identity)
    if result == current:
        return
    if not current:  # tokenizers cannot align what is written into an empty string
        raise ValueError(f"{rule!r} writes {result!r} into an empty text: it cannot run inside tokenizers")
    # Usually each character was rewritten in place (ى → ي): no place to find.
    _replay(normalized, current, list(result) if spans == identity else _placed(current, result, spans))


def _replay(normalized: Any, current: str, places: list[str | None]) -> None:
    """Rewrite ``normalized`` (whose text is ``current``) so that each
    character becomes what ``places`` says: None deletes it, one character
    replaces it, several take its place through a private-use placeholder
    that one literal ``replace`` expands, aligned to the character."""
    expansions = sorted({chars for chars in places if chars is not None and len(chars) > 1})
    placeholder = dict(zip(expansions, _unused_characters(current + "".join(expansions), len(expansions))))
    if None in places:
        kept = iter([chars is not None for chars in places])
        normalized.filter(lambda _: next(kept))
    replacement = iter([placeholder.get(chars, chars) for chars in places if chars is not None])
    normalized.map(lambda _: next(replacement))
    for chars, stand_in in placeholder.items():
        normalized.replace(stand_in, chars)


def _placed(current: str, result: str, spans: Sequence[tuple[int, int]]) -> list[str | None]:
    """What each character of ``current`` becomes (None: deleted), so that
    the kept ones, in order, spell ``result``, whose characters came from
    ``spans`` of ``current``.

    An output character takes the first free place of its span after the
    last one taken, the one holding the same character if there is one (a
    letter whose span a deleted mark or space widened stays on itself); with
    no free place in its span (يَٰ → يا + a space; a lam the rule adds), it
    joins the character placed before it, or, at the start, the next one.

    >>> _placed("\u064e ب", "ب", [(0, 3)])
    [None, None, 'ب']
    >>> _placed("يَٰ", "يَا ", [(0, 1), (1, 2), (2, 3), (2, 3)])
    ['ي', 'َ', 'ا ']
    """
    places: list[str | None] = [None] * len(current)
    last, waiting = -1, ""
    for ch, (start, stop) in zip(result, spans):
        first = max(start, last + 1)
        if first < min(stop, len(current)):
            same = current.find(ch, first, stop)
            last = same if same >= 0 else first
            places[last], waiting = waiting + ch, ""
        elif last >= 0:
            places[last] += ch  # type: ignore[operator]  # places[last] is set: it was just taken
        else:
            waiting += ch
    if waiting:  # nothing was placed: the first character takes it all
        places[0] = waiting
    return places


def _unused_characters(text: str, count: int) -> list[str]:
    """``count`` private-use characters that ``text`` does not hold."""
    if not count:
        return []
    held = set(text)
    planes = (range(0xE000, 0xF900), range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE))
    found = list(islice((chr(point) for plane in planes for point in plane if chr(point) not in held), count))
    if len(found) < count:
        raise ValueError("the text holds nearly every private-use character: no placeholder is left")
    return found


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
