"""Integrations: Hugging Face tokenizers and datasets, pandas, scikit-learn.

Each group skips when its optional extra is not installed.
"""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnorm
from arnorm import Pipeline

from .strategies import arabic_text, texts

TEXT = "قال:  “فِى  القاهـــرة” ﻻ الأمريكى\u200f مَرْحَبًا"
valid_utf8 = arabic_text.map(lambda t: re.sub("[\ud800-\udfff]", "", t))

# --- tokenizers ---------------------------------------------------------------------------


def word_tokenizer(normalizer):
    from tokenizers import Tokenizer, models, pre_tokenizers

    tokenizer = Tokenizer(models.WordLevel({"[UNK]": 0, "في": 1, "القاهره": 2}, unk_token="[UNK]"))
    tokenizer.normalizer = normalizer
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    return tokenizer


@pytest.mark.parametrize("preset", sorted(arnorm.PRESETS))
def test_hf_normalizer_matches_arnorm(preset: str, sample_article: str) -> None:
    pytest.importorskip("tokenizers")
    from arnorm.hf import to_hf_normalizer

    pipe = Pipeline.from_preset(preset)
    normalizer = to_hf_normalizer(pipe)
    for text in (TEXT, sample_article):
        assert normalizer.normalize_str(text) == pipe(text)


@functools.cache
def preset_normalizer(preset: str):
    """The tokenizers normalizer of a preset, built once for every example."""
    from arnorm.hf import to_hf_normalizer

    return to_hf_normalizer(Pipeline.from_preset(preset))


@pytest.mark.parametrize("preset", sorted(arnorm.PRESETS))
@settings(max_examples=max(settings().max_examples, 1_000))
@given(text=valid_utf8)
def test_hf_normalizer_matches_arnorm_on_generated_text(preset: str, text: str) -> None:
    pytest.importorskip("tokenizers")
    assert preset_normalizer(preset).normalize_str(text) == Pipeline.from_preset(preset)(text)


def test_hf_normalizer_takes_a_cluster_rewritten_as_a_whole() -> None:
    pytest.importorskip("tokenizers")
    from arnorm.hf import to_hf_normalizer

    # restore_final_yaa writes ى + hamza below + hamza above (three
    # characters, one span) as ئ + hamza below (two): found by the thorough
    # profile, where the adapter took the two for an insertion.
    pipe = Pipeline.from_preset("standard")
    text = "\ufbe8\u0655\u0654"
    assert pipe(text) == "\u0626\u0655"
    assert to_hf_normalizer(pipe).normalize_str(text) == pipe(text)
    assert to_hf_normalizer(pipe).normalize_str("قال فى " + text) == pipe("قال فى " + text)


def test_lucene_preset_is_native_and_saves(tmp_path) -> None:
    pytest.importorskip("tokenizers")
    from tokenizers import Tokenizer

    from arnorm.hf import to_hf_normalizer

    normalizer = to_hf_normalizer("lucene")
    assert type(normalizer).__name__ == "Sequence"
    tokenizer = word_tokenizer(normalizer)
    path = tmp_path / "tokenizer.json"
    tokenizer.save(str(path))
    again = Tokenizer.from_file(str(path))
    text = "فى القاهرة"
    assert again.encode(text).ids == tokenizer.encode(text).ids == [1, 2]
    assert again.encode(text).offsets == tokenizer.encode(text).offsets == [(0, 2), (3, 10)]


@pytest.mark.parametrize("preset", ["standard", "search", "minimal"])
def test_custom_normalizer_offsets_point_into_the_original(preset: str) -> None:
    pytest.importorskip("tokenizers")
    from arnorm.hf import to_hf_normalizer

    pipe = Pipeline.from_preset(preset)
    tokenizer = word_tokenizer(to_hf_normalizer(pipe))
    encoding = tokenizer.encode(TEXT)
    words = TEXT.replace("\u200f", "").split()  # tokenizers leaves a deleted trailing RLM out
    assert [TEXT[a:b] for a, b in encoding.offsets] == words
    normalized_words = pipe(TEXT).split()
    assert [pipe(TEXT[a:b]) for a, b in encoding.offsets] == normalized_words


