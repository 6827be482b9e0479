"""restore_teh_marbuta and restore_hamza: real words, the writer's habit,
the only letter that may change, idempotence, exceptions, lazy loading."""

from __future__ import annotations

import functools
import threading

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import arnorm
from arnorm import Pipeline, restore_hamza, restore_teh_marbuta

HAMZA_ALEFS = "أإآ"


@pytest.mark.parametrize(
    "written, standard",
    [
        ("مدرسه", "مدرسة"),
        ("جامعه", "جامعة"),
        ("الحكومه", "الحكومة"),
        ("وللجامعه", "وللجامعة"),
        ("بالمدرسه", "بالمدرسة"),
        ("السياره الجديده", "السيارة الجديدة"),
        ("العربيه", "العربية"),
    ],
)
def test_restores_teh_marbuta(written: str, standard: str) -> None:
    assert restore_teh_marbuta(written) == standard


@pytest.mark.parametrize("word", ["منه", "له", "عنه", "به", "عليه", "فيه", "وجه", "الله", "مياه", "شبه",
                                  "فقيه", "اخيه", "كتبه", "ولديه"])
def test_keeps_the_pronoun_suffix_and_nouns_in_heh(word: str) -> None:
    assert restore_teh_marbuta(word) == word


@pytest.mark.parametrize(
    "written, standard",
    [
        ("احمد", "أحمد"),
        ("الى", "إلى"),
        ("الاسلام", "الإسلام"),
        ("والاسلام", "والإسلام"),
        ("سال", "سأل"),
        ("مسالة", "مسألة"),
        ("لانه", "لأنه"),
        ("بان", "بأن"),
        ("امراة", "امرأة"),
        ("الان", "الآن"),
        ("اكثر من", "أكثر من"),
    ],
)
def test_restores_hamza(written: str, standard: str) -> None:
    assert restore_hamza(written) == standard


@pytest.mark.parametrize("word", ["اسم", "ابن", "استخدام", "انتخاب", "الكتاب", "كان", "قال", "اختر",
                                  "الاستقلال", "اثنان"])
def test_keeps_hamzat_al_wasl_and_long_alef(word: str) -> None:
    assert restore_hamza(word) == word


@pytest.mark.parametrize("written, standard", [
    ("حجمه ١٠٢٤ بايتًا", "حجمه ١٠٢٤ بايتًا"),  # بايت + the accusative's alef, not ب + إيتا
    ("اكتب ١٠ بايتا", "اكتب ١٠ بايتا"),
    ("ارصفها", "ارصفها"),  # a stem in ة or ى takes no alef after it
])
def test_the_alef_of_the_accusative_is_read_before_proclitics(written: str, standard: str) -> None:
    assert restore_hamza(written) == standard


@pytest.mark.parametrize(
    "written, standard",
    [
        ("قال الوزير ان الوضع مستقر", "قال الوزير إن الوضع مستقر"),
        ("قال الوزير في بيان صحفي امس ان الوضع مستقر", "قال الوزير في بيان صحفي أمس إن الوضع مستقر"),
        ("يريد ان يتعلم", "يريد أن يتعلم"),
        ("ان الله غفور", "إن الله غفور"),
        ("انتهى الاجتماع. ان الحل قريب", "انتهى الاجتماع. إن الحل قريب"),
        ("اكد الوزير ان الوضع مستقر", "أكد الوزير أن الوضع مستقر"),
        ("حيث ان الوضع مستقر", "حيث إن الوضع مستقر"),
        ("قال احمد ان الاسلام دين، لانه يريد ان يتعلم", "قال أحمد إن الإسلام دين، لأنه يريد أن يتعلم"),
        ("يعيد القيمة ان وجد", "يعيد القيمة إن وجد"),
        ("بعد ان كان الوضع مستقرا", "بعد أن كان الوضع مستقرا"),
        ('ترى في كتابها "العالم" ان الوضع مستقر', 'ترى في كتابها "العالم" أن الوضع مستقر'),
    ],
)
def test_the_clause_decides_an_and_in(written: str, standard: str) -> None:
    assert restore_hamza(written) == standard


def test_an_imperative_heads_its_sentence() -> None:
    assert restore_hamza("اكتب اسمك") == "اكتب اسمك"
    assert restore_hamza("لا اكتب الشعر") == "لا أكتب الشعر"


def test_a_line_that_writes_the_letter_is_left_alone() -> None:
    # the writer spells ة and hamza: its bare forms are meant
    assert restore_teh_marbuta("المدرسة والمكتبه") == "المدرسة والمكتبه"
    assert restore_hamza("أحمد والاسلام") == "أحمد والاسلام"
    assert restore_hamza("ا\u0654حمد والاسلام") == "ا\u0654حمد والاسلام"  # a hamza mark counts
    # line by line: the next line is the writer's own
    assert restore_teh_marbuta("المدرسة\nالمدرسه") == "المدرسة\nالمدرسة"
    assert restore_hamza("أحمد\u2028احمد") == "أحمد\u2028أحمد"  # every line break normalize_whitespace unifies


