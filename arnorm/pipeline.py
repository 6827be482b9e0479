"""Pipeline: normalizers composed, fused into as few passes as possible."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Union

from ._offsets import identity_spans
from ._parallel import imap_ordered
from ._plan import Plan
from ._rules import Func, Primitive, run
from ._registry import NORMALIZERS, primitives_of, require_choice, require_str
from .presets import PRESETS

StepLike = Union[Callable[[str], str], str, "tuple[str, Mapping[str, Any]]"]
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Step:
    """One resolved step of a pipeline.

    Attributes:
        name: The normalizer's name (a user function's ``__name__``).
        options: Every option, defaults included (empty for user functions).
        primitives: What the step runs, in order.
        func: The user's callable, for steps that are not registered normalizers.
    """

    name: str
    options: Mapping[str, Any]
    primitives: tuple[Primitive, ...] = field(repr=False, compare=False)
    func: Callable[[str], str] | None = field(default=None, repr=False)

    def __call__(self, text: str) -> str:
        return run(self.primitives, text)

    @property
    def spec(self) -> str | tuple[str, dict[str, Any]] | Callable[[str], str]:
        """What rebuilds this step: a name, ``(name, options)``, or the callable."""
        if self.func is not None:
            return self.func
        return (self.name, dict(self.options)) if self.options else self.name


def _defaults(normalizer: Callable[..., str]) -> dict[str, Any]:
    parameters = inspect.signature(normalizer).parameters.values()
    return {p.name: p.default for p in parameters if p.kind is p.KEYWORD_ONLY}


def _registered(name: str, options: Mapping[str, Any]) -> Step:
    normalizer = NORMALIZERS[require_choice(name, NORMALIZERS, "step")]
    if not isinstance(options, Mapping):
        raise TypeError(f"options of step {name!r} must be a mapping, got {type(options).__name__}")
    resolved = _defaults(normalizer)
    unknown = set(options) - set(resolved)
    if unknown:
        valid = ", ".join(sorted(resolved)) or "none"
        raise ValueError(f"unknown option(s) {sorted(unknown)} for step {name!r}; valid: {valid}")
    resolved.update(options)
    factory = primitives_of(normalizer)
    assert factory is not None
    return Step(name, resolved, factory(**resolved))


def resolve_step(step: StepLike) -> Step:
    """Turn anything a Pipeline accepts as a step into a :class:`Step`.

    Accepted: a normalizer (``remove_diacritics``), a ``functools.partial`` of
    one with keyword options, its name, ``(name, options)``, or any other
    ``str -> str`` callable (run as it is; such a step is not serialisable).
    """
    if isinstance(step, Step):
        return step
    if isinstance(step, str):
        return _registered(step, {})
    if isinstance(step, tuple) and len(step) == 2 and isinstance(step[0], str):
        return _registered(step[0], step[1])
    if isinstance(step, functools.partial) and primitives_of(step.func) is not None:
        if step.args:
            raise ValueError(f"options of {step.func.__name__} are keyword-only; got {step.args}")
        return _registered(step.func.__name__, step.keywords)
    if callable(step):
        if primitives_of(step) is not None and NORMALIZERS.get(step.__name__) is step:
            return _registered(step.__name__, {})
        name = getattr(step, "__name__", type(step).__name__)
        return Step(name, {}, (Func(step),), func=step)
    raise TypeError(f"a pipeline step must be a callable, a name or (name, options); got {step!r}")


class Pipeline:
    """A sequence of normalizers run as one function.

    Adjacent character-level steps are fused into a single pass, so a
    pipeline is faster than calling its steps one after another, and returns
    exactly the same text.

    Args:
        steps: Normalizers, ``functools.partial`` objects binding their
            options, names, ``(name, options)`` pairs, or any ``str -> str``
            callables.

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
        self.steps: tuple[Step, ...] = tuple(resolve_step(step) for step in steps)
        self.primitives: tuple[Primitive, ...] = tuple(p for step in self.steps for p in step.primitives)
        """Every primitive of every step, in order, before fusion."""
        self._compiled: Plan | None = None

    @property
    def _plan(self) -> Plan:
        """The plan, made on first use: building a pipeline costs nothing more."""
        if self._compiled is None:
            self._compiled = Plan(self.primitives)
        return self._compiled

    def plan(self, text: str) -> tuple[Primitive, ...]:
        """What runs for ``text``: the fused passes, in order.

        Character maps of neighbouring steps are merged into one pass; a
        rule that cannot fire on ``text`` is left out, so the maps around it
        merge too. ``ARNORM_REFERENCE=1`` runs every primitive as declared.

        Examples:
            >>> pipe = Pipeline(["remove_tatweel", "normalize_persian_letters", "remove_diacritics"])
            >>> pipe.plan("كتـــاب")
            (CharMap(<140 entries>), Rule('compose_hamza'))
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
            ``(normalized, offsets)``: ``normalized == self(text)``, and
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
            ``[(step name, text after that step), …]`` for the steps that
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

    def map(self, texts: Iterable[str], *, jobs: int = 1, chunksize: int = 512) -> Iterator[str]:
        """Normalize many texts lazily, keeping their order.

        Args:
            texts: Any iterable of ``str``; it is read as results are consumed.
            jobs: Worker processes. With more than one, texts go to the
                workers in chunks, and at most ``2 * jobs`` chunks are in
                flight, so memory stays bounded on endless inputs.
            chunksize: Texts per chunk sent to a worker.

        Examples:
            >>> list(Pipeline.from_preset("search").map(["أحمد", "مدرسة"]))
            ['احمد', 'مدرسه']
        """
        for value, what in ((jobs, "jobs"), (chunksize, "chunksize")):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{what} must be an int, got {type(value).__name__}")
            if value < 1:
                raise ValueError(f"{what} must be at least 1, got {value}")
        if jobs == 1:
            return map(self, texts)
        chunks = _chunked(iter(texts), chunksize)
        return (text for chunk in imap_ordered(_normalize_chunk, self, chunks, jobs) for text in chunk)

    # --- building and saving -----------------------------------------------------

    @classmethod
    def from_preset(cls, name: str) -> Pipeline:
        """The named preset: ``"minimal"``, ``"standard"``, ``"search"`` or ``"lucene"``."""
        return cls(PRESETS[require_choice(name, PRESETS, "preset")])

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable description, options included.

        Raises:
            ValueError: a step is a user function, which cannot be saved by name.
        """
        custom = [step.name for step in self.steps if step.func is not None]
        if custom:
            raise ValueError(f"steps {custom} are not arnorm normalizers and cannot be serialised")
        steps = [{"name": step.name, "options": _jsonable(step.options)} for step in self.steps]
        return {"version": FORMAT_VERSION, "steps": steps}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Pipeline:
        """Rebuild a pipeline from :meth:`to_dict` output (e.g. parsed JSON).

        Only arnorm's own registered normalizers can be named; nothing is
        imported or called by path, so untrusted input is safe to load.

        Raises:
            ValueError: the data is not a pipeline description, or names an
                unknown step or option.
        """
        if not isinstance(data, Mapping) or not isinstance(data.get("steps"), list):
            raise ValueError('a pipeline description is a mapping with a "steps" list')
        extra = set(data) - {"version", "steps"}
        if extra:
            raise ValueError(f"unknown key(s) in pipeline description: {sorted(extra)}")
        if data.get("version", FORMAT_VERSION) != FORMAT_VERSION:
            raise ValueError(f"unsupported pipeline format version {data['version']!r}")
        specs: list[StepLike] = []
        for item in data["steps"]:
            if isinstance(item, str):
                specs.append(item)
            elif isinstance(item, Mapping) and isinstance(item.get("name"), str):
                if set(item) - {"name", "options"}:
                    raise ValueError(f"a step has keys 'name' and 'options', got {sorted(item)}")
                specs.append((item["name"], item.get("options") or {}))
            else:
                raise ValueError(f'each step is a name or {{"name": ..., "options": ...}}, got {item!r}')
        return cls(specs)

    # --- protocol ----------------------------------------------------------------

    def __reduce__(self) -> tuple[Any, ...]:
        return (Pipeline, ([step.spec for step in self.steps],))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Pipeline):
            return NotImplemented
        return [s.spec for s in self.steps] == [s.spec for s in other.steps]

    def __hash__(self) -> int:
        return hash(repr(self))

    def __len__(self) -> int:
        return len(self.steps)

    def __repr__(self) -> str:
        return f"Pipeline({[step.spec for step in self.steps]!r})"


