"""The writer's habit: whether a line writes final ي as standard spelling does.

A writer who puts ى for a final ي does it in the commonest words first: في،
التي، الذي، هي، أي are فى، التى، الذى، هى، أى in nearly every Egyptian line,
and no standard text ever writes them so. These *telltale* words decide the
habit of each line (the text between two line breaks, or between two texts of
a batch): a line that writes more of them with ي than with ى is in standard
spelling, and :func:`~arnorm.restore_final_yaa` leaves its ى alone (but for
the telltales themselves, a hamza after the ى, the marks that spell ي, and
your exceptions). A line with no telltale, or as many with ى, is restored.
Telltales are read without the marks and tatweel inside them (فِي is في).

Three telltales written with ى are also words of standard spelling: وفى "he
fulfilled", وهى "it weakened", وأى "he promised". Written with ى they count
half (they are far more often Egyptian وفي، وهي، وأي), and a line of standard
spelling leaves them as they are.

The unit is the line, not the text, so that a file gives the same result
read whole or in blocks, and a batch the same as its texts one by one; and
because a text may join lines of several writers (a quotation, an archive of
articles one a line). Measured in docs/yaa.md.

>>> standard_lines("ذهب إلى المبنى التي على\\nفى المبنى\\nالمبنى")
[(0, 23)]
"""

from __future__ import annotations

import re

from ._chars import (
    ALEF_MAKSURA,
    ARABIC_LETTERS,
    ARABIC_MARKS,
    LINE_BREAKS,
    SMALL_WAW,
    SMALL_YEH,
    TATWEEL,
    YEH,
    char_class,
)
from ._rules import SEPARATOR

TELLTALE_STEMS = ("\u0641", "\u0627\u0644\u062a", "\u0627\u0644\u0630", "\u0647", "\u0623")
"""في، التي، الذي، هي، أي without their final letter."""
_PROCLITICS = ("", "\u0648", "\u0641")  # و ف
_BEFORE_AYY = ("\u0628", "\u0644", "\u0643")  # بأي، لأي، كأي
TELLTALES = frozenset(
    conjunction + stem for conjunction in _PROCLITICS for stem in TELLTALE_STEMS
) | frozenset(conjunction + preposition + "\u0623" for conjunction in _PROCLITICS for preposition in _BEFORE_AYY)
"""Every telltale word without its final letter: the five, with و or ف
before them, and أي after ب، ل or ك (بأي، لأي)."""
MAKSURA_TELLTALES = TELLTALES - {"\u0648\u0641", "\u0648\u0647", "\u0648\u0623"}
"""The telltales that standard spelling never writes with ى (وفى، وهى، وأى
are verbs too)."""

UNIT_BREAKS = "".join(sorted(LINE_BREAKS | {SEPARATOR}))
"""What ends a line: the line breaks, and the separator between the texts of a batch."""
_BREAK = re.compile(char_class(UNIT_BREAKS))
_KEPT_BREAK = re.compile("(" + char_class(UNIT_BREAKS) + ")")
WORD_CHARS = frozenset(ARABIC_LETTERS | ARABIC_MARKS)
"""What a word is made of: letters and marks."""
KEY_DROPS = frozenset(ARABIC_MARKS | {TATWEEL, SMALL_WAW, SMALL_YEH})
"""What a word's key leaves out: what remove_diacritics and remove_tatweel delete."""
_IN_WORD = WORD_CHARS | KEY_DROPS
_LONGEST = 3 * max(map(len, TELLTALES))  # a telltale with its marks (وَفِي) is no longer
_ENDS = frozenset(stem[-1] for stem in TELLTALES)
_END = "(?!" + char_class(_IN_WORD) + ")"
# A word-final ي (no mark on it) after the last letter of a telltale, or
# after a mark: the pattern starts with a literal, which the regex engine
# finds fast, and rejects a ي inside a word first (most Egyptian text has
# no final ي at all).
_STANDARD_CANDIDATE = re.compile(YEH + _END + "(?<=" + char_class(_ENDS | KEY_DROPS) + YEH + ")")
_CANDIDATE = re.compile("[" + YEH + ALEF_MAKSURA + "]" + _END)


def is_telltale(text: str, final: int, telltales: frozenset[str] = TELLTALES) -> bool:
    """Whether the word whose final letter is at ``final`` is one of
    ``telltales``, its marks and tatweel left out.

    >>> is_telltale("وفى البيت", 2), is_telltale("كفى", 2), is_telltale("فِي", 2)
    (True, False, True)
    """
    start = final
    while start > 0 and final - start <= _LONGEST and text[start - 1] in _IN_WORD:
        start -= 1
    if start > 0 and text[start - 1] in _IN_WORD:
        return False
    return "".join(ch for ch in text[start:final] if ch not in KEY_DROPS) in telltales


def has_standard_telltale(text: str) -> bool:
    """Whether ``text`` writes a telltale with final ي (most Egyptian text
    has none: then no line of it is in standard spelling).

    >>> has_standard_telltale("فى البيت المصري"), has_standard_telltale("فى البيت الذي")
    (False, True)
    """
    match = _STANDARD_CANDIDATE.search(text)
    while match is not None:
        if is_telltale(text, match.start()):
            return True
        match = _STANDARD_CANDIDATE.search(text, match.start() + 1)
    return False


def writes_standard(line: str) -> bool:
    """Whether ``line`` writes more telltales with final ي than with ى.

    >>> writes_standard("فى البيت التي"), writes_standard("في البيت التي فى"), writes_standard("وفى في")
    (False, True, True)
    >>> writes_standard("وفى وهى في")
    False
    """
    balance = 0  # in half votes
    for match in _CANDIDATE.finditer(line):
        final = match.start()
        if match.group()[0] == YEH:
            balance += 2 * is_telltale(line, final)
        elif is_telltale(line, final):
            balance -= 2 if is_telltale(line, final, MAKSURA_TELLTALES) else 1
    return balance > 0


def standard_lines(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of the lines of ``text`` in standard spelling
    (:func:`writes_standard`), in order; ``end`` is where the line break is
    (or the text's end)."""
    if not has_standard_telltale(text):
        return []
    lines, start = [], 0
    for found in (*_BREAK.finditer(text), None):
        end = found.start() if found else len(text)
        if writes_standard(text[start:end]):
            lines.append((start, end))
        start = end + 1
    return lines


def units(line: str) -> list[str]:
    """``line`` (a text without ``\\n``) cut at its other line breaks and
    the separators of a batch, each kept as a unit of its own.

    >>> units("a\\rb"), units("ab")
    (['a', '\\r', 'b'], ['ab'])
    """
    return _KEPT_BREAK.split(line) if _BREAK.search(line) else [line]