def test_marks_and_tatweel_inside_the_word_are_kept() -> None:
    assert restore_teh_marbuta("مدرسَهٌ") == "مدرسَةٌ"
    assert restore_hamza("الاِسلامُ") == "الإِسلامُ"
    assert restore_teh_marbuta("مدرسـه") == "مدرسـة"


@pytest.mark.parametrize(
    "step, exceptions, written, standard",
    [
        (restore_teh_marbuta, {"كتابه": "كتابة"}, "كتابه وكتابه", "كتابة وكتابة"),
        (restore_teh_marbuta, {"مدرسه": "مدرسه"}, "المدرسه", "المدرسه"),
        (restore_hamza, {"احمد": "احمد"}, "احمد", "احمد"),
        (restore_hamza, {"اسامه": "أسامه"}, "واسامه", "وأسامه"),
    ],
)
def test_exceptions_force_a_spelling(step, exceptions, written: str, standard: str) -> None:
    assert step(written, exceptions=exceptions) == standard


@pytest.mark.parametrize(
    "step, exceptions, error",
    [
        (restore_teh_marbuta, ["مدرسه"], TypeError),
        (restore_teh_marbuta, {"مدرسه": 1}, TypeError),
        (restore_teh_marbuta, {"مدرسة": "مدرسة"}, ValueError),  # not a word in ه
        (restore_teh_marbuta, {"مدرسه": "مدرست"}, ValueError),  # only ه → ة
        (restore_hamza, {"احمد": "محمد"}, ValueError),  # only ا → أ إ آ
        (restore_hamza, {"احمد": "أحمدي"}, ValueError),
    ],
)
def test_bad_exceptions(step, exceptions: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        step("مدرسه", exceptions=exceptions)


def test_registered_with_options_and_serialisable() -> None:
    for name in ("restore_teh_marbuta", "restore_hamza"):
        assert name in arnorm.NORMALIZERS
    pipe = Pipeline([restore_hamza, restore_teh_marbuta])
    assert Pipeline.from_dict(pipe.to_dict()) == pipe
    assert pipe.to_dict()["steps"][0] == {"name": "restore_hamza", "options": {"exceptions": None}}
    assert pipe.explain("الى المدرسه") == [("restore_hamza", "إلى المدرسه"), ("restore_teh_marbuta", "إلى المدرسة")]


def test_informal_preset() -> None:
    informal = Pipeline.from_preset("informal")
    assert informal("ذهب احمد الى المدرسه فى الصباح") == "ذهب أحمد إلى المدرسة في الصباح"
    assert informal("ذهب أحمد إلى المدرسة في الصباح") == "ذهب أحمد إلى المدرسة في الصباح"


_TEH_PIECES = st.sampled_from(["مدرسه", "منه", "ة", "ه", "ال", "و", "ب", "لل", " ", "\n", "\r", "\u2028", ".",
                               "\u064e", "\u0651", "ـ", "x", "جامعه", "الحكومه", "وجه", "\x00"])
_HAMZA_PIECES = st.sampled_from(["احمد", "ان", "الى", "قال", "الاسلام", "اسم", "اكتب", "أ", "إ", "آ", "ا",
                                 "\u0654", "\u0655", "\u0653", " ", "\n", "\r", ".", "\u0650", "ال", "و",
                                 "مسالة", "لانه", "x", "\x00", "،"])


@settings(max_examples=300, deadline=None)
@given(text=st.lists(_TEH_PIECES, max_size=25).map("".join))
def test_teh_marbuta_changes_only_final_heh_and_is_idempotent(text: str) -> None:
    restored = restore_teh_marbuta(text)
    assert len(restored) == len(text)
    assert all(a == b or (a == "ه" and b == "ة") for a, b in zip(text, restored))
    assert restore_teh_marbuta(restored) == restored


@settings(max_examples=300, deadline=None)
@given(text=st.lists(_HAMZA_PIECES, max_size=25).map("".join))
def test_hamza_changes_only_bare_alef_and_is_idempotent(text: str) -> None:
    restored = restore_hamza(text)
    assert len(restored) == len(text)
    assert all(a == b or (a == "ا" and b in HAMZA_ALEFS) for a, b in zip(text, restored))
    assert restore_hamza(restored) == restored


@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_any_text_without_arabic_comes_back_and_nothing_crashes(text: str) -> None:
    for step in (restore_teh_marbuta, restore_hamza):
        restored = step(text)
        if not any("\u0600" <= ch <= "\u06ff" for ch in text):
            assert restored == text


# Context for أن / إن (a quote, حيث, a verb of saying, لم after) and what ends a word.
_CONTEXT_PIECES = st.sampled_from(['"', "«", "حيث", "لم", "قالت", "\u06e5", "\u0640", "؟", "(", "اني"])


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.one_of(_TEH_PIECES, _HAMZA_PIECES, _CONTEXT_PIECES), max_size=30).map("".join))
@example(text="ذكر الكاتب «ان الامر، وذكر (ان الحل")  # a clause opened just before the word
@example(text="قال(ان الامر«ان،ان المدرسه،والجامعه")  # several words, some decided in context, in one token
def test_the_fast_path_equals_the_reference(text: str) -> None:
    for rule, runner in _restore_runners():  # one runner each for every example: its caches fill up
        assert runner(text) == rule(text)
        assert runner(text) == rule(text)  # again, from the words it has kept


