"""Informal spelling: restoring word-final ة and hamza on alef.

Chat, informal and OCR'd Arabic writes a word-final ة as ه (مدرسه،
الحكومه) and leaves the hamza off alef (احمد، الى، الاسلام، سال for سأل).
:func:`restore_teh_marbuta` and :func:`restore_hamza` restore the standard
spelling word by word, as :func:`arnorm.restore_final_yaa` does for ى:

1. **The writer's habit.** A line that writes the letter somewhere (a ة;
   an أ, إ or آ, or a hamza mark) is left as it is: its writer spells it,
   so a bare form there is meant (منه, اسم). Restoring writes the letter,
   so a second run leaves the line alone: both steps are idempotent.
2. the user's ``exceptions``, for the word or a stem of it;
3. a word-frequency lexicon (:mod:`arnorm._teh_lexicon`,
   :mod:`arnorm._hamza_lexicon`) for the word as written, then for its
   stems under proclitics (و ف, ب ك ل, ال, لل);
4. for ة, the article, then endings learned from the lexicon, for words
   it does not have; for hamza, the clause, where both spellings are
   common (أن / إن: إن after قال and حيث and at the start of a sentence)
   and where an imperative heads it (اكتب stays, beside أكتب).

Only the letter in question ever changes (ه → ة; ا → أ, إ or آ), and only
within a line, so a text may be cut at its line breaks.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Mapping

from . import _hamza_lexicon, _teh_lexicon
from ._chars import (
    ALEF,
    ALEF_HAMZA_ABOVE,
    ALEF_HAMZA_BELOW,
    ALEF_MADDA,
    ARABIC_LETTERS,
    ARABIC_MARKS,
    HAMZA_MARKS,
    HEH,
    SMALL_WAW,
    SMALL_YEH,
    TATWEEL,
    TEH_MARBUTA,
    char_class,
)
from ._lexicon import ARTICLE, proclitic_readings, word_cache
from ._rules import SEPARATOR, Primitive, Rule, run
from ._registry import declare, require_str

_WORD_CHARS = ARABIC_LETTERS | ARABIC_MARKS
_WORD = char_class(_WORD_CHARS)
_MARKS = char_class(ARABIC_MARKS | {SMALL_WAW, SMALL_YEH})
_NOT_IN_KEY = re.compile(char_class(ARABIC_MARKS | {TATWEEL, SMALL_WAW, SMALL_YEH}))
LINE_ENDS = "\n\r\x85\u2028\u2029" + SEPARATOR
"""What ends a line: every line break normalize_whitespace unifies (so a
line is the same before that step and after it) and the NUL of batches."""
_HAMZA_ALEFS = frozenset({ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_MADDA})
_HAMZA_MARKS = tuple(sorted(HAMZA_MARKS))  # for three substring tests, in C (a set would walk the line)


def _key(word: str) -> str:
    """A word without marks or tatweel."""
    return _NOT_IN_KEY.sub("", word)


_LINE = re.compile("(?<![^" + LINE_ENDS + "])[^" + LINE_ENDS + "]+")
"""A whole line, between line breaks, NULs or the text's ends (one match
per line: the pattern runs through it in C, and :meth:`_Restorer.line`
tests the writer's habit once)."""


InContext = Callable[[str, int, int], "str | None"]
"""How the words around decide a word: ``(line, start, end)`` → its key
restored, or None to keep it."""

SpelledInContext = Callable[[str, int, int], str]
"""How the words around spell a word: ``(line, start, end)`` → the word as
it is written there, restored or not (what :meth:`_Restorer.alone` gives
for a word its neighbours decide)."""


