"""The libraries arnorm is compared with, and plain baselines, as ``str -> str``.

Each peer is included only when it imports; otherwise the suite says why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

Normalize = Callable[[str], str]


@dataclass
class Peers:
    """Peer functions by name, and the peers that could not be loaded."""

    functions: dict[str, Normalize] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)


# What a search key means for each library, as close to arnorm's search and
# lucene presets as each allows: diacritics, tatweel, alef forms, ى → ي, ة → ه.
def load() -> Peers:
    peers = Peers()
    _baselines(peers)
    _pyarabic(peers)
    _arabic_norm(peers)
    _camel(peers)
    return peers


def _baselines(peers: Peers) -> None:
    table = {ord(c): None for c in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"}
    table.update({ord(c): "\u0627" for c in "\u0622\u0623\u0625"})
    table.update({0x0649: "\u064a", 0x0629: "\u0647"})
    harakat = re.compile("[\u064b-\u0652\u0640]")
    peers.functions["baseline: encode+decode"] = lambda text: text.encode("utf-8", "surrogatepass").decode(
        "utf-8", "surrogatepass")
    peers.functions["baseline: one str.translate"] = lambda text: text.translate(table)
    peers.functions["baseline: one regex sub"] = lambda text: harakat.sub("", text)


def _pyarabic(peers: Peers) -> None:
    try:
        from pyarabic import araby
    except ImportError as error:
        peers.missing["pyarabic"] = f"not installed ({error})"
        return
    peers.versions["pyarabic"] = _installed_version("pyarabic")

    def search_chain(text: str) -> str:
        text = araby.strip_tashkeel(text)
        text = araby.strip_tatweel(text)
        text = araby.normalize_hamza(text)
        text = araby.normalize_alef(text)
        text = araby.normalize_teh(text)
        return text.replace("\u0649", "\u064a")

    peers.functions["pyarabic: search chain"] = search_chain
    peers.functions["pyarabic: strip_diacritics"] = araby.strip_diacritics
    peers.functions["pyarabic: strip_tashkeel"] = araby.strip_tashkeel
    peers.functions["pyarabic: strip_tatweel"] = araby.strip_tatweel
    peers.functions["pyarabic: normalize_alef"] = araby.normalize_alef
    peers.functions["pyarabic: normalize_hamza"] = lambda text: araby.normalize_hamza(text, method="tasheel")

    def hamza_same_job(text: str) -> str:
        """arnorm's normalize_hamza as a pyarabic user writes it: the namesake
        turns the combining hamza into a letter alef and leaves ٱ ٲ ٳ, so
        those go first."""
        for mark in "\u0653\u0654\u0655":
            text = text.replace(mark, "")
        for alef in "\u0671\u0672\u0673":
            text = text.replace(alef, "\u0627")
        return araby.normalize_hamza(text, method="tasheel")

    peers.functions["pyarabic: normalize_hamza, same job"] = hamza_same_job
    peers.functions["pyarabic: normalize_teh"] = araby.normalize_teh
    peers.functions["pyarabic: normalize_ligature"] = araby.normalize_ligature


def _arabic_norm(peers: Peers) -> None:
    try:
        from importlib.metadata import version

        import arabic_norm
    except ImportError as error:
        peers.missing["arabic-norm"] = f"not installed ({error})"
        return
    peers.versions["arabic-norm"] = version("arabic-norm")
    peers.functions["arabic-norm: search"] = lambda text: arabic_norm.normalize(text, ta_marbuta=True)


def _camel(peers: Peers) -> None:
    try:
        from importlib.metadata import version

        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (
            normalize_alef_ar,
            normalize_alef_maksura_ar,
            normalize_teh_marbuta_ar,
        )
    except Exception as error:  # camel_tools pulls in heavy optional parts
        peers.missing["camel-tools"] = f"not importable ({type(error).__name__}: {error})"
        return
    peers.versions["camel-tools"] = version("camel-tools")

    def search_chain(text: str) -> str:
        text = dediac_ar(text).replace("\u0640", "")
        return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))

    peers.functions["camel-tools: search chain"] = search_chain
    peers.functions["camel-tools: dediac_ar"] = dediac_ar


def _installed_version(distribution: str) -> str:
    """The installed version (pyarabic has no ``__version__``)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "?"
