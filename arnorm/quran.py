"""Quranic (Uthmani) orthography written in standard spelling.

The Uthmani script of the printed mushaf (and of Tanzil's Uthmani text, the
one most software uses) spells many words differently from standard
Arabic: the long ā is often a dagger alef over the letter (ٱلْكِتَـٰبُ for
الكتاب), a few words keep an old و for ā (ٱلصَّلَوٰةَ for الصلاة), final
ي carries no dots (فِى for في), hamza sits on a tatweel or on the line
where standard spelling gives it a seat (يَسْـَٔلُونَ، يَسْتَهْزِءُونَ for
يسألون، يستهزئون), and the vocative يا is joined to its noun (يَـٰقَوْمِ
for يا قوم). Recitation marks come on top: maddah for a prolonged vowel
(مَآ), the small waw and yeh of a long pronoun vowel (بِهِۦ، لَهُۥ), the
small zero of a silent letter (ءَامَنُوا۟), and pause and section marks.

:func:`standardize_quranic_spelling` rewrites all of that in standard
spelling and keeps the vowel marks that still apply. Each rule below says
which fact of the two orthographies it writes down, with Tanzil's words as
examples; the sources are the orthography itself (the seats of hamza and
the words written without their ā, as Arabic grammars teach them, and the
Unicode names of the Quranic marks). The only word lists are short ones of
grammar, not of the Quran: the words that keep the dagger alef
(:func:`_keeps_dagger`) and the verbs whose last radical is و
(:data:`DEFECTIVE_VERB_ROOTS`). No table of the Quran's words is shipped.

Every rule starts with its rarest character, so that ``re`` finds its
matches with a literal search, and none reads across a line break (each
declares ``cut="\\n"``), so that the accelerator layer runs them together
on pieces of a long text that stay in the CPU cache, each piece skipping
the rules whose triggers it lacks; the sukun on alef, whose pattern starts
with one of the commonest marks, runs only where its probe
(``params["needs"]``) is found.
"""

from __future__ import annotations

import functools
import re

from ._chars import (
    ALEF,
    ARABIC_LETTERS,
    ARABIC_MARKS,
    ALEF_HAMZA_ABOVE,
    ALEF_HAMZA_BELOW,
    ALEF_MADDA,
    ALEF_MAKSURA,
    ALEF_WASLA,
    DAMMA,
    DAMMATAN,
    FATHA,
    FATHATAN,
    HAMZA,
    HAMZA_ABOVE,
    HEH,
    KASRA,
    KASRATAN,
    MADDAH_ABOVE,
    SHADDA,
    SMALL_WAW,
    SMALL_YEH,
    SUKUN,
    SUPERSCRIPT_ALEF,
    TATWEEL,
    WAW,
    WAW_HAMZA,
    YEH,
    YEH_HAMZA,
    char_class,
)
from ._chars import HAMZA_MARKS
from ._registry import declare, require_str
from ._rules import SEPARATOR, CharMap, Primitive, Rule, run

# --- The Quranic marks --------------------------------------------------------

SMALL_HIGH_YEH = "\u06e7"  # ۧ ARABIC SMALL HIGH YEH (a yeh left out of the rasm)
SMALL_HIGH_ROUNDED_ZERO = "\u06df"  # ۟ the letter under it is not pronounced
SMALL_HIGH_DOTLESS_HEAD_OF_KHAH = "\u06e1"  # ۡ the sukun of the Medina mushaf encodings
RUB_EL_HIZB = "\u06de"  # ۞ start of a quarter of a hizb (a symbol, not a mark)
PLACE_OF_SAJDAH = "\u06e9"  # ۩ (a symbol, not a mark)

PAUSE_MARKS = frozenset(map(chr, range(0x06D6, 0x06DD)))
"""ۖ ۗ ۘ ۙ ۚ ۛ ۜ U+06D6–U+06DC: where the reciter may, must or must not stop."""

RECITATION_MARKS = frozenset("\u06e0\u06e2\u06e3\u06ea\u06eb\u06ec\u06ed")
"""Marks of how a letter is recited, with no place in standard spelling:
small high upright rectangular zero U+06E0 (an alef pronounced only in
pause), small high and low meem U+06E2, U+06ED (iqlab: ن pronounced م),
small low seen U+06E3, and the stops U+06EA–U+06EC."""

SMALL_HIGH_NOON = "\u06e8"  # ۨ a noon the rasm leaves out (نُۨجِى is ننجي)
SMALL_HIGH_SEEN = "\u06dc"  # ۜ over ص: read (and spelled in standard Arabic) س

OPEN_TANWEEN = {"\u08f0": FATHATAN, "\u08f1": DAMMATAN, "\u08f2": KASRATAN}
"""The open (successive) tanween of Medina-mushaf encodings: tanween before a
letter it assimilates to; in standard spelling plain tanween."""

QURANIC_SYMBOLS = frozenset({RUB_EL_HIZB, PLACE_OF_SAJDAH})

# --- Character classes for the rules ----------------------------------------

_SUKUN = f"[{SUKUN}{SMALL_HIGH_DOTLESS_HEAD_OF_KHAH}]"
_LETTERS = char_class(set(map(chr, range(0x0621, 0x063B))) | set(map(chr, range(0x0641, 0x064B)))
                      | {ALEF_WASLA, SMALL_HIGH_YEH, SMALL_HIGH_NOON})
