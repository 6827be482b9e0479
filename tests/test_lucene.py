"""The lucene preset against the cases of Lucene's TestArabicNormalizationFilter."""

from __future__ import annotations

import pytest

from arnorm import Pipeline, normalize, normalize_lucene

# (input, expected) of every check() in Lucene's TestArabicNormalizationFilter.java
LUCENE_CASES = [
    ("آجن", "اجن"),  # testAlifMadda
    ("أحمد", "احمد"),  # testAlifHamzaAbove
    ("إعاذ", "اعاذ"),  # testAlifHamzaBelow
    ("بنى", "بني"),  # testAlifMaksura
    ("فاطمة", "فاطمه"),  # testTehMarbuta
    ("روبرـــــت", "روبرت"),  # testTatweel
    ("مَبنا", "مبنا"),  # testFatha
    ("علِي", "علي"),  # testKasra
    ("بُوات", "بوات"),  # testDamma
    ("ولداً", "ولدا"),  # testFathatan
    ("ولدٍ", "ولد"),  # testKasratan
    ("ولدٌ", "ولد"),  # testDammatan
    ("نلْسون", "نلسون"),  # testSukun
    ("هتميّ", "هتمي"),  # testShaddah
    ("", ""),  # testEmptyTerm
]


@pytest.mark.parametrize("text, expected", LUCENE_CASES)
def test_lucene_cases(text: str, expected: str) -> None:
    assert normalize(text, preset="lucene") == expected
    assert normalize_lucene(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ٱلكتاب",  # alef wasla stays
        "مسؤول",  # waw with hamza stays
        "رئيس",  # yeh with hamza stays
        "هٰذا",  # dagger alef stays
        "ک ی ە",  # Persian letters stay
        "“x” ٢٠٢٤ \u200f  a",  # quotes, digits, invisibles and spaces stay
    ],
)
def test_lucene_does_nothing_more(text: str) -> None:
    assert normalize(text, preset="lucene") == text


def test_lucene_preset_is_the_single_step() -> None:
    assert [step.name for step in Pipeline.from_preset("lucene").steps] == ["normalize_lucene"]
