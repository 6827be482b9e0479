"""tokenizers' own normalizers doing what arnorm does (issue #29).

Every step tokenizers can express exactly exports natively; the output of
the native normalizer must be arnorm's, character for character, on random
Arabic-heavy text and on the news corpus, and its offsets must point into
the original. Pipelines with steps that cannot be native mix native parts
with arnorm's custom normalizer, and save and load with
``arnorm.hf.save_tokenizer`` / ``load_tokenizer``.
"""

from __future__ import annotations

import functools
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnorm
from arnorm import Pipeline
from arnorm._registry import NORMALIZERS

from .conftest import SHARED
from .strategies import INTERESTING

tokenizers = pytest.importorskip("tokenizers")

from arnorm._charsmap import lookup, precompiled_charsmap  # noqa: E402
from arnorm._native import NotNative, _replaces, map_form, native_form, oniguruma_pattern  # noqa: E402
from arnorm._rules import CharMap, fuse  # noqa: E402
from arnorm.hf import _native, blocking_steps, load_tokenizer, save_tokenizer, to_hf_normalizer  # noqa: E402

NATIVE_PRESETS = ["lucene", "minimal", "search"]
NATIVE_STEPS = [name for name in sorted(NORMALIZERS) if not blocking_steps([name])]

# What tokenizers takes (Rust strings: no lone surrogates), dense in what
# the native forms must get right: presentation forms before marks (one
# grapheme cluster), hamza compositions, runs of letters, every kind of
# space and line end, NUL, emoji sequences, Latin combining marks.
CLUSTERS = ["\0", "\ufefb\u064e", "\ufe91\u064e\u0651", "\ufba6\u0654", "\u06d2\u0655\u0654", "\u06d5\u0653\u0654",
            "\u06c1\u064e\u0654", "ههههه", "يييييي", "أأأ", "ـــ", "  ", " \n ", "\r\n", "\r\r\n", "a\u0301",
            "\u200d", "\U0001f600\u200d\U0001f600", "\ufdf2", "ﷺ", "\u0600\u0661", "\ufe70\u0651"]
POOL = [piece for piece in INTERESTING if not any("\ud800" <= ch <= "\udfff" for ch in piece)] + CLUSTERS * 3
rust_text = st.lists(st.sampled_from(POOL), max_size=80).map("".join)


def generated_texts(count: int, seed: int = 29) -> list[str]:
    """Random texts from the same pieces, reproducible (for subprocesses)."""
    rng = random.Random(seed)
    return ["".join(rng.choice(POOL) for _ in range(rng.randint(0, 60))) for _ in range(count)]


