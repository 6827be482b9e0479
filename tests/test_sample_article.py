"""The default preset on the shared sample article (skipped without ../shared)."""

from __future__ import annotations

import re

import arnorm


def test_standard_preset_restores_standard_spelling(sample_article: str) -> None:
    out = arnorm.normalize(sample_article)
    words = re.findall(r"[\u0621-\u064a]+", out)
    for egyptian in ("فى", "التى", "والتى", "الأمريكى", "العسكرى", "الروسى", "السورى", "هى", "أى",
                     "كيرى", "مقاتلى", "وزيرى", "سيرجى"):
        assert egyptian not in words, egyptian
    for standard in ("في", "التي", "الأمريكي", "العسكري", "الروسي", "السوري", "كيري", "مقاتلي",
                     "وزيري", "سيرجي", "هي", "أي"):
        assert standard in words, standard
    for maksura in ("على", "إلى", "المدى", "الأولى", "الأعلى", "أخرى", "سوى"):
        assert maksura in words, maksura
    assert not set(out) & set("“”«»\u0640\u2013") and not re.search("[\u064b-\u0652]", out)
    assert '"التصعيد العسكري الروسي"' in out
    assert "سوريا - ولاسيما" in out


def test_every_final_yaa_word_of_the_article(sample_article: str, sample_yaa_table) -> None:
    out_words = re.findall(r"[\u0621-\u064a]+", arnorm.normalize(sample_article))
    in_words = re.findall(r"[\u0621-\u064a]+", re.sub("[\u064b-\u0652\u0640]", "", sample_article))
    assert len(out_words) == len(in_words)
    expected = {written: correct for written, correct, _ in sample_yaa_table}
    for before, after in zip(in_words, out_words):
        if before in expected:
            assert after == expected[before], before


def test_only_final_letters_quotes_dashes_and_marks_change(sample_article: str) -> None:
    out = arnorm.normalize(sample_article)
    # Undo the intended edits; what is left must be the article itself.
    folded = re.sub("[\u064b-\u0652\u0640]", "", sample_article)
    folded = folded.replace("\u201c", '"').replace("\u201d", '"').replace("\u2013", "-")
    assert out.replace("ي", "ى") == re.sub(r"[ \t]+\n", "\n", folded).strip().replace("ي", "ى")
