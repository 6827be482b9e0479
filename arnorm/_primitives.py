"""The three kinds of step a normalizer is made of, and how runs of them fuse.

* :class:`CharMap` maps single code points to strings (``""`` deletes). It
  needs no context, so adjacent maps compose into one map: one pass over the
  text instead of several.
* :class:`Rule` is a compiled pattern and its replacement, for anything that
  depends on context (word-final letters, runs of spaces, pairs of quotes).
* :class:`Func` wraps any ``str -> str`` callable: a user's own step.

Every public normalizer declares the tuple of primitives it runs, so a
:class:`~arnorm.Pipeline` can flatten its steps and merge neighbouring maps
(:func:`fuse`); Rules and Funcs are barriers and nothing is reordered, so a
fused pipeline returns exactly what its steps return one after another.

>>> drop_tatweel = CharMap.delete("\\u0640")
>>> fold_alef = CharMap({"\\u0623": "\\u0627"})
>>> both = drop_tatweel.then(fold_alef)
>>> both("أحـــمد")
'احمد'
>>> len(fuse([drop_tatweel, fold_alef]))
1
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Union

from ._executors import charmap_executor
from ._offsets import Aligner, Span

Replacement = Union[str, Callable[["re.Match[str]"], str]]


class CharMap:
    """A simultaneous mapping of single code points to strings.

    Args:
        table: ``{character: replacement}``; an empty replacement deletes the
            character. Entries that map a character to itself are dropped.

    Raises:
        ValueError: a key is not exactly one code point.
        TypeError: a key or value is not a ``str``.
    """

    __slots__ = ("table", "_executor")

    def __init__(self, table: Mapping[str, str]) -> None:
        for key, value in table.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise TypeError(f"CharMap entries must be str -> str, got {key!r}: {value!r}")
            if len(key) != 1:
                raise ValueError(f"CharMap keys must be single code points, got {key!r}")
        self.table: Mapping[str, str] = MappingProxyType(
            {key: table[key] for key in sorted(table) if table[key] != key}
        )
        self._executor = charmap_executor(self.table)

    @classmethod
    def delete(cls, chars: Iterable[str]) -> CharMap:
        """A map that deletes every character of ``chars``."""
        return cls(dict.fromkeys(chars, ""))

    def then(self, other: CharMap) -> CharMap:
        """The map equal to applying ``self``, then ``other``."""
        keys = self.table.keys() | other.table.keys()
        return CharMap({key: other.apply_each(self.table.get(key, key)) for key in keys})

    def apply_each(self, text: str) -> str:
        """Apply the map character by character (for short strings)."""
        get = self.table.get
        return "".join([get(ch, ch) for ch in text])

    def __call__(self, text: str) -> str:
        return self._executor(text)

    def with_offsets(self, text: str, spans: list[Span]) -> tuple[str, list[Span]]:
        """Apply the map and carry each character's input span along."""
        table = self.table
        aligner = Aligner()
        kept = 0
        for index, ch in enumerate(text):
            if ch in table:
                aligner.keep(text[kept:index], spans[kept:index])
                aligner.replace(table[ch], spans[index : index + 1], ch)
                kept = index + 1
        aligner.keep(text[kept:], spans[kept:])
        return aligner.text(), aligner.spans

    def __repr__(self) -> str:
        return f"CharMap(<{len(self.table)} entries>)"


