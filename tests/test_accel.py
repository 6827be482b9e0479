"""CharMap, Rule and fusion, and the accelerators of character maps: every
path equals a plain simultaneous mapping. Each test reaches its path on short
texts through its own :class:`~arnorm._accel.Policy`."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from arnorm._accel import MapRunner, Policy, rule_runner, runners_of
from arnorm._accel.lookup import Lookup, drop_where
from arnorm._accel.maps import one_deletion
from arnorm._accel.pieces import in_pieces
from arnorm._accel.probes import presence_test, present_keys
from arnorm._accel.repeats import byte_map_then_repeats, run_starts_finder, text_run_test
from arnorm._chars import REPEATABLE_LETTERS, char_class
from arnorm._rules import CharMap, Rule, fuse

from .strategies import texts

SMALL_MAP = Policy().small_map
NUMPY = Policy().numpy


def numpy_policy(**thresholds: object) -> Policy:
    """A policy with NumPy (the test is skipped without it, or with ARNORM_NO_NUMPY set)."""
    if NUMPY is None:
        pytest.skip("NumPy is missing or turned off")
    return Policy(**thresholds)  # type: ignore[arg-type]


def either(numpy: bool, **thresholds: object) -> Policy:
    """A policy with or without NumPy."""
    return numpy_policy(**thresholds) if numpy else Policy(use_numpy=False, **thresholds)  # type: ignore[arg-type]

keys = st.sampled_from(list("ابةىيـًٌَُ \u200c\ufefb\ufe8d«»“”-xyz") + [chr(c) for c in range(0xFB50, 0xFB60)])
tables = st.dictionaries(keys, st.text(st.sampled_from(list("ابي x-")), max_size=3), max_size=3 * SMALL_MAP)


def reference(table: dict[str, str], text: str) -> str:
    return "".join(table.get(ch, ch) for ch in text)


@given(table=tables, text=texts)
def test_charmap_equals_simultaneous_mapping(table: dict[str, str], text: str) -> None:
    assert CharMap(table)(text) == reference(table, text)


@given(first=tables, second=tables, text=texts)
def test_then_equals_applying_both(first, second, text: str) -> None:
    a, b = CharMap(first), CharMap(second)
    assert a.then(b)(text) == b(a(text))


@given(tables=st.lists(tables, max_size=4), text=texts)
def test_fuse_merges_adjacent_maps_only(tables, text: str) -> None:
    rule = Rule("x+", "x")
    steps = []
    for table in tables:
        steps += [CharMap(table), CharMap({"y": "x"}), rule]
    expected = text
    for step in steps:
        expected = step(expected)
    fused = fuse(steps)
    assert len(fused) == 2 * len(tables)
    result = text
    for step in fused:
        result = step(result)
    assert result == expected


@given(table=st.dictionaries(keys.filter(lambda key: key not in "ابي x-"),
                             st.text(st.sampled_from(list("ابي x-")), max_size=3), max_size=3 * SMALL_MAP),
       text=texts)
@example(table={"\u064e": "", "أ": "ا", "\u064f": "", "ـ": ""}, text="أَـُب")
def test_one_deletion_chain_equals_mapping(table: dict[str, str], text: str) -> None:
    # A chain's precondition: no replacement contains a key. Each deleted key
    # is swapped for the last one, which is deleted once.
    chain = one_deletion(table.items())
    assert sum(not value for _, value in chain) == min(1, sum(not value for value in table.values()))
    result = text
    for key, value in chain:
        result = result.replace(key, value)
    assert result == reference(table, text)


def test_values_containing_keys_are_still_simultaneous() -> None:
    swap = CharMap({"a": "b", "b": "a"})
    assert swap("abba") == "baab"


@pytest.mark.parametrize("table, error", [({"ab": "x"}, ValueError), ({"": "x"}, ValueError),
                                          ({"a": 1}, TypeError), ({1: "a"}, TypeError)])
def test_charmap_checks_its_table(table, error) -> None:
    with pytest.raises(error):
        CharMap(table)


def test_rule_triggers_skip_only_when_absent() -> None:
    rule = Rule("b+", "b", triggers=("bb",))
    assert rule("abbbc") == "abc"
    assert rule("abc") == "abc"


# --- character maps ----------------------------------------------------------------

big_keys = st.sampled_from([chr(c) for c in range(0xFB50, 0xFBC0)] + list("ًٌٍَُِّْـ“”«»\u00a0\u200f")
                           + ["\U00010efd", "\u0670", "\u06d6"])
big_tables = st.dictionaries(big_keys, st.text(st.sampled_from(list("ابي x")), max_size=2),
                             min_size=SMALL_MAP + 1, max_size=80)


@given(table=big_tables, text=texts)
def test_probe_then_chain_equals_mapping(table, text: str) -> None:
    run = MapRunner(table)
    assert run.path(text) == "chain"
    assert run(text) == reference(table, text)


@given(table=big_tables, text=st.lists(big_keys | st.sampled_from(list("ab \ud800")), max_size=200).map("".join))
def test_many_distinct_rare_keys_fall_back_to_translate(table, text: str) -> None:
    assert MapRunner(table)(text) == reference(table, text)


@pytest.mark.parametrize("numpy", [True, False])
@given(table=big_tables, text=st.lists(big_keys | st.sampled_from(list("ab \ud800")), max_size=60).map("".join),
       chunk=st.integers(1, 7))
def test_long_texts_with_rare_keys_equal_mapping(numpy: bool, table, text: str, chunk: int) -> None:
    # A long text finds its rare keys with present_keys (NumPy or findall),
    # then replaces them piece by piece.
    run = MapRunner(table, policy=either(numpy, chunk=3, dense_text=7, presence_chunk=chunk), lookup=False)
    assert run.path(text) == ("pieces" if len(text) > 6 else "chain")
    assert run(text) == reference(table, text)


@pytest.mark.parametrize("numpy", [True, False])
@given(keys=st.sets(big_keys, min_size=1), text=st.lists(big_keys | st.sampled_from(list("ab \ud800")),
                                                         max_size=60).map("".join), chunk=st.integers(1, 7))
def test_present_keys_are_the_keys_in_the_text(numpy: bool, keys, text: str, chunk: int) -> None:
    assert present_keys(keys, either(numpy, presence_chunk=chunk))(text) == keys & set(text)


@given(chars=st.sets(big_keys | st.sampled_from(list("\r\n ")), min_size=1),
       text=st.lists(big_keys | st.sampled_from(list("ab \r\ud800")), max_size=60).map("".join),
       short=st.integers(0, 10))
def test_presence_test_tells_whether_any_character_is_there(chars, text: str, short: int) -> None:
    present = presence_test(chars, Policy(short_text=short))  # long texts: one ``in`` per character
    assert present(text) == any(ch in text for ch in chars)


def test_numpy_lookup_keeps_lone_surrogates_apart() -> None:
    lookup = Lookup({"\u064e": ""}, policy=numpy_policy())
    text = "\ud83d\ude00 ب\u064e"  # two lone surrogates must not pair into one emoji
    assert lookup(text) == "\ud83d\ude00 ب"
    text = "\ud83d\u064e\ude00"  # nor once the mark between them is deleted
    assert lookup(text) == "\ud83d\ude00"
    assert len(lookup(text)) == 2


def test_numpy_lookup_with_ligatures_and_characters_beyond_the_bmp() -> None:
    table = {"\u064e": "", "\u0623": "\u0627", "\ufefb": "\u0644\u0627", "\u2026": "...",
             "\U0001ee00": "\u0627"}
    run = Lookup(table, policy=numpy_policy())
    for text in ("أَحمد ﻻ…\U0001ee00 " * 100,  # a character in three beyond the BMP: UTF-32
                 "\U0001f600" + "أَحمد ﻻ… " * 100,  # one: UTF-16, pairs and all
                 "أَحمد… " * 100,  # nothing from U+FB00 on: the ligatures' chain is skipped
                 "ﻻ", "\U0001ee00", ""):
        assert run(text) == reference(table, text)


# What UTF-16 cannot carry as it is: characters outside the BMP (as keys,
# values and text), U+FFFF (the deletion mark), lone surrogates.
_unit_edges = st.sampled_from(["\U0001ee00", "\U0001f600", "\uffff", "\ud83d", "\ude00", "\ufffe"])
_edge_keys = keys | _unit_edges
_edge_tables = st.dictionaries(_edge_keys, st.text(st.sampled_from(list("ابي x") + ["\uffff", "\U0001ee01"]),
                                                  max_size=2), max_size=12)
_edge_texts = st.lists(_edge_keys | st.sampled_from(list("ab ")), max_size=40).map("".join)


@given(table=tables | _edge_tables, text=texts | _edge_texts)
def test_numpy_lookup_equals_mapping(table, text: str) -> None:
    assume(not any(ch in table for value in table.values() for ch in value))  # those run str.translate
    assert Lookup(table, policy=numpy_policy())(text) == reference(table, text)


@given(table=tables | _edge_tables, text=texts | _edge_texts)
@example(table={"\u0627": "xx"}, text="\u0627\ud800\udc00")  # lone surrogates side by side
@example(table={"\u0627": "", "\u0628": "xx"}, text="\ud800\u0627\udc00\u0628")  # they meet
def test_numpy_lookup_expanding_in_the_array_equals_mapping(table, text: str) -> None:
    """Keys written as several characters replaced in the array (as in a
    text with many different ones), whatever the text: lone surrogates,
    U+FFFF, characters beyond the BMP."""
    assume(not any(ch in table for value in table.values() for ch in value))
    assert Lookup(table, policy=numpy_policy(expand_keys=0))(text) == reference(table, text)


def test_many_ligatures_are_expanded_in_the_array() -> None:
    """A text with ligatures of every kind: expanded in the array, the same
    as the mapping, in UTF-16 and in UTF-32."""
    numpy = pytest.importorskip("numpy")
    from arnorm import NORMALIZERS
    from arnorm._registry import primitives_of

    (fold,) = primitives_of(NORMALIZERS["fold_presentation_forms"])()
    table = dict(fold.table)
    ligatures = "".join(chr(point) for point in range(0xFC00, 0xFC40))  # 64 ligatures of two or three letters
    run = Lookup(table, policy=numpy_policy())
    for text in (("\ufefb \U0001f600 " + ligatures + " \ufdfa\n") * 50,  # UTF-16
                 ("\U0001f600\U0001ee00" + ligatures[:20]) * 50):  # a third beyond the BMP: UTF-32
        assert run.many_several(units(text))
        assert run(text) == reference(table, text)
    assert not run.many_several(units("\ufefb " * 500))  # one kind: the chains
    assert run("\ufefb " * 500) == reference(table, "\ufefb " * 500)


def units(text: str) -> object:
    numpy = pytest.importorskip("numpy")
    return numpy.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=numpy.uint16)


def test_many_distinct_keys_take_the_numpy_path_only_when_not_too_sparse() -> None:
    # Eight distinct keys: the lookup from MANY_KEYS_SHARE (3 %) of the
    # sample, the chain below it or with fewer distinct keys.
    table = {chr(c): "" for c in range(0x064B, 0x0653)} | dict.fromkeys("أإآ", "ا") | {"ى": "ي", "ة": "ه"}
    keys = "أإآىةًٌٍ"

    def text(every: int, keys: str = keys) -> str:  # a key after every ``every`` words
        words = ["كلمه"] * 20_000
        for i in range(0, len(words), every):
            words[i] += keys[(i // every) % len(keys)]
        return " ".join(words)

    run = MapRunner(table, policy=numpy_policy())
    assert run.path(text(5)) == "lookup"  # 4 % of the characters are keys
    assert run.path(text(40)) == "pieces"  # 0.5 %
    assert run.path(text(5, keys[:7])) == "pieces"  # 4 %, seven distinct keys
    for sample in (text(5), text(40)):
        assert run(sample) == reference(table, sample)


def test_a_map_with_rare_keys_takes_the_numpy_path_for_any_key_in_the_start() -> None:
    table = {chr(c): "" for c in range(0x064B, 0x0653)} | dict.fromkeys("\u06d6\u06d7\u06da", "")
    text = "كلمهٌ " + "كلمه " * 12_000 + "\u06d6"
    with_rare = MapRunner(table, policy=numpy_policy(small_map=4))  # the marks beyond ASCII are rare keys
    assert with_rare.path(text) == "lookup" and with_rare.path(text.replace("ٌ", "")) != "lookup"
    assert MapRunner(table, policy=numpy_policy()).path(text) != "lookup"
    assert with_rare(text) == reference(table, text)


def test_dense_text_takes_the_numpy_path() -> None:
    table = {chr(c): "" for c in range(0x064B, 0x0653)} | {"\u0649": "\u064a", "\ufefb": "\u0644\u0627"}
    text = "بِسْمِ ٱللَّهِ ٱلرَّحْمَـٰنِ ﻻ عَلَىٰ هُدًى مِّن رَّبِّهِمْ " * 50
    run = MapRunner(table, policy=numpy_policy(dense_text=1000))
    assert run.path(text) == "lookup"
    assert run(text) == reference(table, text)


def test_numpy_can_be_turned_off(monkeypatch) -> None:
    monkeypatch.setenv("ARNORM_NO_NUMPY", "1")
    assert Policy().numpy is None
    assert not Policy().has_numpy


@pytest.mark.parametrize("preset", ["quran", "search", "standard"])
def test_a_numpy_that_fails_to_import_falls_back_to_pure_python(monkeypatch, preset: str) -> None:
    """A plan is built with its NumPy paths when NumPy is found; if it then
    fails to import, each path runs in pure Python on the first long text."""
    import arnorm
    from arnorm._accel import policy as policy_module
    from arnorm._plan import Plan
    from arnorm._rules import reference as plain_reference

    pytest.importorskip("numpy")
    monkeypatch.setattr(policy_module, "_import_numpy", lambda: None)
    policy = Policy(use_numpy=True, coded_text=0, chunk=3, dense_text=4, numpy_chunk=3, dense_share=0.0,
                    dense_keys=0, presence_chunk=2, presence_tests=0, short_text=0, long_run=5)
    assert policy.has_numpy and policy.numpy is None
    primitives = arnorm.Pipeline.from_preset(preset).primitives
    text = "بِسْمِ ٱللَّهِ ٱلرَّحْمَـٰنِ فى ههههه  \r\n ﻻ «قال» ١٢ \u200f" * 3
    assert Plan(primitives, policy)(text) == plain_reference(primitives)(text)


def test_numpy_is_imported_only_when_a_long_text_needs_it() -> None:
    pytest.importorskip("numpy")
    code = ("import sys, arnorm\n"
            "for preset in arnorm.PRESETS:\n"
            "    arnorm.normalize('قال عَلِى إن الاجتماع أُلغِى \u0627\u0644\u0640\u0640\u0640' * 20, preset=preset)\n"
            "print('numpy' in sys.modules)\n"
            "arnorm.normalize('\u0641\u0649 \u064e' * 100_000, preset='search')\n"
            "print('numpy' in sys.modules)\n")
    env = {**os.environ, "ARNORM_NO_NUMPY": ""}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.split() == ["False", "True"]


@given(table=tables, text=texts)
def test_long_texts_run_in_pieces(table, text: str) -> None:
    assume(not any(ch in table for value in table.values() for ch in value))  # those run str.translate
    run = MapRunner(table, policy=Policy(chunk=3, dense_text=7), lookup=False)
    assert run(text) == reference(table, text)  # 7 or more: cut


@given(text=st.lists(st.sampled_from(list("بتثه ،\n\ud800") + ["هه", "ببب"]), max_size=60).map("".join),
       max_repeat=st.integers(1, 3), chunk=st.integers(1, 9))
def test_run_starts_finder_equals_the_regex(text: str, max_repeat: int, chunk: int) -> None:
    starts = run_starts_finder(max_repeat, numpy_policy(numpy_chunk=chunk))
    found = re.finditer(f"({char_class(REPEATABLE_LETTERS)})\\1{{{max_repeat},}}", text)
    assert starts(text) == [run.start() for run in found]  # type: ignore[misc]


@given(text=st.lists(st.sampled_from(list("بتثه ،\n\ud800") + ["هه", "ببب", "ه" * 63, "ه" * 64, "ب" * 200]),
                     max_size=60).map("".join),
       max_repeat=st.integers(1, 4), chunk=st.integers(1, 9), apart=st.sampled_from([1, 10**9]))
def test_reduce_repeats_by_run_starts_equals_the_regex(text: str, max_repeat: int, chunk: int, apart: int) -> None:
    # apart: runs shortened one by one (1) or by one sub from the first;
    # runs of 63, 64 and 200 letters and more: around Policy.long_run.
    from arnorm.spacing import _repeat_primitives

    expected = re.sub(f"({char_class(REPEATABLE_LETTERS)})\\1{{{max_repeat},}}", r"\1" * max_repeat, text)
    (rule,) = _repeat_primitives(max_repeat)
    assert rule_runner(rule, numpy_policy(numpy_chunk=chunk, dense_text=0, runs_apart=apart))(text) == expected


_run_pieces = st.sampled_from(list("بتهٱپ ،.\n\x00\u064e\ud800\U0001f600a") + ["هه", "ببب", "...", "پپپ", "ٱٱ"])


@given(text=st.lists(_run_pieces, max_size=60).map("".join), max_repeat=st.integers(1, 4), piece=st.integers(1, 9))
def test_the_run_test_is_true_wherever_a_run_is(text: str, max_repeat: int, piece: int) -> None:
    has_run = re.search(f"({char_class(REPEATABLE_LETTERS)})\\1{{{max_repeat},}}", text) is not None
    assert text_run_test(max_repeat, piece)(text) or not has_run


@given(text=st.lists(_run_pieces, max_size=60).map("".join), max_repeat=st.integers(1, 4))
def test_reduce_repeats_after_the_run_test_equals_the_regex(text: str, max_repeat: int) -> None:
    from arnorm.spacing import _repeat_primitives

    expected = re.sub(f"({char_class(REPEATABLE_LETTERS)})\\1{{{max_repeat},}}", r"\1" * max_repeat, text)
    (rule,) = _repeat_primitives(max_repeat)
    assert rule_runner(rule, Policy(use_numpy=False, run_test_text=0))(text) == expected


@pytest.mark.parametrize("length", [199, 200, 201])
def test_reduce_repeats_on_either_side_of_the_run_test_length(length: int) -> None:
    from arnorm.spacing import _repeat_primitives

    (rule,) = _repeat_primitives(2)
    run = rule_runner(rule, Policy(use_numpy=False))
    for text in ("ب" * (length - 4) + "هههه", "هههه" + "ب " * ((length - 4) // 2) + "ب" * (length % 2),
                 ("بت" * length)[:length]):
        assert len(text) == length
        assert run(text) == re.sub(f"({char_class(REPEATABLE_LETTERS)})\\1{{2,}}", r"\1\1", text)


def test_the_run_test_may_join_letters_but_the_text_stays_right() -> None:
    """An emoji is not in the test's alphabet: ه😀هه reads as a run, and the
    pattern then finds none."""
    from arnorm.spacing import _repeat_primitives

    assert text_run_test(2)("ه😀هه") and not text_run_test(2)("ه.هه")
    (rule,) = _repeat_primitives(2)
    assert rule_runner(rule, Policy(use_numpy=False, run_test_text=0))("ه😀هه ههههه") == "ه😀هه هه"


def test_a_map_that_expands_into_letters_keeps_reduce_repeats_on_the_text() -> None:
    """Its bytes would not show the run that its expansion writes (ه…ه → هههه)."""
    from arnorm._accel.codec import FREQUENT_ALPHABET, ByteMap
    from arnorm.spacing import _repeat_primitives

    (rule,) = _repeat_primitives(2)
    expands = ByteMap.of(FREQUENT_ALPHABET, {"\u2026": "\u0647\u0647"})
    assert expands is not None and byte_map_then_repeats(expands, rule, rule) is None
    folds = ByteMap.of(FREQUENT_ALPHABET, {"\u0623": "\u0627"})
    run = byte_map_then_repeats(folds, rule, rule)
    assert run is not None and run(FREQUENT_ALPHABET.encode("أاا أا")) == "اا اا"
    assert byte_map_then_repeats(folds, Rule("x+", "x"), rule) is None  # not reduce_repeats


@pytest.mark.parametrize("numpy", [True, False])
def test_reduce_repeats_on_long_text_with_and_without_numpy(numpy: bool) -> None:
    from arnorm.spacing import _repeat_primitives

    policy = either(numpy, numpy_chunk=1000, dense_text=100)
    filler = "بت " * (policy.numpy_chunk // 3 - 1)  # a run straddles the first piece's end
    text = filler + "جمييييل!!! وووو" + filler + "ههههههه"
    expected = re.sub(f"({char_class(REPEATABLE_LETTERS)})\\1{{2,}}", r"\1\1", text)
    assert rule_runner(_repeat_primitives(2)[0], policy)(text) == expected
    assert expected.endswith("جمييل!!! وو" + filler + "هه")


@given(text=st.lists(st.sampled_from([" ", "  ", "\n", " \n ", "ب", "ت ", "\r\n"]), max_size=40).map("".join),
       chunk=st.integers(1, 5))
def test_space_rules_in_pieces_equal_their_patterns(text: str, chunk: int) -> None:
    from arnorm.spacing import _whitespace

    expected = actual = text
    for primitive in _whitespace():  # each fast path assumes the ones before it ran
        expected = primitive(expected)
        (run,) = runners_of((primitive,), Policy(chunk=chunk))
        actual = run(actual)
        assert actual == expected


@given(text=st.lists(st.sampled_from([" ", "\n", "ب", "  ", "\u00a0"]), max_size=80).map("".join),
       size=st.integers(1, 9), unsafe=st.sampled_from(["", " ", " \n"]))
def test_pieces_are_cut_only_after_a_safe_character(text: str, size: int, unsafe: str) -> None:
    pieces: list[str] = []
    cut = f"[^{unsafe}]" if unsafe else ""
    assert in_pieces(lambda piece: pieces.append(piece) or piece, text, size, cut) == text
    assert "".join(pieces) == text
    for piece in pieces[:-1]:
        assert len(piece) >= size and piece[-1] not in unsafe
        # the shortest such cut: the piece minus its last character is all unsafe past size
        assert all(ch in unsafe for ch in piece[size - 1 : -1])


def test_a_long_run_of_spaces_stays_in_one_piece() -> None:
    text = "ب" * 10 + " " * 2_000_000 + "ب" * 5000
    pieces: list[str] = []
    in_pieces(lambda piece: pieces.append(piece) or piece, text, 1000, "[^ ]")
    assert [len(piece) for piece in pieces[:2]] == [2_000_011, 1000]


def test_a_step_called_first_in_a_fresh_process_runs_through_the_engine() -> None:
    """A step function needs no Pipeline before it to be fast: its first run
    loads the engine (a regression: the lazy imports of the command line had
    left every step function on its plain reference)."""
    import os
    import subprocess
    import sys

    code = ("import arnorm, arnorm._rules as rules\n"
            "assert arnorm.restore_final_yaa('فى') == 'في'\n"
            "print(len(rules._engine))\n")
    environment = {key: value for key, value in os.environ.items() if key != "ARNORM_REFERENCE"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment,
                            check=True)
    assert result.stdout.split()[0] == "1"


# --- a map over an alphabet's bytes (codec) ------------------------------------------------------

_LETTERS = "\x00\t\n\r ابةتىيـ\u064b\u064e\u0651«»“”…,.xyz"
alphabet_texts = st.text(st.sampled_from(_LETTERS), max_size=80)
byte_tables = st.dictionaries(st.sampled_from(_LETTERS), st.sampled_from(["", *_LETTERS[1:]]) | st.text(max_size=2),
                              max_size=12)


@given(table=byte_tables, text=alphabet_texts)
@example(table={"x": "\ufffe"}, text="xا")  # what a charmap table reads as "no character"
def test_a_byte_map_equals_the_mapping_or_refuses_what_it_cannot_write(table: dict[str, str],
                                                                        text: str) -> None:
    from arnorm._accel.codec import Alphabet, ByteMap

    alphabet = Alphabet(_LETTERS)
    byte_map = ByteMap.of(alphabet, table)
    images = [table.get(ch, ch) for ch in _LETTERS]
    expanded = {ch for ch, image in zip(_LETTERS, images) if len(image) > 1}
    if byte_map is None:  # an expanded character the map also writes, or U+FFFE written alone
        assert "\ufffe" in images or any(written in expanded for image in images for written in image)
    else:
        assert byte_map(alphabet.encode(text)) == CharMap(table)(text)  # type: ignore[arg-type]


@given(text=st.text(st.sampled_from(_LETTERS + "\ud800\U0001f600ۀ\ufffe\uffff"), max_size=40))
def test_an_alphabet_encodes_only_texts_of_its_characters(text: str) -> None:
    from arnorm._accel.codec import Alphabet

    alphabet = Alphabet(_LETTERS)
    encoded = alphabet.encode(text)
    assert (encoded is not None) == set(text).issubset(_LETTERS)
    assert encoded is None or list(encoded) == [alphabet.chars.index(ch) for ch in text]


def test_an_alphabet_takes_the_codecs_fast_table_and_refuses_what_it_cannot() -> None:
    from arnorm._accel.codec import Alphabet

    assert type(Alphabet(_LETTERS)._table).__name__ == "EncodingMap"  # not a dict, looked up per character
    for chars in ("ab", "\x00\ufffe", "\x00\U0001f600", "\x00" + "".join(map(chr, range(0x600, 0x700))),
                  ["\x00", "ab"]):
        with pytest.raises(ValueError, match="an alphabet holds NUL and at most 255 other characters"):
            Alphabet(chars)