"""The letters, the small ones the last map writes in full included."""
_HARAKAT = char_class({*map(chr, range(0x064B, 0x0653)), SMALL_HIGH_DOTLESS_HEAD_OF_KHAH, *OPEN_TANWEEN})
"""Tanwin, short vowels, shadda and sukun (the Medina forms of sukun and tanween too)."""
_WORD = char_class(set(map(chr, range(0x0621, 0x063B))) | set(map(chr, range(0x0640, 0x0656)))
                   | {SUPERSCRIPT_ALEF, SMALL_WAW, SMALL_YEH, SMALL_HIGH_YEH, SMALL_HIGH_ROUNDED_ZERO, ALEF_WASLA,
                      SMALL_HIGH_DOTLESS_HEAD_OF_KHAH, SMALL_HIGH_NOON, *OPEN_TANWEEN, *RECITATION_MARKS}
                   | ARABIC_MARKS)
"""What a word of Uthmani text is made of: letters, tatweel and every mark the rules read."""
_MARKS = char_class(ARABIC_MARKS | {TATWEEL})  # what the preset deletes around letters
_START = f"(?<!{_WORD})"
_END = f"(?!{_WORD})"


_LINE = "\n"
"""Where every rule below may cut a long text (``Rule.cut``): no rule reads
across a line break (their classes and the ``.`` of their lookbehinds leave
it out, and the hamza seats read only the word before a match), so each
rewrites a text line by line as it rewrites the whole."""


# --- Decorations, and marks older vocalizations put on alef and ص ----------------

# الہلہغہة، الہٰعربٰٰيٰة، ال͠ل͠غ͠ة: decorated names and posts put a heh goal ہ
# (with or without a dagger alef) or a Latin combining mark (U+0300–U+036F)
# after the letters of an Arabic word. Neither is a letter of Arabic
# spelling; both go.
_ARABIC = char_class(ARABIC_LETTERS | ARABIC_MARKS | QURANIC_SYMBOLS)
DECORATIONS = (
    Rule(f"[\u0300-\u036f](?<={_ARABIC}[\u0300-\u036f])[\u0300-\u036f]*", "",
         triggers="".join(map(chr, range(0x0300, 0x0370))), produces=(), separable=True, cut=_LINE),
    Rule(f"\u06c1(?<={_ARABIC}\u06c1)[\u06c1{SUPERSCRIPT_ALEF}]*", "", triggers="\u06c1", produces=(),
         separable=True, cut=_LINE),
)


# بَصْۜطَةً → بَسْطَةً، وَيَبْصُۜطُ → وَيَبْسُطُ: a small seen over ص says the
# word is read, and spelled in standard Arabic, with س.
# (Only after sukun and damma: in ٱلْمُصَۜيْطِرُونَ both readings are spelled ص.)
SAD_READ_AS_SEEN = Rule(f"(?:\u0635{SMALL_HIGH_SEEN})", "\u0633", triggers=SMALL_HIGH_SEEN, produces="\u0633",
                        separable=True, cut=_LINE)
"""(ۜ right after ص, as Tanzil writes it; a group, so that re.sub runs it.)"""


_NOT_SEPARATOR = "[^\n" + SEPARATOR + "]"
"""What ``.`` matches, but for the separator of a batch: no rule reads across it."""


def _behind(*options: str) -> str:
    """A lookbehind for any of ``options`` (each of fixed width)."""
    return "(?:" + "|".join(f"(?<={option})" for option in options) + ")"


_DELETED = char_class(PAUSE_MARKS | RECITATION_MARKS | QURANIC_SYMBOLS | {MADDAH_ABOVE, SMALL_HIGH_ROUNDED_ZERO})
"""Marks the last map deletes, which no rule reads as a letter's context."""
_UP_TO_TWO_DELETED = ("", _DELETED, _DELETED * 2)

# --- The maddah of prolongation, when it came precomposed ------------------------

# Tanzil writes the maddah of a prolonged ā as a mark on the alef (مَا + U+0653);
# text that went through NFC has آ U+0622 there instead. Where standard
# spelling hardly writes آ (after a fatha and before a hamza: جَآءَ، طَآئِفَةٌ، or
# at the end of a word: مَآ; before a doubled letter: ٱلضَّآلِّينَ, and after ءَ:
# ءَآلْـَٔـٰنَ) it is that mark, and is taken apart so that the rules below read
# it as Tanzil writes it. (The one standard word so written, بَرَآءُ, reads the
# same way: run on the step's own output, it loses the madda.)
PRECOMPOSED_MADDAH = Rule(
    f"{ALEF_MADDA}(?:{_behind(*(vowel + marks + ALEF_MADDA for vowel in (FATHA, FATHA + SHADDA, SHADDA + FATHA) for marks in _UP_TO_TWO_DELETED))}"
    f"(?=[{_MARKS[1:-1]}{SMALL_WAW}{SMALL_YEH}]*(?:[{HAMZA}{ALEF_HAMZA_ABOVE}{WAW_HAMZA}{ALEF_HAMZA_BELOW}{YEH_HAMZA}]|{_END})"
    f"|{_DELETED}*{_LETTERS}{_HARAKAT}?{SHADDA})"
    f"|{_behind(HAMZA + FATHA + ALEF_MADDA, TATWEEL + FATHA + HAMZA_ABOVE + ALEF_MADDA, TATWEEL + HAMZA_ABOVE + FATHA + ALEF_MADDA)})",
    ALEF + MADDAH_ABOVE, triggers=ALEF_MADDA, produces=(ALEF, MADDAH_ABOVE), separable=True, cut=_LINE)


