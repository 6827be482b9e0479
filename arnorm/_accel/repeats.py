"""reduce_repeats made fast: runs found by a test of the text's letters as
one integer, by spelled-out patterns, or by NumPy.

The rule's reference matches every run of a doubled letter and cuts it. For
a small ``max_repeat`` it is quicker to look only for runs that are too
long, and most texts have none. ``(.)\\1\\1`` tells so on a short text; on
a longer one :func:`text_run_test`, which reads the text's letters as one
big integer, tells so faster; and a short text whose first map ran on its
bytes is tested on those bytes (:func:`byte_map_then_repeats`). A text that
has a run is cut from its first one; on a long text NumPy lists where every
run starts, so that each is shortened alone (unless runs are everywhere,
when one ``sub`` from the first is quicker). A very long run is followed to
its end by blocks, not by the regex's backreference.

>>> from arnorm import reduce_repeats
>>> reduce_repeats("جمييييل جدااااا!!!")
'جمييل جداا!!!'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .._chars import REPEATABLE_LETTERS, char_class
from .._rules import Rule, Runner
from .codec import Alphabet, ByteMap
from .lookup import membership_table
from .policy import Policy, on_first_call
from .probes import FREQUENT


def fast(rule: Rule, policy: Policy) -> Runner:
    """reduce_repeats' rule, for its ``max_repeat``."""
    max_repeat = rule.params["max_repeat"]
    if max_repeat > policy.short_repeat:
        return lambda text: rule.pattern.sub(rule.replacement, text)
    letters = char_class(REPEATABLE_LETTERS)
    too_long = re.compile(f"({letters})\\1{{{max_repeat},}}")
    # The same runs, matched up to long_run letters (a longer one goes on in run_end).
    up_to_long = re.compile(f"({letters})\\1{{{max_repeat},{policy.long_run - 1}}}")
    any_run = re.compile("(.)" + "\\1" * max_repeat, re.DOTALL)

    def shorten(match: re.Match[str]) -> str:
        return match.group(1) * max_repeat

    may_have_run = text_run_test(max_repeat, policy.chunk)

    def by_regex(text: str) -> str:
        if len(text) < policy.run_test_text:
            if any_run.search(text) is None:  # the usual case, without an iterator
                return text
        elif not may_have_run(text):  # the same, faster on a longer text
            return text
        start = next((found.start() for found in any_run.finditer(text)
                      if found.group(1) in REPEATABLE_LETTERS), None)
        if start is None:
            return text
        return text[:start] + too_long.sub(shorten, text[start:])

    starts_of = run_starts_finder(max_repeat, policy)
    if starts_of is None:
        return by_regex

    def run(text: str) -> str:
        if len(text) < policy.dense_text or policy.numpy is None:  # (None: NumPy failed to import)
            return by_regex(text)
        starts = starts_of(text)
        if len(starts) * policy.runs_apart > len(text):  # runs everywhere: one sub
            return text[: starts[0]] + too_long.sub(shorten, text[starts[0] :])
        parts, done = [], 0  # each run shortened alone
        for start in starts:
            end = up_to_long.match(text, start).end()  # type: ignore[union-attr]
            if end - start == policy.long_run:
                end = run_end(text, end, policy.long_run)
            parts += (text[done:start], text[start] * max_repeat)
            done = end
        return "".join(parts) + text[done:] if parts else text

    return run


_LETTERS_AND_STOPS = Alphabet(REPEATABLE_LETTERS | {ch for ch in FREQUENT if not ch.isascii() or not ch.isalpha()})
"""The repeatable letters, and the common characters that are not letters
(ASCII letters left out, to fit in a byte), which keep apart the letters
they stand between."""
_IS_LETTER = bytes(ch in REPEATABLE_LETTERS for ch in _LETTERS_AND_STOPS.chars).ljust(256, b"\0")


def text_run_test(max_repeat: int, piece: int = 1 << 15) -> Callable[[str], bool]:
    """A test that is true for every text holding a repeatable letter
    followed by ``max_repeat`` more of itself (and rarely for another): the
    text's characters in :data:`_LETTERS_AND_STOPS`, by :func:`byte_run_test`,
    in pieces of ``piece`` characters (overlapping by ``max_repeat``), so that
    its integers stay small. The other characters are left out, which can
    join two runs into one (a true answer where there is none, never the
    reverse).

    >>> test = text_run_test(2)
    >>> test("جميل جدا..."), test("جمييييل"), test("ههه"), test("ه ه ه")
    (False, True, True, False)
    """
    has_run, encode = byte_run_test(_IS_LETTER, max_repeat), _LETTERS_AND_STOPS.encode_known

    def may_have_run(text: str) -> bool:
        if len(text) <= piece:
            return has_run(encode(text))
        return any(has_run(encode(text[start : start + piece + max_repeat])) for start in range(0, len(text), piece))

    return may_have_run


