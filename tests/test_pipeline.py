"""Pipeline: composition, explain, serialisation, pickling, map."""

from __future__ import annotations

import json
import pickle
from functools import partial

import pytest

import arnorm
from arnorm import (
    NORMALIZERS,
    PRESETS,
    Pipeline,
    normalize_alef,
    normalize_digits,
    normalize_quotes,
    reduce_repeats,
    remove_diacritics,
    remove_tatweel,
    restore_final_yaa,
)

TEXT = "قال الأمريكــى: “إنَّ الحَلَّ فى ٢٠٢٤”"


def sequential(steps: list, text: str) -> str:
    for step in steps:
        text = step(text)
    return text


def test_pipeline_equals_its_steps_in_order() -> None:
    steps = [remove_tatweel, remove_diacritics, restore_final_yaa,
             partial(normalize_quotes, style="guillemets"), partial(normalize_digits, to="latin")]
    assert Pipeline(steps)(TEXT) == sequential(steps, TEXT) == "قال الأمريكي: «إن الحل في 2024»"


@pytest.mark.parametrize("steps, text, expected", [
    # Found by Hypothesis: the mark between the two hamzas kept them apart for
    # reduce_repeats, so its deletion must not move before that rule to fuse
    # with the map in front of it.
    ([normalize_alef, partial(reduce_repeats, max_repeat=1), remove_diacritics], "ءٖء", "ءء"),
    (["normalize_hamza", "reduce_repeats", "remove_tatweel"], "جميـيـيـل", "جميييل"),
    # the invisible hides the feminine noun from the agreement rule
    (["remove_tatweel", "restore_final_yaa", "remove_invisibles"], "الطبقة\u200b السفلى", "الطبقة السفلي"),
])
def test_deletions_never_move_before_a_rule(steps, text: str, expected: str) -> None:
    resolved = [NORMALIZERS[step] if isinstance(step, str) else step for step in steps]
    assert Pipeline(steps)(text) == sequential(resolved, text) == expected


def test_steps_given_by_name_and_options() -> None:
    by_name = Pipeline(["remove_tatweel", {"name": "normalize_quotes", "options": {"style": "curly"}}])
    by_func = Pipeline([remove_tatweel, partial(normalize_quotes, style="curly")])
    assert by_name == by_func
    assert by_name('"أ"') == "“أ”"


def test_a_step_is_a_name_a_dict_a_normalizer_a_partial_or_a_callable() -> None:
    pipe = Pipeline(["remove_tatweel", {"name": "normalize_digits", "options": {"to": "arabic"}},
                     {"name": "normalize_alef"}, normalize_alef, partial(reduce_repeats, max_repeat=1),
                     str.strip])
    assert [step.name for step in pipe.steps] == [
        "remove_tatweel", "normalize_digits", "normalize_alef", "normalize_alef", "reduce_repeats", "strip"]
    assert pipe(" أحمـــد 2024 جمييييل ") == "احمد ٢٠٢٤ جميل"
    assert Pipeline(pipe.steps) == pipe


@pytest.mark.parametrize("step", [("normalize_quotes", {"style": "curly"}), ["remove_tatweel"], 3, None])
def test_other_step_shapes_are_rejected(step: object) -> None:
    with pytest.raises(TypeError, match='a pipeline step is a normalizer, .*"name": ..., "options"'):
        Pipeline([step])  # type: ignore[list-item]


def test_a_step_dict_has_only_name_and_options() -> None:
    with pytest.raises(ValueError, match="'name' and 'options'"):
        Pipeline([{"name": "normalize_quotes", "style": "curly"}])
    with pytest.raises(TypeError, match="options of step 'normalize_quotes' must be a mapping"):
        Pipeline([{"name": "normalize_quotes", "options": ["curly"]}])


def test_options_are_copied_at_construction() -> None:
    exceptions = {"بنى": "بني"}
    pipe = Pipeline([partial(restore_final_yaa, exceptions=exceptions)])
    exceptions["بنى"] = "بنى"
    exceptions["مشى"] = "مشي"
    assert pipe("بنى بيتا ثم مشى") == "بني بيتا ثم مشى"
    assert pipe.to_dict()["steps"] == [{"name": "restore_final_yaa",
                                        "options": {"exceptions": {"بنى": "بني"}, "keep_by_marks": True,
                                                    "habit": "auto"}}]
    assert pipe == Pipeline([partial(restore_final_yaa, exceptions={"بنى": "بني"})])
    with pytest.raises(TypeError):
        pipe.steps[0].options["exceptions"]["بنى"] = "بنى"  # type: ignore[index]


