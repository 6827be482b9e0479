"""Running a character map: the fastest path for its table and the text.

Outside ASCII ``str.translate`` runs at 10–60 MB/s, while ``ch in text``
scans at memory speed and ``str.replace`` of a present character costs one
copy. So a map runs as a *chain*: its frequent keys as ``str.replace``, each
guarded by ``in``, and its rare keys (presentation forms, Quranic marks,
bidi controls) found by one probe, only those present replaced. A long text
goes in pieces that stay in the CPU cache; a long text dense in keys (the
vocalized Quran) goes through a NumPy lookup (:mod:`.lookup`) in one pass.
:meth:`MapRunner.path` is the one place that chooses.

A chain equals the simultaneous mapping only when no replacement holds a
key; any other map runs as ``str.translate``.

>>> run = MapRunner({"\\u0640": "", "\\ufefb": "\\u0644\\u0627"})
>>> run("ﻻ عـــرب"), run.path("ﻻ عـــرب")
('لا عرب', 'chain')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .._chars import char_class
from .pieces import in_pieces
from .policy import DEFAULT, Policy
from .probes import FREQUENT, present_keys, probe_class

Items = tuple[tuple[str, str], ...]
Tail = tuple[tuple[Callable[[Any], Any], Callable[[str], str]], ...]
"""Rules run right after a map, each as (its NumPy form, its function)."""


def one_deletion(items: Iterable[tuple[str, str]]) -> Items:
    """A chain's items with all deletions made by one ``replace``: every
    deleted key but the last first becomes the last (a swap of one code
    point for another is done in place), which is deleted at the end. Equal
    to the chain because no replacement holds a key.

    >>> one_deletion([("\u064e", ""), ("\u0623", "\u0627"), ("\u064f", "")])
    (('\u064e', '\u064f'), ('\u0623', '\u0627'), ('\u064f', ''))
    """
    items = tuple(items)
    deleted = [key for key, value in items if not value]
    if len(deleted) < 2:
        return items
    last = deleted[-1]
    return tuple((key, value or last) for key, value in items if key != last) + ((last, ""),)


def replace_each(items: Iterable[tuple[str, str]], text: str) -> str:
    """Each key present in ``text`` replaced, in order."""
    for key, value in items:
        if key in text:
            text = text.replace(key, value)
    return text


class MapRunner:
    """One character map, and the rules of its tail, run on any text.

    Args:
        table: ``{character: replacement}``.
        tail: Rules to run after the map: in the lookup's array when the
            text takes the NumPy path, else on the text.
        policy: The thresholds of the paths.
        lookup: Whether a long text dense in keys may take the NumPy lookup
            (not for the chains that the lookup itself runs).
    """

    def __init__(self, table: Mapping[str, str], tail: Tail = (), policy: Policy = DEFAULT,
                 lookup: bool = True) -> None:
        self.table, self.tail, self.policy = dict(table), tail, policy
        self.funcs = tuple(func for _, func in tail)
        self.translation = {ord(key): value for key, value in table.items()}
        self.simultaneous = any(ch in table for value in table.values() for ch in value)
        small = len(table) <= policy.small_map
        self.hot_items = tuple((k, v) for k, v in table.items() if small or k in FREQUENT)
        self.hot = one_deletion(self.hot_items)
        self.rare = {k: v for k, v in table.items() if not small and k not in FREQUENT}
        self.rare_translation = {ord(key): value for key, value in self.rare.items()}
        probe = re.compile(probe_class(self.rare, policy)) if self.rare else None
        self.search = probe.search if probe else None
        self.findall = probe.findall if probe else None
        self.lookup_ok = (lookup and policy.has_numpy and len(table) >= max(policy.dense_keys, 1)
                          and not self.simultaneous)
        self.sample_keys = re.compile(char_class(table)) if table else None
        self.short = policy.dense_text
        self._lookup: Any = None
        self._present: Callable[[str], set[str]] | None = None

    def path(self, text: str) -> str:
        """Which path runs ``text``: ``"translate"`` (a map whose values
        hold keys), ``"chain"`` (short text), ``"lookup"`` (long text dense
        in keys, with NumPy) or ``"pieces"`` (other long text)."""
        if self.simultaneous:
            return "translate"
        if len(text) < self.policy.dense_text:
            return "chain"
        if self.lookup_ok and self.is_dense(text) and self.policy.numpy is not None:
            return "lookup"
        return "pieces" if len(text) > 2 * self.policy.chunk else "chain"

    def __call__(self, text: str) -> str:
        if len(text) < self.short and not self.simultaneous:  # most calls: a short text
            text = self.chain(text)
            for func in self.funcs:
                text = func(text)
            return text
        path = self.path(text)
        if path == "lookup":
            return self.run_lookup(text)
        if path == "translate":
            text = text.translate(self.translation)
        else:
            text = self.chain(text) if path == "chain" else self.pieces(text)
        for func in self.funcs:
            text = func(text)
        return text

    def is_dense(self, text: str) -> bool:
        """Whether the start of a long text is dense in keys (or, for a map
        with rare keys, holds any): then the lookup is the quicker."""
        policy = self.policy
        sample = text[: policy.dense_sample]
        found = self.sample_keys.findall(sample)  # type: ignore[union-attr]
        if self.rare and found:
            return True
        distinct = len(set(found))
        share = len(found) / max(len(sample), 1)
        return ((share >= policy.dense_share and distinct >= policy.dense_keys)
                or (share >= policy.many_keys_share and distinct >= policy.many_keys))

    def chain(self, text: str) -> str:
        """The frequent keys by guarded ``replace``, then the rare ones found."""
        text = replace_each(self.hot, text)
        if self.search is None or self.search(text) is None:
            return text
        found = set(self.findall(text)).intersection(self.rare)  # type: ignore[misc]
        if len(found) > self.policy.small_map:  # text from a PDF: many distinct keys
            return text.translate(self.rare_translation)
        for key in found:
            text = text.replace(key, self.rare[key])
        return text

    def pieces(self, text: str) -> str:
        """A long text: the rare keys present are listed on the whole text,
        then every key that may be present is replaced piece by piece."""
        present = list(self.hot_items)
        if self.rare and (self.policy.numpy is not None or self.search(text) is not None):  # type: ignore[misc]
            if self._present is None:
                self._present = present_keys(self.rare, self.policy)
            found = self._present(text)
            if len(found) > self.policy.small_map:
                text = text.translate(self.rare_translation)
            else:
                present += [(key, self.rare[key]) for key in found]
        if not present:
            return text
        items = one_deletion(present)
        if len(items) == 1:  # one pass: pieces would only add two copies
            return replace_each(items, text)
        return in_pieces(lambda piece: replace_each(items, piece), text, self.policy.chunk)

    def run_lookup(self, text: str) -> str:
        """The NumPy lookup, the tail's rules in its array."""
        from .lookup import Lookup, safe_cut

        if self._lookup is None:
            cut = safe_cut(self.table, self.policy) if self.tail else None
            self._lookup = (Lookup(self.table, self.tail, self.policy), cut)
        lookup, cut = self._lookup
        size = self.policy.numpy_chunk
        if len(text) <= 2 * size or (self.tail and cut is None):
            return lookup(text)  # type: ignore[no-any-return]
        return in_pieces(lookup, text, size, cut)
