"""The plan: a pipeline's primitives, fused into as few passes as each input allows.

:func:`~arnorm._rules.fuse` merges adjacent character maps, but a rule
between two maps keeps them apart even when it cannot fire: the Persian yeh
rule on a text without ی, the hamza composition on one without a combining
hamza. So each such rule gets a *guard*: characters of which at least one
must be in the input for the rule ever to see a trigger, found by walking
back through the steps before it (a map that turns ﯼ into ی adds ﯼ). Per
call, rules whose guard is absent are dropped and the maps around them
fused; plans are cached by the set of rules dropped. And a rule that the
map after it partly undoes is narrowed (:data:`REDUCTIONS`): in the search
preset, normalize_hamza's map erases the hamza composition except for ے.

Each pass then runs through the accelerator layer (:mod:`arnorm._accel`);
with ``ARNORM_REFERENCE=1`` in the environment, every primitive runs its
plain reference instead, one after another. The result is always exactly
that of running every step.

>>> from arnorm import Pipeline
>>> plan = Pipeline.from_preset("standard").plan
>>> len(plan("فى القاهرة")) < len(plan("فى القاهرة ی"))
True
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Sequence

from . import _rules
from ._accel import runners_of
from ._accel.codec import FREQUENT_ALPHABET, Alphabet, ByteMap
from ._accel.maps import MapRunner
from ._accel.policy import DEFAULT, Policy
from ._accel.probes import FREQUENT, presence_test, probe_class
from ._accel.repeats import byte_map_then_repeats
from ._chars import ALEF, ALEF_FORMS, ARABIC_MARKS, HAMZA_COMPOSITIONS, HAMZA_MARKS
from ._reach import ASCII, restricted
from ._rules import SEPARATOR, CharMap, Func, Primitive, Rule, fuse

REFERENCE = bool(os.environ.get("ARNORM_REFERENCE"))
"""Run the semantic layer alone: every primitive's reference, no plan."""
CodedRunners = tuple[Callable[[bytes], str] | None, tuple[Callable[[str], str], ...]]
"""How a text of frequent characters runs: its first map on its bytes (or
None), then the passes on the text."""


def _can_leave(before: CharMap | None, ch: str) -> bool:
    """Whether ``ch`` can be in what ``before`` returns (any, with no map)."""
    return before is None or ch not in before.table or ch in before.writes


def _narrow_composition(rule: Rule, after: CharMap, before: CharMap | None) -> Rule | None:
    """The hamza composition narrowed to the letters whose composition
    ``after`` does not erase: once every mark is deleted, a cluster keeps
    only its letter or its composition, and a letter that ``after`` maps as
    its compositions (أ and ا both to ا) needs no composing."""
    from .marks import hamza_composition

    table, bases = after.table, rule.params["bases"]
    if any(table.get(mark) != "" for mark in ARABIC_MARKS if _can_leave(before, mark)):
        return rule
    needed = frozenset(
        pair[0] for pair, composed in HAMZA_COMPOSITIONS.items()
        if pair[0] in bases and _can_leave(before, pair[0]) and _can_leave(before, pair[1])
        and table.get(composed, composed) != table.get(pair[0], pair[0])
    )
    return hamza_composition(needed, after_deletion=rule.params["after_deletion"]) if needed else None


def _erase_alef_folding(rule: Rule, after: CharMap, before: CharMap | None) -> Rule | None:
    """Nothing, when ``after`` deletes every hamza mark and maps every alef
    form as it maps ا: the folding of decomposed alefs then changes nothing."""
    table = after.table
    bare = table.get(ALEF, ALEF)
    erased = all(table.get(mark) == "" for mark in HAMZA_MARKS) and \
        all(table.get(form, form) == bare for form in ALEF_FORMS)
    return None if erased else rule


REDUCTIONS: dict[str, Callable[[Rule, CharMap, CharMap | None], Rule | None]] = {
    "compose_hamza": _narrow_composition,
    "fold_decomposed_alef": _erase_alef_folding,
}
"""What may run in a rule's place, given the map right after it (and the
one right before): the rule, a narrower rule, or None for nothing."""


