"""Bad input: clear TypeError and ValueError at every public entry point."""

from __future__ import annotations

import pytest

import arnorm
from arnorm import NORMALIZERS, Pipeline

ENTRY_POINTS = {**NORMALIZERS, "normalize": arnorm.normalize, "Pipeline()": Pipeline.from_preset("standard")}


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
@pytest.mark.parametrize("bad, shown", [(None, "NoneType"), (42, "int"), (["نص"], "list")])
def test_non_str_is_a_type_error_saying_what_was_given(name: str, bad: object, shown: str) -> None:
    with pytest.raises(TypeError, match=f"expected str, got {shown}$"):
        ENTRY_POINTS[name](bad)


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
@pytest.mark.parametrize("bad", [b"\xd9\x86\xd8\xb5", bytearray(b"x")])
def test_bytes_suggest_decoding(name: str, bad: object) -> None:
    with pytest.raises(TypeError, match=r'decode it first, e\.g\. data\.decode\("utf-8"\)'):
        ENTRY_POINTS[name](bad)


def test_explain_checks_its_input() -> None:
    with pytest.raises(TypeError, match="got bytes"):
        Pipeline.from_preset("standard").explain(b"x")  # type: ignore[arg-type]


def test_str_subclass_is_accepted() -> None:
    class Text(str):
        pass

    assert arnorm.normalize(Text("فى")) == "في"


@pytest.mark.parametrize("name", sorted(NORMALIZERS))
def test_lone_surrogates_never_raise(name: str) -> None:
    text = "فى \ud800 أحمد\udfff ى\udc00 ی\ud83d"
    result = NORMALIZERS[name](text)
    assert [ch for ch in result if "\ud800" <= ch <= "\udfff"] == ["\ud800", "\udfff", "\udc00", "\ud83d"]


@pytest.mark.parametrize("name", sorted(NORMALIZERS))
def test_empty_string(name: str) -> None:
    assert NORMALIZERS[name]("") == ""
