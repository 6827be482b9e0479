"""Egyptian-style final ى: restoring the standard spelling.

Much Egyptian writing puts ى where standard Arabic writes a final ي
(فى، التى، الأمريكى), while true alef maksura words keep ى (على، إلى،
المدى، الأولى). :func:`restore_final_yaa` first reads the writer's habit
line by line (:mod:`arnorm._yaa_habit`): a line that writes في، التي، الذي
with ي is in standard spelling and keeps its ى. In the other lines it
decides word by word:

1. the user's ``exceptions``;
2. the vowel marks, where the text has them: a kasra before the letter or a
   shadda or sukun on it means ي (عَلِى is علي), a fatha before it or a
   dagger alef on it means ى (عَلَى), and a damma on an initial أ or on
   the ت of افتعل / استفعل means ي (أُلغى، استُدعى are the past passives
   أُلغي، استُدعي);
3. a neighbouring word, for the few words it settles (بنى سويف is بني
   سويف; after a preposition, تفعّى is the verbal noun: بعد تلقي, and so
   is a listed verb such as رأى: في رأي الخبراء);
4. word lists (:mod:`arnorm._yaa_words`) for the word as written, then the
   word-frequency lexicon (:mod:`arnorm._yaa_lexicon`) where it knows the
   word well, then both on the word without its proclitics (و ف, ب ك ل, ال
   and their combinations, and the future سـ); an adjective of the shape
   فعلى whose two spellings are both common follows the noun before it
   (الطبقة السفلى, العناصر السفلى, الجزء السفلي), and any word with ال of
   two spellings in use is the nisba after a definite masculine noun
   (الحوار الموسيقي, but عشاق الموسيقى);
5. endings learned from the lexicon, then patterns: short words (up to three
   letters) keep ى; verb patterns that end in alef maksura keep it (past
   tense اِفتعل/اِستفعل, تفعّل/تفاعل, present tense يتفعّل); the elative
   أفعل keeps it; the nouns مفتعى and مستفعى keep it; every other word of
   four letters or more (nisba adjectives, construct plurals and duals,
   names such as كيرى) gets ي.
"""

from __future__ import annotations

import bisect
import functools
import re
import threading
from collections.abc import Mapping
from typing import Literal, get_args

from . import _yaa_habit, _yaa_lexicon
from . import _yaa_words as words
from ._chars import (
    ALEF,
    ALEF_FORMS,
    ALEF_MAKSURA,
    ARABIC_LETTERS,
    ARABIC_MARKS,
    DAMMA,
    FATHA,
    FATHATAN,
    HAMZA,
    HAMZA_COMPOSITIONS,
    HAMZA_MARKS,
    KASRA,
    KASRATAN,
    SHADDA,
    SPACES,
    SUKUN,
    SUPERSCRIPT_ALEF,
    TAB,
    TATWEEL,
    YEH,
    SMALL_WAW,
    SMALL_YEH,
    YEH_HAMZA,
    char_class,
)
from ._lexicon import word_cache
from ._rules import Primitive, Rule, run
from ._registry import declare, require_choice, require_str
from ._unicode import normalize

_WORD_CHARS = _yaa_habit.WORD_CHARS
_BETWEEN_WORDS = SPACES | {TAB}  # horizontal spaces
# An alef maksura that ends a word: only marks may follow it before a non-letter.
# Group 2 is a final hamza after the ى: شىء, المجىء, بطىء are the same
# Egyptian habit (standard شيء، المجيء، بطيء; ىء never occurs in standard
# spelling), so that ى always becomes ي.
_MAKSURA_MARKS = ARABIC_MARKS | {SMALL_WAW, SMALL_YEH}
"""What may follow a final ى in its word: marks, and the small waw and yeh
that remove_diacritics deletes with them (ىۥ ends a word as ى does)."""
_FINAL_MAKSURA = re.compile(
    ALEF_MAKSURA + "(" + char_class(_MAKSURA_MARKS) + "*)(?:(" + HAMZA + ")" + char_class(_MAKSURA_MARKS)
    + "*)?(?!" + char_class(_WORD_CHARS) + ")"
)
# Greedy: the text up to and including the last character outside a class.
_AFTER_LAST_NON_WORD = re.compile("(?s:.*)[^" + char_class(_WORD_CHARS)[1:])
_AFTER_LAST_NON_SPACE = re.compile("(?s:.*)[^" + char_class(_BETWEEN_WORDS)[1:])
# What a word's key leaves out: what remove_diacritics and remove_tatweel
# delete (small waw and yeh too), so a word decides the same with them or without.
_NOT_IN_KEY = re.compile(char_class(_yaa_habit.KEY_DROPS))
_NOT_IN_KEY_BUT_HAMZA = re.compile(char_class(_yaa_habit.KEY_DROPS - HAMZA_MARKS))

_word_cache = word_cache  # shared with restore_teh_marbuta and restore_hamza (arnorm._lexicon)


_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك", "ل")
_ARTICLE = "ال"


