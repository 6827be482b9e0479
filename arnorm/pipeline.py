"""Pipeline: normalizers composed, fused into as few passes as possible."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from types import MappingProxyType
from typing import Any, Union

from typing import TYPE_CHECKING

from ._offsets import identity_spans
from ._parallel import imap_ordered
from ._rules import Func, Primitive, run
from ._registry import NORMALIZERS, primitives_of, require_choice, require_str
from .presets import FORMAT_VERSION, PRESETS

if TYPE_CHECKING:  # imported on first use: the planner compiles the accelerated paths
    from ._plan import Plan

StepLike = Union[Callable[[str], str], str, Mapping[str, Any]]
"""One step as :class:`Pipeline` takes it: a normalizer, a ``functools.partial``
of one, its name, ``{"name": ..., "options": {...}}``, or a ``str -> str`` callable."""
PipelineLike = Union["Pipeline", str, Sequence[StepLike], Mapping[str, Any]]
"""What :meth:`Pipeline.coerce` takes: a pipeline, a preset name, steps, or a to_dict() dict."""

MAX_STEPS = 256
"""The most steps a pipeline may have (planning a pipeline grows faster than
its length; real ones have a dozen): more raise ``ValueError``."""
MAX_DEPTH = 32
"""The deepest nesting of lists and mappings allowed inside a step's options."""


class FrozenOptions(Mapping[str, Any]):
    """A step's options: a read-only, hashable copy made when the step is built.

    Nested mappings are frozen the same way and lists become tuples, so a
    dict the caller passed (``exceptions={...}``) can change afterwards
    without changing the step, and equal steps hash equal whatever the order
    of their keys.

    >>> options = FrozenOptions({"exceptions": {"بنى": "بني"}})
    >>> options == {"exceptions": {"بنى": "بني"}}, hash(options) == hash(FrozenOptions(dict(options)))
    (True, True)
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, Any] = MappingProxyType({}), _depth: int = 0) -> None:
        if _depth > MAX_DEPTH:
            raise ValueError(f"step options are nested more than {MAX_DEPTH} deep")
        self._items = {key: _frozen(value, _depth + 1) for key, value in items.items()}

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return repr(_thawed(self))


def _frozen(value: Any, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise ValueError(f"step options are nested more than {MAX_DEPTH} deep")
    if isinstance(value, Mapping):
        return value if isinstance(value, FrozenOptions) else FrozenOptions(value, depth)
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(item, depth + 1) for item in value)
    if isinstance(value, set):
        return frozenset(value)
    return value


def _thawed(value: Any) -> Any:
    """``value`` with frozen options made plain again (dicts and lists, as in JSON)."""
    if isinstance(value, Mapping):
        return {key: _thawed(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [_thawed(item) for item in value]
    return value


@dataclass(frozen=True)
class Step:
    """One resolved step of a pipeline.

    Attributes:
        name: The normalizer's name (a user function's ``__name__``).
        options: Every option, defaults included (empty for user functions),
            copied and frozen when the step is built.
        primitives: What the step runs, in order.
        func: The user's callable, for steps that are not registered normalizers.
    """

    name: str
    options: Mapping[str, Any]
    primitives: tuple[Primitive, ...] = field(repr=False, compare=False)
    func: Callable[[str], str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.options, FrozenOptions):
            object.__setattr__(self, "options", FrozenOptions(self.options))

    def __call__(self, text: str) -> str:
        return run(self.primitives, text)

    def to_dict(self) -> dict[str, Any]:
        """``{"name": ..., "options": {...}}``: this step in :meth:`Pipeline.to_dict`."""
        return {"name": self.name, "options": _thawed(self.options)}

    @property
    def spec(self) -> str | dict[str, Any] | Callable[[str], str]:
        """What rebuilds this step: its name, :meth:`to_dict`, or the user's callable."""
        if self.func is not None:
            return self.func
        return self.to_dict() if self.options else self.name


@functools.cache
def _defaults(normalizer: Callable[..., str]) -> Mapping[str, Any]:
    parameters = inspect.signature(normalizer).parameters.values()
    return MappingProxyType({p.name: p.default for p in parameters if p.kind is p.KEYWORD_ONLY})