def test_batch_normalizer_with_datasets_in_two_processes() -> None:
    datasets = pytest.importorskip("datasets")
    from arnorm.hf import BatchNormalizer

    rows = [f"فى المبنى {i} “نص”" for i in range(200)] + [None]
    data = datasets.Dataset.from_dict({"text": rows, "id": list(range(201))})
    mapped = data.map(BatchNormalizer("standard"), batched=True, num_proc=2)
    assert mapped["text"] == [None if t is None else arnorm.normalize(t) for t in rows]
    assert mapped["id"] == list(range(201))


def test_hf_takes_every_form_of_a_pipeline_and_shares_presets() -> None:
    pytest.importorskip("tokenizers")
    from arnorm.hf import ArnormNormalizer, BatchNormalizer, to_hf_normalizer

    assert BatchNormalizer("search").pipeline is Pipeline.coerce("search")
    assert ArnormNormalizer("standard").pipeline is ArnormNormalizer("standard").pipeline
    batch = {"text": ["عـام ٢٠٢٤"]}
    assert BatchNormalizer(["remove_tatweel"])(batch) == {"text": ["عام ٢٠٢٤"]}
    assert BatchNormalizer(arnorm.PRESETS["search"])(batch) == {"text": ["عام 2024"]}
    assert to_hf_normalizer(arnorm.PRESETS["lucene"]).normalize_str("أحمد فى") == "احمد في"
    with pytest.raises(TypeError, match="a preset name, a list of steps .* got int"):
        BatchNormalizer(3)  # type: ignore[arg-type]


# --- pandas ---------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [object, "string[python]", "string[pyarrow]"])
def test_pandas_accessor_keeps_missing_values_and_dtype(dtype) -> None:
    pd = pytest.importorskip("pandas")
    if dtype == "string[pyarrow]":
        pytest.importorskip("pyarrow")
    import arnorm.pandas  # noqa: F401 - registers the accessor

    series = pd.Series(["فى البيت", None, "أحمد"], dtype=dtype, index=[5, 6, 7], name="t")
    result = series.arnorm.normalize(preset="search")
    assert result.dtype == series.dtype and list(result.index) == [5, 6, 7] and result.name == "t"
    assert result.iloc[0] == "في البيت" and result.iloc[2] == "احمد" and pd.isna(result.iloc[1])


def test_pandas_accessor_options() -> None:
    pd = pytest.importorskip("pandas")
    import arnorm.pandas  # noqa: F401

    series = pd.Series(["عـام 2024"], dtype=object)
    steps = ["remove_tatweel", {"name": "normalize_digits", "options": {"to": "arabic"}}]
    assert series.arnorm.normalize(steps=steps)[0] == "عام ٢٠٢٤"
    assert series.arnorm.normalize(pipeline=Pipeline(["remove_tatweel"]))[0] == "عام 2024"
    with pytest.raises(ValueError, match="one of"):
        series.arnorm.normalize("search", steps=["remove_tatweel"])
    with pytest.raises(TypeError, match="expected str, got int"):
        pd.Series(["a", 3], dtype=object).arnorm.normalize()