def _key(word: str) -> str:
    """A word without marks or tatweel (hamza on alef kept: patterns need it),
    a letter and a hamza or maddah mark composed as remove_diacritics
    composes them (و + U+0654 is ؤ, even with other marks between), so that
    a word decides alike before and after the marks go.

    >>> _key("وَعَلَى"), _key("و\u064e\u0654على")
    ('وعلى', 'ؤعلى')
    """
    if HAMZA_MARKS.isdisjoint(word):
        return _NOT_IN_KEY.sub("", word)
    key = _NOT_IN_KEY_BUT_HAMZA.sub("", word)
    for pair, composed in HAMZA_COMPOSITIONS.items():
        key = key.replace(pair, composed)
    return _NOT_IN_KEY.sub("", key)


_fold = _yaa_lexicon.fold_alef  # writers of ى for ي drop hamza on alef too


Habit = Literal["auto", "egyptian", "standard"]
"""How restore_final_yaa reads the writer's habit (see :mod:`arnorm._yaa_habit`)."""

NOUN, VERB, PARTICLE = "noun", "verb", "particle"
DEFINITE_NOUN = "definite noun"  # a noun whose listed spelling holds after ال only


def _lexicon() -> dict[str, tuple[bool, str]]:
    """``{word: (is_yaa, part of speech)}`` from the word lists, as written."""
    lists = (
        (words.MAKSURA_NOUNS, False, NOUN), (words.YAA_NOUNS, True, NOUN),
        (words.MAKSURA_VERBS, False, VERB), (words.YAA_VERBS, True, VERB),
        (words.MAKSURA_PARTICLES, False, PARTICLE), (words.YAA_PARTICLES, True, PARTICLE),
        (words.MAKSURA_AFTER_ARTICLE, False, DEFINITE_NOUN),
    )
    return {_key(word): (is_yaa, pos) for entries, is_yaa, pos in lists for word in entries}


LEXICON = _lexicon()
# A word written with bare ا may stand for any hamza form (writers drop it);
# a word written with أ إ آ means that form only (آلى is not إلى).
LEXICON_FOLDED = {_fold(word): entry for word, entry in LEXICON.items()}


def _listed(stem: str) -> tuple[bool, str] | None:
    entry = LEXICON.get(stem)
    if entry is None and ALEF_FORMS.isdisjoint(stem):
        entry = LEXICON_FOLDED.get(stem)
    return entry


def _readings(word: str) -> list[tuple[str, str, bool]]:
    """Every (stem, preposition, has_article) reading of ``word``, shortest prefix first."""
    readings = []
    for conjunction in _CONJUNCTIONS:
        if not word.startswith(conjunction):
            continue
        rest = word[len(conjunction):]
        for preposition in _PREPOSITIONS:
            if not rest.startswith(preposition):
                continue
            base = rest[len(preposition):]
            if len(base) >= 2:
                readings.append((base, preposition, False))
            if base.startswith(_ARTICLE) and len(base) > 3:
                readings.append((base[2:], preposition, True))
            elif preposition == "ل" and base.startswith("ل") and len(base) > 2:
                readings.append((base[1:], preposition, True))  # لل = ل + ال
        if rest[:1] == _FUTURE and rest[1:2] in _PRESENT_PREFIXES and len(rest) > 4:
            readings.append((rest[1:], _FUTURE, False))  # سيتبارى: the future of يتبارى
    return readings


_FUTURE = "\u0633"  # سـ before a verb in the present tense
_PRESENT_PREFIXES = ("\u064a", "\u062a", "\u0646", "\u0623")  # ي ت ن أ


def _fits(pos: str, preposition: str, has_article: bool) -> bool:
    """Whether a word of part of speech ``pos`` can carry these proclitics."""
    if preposition == _FUTURE:
        return pos == VERB
    if pos == NOUN:
        return True
    if has_article or pos == DEFINITE_NOUN:
        return has_article and pos == DEFINITE_NOUN
    return preposition == "" or (pos == VERB and preposition == "ل")


def _by_pattern(stem: str, has_article: bool) -> bool:
    """Whether an unlisted stem ending in ى is written with ي in standard spelling.

    ``stem`` keeps hamza on alef: a bare initial ا is hamzat al-wasl (a verb of
    a derived form), while أ إ آ begin nouns as often as verbs.
    """
    length = len(stem)
    if length <= 3:
        return False
    if _fold(stem[0]) == ALEF and length == 4:
        return False  # أفعل elative or أفعل past tense: أعلى، أعطى
    if not has_article:
        if stem[0] == ALEF and length <= 6:
            return False  # past tense of افتعل / انفعل / استفعل: انتهى، استدعى
        if stem[0] == "ت" and length == 4 and stem[1] != ALEF:
            return False  # past tense of تفعّل: تلقى، تولى (not تالي)
        if stem[0] == "ت" and length == 5 and stem[2] == ALEF:
            return False  # past tense of تفاعل: تنامى، تلاقى
        if stem[0] in "يتنا" and stem[1] == "ت" and length >= 5:
            return False  # present tense of تفعّل / تفاعل: يتلقى
    if stem.startswith("مست") and length == 6:
        return False  # مستفعى: مستشفى
    if stem[0] == "م" and stem[2] in "تط" and length == 5:
        return False  # مفتعى: ملتقى، مصطفى
    return True


