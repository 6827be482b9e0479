"""restore_teh_marbuta and restore_hamza made fast: lines skipped by a
substring test, words decided once.

The reference finds each line without the step's letter with one pattern
and decides every word in it. Here the text is split at its line breaks,
a line that writes the letter (most lines of standard text) is passed by
``in`` tests in C, and the others are split at their spaces, the restored
forms of those tokens looked up all at once (``map`` over a dictionary, in
C). Only a token not seen yet (or not kept: longer than the cache takes,
or seen before the cache was emptied) is split at the words the
reference's pattern finds, each word decided once and kept; a word whose
neighbours decide it (ان: أن or إن; an imperative such as اكتب at the head
of a sentence) costs a call in Python each time.

>>> from arnorm import restore_teh_marbuta
>>> restore_teh_marbuta("المدرسه\\nالمدرسة والمكتبه")
'المدرسة\\nالمدرسة والمكتبه'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate
from typing import cast

from .._rules import Rule
from ..restore import LINE_ENDS, SpelledInContext
from .policy import Policy
from .yaa_scan import remember

TokenInContext = tuple[tuple[str, ...], tuple["str | SpelledInContext", ...]]
"""A token's pieces (words at odd indices) and how each of its words is
spelled: as a string, or by its line."""


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
        self.by_token: dict[str, str] = {}  # text between spaces, no word of it decided in context -> restored
        self.in_context_tokens: dict[str, TokenInContext] = {}  # the others -> their pieces and spellings
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
        """``line`` restored, its space-separated tokens looked up at once."""
        tokens = line.split(" ")
        found = list(map(self.by_token.get, tokens))
        if None in found:
            self._decide(line, tokens, found)
        return " ".join(cast("list[str]", found))

    def _decide(self, line: str, tokens: list[str], found: list[str | None]) -> None:
        """Fill in the tokens the dictionary did not have: restored once and
        kept, or, holding a word that its neighbours decide, spelled in
        ``line``."""
        before: list[int] | None = None
        index = found.index(None)
        while True:
            token = tokens[index]
            parts = self.in_context_tokens.get(token) or self._token_parts(token)
            if isinstance(parts, str):
                found[index] = parts
            else:
                if before is None:  # the length of the tokens before each, summed in C
                    before = list(accumulate(map(len, tokens), initial=0))
                found[index] = self._spell_in_line(line, before[index] + index, *parts)  # a space after each
            try:
                index = found.index(None, index + 1)
            except ValueError:
                return

    def _token_parts(self, token: str) -> str | TokenInContext:
        """A token split at the words the reference's pattern finds (a space
        is no word character, so it splits as it does within its line): its
        restored form, or its pieces and how each word is spelled; kept."""
        pieces = self.split(token)
        spelled = [self.by_word.get(word) or self.in_context.get(word) or self._word_spelling(word)
                   for word in pieces[1::2]]
        if all(isinstance(spelling, str) for spelling in spelled):
            pieces[1::2] = spelled
            return remember(self.by_token, token, "".join(pieces))
        return remember(self.in_context_tokens, token, (tuple(pieces), tuple(spelled)))

    @staticmethod
    def _spell_in_line(line: str, start: int, pieces: tuple[str, ...],
                       spelled: tuple[str | SpelledInContext, ...]) -> str:
        """A token at ``start`` in ``line``, each word spelled as it is
        there: as kept, or as its neighbours decide."""
        offsets = list(accumulate(map(len, pieces), initial=start))
        words = [spelling if isinstance(spelling, str) else spelling(line, offsets[2 * number + 1],
                                                                       offsets[2 * number + 2])
                 for number, spelling in enumerate(spelled)]
        filled = list(pieces)
        filled[1::2] = words
        return "".join(filled)

    def _word_spelling(self, word: str) -> str | SpelledInContext:
        """What ``word`` becomes, or how its line spells it: decided and kept."""
        result = self.alone(word)
        return remember(self.by_word if isinstance(result, str) else self.in_context, word, result)
