"""Cutting a long text into pieces that a pass rewrites one by one.

A pass over a piece of 64–128 KB keeps its copies in the CPU cache, where
the same pass over 12 MB streams through memory. A piece ends where the
work cannot tell: anywhere for a character map, and for a rule just after
the first match of its ``cut`` pattern that ends at or after the nominal end.

>>> in_pieces(str.upper, "abc def ghi", size=2, cut=" ")
'ABC DEF GHI'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

Cut = Callable[[str, int], int]


def in_pieces(func: Callable[[str], str], text: str, size: int, cut: str | Cut = "") -> str:
    """``func`` run on pieces of about ``size`` code points of ``text``.

    Args:
        cut: Where a piece may end: just after a match of this pattern (at
            least one character long) found from the character before the
            nominal end on (no match: the text's end); or a function of the
            text and that end; empty, anywhere.
    """
    where = _cut_at(cut) if isinstance(cut, str) and cut else cut or None
    pieces, start, length = [], 0, len(text)
    while start < length:
        end = min(start + size, length)
        if where is not None and end < length:
            end = min(where(text, end), length)  # type: ignore[operator]
        pieces.append(func(text[start:end]))
        start = end
    return "".join(pieces)


@functools.lru_cache(maxsize=None)
def _cut_at(pattern: str) -> Cut:
    search = re.compile(pattern).search

    def cut(text: str, end: int) -> int:
        found = search(text, end - 1)
        return len(text) if found is None else found.end()

    return cut