@_word_cache
def _is_yaa(word: str) -> bool:
    """Whether the final ى of ``word`` (marks and tatweel removed) stands for ي."""
    readings = _readings(word)
    entry = _listed(word)
    if entry is not None and entry[1] != DEFINITE_NOUN:
        return entry[0]
    # The word as written, when the frequency list knows it well, outweighs a
    # listed word under proclitics (فرعى is فرعي, not ف + the verb رعى).
    decision = _yaa_lexicon.decide_clearly(word[:-1])
    if decision is not None:
        return decision
    for stem, preposition, has_article in readings:
        entry = _listed(stem)
        if entry is not None and _fits(entry[1], preposition, has_article):
            return entry[0]
    for stem in dict.fromkeys([word] + [stem for stem, _, _ in readings]):
        decision = _yaa_lexicon.decide(stem[:-1])
        if decision is not None:
            return decision
    articled = [(stem, True) for stem, _, has_article in readings if has_article]
    stem, has_article = articled[0] if articled else (word, False)
    future = [stem for stem, preposition, _ in readings if preposition == _FUTURE]
    if future:
        stem = future[0]
    elif not has_article and word[0] in "وف" and len(word) > 4:
        stem = word[1:]
    decision = _yaa_lexicon.decide_by_ending(stem[:-1])
    if decision is not None:
        return decision
    return _by_pattern(stem, has_article)


@_word_cache
def _agrees(word: str) -> bool:
    """Whether ``word`` is an adjective whose final letter follows the noun before it.

    A four-letter stem of the shape فعلى is the feminine elative (الطبقة
    السفلى, الجهة اليمنى, نقرة يمنى) after a feminine noun and, written with
    ي, the masculine nisba (الجزء السفلي, الجيش اليمني) or a name (قال
    يسري) otherwise. That holds after ال when the frequency list finds both
    spellings common, and without ال (and without a preposition) for those
    same stems and for the nouns listed as keeping ى only after ال.
    """
    for stem, preposition, has_article in _readings(word):
        if len(stem) != 4:
            continue
        entry = _listed(stem[:-1] + ALEF_MAKSURA)  # the same for a word before, restored or not
        if entry == (False, DEFINITE_NOUN):
            return not has_article and not preposition
        if entry is not None or stem[0] == "\u0645":
            continue  # مفعى is a participle (المعطى / المعطي): gender does not decide it
        close = _yaa_lexicon.is_close("ال" + stem[:-1])
        if has_article or (close and not preposition):
            return close
    return False


@_word_cache
def _follows_definite(word: str) -> bool:
    """Whether ``word`` is ال + a stem whose two spellings are both common, so
    that a definite masculine noun before it makes it the nisba adjective:
    الانحدار الخطي (but على خطى), الباحث الموسيقي (but عشاق الموسيقى).

    Not for stems of four letters: the فعلى shape (:func:`_agrees` decides
    it both ways) and feminine ordinals (الأحرف الأولى, a plural of the shape
    أفعل). Nor for listed verbs and particles, or participles of the shapes
    مفتعى، مستفعى (the passive also follows a masculine noun: الحقل المنتقى).
    """
    stem = word[2:]
    entry = _listed(stem)
    if not word.startswith(_ARTICLE) or len(stem) < 3 or len(stem) == 4 or (entry and entry[1] != NOUN):
        return False
    if stem[0] == "\u0645" and (len(stem) <= 5 or stem.startswith("\u0645\u0633\u062a")):
        return False
    return _yaa_lexicon.both_spelled(word[:-1])


def _folded_table(tables: Mapping[str, Mapping[str, bool]]) -> dict[str, dict[str, bool]]:
    return {_fold(_key(word)): {_fold(_key(other)): is_yaa for other, is_yaa in table.items()}
            for word, table in tables.items()}


_BY_NEXT = _folded_table(words.BY_NEXT_WORD)
_BY_PREVIOUS = _folded_table(words.BY_PREVIOUS_WORD)
_ANY_ALEF = char_class(ALEF_FORMS | {ALEF})


def _neighbour_pattern(table: Mapping[str, bool], *, after: bool) -> re.Pattern[str]:
    """One of ``table``'s words as a whole word, after horizontal spaces
    (``after``) or at the end of the searched span: group 1 matches the words
    that mean ي, group 2 those that mean ى."""
    def alternatives(is_yaa: bool) -> str:
        spelled = (word.replace(ALEF, _ANY_ALEF) for word, yaa in table.items() if yaa == is_yaa)
        return "|".join(sorted(spelled, key=len, reverse=True)) or "(?!)"
    words_ = "(?:(" + alternatives(True) + ")|(" + alternatives(False) + "))"
    not_letter = "(?" + "{}" + char_class(_WORD_CHARS) + ")"
    if after:
        return re.compile(char_class(_BETWEEN_WORDS) + "*" + words_ + not_letter.format("!"))
    return re.compile(not_letter.format("<!") + words_ + r"\Z")


@functools.lru_cache(maxsize=None)
def _next_pattern(stem: str) -> re.Pattern[str] | None:
    """The pattern of the words after ``stem`` that decide it (compiled when
    first needed: a few ms each at import, and most texts meet none)."""
    table = _BY_NEXT.get(stem)
    return None if table is None else _neighbour_pattern(table, after=True)


