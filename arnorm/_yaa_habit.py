"""The writer's habit: whether a line writes final ي as standard spelling does.

A writer who puts ى for a final ي does it in the commonest words first: في،
التي، الذي، هي، أي are فى، التى، الذى، هى، أى in nearly every Egyptian line,
and no standard text ever writes them so. These *telltale* words decide the
habit of each line (the text between two line breaks, or between two texts of
a batch): a line that writes more of them with ي than with ى is in standard
spelling, and :func:`~arnorm.restore_final_yaa` leaves its ى alone (but for
the telltales themselves, ىء, and your exceptions). A line with no telltale,
or as many with ى, is restored.

The unit is the line, not the text, so that a file gives the same result
read whole or in blocks, and a batch the same as its texts one by one; and
because a text may join lines of several writers (a quotation, an archive of
articles one a line). Measured in docs/yaa.md.

>>> standard_lines("ذهب إلى المبنى التي على\\nفى المبنى\\nالمبنى")
[(0, 23)]
"""

from __future__ import annotations

import re

from ._chars import ALEF_MAKSURA, ARABIC_LETTERS, ARABIC_MARKS, YEH, char_class

TELLTALE_STEMS = ("\u0641", "\u0627\u0644\u062a", "\u0627\u0644\u0630", "\u0647", "\u0623")
"""في، التي، الذي، هي، أي without their final letter."""
_PROCLITICS = ("", "\u0648", "\u0641")  # و ف
_BEFORE_AYY = ("\u0628", "\u0644", "\u0643")  # بأي، لأي، كأي
TELLTALES = frozenset(
    conjunction + stem for conjunction in _PROCLITICS for stem in TELLTALE_STEMS
) | frozenset(conjunction + preposition + "\u0623" for conjunction in _PROCLITICS for preposition in _BEFORE_AYY)
"""Every telltale word without its final letter: the five, with و or ف
before them, and أي after ب، ل or ك (بأي، لأي)."""
_LONGEST = max(map(len, TELLTALES))

UNIT_BREAKS = "\n\r\x00\x85\u2028\u2029"
"""What ends a line: the line breaks, and the separator between the texts of a batch."""
_BREAK = re.compile(char_class(UNIT_BREAKS))
_KEPT_BREAK = re.compile("(" + char_class(UNIT_BREAKS) + ")")
_WORD_CHARS = frozenset(ARABIC_LETTERS | ARABIC_MARKS)
TELLTALE_ENDS = "".join(sorted({stem[-1] for stem in TELLTALES}))
"""The letters before the final ي or ى of a telltale."""
_NOT_WORD = "(?!" + char_class(_WORD_CHARS) + ")"
# A final ي after the last letter of a telltale stem: the pattern starts
# with a literal, which the regex engine finds fast (most Egyptian text has
# none at all).
_STANDARD_CANDIDATE = re.compile(YEH + _NOT_WORD + "(?<=" + char_class(TELLTALE_ENDS) + YEH + ")")
_CANDIDATE = re.compile("[" + YEH + ALEF_MAKSURA + "]" + _NOT_WORD + "(?<=" + char_class(TELLTALE_ENDS) + "[" + YEH
                        + ALEF_MAKSURA + "])")


def is_telltale(text: str, final: int) -> bool:
    """Whether the word whose final letter is at ``final`` is a telltale.

    >>> is_telltale("وفى البيت", 2), is_telltale("كفى", 2)
    (True, False)
    """
    start = final
    while start > 0 and final - start <= _LONGEST and text[start - 1] in _WORD_CHARS:
        start -= 1
    return (start == 0 or text[start - 1] not in _WORD_CHARS) and text[start:final] in TELLTALES


def has_standard_telltale(text: str) -> bool:
    """Whether ``text`` writes a telltale with final ي (most Egyptian text
    has none: then no line of it is in standard spelling)."""
    match = _STANDARD_CANDIDATE.search(text)
    while match is not None:
        if is_telltale(text, match.start()):
            return True
        match = _STANDARD_CANDIDATE.search(text, match.start() + 1)
    return False


def writes_standard(line: str) -> bool:
    """Whether ``line`` writes more telltales with final ي than with ى.

    >>> writes_standard("فى البيت التي"), writes_standard("في البيت التي فى")
    (False, True)
    """
    balance = 0
    for match in _CANDIDATE.finditer(line):
        if is_telltale(line, match.start()):
            balance += 1 if match.group() == YEH else -1
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
