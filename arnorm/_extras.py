"""The optional extras: a missing one is named in the error, with the line that installs it."""

from __future__ import annotations

import importlib
from types import ModuleType


def missing_extra(extra: str, error: ModuleNotFoundError) -> ModuleNotFoundError:
    """The error to raise when ``error`` says a module of ``extra`` is missing.

    >>> str(missing_extra("pandas", ModuleNotFoundError("No module named 'pandas'", name="pandas")))
    "arnorm's pandas integration needs pandas, which is not installed: install the 'pandas' extra (in a clone of arnorm: pip install '.[pandas]')"
    """
    module = error.name or "a module"
    return ModuleNotFoundError(
        f"arnorm's {extra} integration needs {module}, which is not installed: install the "
        f"{extra!r} extra (in a clone of arnorm: pip install '.[{extra}]')", name=error.name)


def require_extra(extra: str, *modules: str) -> list[ModuleType]:
    """Import ``modules`` for ``extra``; a missing one raises :func:`missing_extra`'s error."""
    try:
        return [importlib.import_module(module) for module in modules]
    except ModuleNotFoundError as error:
        raise missing_extra(extra, error) from error