class _Restorer:
    """One restoring step: the words it looks at in a line, how it decides
    each, the letters it may write, and whether a line already ``writes``
    them (the writer's habit).

    ``decide(key)`` takes a word without marks and gives its key restored,
    None to keep it, or an :data:`InContext` when its neighbours decide.
    """

    def __init__(self, words: re.Pattern[str], decide: Callable[[str], str | None | InContext],
                 target: str, letters: frozenset[str], writes: Callable[[str], bool]) -> None:
        self.words, self.decide, self.writes = words, decide, writes
        self.target, self.letters = target, letters  # only the target letter may become one of the letters

    def line(self, match: re.Match[str]) -> str:
        """The restored text of a line, unless its writer ``writes`` the letter."""
        line = match.group()
        if self.writes(line):
            return line
        return self.words.sub(functools.partial(self.word, line), line)

    def word(self, line: str, match: re.Match[str]) -> str:
        result = self.alone(match.group())
        return result if isinstance(result, str) else result(line, match.start(), match.end())

    def alone(self, written: str) -> str | SpelledInContext:
        """What ``written`` becomes by itself, or how its line decides it."""
        decision = self.decide(_key(written))
        if not callable(decision):
            return self.spell(written, decision)
        spellings: dict[str | None, str] = {}  # a word has few spellings (ان: أن or إن)

        def in_context(line: str, start: int, end: int) -> str:
            restored = decision(line, start, end)
            spelled = spellings.get(restored)
            if spelled is None:
                spelled = spellings[restored] = self.spell(written, restored)
            return spelled

        return in_context

    def spell(self, written: str, restored: str | None) -> str:
        """``written`` with the letters of ``restored`` (its key) in their places."""
        if restored is None:
            return written
        letters, target = self.letters, self.target
        if len(restored) == len(written):
            return "".join(new if old == target and new in letters else old for old, new in zip(written, restored))
        return _merge(written, restored, target, letters)


def _merge(written: str, restored: str, target: str, letters: frozenset[str]) -> str:
    """``written`` with the letters of ``restored`` (its key, restored) that
    are among ``letters`` put in place of ``target``, marks kept."""
    out = []
    position = 0
    for old in written:
        if _NOT_IN_KEY.match(old):
            out.append(old)
            continue
        new = restored[position]
        position += 1
        out.append(new if old == target and new in letters else old)
    return "".join(out)


def _overrides(exceptions: Mapping[str, str] | None, may_change: Callable[[str, str, bool], bool],
               what: str) -> dict[str, str]:
    """The user's exceptions checked, as ``{key: spelling's key}``:
    ``may_change(old, new, last)`` says which letter may become which."""
    if exceptions is None:
        return {}
    if not isinstance(exceptions, Mapping):
        raise TypeError(f"exceptions must be a mapping, got {type(exceptions).__name__}")
    table = {}
    for word, spelled in exceptions.items():
        if not (isinstance(word, str) and isinstance(spelled, str)):
            raise TypeError(f"exceptions must map str to str, got {word!r}: {spelled!r}")
        key, value = _key(word), _key(spelled)
        if not key or len(key) != len(value) or not all(
            old == new or may_change(old, new, index == len(key) - 1)
            for index, (old, new) in enumerate(zip(key, value))
        ):
            raise ValueError(f"exceptions must map a word to {what}, got {word!r}: {spelled!r}")
        table[key] = value
    return table


def _forced(overrides: Mapping[str, str], key: str) -> str | None:
    """The user's spelling of ``key``, or of a stem of it under proclitics."""
    spelled = overrides.get(key)
    if spelled is not None:
        return spelled
    for prefix, stem, dropped in proclitic_readings(key):
        spelled = overrides.get(stem)
        if spelled is not None:
            return prefix + spelled[dropped:]
    return None


# ---------------------------------------------------------------- ة


_FINAL_HEH = re.compile("(?<!" + _WORD + ")" + _WORD + "*" + HEH + _MARKS + "*(?!" + _WORD + ")")
def _writes_teh_marbuta(line: str) -> bool:
    return TEH_MARBUTA in line




@word_cache
def _is_teh(key: str) -> bool:
    """Whether the final ه of ``key`` (a word without marks) stands for ة."""
    decision = _teh_lexicon.decide(key[:-1])
    if decision is not None:
        return decision
    readings = proclitic_readings(key)
    for _, stem, _ in readings:
        decision = _teh_lexicon.decide(stem[:-1])
        if decision is not None:
            return decision
    if any(prefix.endswith(ARTICLE) or dropped for prefix, stem, dropped in readings if len(stem) > 2):
        return True  # a word with the article takes no pronoun suffix (nouns in ـه are in the list)
    stem = readings[-1][1] if readings else key
    return len(stem) > 3 and bool(_teh_lexicon.by_ending(stem[:-1]))


