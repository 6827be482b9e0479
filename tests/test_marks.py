"""remove_diacritics and remove_tatweel."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnorm import remove_diacritics, remove_tatweel
from arnorm._unicode import normalize
from arnorm.marks import COMPOSE_HAMZA, COMPOSE_HAMZA_AFTER_DELETION


@pytest.mark.parametrize(
    "text, expected",
    [
        ("اللُّغَةُ العَرَبِيَّةُ", "اللغة العربية"),
        ("كِتَابٌ", "كتاب"),
        ("شُكْرًا", "شكرا"),  # fathatan after the alef-less form
        ("وَلَدٍ", "ولد"),
        ("هٰذَا", "هذا"),  # dagger alef U+0670
        ("ذٰلِكَ", "ذلك"),
        ("الرَّحْمٰنِ", "الرحمن"),
        ("إِلٰهٖ", "إله"),  # small yeh U+06E6 is not Mn but is removed
        ("دَاوُۥدَ", "داود"),  # small waw U+06E5
        ("بِسْمِ ٱللَّهِ ٱلرَّحْمَـٰنِ ٱلرَّحِيمِ", "بسم ٱلله ٱلرحمـن ٱلرحيم"),
        # Quranic annotation marks (U+06D6–U+06DC, U+06E2, U+06ED) inside a real ayah
        ("ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ هُدًى لِّلْمُتَّقِينَ", "ذلك ٱلكتب لا ريب  فيه  هدى للمتقين"),
        ("وَمِنْهُم مَّن يَقُولُ رَبَّنَآ ءَاتِنَا", "ومنهم من يقول ربنآ ءاتنا"),  # آ is a letter
        ("صَلَّى ٱللَّهُ عَلَيْهِ وَسَلَّمَ ۖ", "صلى ٱلله عليه وسلم "),
        ("إِنَّ ٱللَّهَ غَفُورٌ رَّحِيمٌ ۝١", "إن ٱلله غفور رحيم ۝١"),  # U+06DD stays
        ("۞ وَٱعْلَمُو\u0653ا۟", "۞ وٱعلموا"),  # ۞ stays; maddah on و composes with nothing: a Quranic mark, removed
        ("فِى ٱلْأَرْضِ ۩", "فى ٱلأرض ۩"),  # U+06E9 stays
        ("", ""),
        ("plain ASCII 123", "plain ASCII 123"),
        ("ا\u08f0\u0897ب\U00010efd", "اب"),  # newer marks: Unicode 12 tanween, 16 pepet, 15 Extended-C
    ],
)
def test_remove_diacritics(text: str, expected: str) -> None:
    assert remove_diacritics(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("سا\u0654ل", "سأل"),  # decomposed hamza above alef
        ("ا\u0655سلام", "إسلام"),  # hamza below
        ("ا\u0653خر", "آخر"),  # maddah
        ("مسو\u0654ول", "مسؤول"),
        ("ري\u0654يس", "رئيس"),
        ("ا\u064e\u0654حمد", "أحمد"),  # a fatha between alef and hamza is removed, then composed
        ("ە\u0654", "\u06c0"),  # ۀ
        ("ہ\u0654", "\u06c2"),
        ("ے\u0654", "\u06d3"),
        ("ب\u0654", "ب\u0654"),  # no composition exists: kept
        ("\u0654", "\u0654"),  # a lone mark is kept
        ("ء\u0653", "ء"),  # a maddah that composes with nothing is removed
        ("ب\u0655", "ب\u0655"),  # hamza below that composes with nothing: kept
    ],
)
def test_remove_diacritics_composes_hamza_marks(text: str, expected: str) -> None:
    assert remove_diacritics(text) == expected


def test_maddah_on_alef_in_quran_is_composed() -> None:
    # In Quranic orthography ٓ (U+0653) after a plain alef is the madda of آ.
    assert remove_diacritics("جَا\u0653ءَ") == "جآء"


@pytest.mark.parametrize("text, expected", [
    ("ٱلملٓئكة", "ٱلملئكة"),  # on lam (issue #27)
    ("ٱلْمَلَـٰٓئِكَةُ", "ٱلملـئكة"),  # on a dagger alef
    ("عِبَادِهِۦٓ", "عباده"),  # on a small yeh
    ("الٓمٓ", "الم"),  # on the disjoined letters
    ("فِى\u0653", "فى"),
    ("ا\u064e\u0653", "آ"),  # on alef, vowel between: composes
    ("ل\u0653", "ل"),
])
def test_a_maddah_on_a_letter_it_does_not_compose_with_is_removed(text: str, expected: str) -> None:
    assert remove_diacritics(text) == expected
    assert remove_diacritics(text, keep_shadda=True) == expected


def test_remove_diacritics_keep_shadda() -> None:
    assert remove_diacritics("عَلَّمَ", keep_shadda=True) == "علّم"
    assert remove_diacritics("الرَّحْمٰنِ", keep_shadda=True) == "الرّحمن"
    assert remove_diacritics("عَلَّمَ") == "علم"


def test_keep_shadda_still_composes_hamza_across_shadda() -> None:
    # NFC orders shadda (ccc 33) before hamza above (ccc 230) and composes.
    assert remove_diacritics("ا\u0654\u0651", keep_shadda=True) == "أ\u0651"
    assert remove_diacritics("ا\u0651\u0654", keep_shadda=True) == "أ\u0651"


def test_result_is_nfc_where_hamza_marks_were_decomposed() -> None:
    text = "سا\u0654ل مسو\u0654ول"
    assert remove_diacritics(text) == normalize("NFC", text)


def test_keep_shadda_rejects_non_bool() -> None:
    with pytest.raises(TypeError, match="keep_shadda"):
        remove_diacritics("x", keep_shadda="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="keep_shadda"):
        remove_diacritics("x", keep_shadda=1)  # type: ignore[arg-type]


def test_non_arabic_marks_are_untouched() -> None:
    assert remove_diacritics("café naïve e\u0301") == "café naïve e\u0301"
    assert remove_diacritics("שָׁלוֹם") == "שָׁלוֹם"  # Hebrew points are not Arabic


@pytest.mark.parametrize(
    "text, expected",
    [
        ("العـــــربية", "العربية"),
        ("روبرـــــت", "روبرت"),
        ("ـ", ""),
        ("بلا تطويل", "بلا تطويل"),
    ],
)
def test_remove_tatweel(text: str, expected: str) -> None:
    assert remove_tatweel(text) == expected


@given(text=st.lists(st.sampled_from(["ا", "و", "ي", "ە", "ب", " ", "\u0653", "\u0654", "\u0655", "\u064e"]),
                     max_size=40).map("".join))
def test_composition_after_deletion_equals_nfc_clusters(text: str) -> None:
    """After the other marks are deleted, remove_diacritics composes hamza
    marks pair by pair; it must equal NFC on every cluster."""
    bare = text.replace("\u064e", "")
    assert COMPOSE_HAMZA_AFTER_DELETION(bare) == COMPOSE_HAMZA(bare)
    assert remove_diacritics(text) == COMPOSE_HAMZA(bare).replace("\u0653", "")  # a lone maddah goes


def test_composition_after_deletion_of_a_long_run_of_marks() -> None:
    run = "ب" + "\u0654" * 200_000 + "ا\u0654"
    assert remove_diacritics(run) == run[:-2] + "أ"


def test_composition_by_pairs_on_a_long_text_equals_nfc_clusters() -> None:
    """A text long enough to be cut into pieces: no cut parts a cluster."""
    import random

    rng = random.Random(7)
    pieces = ["ا", "و", "ي", "ە", "ہ", "ے", "ب", " ", "\u0653", "\u0654", "\u0655"]
    text = "".join(rng.choice(pieces) for _ in range(300_000))
    assert COMPOSE_HAMZA_AFTER_DELETION(text) == COMPOSE_HAMZA.pattern.sub(COMPOSE_HAMZA.replacement, text)