def _registered(name: str, options: Mapping[str, Any]) -> Step:
    normalizer = NORMALIZERS[require_choice(name, NORMALIZERS, "step")]
    if not isinstance(options, Mapping):
        raise TypeError(f"options of step {name!r} must be a mapping, got {type(options).__name__}")
    defaults = _defaults(normalizer)
    unknown = set(options) - set(defaults)
    if unknown:
        valid = ", ".join(sorted(defaults)) or "none"
        raise ValueError(f"unknown option(s) {sorted(unknown)} for step {name!r}; valid: {valid}")
    resolved = FrozenOptions({**defaults, **options})
    factory = primitives_of(normalizer)
    assert factory is not None
    return Step(name, resolved, factory(**resolved))


def _described(item: Mapping[str, Any]) -> Step:
    """The step of a ``{"name": ..., "options": {...}}`` entry (options may be left out)."""
    if not isinstance(item.get("name"), str) or set(item) - {"name", "options"}:
        raise ValueError(f"a step has keys 'name' and 'options' (its name is a str), got {dict(item)!r}")
    return _registered(item["name"], item.get("options", {}))


def _is_registered(func: Any) -> bool:
    return NORMALIZERS.get(getattr(func, "__name__", None)) is func


def resolve_step(step: StepLike | Step) -> Step:
    """Turn anything a Pipeline accepts as a step into a :class:`Step`.

    Accepted: a registered normalizer (``remove_diacritics``), a
    ``functools.partial`` of one with keyword options, its name, a
    ``{"name": ..., "options": {...}}`` entry as :meth:`Pipeline.to_dict`
    writes them, a :class:`Step`, or any other ``str -> str`` callable (run as
    it is; such a step is not serialisable).

    >>> resolve_step({"name": "normalize_digits", "options": {"to": "arabic"}})
    Step(name='normalize_digits', options={'to': 'arabic'})
    """
    if isinstance(step, Step):
        return step
    if isinstance(step, str):
        return _registered(step, {})
    if isinstance(step, Mapping):
        return _described(step)
    if isinstance(step, functools.partial) and _is_registered(step.func):
        if step.args:
            raise ValueError(f"options of {step.func.__name__} are keyword-only; got {step.args}")
        return _registered(step.func.__name__, step.keywords)
    if callable(step):
        if _is_registered(step):
            return _registered(step.__name__, {})
        name = getattr(step, "__name__", type(step).__name__)
        return Step(name, {}, (Func(step),), func=step)
    raise TypeError('a pipeline step is a normalizer, a functools.partial of one, its name, '
                    f'{{"name": ..., "options": {{...}}}} or a str -> str callable; got {step!r}')


