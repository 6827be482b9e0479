"""The accelerator layer: how the primitives of :mod:`arnorm._rules` are made fast.

Nothing outside this package (and the plan that calls it) knows how a pass
runs. Each path returns exactly what the primitive's reference returns;
``tests/test_reference.py`` checks that on texts built to reach every path.

* :mod:`.maps`: a character map as guarded ``str.replace`` chains, in
  pieces on long text, or as a NumPy lookup (:mod:`.lookup`) on dense text;
  :meth:`.maps.MapRunner.path` is the one choice of path.
* :mod:`.rules`: faster paths for rules, keyed by the rule's name; the
  NumPy forms of rules that run in a lookup's array (:mod:`.vectors`);
  reduce_repeats' own (:mod:`.repeats`).
* :mod:`.pieces`, :mod:`.probes`: cutting long texts, finding characters.
* :mod:`.policy`: every threshold, in one frozen object passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .._rules import CharMap, Func, Primitive, Rule
from .maps import MapRunner
from .policy import DEFAULT, Policy
from .rules import groupable, grouped, rule_runner, vector_of


def runners_of(plan: Sequence[Primitive], policy: Policy = DEFAULT) -> tuple[Callable[[str], str], ...]:
    """The functions that run ``plan``, one per pass: a map takes the rules
    right after it that have a NumPy form as its tail (run in its array
    when it takes the lookup)."""
    result: list[Callable[[str], str]] = []
    index = 0
    while index < len(plan):
        primitive = plan[index]
        index += 1
        if isinstance(primitive, Rule):
            group = [primitive]
            while groupable(primitive) and index < len(plan) and isinstance(plan[index], Rule) \
                    and groupable(plan[index]):  # type: ignore[arg-type]
                group.append(plan[index])  # type: ignore[arg-type]
                index += 1
            result.append(grouped(group, policy) if len(group) > 1 else rule_runner(primitive, policy))
            continue
        if isinstance(primitive, Func):
            result.append(primitive)
            continue
        tail = []
        while index < len(plan) and isinstance(plan[index], Rule):
            vector = vector_of(plan[index], policy)  # type: ignore[arg-type]
            if vector is None:
                break
            tail.append((vector, rule_runner(plan[index], policy)))  # type: ignore[arg-type]
            index += 1
        result.append(MapRunner(primitive.table, tuple(tail), policy))
    return tuple(result)


__all__ = ["DEFAULT", "MapRunner", "Policy", "rule_runner", "runners_of"]
