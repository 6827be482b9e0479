"""The thresholds the accelerators choose their paths by, in one frozen object.

Every number here was measured with ``python -m benchmarks`` on this
project's corpora; docs/benchmarks/accelerators.md says how and what each
was worth. Tests pass their own :class:`Policy` (tiny pieces, NumPy off) to
reach every path on short texts, instead of patching module globals.

>>> Policy().chunk, Policy(chunk=3).chunk
(32768, 3)
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.util import find_spec
from typing import Any


def numpy_wanted() -> bool:
    """False when ``ARNORM_NO_NUMPY`` is set: the pure-Python paths only."""
    return not os.environ.get("ARNORM_NO_NUMPY")


@functools.lru_cache(maxsize=None)
def _import_numpy() -> Any:
    """NumPy, imported once, on the first call (not with arnorm: only long
    texts use it, and importing it costs about 0.1 s, which a command on a
    short file would pay for nothing); None when it cannot be imported."""
    try:
        import numpy
    except ImportError:
        return None
    return numpy


@functools.lru_cache(maxsize=None)
def _numpy_found() -> bool:
    """Whether NumPy is installed, found without importing it (once)."""
    return find_spec("numpy") is not None


def on_first_call(make: Callable[[], Callable[..., Any]]) -> Callable[..., Any]:
    """A function that calls ``make()`` once, on its first call, and is then
    the function it made: a NumPy path is built when a long text needs it.

    >>> double = on_first_call(lambda: lambda x: 2 * x)
    >>> double(3), double(4)
    (6, 8)
    """
    made: list[Callable[..., Any]] = []

    def call(*args: Any) -> Any:
        if not made:
            made.append(make())
        return made[0](*args)

    return call


@dataclass(frozen=True)
class Policy:
    """When each accelerated path is taken (sizes in code points)."""

    use_numpy: bool = field(default_factory=numpy_wanted)
    """False: the pure-Python paths only, NumPy or not (read once, when the
    policy is made: ``ARNORM_NO_NUMPY`` set later changes no plan)."""

    small_map: int = 24
    """A map with at most this many keys runs entirely as a guarded chain;
    and more than this many distinct rare keys in a text send it to
    ``str.translate``."""

    chunk: int = 1 << 15
    """Code points per piece of a long text, so that each pass works in the
    CPU cache; texts up to twice this run whole."""

    dense_text: int = 50_000
    """Texts at least this long are sampled for the NumPy lookup."""

    batch_text: int = 150_000
    """Code points per buffer of a batch's joined texts."""
    dense_sample: int = 1024
    """Code points at the start of a long text that are sampled for density."""
    dense_keys: int = 6
    """A map needs this many keys, and a sample this many distinct ones, for
    the NumPy lookup."""

    dense_share: float = 0.1
    """Share of the sample that is keys from which the lookup is used."""

    many_keys: int = 8
    many_keys_share: float = 0.03
    """Or this many distinct keys making at least this share of the sample."""

    numpy_chunk: int = 1 << 18
    """Code points per piece for the NumPy lookup and the run finder."""

    presence_chunk: int = 1 << 16
    """Code points per piece when NumPy lists the rare keys of a text."""

    probe_gap: int = 64
    """Gaps this small between rare keys are folded into the probe's ranges."""

    presence_tests: int = 96
    """Sets up to this size are looked for in a long text with one ``in``
    per character: 20 of them cost 65 us on 150,000 code points, one search
    for their class 1,240 us (a guard of 20 rare characters, on every batch)."""

    coded_text: int = 1024
    """Below this length, a text is encoded in the alphabet of frequent
    characters (:mod:`.codec`): one C call tells that it is quiet."""

    coded_keys: int = 20
    """A plan's first map with at least this many frequent keys runs on such
    a text's bytes: encoding, translating and decoding cost about as much as
    this many ``in`` tests of a guarded chain on a tweet."""

    run_test_text: int = 200
    """From this length on, reduce_repeats tests a text for runs by its
    letters as one integer (:func:`.repeats.text_run_test`), below it by a
    pattern: the integer's fixed cost pays from about this length."""

    short_text: int = 256
    """Below this length, one pattern call beats a loop of ``in`` tests."""

    cut_window: int = 1 << 12
    """How far past a piece's end a safe cut for the lookup's rules is sought."""

    sparse_drops: int = 256
    """Deletions rarer than one in this many are cut out with slices."""

    pairs_share: int = 16
    """More than one character in this many beyond the BMP: the lookup reads
    UTF-32 (decoding UTF-16 slows down at every surrogate pair)."""

    expand_keys: int = 12
    """More distinct several-character keys than this: expanded in the array."""

    runs_apart: int = 7
    """Runs of a letter closer than this on average: one ``sub`` from the first."""

    short_repeat: int = 4
    """Up to this ``max_repeat``, reduce_repeats spells the repeats out in its
    patterns; beyond, every run is matched whole (linear in any case)."""

    long_run: int = 64
    """A run this long is followed to its end by blocks, not by the regex."""

    @property
    def numpy(self) -> Any:
        """The NumPy module, imported on first use (a long text), or None:
        turned off, or not importable."""
        return _import_numpy() if self.use_numpy else None

    @property
    def has_numpy(self) -> bool:
        """Whether NumPy is on and installed, told without importing it: a
        plan is built with its NumPy paths when it is, and each of them, on
        its first long text, falls back to pure Python if :attr:`numpy`
        turns out to be None (an installation that fails to import)."""
        return self.use_numpy and _numpy_found()


DEFAULT = Policy()
"""The policy every pipeline uses unless given another."""