@functools.cache
def _restore_runners() -> tuple:
    from arnorm._accel import rule_runner
    from arnorm.restore import _hamza, _teh_marbuta

    rules = (_teh_marbuta()[0], _hamza()[0], _hamza(exceptions={"اكتب": "أكتب"})[0])
    return tuple((rule, rule_runner(rule)) for rule in rules)


def test_the_fast_path_equals_the_reference_when_its_cache_keeps_emptying(monkeypatch) -> None:
    from arnorm._accel import rule_runner, yaa_scan
    from arnorm.restore import _hamza, _teh_marbuta

    monkeypatch.setattr(yaa_scan, "CACHE_LIMIT", 3)
    texts = ["قال احمد ان الاسلام دين، لانه يريد ان يتعلم", "المدرسه والجامعه منه", "ذكر «ان الامر» الى"] * 3
    for rule in (_teh_marbuta()[0], _hamza()[0]):
        runner = rule_runner(rule)
        for text in texts:
            assert runner(text) == rule(text)
        assert len(runner.by_word) <= 3 and len(runner.by_token) <= 3


@settings(max_examples=100, deadline=None)
@given(text=st.lists(st.one_of(_TEH_PIECES, _HAMZA_PIECES, st.sampled_from(
    ["فى", "على", "الى", "التى", "عرّفه", "حَمِّلْهُ", "بايتًا", "رمَى", "الأُولَى"])), max_size=25).map("".join))
def test_the_informal_preset_is_idempotent(text: str) -> None:
    informal = Pipeline.from_preset("informal")
    once = informal(text)
    assert informal(once) == once


def test_standard_text_comes_back_unchanged() -> None:
    text = ("قال رئيس الحكومة إن المدرسة الجديدة ستفتح أبوابها في أول السنة، وأضاف أن الإسلام دين السلام.\n"
            "اكتب اسمك في الخانة التالية ثم اضغط على الزر.")
    assert restore_teh_marbuta(text) == text
    assert restore_hamza(text) == text


def test_lexicons_load_once_under_concurrent_first_use() -> None:
    from arnorm._hamza_lexicon import parse as parse_hamza
    from arnorm._lexicon import Lazy, packaged
    from arnorm._teh_lexicon import parse as parse_teh

    for name, parse in (("hamza_lexicon.tsv.gz", parse_hamza), ("teh_marbuta_lexicon.tsv.gz", parse_teh)):
        reads = []
        lexicon = Lazy(lambda name=name: reads.append(1) or packaged(name)(), parse)
        barrier = threading.Barrier(8)
        results = []

        def work() -> None:
            barrier.wait()
            results.append(id(lexicon.get()))

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(set(results)) == 1 and len(results) == 8
        assert len(reads) == 1


def test_shipped_data_is_small_and_licensed() -> None:
    from importlib import resources

    data = resources.files("arnorm").joinpath("data")
    total = sum(data.joinpath(name).stat().st_size if hasattr(data.joinpath(name), "stat") else
                len(data.joinpath(name).read_bytes())
                for name in ("hamza_lexicon.tsv.gz", "teh_marbuta_lexicon.tsv.gz"))
    assert total <= 2_000_000
    licence = data.joinpath("LICENSE-restore-lexicons.md").read_text(encoding="utf-8")
    assert "CC BY-SA" in licence or "Attribution-ShareAlike" in licence


def test_held_out_evaluation_scores_both_classes() -> None:
    from benchmarks.restore_eval import TASKS, score

    lines = ["قال الوزير إن المدرسة الجديدة مفتوحة", "أعطاه كتابه في الجامعة"]
    for task in TASKS:
        result = score(task, lines)
        assert result["tokens"] > 0
        assert 0 <= result["accuracy"] <= 1
        assert result["standard_lines_unchanged"] == 1.0