# --- The vocative يا and the ها of هَـٰٓأَنتُمْ --------------------------------------

# يَـٰقَوْمِ → يَا قَوْمِ، يَـٰٓأَيُّهَا → يَا أَيُّهَا، هَـٰٓأَنتُمْ → هَا أَنتُمْ: the
# mushaf joins the particles يا and ها to the next word and writes their alef
# as a dagger alef; standard spelling writes them apart, with their alef.
def _particle(letter: str, carrier: str, after: str) -> str:
    """The dagger alef written over ``carrier`` after the particle ``letter``
    at the start of a word (و or ف before it allowed), before ``after``."""
    starts = [f"(?<!{_WORD})" + proclitic for proclitic in ("", WAW, "\u0641", WAW + FATHA, "\u0641" + FATHA)]
    vowels = ("", FATHA) if carrier.startswith(TATWEEL) else (FATHA,)  # as DAGGER_ALEF reads them
    gate = _behind(*(letter + vowel + carrier for vowel in vowels))
    return gate + _behind(*(start + letter + vowel + carrier for start in starts for vowel in vowels)) \
        + f"{MADDAH_ABOVE}?(?={after})"


def _vocative(carrier: str) -> Rule:
    dagger = carrier + SUPERSCRIPT_ALEF
    return Rule(f"{dagger}(?:{_particle('ي', dagger, f'{TATWEEL}|{_LETTERS}')}"
                f"|{_particle('ه', dagger, f'[{ALEF_HAMZA_ABOVE}{HAMZA}]')})",
                ALEF + " ", triggers=SUPERSCRIPT_ALEF, produces=(ALEF, " "), separable=True, cut=_LINE)


VOCATIVE = (_vocative(TATWEEL), _vocative(""))
"""The particle's dagger alef, on a tatweel or not."""


# --- The dagger alef ------------------------------------------------------------

# ٱلصَّلَوٰةَ → الصَّلَاةَ، ٱلرِّبَوٰا۟ → الرِّبَا: a bare و under a dagger alef is
# the old spelling of ā (الصلاة، الزكاة، الحياة، مشكاة، النجاة، مناة، الربا).
DAGGER_ON_WAW = Rule(f"{WAW}{SUPERSCRIPT_ALEF}{MADDAH_ABOVE}?(?:{ALEF}{SMALL_HIGH_ROUNDED_ZERO})?", ALEF,
                     triggers=SUPERSCRIPT_ALEF, produces=ALEF, separable=True, cut=_LINE)

# هُدَىٰهُمْ → هُدَاهُمْ، ٱلتَّوْرَىٰةَ → التَّوْرَاةَ: alef maksura is written
# ى only at the end of a word; inside one it is ا.
DAGGER_ON_MEDIAL_MAKSURA = Rule(
    f"{ALEF_MAKSURA}{SUPERSCRIPT_ALEF}{MADDAH_ABOVE}?(?={_HARAKAT}*(?:{_LETTERS}|{TATWEEL}{_HARAKAT}*{HAMZA_ABOVE}))", ALEF,
    triggers=SUPERSCRIPT_ALEF, produces=ALEF, separable=True, cut=_LINE)


# ٱلَّيْلَ → اللَّيْلَ، ٱلَّـٰتِى → اللَّاتِي، ٱلَّذَيْنِ → اللَّذَيْنِ: the mushaf
# writes one lam where the article meets a doubled ل in الليل and in the
# relatives اللاتي، اللائي، اللذين; standard spelling writes both.
DOUBLED_LAM = Rule(f"{ALEF_WASLA}\u0644(?=(?:{SHADDA}{FATHA}?|{FATHA}{SHADDA})"
                   f"(?:\u064a{_SUKUN}?\u0644|{TATWEEL}?{SUPERSCRIPT_ALEF}|\u0630{FATHA}\u064a))",
                   ALEF_WASLA + "\u0644\u0644", triggers=ALEF_WASLA, produces="\u0644", separable=True, cut=_LINE)