def test_equal_pipelines_hash_equal_whatever_the_order_of_option_keys() -> None:
    first = Pipeline([{"name": "restore_final_yaa", "options": {"exceptions": {"بنى": "بني", "مشى": "مشي"}}}])
    second = Pipeline([partial(restore_final_yaa, exceptions={"مشى": "مشي", "بنى": "بني"})])
    assert first == second and hash(first) == hash(second)
    assert len({first, second, Pipeline([restore_final_yaa])}) == 2
    defaults = Pipeline([normalize_digits, "remove_tatweel"])
    explicit = Pipeline([partial(normalize_digits, to="latin"), {"name": "remove_tatweel", "options": {}}])
    assert defaults == explicit and hash(defaults) == hash(explicit)
    assert Pipeline([partial(normalize_digits, to="arabic")]) != defaults


def test_a_step_built_by_hand_freezes_its_options() -> None:
    from arnorm import Step

    options = {"exceptions": {"بنى": "بني"}}
    step = Step("restore_final_yaa", options, ())
    options["exceptions"]["بنى"] = "بنى"
    assert step.options == {"exceptions": {"بنى": "بني"}}
    assert hash(step) == hash(Step("restore_final_yaa", {"exceptions": {"بنى": "بني"}}, ()))


def test_user_function_step() -> None:
    def shout(text: str) -> str:
        return text.upper()

    pipe = Pipeline([remove_tatweel, shout])
    assert pipe("abـc") == "ABC"
    assert [step.name for step in pipe.steps] == ["remove_tatweel", "shout"]
    with pytest.raises(ValueError, match="shout"):
        pipe.to_dict()


def test_explain_lists_only_the_steps_that_changed_the_text() -> None:
    pipe = Pipeline.from_preset("standard")
    changes = pipe.explain("فـــى  “البيت”")
    assert changes == [
        ("remove_tatweel", "فى  “البيت”"),
        ("restore_final_yaa", "في  “البيت”"),
        ("normalize_quotes", 'في  "البيت"'),
        ("normalize_whitespace", 'في "البيت"'),
    ]
    assert changes[-1][1] == pipe("فـــى  “البيت”")
    assert pipe.explain("نص") == []


def test_to_dict_is_json_and_round_trips_with_options() -> None:
    pipe = Pipeline([
        partial(remove_diacritics, keep_shadda=True),
        partial(normalize_quotes, style="guillemets"),
        partial(reduce_repeats, max_repeat=3),
        partial(restore_final_yaa, exceptions={"بنى": "بني"}),
    ])
    data = json.loads(json.dumps(pipe.to_dict()))
    assert data == {
        "version": 1,
        "steps": [
            {"name": "remove_diacritics", "options": {"keep_shadda": True}},
            {"name": "normalize_quotes", "options": {"style": "guillemets"}},
            {"name": "reduce_repeats", "options": {"max_repeat": 3}},
            {"name": "restore_final_yaa", "options": {"exceptions": {"بنى": "بني"}, "keep_by_marks": True,
                                                    "habit": "auto"}},
        ],
    }
    again = Pipeline.from_dict(data)
    assert again == pipe
    assert again("بنى عَلَّمَ \"x\" جمييييل") == pipe("بنى عَلَّمَ \"x\" جمييييل") == 'بني علّم «x» جميييل'


def test_to_dict_records_defaults() -> None:
    assert Pipeline([normalize_digits]).to_dict()["steps"] == [
        {"name": "normalize_digits", "options": {"to": "latin"}}
    ]


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_every_preset_round_trips(preset: str) -> None:
    pipe = Pipeline.from_preset(preset)
    assert Pipeline.from_dict(json.loads(json.dumps(pipe.to_dict()))) == pipe


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_a_preset_is_exactly_its_pipelines_to_dict(preset: str) -> None:
    data = PRESETS[preset]
    assert Pipeline.from_dict(data) == Pipeline.from_preset(preset)
    assert Pipeline.from_preset(preset).to_dict() == data
    assert json.loads(json.dumps(data)) == data


