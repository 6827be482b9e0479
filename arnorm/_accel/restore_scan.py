"""restore_teh_marbuta and restore_hamza made fast: lines skipped by a
substring test, words decided once.

The reference finds each line without the step's letter with one pattern
and decides every word in it. Here the text is split at its line breaks,
a line that writes the letter (most lines of standard text) is passed by
``in`` tests in C, and the others are split at the words the reference's
pattern finds (one ``split`` in C), whose restored forms are looked up all
at once (``map`` over a dictionary, in C) by the word as written; only a
word not seen yet, or one whose neighbours decide it, costs a call in
Python.

>>> from arnorm import restore_teh_marbuta
>>> restore_teh_marbuta("المدرسه\\nالمدرسة والمكتبه")
'المدرسة\\nالمدرسة والمكتبه'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate

from .._rules import Rule
from ..restore import LINE_ENDS, SpelledInContext
from .policy import Policy
from .yaa_scan import remember


class LineScanner:
    """The fast path of one restoring rule (one set of exceptions)."""

    def __init__(self, rule: Rule, policy: Policy) -> None:
        self.rule, self.policy = rule, policy
        restorer = rule.params["restorer"]
        self.alone: Callable[[str], str | SpelledInContext] = restorer.alone
        words: re.Pattern[str] = restorer.words
        assert words.groups == 0, "a words pattern with groups of its own would split otherwise"
        # The words as one group: ``split`` puts each at an odd index.
        self.split = re.compile("(" + words.pattern + ")").split
        self.writes: Callable[[str], bool] = restorer.writes
        self.trigger: str = rule.triggers  # type: ignore[assignment]
        others = LINE_ENDS.replace("\n", "")
        self.other_ends = lambda text: any(end in text for end in others)
        self.by_word: dict[str, str] = {}  # a run of word characters -> what it becomes
        self.in_context: dict[str, SpelledInContext] = {}  # -> how its line spells it

    def __call__(self, text: str) -> str:
        if self.trigger not in text:
            return text
        if self.other_ends(text):
            return self.rule(text)  # CR, U+2028 … or a batch's NUL: the reference splits there too
        lines = text.split("\n")
        writes, trigger = self.writes, self.trigger
        changed = False
        for index, line in enumerate(lines):
            if trigger not in line or writes(line):
                continue
            restored = self.line(line)
            if restored != line:
                lines[index] = restored
                changed = True
        return "\n".join(lines) if changed else text

    def line(self, line: str) -> str:
        """``line`` restored, its words looked up at once."""
        pieces = self.split(line)
        words = pieces[1::2]
        found = list(map(self.by_word.get, words))
        if None in found:
            self._decide(line, pieces, words, found)
        pieces[1::2] = found
        return "".join(pieces)

    def _decide(self, line: str, pieces: list[str], words: list[str], found: list[str | None]) -> None:
        """Fill in the words the dictionary did not have: decided once and
        kept, or decided by their neighbours in ``line``."""
        offsets: list[int] | None = None
        index = found.index(None)
        while True:
            written = words[index]
            result = self.by_word.get(written) or self.in_context.get(written)
            if result is None:
                result = self.alone(written)
                remember(self.by_word if isinstance(result, str) else self.in_context, written, result)
            if not isinstance(result, str):
                if offsets is None:
                    offsets = list(accumulate(map(len, pieces), initial=0))
                result = result(line, offsets[2 * index + 1], offsets[2 * index + 2])
            found[index] = result
            try:
                index = found.index(None, index + 1)
            except ValueError:
                return