def _keeps_dagger(carrier: str) -> str:
    """Just after a dagger alef on ``carrier`` (a tatweel, or nothing) in a
    word that standard spelling writes without the alef.

    Those words keep the dagger alef as a vowel mark (هٰذا، ذٰلك، لٰكن،
    أولٰئك، الرحمٰن، إلٰه، اللّٰه): the demonstratives, لكن, and the two
    divine names, which every Arabic grammar lists among the words whose ā
    is not written.
    """
    tails = [tail + carrier for tail in ("", FATHA, SHADDA, SHADDA + FATHA, FATHA + SHADDA)]
    words = (
        (("ه",), "[ذؤك]"),  # هٰذا هٰذه هٰذان هٰؤلاء هٰكذا
        (("ذ",), "ل"),  # ذٰلك ذٰلكم كذٰلك
        (("ل",), f"ك{KASRA}?ن"),  # لٰكن لٰكنّ
        (("ول", f"و{SMALL_HIGH_ROUNDED_ZERO}ل", f"و{DAMMA}ل"), "ئ"),  # أولٰئك
        (("حم", f"ح{SUKUN}م", f"ح{SMALL_HIGH_DOTLESS_HEAD_OF_KHAH}م"), "ن"),  # الرحمٰن
        (("ل",), "ه"),  # إلٰه اللّٰه
    )
    gate = _behind(*(f"[هذلم]{_NOT_SEPARATOR * n}{carrier}{SUPERSCRIPT_ALEF}" for n in range(3)))
    # and the letter each word has next, looked at first (here and in each
    # word): a lookahead turns away most dagger alefs (4,733 in the Quran)
    # before the lookbehinds
    follows = "".join(after[1:-1] if after.startswith("[") else after[0] for _, after in words)
    gate = f"(?={MADDAH_ABOVE}?[{follows}])" + gate
    return gate + "(?:" + "|".join(
        f"(?={MADDAH_ABOVE}?{after})" + _behind(*(before + tail + SUPERSCRIPT_ALEF for before in befores for tail in tails))
        + f"{MADDAH_ABOVE}?{after}" for befores, after in words) + ")"


# ٱلْكِتَـٰبُ → الْكِتَابُ، ٱلسَّمَـٰوَٰتِ → السَّمَاوَاتِ، إِبْرَٰهِيمَ → إِبْرَاهِيمَ:
# everywhere else the dagger alef is an ā that standard spelling writes as ا
# (the tatweel that carried it, and a maddah on it, go with it).
DAGGER_ALEF = (
    Rule(f"{TATWEEL}{SUPERSCRIPT_ALEF}(?<!{ALEF_MAKSURA}{TATWEEL}{SUPERSCRIPT_ALEF})"
         f"(?!{_keeps_dagger(TATWEEL)}){MADDAH_ABOVE}?",
         ALEF, triggers=SUPERSCRIPT_ALEF, produces=ALEF, separable=True, cut=_LINE),
    Rule(f"{SUPERSCRIPT_ALEF}{_behind(FATHA + SUPERSCRIPT_ALEF, FATHA + SHADDA + SUPERSCRIPT_ALEF)}"
         f"(?!{_keeps_dagger('')}){MADDAH_ABOVE}?",
         ALEF, triggers=SUPERSCRIPT_ALEF, produces=ALEF, separable=True, cut=_LINE),
)
"""The dagger alef on a tatweel, then the one after a fatha. (The mushaf
writes every other dagger alef over ى or و, handled above; one on a bare
letter is not Quranic spelling but a mark, and is left to remove_diacritics.)"""


# --- Hamza seats ------------------------------------------------------------------

# The mushaf writes many a hamza on the line (ء) or on a tatweel (ـٔ) where
# standard spelling gives it a seat. The seat follows the rules of the
# grammars, in their order of strength: kasra (on the hamza or before it) or
# a yeh before it gives ئ; after a long ā or ū the hamza stays on the line;
# a damma gives ؤ (ئ before a long و, as in مسئول, يطئون); otherwise أ, and
# أ followed by ā is آ. At the start of a word, or after a one-letter
# proclitic, the hamza is initial: إ with kasra, آ before ā, else أ.
_VOWELS = frozenset({*map(chr, range(0x064B, 0x0653)), SMALL_HIGH_DOTLESS_HEAD_OF_KHAH, *OPEN_TANWEEN})
_CLUSTER = re.compile(f"(.)({char_class(ARABIC_MARKS - {SMALL_HIGH_YEH, SMALL_HIGH_NOON})}*)")
"""A letter and its marks (the small high yeh and noon are letters: the last map writes them in full)."""
_AS_WRITTEN = {ALEF_WASLA: ALEF, SMALL_HIGH_YEH: YEH, SMALL_HIGH_NOON: "\u0646"}
_HAMZAS = frozenset({HAMZA, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, WAW_HAMZA, YEH_HAMZA, ALEF_MADDA})
_PROCLITICS = {"و": FATHA, "ف": FATHA, "ب": KASRA, "ل": KASRA, "ك": FATHA, "س": FATHA, ALEF_HAMZA_ABOVE: FATHA}


def _vowel(marks: str) -> str:
    """The short vowel of a letter's marks: fatha, damma, kasra, sukun, or ''."""
    for mark, vowel in ((KASRA, KASRA), (KASRATAN, KASRA), ("\u08f2", KASRA), (DAMMA, DAMMA), (DAMMATAN, DAMMA),
                        ("\u08f1", DAMMA), (FATHA, FATHA), (FATHATAN, FATHA), ("\u08f0", FATHA), (SUKUN, SUKUN),
                        (SMALL_HIGH_DOTLESS_HEAD_OF_KHAH, SUKUN)):
        if mark in marks:
            return vowel
    return ""


