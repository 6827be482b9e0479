"""What each accelerated path is worth: every preset with one path turned off.

Each variant turns one path of the accelerator layer or the plan off (by a
:class:`~arnorm._accel.Policy` threshold where there is one, else by
replacing the function that takes it) and is timed against the default, in
alternate runs, best of ``--repeat``, on the suite corpora. A gain under
10 % on every corpus and preset marks a path that does not pay::

    python -m benchmarks.micropaths --size 12 > micropaths.md
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

import arnorm
from arnorm._accel import Policy
from arnorm._plan import Plan

from .corpora import load
from .suite import best_time


@dataclass(frozen=True)
class Variant:
    name: str
    policy: dict[str, Any] = field(default_factory=dict)
    patches: tuple[tuple[str, Any], ...] = ()


def _no_one_deletion(items: Any) -> Any:
    return tuple(items)


def _no_reduction(rule: Any, after: Any, before: Any) -> Any:
    return rule


VARIANTS = [
    Variant("pieces for maps and rules", {"chunk": 10**12}),
    Variant("NumPy lookup", {"dense_text": 10**12}),
    Variant("rules in the lookup's array (tails)", patches=(("arnorm._accel.vector_of", lambda rule, policy: None),)),
    Variant("one deletion per chain", patches=(("arnorm._accel.maps.one_deletion", _no_one_deletion),)),
    Variant("presence by `in` per character", {"presence_tests": 0}),
    Variant("expansion of ligatures in the array", {"expand_keys": 10**12}),
    Variant("drops cut out by slices", {"sparse_drops": 10**12}),
    Variant("hoisting maps past rules", patches=(("arnorm._plan.hoist_maps", list),)),
    Variant("rules narrowed by the map after", patches=(
        ("arnorm._plan.REDUCTIONS", {"compose_hamza": _no_reduction, "fold_decomposed_alef": _no_reduction}),)),
    Variant("guards (idle rules dropped per text)", patches=(("arnorm._plan.guards", lambda primitives: {}),)),
    Variant("restore_final_yaa: reversed scan", patches=(("arnorm._accel.rules.FAST", {
        key: value for key, value in __import__("arnorm._accel.rules", fromlist=["FAST"]).FAST.items()
        if key != "restore_final_yaa"}),)),
    Variant("restore_final_yaa: common words skipped", patches=(
        ("arnorm._accel.yaa_scan.COMMON_MAKSURA_WORDS", ()), ("arnorm._accel.yaa_scan.COMMONEST", "\u0649"))),
]


@contextlib.contextmanager
def applied(variant: Variant) -> Iterator[Policy]:
    with contextlib.ExitStack() as stack:
        for target, value in variant.patches:
            stack.enter_context(mock.patch(target, value))
        yield Policy(**variant.policy)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=12.0, help="MB of UTF-8 per corpus")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--variant", action="append", help="only these variants (by name)")
    args = parser.parse_args(argv)
    corpora, skipped = load(["news", "quran", "stress"], args.size)
    presets = sorted(arnorm.PRESETS)
    print(f"corpora: {[c.name for c in corpora]} at {args.size} MB; skipped: {skipped or 'none'}\n")
    print("| path turned off | " + " | ".join(f"{c.name} {p}" for c in corpora for p in presets) + " |")
    print("|---|" + "---:|" * (len(corpora) * len(presets)))
    for variant in VARIANTS:
        if args.variant and variant.name not in args.variant:
            continue
        cells = []
        for corpus in corpora:
            for preset in presets:
                primitives = arnorm.Pipeline.from_preset(preset).primitives
                default = Plan(primitives)
                with applied(variant) as policy:
                    without = Plan(primitives, policy)
                    without(corpus.text)  # runners built while the patches hold
                    slow = best_time(without, corpus.text, args.repeat)
                fast = best_time(default, corpus.text, args.repeat)
                cells.append(f"{slow / fast:.2f}")
        print(f"| {variant.name} | " + " | ".join(cells) + " |", flush=True)
    print("\nEach cell: the time with the path off over the time with it on (1.10 = the path saves 10 %).")


if __name__ == "__main__":
    main()