def _decide_teh(overrides: Mapping[str, str], key: str) -> str | None:
    if not key.endswith(HEH) or len(key) < 2:
        return None
    if overrides:
        forced = _forced(overrides, key)
        if forced is not None:
            return forced
    return key[:-1] + TEH_MARBUTA if _is_teh(key) else None


def _teh_rule(exceptions: Mapping[str, str] | None) -> Rule:
    overrides = _teh_overrides(exceptions)
    restorer = _Restorer(_FINAL_HEH, functools.partial(_decide_teh, overrides), HEH, frozenset({TEH_MARBUTA}),
                         _writes_teh_marbuta)
    return Rule(_LINE, restorer.line, triggers=HEH, produces=(TEH_MARBUTA,), name="restore_teh_marbuta",
                cut="\n", params={"restorer": restorer}, separable=True)


def _teh_overrides(exceptions: Mapping[str, str] | None) -> dict[str, str]:
    overrides = _overrides(exceptions, lambda old, new, last: last and old == HEH and new == TEH_MARBUTA,
                           "its spelling (only a final ه may become ة)")
    for key in (exceptions or {}):
        if not _key(key).endswith(HEH):
            raise ValueError(f"exceptions must map a word ending in ه, got {key!r}")
    return overrides


def _teh_marbuta(*, exceptions: Mapping[str, str] | None = None) -> tuple[Primitive, ...]:
    if exceptions is None:
        return _default_teh()
    _teh_overrides(exceptions)
    return _teh_with(tuple(sorted(exceptions.items())))


@functools.cache
def _default_teh() -> tuple[Primitive, ...]:
    return (_teh_rule(None),)


@functools.lru_cache(maxsize=64)
def _teh_with(exceptions: tuple[tuple[str, str], ...]) -> tuple[Primitive, ...]:
    return (_teh_rule(dict(exceptions)),)


@declare(_teh_marbuta)
def restore_teh_marbuta(text: str, *, exceptions: Mapping[str, str] | None = None) -> str:
    """Restore the word-final ة that informal writing spells ه.

    A word-final ه that standard spelling writes ة becomes ة (مدرسه →
    مدرسة, الحكومه → الحكومة, وللجامعه → وللجامعة); the pronoun suffix
    ـه (كتابه، منه، له، عنه) and the nouns in ـه (وجه، الله، مياه، شبه،
    فقيه) stay. A line that writes ة anywhere is left as it is: its writer
    spells ة, so its final ه are meant. Only a final ه is ever changed.

    Args:
        text: Any string.
        exceptions: Your own decisions, ``{word as written: standard
            spelling}`` (e.g. ``{"كتابه": "كتابة"}``); a key matches the
            word alone or under proclitics (وكتابه), marks ignored.

    Returns:
        The text with its word-final ة restored.

    Examples:
        >>> restore_teh_marbuta("ذهب الى المدرسه مع اخيه في السياره")
        'ذهب الى المدرسة مع اخيه في السيارة'
        >>> restore_teh_marbuta("المدرسة والمكتبه")
        'المدرسة والمكتبه'
    """
    return run(_teh_marbuta(exceptions=exceptions), require_str(text))


# ---------------------------------------------------------------- hamza


_WITH_ALEF = re.compile("(?<!" + _WORD + ")" + _WORD + "*" + ALEF + _WORD + "*")
_MARKED_ALEF = re.compile(ALEF + _MARKS + "*" + char_class(HAMZA_MARKS))


def _writes_hamza(line: str) -> bool:
    """Whether ``line`` writes hamza on alef: أ إ آ, or ا with a hamza or
    maddah mark (which remove_diacritics composes into one of them; on
    another letter the mark says nothing of alef, and a later step may
    delete it)."""
    return (ALEF_HAMZA_ABOVE in line or ALEF_HAMZA_BELOW in line or ALEF_MADDA in line
            or (any(mark in line for mark in _HAMZA_MARKS) and _MARKED_ALEF.search(line) is not None))


_SAYING = frozenset("قال قالت قالوا قلت يقول تقول يقولون نقول اقول القول بالقول قوله قولها قائلا قائلة"
                    " قائلين مضيفا مضيفة".split())
