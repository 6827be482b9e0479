"""Faster paths for rules, keyed by the rule's ``name``.

Every rule runs, by default, as its trigger test and one ``re.sub``, cut
into pieces on a long text where the rule declares a ``cut``. The rules
below have a path of their own, each equal to ``re.sub`` on every text its
normalizer hands it (the whitespace rules run after the line breaks and
spaces are unified; the pairwise hamza composition after every other mark
is deleted). Some also have a NumPy form (``VECTORS``) that runs in the
array of a character map's lookup. Consecutive rules that may each be
cut at any line break (the Quranic spelling's) run as one pass, together
on each piece of a long text (:func:`grouped`).

>>> from arnorm._rules import Rule
>>> rule_runner(Rule("\\r\\n", "\\n"))("a\\r\\nb")
'a\\nb'
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Sequence
from typing import Any

from .._chars import HAMZA_ABOVE, HAMZA_BELOW, HAMZA_COMPOSITIONS, HAMZA_MARKS, MADDAH_ABOVE
from .._rules import SEPARATOR, Rule, Runner
from .pieces import in_pieces
from .policy import DEFAULT, Policy, on_first_call
from . import repeats, vectors

_METACHARACTERS = frozenset(".^$*+?{}[]\\|()")


def rule_runner(rule: Rule, policy: Policy = DEFAULT) -> Runner:
    """The fastest function equal to ``rule`` on what its normalizer gives it."""
    fast = FAST.get(rule.name)
    if fast is not None:
        return fast(rule, policy)
    source, replacement = rule.pattern.pattern, rule.replacement
    if (isinstance(source, str) and isinstance(replacement, str) and not rule.pattern.flags & ~re.UNICODE
            and _METACHARACTERS.isdisjoint(source) and "\\" not in replacement and source):
        return functools.partial(_replace, source, replacement)  # a literal: str.replace
    return _guarded_sub(rule, policy)


def vector_of(rule: Rule, policy: Policy = DEFAULT) -> Callable[[Any], Any] | None:
    """The rule's NumPy form, for the array of a lookup, if it has one."""
    make = VECTORS.get(rule.name)
    if make is None or not policy.has_numpy:
        return None
    return on_first_call(lambda: make(rule, policy))


def _replace(old: str, new: str, text: str) -> str:
    return text.replace(old, new)


def _guarded_sub(rule: Rule, policy: Policy, replacement: Any = None, pieces: bool = True) -> Runner:
    """The trigger test, then ``re.sub``, in pieces on a long text (unless
    ``pieces`` is false: the caller cuts the text)."""
    sub = functools.partial(rule.pattern.sub, rule.replacement if replacement is None else replacement)
    triggers, cut, size = rule.triggers, rule.cut if pieces else "", policy.chunk

    def run(text: str) -> str:
        for trigger in triggers:
            if trigger in text:
                break
        else:
            if triggers:
                return text
        if cut and len(text) > 2 * size:
            return in_pieces(sub, text, size, cut)
        return sub(text)

    return run


def _collapse_spaces(rule: Rule, policy: Policy) -> Runner:
    """Runs of spaces halved by ``str.replace`` until none is left; on a
    long text the probe is a compiled pattern (quicker than ``in`` for a
    two-character string that the text mostly lacks)."""
    size = policy.chunk

    def collapse(text: str) -> str:
        while "  " in text:
            text = text.replace("  ", " ")
        return text

    def run(text: str) -> str:
        if len(text) <= 2 * size:
            return collapse(text) if "  " in text else text
        if _TWO_SPACES(text) is None:
            return text
        return in_pieces(collapse, text, size, rule.cut)

    return run


_TWO_SPACES = re.compile("  ").search


# "\n" is rare, so a scan for it that then looks on both sides is quicker on
# long text than two ``in`` tests of " \n" and "\n ".
_SPACE_BESIDE_BREAK = re.compile("\n(?<= \n)|\n ").search


def _strip_line_spaces(rule: Rule, policy: Policy) -> Runner:
    """One space on each side of a line break (runs already collapsed)."""
    size = policy.chunk

    def strip(text: str) -> str:
        return text.replace(" \n", "\n").replace("\n ", "\n")

    def run(text: str) -> str:
        if len(text) <= 2 * size:  # one-character test first: most short texts have no line break
            return strip(text) if "\n" in text and (" \n" in text or "\n " in text) else text
        if _SPACE_BESIDE_BREAK(text) is None:
            return text
        return in_pieces(strip, text, size, rule.cut)

    return run


def _strip_ends(rule: Rule, policy: Policy) -> Runner:
    """``str.strip``, called from C (a batch calls it once per text)."""
    return _STRIP_SPACES


_STRIP_SPACES: Runner = operator.methodcaller("strip", " ")


def _strip_beside_separators(rule: Rule, policy: Policy) -> Runner:
    """The spaces on each side of every separator, a ``replace`` per space
    of the longest run (runs are already collapsed: one, mostly)."""
    before, after = " " + SEPARATOR, SEPARATOR + " "

    def strip(text: str) -> str:
        while before in text:
            text = text.replace(before, SEPARATOR)
        while after in text:
            text = text.replace(after, SEPARATOR)
        return text

    return strip


_REORDERED = (MADDAH_ABOVE + HAMZA_BELOW, HAMZA_ABOVE + HAMZA_BELOW,
              HAMZA_BELOW + MADDAH_ABOVE, HAMZA_BELOW + HAMZA_ABOVE)


