"""An order-keeping, memory-bounded parallel map over chunks of work.

``concurrent.futures`` and ``multiprocessing.Pool.imap`` read their whole
input ahead of the workers; here at most ``2 * jobs`` chunks are in flight,
so an endless or huge input stays in bounded memory, and results come back in
input order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_state: Any = None


def imap_ordered(func: Callable[[Any, T], R], state: Any, chunks: Iterable[T], jobs: int) -> Iterator[R]:
    """Yield ``func(state, chunk)`` for every chunk, in order, using ``jobs`` processes.

    ``func`` must be a module-level function; ``state`` is pickled once per
    worker, not once per chunk.
    """
    if jobs == 1:
        for chunk in chunks:
            yield func(state, chunk)
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    pending: deque[Future[R]] = deque()
    pool = ProcessPoolExecutor(jobs, initializer=_set_state, initargs=(state,))
    try:
        for chunk in chunks:
            pending.append(pool.submit(_call, func, chunk))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _set_state(state: Any) -> None:
    global _state
    _state = state


def _call(func: Callable[[Any, T], R], chunk: T) -> R:
    return func(_state, chunk)