@functools.lru_cache(maxsize=None)
def _previous_pattern(stem: str) -> tuple[re.Pattern[str], int] | None:
    """The pattern of the words before ``stem`` that decide it, and their greatest length."""
    table = _BY_PREVIOUS.get(stem)
    return None if table is None else (_neighbour_pattern(table, after=False), max(map(len, table)))


@_word_cache
def _neighbours_decide(word: str) -> str | None:
    """The stem of ``word`` (proclitics off, no article) whose neighbours may decide it."""
    for stem in (word, *(stem for stem, _, has_article in _readings(word) if not has_article)):
        folded = _fold(stem)
        if folded in _BY_NEXT or folded in _BY_PREVIOUS:
            return folded
    return None


def _as_neighbour(word: str) -> str:
    """``word`` folded, and final ى as ي, so that Egyptian spellings (فى، إلى) match too."""
    return _fold(word).replace(ALEF_MAKSURA, YEH)


_BEFORE_VERBAL_NOUNS = frozenset(map(_as_neighbour, words.BEFORE_VERBAL_NOUNS))
_BEFORE_LISTED_NOUNS = _BEFORE_VERBAL_NOUNS - frozenset(map(_as_neighbour, words.VERBS_MAY_FOLLOW))
_VERBS_WITH_YAA_NOUNS = frozenset(map(_fold, words.VERBS_WITH_YAA_NOUNS))
_NOT_BEFORE_ADJECTIVES = frozenset(map(_as_neighbour, words.NOT_BEFORE_ADJECTIVES))


def _no_adjective_after(word: str) -> bool:
    """Whether ``word`` is a particle or pronoun, alone or after و or ف
    (وقد، فلما، وهو), which no adjective follows.

    >>> _no_adjective_after("ولقد"), _no_adjective_after("الذى"), _no_adjective_after("رجل")
    (True, True, False)
    """
    word = _as_neighbour(word)
    return word in _NOT_BEFORE_ADJECTIVES or (word[:1] in ("\u0648", "\u0641")
                                               and word[1:] in _NOT_BEFORE_ADJECTIVES)


def _verbal_noun_shape(word: str) -> bool:
    """Whether ``word`` has the letters of تفعّى / تفاعى: the past tense
    (تلقى، تنامى) or, written with ي, its verbal noun (تلقي، تنامي). A listed
    noun or particle of those letters (تقوى) is not."""
    if word[0] != "\u062a" or not (len(word) == 4 or (len(word) == 5 and word[2] == ALEF)):
        return False
    entry = _listed(word)
    return entry is None or entry[1] == VERB


def _nouns_before(word: str) -> frozenset[str]:
    """The words (as :func:`_as_neighbour` spells them) after which ``word``
    is a verbal noun ending in ي: none for most words.

    >>> sorted(_nouns_before("تلقى") - _nouns_before("رأى"))
    ['منذ']
    """
    if _verbal_noun_shape(word):
        return _BEFORE_VERBAL_NOUNS
    if _fold(word) in _VERBS_WITH_YAA_NOUNS:
        return _BEFORE_LISTED_NOUNS
    return frozenset()


def _preposition_before(text: str, start: int) -> str:
    """The word before ``start``, as :func:`_as_neighbour` spells it, without
    a proclitic و, ف or ب when the rest is one of the words that govern a
    noun (وفي، فبعد، بحسب); otherwise as it is."""
    previous = _as_neighbour(_word_before(text, start)[1])
    if previous[:1] in ("\u0648", "\u0641", "\u0628") and previous[1:] in _BEFORE_VERBAL_NOUNS:
        return previous[1:]
    return previous


@_word_cache
def _context_matters(word: str) -> bool:
    """Whether the words around ``word`` may change its decision."""
    return (_agrees(word) or _follows_definite(word) or bool(_nouns_before(word))
            or _neighbours_decide(word) is not None)


class _Context:
    """How the words around a word decide its final ى, when they may.

    The next word or the word before may decide it
    (:data:`arnorm._yaa_words.BY_NEXT_WORD`: بنى سويف is بني سويف); after a
    preposition, تفعّى or a listed فعى verb is the verbal noun (منذ تولى is
    منذ تولي, في رأى is في رأي); an adjective follows the noun before it
    (:func:`_agrees`); otherwise the word alone decides (:func:`_is_yaa`).
    """

    __slots__ = ("word", "next_word", "previous_word", "nouns_before", "agrees", "definite", "follows_definite",
                 "alone")

    def __init__(self, word: str) -> None:
        self.word = word
        stem = _neighbours_decide(word) or ""
        self.next_word = _next_pattern(stem)
        self.previous_word = _previous_pattern(stem)
        self.nouns_before = _nouns_before(word)
        self.agrees = _agrees(word)
        self.definite = _is_definite(word)
        self.follows_definite = _follows_definite(word)
        self.alone = _is_yaa(word)

    def __repr__(self) -> str:
        return f"<yaa context of {self.word!r}>"

    def is_yaa(self, text: str, start: int, end: int) -> bool:
        """Whether the word at ``text[start:end]`` ends in ي."""
        if self.next_word is not None:
            after = self.next_word.match(text, end)
            if after is not None:
                return after.lastindex == 1
        if self.previous_word is not None:
            before = _spaces_start(text, start)
            pattern, longest = self.previous_word
            found = pattern.search(text, max(0, before - longest), before)
            if found is not None:
                return found.lastindex == 1
        if self.nouns_before and _preposition_before(text, start) in self.nouns_before:
            return True
        if self.agrees or self.follows_definite:
            previous_start, previous = _word_before(text, start)
            if _after_feminine(text, start, previous_start, previous):
                return False if self.agrees else self.alone
            after_definite = _is_definite(previous) and previous not in _RELATIVES
            if self.agrees:
                # No adjective begins a line or a clause, or follows a
                # particle or pronoun: there the word alone decides (تمنى
                # الرجل …, طوبى للغرباء, وقد تمنى). A definite adjective
                # follows a definite noun; after any other word it is a
                # noun itself (عدد الجوعى).
                if not previous or _no_adjective_after(previous):
                    return self.alone
                return self.alone if self.definite and not after_definite else True
            return after_definite or self.alone
        return self.alone