class Rule:
    """A context-dependent rewrite: ``pattern.sub(replacement, text)``.

    Args:
        pattern: The pattern (a string is compiled with :mod:`re`).
        replacement: A replacement string or a function of the match.
        triggers: Substrings (or the characters of a string) of which at least
            one occurs in every match. When given, a text containing none of
            them is returned untouched without running the pattern: a fast
            path, never a change of meaning.
        produces: Every character the rule may write that its match did not
            contain (``None``: unknown). A pipeline uses it to prove, from the
            input alone, that a later rule cannot fire.
        context: Every character the rule's result depends on (``None``:
            unknown). A character map that deletes nothing and touches none of
            them, nor any character the rule produces, gives the same result
            before the rule as after it, so a pipeline may move it there to
            fuse it. (A deletion never moves: it can join two characters it
            separated.)
        fast: A function equal to ``pattern.sub(replacement, text)`` on every
            text this rule receives in its normalizer, but quicker (for
            example a few ``str.replace`` calls, which return a text without
            the pattern untouched); it runs without the triggers' test, and
            the pattern still serves ``with_offsets``.
        reduced_by: A function of the character maps around the rule (the
            one right after it, and the one right before or ``None``) giving
            what may run in its place, the same once the map after has run
            on what the map before can leave: the rule itself, a narrower
            rule, or ``None`` when the map erases whatever the rule did (a
            rule that only drops hamza marks and folds alef forms, before a
            map that does both). A pipeline runs that instead.
        vector: The rule on a NumPy array of the text's code points (UTF-16
            code units or UTF-32), returning the array of the result, equal
            to ``fast`` on the text the array holds: a character map that
            holds the text as an array runs the rules after it this way
            before decoding. It must give the same on the pieces of a text
            cut between two different characters, neither a line break and
            the second not a space, as on the whole.
    """

    __slots__ = ("pattern", "replacement", "triggers", "produces", "context", "fast", "reduced_by", "vector")

    def __init__(
        self,
        pattern: str | re.Pattern[str],
        replacement: Replacement,
        *,
        triggers: str | tuple[str, ...] = "",
        produces: Iterable[str] | None = None,
        context: Iterable[str] | None = None,
        fast: Callable[[str], str] | None = None,
        reduced_by: Callable[[CharMap, CharMap | None], Primitive | None] | None = None,
        vector: Callable[[Any], Any] | None = None,
    ) -> None:
        self.pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
        self.replacement = replacement
        self.triggers = triggers
        self.produces = None if produces is None else frozenset(produces)
        self.context = None if context is None else frozenset(context)
        self.fast = fast
        self.reduced_by = reduced_by
        self.vector = vector

    def __call__(self, text: str) -> str:
        if self.fast is not None:  # a fast path looks for its own triggers
            return self.fast(text)
        for trigger in self.triggers:
            if trigger in text:
                break
        else:
            if self.triggers:
                return text
        return self.pattern.sub(self.replacement, text)

    def with_offsets(self, text: str, spans: list[Span]) -> tuple[str, list[Span]]:
        """Apply the rule and carry each character's input span along."""
        if self.triggers and not any(ch in text for ch in self.triggers):
            return text, spans
        replacement = self.replacement
        aligner = Aligner()
        kept = 0
        for match in self.pattern.finditer(text):
            start, end = match.span()
            aligner.keep(text[kept:start], spans[kept:start])
            piece = match.expand(replacement) if isinstance(replacement, str) else replacement(match)
            aligner.replace(piece, spans[start:end], match.group())
            kept = end
        aligner.keep(text[kept:], spans[kept:])
        return aligner.text(), aligner.spans

    def __repr__(self) -> str:
        return f"Rule({self.pattern.pattern[:40]!r})"


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


def fuse(primitives: Iterable[Primitive]) -> tuple[Primitive, ...]:
    """Merge every run of adjacent :class:`CharMap` into one, keeping order."""
    fused: list[Primitive] = []
    for primitive in primitives:
        if isinstance(primitive, CharMap) and fused and isinstance(fused[-1], CharMap):
            fused[-1] = fused[-1].then(primitive)
        else:
            fused.append(primitive)
    return tuple(fused)


def reduce_rules(primitives: tuple[Primitive, ...]) -> tuple[Primitive, ...]:
    """Run in place of each rule what the maps around it reduce it to (see
    ``Rule(reduced_by=...)``), fusing the maps that meet when a rule is left
    out; repeat until nothing changes."""
    for index, primitive in enumerate(primitives[:-1]):
        after = primitives[index + 1]
        if not isinstance(primitive, Rule) or primitive.reduced_by is None or not isinstance(after, CharMap):
            continue
        before = primitives[index - 1] if index else None
        reduced = primitive.reduced_by(after, before if isinstance(before, CharMap) else None)
        if reduced is not primitive:
            kept = () if reduced is None else (reduced,)
            return reduce_rules(fuse(primitives[:index] + kept + primitives[index + 1 :]))
    return primitives


def can_leave(before: CharMap | None, ch: str) -> bool:
    """Whether ``ch`` can be in what ``before`` returns (any character can,
    with no map before)."""
    if before is None or ch not in before.table:
        return True
    return any(ch in value for value in before.table.values())


def run(primitives: Iterable[Callable[[str], str]], text: str) -> str:
    """Apply ``primitives`` to ``text`` one after another."""
    for primitive in primitives:
        text = primitive(text)
    return text
