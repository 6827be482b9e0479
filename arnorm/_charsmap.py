"""A character map in the binary form of SentencePiece's ``precompiled_charsmap``.

``tokenizers.normalizers.Precompiled`` runs such a map in one pass, in Rust,
and saves with the tokenizer. The blob is

* a little-endian ``u32``: the size in bytes of the trie that follows;
* the trie, a double array of ``u32`` units over the UTF-8 bytes of the keys;
* the replacements, each UTF-8 and ended by a NUL byte; a key's leaf holds
  the byte offset of its replacement.

A unit packs a label (bits 0–7: the byte that leads to it), a has-leaf flag
(bit 8) and the offset from its own index to the base of its children (from
bit 10). The children of a node at index ``p`` whose unit has offset ``o``
sit at ``(p ^ o) ^ byte``, its leaf at ``p ^ o``; a leaf unit has bit 31 set
(so that no byte label equals it) and holds its value in bits 0–30. The
lookup walks the key's bytes and checks each unit's label; every base is
used by one node only, so that a wrong walk always meets a wrong label,
and the array covers the whole 256-unit block of every base (the walk
reads the unit at ``base ^ byte`` before it checks the label).

>>> blob = precompiled_charsmap({"\\ufefb": "\\u0644\\u0627", "\\u0640": ""})
>>> int.from_bytes(blob[:4], "little") % 4, blob.endswith("\\u0644\\u0627\\0".encode())
(0, True)
>>> lookup(blob, "\\ufefb"), lookup(blob, "\\u0640"), lookup(blob, "a")
('لا', '', None)
"""

from __future__ import annotations

import struct
from collections.abc import Mapping

_LEAF = 1 << 31
_HAS_LEAF = 1 << 8
_MAX_OFFSET = 1 << 21  # offsets above this need the extended form, which small maps never do


def precompiled_charsmap(table: Mapping[str, str]) -> bytes:
    """The ``precompiled_charsmap`` of ``{key: replacement}`` (keys non-empty, without NUL)."""
    blob = bytearray()
    where: dict[str, int] = {}
    for value in sorted(set(table.values())):
        if "\0" in value:
            raise ValueError("a replacement cannot hold NUL")
        where[value] = len(blob)
        blob += value.encode("utf-8") + b"\0"
    root: dict = {}
    for key, value in table.items():
        if not key or "\0" in key:
            raise ValueError(f"keys are non-empty and without NUL, got {key!r}")
        node = root
        for byte in key.encode("utf-8"):
            node = node.setdefault(byte, {})
        node[None] = where[value]
    units = _double_array(root)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(blob)


def _double_array(root: dict) -> list[int]:
    """The units of the trie ``root`` (``{byte: child, None: value}``), breadth first."""
    units: dict[int, int] = {0: 0}
    bases: set[int] = set()
    free = 256  # block 0 holds the root alone
    queue = [(root, 0)]
    for node, position in queue:
        labels = [label for label in node if label is not None]
        slots = [0, *labels]  # the base itself: the leaf, or kept free so no base is shared
        while free in units:
            free += 1
        base = free
        while base in bases or any((base ^ label) in units for label in slots):
            base += 1
        bases.add(base)
        offset = position ^ base
        if offset >= _MAX_OFFSET:
            raise ValueError("the map is too large for a precompiled charsmap")
        units[position] = (units[position] & 0x1FF) | (offset << 10)
        units[base] = node[None] | _LEAF if None in node else 0
        for label in labels:
            child = node[label]
            units[base ^ label] = label | (_HAS_LEAF if None in child else 0)
            queue.append((child, base ^ label))
    # The walk reads base ^ byte for any byte before checking the label: the
    # array covers the whole 256-unit block of every base.
    size = (max(max(units), *bases) | 0xFF) + 1
    return [units.get(index, 0) for index in range(size)]


def lookup(blob: bytes, key: str) -> str | None:
    """The replacement of ``key`` in ``blob`` (None: not a key): the walk the
    Rust side does, for tests."""
    (size,) = struct.unpack_from("<I", blob)
    units = struct.unpack_from(f"<{size // 4}I", blob, 4)
    strings = blob[4 + size :]
    position = units[0] >> 10
    value = None
    for byte in key.encode("utf-8"):
        position ^= byte
        if position >= len(units) or units[position] & (_LEAF | 0xFF) != byte:
            return None
        has_leaf = units[position] & _HAS_LEAF
        position ^= units[position] >> 10
        value = units[position] & (_LEAF - 1) if has_leaf else None
    if value is None:
        return None
    return strings[value : strings.index(b"\0", value)].decode("utf-8")
