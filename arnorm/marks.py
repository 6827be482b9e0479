"""Marks written over and under letters: diacritics, and the tatweel stretch."""

from __future__ import annotations

import functools
import re

from ._chars import ARABIC_MARKS, DIACRITICS, HAMZA_COMPOSITIONS, HAMZA_MARKS, MADDAH_ABOVE, SHADDA, TATWEEL, char_class
from ._rules import CharMap, Primitive, Rule, run
from ._registry import declare, require_str
from ._unicode import normalize

@functools.lru_cache(maxsize=4096)
def _composed(cluster: str) -> str:
    return normalize("NFC", cluster)


def _compose(match: re.Match[str]) -> str:
    cluster = match.group()
    # Only short clusters are cached: one letter with thousands of marks
    # would keep its copy in the cache.
    return _composed(cluster) if len(cluster) <= 16 else normalize("NFC", cluster)


_BASES = frozenset(pair[0] for pair in HAMZA_COMPOSITIONS)


@functools.cache
def hamza_composition(bases: frozenset[str] = _BASES, *, after_deletion: bool = False) -> Rule:
    """The rule composing each letter of ``bases`` with the maddah or hamza
    mark after it, as NFC does (ا + U+0654 → أ), other marks between allowed.

    ``after_deletion`` says that the rule runs right after every other
    Arabic mark was deleted (a faster path then composes pair by pair).
    """
    pattern = char_class(bases) + char_class(ARABIC_MARKS) + "+"
    # The marks are the rarer trigger of the full rule; a narrowed rule's own
    # letters are rarer still (ے), so that a text without them drops it.
    triggers = HAMZA_MARKS if bases == _BASES else bases
    return Rule(pattern, _compose, triggers="".join(sorted(triggers)),
                produces=[composed for pair, composed in HAMZA_COMPOSITIONS.items() if pair[0] in bases],
                name="compose_hamza", cut="[^" + char_class(bases | ARABIC_MARKS)[1:],
                params={"bases": bases, "after_deletion": after_deletion}, separable=True)


COMPOSE_HAMZA = hamza_composition()
"""ا + U+0654 → أ and the other NFC compositions with maddah/hamza marks."""

COMPOSE_HAMZA_AFTER_DELETION = hamza_composition(after_deletion=True)
"""COMPOSE_HAMZA where every other mark is gone."""


def _diacritics(*, keep_shadda: bool = False) -> tuple[Primitive, ...]:
    if not isinstance(keep_shadda, bool):
        raise TypeError(f"keep_shadda must be a bool, got {type(keep_shadda).__name__}")
    return _diacritic_primitives(keep_shadda)


LONE_MADDAH = CharMap.delete(MADDAH_ABOVE)
"""A maddah left after composition, on a letter it does not compose with:
the Quranic mark of a prolonged vowel (ٱلْمَلَٰٓئِكَةُ، عِبَادِهِۦٓ), deleted."""


@functools.cache
def _diacritic_primitives(keep_shadda: bool) -> tuple[Primitive, ...]:
    if keep_shadda:  # shadda stays in clusters: NFC may reorder it
        return (CharMap.delete(DIACRITICS - {SHADDA}), COMPOSE_HAMZA, LONE_MADDAH)
    return (CharMap.delete(DIACRITICS), COMPOSE_HAMZA_AFTER_DELETION, LONE_MADDAH)


@declare(_diacritics)
def remove_diacritics(text: str, *, keep_shadda: bool = False) -> str:
    """Remove tashkeel and every other Arabic nonspacing mark.

    Deletes every character of category Mn in the Arabic blocks (U+0600–U+06FF,
    U+0750–U+077F, U+0870–U+08FF, U+FB50–U+FDFF, U+FE70–U+FEFF,
    U+10EC0–U+10EFF): harakat, tanwin, sukun, shadda, dagger alef U+0670,
    subscript alef U+0656, Quranic annotation marks; and small waw U+06E5 and
    small yeh U+06E6. The set is read from the Unicode database, so marks added
    in new Unicode versions are covered.

    Combining maddah U+0653, hamza above U+0654 and hamza below U+0655 are
    parts of letters, not vowels: where NFC composes them with the letter
    before (ا + U+0654 → أ, و + U+0654 → ؤ, ي + U+0654 → ئ, ا + U+0653 → آ,
    ا + U+0655 → إ, ە + U+0654 → ۀ …) the pair is composed, even when a
    removed vowel stood between them; elsewhere the hamza marks are kept. A
    maddah on a letter it does not compose with is the Quranic mark of a
    prolonged vowel (وٓ، ىٓ، ٱلْمَلَٰٓئِكَةُ) and is removed. Symbols that are
    not marks (end of ayah U+06DD, ۞, ۩) stay.

    Args:
        text: Any string.
        keep_shadda: Keep shadda U+0651 (gemination changes the word:
            عَلَّمَ is not عَلِمَ).

    Returns:
        The text without diacritics.

    Examples:
        >>> remove_diacritics("اللُّغَةُ العَرَبِيَّةُ")
        'اللغة العربية'
        >>> remove_diacritics("هٰذَا")
        'هذا'
        >>> remove_diacritics("سا\\u0654ل")  # decomposed hamza survives as أ
        'سأل'
        >>> remove_diacritics("أَنذِرُو\\u0653ا۟ ا\\u0653خر")  # a maddah on و is a Quranic mark
        'أنذروا آخر'
        >>> remove_diacritics("عَلَّمَ", keep_shadda=True)
        'علّم'
    """
    return run(_diacritics(keep_shadda=keep_shadda), require_str(text))


@functools.cache
def _tatweel() -> tuple[Primitive, ...]:
    return (CharMap.delete(TATWEEL),)


@declare(_tatweel)
def remove_tatweel(text: str) -> str:
    """Remove tatweel (kashida) U+0640, the stroke that stretches a word.

    Examples:
        >>> remove_tatweel("العـــــربية")
        'العربية'
    """
    return run(_tatweel(), require_str(text))
