"""The standard library's regular-expression parser, on every supported Python.

arnorm reads its own patterns (what a rule can match first, how wide a match
is, how to write it for Oniguruma) with the parser ``re`` itself uses:
``re._parser`` and ``re._constants`` since Python 3.11, ``sre_parse`` and
``sre_constants`` before.

>>> [op for op, _ in parser.parse("a[bc]")] == [constants.LITERAL, constants.IN]
True
"""

from __future__ import annotations

try:
    from re import _constants as constants  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as constants  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

__all__ = ["constants", "parser"]