def _word_start(text: str, end: int) -> int:
    """Where the word that ends just before ``end`` begins.

    >>> _word_start("في المبنى", 9)
    3
    """
    return _run_start(_AFTER_LAST_NON_WORD, text, end)


def _run_start(after_last_outsider: re.Pattern[str], text: str, end: int) -> int:
    """Where the run of characters that ends just before ``end`` begins, the
    run's characters being those ``after_last_outsider`` skips.

    The pattern finds the last other character in windows that grow 8x
    each time, so the work is linear in the run's length and is done in C,
    not by a loop in Python over a word of a million letters.
    """
    width = 16
    low = end
    while low > 0:
        low = max(0, end - width)
        found = after_last_outsider.match(text, low, end)
        if found is not None:
            return found.end()
        width *= 8
    return 0


def _after_feminine(text: str, start: int, previous_start: int, previous: str) -> bool:
    """Whether the noun before the word at ``start`` is feminine
    (:func:`_is_feminine`: الطبقة, اليد, الطبقات, الحدود).

    That noun is the word just before, or the word before the other
    adjectives of the same noun: one that agrees too (الزاوية اليمنى
    السفلى), or one joined by و (الطبقة العليا والسفلى, الجزء العلوي
    والسفلي, نقرة يمنى ويسرى).

    Any horizontal space may stand between the words (a no-break space as
    well as U+0020), so the decision does not change when a later step
    unifies spaces, and that step's map may run before this rule.
    ``previous_start`` and ``previous`` are :func:`_word_before` at ``start``.
    """
    for _ in range(_ADJECTIVES_IN_A_ROW):
        if _is_feminine(previous):
            return True
        joined = text.startswith("\u0648", start) and previous.startswith(_ARTICLE)
        if not previous_start or not (joined or _agrees(previous)):
            return False
        start = previous_start
        previous_start, previous = _word_before(text, start)
    return False


_ADJECTIVES_IN_A_ROW = 3


@_word_cache
def _is_definite(word: str) -> bool:
    """Whether ``word`` (a key) has ال after any proclitics (الجزء, بالتوزيع)
    and at least two letters after it (not الى, الذى)."""
    return len(word) >= 5 and any(has_article for _, _, has_article in _readings(word))


_RELATIVES = frozenset({"\u0627\u0644\u0630\u064a\u0646", "\u0627\u0644\u0644\u0630\u064a\u0646"})  # الذين، اللذين


_PLACE_NAME = 5  # the shortest word in ـا taken for a place name (not جدا، أيضا)
_FEMININE_ENDINGS = ("\u0629", "\u0627\u062a")
# Spelled as neighbours are (final ى as ي), so that a word before is judged
# the same whether or not its own ى was restored: the rule stays idempotent.
_FEMININE_NOUNS = frozenset(map(_as_neighbour, words.FEMININE_NOUNS))


@_word_cache
def _is_feminine(noun: str) -> bool:
    """Whether ``noun`` (a key), with or without its proclitics, agrees as a
    feminine singular: it ends in ـة or ـات, is a place name in ـا (النمسا,
    ساكسونيا), is a feminine word without them (اليد, مصر, الأولى), or is a
    broken plural after ال (the plural of things takes a feminine adjective:
    العناصر السفلى, الحدود العليا).

    >>> _is_feminine("بالطبقة"), _is_feminine("والحدود"), _is_feminine("الجزء")
    (True, True, False)
    """
    if noun.endswith(_FEMININE_ENDINGS) or (len(noun) >= _PLACE_NAME and noun[-1] == ALEF):
        return True
    return any(_as_neighbour(stem) in _FEMININE_NOUNS or (has_article and _broken_plural(stem))
               for stem, _, has_article in _readings(noun))