def reduce_rules(primitives: tuple[Primitive, ...]) -> tuple[Primitive, ...]:
    """Each rule replaced by its reduction (:data:`REDUCTIONS`), the maps
    that meet when a rule goes fused; repeated until nothing changes."""
    for index, primitive in enumerate(primitives[:-1]):
        after = primitives[index + 1]
        reduce = REDUCTIONS.get(primitive.name) if isinstance(primitive, Rule) else None
        if reduce is None or not isinstance(after, CharMap):
            continue
        before = primitives[index - 1] if index else None
        reduced = reduce(primitive, after, before if isinstance(before, CharMap) else None)  # type: ignore[arg-type]
        if reduced is not primitive:
            kept = () if reduced is None else (reduced,)
            return reduce_rules(fuse(primitives[:index] + kept + primitives[index + 1 :]))
    return primitives


def commutes(step: CharMap, rule: Primitive) -> bool:
    """Whether running ``step`` before ``rule`` gives what running it after does."""
    if not isinstance(rule, Rule) or rule.context is None or rule.produces is None:
        return False
    if not all(step.table.values()):
        return False  # a deletion can join what it separated ("ءٖء" has no run of ء)
    touched = set(step.table).union(*step.table.values())
    return touched.isdisjoint(rule.context) and rule.produces.isdisjoint(step.table)


def hoist_maps(primitives: Iterable[Primitive]) -> list[Primitive]:
    """Move each character map back past the rules it commutes with, up to
    the previous map, so that the two fuse; nothing else moves. (The search
    preset's whitespace map joins the big map past reduce_repeats, and the
    standard preset's joins it past restore_final_yaa, on every text
    without a CR.)"""
    result: list[Primitive] = []
    for primitive in primitives:
        result.append(primitive)
        if not isinstance(primitive, CharMap):
            continue
        position = len(result) - 1
        while position > 0 and commutes(primitive, result[position - 1]):
            position -= 1
        if 0 < position < len(result) - 1 and isinstance(result[position - 1], CharMap):
            result.insert(position, result.pop())
    return result


def guards(primitives: Sequence[Primitive]) -> dict[int, frozenset[str]]:
    """For each rule that can be proven idle from the input alone, its guard."""
    found: dict[int, frozenset[str]] = {}
    for index, rule in enumerate(primitives):
        if not isinstance(rule, Rule) or not rule.triggers:
            continue
        guard = set("".join(rule.triggers))
        for earlier in range(index - 1, -1, -1):
            step = primitives[earlier]
            if isinstance(step, CharMap):
                guard.update(key for key, value in step.table.items() if not guard.isdisjoint(value))
            elif isinstance(step, Func) or not isinstance(step, Rule):
                break
            elif step.produces is None or not guard.isdisjoint(step.produces):
                if earlier not in found:
                    break
                guard |= found[earlier]
        else:
            found[index] = frozenset(guard)
    return found


