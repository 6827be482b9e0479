"""What a normalizer does, as data: character maps, rules and functions.

This is the semantic layer. A normalizer module (marks, letters, spacing …)
declares the primitives it runs and nothing about how they are made fast:

* :class:`CharMap` maps single code points to strings (``""`` deletes). It
  needs no context, so adjacent maps compose into one map (:func:`fuse`).
* :class:`Rule` is a pattern, its replacement and its trigger characters,
  for anything that depends on context (word-final letters, runs of spaces,
  pairs of quotes).
* :class:`Func` wraps any ``str -> str`` callable: a user's own step.

Each has one plain reference implementation: ``str.translate`` for a map,
one ``re.sub`` for a rule. The accelerator layer (:mod:`arnorm._accel`)
replaces them with faster paths of the same output, keyed by the rule's
``name``; :func:`run` uses them once the engine is loaded
(``ARNORM_REFERENCE=1`` keeps the references).

>>> drop_tatweel = CharMap.delete("\\u0640")
>>> fold_alef = CharMap({"\\u0623": "\\u0627"})
>>> drop_tatweel.then(fold_alef)("أحـــمد")
'احمد'
>>> len(fuse([drop_tatweel, fold_alef]))
1
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Union

from ._chars import char_class
from ._offsets import Aligner, Span

Replacement = Union[str, Callable[["re.Match[str]"], str]]

SEPARATOR = "\x00"
"""The character that joins the texts of a batch into one buffer: NUL, which
no text means as a character (a batch with a text that holds one runs text
by text). No character map touches it, and a rule declared ``separable``
acts on ``a + SEPARATOR + b`` as on ``a`` and ``b`` apart, so a batch runs
in one pass per primitive and splits back exactly
(:meth:`arnorm.Pipeline.batch`). It is not a space, a line break, a letter
or a mark, and lies below the presentation forms, so that it sends no
buffer down a slower path."""


class CharMap:
    """A simultaneous mapping of single code points to strings.

    Args:
        table: ``{character: replacement}``; an empty replacement deletes the
            character. Entries that map a character to itself are dropped.

    Raises:
        ValueError: a key is not exactly one code point.
        TypeError: a key or value is not a ``str``.
    """

    __slots__ = ("table", "writes", "_translation", "_keys")

    def __init__(self, table: Mapping[str, str]) -> None:
        for key, value in table.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise TypeError(f"CharMap entries must be str -> str, got {key!r}: {value!r}")
            if len(key) != 1:
                raise ValueError(f"CharMap keys must be single code points, got {key!r}")
        self.table: Mapping[str, str] = MappingProxyType(
            {key: table[key] for key in sorted(table) if table[key] != key}
        )
        self.writes: frozenset[str] = frozenset("".join(self.table.values()))
        """Every character the map may write."""
        self._translation = {ord(key): value for key, value in self.table.items()}
        self._keys: re.Pattern[str] | None = None

    @classmethod
    def delete(cls, chars: Iterable[str]) -> CharMap:
        """A map that deletes every character of ``chars``."""
        return cls(dict.fromkeys(chars, ""))

    def then(self, other: CharMap) -> CharMap:
        """The map equal to applying ``self``, then ``other``."""
        keys = self.table.keys() | other.table.keys()
        return CharMap({key: other(self.table.get(key, key)) for key in keys})

    def __call__(self, text: str) -> str:
        """The reference: ``str.translate``."""
        return text.translate(self._translation)

    def with_offsets(self, text: str, spans: list[Span]) -> tuple[str, list[Span]]:
        """Apply the map and carry each character's input span along; only
        the keys present are visited (one search for all of them)."""
        table = self.table
        if self._keys is None:
            self._keys = re.compile(char_class(table) if table else "(?!)")
        found = [(match.start(), match.group()) for match in self._keys.finditer(text)]
        if all(len(table[ch]) <= 1 for _, ch in found):  # no expansion: translate, and widen at deletions
            deleted = [index for index, ch in found if not table[ch]]
            return text.translate(self._translation), widened(spans, deleted)
        aligner = Aligner()
        kept = 0
        for index, ch in found:
            aligner.keep(text[kept:index], spans[kept:index])
            aligner.replace(table[ch], spans[index : index + 1], ch)
            kept = index + 1
        aligner.keep(text[kept:], spans[kept:])
        return aligner.text(), aligner.spans

    def __repr__(self) -> str:
        return f"CharMap(<{len(self.table)} entries>)"


def widened(spans: list[Span], deleted: list[int]) -> list[Span]:
    """The spans left when the characters at ``deleted`` (in order) go: each
    widens the span of the character kept before it, or, before the first
    kept character, that one's (as :class:`~arnorm._offsets.Aligner` does).

    >>> widened([(0, 1), (1, 2), (2, 3), (3, 4)], [0, 2])
    [(0, 3), (3, 4)]
    """
    result: list[Span] = []
    kept, pending = 0, None
    for index in deleted:
        result.extend(spans[kept:index])
        if result:
            start, end = result[-1]
            result[-1] = (start, max(end, spans[index][1]))
        elif pending is None:
            pending = spans[index][0]
        kept = index + 1
    result.extend(spans[kept:])
    if pending is not None and result:
        result[0] = (min(pending, result[0][0]), result[0][1])
    return result


class Rule:
    """A context-dependent rewrite: ``pattern.sub(replacement, text)``.

    Args:
        pattern: The pattern (a string is compiled with :mod:`re`).
        replacement: A replacement string or a function of the match.
        triggers: Substrings (or the characters of a string) of which at least
            one occurs in every match: a text with none of them is returned
            as it is, without running the pattern.
        produces: Every character the rule may write that its match did not
            contain (``None``: unknown), so that a pipeline can prove from
            its input alone that a later rule has nothing to do.
        context: Every character the rule's result depends on (``None``:
            unknown). A character map that deletes nothing and touches none
            of them, nor any character the rule produces, gives the same
            result before the rule as after it, so a pipeline may run it
            earlier, fused with the map before the rule.
        name: The key under which the accelerator layer may hold a faster
            path with the same output (none: the reference runs).
        cut: Where a long text may be cut into pieces that the rule can
            rewrite one by one: just after a match of this pattern (a
            character after which no match of the rule goes on, such as
            ``"\\n"`` for a rule that never looks across a line break).
        params: What the faster path needs to know of this rule's meaning
            (for reduce_repeats, ``max_repeat``).
        separable: The rule acts on ``a + SEPARATOR + b`` exactly as on
            ``a`` and on ``b`` apart: no match contains :data:`SEPARATOR`,
            and the pattern's context treats it as the end of a text (true
            of a pattern that only looks at characters of its own classes).
            Not separable: anything anchored at the text's ends (``\\A``,
            ``\\Z``) or pairing over whatever lies between.
        batch_form: For a rule that is not separable, the rules that run in
            its place on a batch's joined texts and give on
            ``a + SEPARATOR + b`` what it gives on ``a`` and ``b`` apart, so
            that the batch need not run it text by text (for stripping a
            text's ends: the spaces beside each separator, then the ends).
    """

    __slots__ = ("_pattern", "replacement", "triggers", "produces", "context", "name", "cut", "params",
                 "separable", "batch_form")

    def __init__(
        self,
        pattern: str | re.Pattern[str],
        replacement: Replacement,
        *,
        triggers: str | tuple[str, ...] = "",
        produces: Iterable[str] | None = None,
        context: Iterable[str] | None = None,
        name: str = "",
        cut: str = "",
        params: Mapping[str, Any] | None = None,
        separable: bool = False,
        batch_form: tuple[Rule, ...] = (),
    ) -> None:
        self._pattern = pattern
        self.replacement = replacement
        self.triggers = triggers
        self.produces = None if produces is None else frozenset(produces)
        self.context = None if context is None else frozenset(context)
        self.name = name
        self.cut = cut
        self.params: Mapping[str, Any] = MappingProxyType(dict(params or {}))
        self.separable = separable
        self.batch_form = batch_form

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern, compiled on first use, so that importing
        arnorm compiles no rule's pattern (a typo in one surfaces when a
        pipeline with its step is first run; a test runs every step)."""
        pattern = self._pattern
        if isinstance(pattern, str):
            pattern = self._pattern = re.compile(pattern)
        return pattern

    def __call__(self, text: str) -> str:
        """The reference: one ``re.sub``."""
        return self.pattern.sub(self.replacement, text)

    def with_offsets(self, text: str, spans: list[Span]) -> tuple[str, list[Span]]:
        """Apply the rule and carry each character's input span along."""
        replacement = self.replacement
        aligner = Aligner()
        kept = 0
        for match in self.pattern.finditer(text):
            start, end = match.span()
            piece = match.expand(replacement) if isinstance(replacement, str) else replacement(match)
            if piece == match.group():
                continue  # unchanged (a doubled letter within max_repeat): kept with what follows
            aligner.keep(text[kept:start], spans[kept:start])
            aligner.replace(piece, spans[start:end], match.group())
            kept = end
        aligner.keep(text[kept:], spans[kept:])
        return aligner.text(), aligner.spans

    def __repr__(self) -> str:
        return f"Rule({self.name or self.pattern.pattern[:40]!r})"


class Func:
    """Any ``str -> str`` callable, used as it is (never fused)."""

    __slots__ = ("func",)

    def __init__(self, func: Callable[[str], str]) -> None:
        self.func = func

    def __call__(self, text: str) -> str:
        return self.func(text)

    def with_offsets(self, text: str, spans: list[Span]) -> tuple[str, list[Span]]:
        """Apply the function; align what it kept to the input.

        A function is opaque, so only its unchanged start and end align
        exactly; when the result is a slice of the text (as with ``strip``),
        the slice aligns exactly too; anything else maps to the whole span
        between them.
        """
        result = self.func(text)
        if result == text:
            return text, spans
        aligner = Aligner()
        where = text.find(result) if result else -1
        if where >= 0:
            aligner.replace("", spans[:where])
            aligner.keep(result, spans[where : where + len(result)])
            aligner.replace("", spans[where + len(result) :])
        else:
            aligner.replace(result, spans, text)
        return aligner.text(), aligner.spans

    def __repr__(self) -> str:
        return f"Func({getattr(self.func, '__name__', self.func)!r})"


Primitive = Union[CharMap, Rule, Func]
Runner = Callable[[str], str]


def fuse(primitives: Iterable[Primitive]) -> tuple[Primitive, ...]:
    """Merge every run of adjacent :class:`CharMap` into one, keeping order."""
    fused: list[Primitive] = []
    run: list[CharMap] = []
    for primitive in (*primitives, None):
        if isinstance(primitive, CharMap):
            run.append(primitive)
            continue
        if run:
            fused.append(run[0] if len(run) == 1 else composed(tuple(run)))
            run = []
        if primitive is not None:
            fused.append(primitive)
    return tuple(fused)


@functools.lru_cache(maxsize=256)  # maps are the steps' own cached objects: plans share their fusions
def composed(maps: tuple[CharMap, ...]) -> CharMap:
    """The one map equal to applying ``maps`` one after another."""
    table: dict[str, str] = {}
    for step in maps:
        get = step.table.get
        table = {key: "".join([get(ch, ch) for ch in value]) for key, value in table.items()}
        for key, value in step.table.items():
            table.setdefault(key, value)
    return CharMap(table)


def reference(primitives: tuple[Primitive, ...]) -> Runner:
    """The primitives' reference implementations, one after another."""

    def run_all(text: str) -> str:
        for primitive in primitives:
            text = primitive(text)
        return text

    return run_all


_engine: list[Callable[[tuple[Primitive, ...]], Runner]] = []
ENGINE = "arnorm._plan"
"""The module that registers the engine with :func:`use_engine` when it is
imported (unless ``ARNORM_REFERENCE=1``). It is imported on the first run,
not with arnorm: a command that only parses its arguments never loads it."""


def use_engine(compile_step: Callable[[tuple[Primitive, ...]], Runner]) -> None:
    """Run normalizers through ``compile_step`` (called once by the engine)."""
    _engine[:] = [compile_step]
    compiled.cache_clear()


@functools.lru_cache(maxsize=256)  # bounded: a step with user exceptions is new each call
def compiled(primitives: tuple[Primitive, ...]) -> Runner:
    """What runs ``primitives``: the engine's plan, or the references."""
    if not _engine:
        importlib.import_module(ENGINE)  # registers itself, which empties this cache
    return _engine[0](primitives) if _engine else reference(primitives)


def run(primitives: tuple[Primitive, ...], text: str) -> str:
    """Apply ``primitives`` to ``text`` one after another."""
    return compiled(primitives)(text)
