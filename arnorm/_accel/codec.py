"""A short text's character map in three C calls, by CPython's charmap codec.

A text whose characters all belong to an *alphabet* of at most 256
characters (the common characters of Arabic text: ASCII, the Arabic
letters and harakat, the usual punctuation) is encoded to one byte per
character by ``codecs.charmap_encode``; ``bytes.translate`` then maps and
deletes bytes, and ``codecs.charmap_decode`` turns them back into text.
That costs a few ns per character whatever the number of keys, where a
guarded chain (:mod:`.maps`) pays one ``in`` test per key (the figures:
docs/benchmarks/rows.md).

A text with any other character is not encoded (the encoder drops it, so
the byte count tells, without an exception) and takes the usual path.

>>> alphabet = Alphabet("\\x00 \\u0623\\u0627\\u0628\\u064e")
>>> fold = ByteMap.of(alphabet, {"\\u0623": "\\u0627", "\\u064e": ""})
>>> fold(alphabet.encode("أَب اب"))
'اب اب'
>>> alphabet.encode("أَب اب!") is None  # "!" is not in the alphabet
True
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Mapping

from .probes import FREQUENT

_UNDEFINED = "\ufffe"
"""What a charmap table holds for a byte that stands for no character."""


class Alphabet:
    """At most 256 characters, each encoded as one byte (its position).

    Args:
        chars: Single characters, NUL among them (the codec's fast encoding
            table needs byte 0 to stand for U+0000), all below U+FFFE.

    Raises:
        ValueError: more than 256 characters, no NUL, one at U+FFFE or
            above, or a string that is not one character.
    """

    __slots__ = ("chars", "_table")

    def __init__(self, chars: Iterable[str]) -> None:
        chars = sorted(set(chars))
        if len(chars) > 256 or chars[:1] != ["\x00"] or chars[-1] >= _UNDEFINED or any(len(ch) != 1 for ch in chars):
            raise ValueError("an alphabet holds NUL and at most 255 other characters below U+FFFE")
        self.chars: str = "".join(chars)
        self._table = codecs.charmap_build(self.chars)

    def encode(self, text: str) -> bytes | None:
        """``text`` as one byte per character, or None if it holds a
        character outside the alphabet."""
        # encode_known(text), without the call: every short text comes here
        encoded = codecs.charmap_encode(text, "ignore", self._table)[0]
        return encoded if len(encoded) == len(text) else None

    def encode_known(self, text: str) -> bytes:
        """The characters of ``text`` that are in the alphabet, one byte
        each; the others are left out."""
        return codecs.charmap_encode(text, "ignore", self._table)[0]


class ByteMap:
    """A character map over an alphabet's bytes: translate, decode, and
    expand the characters that it writes as several (… as ...).

    Built by :meth:`of`, which says None when a character the map expands
    is also written by the map (for itself or another), or when the map
    writes U+FFFE (which a charmap table reads as "no character").
    """

    __slots__ = ("_translation", "_deleted", "_decoding", "_expansions")

    def __init__(self, translation: bytes, deleted: bytes, decoding: str,
                 expansions: tuple[tuple[str, str], ...] = ()) -> None:
        self._translation, self._deleted, self._decoding = translation, deleted, decoding
        self._expansions = expansions

    @classmethod
    def of(cls, alphabet: Alphabet, table: Mapping[str, str]) -> ByteMap | None:
        """The map ``table`` on texts encoded by ``alphabet``.

        >>> alphabet = Alphabet("\\x00.\\u2026\\u0627")
        >>> ByteMap.of(alphabet, {"\\u2026": "..."})(alphabet.encode("ا…ا."))
        'ا...ا.'
        """
        images = [table.get(ch, ch) for ch in alphabet.chars]
        expansions = tuple((ch, image) for ch, image in zip(alphabet.chars, images) if len(image) > 1)
        if expansions:  # each stays itself in the bytes, and is expanded after
            expanded = dict(expansions)
            if any(ch in expanded for image in images for ch in image):
                return None  # an expanded character the map also writes: the expansion would not tell them apart
            images = [ch if ch in expanded else image for ch, image in zip(alphabet.chars, images)]
        written = sorted(set(images) - {""})
        if _UNDEFINED in written:
            return None
        byte_of = {ch: index for index, ch in enumerate(written)}
        translation = bytes(byte_of.get(image, 0) for image in images).ljust(256, b"\x00")
        deleted = bytes(index for index, image in enumerate(images) if not image)
        return cls(translation, deleted, "".join(written).ljust(256, _UNDEFINED), expansions)

    def __call__(self, encoded: bytes) -> str:
        """The mapped text of ``encoded`` (bytes from the alphabet's :meth:`~Alphabet.encode`)."""
        return self.decode(encoded.translate(self._translation, self._deleted))

    def translate(self, encoded: bytes) -> bytes:
        """The mapped bytes of ``encoded``: one byte per character of the
        mapped text, except that a character :meth:`decode` expands (… →
        ...) is still one byte."""
        return encoded.translate(self._translation, self._deleted)

    def decode(self, mapped: bytes) -> str:
        """The text of bytes from :meth:`translate`."""
        text: str = codecs.charmap_decode(mapped, "strict", self._decoding)[0]
        for ch, image in self._expansions:
            if ch in text:
                text = text.replace(ch, image)
        return text

    def byte_table(self, chars: frozenset[str]) -> bytes | None:
        """A table of the mapped bytes: 1 for those that stand for one of
        ``chars``, else 0. None when an expansion writes one of them (its
        byte would not show it).

        >>> alphabet = Alphabet("\\x00.\\u0623\\u0627")
        >>> list(ByteMap.of(alphabet, {"\\u0623": "\\u0627"}).byte_table(frozenset("\\u0627"))[:3])
        [0, 0, 1]
        """
        if any(ch in chars for _, image in self._expansions for ch in image):
            return None
        return bytes(ch in chars for ch in self._decoding)


FREQUENT_ALPHABET = Alphabet(FREQUENT)
"""The characters of most Arabic text (:data:`~.probes.FREQUENT`, whose
ASCII holds the NUL the codec needs): a short text of them alone skips the
probes for rare ones and may run its plan's first map as bytes."""
