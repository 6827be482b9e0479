"""reduce_repeats made fast: runs found by spelled-out patterns or by NumPy.

The rule's reference matches every run of a doubled letter and cuts it. For
a small ``max_repeat`` it is quicker to look only for runs that are too
long: ``(.)\\1\\1`` finds any repeated character about 3x faster than a
letter class, and on a long text NumPy lists where every such run starts, so
that each is shortened alone (unless runs are everywhere, when one ``sub``
from the first is quicker). A very long run is followed to its end by
blocks, not by the regex's backreference.

>>> from arnorm import reduce_repeats
>>> reduce_repeats("جمييييل جدااااا!!!")
'جمييل جداا!!!'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .._chars import REPEATABLE_LETTERS, char_class
from .._rules import Rule, Runner
from .lookup import membership_table
from .policy import Policy, on_first_call


def fast(rule: Rule, policy: Policy) -> Runner:
    """reduce_repeats' rule, for its ``max_repeat``."""
    max_repeat = rule.params["max_repeat"]
    if max_repeat > policy.short_repeat:
        return lambda text: rule.pattern.sub(rule.replacement, text)
    letters = char_class(REPEATABLE_LETTERS)
    too_long = re.compile(f"({letters})\\1{{{max_repeat},}}")
    # The same runs, matched up to long_run letters (a longer one goes on in run_end).
    up_to_long = re.compile(f"({letters})\\1{{{max_repeat},{policy.long_run - 1}}}")
    any_run = re.compile("(.)" + "\\1" * max_repeat, re.DOTALL)

    def shorten(match: re.Match[str]) -> str:
        return match.group(1) * max_repeat

    def by_regex(text: str) -> str:
        if any_run.search(text) is None:  # the usual case, without an iterator
            return text
        start = next((found.start() for found in any_run.finditer(text)
                      if found.group(1) in REPEATABLE_LETTERS), None)
        if start is None:
            return text
        return text[:start] + too_long.sub(shorten, text[start:])

    starts_of = run_starts_finder(max_repeat, policy)
    if starts_of is None:
        return by_regex

    def run(text: str) -> str:
        if len(text) < policy.dense_text or policy.numpy is None:  # (None: NumPy failed to import)
            return by_regex(text)
        starts = starts_of(text)
        if len(starts) * policy.runs_apart > len(text):  # runs everywhere: one sub
            return text[: starts[0]] + too_long.sub(shorten, text[starts[0] :])
        parts, done = [], 0  # each run shortened alone
        for start in starts:
            end = up_to_long.match(text, start).end()  # type: ignore[union-attr]
            if end - start == policy.long_run:
                end = run_end(text, end, policy.long_run)
            parts += (text[done:start], text[start] * max_repeat)
            done = end
        return "".join(parts) + text[done:] if parts else text

    return run


def run_end(text: str, end: int, block: int = 64) -> int:
    """Where the run of ``text[end - 1]`` that reaches ``end`` stops: blocks
    of the letter compared by ``str.startswith``, doubled while they match
    and halved when they do not.

    >>> run_end("ههههههو", 2)
    6
    """
    letter, step = text[end - 1], block
    while step:
        if text.startswith(letter * step, end):
            end += step
            step = min(2 * step, 1 << 16)
        else:
            step //= 2
    return end


def run_starts_finder(max_repeat: int, policy: Policy) -> Callable[[str], list[int]] | None:
    """With NumPy, a function giving where each run of a letter repeated
    more than ``max_repeat`` times starts, in order; without, None."""
    if not policy.has_numpy:
        return None
    return on_first_call(lambda: _run_starts(max_repeat, policy))


def _run_starts(max_repeat: int, policy: Policy) -> Callable[[str], list[int]]:
    """:func:`run_starts_finder`'s function, made with NumPy loaded."""
    numpy = policy.numpy
    wanted = membership_table(REPEATABLE_LETTERS, numpy)
    size = policy.numpy_chunk

    def starts_in(text: str, start: int) -> list[int]:
        """The runs starting in ``text[start : start + size]``."""
        low = max(start - 1, 0)  # one character before, to tell a run's start
        codes = numpy.frombuffer(text[low : start + size + max_repeat].encode("utf-32-le", "surrogatepass"),
                                 dtype=numpy.uint32)
        same = codes[1:] == codes[:-1]
        count = len(codes) - max_repeat  # positions followed by max_repeat characters
        if count <= 0:
            return []
        runs = same[:count].copy()
        for shift in range(1, max_repeat):
            runs &= same[shift : count + shift]
        runs[1:] &= ~same[: count - 1]  # the first character of its run only
        found = numpy.flatnonzero(runs)
        found = found[numpy.take(wanted, codes[found], mode="clip")] + low
        return found[(found >= start) & (found < start + size)].tolist()  # type: ignore[no-any-return]

    def starts(text: str) -> list[int]:
        found: list[int] = []
        for start in range(0, len(text), size):
            found += starts_in(text, start)
        return found

    return starts