class Pipeline:
    """A sequence of normalizers run as one function.

    Adjacent character-level steps are fused into a single pass, so a
    pipeline is faster than calling its steps one after another, and returns
    exactly the same text.

    Args:
        steps: Normalizers, ``functools.partial`` objects binding their
            options, names, ``{"name": ..., "options": {...}}`` entries as
            :meth:`to_dict` writes them, or any ``str -> str`` callables.
            Options are copied: changing a dict passed as an option later
            does not change the pipeline. At most :data:`MAX_STEPS` steps.

    Raises:
        TypeError: ``steps`` is a single ``str`` or not iterable, or a step
            is none of the above.
        ValueError: an unknown step or option, or more than :data:`MAX_STEPS` steps.

    Examples:
        >>> from functools import partial
        >>> from arnorm import normalize_quotes, remove_diacritics, remove_tatweel
        >>> pipe = Pipeline([remove_tatweel, remove_diacritics,
        ...                  partial(normalize_quotes, style="guillemets")])
        >>> pipe("قال “مَرْحَبـــاً”")
        'قال «مرحبا»'
        >>> pipe.explain("مَرْحَبـــاً")
        [('remove_tatweel', 'مَرْحَباً'), ('remove_diacritics', 'مرحبا')]
        >>> Pipeline.from_dict(pipe.to_dict()) == pipe
        True
    """

    def __init__(self, steps: Iterable[StepLike] = ()) -> None:
        if isinstance(steps, (str, bytes)) or not isinstance(steps, Iterable):
            raise TypeError(f"steps must be a list of steps, got {type(steps).__name__}")
        steps = list(steps)
        if len(steps) > MAX_STEPS:
            raise ValueError(f"a pipeline has at most {MAX_STEPS} steps, got {len(steps)}")
        self._steps = tuple(resolve_step(step) for step in steps)
        self.primitives: tuple[Primitive, ...] = tuple(p for step in self._steps for p in step.primitives)
        """Every primitive of every step, in order, before fusion."""
        self._compiled: Plan | None = None

    @property
    def steps(self) -> tuple[Step, ...]:
        """The resolved steps, in order (read-only: a pipeline never changes)."""
        return self._steps

    @property
    def _plan(self) -> Plan:
        """The plan, made on first use: building a pipeline costs nothing more."""
        if self._compiled is None:
            from ._plan import plan_of

            self._compiled = plan_of(self.primitives)
        return self._compiled

    def plan(self, text: str) -> tuple[Primitive, ...]:
        """What runs for ``text``: the fused passes, in order.

        Character maps of neighbouring steps are merged into one pass; a
        rule that cannot fire on ``text`` is left out, so the maps around it
        merge too. ``ARNORM_REFERENCE=1`` runs every primitive as declared.

        Examples:
            >>> pipe = Pipeline(["remove_tatweel", "normalize_persian_letters", "remove_diacritics"])
            >>> pipe.plan("كتـــاب")  # no hamza mark: the composition is left out, the maps merge
            (CharMap(<139 entries>),)
            >>> pipe.plan("کتاب یوم")[:2]
            (CharMap(<1 entries>), Rule('medial_farsi_yeh'))
        """
        return self._plan.passes(require_str(text))

    # --- running ---------------------------------------------------------------

    def __call__(self, text: str) -> str:
        """Normalize ``text`` with every step, in order."""
        if not isinstance(text, str):
            require_str(text)  # raises the TypeError that says what was expected
        return (self._compiled or self._plan)(text)

    def normalize_with_offsets(self, text: str) -> tuple[str, list[tuple[int, int]]]:
        """Normalize ``text`` and say where each output character came from.

        Returns:
            The pair ``(normalized, offsets)``, where ``normalized == self(text)``, and
                ``offsets[i]`` is the ``(start, end)`` span of ``text`` that output
                character ``i`` came from. Spans never decrease; a deleted
                character (a mark, an invisible, a collapsed space) widens the span
                of the character before it; a merge (ا + U+0654 → أ) spans both
                sources; an expansion (ﻻ → لا) gives both letters the span of ﻻ.
                :func:`arnorm.input_span` maps an output span back to the input.

        Note:
            Runs character by character in Python: use it for spans, and
            ``pipe(text)`` for bulk text.

        Examples:
            >>> pipe = Pipeline.from_preset("standard")
            >>> pipe.normalize_with_offsets("فِى  ﻻ")
            ('في لا', [(0, 2), (2, 3), (3, 5), (5, 6), (5, 6)])
        """
        text = require_str(text)
        spans = identity_spans(text)
        for primitive in self._plan.passes(text):
            text, spans = primitive.with_offsets(text, spans)
        return text, spans

    def explain(self, text: str) -> list[tuple[str, str]]:
        """Run the steps one by one and report each that changed the text.

        Returns:
            The list ``[(step name, text after that step), …]`` for the steps that
                changed something; the last text is the pipeline's result (or the
                input, when the list is empty).
        """
        text = require_str(text)
        changes = []
        for step in self.steps:
            result = step(text)
            if result != text:
                changes.append((step.name, result))
            text = result
        return changes

    def batch(self, texts: Sequence[str]) -> list[str]:
        """Normalize a list of texts at once: ``[pipe(text) for text in texts]``, faster.

        The texts are joined into one buffer by a separator that no step
        reads, writes or looks across (:data:`arnorm._rules.SEPARATOR`), each
        fused pass runs once over the buffer, and the result is split back;
        a step that could see across the join (a user's function, quote
        pairing, stripping a text's ends) runs text by text. Many short
        texts (table cells, tweets, records) cost a fraction of a call each.

        Raises:
            TypeError: ``texts`` is a ``str``, or one of them is not a ``str``.

        Examples:
            >>> Pipeline.from_preset("search").batch(["أحمد", "", "مدرسة  "])
            ['احمد', '', 'مدرسه']
        """
        if isinstance(texts, (str, bytes)):
            raise TypeError(f"texts must be a sequence of str, not a single {type(texts).__name__}")
        texts = texts if isinstance(texts, list) else list(texts)
        try:
            return self._plan.batch(texts)
        except TypeError:
            for text in texts:
                require_str(text)  # raises the TypeError that names what was expected
            raise

    def batch_values(self, values: Sequence[Any], missing: Sequence[bool] | None = None) -> list[Any]:
        """:meth:`batch` for a column that may hold missing values: each
        value where ``missing`` is true (``None``, NaN, ``pd.NA`` …) is kept
        as it is, every other must be a ``str`` and is normalized. What the
        integrations (pandas, datasets, Spark) call on a column.

        Examples:
            >>> Pipeline.from_preset("search").batch_values(["أحمد", None], [False, True])
            ['احمد', None]
        """
        if missing is None or not any(missing):
            return self.batch(values)
        where = [index for index, absent in enumerate(missing) if not absent]
        result = list(values)
        for index, text in zip(where, self.batch([values[index] for index in where])):
            result[index] = text
        return result

    def map(self, texts: Iterable[str], *, jobs: int = 1, chunksize: int = 4096) -> Iterator[str]:
        """Normalize many texts lazily, keeping their order.

        Texts are taken ``chunksize`` at a time and each chunk runs as one
        :meth:`batch`, so a million table cells cost about what one text of
        their total length does.

        Args:
            texts: Any iterable of ``str``; it is read as results are consumed.
            jobs: Worker processes. With more than one, texts go to the
                workers in chunks, and at most ``2 * jobs`` chunks are in
                flight, so memory stays bounded on endless inputs.
            chunksize: Texts per chunk (per batch, and per message to a worker).

        Examples:
            >>> list(Pipeline.from_preset("search").map(["أحمد", "مدرسة"]))
            ['احمد', 'مدرسه']
        """
        for value, what in ((jobs, "jobs"), (chunksize, "chunksize")):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{what} must be an int, got {type(value).__name__}")
            if value < 1:
                raise ValueError(f"{what} must be at least 1, got {value}")
        if isinstance(texts, (str, bytes)):
            raise TypeError(f"texts must be an iterable of str, not a single {type(texts).__name__}")
        chunks = _chunked(iter(texts), chunksize)
        return chain.from_iterable(imap_ordered(_normalize_chunk, self, chunks, jobs))

    # --- building and saving -----------------------------------------------------

    @classmethod
    def coerce(cls, pipeline: PipelineLike) -> Pipeline:
        """The pipeline ``pipeline`` stands for, in any form arnorm takes one.

        Every integration takes its pipeline through here, so all accept the
        same forms. A preset name gives that preset's shared pipeline, built
        once per process, so naming a preset per call costs nothing.

        Args:
            pipeline: A :class:`Pipeline` (returned as it is), a preset name,
                a list, a tuple or an iterator of steps (as :class:`Pipeline`
                takes them; an iterator is read once; a set, having no order,
                is refused), or a dict in the form :meth:`to_dict` writes.

        Raises:
            TypeError: ``pipeline`` is none of these.
            ValueError: an unknown preset, step or option.

        Examples:
            >>> Pipeline.coerce("search") is Pipeline.coerce("search")
            True
            >>> steps = [{"name": "normalize_digits", "options": {"to": "arabic"}}]
            >>> Pipeline.coerce({"version": 1, "steps": steps}) == Pipeline.coerce(steps)
            True
        """
        if isinstance(pipeline, Pipeline):
            return pipeline
        if isinstance(pipeline, str):
            return preset_pipeline(require_choice(pipeline, PRESETS, "preset"))
        if isinstance(pipeline, Mapping):
            return cls.from_dict(pipeline)
        if isinstance(pipeline, (list, tuple, Iterator)):
            return cls(pipeline)  # an iterator (a generator) of steps is read once
        raise TypeError("expected a Pipeline, a preset name, a list of steps or a Pipeline.to_dict() "
                        f"dict, got {type(pipeline).__name__}")

    @classmethod
    def from_preset(cls, name: str) -> Pipeline:
        """The named preset: ``"minimal"``, ``"standard"``, ``"search"`` or ``"lucene"``.

        The same as ``Pipeline.from_dict(PRESETS[name])``; each call builds a
        new pipeline.
        """
        return cls.from_dict(PRESETS[require_choice(name, PRESETS, "preset")])

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable description, options included.

        Raises:
            ValueError: a step is a user function, which cannot be saved by name.
        """
        custom = [step.name for step in self.steps if step.func is not None]
        if custom:
            raise ValueError(f"steps {custom} are not arnorm normalizers and cannot be serialised")
        return {"version": FORMAT_VERSION, "steps": [step.to_dict() for step in self.steps]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Pipeline:
        """Rebuild a pipeline from :meth:`to_dict` output (e.g. parsed JSON).

        Each step is ``{"name": ..., "options": {...}}``; options left out take
        their defaults. Only arnorm's own registered normalizers can be named;
        nothing is imported or called by path, so untrusted input is safe to load.

        Raises:
            ValueError: the data is not a pipeline description, or names an
                unknown step or option.
        """
        if not isinstance(data, Mapping) or not isinstance(data.get("steps"), (list, tuple)):
            raise ValueError('a pipeline description is a mapping with a "steps" list')
        extra = set(data) - {"version", "steps"}
        if extra:
            raise ValueError(f"unknown key(s) in pipeline description: {sorted(extra)}")
        if data.get("version", FORMAT_VERSION) != FORMAT_VERSION:
            raise ValueError(f"unsupported pipeline format version {data['version']!r}")
        for item in data["steps"]:
            if not isinstance(item, Mapping):
                raise ValueError(f'each step is {{"name": ..., "options": {{...}}}}, got {item!r}')
        return cls(data["steps"])

    # --- protocol ----------------------------------------------------------------

    def __reduce__(self) -> tuple[Any, ...]:
        return (Pipeline, ([step.spec for step in self.steps],))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Pipeline):
            return NotImplemented
        return self.steps == other.steps

    def __hash__(self) -> int:
        return hash(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def __repr__(self) -> str:
        return f"Pipeline({[step.spec for step in self.steps]!r})"


def _chunked(texts: Iterator[str], size: int) -> Iterator[list[str]]:
    while chunk := list(islice(texts, size)):
        yield chunk


def _normalize_chunk(pipeline: Pipeline, chunk: list[str]) -> list[str]:
    return pipeline.batch(chunk)


def resolve_pipeline(preset: str | None = None, steps: Sequence[StepLike] | None = None,
                     pipeline: PipelineLike | None = None) -> Pipeline:
    """The integrations' ``preset=``, ``steps=`` and ``pipeline=``, through :meth:`Pipeline.coerce`.

    At most one may be given: ``preset`` a preset name, ``steps`` a list of
    steps, ``pipeline`` anything :meth:`Pipeline.coerce` accepts; with none,
    the ``standard`` preset.

    >>> resolve_pipeline(steps=["remove_tatweel"])
    Pipeline(['remove_tatweel'])
    >>> resolve_pipeline() is resolve_pipeline(preset="standard") is resolve_pipeline(pipeline="standard")
    True

    Raises:
        ValueError: more than one of them is given.
        TypeError: ``preset`` is not a str, or ``steps`` not a list or tuple.
    """
    given = {name: value for name, value in (("preset", preset), ("steps", steps), ("pipeline", pipeline))
             if value is not None}
    if len(given) > 1:
        raise ValueError(f"give one of preset, steps or pipeline, not {' and '.join(given)}")
    if preset is not None and not isinstance(preset, str):
        raise TypeError(f"preset must be a preset name (str), got {type(preset).__name__}")
    if steps is not None and not isinstance(steps, (list, tuple)):
        raise TypeError(f"steps must be a list of steps, got {type(steps).__name__}")
    return Pipeline.coerce(next(iter(given.values()), "standard"))


@functools.lru_cache(maxsize=None)
def preset_pipeline(name: str) -> Pipeline:
    """The shared, compiled pipeline of a preset (built on first use)."""
    return Pipeline.from_preset(name)


def normalize(text: str, preset: str = "standard") -> str:
    """Normalize Arabic text with a preset pipeline.

    Args:
        text: Any string.
        preset: ``"standard"`` (default: clean, readable standard Arabic),
            ``"search"`` (lossy keys for indexing), ``"minimal"`` or
            ``"lucene"``.

    Raises:
        TypeError: ``text`` is not a ``str``.
        ValueError: ``preset`` is not a known preset.

    Examples:
        >>> normalize("ذهب إلى المستشفى فى القاهرة")
        'ذهب إلى المستشفى في القاهرة'
        >>> normalize("ذهب إلى المستشفى فى القاهرة", preset="search")
        'ذهب الي المستشفي في القاهره'
    """
    run = _PRESET_RUNNERS.get(preset) if type(preset) is str else None
    if run is None or type(text) is not str:  # the checks, once per preset (and for str subclasses)
        require_str(text)
        run = _PRESET_RUNNERS[preset] = preset_pipeline(require_choice(preset, PRESETS, "preset"))._plan.runner()
    return run(text)


_PRESET_RUNNERS: dict[str, Callable[[str], str]] = {}
"""Each preset's compiled plan, by name: a call of :func:`normalize` is a
dictionary lookup away from the passes."""
