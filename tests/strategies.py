"""Hypothesis strategies: any text, and text dense in what arnorm changes."""

from __future__ import annotations

from hypothesis import strategies as st

from arnorm._chars import (
    ARABIC_MARKS,
    DASHES,
    DOUBLE_QUOTES,
    INVISIBLES,
    PRESENTATION_FOLDS,
    SINGLE_QUOTES,
    SPACES,
)

# Every code point, lone surrogates included.
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=60)

_ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x064B)] + list("ٱٲٳکڪەہیۀۂۓے")
INTERESTING = (
    _ARABIC_LETTERS * 4
    + sorted(ARABIC_MARKS)
    + list("\u06e5\u06e6\u06dd\u06de\u06e9\u0640")
    + sorted(PRESENTATION_FOLDS)[::7]
    + ["\ufefb", "\ufdf2", "\ufdfa", "\ufe70"]
    + sorted(INVISIBLES)
    + sorted(SPACES) + [" "] * 6 + ["\t", "\n", "\r", "\r\n", "\x85", "\u2028", "\u2029"]
    + sorted(DOUBLE_QUOTES) + sorted(SINGLE_QUOTES) + ['"', "'", "\u2026"] + sorted(DASHES)
    + list("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789")
    + list("abcXYZ.,!؟،؛()-")
    + ["\ud800", "\U0001f600", "\u0300"]
)
arabic_text = st.lists(st.sampled_from(INTERESTING), max_size=80).map("".join)

texts = st.one_of(any_text, arabic_text)