def test_presets_state_every_option() -> None:
    steps = PRESETS["standard"]["steps"]
    assert [step["name"] for step in steps] == [
        "fold_presentation_forms", "remove_invisibles", "normalize_persian_letters", "remove_tatweel",
        "restore_final_yaa", "remove_diacritics", "normalize_quotes", "normalize_punctuation",
        "normalize_whitespace"]
    assert {step["name"]: step["options"] for step in steps if step["options"]} == {
        "remove_diacritics": {"keep_shadda": False},
        "restore_final_yaa": {"exceptions": None, "keep_by_marks": False, "habit": "auto"},
        "normalize_quotes": {"style": "ascii"},
    }


def test_presets_cannot_be_changed_through_what_they_return() -> None:
    copy = PRESETS["search"]
    copy["steps"].clear()
    copy["version"] = 2
    PRESETS["minimal"]["steps"][0]["options"]["style"] = "x"
    assert len(PRESETS["search"]["steps"]) == 14 and PRESETS["search"]["version"] == 1
    assert PRESETS["minimal"]["steps"][0] == {"name": "fold_presentation_forms", "options": {}}
    assert Pipeline.from_preset("search")("أحمد ٣") == "احمد 3"
    with pytest.raises(TypeError):
        PRESETS["mine"] = copy  # type: ignore[index]
    assert sorted(PRESETS) == ["informal", "lucene", "minimal", "quran", "search", "standard"]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"steps": [{"name": "no_such_step", "options": {}}]}, "unknown step 'no_such_step'"),
        ({"steps": ["remove_tatweel"]}, "each step is"),
        ({"steps": [{"name": "normalize_quotes", "options": {"style": "odd"}}]}, "unknown quote style"),
        ({"steps": [{"name": "normalize_quotes", "options": {"colour": "red"}}]}, "unknown option"),
        ({"steps": [{"name": "remove_tatweel", "extra": 1}]}, "'name' and 'options'"),
        ({"steps": [42]}, "each step"),
        ({"steps": "remove_tatweel"}, "steps"),
        ([], "mapping"),
        ({"steps": [], "version": 2}, "version"),
        ({"steps": [], "import": "os.system"}, "unknown key"),
        ({"steps": [{"name": "os.system"}]}, "unknown step"),
    ],
)
def test_from_dict_rejects_bad_descriptions(data: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Pipeline.from_dict(data)  # type: ignore[arg-type]


def test_bad_steps() -> None:
    with pytest.raises(TypeError, match="got 42"):
        Pipeline([42])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        Pipeline("remove_tatweel")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="keyword-only"):
        Pipeline([partial(normalize_quotes, "x")])


def test_unknown_preset_names_the_choices() -> None:
    with pytest.raises(ValueError, match="'informal', 'lucene', 'minimal', 'quran', 'search', 'standard'"):
        Pipeline.from_preset("fast")
    with pytest.raises(ValueError, match="unknown preset"):
        arnorm.normalize("x", preset="fast")


def test_pickle_round_trip() -> None:
    pipe = Pipeline([remove_tatweel, partial(normalize_quotes, style="curly")])
    again = pickle.loads(pickle.dumps(pipe))
    assert again == pipe
    assert again(TEXT) == pipe(TEXT)


def test_map_keeps_order_and_is_lazy() -> None:
    pipe = Pipeline.from_preset("search")
    consumed = []

    def texts():
        for i in range(5):
            consumed.append(i)
            yield f"أحمد {i}"

    results = pipe.map(texts())
    assert consumed == []
    assert next(results) == "احمد 0"
    assert list(results) == [f"احمد {i}" for i in range(1, 5)]


def test_map_in_processes_equals_one_process() -> None:
    pipe = Pipeline.from_preset("standard")
    texts = [f"فى المبنى رقم {i} “نص”" for i in range(2000)]
    assert list(pipe.map(texts, jobs=2, chunksize=64)) == list(pipe.map(texts)) == [pipe(t) for t in texts]