def _initial(clusters: list[tuple[str, str]], index: int) -> bool:
    """Whether the hamza at ``index`` begins its word (proclitics aside)."""
    before = clusters[:index]
    if len(before) > 2:
        return False
    # (the question أ, written ء too before a hamza, comes first only)
    return all(_PROCLITICS.get(letter) == _vowel(marks) and letter != ALEF_HAMZA_ABOVE or
               (letter in (ALEF_HAMZA_ABOVE, HAMZA) and i == 0 and _vowel(marks) == FATHA)
               for i, (letter, marks) in enumerate(before))


def _seat(clusters: list[tuple[str, str]], index: int) -> tuple[str, int]:
    """The letter for the hamza at ``index``, and how it ends: 0 as it is,
    1 absorbing the ا after it (آ, or أ of a final tanween), 2 writing that
    final ا as ى (رَءَا → رَأَى)."""
    hamza, marks = clusters[index]
    plain = hamza == HAMZA
    vowel = _vowel(marks)
    if plain and not vowel:  # unvocalized: no seat to read (and idempotent on the output)
        return HAMZA, 0
    # The letters around it as the last map leaves them: ٱ is ا, ۧ is ي, and a
    # small waw or yeh left here (after the pronoun ه) goes.
    following = [_AS_WRITTEN.get(ch, ch) for ch, _ in clusters[index + 1 :] if ch not in (SMALL_WAW, SMALL_YEH)]
    after = following[0] if following else ""
    last_alef = after == ALEF and len(following) == 1
    madda = after == ALEF and vowel == FATHA and len(following) > 1  # (no word ends in آ)
    if index == 0 or _initial(clusters, index):
        if vowel == KASRA:
            return ALEF_HAMZA_BELOW, 0
        if madda:
            return ALEF_MADDA, 1
        return ALEF_HAMZA_ABOVE, 0
    back = index - 1
    while back > 0 and clusters[back][0] in (SMALL_WAW, SMALL_YEH):
        back -= 1
    letter, before = clusters[back]
    letter, previous = _AS_WRITTEN.get(letter, letter), _vowel(before)
    if letter == TATWEEL:  # ـٰٓـٔ: the tatweel after a written ā
        letter, previous = ALEF, ""
    if last_alef and FATHA in marks:  # رَءَا، وَنَـَٔا: a final ā written ى, and the seat before it
        return _seat([*clusters[: index + 1], (ALEF_MAKSURA, clusters[index + 1][1])], index)[0], 2
    if not after or (last_alef and FATHATAN in marks):  # at the end of the word
        if plain or letter == ALEF or (letter == WAW and previous != FATHA):
            return HAMZA, 0  # the mushaf writes a final hamza on the line where standard spelling does
        if previous == SUKUN or previous == KASRA or letter in (YEH, ALEF_MAKSURA):
            return YEH_HAMZA, 0  # شَيْـًٔا، خِطْـًٔا
        return (WAW_HAMZA, 0) if previous == DAMMA else (ALEF_HAMZA_ABOVE, 1 if after else 0)  # مَلْجَـًٔا
    if vowel == KASRA or previous == KASRA or letter in (YEH, ALEF_MAKSURA):
        return YEH_HAMZA, 0
    if letter == ALEF:
        return HAMZA, 0
    if madda:
        return ALEF_MADDA, 1
    if letter == WAW and previous in (SUKUN, "", DAMMA):
        return HAMZA, 0
    if vowel == DAMMA:  # before a long و the seat is ئ (مسئول، يطئون), or the line where the mushaf has it
        return ((HAMZA if plain else YEH_HAMZA) if after == WAW else WAW_HAMZA), 0
    return (WAW_HAMZA if previous == DAMMA else ALEF_HAMZA_ABOVE), 0


_HAMZA_ALEF = re.compile(f"{ALEF_HAMZA_ABOVE}{FATHA}{ALEF}(?=[{_MARKS[1:-1]}]*(?![{''.join(sorted(_HAMZAS))}]){_LETTERS})")


@functools.lru_cache(maxsize=8192)
def _seat_word(word: str) -> str:
    """``word`` with each ء and ـٔ in its seat, read left to right: a hamza's
    context is the word as already rewritten before it (so that the result
    is a fixed point: the next reading sees the same context)."""
    clusters = _CLUSTER.findall(word)
    index = 0
    while index < len(clusters):
        letter, marks = clusters[index]
        if letter != HAMZA and not (letter == TATWEEL and HAMZA_ABOVE in marks):
            index += 1
            continue
        seat, ending = _seat(clusters, index)
        rest = marks.replace(HAMZA_ABOVE, "").replace(MADDAH_ABOVE, "")
        rest = rest.replace(FATHA, "") if seat == ALEF_MADDA else rest
        if ending == 1:  # the ā after it is in the seat
            absorbed = clusters.pop(index + 1)[1]
            rest += absorbed.replace(MADDAH_ABOVE, "").replace(SMALL_HIGH_ROUNDED_ZERO, "")
        elif ending == 2:
            clusters[index + 1] = (ALEF_MAKSURA, clusters[index + 1][1])
        clusters[index] = (seat, rest)
        if seat == HAMZA and index + 2 == len(clusters) and clusters[-1][0] == WAW and _vowel(marks) == DAMMA:
            clusters.append((ALEF, ""))  # جَآءُو → جَاءُوا: the alef after the plural و
            break
        index += 1
    out = ["".join(cluster) for cluster in clusters]
    # ءَأَـٰلِهَتُنَا: a hamza on alef before the ā of a dagger alef is آ.
    return _HAMZA_ALEF.sub(ALEF_MADDA, "".join(out))