def _jsonable(options: Mapping[str, Any]) -> dict[str, Any]:
    return {key: dict(value) if isinstance(value, Mapping) else value for key, value in options.items()}


def _chunked(texts: Iterator[str], size: int) -> Iterator[list[str]]:
    while chunk := list(islice(texts, size)):
        yield chunk


def _normalize_chunk(pipeline: Pipeline, chunk: list[str]) -> list[str]:
    return [pipeline(text) for text in chunk]


def resolve_pipeline(preset: str | None = None, steps: Iterable[StepLike] | None = None,
                     pipeline: Pipeline | None = None) -> Pipeline:
    """The pipeline named by at most one of ``preset``, ``steps`` or ``pipeline``.

    The integrations (pandas, Dask, Spark) take their pipeline this way; with
    none given it is the ``standard`` preset.

    >>> resolve_pipeline(steps=["remove_tatweel"])
    Pipeline(['remove_tatweel'])

    Raises:
        ValueError: more than one of them is given.
        TypeError: ``pipeline`` is not a :class:`Pipeline`.
    """
    given = [name for name, value in (("preset", preset), ("steps", steps), ("pipeline", pipeline))
             if value is not None]
    if len(given) > 1:
        raise ValueError(f"give one of preset, steps or pipeline, not {' and '.join(given)}")
    if pipeline is not None:
        if not isinstance(pipeline, Pipeline):
            raise TypeError(f"pipeline must be an arnorm.Pipeline, got {type(pipeline).__name__}")
        return pipeline
    if steps is not None:
        return Pipeline(steps)
    name = "standard" if preset is None else preset
    return preset_pipeline(name) if isinstance(name, str) else Pipeline.from_preset(name)


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
    require_str(text)
    return preset_pipeline(require_choice(preset, PRESETS, "preset"))(text)