def test_map_in_processes_reports_bad_items() -> None:
    with pytest.raises(TypeError, match="expected str, got int"):
        list(Pipeline.from_preset("minimal").map(["a", 1], jobs=2))  # type: ignore[list-item]


@pytest.mark.parametrize("jobs, error", [(0, ValueError), (-2, ValueError), (1.5, TypeError), (None, TypeError)])
def test_map_rejects_bad_jobs(jobs: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="jobs"):
        Pipeline().map(["a"], jobs=jobs)  # type: ignore[arg-type]


def test_empty_pipeline_is_identity() -> None:
    assert Pipeline()("نص") == "نص"
    assert len(Pipeline()) == 0


def test_every_normalizer_is_registered_and_exported() -> None:
    for name, func in NORMALIZERS.items():
        assert getattr(arnorm, name) is func
        assert name in arnorm.__all__


def test_repr_shows_the_steps() -> None:
    assert repr(Pipeline(["remove_tatweel"])) == "Pipeline(['remove_tatweel'])"


def test_a_rule_whose_effect_the_next_map_erases_is_left_out() -> None:
    """normalize_alef folds ا + U+0654 into ا; normalize_hamza's map right after
    it deletes U+0654 and maps every alef form to ا anyway, so the search
    pipeline runs no pass for the folding, with the same result."""
    from arnorm.letters import FOLD_DECOMPOSED_ALEF

    pipe = Pipeline([normalize_alef, "normalize_hamza"])
    text = "ا\u0654حمد ا\u0655يمان ا\u0653خر سؤال"
    assert FOLD_DECOMPOSED_ALEF not in pipe.plan(text)
    assert FOLD_DECOMPOSED_ALEF in Pipeline([normalize_alef]).plan(text)
    assert pipe(text) == sequential([normalize_alef, NORMALIZERS["normalize_hamza"]], text) == "احمد ايمان اخر سوال"


def test_a_composition_the_next_map_erases_narrows_to_the_letters_it_keeps() -> None:
    """remove_diacritics composes ا + U+0654 into أ; normalize_hamza right
    after it maps both to ا, so the search preset composes only what its map
    keeps apart (ے, ە and ہ + U+0654 are ۓ, ۀ and ۂ, which normalize_hamza
    leaves), and a text without those runs one fused map and no composition
    at all."""
    from arnorm._rules import Rule
    from arnorm.marks import COMPOSE_HAMZA_AFTER_DELETION

    pipe = Pipeline.from_preset("search")
    steps = list(pipe.steps)
    without = "سَا\u0654لَ مُو\u0654مِن شَي\u0654 ا\u0653خر"
    with_yeh_barree = without + " ے\u0654"

    def compositions(text: str) -> list[Rule]:
        return [p for p in pipe.plan(text) if isinstance(p, Rule) and p.name == "compose_hamza"]

    assert compositions(without) == []
    assert len(pipe.plan(without)) == len(pipe.plan("سأل مؤمن"))
    (narrowed,) = compositions(with_yeh_barree)
    assert narrowed is not COMPOSE_HAMZA_AFTER_DELETION and narrowed.triggers == "ہےە"
    assert pipe(without) == "سال مومن شي اخر"
    assert pipe(with_yeh_barree) == "سال مومن شي اخر ۓ"
    for text in (without, with_yeh_barree, "ﮮ\u0654 ہ\u0654"):
        assert pipe(text) == sequential(steps, text)


def test_a_composition_stays_whole_when_the_next_map_keeps_marks() -> None:
    from arnorm._plan import REDUCTIONS
    from arnorm._rules import CharMap
    from arnorm.marks import COMPOSE_HAMZA

    keeps_marks = CharMap({"\u0623": "\u0627"})
    assert REDUCTIONS["compose_hamza"](COMPOSE_HAMZA, keeps_marks, None) is COMPOSE_HAMZA


def test_the_registry_is_read_only() -> None:
    with pytest.raises(TypeError, match="does not support item assignment"):
        NORMALIZERS["remove_tatweel"] = str.upper  # type: ignore[index]
    with pytest.raises(AttributeError):
        NORMALIZERS.pop("remove_tatweel")  # type: ignore[attr-defined]
    assert NORMALIZERS["remove_tatweel"]("عـــام") == "عام"
    assert Pipeline(["remove_tatweel"])("عـــام") == "عام"