_WORD_BEFORE = re.compile(f"{_WORD}*\\Z")
_seated: dict[tuple[str, str], str] = {}


_READS_BEFORE = 16
"""How far back a hamza's seat looks for the start of its word."""


def _seat_match(match: re.Match[str]) -> str:
    start = match.start()
    key = (match.string[start - _READS_BEFORE if start > _READS_BEFORE else 0 : start], match.group())
    found = _seated.get(key)
    if found is None:
        before = _WORD_BEFORE.search(key[0])
        prefix = before.group().lstrip("".join(_VOWELS) + SUPERSCRIPT_ALEF) if before else ""
        if len(_seated) > 8192:
            _seated.clear()
        found = _seated[key] = _seat_word(prefix + key[1])[len(prefix) :]
    return found


_SEATS = (ALEF_MADDA, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, YEH_HAMZA, WAW_HAMZA, HAMZA, ALEF_MAKSURA, WAW, ALEF)
HAMZA_SEATS = (
    # A hamza at the end of a word stays on the line (شَىْءٍ، ٱلسَّمَآءِ، جُزْءًا).
    Rule(f"{HAMZA}(?!{_HARAKAT}*{_END}|{FATHATAN}{ALEF}{_END}){_WORD}*", _seat_match, triggers=HAMZA,
         produces=_SEATS, separable=True, cut=_LINE, name="hamza_seat", params={"reads_before": _READS_BEFORE}),
    Rule(f"{TATWEEL}{_HARAKAT}*{HAMZA_ABOVE}{_WORD}*", _seat_match, triggers=HAMZA_ABOVE, produces=_SEATS,
         separable=True, cut=_LINE, name="hamza_seat", params={"reads_before": _READS_BEFORE}),
)
"""ء and ـٔ in their standard seats: يَسْـَٔلُونَ → يَسْأَلُونَ، شَيْـًٔا → شَيْئًا،
ءَامَنُوا۟ → آمَنُوا۟، يَسْتَهْزِءُونَ → يَسْتَهْزِئُونَ، أَءِذَا → أَإِذَا."""


# فَسْـَٔلْ → فَاسْأَلْ، وَسْـَٔلُوا۟ → وَاسْأَلُوا۟: after و and ف the mushaf
# drops the alef of the imperative of سأل; standard spelling keeps it.
IMPERATIVE_OF_SAL = Rule(f"\u0633(?<!{_WORD}{_NOT_SEPARATOR * 2}\u0633)(?<=[\u0641{WAW}]{FATHA}\u0633)(?={_SUKUN}{TATWEEL}{FATHA}?{HAMZA_ABOVE})",
                         ALEF + "\u0633", triggers=HAMZA_ABOVE, produces=ALEF, separable=True, cut=_LINE)

# جَزَٰٓؤُا۟ → جَزَاءُ، ٱلْمَلَؤُا۟ → الْمَلَأُ: a final hamza written on و with a
# silent alef is, in standard spelling, on the line after ā and on alef after
# a fatha.
FINAL_HAMZA_ON_WAW = Rule(f"{WAW_HAMZA}(?:(?<={ALEF}{WAW_HAMZA})|(?<={ALEF}{MADDAH_ABOVE}{WAW_HAMZA})|(?<=({FATHA}){WAW_HAMZA}))"
                          f"({_HARAKAT}*){ALEF}{SMALL_HIGH_ROUNDED_ZERO}{_END}",
                          lambda m: (ALEF_HAMZA_ABOVE if m.group(1) else HAMZA) + m.group(2),
                          triggers=SMALL_HIGH_ROUNDED_ZERO, produces=(HAMZA, ALEF_HAMZA_ABOVE), separable=True, cut=_LINE)

# A letter under the small high rounded zero is not pronounced. Standard
# spelling keeps the alef after the plural و (ءَامَنُوا۟ → آمَنُوا), the و of
# أولو، أولئك، أولات and the alef of مائة; a silent alef or yeh elsewhere it
# does not write (لَأَا۟ذْبَحَنَّهُۥ → لَأَذْبَحَنَّهُ، أَفَإِي۟ن → أَفَإِن). (A
# silent و elsewhere is in one word only, سَأُو۟رِيكُمْ: not worth a pass.)
DEFECTIVE_VERB_ROOTS = ("دع", "تل", "رج", "عف", "مح", "بل", "رب", "نج", "عل", "خل", "دن", "شك", "لغ")
"""First two radicals of the verbs whose last radical is و (دعا يدعو، تلا يتلو،
رجا يرجو …). The mushaf writes a silent alef after the و of their present
tense (يَدْعُوا۟، نَتْلُوا۟) as after the plural و; standard spelling writes it
only after the plural: يدعو، نتلو. (With ت the form may be either: تدعو or
the plural تدعوا, so it is left as written.)"""

