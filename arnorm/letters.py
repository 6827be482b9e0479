"""Letter variants: alef and hamza forms, alef maksura, teh marbuta, Persian and
Urdu look-alikes, and Arabic presentation forms."""

from __future__ import annotations

import functools
import re

from ._chars import (
    AE,
    ALEF,
    ALEF_FORMS,
    ALEF_MAKSURA,
    ARABIC_LETTERS,
    ARABIC_MARKS,
    FARSI_YEH,
    HAMZA_ABOVE,
    HAMZA_MARKS,
    HEH,
    HEH_GOAL,
    KAF,
    KEHEH,
    PRESENTATION_FOLDS,
    SWASH_KAF,
    TEH_MARBUTA,
    WAW,
    WAW_HAMZA,
    YEH,
    YEH_HAMZA,
    char_class,
)
from ._rules import CharMap, Primitive, Rule, run
from ._registry import declare, require_str


# An alef followed by marks among which a combining maddah or hamza: the
# decomposed spelling of an alef form (ا + U+0654 is canonically أ).
_DECOMPOSED_ALEF = re.compile(
    char_class(ALEF_FORMS | {ALEF}) + char_class(ARABIC_MARKS) + "*" + char_class(HAMZA_MARKS)
    + char_class(ARABIC_MARKS) + "*"
)
_MADDAH, _HAMZA_ABOVE, _HAMZA_BELOW = sorted(HAMZA_MARKS)


def _fold_decomposed_alef(match: re.Match[str]) -> str:
    # Three replaces cost a third of a str.translate on a few marks.
    marks = match.group()[1:]
    return ALEF + marks.replace(_MADDAH, "").replace(_HAMZA_ABOVE, "").replace(_HAMZA_BELOW, "")


FOLD_DECOMPOSED_ALEF = Rule(_DECOMPOSED_ALEF, _fold_decomposed_alef, triggers="".join(sorted(HAMZA_MARKS)),
                            produces=ALEF, name="fold_decomposed_alef", separable=True,
                            cut="(?s:.)(?!" + char_class(ARABIC_MARKS) + ")")
"""ا followed by a combining maddah or hamza (marks between allowed) → ا."""


@functools.cache
def _alef() -> tuple[Primitive, ...]:
    return (FOLD_DECOMPOSED_ALEF, CharMap(dict.fromkeys(ALEF_FORMS, ALEF)))


@declare(_alef)
def normalize_alef(text: str) -> str:
    """Fold hamza-carrying and wasla alef forms to bare alef ا (U+0627).

    أ U+0623, إ U+0625, آ U+0622, ٱ U+0671, ٲ U+0672, ٳ U+0673 → ا. Writers
    drop hamza on alef freely (احمد for أحمد), so search keys fold them. The
    decomposed spellings (ا followed by combining maddah U+0653, hamza above
    U+0654 or below U+0655, other marks between allowed) are canonically the
    same letters and fold the same way; other marks stay.

    Note:
        Lossy: meant for search keys, not for display text.

    Examples:
        >>> normalize_alef("أحمد إلى آخر ٱلكتاب")
        'احمد الى اخر الكتاب'
    """
    return run(_alef(), require_str(text))


@functools.cache
def _hamza() -> tuple[Primitive, ...]:
    folds = {**dict.fromkeys(ALEF_FORMS, ALEF), WAW_HAMZA: WAW, YEH_HAMZA: YEH}
    return (CharMap({**folds, **dict.fromkeys(HAMZA_MARKS, "")}),)


@declare(_hamza)
def normalize_hamza(text: str) -> str:
    """Fold letters carrying hamza to their bare letter: ؤ → و, ئ → ي, أ إ آ → ا.

    The alef forms fold as in :func:`normalize_alef`. A lone hamza ء is kept.

    Combining maddah U+0653, hamza above U+0654 and hamza below U+0655 are
    removed wherever they stand: they are the decomposed spelling of the same
    hamza (و + U+0654 is canonically ؤ).

    Note:
        Lossy: meant for search keys (مسؤول and مسئول both become مسوول).

    Examples:
        >>> normalize_hamza("مسؤول رئيس أنباء")
        'مسوول رييس انباء'
    """
    return run(_hamza(), require_str(text))


@functools.cache
def _alef_maksura() -> tuple[Primitive, ...]:
    return (CharMap({ALEF_MAKSURA: YEH}),)