# --- one way in: Pipeline.coerce -------------------------------------------------------


def test_coerce_takes_every_form_of_a_pipeline() -> None:
    pipe = Pipeline(["remove_tatweel"])
    assert Pipeline.coerce(pipe) is pipe
    steps = ["remove_tatweel", {"name": "normalize_digits", "options": {"to": "arabic"}}]
    assert Pipeline.coerce(steps) == Pipeline.coerce(tuple(steps)) == Pipeline(steps)
    assert Pipeline.coerce(steps)("عـام 2024") == "عام ٢٠٢٤"
    assert Pipeline.coerce(Pipeline(steps).to_dict()) == Pipeline(steps)
    assert Pipeline.coerce(PRESETS["search"]) == Pipeline.coerce("search") == Pipeline.from_preset("search")


def test_coerce_shares_one_pipeline_per_preset() -> None:
    assert Pipeline.coerce("standard") is Pipeline.coerce("standard")
    assert Pipeline.coerce("standard") is not Pipeline.from_preset("standard")  # from_preset builds anew
    assert Pipeline.coerce("standard")("فـى") == "في"


@pytest.mark.parametrize("value, given", [(42, "int"), (b"search", "bytes"), (remove_tatweel, "function"),
                                          ({"remove_tatweel"}, "set"), (None, "NoneType")])
def test_coerce_rejects_anything_else_naming_what_it_got(value: object, given: str) -> None:
    with pytest.raises(TypeError, match=f"expected a Pipeline, a preset name, a list of steps or a "
                                        rf"Pipeline\.to_dict\(\) dict, got {given}$"):
        Pipeline.coerce(value)  # type: ignore[arg-type]


def test_coerce_names_the_presets_for_an_unknown_one() -> None:
    choices = "'informal', 'lucene', 'minimal', 'quran', 'search', 'standard'"
    with pytest.raises(ValueError, match=f"unknown preset 'fast'; choose from: {choices}"):
        Pipeline.coerce("fast")


def test_resolve_pipeline_checks_each_keyword() -> None:
    from arnorm.pipeline import resolve_pipeline

    assert resolve_pipeline() is Pipeline.coerce("standard")
    assert resolve_pipeline(pipeline=PRESETS["lucene"]) == Pipeline.from_preset("lucene")
    assert resolve_pipeline(steps=("remove_tatweel",)) == Pipeline(["remove_tatweel"])
    assert resolve_pipeline(steps=[]) == Pipeline()
    with pytest.raises(TypeError, match="preset must be a preset name"):
        resolve_pipeline(preset=["remove_tatweel"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="steps must be a list of steps, got str"):
        resolve_pipeline(steps="remove_tatweel")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="give one of preset, steps or pipeline, not preset and pipeline"):
        resolve_pipeline(preset="search", pipeline="search")


def test_a_pipeline_does_not_change() -> None:
    pipe = Pipeline.coerce("minimal")
    with pytest.raises(AttributeError):
        pipe.steps = ()  # type: ignore[misc]
    assert len(pipe) == 3


def test_a_short_quiet_text_skips_the_rare_probes_only_where_the_input_tells() -> None:
    """A short text without rare characters runs maps cut to their frequent
    keys; that is refused when a map's frequent key writes a later map's
    rare key (ASCII digits to Arabic-Indic ones, then back)."""
    from arnorm._accel.policy import DEFAULT
    from arnorm._plan import Plan, quiet_probe
    from arnorm._rules import CharMap, Rule

    search = Plan(Pipeline.from_preset("search").primitives)
    assert search._quiet is not None and search._quiet("فى القاهرة") is None and search._quiet("ی")
    to_arabic, to_latin = CharMap({"1": "\u0661"}), CharMap({"\u0661": "1"})
    between = Rule("x", "y", produces="y")
    assert quiet_probe([to_arabic, between, to_latin], frozenset(), DEFAULT) is None
    assert quiet_probe([to_latin, between, to_arabic], frozenset(), DEFAULT) is not None


# --- issue 28 ---------------------------------------------------------------------------------