_SINGULAR_WAW = _behind(
    *(f"{SUKUN}[{''.join(sorted({second for _, second in DEFECTIVE_VERB_ROOTS}))}]{DAMMA}{WAW}{vowel}{ALEF}"
      f"{SMALL_HIGH_ROUNDED_ZERO}" for vowel in ("", FATHA, MADDAH_ABOVE)),
    f"\u0644{DAMMA}{WAW}{ALEF}{SMALL_HIGH_ROUNDED_ZERO}") + _behind(
    f"{WAW}{SMALL_HIGH_ROUNDED_ZERO}\u0644{DAMMA}{WAW}{ALEF}{SMALL_HIGH_ROUNDED_ZERO}",  # أُو۟لُوا۟ → أولو
    *(f"[ينأ]{FATHA}{first}{SUKUN}{second}{DAMMA}{WAW}{vowel}{ALEF}{SMALL_HIGH_ROUNDED_ZERO}"
      for first, second in DEFECTIVE_VERB_ROOTS for vowel in ("", FATHA, MADDAH_ABOVE)))

SILENT_LETTER = (
    Rule(f"{ALEF}{SMALL_HIGH_ROUNDED_ZERO}(?:(?<![{WAW}{SMALL_WAW}]{_NOT_SEPARATOR * 2})"
         f"(?<![{WAW}{SMALL_WAW}][{MADDAH_ABOVE}{SUKUN}{DAMMA}{FATHA}]{_NOT_SEPARATOR * 2})"
         f"(?!{YEH_HAMZA})|{_SINGULAR_WAW})", "", triggers=SMALL_HIGH_ROUNDED_ZERO, produces=(), separable=True, cut=_LINE),
    # أَنذِرُوٓاْ → أَنذِرُوا: a sukun on alef, the silent alef of older
    # vocalizations, marks nothing in standard spelling.
    Rule(f"{SUKUN}{_behind(*(f'[{ALEF}{ALEF_WASLA}]' + marks + SUKUN for marks in _UP_TO_TWO_DELETED))}"
         f"{SUKUN}*", "", triggers=SUKUN,
         produces=(), separable=True, cut=_LINE, name="sukun_on_alef",
         # every match has a sukun right after an alef or a deleted mark
         params={"needs": f"{SUKUN}(?<=[{ALEF}{ALEF_WASLA}{_DELETED[1:-1]}]{SUKUN})"}),
    # (a group, so that re.sub runs it: on UCS-2 text it finds a pair of
    # characters faster than str.replace)
    Rule(f"(?:{YEH}{SMALL_HIGH_ROUNDED_ZERO})", "", triggers=SMALL_HIGH_ROUNDED_ZERO, produces=(), separable=True, cut=_LINE),
)


# --- Yeh without dots, and the small letters -------------------------------------

# فِى → فِي، شَىْءٍ → شَيْءٍ، إِلَىَّ → إِلَيَّ: the mushaf leaves a final yeh
# undotted; a kasra before it, or a vowel, sukun or shadda on it, shows it is
# ي. Alef maksura (عَلَىٰ، إِلَى، هُدًى) has none of these.
DOTLESS_YEH = Rule(f"{ALEF_MAKSURA}(?:{_behind(*(vowel + marks + ALEF_MAKSURA for vowel in (KASRA, KASRA + SHADDA) for marks in _UP_TO_TWO_DELETED))}"
                   f"|(?=[{DAMMATAN}-{SUKUN}{SMALL_YEH}\u08f1\u08f2{SMALL_HIGH_DOTLESS_HEAD_OF_KHAH}]))", YEH,
                   triggers=ALEF_MAKSURA, produces=YEH, separable=True, cut=_LINE)

# بِهِۦ → بِهِ، لَهُۥ → لَهُ: the small waw and yeh after the pronoun ه mark a
# vowel lengthened in recitation, and go; elsewhere they stand for a letter
# the rasm left out (دَاوُۥدَ → دَاوُودَ، يُحْىِۦ → يُحْيِي، ٱلنَّبِيِّـۧنَ →
# النَّبِيِّينَ), written in full.
SMALL_LETTERS = (
    *(Rule(f"{small}(?!{_behind(*(HEH + _NOT_SEPARATOR * n + small for n in range(4)))})", letter, triggers=small,
           produces=letter, separable=True, cut=_LINE) for small, letter in ((SMALL_WAW, WAW), (SMALL_YEH, YEH))),
    Rule(f"{TATWEEL}(?=[{SMALL_WAW}{SMALL_YEH}{SMALL_HIGH_YEH}])", "", triggers=SMALL_WAW + SMALL_YEH + SMALL_HIGH_YEH,
         produces=(), separable=True, cut=_LINE),
)


@functools.cache
def _medina_marks() -> CharMap:
    """The sukun of Medina-mushaf encodings (KFGQPC, Quran.com) as the sukun
    the rules read: ۡ → ْ. (First, so that the rules between this map and the
    last one can be skipped on a text that cannot trigger them; one key, so
    that it costs one probe.)"""
    return CharMap({SMALL_HIGH_DOTLESS_HEAD_OF_KHAH: SUKUN})


