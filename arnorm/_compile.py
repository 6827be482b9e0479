"""A pipeline's primitives, fused into as few passes as each input allows.

:func:`~arnorm._primitives.fuse` merges adjacent character maps, but a rule
between two maps keeps them apart, even when it cannot fire: the Persian yeh
rule when the text has no ی, the hamza composition when it has no combining
hamza. So each guarded rule gets a *guard*: characters of which at least one
must be in the *input* for the rule to ever see a trigger, found by walking
back through the steps before it (a map that turns ﯼ into ی adds ﯼ; a rule
that may write ی adds that rule's own guard). Per call, rules whose guard is
absent are dropped and the maps around them fused; plans are cached by the
set of rules dropped. The result is exactly that of running every step.

Two more savings keep that result. A rule may be reduced by the maps around
it (``Rule(reduced_by=...)``): in the search preset the hamza composition,
whose work normalize_hamza's map undoes, narrows to ے + hamza, so its guard
is ے. And the rules right after a map that have a NumPy form
(``Rule(vector=...)``: reduce_repeats, the whitespace rules) run with the map
(:func:`runners_of`), on its array when it runs as a NumPy lookup.

>>> from arnorm import Pipeline
>>> plan = Pipeline.from_preset("standard")._plan
>>> len(plan.passes("فى القاهرة")) < len(plan.passes("فى القاهرة ی"))
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ._executors import FREQUENT, charmap_executor, presence_test
from ._primitives import CharMap, Func, Primitive, Rule, reduce_rules, fuse


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


def commutes(step: CharMap, rule: Primitive) -> bool:
    """Whether running ``step`` before ``rule`` gives what running it after does."""
    if not isinstance(rule, Rule) or rule.context is None or rule.produces is None:
        return False
    if not all(step.table.values()):
        # A deletion can join what it separated: "ءٖء" has no run of ء until
        # the mark goes, whatever characters the rule looks at.
        return False
    touched = set(step.table).union(*step.table.values())
    return touched.isdisjoint(rule.context) and rule.produces.isdisjoint(step.table)


def hoist_maps(primitives: list[Primitive]) -> list[Primitive]:
    """Move each character map back past the rules it commutes with, up to
    the previous map, so that the two can fuse; nothing else moves."""
    result: list[Primitive] = []
    for primitive in primitives:
        result.append(primitive)
        if not isinstance(primitive, CharMap):
            continue
        position = len(result) - 1
        while position > 0 and commutes(primitive, result[position - 1]):
            position -= 1
        if position < len(result) - 1 and position > 0 and isinstance(result[position - 1], CharMap):
            result.insert(position, result.pop())
    return result


class Plan:
    """The primitives of a pipeline and, per input, the passes to run."""

    __slots__ = ("primitives", "_base", "_guards", "_any_guard", "_rare_idle", "_common_guards", "_plans",
                 "_runners")

    def __init__(self, primitives: Sequence[Primitive]) -> None:
        self.primitives = tuple(primitives)
        # Fused and reduced once for every text, so that the guards are those
        # of the rules that run (a composition narrowed to ے is idle on a
        # text without ے, where the full one is not).
        self._base = reduce_rules(fuse(hoist_maps(list(self.primitives))))
        # A guard is probed with presence_test (one compiled class, or on long
        # text one ``in`` per character of a small guard). Each guarded rule
        # owns one bit of the plan key.
        # Dropping a rule only helps when it stands between two maps that
        # can then fuse; other rules test their own triggers when they run.
        maps = [i for i, primitive in enumerate(self._base) if isinstance(primitive, CharMap)]
        found = {index: guard for index, guard in guards(self._base).items()
                 if maps and maps[0] < index < maps[-1]}
        self._guards = tuple(
            (1 << bit, index, presence_test(guard))
            for bit, (index, guard) in enumerate(found.items())
        )
        # Guards of rare characters (Persian letters, combining hamza, CR …)
        # are absent from most texts: one probe of their union tells. Guards
        # with a frequent character (a space) are found at once anyway.
        rare = [(bit, guard) for (bit, _, _), guard in zip(self._guards, found.values())
                if guard.isdisjoint(FREQUENT)]
        union = frozenset().union(*(guard for _, guard in rare))
        self._any_guard = presence_test(union) if union else None
        self._rare_idle = sum(bit for bit, _ in rare)
        self._common_guards = tuple(entry for entry in self._guards if not entry[0] & self._rare_idle)
        self._plans: dict[int, tuple[Primitive, ...]] = {}
        self._runners: dict[int, tuple[Callable[[str], str], ...]] = {}

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
            idle = {index for bit, index, _ in self._guards if key & bit}
            active = [p for i, p in enumerate(self._base) if i not in idle]
            plan = self._plans[key] = reduce_rules(fuse(hoist_maps(active)))
        return plan

    def passes(self, text: str) -> tuple[Primitive, ...]:
        """The fused passes that return, for ``text``, what every step would."""
        return self._plan(self._key(text))

    def __call__(self, text: str) -> str:
        key = self._key(text)
        runners = self._runners.get(key)
        if runners is None:
            runners = self._runners[key] = runners_of(self._plan(key))
        for run_pass in runners:
            text = run_pass(text)
        return text


def runners_of(plan: Sequence[Primitive]) -> tuple[Callable[[str], str], ...]:
    """The functions that run ``plan``: one per pass, except that the rules
    with a NumPy form right after a map run with it (on its array, when the
    map runs as a NumPy lookup)."""
    result: list[Callable[[str], str]] = []
    index = 0
    while index < len(plan):
        primitive = plan[index]
        index += 1
        if not isinstance(primitive, CharMap):
            result.append(runner(primitive))
            continue
        tail = []
        while index < len(plan) and isinstance(plan[index], Rule) and plan[index].vector is not None:
            tail.append((plan[index].vector, runner(plan[index])))  # type: ignore[union-attr]
            index += 1
        result.append(charmap_executor(primitive.table, tuple(tail)) if tail else runner(primitive))
    return tuple(result)


def runner(primitive: Primitive) -> Callable[[str], str]:
    """The plain function that runs ``primitive`` (one call less per pass)."""
    if isinstance(primitive, Rule) and primitive.fast is not None:
        return primitive.fast
    if isinstance(primitive, CharMap):
        return primitive._executor
    return primitive
