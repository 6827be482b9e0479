"""restore_final_yaa made fast: the text scanned backwards, decisions cached.

The reference finds each word-final ى with a forward pattern and asks the
:class:`~arnorm.yaa.Decider`. Read backwards, a word-final ى comes first
and the rest of its word follows, so one pattern over the reversed text
captures the word as it scans, and a word's decision (when its neighbours
cannot change it) is cached by that stem: one dictionary lookup per word.
The commonest words that keep ى are decided once and skipped by the pattern
in C, and في between spaces is written by one ``str.replace``. A ى that
marks or a hamza follow is decided by the forward pattern at that place, its
decisions cached by the text from the space before the word; a text whose
first ى has marks after it (vocalized text) goes forward as a whole.

>>> from arnorm import restore_final_yaa
>>> restore_final_yaa("فى المبنى التى على الأولى")
'في المبنى التي على الأولى'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from .._chars import ALEF_MAKSURA, HAMZA, YEH, char_class
from .._rules import Rule
from .._yaa_habit import has_standard_telltale, units, writes_standard
from ..yaa import _MAKSURA_MARKS, _WORD_CHARS, Decider, _Context, _spelled, _word_start
from .pieces import in_pieces
from .policy import Policy

COMMON_MAKSURA_WORDS = ("على", "وعلى", "إلى", "وإلى", "حتى", "وحتى", "لدى", "سوى", "متى", "مدى")
"""The commonest words that keep a final ى (closed-class words): each is
decided once, and those decided ى are passed by the reversed pattern."""
COMMONEST = "\u0641\u0649"
"""في: a third of the final ى of an Egyptian news article."""
WINDOW = 40
"""How far back the forward scan looks for the space before a word; and
the longest stem whose decision is cached."""
CACHE_LIMIT = 1 << 17
"""Decisions kept before a cache is emptied (memory bounded on any text)."""

_WORD = char_class(_WORD_CHARS)
_MARKS = frozenset(_MAKSURA_MARKS)
_T = TypeVar("_T")


def reversed_final_maksura(skipped: Iterable[str] = ()) -> re.Pattern[str]:
    """A word-final ى in the reversed text, and the rest of its word after
    it (group 1), unless that word is one of the reversed ``skipped``;
    group 1 is absent where marks follow the ى, and group 2 is a hamza
    after it."""
    skipped = sorted(skipped, key=len, reverse=True)
    skip = "(?!(?:" + "|".join(skipped) + ")(?!" + _WORD + "))" if skipped else ""
    return re.compile(
        ALEF_MAKSURA + "(?:(?<!" + _WORD + ALEF_MAKSURA + ")" + skip + "(?=(" + _WORD + "*))"
        + "|(?<=" + char_class(_MAKSURA_MARKS) + ALEF_MAKSURA + ")|(?<=(" + HAMZA + ")" + ALEF_MAKSURA + "))"
    )


def remember(cache: dict[str, _T], stem: str, value: _T) -> _T:
    """Keep ``value`` for a stem short enough to recur; empty a full cache."""
    if len(stem) <= WINDOW:
        if len(cache) >= CACHE_LIMIT:
            cache.clear()
        cache[stem] = value
    return value


class YaaScanner:
    """The fast paths of one restore_final_yaa rule (one set of exceptions)."""

    def __init__(self, rule: Rule, policy: Policy) -> None:
        self.rule, self.policy = rule, policy
        self.decider: Decider = rule.params["decider"]
        self.by_stem: dict[str, str] = {}  # a reversed stem -> its letter, or
        self.contexts: dict[str, _Context] = {}  # -> how its neighbours decide it
        self.by_candidate: dict[str, str | tuple[int, _Context]] = {}
        self._pattern: re.Pattern[str] | None = None
        self._spaced: tuple[str, str] | None = None
        self.whole = 2 * policy.chunk  # texts up to this long run in one piece

    def __call__(self, text: str) -> str:
        if len(text) <= self.whole:
            return self.lines(text)
        if ALEF_MAKSURA not in text:
            return text
        return in_pieces(self.lines, text, self.policy.chunk, self.rule.cut)

    def lines(self, text: str) -> str:
        """The rule on whole lines: every line restored, then, by the
        writer's habit, the lines in standard spelling that changed done
        again by the reference, which keeps their ى (most lines of standard
        text do not change, and Egyptian text has no telltale written ي)."""
        result = self.restored(text)
        habit = self.decider.habit
        if habit == "egyptian" or result == text or (habit == "auto" and not has_standard_telltale(text)):
            return result
        before, after = text.split("\n"), result.split("\n")
        for index, line in enumerate(before):
            if line != after[index]:
                after[index] = "".join(map(self.by_habit, units(line), units(after[index])))
        return "\n".join(after)

    def by_habit(self, line: str, restored: str) -> str:
        """A line as restored, or, if it is in standard spelling, as the
        reference writes it there."""
        if restored == line or (self.decider.habit == "auto" and not writes_standard(line)):
            return restored
        return self.rule(line)

    def restored(self, text: str) -> str:
        """Lines restored word by word: read backwards, or forwards where the
        first ى has marks after it (vocalized text, where the reversed pass
        would hand most words to the forward pattern anyway)."""
        first = text.find(ALEF_MAKSURA)
        if first < 0:
            return text
        if text[first + 1 : first + 2] in _MARKS:
            return self.rule.pattern.sub(self.forward, text)
        pattern = self._pattern or self.settle()
        # Neighbours are read in ``text``, as written: only the reversed copy
        # has the commonest word rewritten (same length).
        spaced = self._spaced
        reversed_text = (text.replace(*spaced) if spaced and spaced[0] in text else text)[::-1]
        length = len(text)
        known = self.by_stem.get  # one call per final ى: a local, not an attribute
        rewrites_marks: list[bool] = []

        def restore(match: re.Match[str]) -> str:
            stem = match[1]
            letter = known(stem)
            if letter is not None:
                return letter
            if stem is None:  # marks or a hamza after the ى: the forward pattern reads them
                letter = self.letter_before_marks(text, length - 1 - match.start())
                if letter is None:
                    rewrites_marks.append(True)
                    return ALEF_MAKSURA
                return letter
            context = self.contexts.get(stem)
            if context is None:
                decision = self.decider.alone(stem[::-1] + ALEF_MAKSURA)
                if isinstance(decision, bool):
                    return remember(self.by_stem, stem, YEH if decision else ALEF_MAKSURA)
                context = remember(self.contexts, stem, decision)
            end = length - match.start()
            return YEH if context.is_yaa(text, end - 1 - len(stem), end) else ALEF_MAKSURA

        result = pattern.sub(restore, reversed_text)[::-1]
        return self.rule.pattern.sub(self.forward, text) if rewrites_marks else result

    def letter_before_marks(self, text: str, index: int) -> str | None:
        """The letter for the ى at ``index``, which marks or a hamza follow,
        as the forward pattern writes it; None when that rewrites the marks
        too (ي + U+0654 is ئ), which only a forward pass can do."""
        match = self.rule.pattern.match(text, index)
        if match is None:  # letters go on after the marks or the hamza
            return ALEF_MAKSURA
        spelled = self.forward(match)
        return spelled[0] if spelled[1:] == match.group()[1:] else None

    def settle(self) -> re.Pattern[str]:
        """Made on first use (deciding loads the lexicon): the reversed
        pattern, which skips the common words decided ى, and the rewrite of
        the commonest word between spaces when it is decided ي."""
        kept = [word[:-1][::-1] for word in COMMON_MAKSURA_WORDS if self.decider.alone(word) is False]
        if self.decider.alone(COMMONEST) is True:
            self._spaced = (f" {COMMONEST} ", f" {COMMONEST[:-1]}{YEH} ")
        self._pattern = reversed_final_maksura(kept)
        return self._pattern

    def forward(self, match: re.Match[str]) -> str:
        """The reference's replacement, cached by the text from the last
        space before the word (one ``rfind`` and one slice per match)."""
        if match[2] is not None:
            return self.rule.replacement(match)  # type: ignore[operator,no-any-return]
        text, end = match.string, match.start()
        low = end - WINDOW
        start = text.rfind(" ", low if low > 0 else 0, end) + 1
        if start == 0 and low > 0:  # no space near: find the word start by scanning
            start = _word_start(text, end)
        candidate = text[start : match.end()]
        result = self.by_candidate.get(candidate)
        if result is None:
            result = remember(self.by_candidate, candidate, self.decide(candidate, end - start))
        if isinstance(result, str):
            return result
        offset, context = result
        return _spelled(context.is_yaa(text, start + offset, match.end()), match[1])

    def decide(self, candidate: str, maksura: int) -> str | tuple[int, _Context]:
        """The spelling of the ى at ``maksura`` with its marks, or where its
        word starts in ``candidate`` and how its neighbours decide it."""
        start = _word_start(candidate, maksura)
        decision = self.decider.alone(candidate[start:])
        if isinstance(decision, bool):
            return _spelled(decision, candidate[maksura + 1 :])
        return (start, decision)