@declare(_alef_maksura)
def normalize_alef_maksura(text: str) -> str:
    """Turn every alef maksura ى (U+0649) into yeh ي (U+064A).

    Egyptian and much web writing uses ى for final ي and vice versa, so a
    search key that folds both matches either spelling.

    Note:
        Lossy: على and علي become one. To repair spelling instead, use
        :func:`~arnorm.restore_final_yaa`.

    Examples:
        >>> normalize_alef_maksura("فى على مستشفى")
        'في علي مستشفي'
    """
    return run(_alef_maksura(), require_str(text))


@functools.cache
def _teh_marbuta() -> tuple[Primitive, ...]:
    return (CharMap({TEH_MARBUTA: HEH}),)


@declare(_teh_marbuta)
def normalize_teh_marbuta(text: str) -> str:
    """Turn teh marbuta ة (U+0629) into heh ه (U+0647).

    Final ة and ه are often confused in informal writing (مدرسه for مدرسة).

    Note:
        Lossy: meant for search keys.

    Examples:
        >>> normalize_teh_marbuta("مدرسة جميلة")
        'مدرسه جميله'
    """
    return run(_teh_marbuta(), require_str(text))


# Farsi yeh ی with an Arabic letter after it (marks in between ignored) is medial.
_MEDIAL_FARSI_YEH = re.compile(
    FARSI_YEH + "(?=" + char_class(ARABIC_MARKS) + "*" + char_class(ARABIC_LETTERS) + ")"
)


# ە or ہ that is not the base of a decomposed ۀ or ۂ (hamza above after it,
# marks between allowed): those stay, as their composed forms do, so that
# canonically equivalent text gives one result.
_PLAIN_AE_OR_HEH_GOAL = re.compile(
    char_class({AE, HEH_GOAL}) + "(?!" + char_class(ARABIC_MARKS) + "*" + HAMZA_ABOVE + ")"
)


@functools.cache
def _persian_letters() -> tuple[Primitive, ...]:
    return (
        Rule(_MEDIAL_FARSI_YEH, YEH, triggers=FARSI_YEH, produces=YEH, name="medial_farsi_yeh",
             separable=True),
        Rule(_PLAIN_AE_OR_HEH_GOAL, HEH, triggers=AE + HEH_GOAL, produces=HEH, separable=True),
        CharMap({FARSI_YEH: ALEF_MAKSURA, KEHEH: KAF, SWASH_KAF: KAF}),
    )


@declare(_persian_letters)
def normalize_persian_letters(text: str) -> str:
    """Replace Persian and Urdu look-alike letters typed on non-Arabic keyboards.

    ک U+06A9 and ڪ U+06AA → ك; ە U+06D5 and ہ U+06C1 → ه; Farsi yeh ی U+06CC →
    ي when an Arabic letter follows it (marks in between ignored), else → ى.
    Persian keyboards type both ي and ى as ی, so a word-final ی is ambiguous
    (علی is على or علي): it becomes ى, which
    :func:`~arnorm.restore_final_yaa` then decides in context. ۀ U+06C0 and
    ۂ U+06C2 (ە and ہ with hamza above) have no Arabic letter and stay, and
    so do their decomposed spellings (ە or ہ, then U+0654), which
    :func:`~arnorm.remove_diacritics` composes: the two spellings give one
    result.

    Examples:
        >>> normalize_persian_letters("کتاب یوم")
        'كتاب يوم'
        >>> normalize_persian_letters("علی فی")
        'على فى'
    """
    return run(_persian_letters(), require_str(text))


@functools.cache
def _presentation_forms() -> tuple[Primitive, ...]:
    return (CharMap(PRESENTATION_FOLDS),)


@declare(_presentation_forms)
def fold_presentation_forms(text: str) -> str:
    """Replace Arabic presentation forms by the characters they stand for.

    Legacy encodings, PDFs and some fonts emit contextual glyph codes
    (U+FB50–U+FDFF, U+FE70–U+FEFE) instead of letters; they look right but
    match nothing. Each such character that has a compatibility decomposition
    becomes its NFKC form: positional forms → base letters, ligatures split
    (ﻻ → لا, ﷲ → الله, ﷺ → صلى الله عليه وسلم). Characters without one
    (﴾ ﴿, ﷽) and everything outside those blocks stay; U+FEFF is left to
    :func:`~arnorm.remove_invisibles`.

    Examples:
        >>> fold_presentation_forms("ﻻ ﺇﻟﻪ ﺇﻻ ﷲ")
        'لا إله إلا الله'
    """
    return run(_presentation_forms(), require_str(text))