def _broken_plural(stem: str) -> bool:
    """Whether ``stem`` has the shape of a broken plural: فعول (حدود),
    أفعال (أطراف), فعائل / فواعل (عناصر، شوارع), or فعاليل / مفاعيل
    (أسابيع، مشاريع).

    Not the shapes of singulars: a nisba adjective (علوي، أمامي), the
    verbal noun إفعال (إهلاك; a bare ا may be either, so it is not taken),
    and مفاعل, which is also the participle مُفاعِل (المقاتل اليمني).
    """
    length = len(stem)
    if stem.endswith((YEH, ALEF_MAKSURA)):
        return False
    if length == 4:
        return stem[2] == "\u0648"
    if length == 5:
        return (stem[2] == ALEF and stem[0] != "\u0645") or (stem[0] == "\u0623" and stem[3] == ALEF)
    return length == 6 and stem[2] == ALEF and stem[4] == YEH


def _word_before(text: str, start: int) -> tuple[int, str]:
    """Where the word before ``start`` begins, and its key (marks removed)."""
    end = _spaces_start(text, start)
    begin = _word_start(text, end)
    return begin, _key(text[begin:end])


def _spaces_start(text: str, end: int) -> int:
    """Where the horizontal spaces that end just before ``end`` begin.

    >>> _spaces_start("في  المبنى", 4)
    2
    """
    return _run_start(_AFTER_LAST_NON_SPACE, text, end)


def _spelled(is_yaa: bool, marks: str) -> str:
    """The final letter chosen, with the marks that followed the ى."""
    if not is_yaa:
        return ALEF_MAKSURA + marks
    if marks and not HAMZA_MARKS.isdisjoint(marks):
        return normalize("NFC", YEH + marks)  # ي + U+0654 is ئ
    return YEH + marks


_KASRA_MARKS = frozenset({KASRA, KASRATAN})
_FATHA_MARKS = frozenset({FATHA, FATHATAN})
_YAA_MARKS = frozenset({SHADDA, SUKUN})


def _vowel_evidence(text: str, index: int) -> bool | None:
    """What the marks around the ى at ``index`` say: True for ي, False for ى.

    Alef maksura is always read after a fatha (عَلَى، هُدًى) and may carry a
    dagger alef (عَلَىٰ); final ي follows a kasra (فِى) or carries shadda or
    sukun (عربىّ). Returns ``None`` when the text is not vocalized there.
    """
    after = index + 1
    while after < len(text) and text[after] in ARABIC_MARKS:
        if text[after] in _YAA_MARKS:
            return True
        if text[after] == SUPERSCRIPT_ALEF:
            return False
        after += 1
    before = index - 1
    while before >= 0 and text[before] in ARABIC_MARKS:
        if text[before] in _KASRA_MARKS:
            return True
        if text[before] in _FATHA_MARKS:
            return False
        before -= 1
    return None


_HAMZA_ALEF_DAMMA = "\u0623" + DAMMA


def _passive_past(written: str, word: str) -> bool:
    """Whether a word is, by the damma its writer marked, a verb that ends in
    ي: أُفعِي, the past passive (أُلغي، أُعطي، أُنهي) or the first person
    (أُسمّي), and the past passives of the forms افتعل and استفعل (اشتُري،
    اصطُفي، استُدعي), whose actives end in ى. Nouns that begin with أُ and
    keep ى are listed (أُخرى، أُولى، أُنثى). ``written`` is the word before
    its ى, marks kept; ``word``, its key.

    >>> _passive_past("أُلغ", "ألغى"), _passive_past("واستُدع", "واستدعى")
    (True, True)
    >>> _passive_past("وأُخر", "وأخرى"), _passive_past("ألغ", "ألغى"), _passive_past("استدع", "استدعى")
    (False, False, False)
    """
    letters = _NOT_DAMMA.sub("", written)  # the letters, and the dammas among them
    if letters[:1] in ("\u0648", "\u0641"):
        letters, word = letters[1:], word[1:]
    if letters.startswith(_HAMZA_ALEF_DAMMA):
        entry = _listed(word)
        return entry is None or entry[0] or entry[1] == VERB  # أعطى is listed: the active voice
    return letters[:1] == ALEF and letters[2:3] in ("\u062a", "\u0637", "\u062f") and letters[3:4] == DAMMA


_NOT_DAMMA = re.compile(char_class(ARABIC_MARKS - {DAMMA}))
_PASSIVE_PRESENT = re.compile(
    "[\u0648\u0641]?[\u0633\u0644]?[" + "".join(_PRESENT_PREFIXES) + "]" + DAMMA
    + "(?:\u0633\u062a[^" + DAMMA + "]{2}|[^" + DAMMA + "][\u062a\u0637][^" + DAMMA + "])"
)


def _passive_present(written: str) -> bool:
    """Whether a word is, by the damma its writer marked on the prefix, the
    present passive of افتعل or استفعل, which ends in ى (يُشترى، يُصطفى،
    تُستدعى، سيُستثنى), whose active (يشتري، يستدعي) ends in ي. ``written``
    is the word before its ى, marks kept. The other forms take a damma in
    the active too (يُعطي، يُلغي), so it does not decide them.

    >>> _passive_present("تُستدع"), _passive_present("وسيُشتر"), _passive_present("يُعط"), _passive_present("تستدع")
    (True, True, False, False)
    """
    return _PASSIVE_PRESENT.fullmatch(_NOT_DAMMA.sub("", written)) is not None