def test_a_partial_of_a_users_wraps_wrapper_runs_the_users_function() -> None:
    import functools

    import arnorm

    @functools.wraps(arnorm.remove_diacritics)
    def wrapper(text: str, **options: bool) -> str:
        return "W" + arnorm.remove_diacritics(text, **options)

    for step in (functools.partial(wrapper, keep_shadda=True), functools.partial(wrapper), wrapper):
        pipe = Pipeline([step, "remove_tatweel"])
        assert pipe("عَلَّمَ").startswith("W") and pipe.batch(["عَلَّمَ"])[0].startswith("W")
        assert pipe.steps[0].func is step


def test_options_are_copied_and_frozen() -> None:
    import functools
    import pickle

    import arnorm

    exceptions = {"بنى": "بني"}
    pipe = Pipeline([functools.partial(arnorm.restore_final_yaa, exceptions=exceptions)])
    copy = pickle.loads(pickle.dumps(pipe))
    before = hash(pipe)
    exceptions["بنى"] = "بنى"
    exceptions["مبنى"] = "مبني"
    assert pipe("بنى مبنى") == copy("بنى مبنى") == "بني مبنى"
    assert hash(pipe) == before == hash(copy) and pipe == copy
    assert hash(Pipeline([{"name": "normalize_quotes", "options": {"style": "curly"}}])) == hash(
        Pipeline([functools.partial(arnorm.normalize_quotes, style="curly")]))


def test_too_many_steps_or_too_deep_options_are_a_clear_error() -> None:
    from arnorm.pipeline import MAX_DEPTH, MAX_STEPS

    assert len(Pipeline(["remove_tatweel"] * MAX_STEPS)) == MAX_STEPS
    with pytest.raises(ValueError, match=f"at most {MAX_STEPS} steps, got 3200"):
        Pipeline.from_dict({"steps": [{"name": "remove_tatweel"}] * 3200})
    nested: object = "بني"
    for _ in range(5000):
        nested = {"x": nested}
    with pytest.raises(ValueError, match=f"nested more than {MAX_DEPTH} deep"):
        Pipeline([{"name": "restore_final_yaa", "options": {"exceptions": nested}}])


def test_map_under_spawn_names_an_unpicklable_step(monkeypatch) -> None:
    import multiprocessing

    from arnorm import _parallel

    monkeypatch.setattr(_parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    pipe = Pipeline([lambda text: text.upper()])
    with pytest.raises(TypeError, match=r'not a lambda .*if __name__ == "__main__"'):
        list(pipe.map(["a"] * 10, jobs=2))


def test_map_under_spawn_without_a_main_guard_is_one_clear_error(tmp_path) -> None:
    import subprocess
    import sys

    script = tmp_path / "job.py"
    script.write_text("import multiprocessing\nmultiprocessing.set_start_method('spawn', force=True)\n"
                      "from arnorm import Pipeline\n"
                      "print(list(Pipeline.from_preset('search').map(['أحمد'] * 10, jobs=2)))\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("RuntimeError: the worker processes stopped") and '__name__ == "__main__"' in last
    guarded = tmp_path / "guarded.py"
    guarded.write_text("import multiprocessing\nfrom arnorm import Pipeline\nif __name__ == '__main__':\n"
                       "    multiprocessing.set_start_method('spawn', force=True)\n"
                       "    print(list(Pipeline.from_preset('search').map(['أحمد'] * 10, jobs=2)))\n",
                       encoding="utf-8")
    assert subprocess.run([sys.executable, str(guarded)], capture_output=True, text=True,
                          timeout=300).stdout == str(["احمد"] * 10) + "\n"


def test_every_rule_of_every_step_and_preset_compiles() -> None:
    """Rules compile their pattern on first use: every step, with its
    default options, and every preset's plan is compiled here once."""
    from arnorm._registry import NORMALIZERS
    from arnorm._rules import Rule

    pipelines = [Pipeline([name]) for name in NORMALIZERS] + [Pipeline.from_preset(name) for name in arnorm.PRESETS]
    rules = [p for pipe in pipelines for p in pipe.primitives if isinstance(p, Rule)]
    rules += [form for rule in rules for form in rule.batch_form]
    assert rules and all(rule.pattern.pattern for rule in rules)