@functools.cache
def _finish() -> tuple[Primitive, ...]:
    """What needs no context, done last: alef wasla ٱ → ا (standard spelling
    writes hamzat al-wasl as a bare alef); the small letters of a pronoun's
    long vowel deleted, the others written in full (ۧ → ي, ۨ → ن); the maddah
    of prolongation, the small zero of a silent letter, and the pause,
    section and recitation marks deleted; the open tanween of Medina-mushaf
    encodings written as plain tanween; a hamza mark still apart from a letter
    (U+0654, U+0655: the rules have given every hamza its seat) deleted.

    Deleting every hamza mark here lets a pipeline drop remove_diacritics'
    composition of hamza marks, so that the maps of the steps after this one
    fuse into one pass."""
    table = {ALEF_WASLA: ALEF, SMALL_WAW: "", SMALL_YEH: "", SMALL_HIGH_YEH: YEH, SMALL_HIGH_NOON: "\u0646",
             **OPEN_TANWEEN}
    table.update(dict.fromkeys(PAUSE_MARKS | RECITATION_MARKS | QURANIC_SYMBOLS, ""))
    table.update(dict.fromkeys((*HAMZA_MARKS, SMALL_HIGH_ROUNDED_ZERO), ""))
    return (CharMap(table),)


@functools.cache
def _quranic_spelling() -> tuple[Primitive, ...]:
    return (_medina_marks(), *DECORATIONS, SAD_READ_AS_SEEN, PRECOMPOSED_MADDAH, *SMALL_LETTERS, *VOCATIVE,
            DOUBLED_LAM, DAGGER_ON_WAW, DAGGER_ON_MEDIAL_MAKSURA, *DAGGER_ALEF, FINAL_HAMZA_ON_WAW, *SILENT_LETTER,
            IMPERATIVE_OF_SAL, *HAMZA_SEATS, DOTLESS_YEH, *_finish())


@declare(_quranic_spelling)
def standardize_quranic_spelling(text: str) -> str:
    """Write Quranic (Uthmani) orthography in standard spelling, vowel marks kept.

    For Quranic text as the Medina mushaf writes it (Tanzil's Uthmani text,
    or the same typed and NFC-composed), so that it matches standard Arabic
    for search and for tools trained on standard text. Word by word:

    - the dagger alef U+0670 is written ا where standard spelling writes the
      ā (السماوات، الكتاب، العالمين، إبراهيم), and stays a vowel mark in
      the words standard spelling writes without it (هٰذا، ذٰلك، لٰكن،
      أولٰئك، الرحمٰن، إلٰه); وٰ and ىٰ inside a word are ا (الصلاة،
      الزكاة، الحياة، هداهم، التوراة);
    - alef wasla ٱ → ا; the vocative يا and the ها of ها أنتم are written
      apart, with their alef (يَـٰقَوْمِ → يَا قَوْمِ: one word becomes two);
    - hamza on the line or on a tatweel gets its standard seat (ءَامَنُوا۟ →
      آمَنُوا، يَسْـَٔلُونَ → يَسْأَلُونَ، شَيْـًٔا → شَيْئًا); a maddah that marks
      a prolonged vowel is removed, on alef too (مَآ → مَا);
    - final ى with a kasra before it, or a vowel on it, is ي (فِى → فِي);
    - the small waw and yeh of a pronoun's long vowel are removed (بِهِۦ →
      بِهِ); elsewhere they are written in full (دَاوُۥدَ → دَاوُودَ);
    - a letter under the small zero of silence is dropped where standard
      spelling does not write it (لَأَا۟ذْبَحَنَّهُۥ → لَأَذْبَحَنَّهُ) and kept
      where it does (ءَامَنُوا۟، أُو۟لَـٰٓئِكَ، مِا۟ئَة);
    - pause and section marks (ۖ ۗ ۚ ۛ ۞ ۩ …) and recitation marks are taken
      out; decorations (ہ or a Latin combining mark after Arabic letters)
      too.

    Text in standard spelling comes through unchanged. The ``quran`` preset
    runs this step, then removes marks and tatweel and normalizes spaces.
    How each rule decides, and its accuracy on the whole Quran: docs/quran.md.

    Note:
        Hamza written as a separate mark after its letter (decomposed, NFD
        text) is not read; compose the text first with
        ``unicodedata.normalize("NFC", text)``.

    Args:
        text: Any string.

    Returns:
        The text in standard spelling, with the vowel marks that still apply.

    Examples:
        >>> standardize_quranic_spelling("ٱلسَّمَـٰوَٰتِ وَٱلصَّلَوٰةَ")
        'السَّمَاوَاتِ وَالصَّلَاةَ'
        >>> standardize_quranic_spelling("يَـٰٓأَيُّهَا ٱلَّذِينَ ءَامَنُوا۟")
        'يَا أَيُّهَا الَّذِينَ آمَنُوا'
        >>> standardize_quranic_spelling("هَـٰذَا فِى ٱلْكِتَـٰبِ")
        'هَـٰذَا فِي الْكِتَابِ'
        >>> import arnorm
        >>> arnorm.normalize("يَسْـَٔلُونَكَ عَنِ ٱلْخَمْرِ وَٱلْمَيْسِرِ ۖ", preset="quran")
        'يسألونك عن الخمر والميسر'
    """
    return run(_quranic_spelling(), require_str(text))
