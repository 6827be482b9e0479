"""The registry of named normalizers, and the checks at public boundaries.

A normalizer is a plain, typed ``str -> str`` function. :func:`declare`
records it under its ``__name__`` (the name ``explain``, ``to_dict`` and the
command line use) together with the factory of primitives it runs, so a
Pipeline can fuse it with its neighbours. Options are keyword-only and are
validated by the factory, once, when a step is built.

>>> from arnorm import remove_tatweel
>>> NORMALIZERS["remove_tatweel"] is remove_tatweel
True
>>> NORMALIZERS["remove_tatweel"] = str.strip
Traceback (most recent call last):
  ...
TypeError: 'mappingproxy' object does not support item assignment
>>> require_str(b"abc")
Traceback (most recent call last):
  ...
TypeError: expected str, got bytes; decode it first, e.g. data.decode("utf-8")
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

from ._rules import Primitive

Normalizer = Callable[..., str]
PrimitiveFactory = Callable[..., "tuple[Primitive, ...]"]
F = TypeVar("F", bound=Normalizer)

_DECLARED: dict[str, Normalizer] = {}

NORMALIZERS: Mapping[str, Normalizer] = MappingProxyType(_DECLARED)
"""Every public normalizer by name, in the order the modules declare them.

A read-only view: only :func:`declare` adds to it, so a pipeline step named
in a configuration is always one of arnorm's own normalizers.
"""


def declare(factory: PrimitiveFactory) -> Callable[[F], F]:
    """Register a normalizer and attach the factory of the primitives it runs."""

    def register(func: F) -> F:
        func.primitives = factory  # type: ignore[attr-defined]
        _DECLARED[func.__name__] = func
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