def _compose_hamza(rule: Rule, policy: Policy) -> Runner:
    """Where every other mark was just deleted, a cluster is a letter and
    hamza marks, and NFC composes exactly the pairs of HAMZA_COMPOSITIONS:
    one guarded ``replace`` per pair, each looked for only where its mark
    is. Hamza below beside maddah or hamza above is reordered by NFC, so a
    piece holding such a pair goes through the rule's own ``re.sub``."""
    if not rule.params.get("after_deletion"):
        return _guarded_sub(rule, policy)
    bases = rule.params["bases"]
    by_mark = tuple(
        (mark, tuple((pair, composed) for pair, composed in HAMZA_COMPOSITIONS.items()
                     if pair[1] == mark and pair[0] in bases))
        for mark in sorted(HAMZA_MARKS)
    )
    sub = functools.partial(rule.pattern.sub, rule.replacement)
    size = policy.chunk

    def compose(piece: str) -> str:
        if HAMZA_BELOW in piece and any(pair in piece for pair in _REORDERED):
            return sub(piece)
        for mark, pairs in by_mark:
            if mark in piece:
                for pair, composed in pairs:
                    if pair in piece:
                        piece = piece.replace(pair, composed)
        return piece

    def run(text: str) -> str:
        if MADDAH_ABOVE not in text and HAMZA_ABOVE not in text and HAMZA_BELOW not in text:
            return text
        return in_pieces(compose, text, size, rule.cut)

    return run


def _probed(rule: Rule, policy: Policy, pieces: bool = True) -> Runner:
    """The rule's ``re.sub``, run only where the pattern of
    ``params["needs"]`` is found (a context of every match, quicker to look
    for than the match itself: the sukun on alef, whose pattern starts with
    one of the text's commonest marks)."""
    needs = re.compile(rule.params["needs"]).search
    sub = functools.partial(rule.pattern.sub, rule.replacement)

    def run(text: str) -> str:
        return text if needs(text) is None else sub(text)

    return run


def _remembered(rule: Rule, policy: Policy, pieces: bool = True) -> Runner:
    """A replacement function that reads only its match and the
    ``params["reads_before"]`` characters before it (the hamza seats),
    called once per such text: a lookup by one slice of the text is about
    a third of the cost of the call (1,554 and 770 matches in the Quran,
    from a few hundred words)."""
    reads, replace = rule.params["reads_before"], rule.replacement
    found: dict[Any, str] = {}
    get = found.get

    def replacement(match: re.Match[str]) -> str:
        text = match.string
        start, end = match.span()
        key = text[start - reads : end] if start >= reads else (text[:end], start)
        result = get(key)
        if result is None:
            if len(found) > 8192:
                found.clear()
            result = found[key] = replace(match)
        return result

    return _guarded_sub(rule, policy, replacement, pieces)


def grouped(rules: Sequence[Rule], policy: Policy = DEFAULT) -> Runner:
    """Rules that each may cut a text just after any line break (``cut ==
    "\\n"``), run one after another on each piece of a long text, so that
    every pass works in the CPU cache and skips a piece without its
    triggers. A piece must still end with its line break after each rule
    (no rule here writes or deletes one: otherwise the text runs whole)."""
    # each runs on a piece, or on a text short enough to run whole
    runners = tuple(FAST.get(rule.name, _guarded_sub)(rule, policy, pieces=False) for rule in rules)  # type: ignore[call-arg]
    size = policy.chunk

    def whole(text: str) -> str:
        for run_rule in runners:
            text = run_rule(text)
        return text

    def run(text: str) -> str:
        length = len(text)
        if length <= 2 * size:
            return whole(text)
        pieces, start = [], 0
        while start < length:
            end = text.find("\n", start + size - 1) + 1 if start + size < length else length
            if end <= 0:
                end = length
            piece = text[start:end]
            for run_rule in runners:
                piece = run_rule(piece)
                if end < length and piece[-1:] != "\n":
                    return whole(text)
            pieces.append(piece)
            start = end
        return "".join(pieces)

    return run


def groupable(rule: Rule) -> bool:
    """Whether ``rule`` runs in :func:`grouped`: it may be cut at line
    breaks, and it has no path of its own or one that runs on any piece."""
    return rule.cut == "\n" and FAST.get(rule.name, _probed) in (_probed, _remembered)


def _restore_final_yaa(rule: Rule, policy: Policy) -> Runner:
    from .yaa_scan import YaaScanner  # imported on first use: it reads the yaa module

    return YaaScanner(rule, policy)


def _restore_by_lines(rule: Rule, policy: Policy) -> Runner:
    from .restore_scan import LineScanner  # imported on first use: it reads the restore module

    return LineScanner(rule, policy)


FAST: dict[str, Callable[[Rule, Policy], Runner]] = {
    "restore_final_yaa": _restore_final_yaa,
    "restore_teh_marbuta": _restore_by_lines,
    "restore_hamza": _restore_by_lines,
    "collapse_spaces": _collapse_spaces,
    "strip_line_spaces": _strip_line_spaces,
    "strip_ends": _strip_ends,
    "strip_beside_separators": _strip_beside_separators,
    "compose_hamza": _compose_hamza,
    "reduce_repeats": repeats.fast,
    "sukun_on_alef": _probed,
    "hamza_seat": _remembered,
}
"""The rules with a path of their own, by name."""

VECTORS: dict[str, Callable[[Rule, Policy], Callable[[Any], Any]]] = {
    "collapse_spaces": vectors.collapse_spaces,
    "strip_line_spaces": vectors.strip_line_spaces,
    "reduce_repeats": vectors.reduce_repeats,
    "strip_beside_separators": vectors.strip_beside_separators,
}
"""The rules with a NumPy form, by name."""