class Plan:
    """The primitives of a pipeline and, per input, the passes that run it.

    Args:
        primitives: Every primitive of every step, in order.
        policy: The accelerators' thresholds.
        reference: Run each primitive's reference, one after another.
    """

    def __init__(self, primitives: Sequence[Primitive], policy: Policy = DEFAULT,
                 reference: bool = REFERENCE) -> None:
        self.primitives = tuple(primitives)
        self.policy, self.reference = policy, reference
        self._plans: dict[int, tuple[Primitive, ...]] = {}
        self._runners: dict[int, tuple[Callable[[str], str], ...]] = {}
        self._stages: dict[int, tuple[tuple[bool, Callable[[str], str]], ...]] = {}
        if reference:
            self._guards: tuple[tuple[int, int, Callable[[str], bool]], ...] = ()
            self._any_guard = self._quiet = None
            self._ascii: tuple[Callable[[str], str], ...] | None = None
            self._alphabet: Alphabet | None = None
            return
        self._base = reduce_rules(fuse(hoist_maps(self.primitives)))
        # An ASCII text (English, numbers, an empty cell) meets no Arabic
        # key or trigger: its own few passes, without probes.
        self._ascii = runners_of(reduce_rules(fuse(restricted(self._base, ASCII))), policy)
        # Dropping a rule only helps between two maps that can then fuse.
        maps = [i for i, primitive in enumerate(self._base) if isinstance(primitive, CharMap)]
        found = {index: guard for index, guard in guards(self._base).items()
                 if maps and maps[0] < index < maps[-1]}
        self._guards = tuple((1 << bit, index, presence_test(guard, policy))
                             for bit, (index, guard) in enumerate(found.items()))
        # Guards of rare characters (Persian letters, combining hamza, CR …)
        # are absent from most texts: one probe of their union tells.
        rare = [(bit, guard) for (bit, _, _), guard in zip(self._guards, found.values())
                if guard.isdisjoint(FREQUENT)]
        union = frozenset().union(*(guard for _, guard in rare))
        self._any_guard = presence_test(union, policy) if union else None
        self._rare_idle = sum(bit for bit, _ in rare)
        self._common_guards = tuple(entry for entry in self._guards if not entry[0] & self._rare_idle)
        self._quiet = quiet_probe(self._base, union, policy)
        self._quiet_runners: dict[int, tuple[Callable[[str], str], ...]] = {}
        # A short text of frequent characters alone (most Arabic rows) is
        # quiet, whatever the plan: the alphabet's encoder tells at once,
        # without the probes, and the guards need only their frequent part.
        alphabet_helps = (self._quiet is not None or self._any_guard is not None
                          or self._coded_map(self._rare_idle) is not None)
        self._alphabet = FREQUENT_ALPHABET if alphabet_helps else None
        self._coded_guards = tuple((bit, presence_test(found[index] & FREQUENT, policy))
                                   for bit, index, _ in self._common_guards)
        self._coded_runners: dict[int, CodedRunners] = {}

    def _key(self, text: str) -> int:
        """The bits of the rules that cannot fire on ``text``."""
        if self._any_guard is not None and not self._any_guard(text):
            key, guards = self._rare_idle, self._common_guards
        else:
            key, guards = 0, self._guards
        for bit, _, present in guards:
            if not present(text):
                key |= bit
        return key

    def _plan(self, key: int) -> tuple[Primitive, ...]:
        plan = self._plans.get(key)
        if plan is None:
            if self.reference:
                plan = self.primitives
            else:
                idle = {index for bit, index, _ in self._guards if key & bit}
                plan = reduce_rules(fuse(hoist_maps(p for i, p in enumerate(self._base) if i not in idle)))
            self._plans[key] = plan
        return plan

    def passes(self, text: str) -> tuple[Primitive, ...]:
        """The primitives that run, for ``text``, in order."""
        return self._plan(self._key(text))

    def __call__(self, text: str) -> str:
        if text.isascii() and self._ascii is not None:
            for run_pass in self._ascii:
                text = run_pass(text)
            return text
        if self._alphabet is not None and len(text) < self.policy.coded_text:
            encoded = self._alphabet.encode(text)
            if encoded is not None:
                return self._run_coded(text, encoded)
        if self._quiet is not None and len(text) < self.policy.dense_text and self._quiet(text) is None:
            # A short text without a rare character, the usual one: its rare
            # guards are idle and the maps need not look for rare keys.
            key = self._rare_idle
            for bit, _, present in self._common_guards:
                if not present(text):
                    key |= bit
            runners = self._quiet_runners.get(key) or self._quiet_runners_of(key)
        else:
            key = self._key(text) if self._guards else 0  # no guards: one plan for every text
            runners = self._runners.get(key) or self._runners_of(key)
        for run_pass in runners:
            text = run_pass(text)
        return text

    def _run_coded(self, text: str, encoded: bytes) -> str:
        """A short text of frequent characters alone (``encoded`` in
        :data:`~arnorm._accel.codec.FREQUENT_ALPHABET`): the rare guards idle,
        the others tested for their frequent characters, the first map run on
        the bytes where that pays (and reduce_repeats after it skipped when
        those bytes hold no run)."""
        key = self._rare_idle
        for bit, present in self._coded_guards:
            if not present(text):
                key |= bit
        first, runners = self._coded_runners.get(key) or self._coded_runners_of(key)
        if first is not None:
            text = first(encoded)
        for run_pass in runners:
            text = run_pass(text)
        return text

    def _coded_runners_of(self, key: int) -> CodedRunners:
        """``key``'s passes for a text of frequent characters: the first map
        as a function of the text's bytes (or None), and the passes after it,
        its tail first."""
        if self._quiet is not None:  # the maps may skip their rare keys
            runners = self._quiet_runners.get(key) or self._quiet_runners_of(key)
        else:
            runners = self._runners.get(key) or self._runners_of(key)
        first_map = self._coded_map(key)
        byte_map = ByteMap.of(FREQUENT_ALPHABET, first_map.table) if first_map is not None else None
        if byte_map is None:
            entry: CodedRunners = (None, runners)
        else:
            assert isinstance(runners[0], MapRunner)
            entry = self._with_tail(byte_map, runners[0].funcs, runners[1:], self._plan(key))
        self._coded_runners[key] = entry
        return entry

    @staticmethod
    def _with_tail(byte_map: ByteMap, tail: tuple[Callable[[str], str], ...],
                   rest: tuple[Callable[[str], str], ...], plan: tuple[Primitive, ...]) -> CodedRunners:
        """The first map on the bytes, then its tail (the rules right after it
        in ``plan``, one function each) and the ``rest``; reduce_repeats
        first in the tail is tested on the map's bytes
        (:func:`~._accel.repeats.byte_map_then_repeats`)."""
        if tail:
            with_repeats = byte_map_then_repeats(byte_map, plan[1], tail[0])  # type: ignore[arg-type]
            if with_repeats is not None:
                return with_repeats, tail[1:] + rest
        return byte_map, tail + rest

    def _coded_map(self, key: int) -> CharMap | None:
        """``key``'s first map, if it has enough frequent keys that running it
        on a text's bytes (:mod:`~arnorm._accel.codec`) beats a guarded chain."""
        first = self._plan(key)[0] if self._base else None
        if isinstance(first, CharMap) and sum(ch in FREQUENT for ch in first.table) >= self.policy.coded_keys:
            return first
        return None

    def _quiet_runners_of(self, key: int) -> tuple[Callable[[str], str], ...]:
        """The passes of ``key``'s plan with each map cut to its frequent keys."""
        plan = tuple(CharMap({k: v for k, v in p.table.items() if k in FREQUENT}) if isinstance(p, CharMap) else p
                     for p in self._plan(key))
        runners = self._quiet_runners[key] = runners_of(plan, self.policy)
        return runners

    def runner(self) -> Callable[[str], str]:
        """The plan as one function: its only pass itself when every text
        runs the same single pass (most single normalizers), else the plan."""
        if self.reference or self._guards:
            return self
        runners = self._runners.get(0) or self._runners_of(0)
        return runners[0] if len(runners) == 1 else self

    def _runners_of(self, key: int) -> tuple[Callable[[str], str], ...]:
        plan = self._plan(key)
        runners = self._runners[key] = tuple(plan) if self.reference else runners_of(plan, self.policy)
        return runners

    def batch(self, texts: list[str]) -> list[str]:
        """``[self(text) for text in texts]``, in buffers of about
        ``policy.batch_text`` code points (:meth:`joined`), so that each
        pass works in the CPU cache whatever the number of texts."""
        count = len(texts)
        if count < 2 or self.reference:
            return [self(text) for text in texts]
        sample = texts[:64]
        mean = sum(map(len, sample)) / len(sample) + 1
        size = max(16, int(self.policy.batch_text / mean))
        if count <= size:
            return self.joined(texts)
        rows: list[str] = []
        for start in range(0, count, size):
            rows += self.joined(texts[start : start + size])
        return rows

    def joined(self, texts: list[str]) -> list[str]:
        """``[self(text) for text in texts]``, run on the texts joined by
        :data:`~arnorm._rules.SEPARATOR`: one pass per primitive for the
        whole batch, except that a primitive that could see across the join
        (:func:`separable`) runs text by text, and a batch in which a text
        holds the separator itself runs text by text throughout.

        No pass writes or deletes the separator, and a text that holds one
        splits into more pieces than there were texts, so that the count of
        pieces at the end tells whether the batch was split right."""
        count = len(texts)
        if count < 2 or self.reference:
            return [self(text) for text in texts]
        joined = SEPARATOR.join(texts)
        key = self._key(joined) if self._guards else 0
        stages = self._stages.get(key) or self._stages_of(key)
        *before, (apart, last) = stages
        if any(one_by_one for one_by_one, _ in before) and joined.count(SEPARATOR) != count - 1:
            return [self(text) for text in texts]  # a user's function must see each text once
        for one_by_one, run_pass in before:
            joined = SEPARATOR.join(map(run_pass, joined.split(SEPARATOR))) if one_by_one else run_pass(joined)
        rows = list(map(last, joined.split(SEPARATOR))) if apart else last(joined).split(SEPARATOR)
        if len(rows) != count:  # a text held the separator, or a user's function wrote one
            return [self(text) for text in texts]
        return rows

    def _stages_of(self, key: int) -> tuple[tuple[bool, Callable[[str], str]], ...]:
        """The plan's passes, each marked with whether it runs text by text."""
        stages: list[tuple[bool, Callable[[str], str]]] = []
        joint: list[Primitive] = []
        for primitive in self._plan(key):
            if isinstance(primitive, Rule) and primitive.batch_form:
                joint.extend(primitive.batch_form)  # together, separable
                continue
            if separable(primitive):
                joint.append(primitive)
                continue
            stages.extend((False, run_pass) for run_pass in runners_of(joint, self.policy))
            stages.extend((True, run_pass) for run_pass in runners_of((primitive,), self.policy))
            joint = []
        stages.extend((False, run_pass) for run_pass in runners_of(joint, self.policy))
        if not stages:
            stages.append((False, str))
        self._stages[key] = result = tuple(stages)
        return result