def word_tokenizer(normalizer, vocabulary=None):
    tokenizer = tokenizers.Tokenizer(tokenizers.models.WordLevel(vocabulary or {"[UNK]": 0}, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = tokenizers.pre_tokenizers.WhitespaceSplit()
    tokenizer.normalizer = normalizer
    return tokenizer


@functools.lru_cache(maxsize=None)
def native_normalizer(steps: str | tuple[str, ...]):
    """One native normalizer per pipeline for all the examples of a property."""
    return to_hf_normalizer(Pipeline.coerce(steps if isinstance(steps, str) else list(steps)), native=True)


def built(parts):
    return tokenizers.normalizers.Sequence(_native(tokenizers, parts))


def is_native(normalizer) -> bool:
    try:
        json.loads(normalizer.__getstate__())
    except Exception:
        return False
    return True


# --- which steps are native --------------------------------------------------------------------


@pytest.mark.parametrize("preset", NATIVE_PRESETS)
def test_native_presets_are_native_and_serialisable(preset: str) -> None:
    assert blocking_steps(preset) == []
    normalizer = to_hf_normalizer(preset, native=True)
    assert type(normalizer).__name__ == "Sequence" and is_native(normalizer)
    kinds = {entry["type"] for entry in json.loads(normalizer.__getstate__())["normalizers"]}
    assert kinds <= {"Replace", "Precompiled"}


def test_every_step_but_the_restorers_is_native_on_its_own() -> None:
    assert set(NORMALIZERS) - set(NATIVE_STEPS) == {
        "restore_final_yaa", "restore_teh_marbuta", "restore_hamza",
        "standardize_quranic_spelling",
        # Both rewrite a cluster of marks as a whole (NFC composition keeps
        # the other marks in canonical order; the decomposed alef loses every
        # hamza mark of its cluster): no literal Replace writes that. Inside
        # search, where every mark is deleted after them, they are native.
        "remove_diacritics", "normalize_alef"}


def test_mixed_pipelines_name_the_blocking_steps() -> None:
    assert blocking_steps("standard") == ["restore_final_yaa", "remove_diacritics"]
    with pytest.raises(ValueError, match="restore_final_yaa, remove_diacritics"):
        to_hf_normalizer("standard", native=True)
    mixed = to_hf_normalizer("standard")
    assert type(mixed).__name__ == "Sequence" and not is_native(mixed)
    members = list(mixed)
    assert sum(not is_native(member) for member in members) == 1  # the two steps run as one custom part
    assert not is_native(to_hf_normalizer("search", native=False))


def test_a_user_function_blocks_and_runs_in_arnorm() -> None:
    def arabic_question_mark(text: str) -> str:
        return text.replace("?", "\u061f")

    pipe = Pipeline(["remove_tatweel", arabic_question_mark, "normalize_teh_marbuta"])
    assert blocking_steps(pipe) == ["arabic_question_mark"]
    assert to_hf_normalizer(pipe).normalize_str("مدرســة?") == pipe("مدرســة?") == "مدرسه\u061f"


# --- native output == arnorm's ---------------------------------------------------------------------


@pytest.mark.parametrize("steps", [*NATIVE_PRESETS, *((name,) for name in NATIVE_STEPS)], ids=str)
@settings(max_examples=300)
@given(text=rust_text)
def test_native_output_is_arnorms(steps, text: str) -> None:
    pipe = Pipeline.coerce(steps if isinstance(steps, str) else list(steps))
    assert native_normalizer(steps).normalize_str(text) == pipe(text)


@pytest.mark.parametrize("steps", [*sorted(arnorm.PRESETS), *([name] for name in NATIVE_STEPS)], ids=str)
def test_native_and_mixed_output_is_arnorms_on_the_corpus_and_clusters(steps, sample_article: str) -> None:
    pipe = Pipeline.coerce(steps)
    normalizer = to_hf_normalizer(pipe)
    for text in [sample_article, *CLUSTERS, "".join(CLUSTERS), *generated_texts(300)]:
        assert normalizer.normalize_str(text) == pipe(text), text


@pytest.mark.parametrize("preset", NATIVE_PRESETS)
@settings(max_examples=200)
@given(text=rust_text)
def test_native_offsets_point_into_the_original(preset: str, text: str) -> None:
    """Each token's span starts in the original where the token's text does:
    the original from there to the next token's start, normalized alone,
    holds the token (tokenizers leaves a deleted mark after a word out of
    its span, so the span alone may miss what the word's meaning needs: ﮦ
    + hamza above is ۂ; the words of a ligature ﷺ share its span). Spans
    are in order and inside the text."""
    pipe = Pipeline.from_preset(preset)
    words = pipe(text).split()
    vocabulary = {"[UNK]": 0, **{word: index + 1 for index, word in enumerate(sorted(set(words)))}}
    encoding = word_tokenizer(native_normalizer(preset), vocabulary).encode(text)
    assert encoding.tokens == words
    starts = [start for start, _ in encoding.offsets]
    assert starts == sorted(starts)
    for index, (token, (start, end)) in enumerate(zip(encoding.tokens, encoding.offsets)):
        assert 0 <= start < end <= len(text)
        stop = min([later for later in starts[index + 1 :] if later >= end] + [len(text)])
        assert token in pipe(text[start:stop]), (token, text[start:end])


def test_native_offsets_on_the_corpus(sample_article: str) -> None:
    pipe = Pipeline.from_preset("search")
    words = pipe(sample_article).split()
    vocabulary = {"[UNK]": 0, **{word: index + 1 for index, word in enumerate(sorted(set(words)))}}
    encoding = word_tokenizer(to_hf_normalizer(pipe, native=True), vocabulary).encode(sample_article)
    assert encoding.tokens == words
    assert all(pipe(sample_article[a:b]) == token for token, (a, b) in zip(encoding.tokens, encoding.offsets))


# --- saving and loading ----------------------------------------------------------------------------

_CHILD = """
import json, sys
from tokenizers import Tokenizer
path, how, texts_file = sys.argv[1:]
if how == "plain":
    tokenizer = Tokenizer.from_file(path)
else:
    from arnorm.hf import load_tokenizer
    tokenizer = load_tokenizer(path)
texts = json.loads(open(texts_file, encoding="utf-8").read())
print(json.dumps([[tokenizer.normalizer.normalize_str(t), tokenizer.encode(t).tokens] for t in texts]))
"""


@pytest.mark.parametrize("preset, how", [("search", "plain"), ("minimal", "plain"), ("lucene", "plain"),
                                         ("search", "arnorm"), ("standard", "arnorm")])
def test_saved_tokenizer_reloads_in_a_fresh_process(preset: str, how: str, tmp_path: Path) -> None:
    pipe = Pipeline.from_preset(preset)
    texts = generated_texts(200, seed=7)
    article = SHARED / "sample_article.txt"
    if article.is_file():
        texts.append(article.read_text(encoding="utf-8"))
    words = sorted({word for text in texts for word in pipe(text).split()})
    tokenizer = word_tokenizer(to_hf_normalizer(pipe), {"[UNK]": 0, **{w: i + 1 for i, w in enumerate(words)}})
    path = tmp_path / "tokenizer.json"
    save_tokenizer(tokenizer, path)
    (tmp_path / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", _CHILD, str(path), how, str(tmp_path / "texts.json")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    again = json.loads(result.stdout)
    assert [normalized for normalized, _ in again] == [pipe(text) for text in texts]
    assert [tokens for _, tokens in again] == [tokenizer.encode(text).tokens for text in texts]
    assert all("[UNK]" not in tokens for _, tokens in again)


def test_a_mixed_tokenizer_refuses_plain_loading_and_keeps_its_pipeline(tmp_path: Path) -> None:
    pipe = Pipeline(["remove_tatweel", {"name": "restore_final_yaa", "options": {"exceptions": {"فى": "فى"}}},
                     "normalize_alef"])
    tokenizer = word_tokenizer(to_hf_normalizer(pipe))
    path = tmp_path / "tokenizer.json"
    save_tokenizer(tokenizer, path)
    saved = json.loads(path.read_text(encoding="utf-8"))["normalizer"]
    assert [entry["type"] for entry in saved["normalizers"]][1] == "arnorm.Pipeline"
    assert saved["normalizers"][1]["pipeline"]["steps"][0]["options"]["exceptions"] == {"فى": "فى"}
    with pytest.raises(Exception, match="did not match any variant"):
        tokenizers.Tokenizer.from_file(str(path))
    loaded = load_tokenizer(path)
    text = "فى المبنى الرئيسـى أحمد"
    assert loaded.normalizer.normalize_str(text) == pipe(text) == "فى المبنى الرئيسي احمد"
    assert tokenizer.normalizer.normalize_str(text) == pipe(text)  # saving left the tokenizer as it was


def test_save_refuses_a_custom_normalizer_that_is_not_arnorms(tmp_path: Path) -> None:
    class Upper:
        def normalize(self, normalized) -> None:
            normalized.uppercase()

    tokenizer = word_tokenizer(tokenizers.normalizers.Normalizer.custom(Upper()))
    with pytest.raises(ValueError, match="not arnorm's"):
        save_tokenizer(tokenizer, tmp_path / "tokenizer.json")


def test_save_and_load_a_nested_sequence_and_no_normalizer(tmp_path: Path) -> None:
    normalizers = tokenizers.normalizers
    nested = normalizers.Sequence([normalizers.Lowercase(), to_hf_normalizer("standard")])
    path = tmp_path / "tokenizer.json"
    save_tokenizer(word_tokenizer(nested), path)
    text = "ABC فى القاهـــرة"
    assert load_tokenizer(path).normalizer.normalize_str(text) == "abc " + arnorm.normalize("فى القاهـــرة")
    save_tokenizer(word_tokenizer(None), path)
    assert load_tokenizer(path).normalizer is None


# --- the pieces ---------------------------------------------------------------------------------


def test_precompiled_charsmap_holds_every_entry_of_the_biggest_map() -> None:
    table = dict(fuse(Pipeline.from_preset("search").primitives)[0].table)
    kept = {key: value for key, value in table.items() if value}
    blob = precompiled_charsmap(kept)
    normalizer = tokenizers.normalizers.Precompiled(blob)
    assert all(lookup(blob, key) == value for key, value in kept.items())
    assert all(normalizer.normalize_str(key) == value for key, value in kept.items())
    assert lookup(blob, "a") is None and normalizer.normalize_str("abc\u0627") == "abc\u0627"


def test_precompiled_alone_loses_a_mark_after_a_key_and_the_split_keeps_it() -> None:
    """Why map_form inserts a breaker: Precompiled reads the cluster ﻻ +
    fatha (5 bytes) as ﻻ."""
    table = {"\ufefb": "\u0644\u0627", "\u200b": ""}
    alone = tokenizers.normalizers.Precompiled(precompiled_charsmap({"\ufefb": "\u0644\u0627"}))
    assert alone.normalize_str("\ufefb\u064e") == "\u0644\u0627"
    assert built(map_form(table)).normalize_str("\ufefb\u064e\u200b\ufefb") == "\u0644\u0627\u064e\u0644\u0627"


@given(table=st.dictionaries(st.sampled_from("abcdxyzأاإ\u064e\u200b"), st.sampled_from(["", "a", "b", "xy", "ا"]),
                             max_size=8),
       text=st.text(st.sampled_from("abcdxyzأاإ\u064e\u200b ﻻ"), max_size=30))
def test_any_small_map_exports_exactly(table: dict[str, str], text: str) -> None:
    """Maps with deletions, expansions, marks as keys; cycles (a → b,
    b → a) where the map deletes ZWSP (see the next test)."""
    charmap = CharMap(table)
    parts = native_form([charmap])
    kept = {key: value for key, value in table.items() if value}
    assert parts is not None or (_replaces(kept) is None and table.get("\u200b") != "")
    if parts is not None:
        assert built(parts).normalize_str(text) == charmap(text)


def test_a_cycle_needs_a_precompiled_map_and_a_character_to_delete() -> None:
    """a → b, b → a cannot be Replaces one after another; Precompiled maps
    at once, but needs a character the map deletes to split clusters."""
    assert native_form([CharMap({"a": "b", "b": "a"})]) is None
    charmap = CharMap({"a": "b", "b": "a", "\u200b": ""})
    parts = native_form([charmap])
    assert [part[0] for part in parts] == ["Replace", "Replace", "Precompiled"]
    assert built(parts).normalize_str("ab\u200bba\u0301") == charmap("ab\u200bba\u0301") == "baab\u0301"


def test_oniguruma_pattern_refuses_what_oniguruma_reads_otherwise() -> None:
    for pattern in (r"^a", r"a$", r"\bx", r"\w", r"(?i)a", r"\d"):
        with pytest.raises(NotNative):
            oniguruma_pattern(pattern)
    assert oniguruma_pattern(r"(?P<x>a)(?=b)\1|c{2,3}?") == r"(?:(\x{61})(?=\x{62})\k<1>|(?:\x{63}){2,3}?)"
