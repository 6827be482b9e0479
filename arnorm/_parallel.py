"""An order-keeping, memory-bounded parallel map over chunks of work.

``concurrent.futures`` and ``multiprocessing.Pool.imap`` read their whole
input ahead of the workers; here at most ``2 * jobs`` chunks are in flight,
so an endless or huge input stays in bounded memory, and results come back in
input order.

Workers get ``state`` once. Under the ``spawn`` and ``forkserver`` start
methods (macOS, Windows, Python 3.14 on Linux) it is pickled, so every step
of a pipeline must be picklable (a function defined with ``def`` at module
level, not a lambda), and the script must start its work under
``if __name__ == "__main__":``: the workers import it again. Either mistake
is reported as one clear error instead of ``PicklingError`` or
``BrokenProcessPool``.
"""

from __future__ import annotations

import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_state: Any = None

RECIPE = ('with jobs > 1 under the "spawn" or "forkserver" start method, every step must be picklable '
          '(a def at module level, not a lambda or a local function), and the script must call map '
          'under: if __name__ == "__main__":  (or use jobs=1)')


def imap_ordered(func: Callable[[Any, T], R], state: Any, chunks: Iterable[T], jobs: int) -> Iterator[R]:
    """Yield ``func(state, chunk)`` for every chunk, in order, using ``jobs`` processes.

    ``func`` must be a module-level function; ``state`` is pickled once per
    worker, not once per chunk.

    Raises:
        TypeError: ``state`` cannot be pickled and the workers need it pickled.
        RuntimeError: the worker processes could not start (no main guard).
    """
    if jobs == 1:
        for chunk in chunks:
            yield func(state, chunk)
        return
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = _context()
    _require_picklable(state, context.get_start_method())
    pending: deque[Future[R]] = deque()
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_set_state, initargs=(state,))
    try:
        for chunk in chunks:
            pending.append(pool.submit(_call, func, chunk))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:
        why = RECIPE if context.get_start_method() != "fork" else "one was killed (out of memory?)"
        raise RuntimeError(f"the worker processes stopped before their work was done: {why}") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _context() -> Any:
    import multiprocessing

    return multiprocessing.get_context()


def _require_picklable(state: Any, method: str) -> None:
    if method == "fork":
        return  # the workers inherit the state
    try:
        pickle.dumps(state)
    except (pickle.PicklingError, AttributeError, TypeError) as error:
        raise TypeError(f"cannot send the pipeline to worker processes ({error}): {RECIPE}") from None


def _set_state(state: Any) -> None:
    global _state
    _state = state


def _call(func: Callable[[Any, T], R], chunk: T) -> R:
    return func(_state, chunk)
