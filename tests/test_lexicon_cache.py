"""The parsed lexicons kept in the cache folder: the same tables, loaded
without parsing, and any trouble with the cache falls back to parsing."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from arnorm import _hamza_lexicon, _teh_lexicon, _yaa_lexicon
from arnorm._lexicon import Lazy


class Pair(NamedTuple):
    words: dict[str, bool]
    letters: frozenset[str]


def parse(raw: bytes) -> Pair:
    text = raw.decode("utf-8")
    return Pair({word: word.endswith("ي") for word in text.split()}, frozenset(text.replace(" ", "")))


def refuse(raw: bytes) -> Pair:
    raise AssertionError("parsed again: the cache was not used")


RAW = "في على الذي".encode()


def test_a_second_process_loads_the_tables_without_parsing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ARNORM_CACHE", str(tmp_path))
    first = Lazy(lambda: RAW, parse, cached_as=("pair", Pair)).get()
    (kept,) = tmp_path.glob("pair-*.marshal")
    again = Lazy(lambda: RAW, refuse, cached_as=("pair", Pair)).get()
    assert again == first and isinstance(again, Pair)
    # other data: another key, and the stale file goes
    Lazy(lambda: RAW + " إلى".encode(), parse, cached_as=("pair", Pair)).get()
    assert [path.name for path in tmp_path.glob("pair-*.marshal")] != [kept.name]
    assert len(list(tmp_path.glob("pair-*.marshal"))) == 1


def test_a_broken_cache_file_is_parsed_again(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ARNORM_CACHE", str(tmp_path))
    Lazy(lambda: RAW, parse, cached_as=("pair", Pair)).get()
    (kept,) = tmp_path.glob("pair-*.marshal")
    kept.write_bytes(b"\x00not marshal")
    assert Lazy(lambda: RAW, parse, cached_as=("pair", Pair)).get() == parse(RAW)


@pytest.mark.parametrize("folder", ["", "unwritable"])
def test_no_cache_or_an_unwritable_one_still_loads(tmp_path: Path, monkeypatch, folder: str) -> None:
    target = tmp_path / "file-not-folder"
    target.write_text("x")  # a folder cannot be made under a file
    monkeypatch.setenv("ARNORM_CACHE", "" if not folder else str(target / "cache"))
    assert Lazy(lambda: RAW, parse, cached_as=("pair", Pair)).get() == parse(RAW)
    assert not list(tmp_path.rglob("*.marshal"))


@pytest.mark.parametrize("module", [_yaa_lexicon, _teh_lexicon, _hamza_lexicon])
def test_the_packaged_lexicons_load_the_same_from_the_cache(tmp_path: Path, monkeypatch, module) -> None:
    monkeypatch.setenv("ARNORM_CACHE", str(tmp_path))
    read = _yaa_lexicon._packaged if module is _yaa_lexicon else module.LEXICON._read
    kind = module.Tables
    parsed = Lazy(read, module.parse, cached_as=("lexicon", kind)).get()
    assert Lazy(read, refuse, cached_as=("lexicon", kind)).get() == parsed