class Decider:
    """How restore_final_yaa decides one word, in or out of its text.

    Pure: the word with its marks, and its neighbours in the text, decide
    whether its final ى is written ي (True) or stays (False). Any scanner
    may call it; the forward pattern (:func:`_restore_match`) is the
    reference, and faster scans live in :mod:`arnorm._accel.yaa_scan`.

    Args:
        exceptions: The user's decisions, ``{word: spelling}``.

    >>> decider = Decider()
    >>> decider.is_yaa("ذهب إلى المبنى فى", 15, 17), decider.is_yaa("ذهب إلى المبنى فى", 4, 7)
    (True, False)
    >>> decider.alone("عَلِى"), decider.alone("الأمريكى"), decider.alone("السفلى")
    (True, True, <yaa context of 'السفلى'>)
    """

    def __init__(self, exceptions: Mapping[str, str] | None = None, *, keep_by_marks: bool = True,
                 habit: Habit = "auto") -> None:
        self.overrides = {_fold(_key(word)): spelled[-1] == YEH for word, spelled in (exceptions or {}).items()}
        self.keep_by_marks = keep_by_marks
        self.habit = habit
        self._lines = threading.local()  # per thread, the standard lines of the last text asked about

    def standard_at(self, text: str, index: int) -> bool:
        """Whether the line of ``text`` around ``index`` is in standard
        spelling, by the ``habit`` option.

        A forward pass asks once per final ى, so the lines of the last text
        are kept, for each thread, under the text's identity, length and
        hash (not the text itself, which would stay in memory).

        >>> text = "في المبنى" + chr(10) + "فى المبنى"
        >>> decider = Decider()
        >>> decider.standard_at(text, 3), decider.standard_at(text, 13), Decider(habit="egyptian").standard_at(text, 3)
        (True, False, False)
        """
        if self.habit != "auto":
            return self.habit == "standard"
        key = (id(text), len(text), hash(text))
        cached = getattr(self._lines, "last", None)
        if cached is None or cached[0] != key:
            lines = _yaa_habit.standard_lines(text)
            cached = self._lines.last = (key, [start for start, _ in lines], [end for _, end in lines])
        at = bisect.bisect_right(cached[1], index) - 1
        return at >= 0 and index <= cached[2][at]

    def changes_in_standard_line(self, written: str) -> bool:
        """Whether a word decided ي may change in a line of standard
        spelling: a telltale (فى، التى …, but not the verbs وفى، وهى، وأى),
        a word whose marks spell ي (عَلِى، أُلغِى) or put a hamza on it
        (شى + U+0654), or one of your exceptions; every other ى stays.

        >>> decider = Decider()
        >>> [decider.changes_in_standard_line(w) for w in ("التى", "وفى", "عَلِى", "الرئيسى")]
        [True, False, True, False]
        """
        maksura = written.rindex(ALEF_MAKSURA)
        word = _key(written[: maksura + 1])
        return (word[:-1] in _yaa_habit.MAKSURA_TELLTALES
                or (bool(self.overrides) and self.forced(word) is not None)
                or _vowel_evidence(written, maksura) is True
                or _passive_past(written[:maksura], word)
                or not HAMZA_MARKS.isdisjoint(written[maksura + 1 :]))

    def forced(self, word: str) -> bool | None:
        """The user's decision for ``word`` (a key) or any stem of it."""
        for stem in (word, *(reading[0] for reading in _readings(word))):
            decision = self.overrides.get(_fold(stem))
            if decision is not None:
                return decision
        return None

    def alone(self, written: str) -> bool | _Context:
        """What a word decides by itself: True for ي, False for ى, or the
        :class:`_Context` by which its neighbours decide.

        Args:
            written: The word as written, from its first letter to its
                final ى and the marks after it.
        """
        maksura = written.rindex(ALEF_MAKSURA)
        word = _key(written[: maksura + 1])
        decision = self.forced(word) if self.overrides else None
        if decision is None:
            decision = _vowel_evidence(written, maksura)
            if decision is False and not self.keep_by_marks:
                decision = None  # the marks will go: only what the bare word decides may keep ى
        if decision is None and _passive_past(written[:maksura], word):
            decision = True
        if decision is None and self.keep_by_marks and _passive_present(written[:maksura]):
            decision = False
        if decision is None and _context_matters(word):
            return _Context(word)
        return _is_yaa(word) if decision is None else decision

    def is_yaa(self, text: str, start: int, end: int) -> bool:
        """Whether the word at ``text[start:end]`` (its final ى and the marks
        after it) is written with ي, its neighbours read in ``text``."""
        decision = self.alone(text[start:end])
        return decision if isinstance(decision, bool) else decision.is_yaa(text, start, end)


def _restore_match(decider: Decider, match: re.Match[str]) -> str:
    """The spelling of the final ى matched by :data:`_FINAL_MAKSURA`."""
    if match[2] is not None:  # ىء, the marks between kept (ي + U+0654 is ئ)
        return _spelled(True, match[1]) + match.group()[1 + len(match[1]):]
    text = match.string
    start = _word_start(text, match.start())
    is_yaa = decider.is_yaa(text, start, match.end())
    if is_yaa and decider.standard_at(text, start):  # the writer's habit is read only where it matters
        is_yaa = decider.changes_in_standard_line(text[start : match.end()])
    return _spelled(is_yaa, match[1])