def test_pandas_takes_every_form_of_a_pipeline_and_builds_a_preset_once() -> None:
    pd = pytest.importorskip("pandas")
    from arnorm.pandas import normalize_series
    from arnorm.pipeline import preset_pipeline

    series = pd.Series(["أحمد ٣", None], dtype=object)
    expected = ["احمد 3", None]
    assert normalize_series(series, "search").tolist() == expected
    assert normalize_series(series, pipeline="search").tolist() == expected
    assert normalize_series(series, pipeline=arnorm.PRESETS["search"]).tolist() == expected
    assert series.arnorm.normalize(pipeline=Pipeline.from_preset("search")).tolist() == expected
    built = preset_pipeline.cache_info().misses
    for _ in range(3):
        assert series.arnorm.normalize(preset="search").tolist() == expected
    assert preset_pipeline.cache_info().misses == built
    with pytest.raises(TypeError, match="preset must be a preset name"):
        normalize_series(series, Pipeline.from_preset("search"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="steps must be a list of steps, got str"):
        normalize_series(series, steps="remove_tatweel")  # type: ignore[arg-type]


def test_dask_and_spark_take_every_form_of_a_pipeline() -> None:
    dd = pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    from arnorm.dask import normalize_series
    from arnorm.spark import can_push_down, character_map

    texts = dd.from_pandas(pd.Series(["أحمد ٣", "مدرسة"], dtype=object), npartitions=2)
    assert normalize_series(texts, pipeline=arnorm.PRESETS["search"]).compute().tolist() == ["احمد 3", "مدرسه"]
    assert normalize_series(texts, steps=["normalize_alef"]).compute().tolist() == ["احمد ٣", "مدرسة"]
    assert can_push_down("lucene") and not can_push_down(arnorm.PRESETS["standard"])
    assert character_map([{"name": "remove_tatweel", "options": {}}]) == {"\u0640": ""}


@given(texts=st.lists(valid_utf8, max_size=20))
def test_arrow_backed_columns_equal_arnorm(texts) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    import arnorm.pandas  # noqa: F401

    series = pd.Series(texts + [None], dtype="string[pyarrow]")
    result = series.arnorm.normalize(preset="lucene")
    assert result.tolist()[:-1] == [arnorm.normalize(t, preset="lucene") for t in texts]
    assert pd.isna(result.iloc[-1])


# --- scikit-learn ---------------------------------------------------------------------------


def test_sklearn_transformer_in_a_pipeline() -> None:
    pytest.importorskip("sklearn")
    from sklearn.base import clone
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.pipeline import make_pipeline

    from arnorm.sklearn import ArabicNormalizer

    normalizer = ArabicNormalizer(preset="search")
    assert normalizer.get_params() == {"preset": "search", "steps": None}
    copy = clone(normalizer).set_params(preset="lucene")
    assert copy.preset == "lucene" and normalizer.preset == "search"
    model = make_pipeline(normalizer, CountVectorizer())
    matrix = model.fit_transform(["أحمد فى المدرسة", "احمد في المدرسه"])
    assert (matrix[0] != matrix[1]).nnz == 0
    assert normalizer.transform(["فى"]) == ["في"]
    assert ArabicNormalizer(steps=["remove_tatweel"]).fit_transform(["عـام"]) == ["عام"]


def test_sklearn_builds_its_pipeline_once_until_a_parameter_changes() -> None:
    pytest.importorskip("sklearn")
    from arnorm.sklearn import ArabicNormalizer

    steps = ["remove_tatweel", {"name": "normalize_digits", "options": {"to": "arabic"}}]
    normalizer = ArabicNormalizer(steps=steps)
    assert normalizer.fit(["x"]).transform(["عـام 2024"]) == ["عام ٢٠٢٤"]
    built = normalizer._pipeline()
    assert normalizer.transform(["عـام"]) == ["عام"]
    assert normalizer._pipeline() is built
    normalizer.set_params(steps=None, preset="search")
    assert normalizer.transform(["أحمد فى 2024"]) == ["احمد في 2024"]
    assert normalizer._pipeline() is Pipeline.coerce("search")
    normalizer.set_params(preset="lucene")
    assert normalizer.transform(["أحمد ٢٠٢٤"]) == ["احمد ٢٠٢٤"]
    normalizer.steps = arnorm.PRESETS["minimal"]  # assignment counts too
    assert normalizer.transform(["أحمد  ٢٠٢٤"]) == ["أحمد ٢٠٢٤"]


def test_sklearn_transformer_pickles_and_clones_with_its_parameters_only() -> None:
    pytest.importorskip("sklearn")
    import pickle

    from sklearn.base import clone

    from arnorm.sklearn import ArabicNormalizer

    normalizer = ArabicNormalizer(steps=["normalize_alef"])
    assert normalizer.transform(["أحمد"]) == ["احمد"]
    assert "_built" in vars(normalizer) and "_built" not in normalizer.__getstate__()
    for copy in (pickle.loads(pickle.dumps(normalizer)), clone(normalizer)):
        assert "_built" not in vars(copy)
        assert copy.get_params() == {"preset": "standard", "steps": ["normalize_alef"]}
        assert copy.transform(["أحمد إلى"]) == ["احمد الى"]
    assert "_built" in vars(normalizer)


def test_sklearn_bad_parameters_fail_at_fit() -> None:
    pytest.importorskip("sklearn")
    from arnorm.sklearn import ArabicNormalizer

    with pytest.raises(ValueError, match="unknown preset"):
        ArabicNormalizer(preset="nope").fit(["x"])


@pytest.mark.parametrize("preset", ["standard", "search", "minimal"])
@given(text=texts.filter(lambda text: not any("\ud800" <= ch <= "\udfff" for ch in text)))  # Rust strings
def test_the_custom_normalizer_writes_what_the_pipeline_does(preset: str, text: str) -> None:
    """The custom normalizer (replace per key present, rules replayed with
    offsets) gives the pipeline's output, with one alignment per character."""
    from tokenizers import NormalizedString

    from arnorm.hf import ArnormNormalizer

    normalized = NormalizedString(text)
    ArnormNormalizer(preset).normalize(normalized)
    assert normalized.normalized == arnorm.Pipeline.from_preset(preset)(text)


QURANIC_PIECES = ["يَٰ", "قَوْمِ", "بَنِىٓ", "يَـٰٓأَيُّهَا", "ٱلنَّاسُ", "هَٰٓأَنتُمْ", "وَيَٰ", "إِسْرَٰٓءِيلَ", " ", "\n", "ى", "ٰ",
                  "ٓ", "ـ", "ءَامَنُوا۟", "ٱلصَّلَوٰةَ", "\ue000"]


_EXPORTED: dict[str, object] = {}


@pytest.mark.parametrize("steps", ["quran", [{"name": "standardize_quranic_spelling", "options": {}}]])
@given(text=st.lists(st.sampled_from(QURANIC_PIECES), max_size=12).map("".join))
def test_the_custom_normalizer_inserts_where_a_step_splits_a_word(steps: object, text: str) -> None:
    """يَٰقَوْمِ → يا قوم: more output characters than the cluster they come
    from (a placeholder expanded by a literal replace), exact on any mix."""
    pytest.importorskip("tokenizers")
    from tokenizers import NormalizedString

    from arnorm.hf import ArnormNormalizer, to_hf_normalizer

    key = repr(steps)
    if key not in _EXPORTED:  # exporting builds native parts: once per pipeline
        _EXPORTED[key] = to_hf_normalizer(steps)
    pipe = Pipeline.coerce(steps)
    normalized = NormalizedString(text)
    ArnormNormalizer(pipe).normalize(normalized)
    assert normalized.normalized == pipe(text)
    assert _EXPORTED[key].normalize_str(text) == pipe(text)


def test_inserted_characters_align_to_the_cluster_they_come_from() -> None:
    pytest.importorskip("tokenizers")
    from tokenizers import Tokenizer, models, pre_tokenizers

    from arnorm.hf import to_hf_normalizer

    tokenizer = Tokenizer(models.WordLevel({"[UNK]": 0, "يا": 1, "قوم": 2}, unk_token="[UNK]"))
    tokenizer.normalizer = to_hf_normalizer("quran")
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    text = "قال يَٰقَوْمِ اعبدوا"
    encoding = tokenizer.encode(text)
    assert encoding.ids == [0, 1, 2, 0]
    assert [text[start:end] for start, end in encoding.offsets] == ["قال", "يَٰ", "قَوْم", "اعبدوا"]
    text = "قال ٱلَّيْلِ اعبدوا"  # ٱلَّيْلِ → الليل: a lam with no character of its own
    assert [text[start:end] for start, end in tokenizer.encode(text).offsets] == ["قال", "ٱلَّيْل", "اعبدوا"]


def test_the_custom_normalizer_keeps_a_letter_on_itself_and_rewrites_each_character_once() -> None:
    pytest.importorskip("tokenizers")
    from tokenizers import NormalizedString

    from arnorm.hf import ArnormNormalizer, to_hf_normalizer

    # Spaces deleted before a letter widen its span: the letter stays on itself.
    tokenizer = word_tokenizer(to_hf_normalizer(Pipeline(["normalize_whitespace"]), native=False))
    assert tokenizer.encode("  a b").offsets == [(2, 3), (4, 5)]
    # A value holding a key of the same map (ﳹ → غى beside ى → ي) is not mapped again.
    pipe = Pipeline(["normalize_alef_maksura", "fold_presentation_forms"])
    normalized = NormalizedString("ىﳹ")
    ArnormNormalizer(pipe).normalize(normalized)
    assert normalized.normalized == pipe("ىﳹ") == "يغى"
    # Placeholders come from the other private-use planes when the text holds the first.
    text = "".join(map(chr, range(0xE000, 0xF900))) + " يَٰقَوْمِ"
    normalized = NormalizedString(text)
    ArnormNormalizer("quran").normalize(normalized)
    assert normalized.normalized == arnorm.normalize(text, "quran")


def test_the_custom_normalizer_refuses_to_write_into_an_empty_text() -> None:
    pytest.importorskip("tokenizers")
    from tokenizers import NormalizedString

    from arnorm.hf import ArnormNormalizer

    def exclaim(text: str) -> str:
        return text + "!"

    with pytest.raises(ValueError, match="empty text"):
        ArnormNormalizer(Pipeline([exclaim])).normalize(NormalizedString(""))


# --- issue 28: edges of the integrations ------------------------------------------------------


def test_pandas_category_keeps_every_value_and_agrees_with_dask() -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    import arnorm.pandas  # noqa: F401
    from arnorm.dask import normalize_series

    values = ["فى البيت", "في البيت", None, "التى", "أحمد"]
    series = pd.Series(values, dtype="category", index=[3, 4, 5, 6, 7], name="t")
    result = series.arnorm.normalize()
    expected = [None if v is None else arnorm.normalize(v) for v in values]
    assert isinstance(result.dtype, pd.CategoricalDtype) and list(result.index) == [3, 4, 5, 6, 7]
    assert [None if pd.isna(v) else v for v in result.tolist()] == expected
    assert sorted(result.cat.categories) == sorted({v for v in expected if v is not None})  # merged
    by_dask = normalize_series(dd.from_pandas(series, npartitions=2)).compute()
    assert [None if pd.isna(v) else v for v in by_dask.tolist()] == expected
    ordered = pd.Series(pd.Categorical(["فى", "ب"], categories=["فى", "ب"], ordered=True))
    assert ordered.arnorm.normalize().cat.ordered


def test_batch_normalizer_without_batched_true_and_with_a_str_column() -> None:
    datasets = pytest.importorskip("datasets")
    from arnorm.hf import BatchNormalizer

    data = datasets.Dataset.from_dict({"text": ["فى البيت", None], "title": ["التى", "أحمد"]})
    single = data.map(BatchNormalizer("standard", columns="text"))
    assert single["text"] == ["في البيت", None] and single["title"] == ["التى", "أحمد"]
    batched = data.map(BatchNormalizer("search", columns=["text", "title"]), batched=True)
    assert batched["text"] == ["في البيت", None] and batched["title"] == ["التي", "احمد"]
    assert BatchNormalizer(columns="text").columns == ("text",)
    with pytest.raises(TypeError, match="column names"):
        BatchNormalizer(columns=[1])  # type: ignore[list-item]


def test_to_hf_normalizer_takes_anything_a_pipeline_is_built_from() -> None:
    pytest.importorskip("tokenizers")
    from arnorm.hf import to_hf_normalizer

    text = "أحمد فـــى"
    expected = Pipeline(["remove_tatweel", "normalize_alef"])(text)
    for steps in (["remove_tatweel", "normalize_alef"], [arnorm.remove_tatweel, arnorm.normalize_alef],
                  (step for step in ["remove_tatweel", "normalize_alef"])):
        assert to_hf_normalizer(steps).normalize_str(text) == expected


def test_to_hf_normalizer_is_native_with_persian_letters() -> None:
    pytest.importorskip("tokenizers")
    from arnorm.hf import to_hf_normalizer

    for steps in (["normalize_persian_letters"], ["normalize_persian_letters", "remove_tatweel"]):
        pipe = Pipeline(steps)
        normalizer = to_hf_normalizer(pipe)
        assert type(normalizer).__name__ == "Sequence"
        text = "کتاب یوم علی ی\U00010ecbب ی\u064eك ە ہ ڪ"
        assert normalizer.normalize_str(text) == pipe(text)


@given(text=valid_utf8)
def test_native_persian_letters_equal_arnorm(text: str) -> None:
    pytest.importorskip("tokenizers")
    from arnorm.hf import to_hf_normalizer

    pipe = Pipeline(["normalize_persian_letters"])
    assert to_hf_normalizer(pipe).normalize_str(text) == pipe(text)


def test_sklearn_refuses_a_str_and_keeps_one_column_2d_input() -> None:
    pytest.importorskip("sklearn")
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    from arnorm.sklearn import ArabicNormalizer

    normalizer = ArabicNormalizer(preset="search")
    with pytest.raises(TypeError, match="single str"):
        normalizer.transform("أحمد")
    with pytest.raises(TypeError, match="single str"):
        normalizer.fit("أحمد")
    frame = pd.DataFrame({"text": ["أحمد", "مدرسة"]}, index=[7, 8])
    result = normalizer.transform(frame)
    assert isinstance(result, pd.DataFrame) and list(result.columns) == ["text"] and list(result.index) == [7, 8]
    assert result["text"].tolist() == ["احمد", "مدرسه"]
    array = normalizer.transform(np.array([["أحمد"], ["مدرسة"]]))
    assert array.shape == (2, 1) and array[:, 0].tolist() == ["احمد", "مدرسه"]
    assert normalizer.transform([["أحمد"], ["مدرسة"]]) == [["احمد"], ["مدرسه"]]
    assert normalizer.transform(pd.Series(["أحمد"])) == ["احمد"]
    with pytest.raises(ValueError, match="2 columns"):
        normalizer.transform(pd.DataFrame({"a": ["x"], "b": ["y"]}))


def test_sklearn_steps_given_as_a_generator_serve_every_call() -> None:
    pytest.importorskip("sklearn")
    from sklearn.base import clone

    from arnorm.sklearn import ArabicNormalizer

    normalizer = ArabicNormalizer(steps=(step for step in ["remove_tatweel", "normalize_alef"]))
    for _ in range(3):
        assert normalizer.transform(["أحمـــد"]) == ["احمد"]
    assert clone(normalizer).transform(["أحمـــد"]) == ["احمد"]
    assert normalizer.get_params()["steps"] == ["remove_tatweel", "normalize_alef"]


@pytest.mark.parametrize("module, extra, missing", [
    ("arnorm.pandas", "pandas", "pandas"), ("arnorm.dask", "dask", "dask"),
    ("arnorm.sklearn", "sklearn", "sklearn"),
])
def test_importing_an_integration_without_its_extra_names_the_extra(module: str, extra: str, missing: str) -> None:
    import subprocess
    import sys

    code = f"import sys; sys.modules[{missing!r}] = None; import {module}"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("ModuleNotFoundError: arnorm's") and f"pip install '.[{extra}]'" in last


def test_hf_and_spark_without_their_extras_name_them() -> None:
    import subprocess
    import sys

    code = ("import sys; sys.modules['tokenizers'] = None; sys.modules['pyspark'] = None\n"
            "from arnorm.hf import to_hf_normalizer\n"
            "from arnorm.spark import column_expression, can_push_down\n"
            "assert can_push_down('lucene')\n"
            "for call in (lambda: to_hf_normalizer('lucene'), lambda: column_expression('t', 'lucene')):\n"
            "    try:\n        call()\n    except ModuleNotFoundError as error:\n        print(error)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert [line.split(" integration")[0] for line in result.stdout.splitlines()] == ["arnorm's hf", "arnorm's spark"]
    assert "pip install '.[hf]'" in result.stdout and "pip install '.[spark]'" in result.stdout
