"""restore_teh_marbuta and restore_hamza made fast: lines skipped by a
substring test, words decided once.

The reference finds each line without the step's letter with one pattern
and decides every word in it. Here the text is split at its line breaks,
a line that writes the letter (most lines of standard text) is passed by
``in`` tests in C, and in the others a word's decision, when its
neighbours cannot change it, is cached by the word as written: one
dictionary lookup per word.

>>> from arnorm import restore_teh_marbuta
>>> restore_teh_marbuta("المدرسه\\nالمدرسة والمكتبه")
'المدرسة\\nالمدرسة والمكتبه'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .._rules import Rule
from ..restore import LINE_ENDS
from .policy import Policy
from .yaa_scan import remember


class LineScanner:
    """The fast path of one restoring rule (one set of exceptions)."""

    def __init__(self, rule: Rule, policy: Policy) -> None:
        self.rule, self.policy = rule, policy
        restorer = rule.params["restorer"]
        self.alone: Callable[[str], str | Callable[[str, int, int], str]] = restorer.alone
        self.words: re.Pattern[str] = restorer.words
        self.writes: Callable[[str], bool] = restorer.writes
        self.trigger: str = rule.triggers  # type: ignore[assignment]
        others = LINE_ENDS.replace("\n", "")
        self.other_ends = lambda text: any(end in text for end in others)
        self.by_word: dict[str, str | Callable[[str, int, int], str]] = {}

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
            restored = self.words.sub(lambda match, line=line: self.word(line, match), line)
            if restored != line:
                lines[index] = restored
                changed = True
        return "\n".join(lines) if changed else text

    def word(self, line: str, match: re.Match[str]) -> str:
        written = match.group()
        result = self.by_word.get(written)
        if result is None:
            result = remember(self.by_word, written, self.alone(written))
        return result if isinstance(result, str) else result(line, match.start(), match.end())