def _restore(exceptions: Mapping[str, str] | None, keep_by_marks: bool = True, habit: Habit = "auto") -> Rule:
    decider = Decider(exceptions, keep_by_marks=keep_by_marks, habit=habit)
    return Rule(_FINAL_MAKSURA, functools.partial(_restore_match, decider), triggers=ALEF_MAKSURA,
                produces=(YEH, YEH_HAMZA), context=_WORD_CHARS, name="restore_final_yaa", cut="\n",
                params={"decider": decider}, separable=True)


HABITS: tuple[Habit, ...] = get_args(Habit)
"""The values of restore_final_yaa's ``habit``."""


def _final_yaa(*, exceptions: Mapping[str, str] | None = None, keep_by_marks: bool = True,
               habit: Habit = "auto") -> tuple[Primitive, ...]:
    if not isinstance(keep_by_marks, bool):
        raise TypeError(f"keep_by_marks must be a bool, got {type(keep_by_marks).__name__}")
    require_choice(habit, HABITS, "habit")
    if exceptions is None:
        return _default_primitives(keep_by_marks, habit)
    if not isinstance(exceptions, Mapping):
        raise TypeError(f"exceptions must be a mapping, got {type(exceptions).__name__}")
    for word, spelled in exceptions.items():
        if not (isinstance(word, str) and isinstance(spelled, str)):
            raise TypeError(f"exceptions must map str to str, got {word!r}: {spelled!r}")
        if not word.endswith(ALEF_MAKSURA) or spelled[-1:] not in (YEH, ALEF_MAKSURA):
            raise ValueError(
                f"exceptions must map a word ending in ى to its spelling ending in ى or ي,"
                f" got {word!r}: {spelled!r}"
            )
    return _primitives_with(tuple(sorted(exceptions.items())), keep_by_marks, habit)


@functools.lru_cache(maxsize=64)  # bounded: each distinct exceptions table is one entry
def _primitives_with(exceptions: tuple[tuple[str, str], ...], keep_by_marks: bool,
                     habit: Habit) -> tuple[Primitive, ...]:
    """The rule for one exceptions table, built once per content: a call
    with an equal dict reuses it, and its compiled runner."""
    return (_restore(dict(exceptions), keep_by_marks, habit),)


@functools.cache
def _default_primitives(keep_by_marks: bool = True, habit: Habit = "auto") -> tuple[Primitive, ...]:
    return (_restore(None, keep_by_marks, habit),)


@declare(_final_yaa)
def restore_final_yaa(text: str, *, exceptions: Mapping[str, str] | None = None,
                      keep_by_marks: bool = True, habit: Habit = "auto") -> str:
    """Restore the standard spelling of word-final ي written as ى (Egyptian style).

    A word-final ى that standard Arabic writes ي becomes ي (فى → في,
    التى → التي, الأمريكى → الأمريكي, مقاتلى → مقاتلي); true alef maksura
    stays (على، إلى، مستشفى، الأولى، موسى). A ى before a final hamza is
    the same habit and always becomes ي (شىء → شيء, المجىء → المجيء).
    Only a final ى is ever changed, so text already in standard spelling
    comes back unchanged (apart from words it misjudges, such as an unlisted
    maksura noun). Proclitics are
    understood (والتى، بالأمريكى، للعسكرى) and marks after the letter kept.

    Args:
        text: Any string.
        exceptions: Your own decisions, ``{word as written: standard spelling}``
            (e.g. ``{"بنى": "بني"}``). A key matches the word alone or
            with proclitics (وبنى), ignoring marks and hamza on alef; only
            the final letter of the value counts, so nothing but the final
            ى is ever rewritten.
        keep_by_marks: Whether a fatha before the ى or a dagger alef on it
            keeps ى even where the word without marks would become ي. The
            ``standard`` preset sets False: it deletes the marks next, and a
            ى that only its marks kept would become ي when the output is
            normalized again (a kasra, shadda or sukun that makes ي is
            always read).
        habit: ``"auto"`` reads the writer's habit line by line: a line
            that writes more of the telltale words في، التي، الذي، هي، أي
            (with و or ف before them) with ي than with ى is in standard
            spelling: there only its telltales written with ى, the ى
            whose marks spell ي (a kasra before, a shadda, sukun or hamza
            on it), ىء and your exceptions change. Every other line is
            restored word by word.
            ``"egyptian"`` restores every line; ``"standard"`` treats
            every line as standard spelling.

    Returns:
        The text with Egyptian-style final ى restored to ي.

    Examples:
        >>> restore_final_yaa("فى المبنى التى على الأولى الأمريكى")
        'في المبنى التي على الأولى الأمريكي'
        >>> restore_final_yaa("بنى بيتا", exceptions={"بنى": "بني"})
        'بني بيتا'
        >>> restore_final_yaa("في المبنى الرئيسى على خطى")  # في: standard spelling, a stray ى stays
        'في المبنى الرئيسى على خطى'
        >>> restore_final_yaa("في المبنى الرئيسى على خطى", habit="egyptian")
        'في المبنى الرئيسي على خطى'
    """
    return run(_final_yaa(exceptions=exceptions, keep_by_marks=keep_by_marks, habit=habit), require_str(text))
