"""The registry of named normalizers, and the checks at public boundaries.

A normalizer is a plain, typed ``str -> str`` function. :func:`declare`
records it under its ``__name__`` (the name ``explain``, ``to_dict`` and the
command line use) together with the factory of primitives it runs, so a
Pipeline can fuse it with its neighbours. Options are keyword-only and are
validated by the factory, once, when a step is built.

>>> from arnorm import remove_tatweel
>>> NORMALIZERS["remove_tatweel"] is remove_tatweel
True
>>> require_str(b"abc")
Traceback (most recent call last):
  ...
TypeError: expected str, got bytes; decode it first, e.g. data.decode("utf-8")
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, TypeVar

from ._rules import Primitive

Normalizer = Callable[..., str]
PrimitiveFactory = Callable[..., "tuple[Primitive, ...]"]
F = TypeVar("F", bound=Normalizer)

NORMALIZERS: dict[str, Normalizer] = {}
"""Every public normalizer by name, in the order the modules declare them."""


def declare(factory: PrimitiveFactory) -> Callable[[F], F]:
    """Register a normalizer and attach the factory of the primitives it runs."""

    def register(func: F) -> F:
        func.primitives = factory  # type: ignore[attr-defined]
        NORMALIZERS[func.__name__] = func
        return func

    return register


def primitives_of(func: Normalizer) -> PrimitiveFactory | None:
    """The primitive factory of a declared normalizer, else ``None``."""
    return getattr(func, "primitives", None)


def require_str(value: Any, what: str = "text") -> str:
    """Return ``value`` if it is a ``str``; otherwise raise a helpful TypeError."""
    if isinstance(value, str):
        return value
    message = f"expected str, got {type(value).__name__}"
    if isinstance(value, (bytes, bytearray, memoryview)):
        message += '; decode it first, e.g. data.decode("utf-8")'
    raise TypeError(message if what == "text" else f"{what}: {message}")


def require_choice(value: Any, choices: Collection[str], what: str) -> str:
    """Return ``value`` if it is one of ``choices``; otherwise raise ValueError."""
    if isinstance(value, str) and value in choices:
        return value
    listed = ", ".join(repr(choice) for choice in sorted(choices))
    raise ValueError(f"unknown {what} {value!r}; choose from: {listed}")