"""Verbs (and nouns) of saying: the clause they introduce begins with إن
(قال الوزير في بيان إن الوضع …), where after other verbs it is أن."""
_HAITHU = "\u062d\u064a\u062b"  # حيث إن
_SAYING_REACH = 8
"""How many words back a verb of saying still governs إن (its subject and
a phrase or two may stand between)."""
_CLAUSE_END = re.compile("[.!?:;\u061f\u061b=()\\[\\]{}\u2026\u00ab\u2039]")
"""What ends a clause before a word: sentence punctuation, brackets, an
opening guillemet and the ellipsis (as written or as normalize_punctuation
writes it, so the decision is the same after it)."""
_LAST_CLAUSE_END = re.compile("(?s:.*)" + _CLAUSE_END.pattern)
"""The text up to the last end of a clause (the greedy ``.*`` finds it from the right, in C)."""
_QUOTES = frozenset("\"'\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u301d\u301e\uff02\u00ab\u00bb\u2039\u203a")
"""Quotation marks: one just before a word opens a quotation, which starts
a clause; one after a word closes it and does not (any style, so that
normalize_quotes changes nothing here)."""
_CONDITIONAL_VERBS = ("لم كان كانت كانوا كنت وجد وجدت وجدوا فشل فشلت فشلوا وقع وقعت غاب غابت"
                      " توفر توفرت حاول حاولت أمكن امكن شئت شاء").split()
_CONDITIONAL_NEXT = re.compile("[ \u00a0]+(?:" + "|".join(_CONDITIONAL_VERBS) + ")(?!" + _WORD + ")")
"""إن the conditional: before لم or a past tense (إن وُجد، إن كان، إن فشلت),
read without marks; not after the words of :data:`_BEFORE_ANNA_PAST`."""
_BEFORE_ANNA_PAST = frozenset("بعد قبل منذ وبعد وقبل ومنذ إلا الا على سبق يسبق".split())
"""Words after which أن comes before a past tense (بعد أن كان)."""


@word_cache
def _spelled(key: str) -> str | None:
    return _hamza_lexicon.restore(key)


def _words_before(line: str, start: int) -> list[str]:
    """The keys of the words of the clause before ``start`` (the text after
    the last punctuation that ends a clause, at most 200 characters back)."""
    if start and line[start - 1] in _QUOTES:
        return []
    before = line[max(0, start - 200):start]
    last_end = _LAST_CLAUSE_END.match(before)
    cut = last_end.end() if last_end else 0
    words = _WORDS.findall(before, cut)
    return [_key(word) for word in words] if _NOT_IN_KEY.search(before, cut) else words


_WORDS = re.compile(_WORD + "+")


def _takes_kasra(line: str, start: int, end: int) -> bool:
    """Whether أن / إن at ``line[start:end]`` is إن: it begins a sentence
    or a line, follows حيث or a verb of saying in its clause, or is the
    conditional before لم."""
    words = _words_before(line, start)
    if not words or words[-1] == _HAITHU:
        return True
    reach = words[-_SAYING_REACH:]
    # A verb of saying governs the first أن / إن after it, not one of a
    # later clause (قال إن … لأنه يريد أن …).
    since = next((index for index in range(len(reach) - 1, -1, -1) if reach[index] in _ANNA_FORMS), -1)
    saying = any(word in _SAYING or (word[:1] in "\u0648\u0641" and word[1:] in _SAYING)
                 for word in reach[since + 1:])
    if saying:
        return True
    return words[-1] not in _BEFORE_ANNA_PAST and _CONDITIONAL_NEXT.match(_key(line[end:end + 40])) is not None


_ANNA_FORMS = frozenset(map("".join, itertools.product(
    ("", "\u0648", "\u0641"),  # و، ف
    ("", "\u0644", "\u0628", "\u0643"),  # ل، ب، ك
    ("\u0627\u0646", "\u0623\u0646", "\u0625\u0646"),  # ان، أن، إن
    ("", "\u0647", "\u0647\u0627", "\u0647\u0645", "\u0643", "\u0643\u0645", "\u0646\u064a", "\u0646\u0627",
     "\u0647\u0645\u0627"),  # ـه، ـها، ـهم، ـك، ـكم، ـني، ـنا، ـهما
)))
"""The forms of أن / إن, with their proclitics (وأن، لأنه، بأنها)."""