def byte_run_test(is_letter: bytes, max_repeat: int) -> Callable[[bytes], bool]:
    """A test of bytes (one a character): whether a byte that ``is_letter``
    marks is followed by ``max_repeat`` more of itself.

    The bytes are read as one integer ``x``: ``x ^ (x >> 8)`` has a zero
    byte where a byte equals the next, and OR-ing it with itself shifted by
    up to ``max_repeat - 1`` bytes leaves a zero byte where ``max_repeat + 1``
    bytes in a row are equal: ``bytes.find`` finds those, in C.

    >>> test = byte_run_test(bytes(byte in b"bcd" for byte in range(256)), 2)
    >>> test(b"abbbc"), test(b"abbc"), test(b"aaab")
    (True, False, False)
    """
    shifts = tuple(range(8, 8 * max_repeat, 8))

    def has_run(encoded: bytes) -> bool:
        count = len(encoded) - max_repeat  # positions followed by max_repeat characters
        if count <= 0:
            return False
        x = int.from_bytes(encoded, "little")
        equal_next = x ^ (x >> 8)
        unequal = equal_next
        for shift in shifts:
            unequal |= equal_next >> shift
        zeros = unequal.to_bytes(len(encoded), "little")
        start = zeros.find(0, 0, count)
        while start >= 0:
            if is_letter[encoded[start]]:
                return True
            start = zeros.find(0, start + 1, count)
        return False

    return has_run


def byte_map_then_repeats(first: ByteMap, rule: Rule, runner: Runner) -> Callable[[bytes], str] | None:
    """A text's first map on its bytes (``first``), then reduce_repeats
    (``rule``, run by ``runner``) only if the mapped bytes, before they are
    decoded, show a run: most texts have none, and the test needs no
    encoding of its own. None when ``rule`` is another rule, or when the map
    expands a character into letters (the bytes would not show those).

    >>> from arnorm import reduce_repeats
    >>> from .codec import FREQUENT_ALPHABET
    >>> (rule,) = reduce_repeats.primitives()
    >>> alef = ByteMap.of(FREQUENT_ALPHABET, {"\u0623": "\u0627"})
    >>> run = byte_map_then_repeats(alef, rule, rule)
    >>> run(FREQUENT_ALPHABET.encode("قرأاا")), run(FREQUENT_ALPHABET.encode("قرأا"))
    ('قراا', 'قراا')
    """
    if rule.name != "reduce_repeats":
        return None
    is_letter = first.byte_table(REPEATABLE_LETTERS)
    if is_letter is None:
        return None
    has_run, translate, decode = byte_run_test(is_letter, rule.params["max_repeat"]), first.translate, first.decode

    def mapped(encoded: bytes) -> str:
        translated = translate(encoded)
        text = decode(translated)
        return runner(text) if has_run(translated) else text

    return mapped


def run_end(text: str, end: int, block: int = 64) -> int:
    """Where the run of ``text[end - 1]`` that reaches ``end`` stops: blocks
    of the letter compared by ``str.startswith``, doubled while they match
    and halved when they do not.

    >>> run_end("ههههههو", 2)
    6
    """
    letter, step = text[end - 1], block
    while step:
        if text.startswith(letter * step, end):
            end += step
            step = min(2 * step, 1 << 16)
        else:
            step //= 2
    return end


def run_starts_finder(max_repeat: int, policy: Policy) -> Callable[[str], list[int]] | None:
    """With NumPy, a function giving where each run of a letter repeated
    more than ``max_repeat`` times starts, in order; without, None."""
    if not policy.has_numpy:
        return None
    return on_first_call(lambda: _run_starts(max_repeat, policy))


def _run_starts(max_repeat: int, policy: Policy) -> Callable[[str], list[int]]:
    """:func:`run_starts_finder`'s function, made with NumPy loaded."""
    numpy = policy.numpy
    wanted = membership_table(REPEATABLE_LETTERS, numpy)
    size = policy.numpy_chunk

    def starts_in(text: str, start: int) -> list[int]:
        """The runs starting in ``text[start : start + size]``."""
        low = max(start - 1, 0)  # one character before, to tell a run's start
        codes = numpy.frombuffer(text[low : start + size + max_repeat].encode("utf-32-le", "surrogatepass"),
                                 dtype=numpy.uint32)
        same = codes[1:] == codes[:-1]
        count = len(codes) - max_repeat  # positions followed by max_repeat characters
        if count <= 0:
            return []
        runs = same[:count].copy()
        for shift in range(1, max_repeat):
            runs &= same[shift : count + shift]
        runs[1:] &= ~same[: count - 1]  # the first character of its run only
        found = numpy.flatnonzero(runs)
        found = found[numpy.take(wanted, codes[found], mode="clip")] + low
        return found[(found >= start) & (found < start + size)].tolist()  # type: ignore[no-any-return]

    def starts(text: str) -> list[int]:
        found: list[int] = []
        for start in range(0, len(text), size):
            found += starts_in(text, start)
        return found

    return starts