def quiet_probe(plan: Sequence[Primitive], rare_guards: frozenset[str],
                policy: Policy) -> Callable[[str], object] | None:
    """A search for the characters whose absence lets a short text skip
    every rare guard and every map's rare keys: those guards and those
    keys. None when no map has rare keys, or when a pass could write a rare
    key of a later map (then the input alone does not tell); a map, given
    no rare key, writes only the values of its frequent keys."""
    rare = set(rare_guards)
    written: set[str] = set()
    for primitive in plan:
        if isinstance(primitive, CharMap):
            keys = {key for key in primitive.table if key not in FREQUENT}
            if not written.isdisjoint(keys):
                return None
            rare |= keys
            written.update(*(value for key, value in primitive.table.items() if key in FREQUENT))
        elif isinstance(primitive, Rule) and primitive.produces is not None:
            written |= primitive.produces
        else:
            return None  # a function, or a rule that may write anything
    if not rare - rare_guards:
        return None
    return re.compile(probe_class(rare, policy)).search


def separable(primitive: Primitive) -> bool:
    """Whether ``primitive`` acts on ``a + SEPARATOR + b`` as on ``a`` and
    ``b`` apart: a map that neither reads nor writes the separator, a rule
    declared so; never a user's function."""
    if isinstance(primitive, CharMap):
        return SEPARATOR not in primitive.table and SEPARATOR not in primitive.writes
    return isinstance(primitive, Rule) and primitive.separable


@functools.lru_cache(maxsize=128)  # bounded: a step with user exceptions is new each build
def plan_of(primitives: tuple[Primitive, ...]) -> Plan:
    """The shared plan of a sequence of primitives: the steps' primitives are
    cached objects, so every pipeline of the same steps gets the same plan."""
    return Plan(primitives)


def _compile_step(primitives: tuple[Primitive, ...]) -> Callable[[str], str]:
    return plan_of(primitives).runner()


if not REFERENCE:
    _rules.use_engine(_compile_step)