def _decide_hamza(overrides: Mapping[str, str], key: str) -> str | None | InContext:
    if overrides:
        forced = _forced(overrides, key)
        if forced is not None:
            return forced
    spelled = _spelled(key)
    if spelled is None or spelled == key:
        return None
    if _hamza_lexicon.is_imperative(key):
        return functools.partial(_imperative, spelled)
    if (spelled.startswith(_ANNA) and ALEF_HAMZA_BELOW + spelled[1:] in _hamza_lexicon.alternatives(key)):
        return functools.partial(_an_or_in, spelled)
    return spelled


_ANNA = ALEF_HAMZA_ABOVE + "\u0646"  # أن, and أنه، أنها، أنني … whose إن forms are common too


def _imperative(spelled: str, line: str, start: int, end: int) -> str | None:
    """اكتب، اعرض at the head of a sentence: the imperative (kept bare)."""
    return spelled if _words_before(line, start) else None


def _an_or_in(spelled: str, line: str, start: int, end: int) -> str:
    """أن or إن (أنه or إنه …), as the clause decides (:func:`_takes_kasra`)."""
    return ALEF_HAMZA_BELOW + spelled[1:] if _takes_kasra(line, start, end) else spelled


def _hamza_rule(exceptions: Mapping[str, str] | None) -> Rule:
    overrides = _hamza_overrides(exceptions)
    restorer = _Restorer(_WITH_ALEF, functools.partial(_decide_hamza, overrides), ALEF, _HAMZA_ALEFS, _writes_hamza)
    return Rule(_LINE, restorer.line, triggers=ALEF, produces=tuple(sorted(_HAMZA_ALEFS)),
                name="restore_hamza", cut="\n", params={"restorer": restorer}, separable=True)


def _hamza_overrides(exceptions: Mapping[str, str] | None) -> dict[str, str]:
    return _overrides(exceptions, lambda old, new, last: old == ALEF and new in _HAMZA_ALEFS,
                      "its spelling (only a bare ا may become أ, إ or آ)")


def _hamza(*, exceptions: Mapping[str, str] | None = None) -> tuple[Primitive, ...]:
    if exceptions is None:
        return _default_hamza()
    _hamza_overrides(exceptions)
    return _hamza_with(tuple(sorted(exceptions.items())))


@functools.cache
def _default_hamza() -> tuple[Primitive, ...]:
    return (_hamza_rule(None),)


@functools.lru_cache(maxsize=64)
def _hamza_with(exceptions: tuple[tuple[str, str], ...]) -> tuple[Primitive, ...]:
    return (_hamza_rule(dict(exceptions)),)


@declare(_hamza)
def restore_hamza(text: str, *, exceptions: Mapping[str, str] | None = None) -> str:
    """Restore the hamza on alef that informal writing leaves out.

    A bare ا that standard spelling writes أ, إ or آ becomes that letter,
    wherever it is in the word (احمد → أحمد, الى → إلى, الاسلام →
    الإسلام, سال → سأل, مسالة → مسألة; ان → أن, or إن at the start of a
    sentence and after قال); the alefs standard spelling leaves bare stay:
    hamzat al-wasl (اسم، ابن، استخدام، انتخاب، امرأة, the article) and
    long alef (كان، قال). A line that writes أ, إ or آ anywhere is left as
    it is: its writer spells hamza, so its bare alefs are meant. Only a bare
    ا is ever changed.

    Args:
        text: Any string.
        exceptions: Your own decisions, ``{word as written: standard
            spelling}`` (e.g. ``{"اسامه": "أسامه"}``); a key matches the
            word alone or under proclitics, marks ignored. The spelling may
            differ only by hamza on the word's alefs.

    Returns:
        The text with hamza on alef restored.

    Examples:
        >>> restore_hamza("قال احمد ان الاسلام دين")
        'قال أحمد إن الإسلام دين'
        >>> restore_hamza("ذهب الى المدرسة لانه يريد ان يتعلم")
        'ذهب إلى المدرسة لأنه يريد أن يتعلم'
    """
    return run(_hamza(exceptions=exceptions), require_str(text))
