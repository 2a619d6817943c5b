"""Trying a pattern only where a match can begin.

Most forms the verbaliser reads, and the document numbers the abbreviation expander keeps as written,
begin with a number, and their patterns begin with a look-behind (no digit, letter or dot before the
number), which keeps the regular-expression engine from skipping to a likely start: it tries every
position of the text. The starts of the runs of digits are found once per text, by a pattern the
engine skips through quickly, and each pattern is tried there only. This gives the same matches as
``finditer`` for a pattern that can only begin at one of those starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

_RUN = re.compile(r"\d(?<!\d\d)")  # led by \d: the engine jumps from digit to digit
_SIGNS = "-−"
_DENSE = 32  # more than one start in this many characters: trying each start costs more than a scan


@lru_cache(maxsize=4)
def number_starts(text: str) -> tuple[int, ...]:
    """Where each run of digits in *text* begins, and, just before it, a minus sign that may belong to
    it (``-5``), in order."""
    starts: list[int] = []
    for m in _RUN.finditer(text):
        at = m.start()
        if at and text[at - 1] in _SIGNS:
            starts.append(at - 1)
        starts.append(at)
    return tuple(starts)


def number_matches(pattern: re.Pattern[str], text: str, also: Sequence[int] = ()) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match begins at a number (or its sign) or
    at one of the positions *also*: tried at those starts only, or, where they crowd the text, by the
    engine's own scan, which then costs less."""
    starts: Sequence[int] = number_starts(text)
    if (len(starts) + len(also)) * _DENSE > len(text):
        return pattern.finditer(text)
    return matches_at(pattern, text, sorted([*starts, *also]) if also else starts)


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """The matches of *pattern* beginning at one of *starts* (in order), none overlapping the one
    before, as ``pattern.finditer(text)`` gives them when every match begins at one of *starts*."""
    end = 0
    for at in starts:
        if at < end:
            continue
        m = pattern.match(text, at)
        if m is not None and m.end() > at:
            yield m
            end = m.end()


def spaced_number_starts(text: str) -> Iterator[int]:
    """The runs of digits right after a space (where a number after a word such as ``số`` begins)."""
    return (at for at in number_starts(text) if at and text[at - 1].isspace() and text[at] not in _SIGNS)
