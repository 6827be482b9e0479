"""Alignment of normalized text to its source: one input span per output character.

Every primitive can run in an *aligned* mode that carries, for each character
of the current text, the ``(start, end)`` span of the original input it came
from. The rules, applied by :class:`Aligner` to every replaced piece:

* characters that stay the same at the start or end of a replaced piece keep
  their own span (ى → ي keeps the span of ى);
* the rest of the output takes the span of the rest of the source: an
  expansion (ﻻ → لا, … → ...) gives each new character the span of the one it
  came from; a merge (ا + U+0654 → أ, a run of spaces → one) gives the one
  character the span of all;
* a deleted character widens the span of the output character before it, or,
  at the very start, of the first one after it; inside a replaced piece it
  joins the piece's kept characters (CRLF → LF: the LF spans both).

So spans are in order (starts and ends never decrease), every input character
lies in the span of some output character (when there is any output), and
only the characters of one expansion share a span.

>>> aligner = Aligner()
>>> aligner.replace("", [(0, 1)])        # a deleted RLM at the start
>>> aligner.replace("لا", [(1, 2)])      # ﻻ expands to two letters
>>> aligner.replace("", [(2, 3)])        # a deleted mark
>>> aligner.spans
[(0, 2), (1, 3)]
"""

from __future__ import annotations

Span = tuple[int, int]


class Aligner:
    """Builds an output text and its spans piece by piece."""

    __slots__ = ("parts", "spans", "_pending_start")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self._pending_start: int | None = None

    def keep(self, text: str, spans: list[Span]) -> None:
        """Copy ``text`` unchanged with its spans."""
        if not text:
            return
        self.parts.append(text)
        start = len(self.spans)
        self.spans.extend(spans)
        self._absorb_pending(start)

    def replace(self, piece: str, source: list[Span], source_text: str = "") -> None:
        """Append ``piece``, which replaces characters whose spans are ``source``."""
        if not source and not piece:
            return
        if not piece:
            self._delete(source)
            return
        first = len(self.spans)
        self.parts.append(piece)
        if not source:  # pure insertion: a zero-width span where it happens
            at = self.spans[-1][1] if self.spans else (self._pending_start or 0)
            self.spans.extend([(at, at)] * len(piece))
            self._absorb_pending(first)
            return
        prefix = _common_prefix(piece, source_text) if source_text else 0
        suffix = _common_suffix(piece[prefix:], source_text[prefix:]) if source_text else 0
        self.spans.extend(source[:prefix])
        middle_out = len(piece) - prefix - suffix
        middle_src = source[prefix : len(source) - suffix]
        if middle_out and middle_src:
            if middle_out == len(middle_src):
                self.spans.extend(middle_src)
            else:
                self.spans.extend([(middle_src[0][0], middle_src[-1][1])] * middle_out)
        elif middle_out:  # inserted characters: zero-width, where they were inserted
            at = source[prefix][0] if prefix < len(source) else source[-1][1]
            self.spans.extend([(at, at)] * middle_out)
        elif middle_src and prefix:  # deleted inside the piece: joins the kept start
            last = len(self.spans) - 1
            self.spans[last] = (self.spans[last][0], middle_src[-1][1])
        elif middle_src and not suffix:
            self._delete(middle_src)
        if suffix:
            tail = source[len(source) - suffix :]
            if middle_src and not middle_out and not prefix:  # ...or the kept end
                tail[0] = (middle_src[0][0], tail[0][1])
            self.spans.extend(tail)
        self._absorb_pending(first)

    def text(self) -> str:
        return "".join(self.parts)

    def _delete(self, source: list[Span]) -> None:
        if not source:
            return
        if self.spans:
            start, _ = self.spans[-1]
            self.spans[-1] = (start, max(self.spans[-1][1], source[-1][1]))
        elif self._pending_start is None:
            self._pending_start = source[0][0]

    def _absorb_pending(self, index: int) -> None:
        if self._pending_start is not None and index < len(self.spans):
            start, end = self.spans[index]
            self.spans[index] = (min(start, self._pending_start), end)
            self._pending_start = None


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


def identity_spans(text: str) -> list[Span]:
    """The spans of an unchanged text: ``(i, i + 1)`` for each character."""
    return [(i, i + 1) for i in range(len(text))]


def input_span(offsets: list[Span], start: int, end: int) -> Span:
    """Map the output span ``[start, end)`` back to the input.

    Args:
        offsets: The offsets from :meth:`arnorm.Pipeline.normalize_with_offsets`.
        start: First output character.
        end: One past the last output character.

    Returns:
        The ``(start, end)`` span of the input those characters came from; an
            empty output span maps to an empty input span at the same place.

    Examples:
        >>> from arnorm import Pipeline
        >>> text = "قال: فِى القاهرة"
        >>> normalized, offsets = Pipeline.from_preset("standard").normalize_with_offsets(text)
        >>> start = normalized.index("القاهرة")
        >>> a, b = input_span(offsets, start, start + len("القاهرة"))
        >>> text[a:b]
        'القاهرة'
    """
    if not 0 <= start <= end <= len(offsets):
        raise ValueError(f"span ({start}, {end}) is outside the output of length {len(offsets)}")
    if start == end:
        at = offsets[start][0] if start < len(offsets) else (offsets[-1][1] if offsets else 0)
        return (at, at)
    return (offsets[start][0], offsets[end - 1][1])
