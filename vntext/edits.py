"""Edits and the offset maps they make: how positions in a normalised text map back to the original.

An edit ``(start, end, replacement)`` replaces ``text[start:end]``. A step of the pipeline is a list of
non-overlapping edits in order; :class:`OffsetMap` chains the steps so that any position in the final
text can be taken back to the original.

>>> text = "Ho\\u0300a\\u00a0\\u200bbi\\u0300nh"
>>> new, m = apply_steps(text, [[(0, 3, "Hò"), (7, 9, "ì")], [(3, 4, " "), (4, 5, "")]])
>>> new
'Hòa bình'
>>> m.to_original(4), m.to_original_end(8)  # "b" came from position 6; "bình" ends at 11
(6, 11)
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterator, Sequence

from . import _accel

Edit = tuple[int, int, str]


def apply(text: str, edits: Sequence[Edit]) -> str:
    """*text* with *edits* (sorted, non-overlapping) applied: by the compiled core in one allocation
    when it is there and *edits* is a list."""
    if not edits:
        return text
    if _accel.speedups is not None and type(edits) is list:
        try:
            applied: str = _accel.speedups.apply_edits(text, edits)
            return applied
        except ValueError:
            pass  # edits out of order: applied below exactly as they come, as always
    pieces: list[str] = []
    last = 0
    for start, end, new in edits:
        pieces += (text[last:start], new)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def exact_edits(text: str, edits: list[Edit], target: str) -> list[Edit]:
    """*edits* when they turn *text* into *target*; otherwise one edit of the whole text, so offsets
    stay right (if coarse) where piecewise changes do not add up to the whole-text result."""
    return edits if apply(text, edits) == target else [(0, len(text), target)]


_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"\S+")


def token_edits(old: str, new: str) -> list[Edit]:
    """Edits that turn *old* into *new*, one per changed word where both have the same spaces between
    the same number of words (decoders that rewrite words in place); otherwise one edit over the
    stretch between their common start and end. Linear in the length of the texts.

    >>> token_edits("Vie^.t Nam oi", "Việt Nam ơi")
    [(0, 6, 'Việt'), (11, 13, 'ơi')]
    """
    if old == new:
        return []
    words, spelled = list(_WORDS.finditer(old)), _WORDS.findall(new)
    if len(words) == len(spelled) and _SPACES.findall(old) == _SPACES.findall(new):
        edits = [(m.start(), m.end(), y) for m, y in zip(words, spelled, strict=True) if m.group() != y]
        if apply(old, edits) == new:
            return edits
    head = 0
    limit = min(len(old), len(new))
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return [(head, len(old) - tail, new[head : len(new) - tail])]


def _joined(edits: Sequence[Edit]) -> Iterator[Edit]:
    """*edits* with touching ones joined (a no-break space then a zero-width space is one edit): a
    position inside the joined stretch maps to its start, as inside any edit."""
    pending: Edit | None = None
    for edit in edits:
        if pending is not None and pending[1] == edit[0]:
            pending = (pending[0], edit[1], pending[2] + edit[2])
            continue
        if pending is not None:
            yield pending
        pending = edit
    if pending is not None:
        yield pending


class _Step:
    """One step's edits as four arrays of positions (8 bytes each: a text with an edit every few
    characters must not cost a Python int object per position)."""

    __slots__ = ("in_end", "in_start", "out_end", "out_start")

    def __init__(self, edits: Sequence[Edit]) -> None:
        self.in_start = array("q")
        self.in_end = array("q")
        self.out_start = array("q")
        self.out_end = array("q")
        shift = 0
        for start, end, new in _joined(edits):
            self.in_start.append(start)
            self.in_end.append(end)
            self.out_start.append(start + shift)
            shift += len(new) - (end - start)
            self.out_end.append(end + shift)

    def back(self, p: int) -> int:
        k = bisect.bisect_right(self.out_start, p) - 1
        if k < 0:
            return p
        if p < self.out_end[k]:
            return self.in_start[k]
        return self.in_end[k] + (p - self.out_end[k])

    def back_end(self, p: int) -> int:
        if p <= 0:
            return self.back(p)
        q = p - 1
        k = bisect.bisect_right(self.out_start, q) - 1
        if k < 0:
            return p
        if q < self.out_end[k]:
            return self.in_end[k]
        return self.in_end[k] + (q - self.out_end[k]) + 1


class OffsetMap:
    """Maps positions in the final text of a chain of edit steps back to the original text."""

    def __init__(self) -> None:
        self._steps: list[_Step] = []

    def add(self, edits: Sequence[Edit]) -> None:
        if edits:
            self._steps.append(_Step(edits))

    def to_original(self, i: int) -> int:
        """Where the character at position *i* of the final text came from (start positions)."""
        for step in reversed(self._steps):
            i = step.back(i)
        return i

    def to_original_end(self, i: int) -> int:
        """Where a span of the final text that ends at *i* (exclusive) ends in the original."""
        for step in reversed(self._steps):
            i = step.back_end(i)
        return i


class JoinedMap(OffsetMap):
    """The offset map of a text made of pieces normalised one by one (the stretches between protected
    spans): each piece keeps its own map."""

    def __init__(self) -> None:
        super().__init__()
        self._out: list[int] = []  # where each piece starts in the final text
        self._orig: list[int] = []  # … and in the original
        self._maps: list[OffsetMap | None] = []  # None: copied as it was

    def add_piece(self, out_start: int, orig_start: int, offsets: OffsetMap | None) -> None:
        self._out.append(out_start)
        self._orig.append(orig_start)
        self._maps.append(offsets)

    def _piece(self, k: int, i: int, end: bool) -> int:
        local = i - self._out[k]
        m = self._maps[k]
        if m is not None:
            local = m.to_original_end(local) if end else m.to_original(local)
        return self._orig[k] + local

    def to_original(self, i: int) -> int:
        k = max(0, bisect.bisect_right(self._out, i) - 1)
        return self._piece(k, i, False) if self._out else i

    def to_original_end(self, i: int) -> int:
        k = max(0, bisect.bisect_left(self._out, i) - 1)  # a span ends inside the piece it started in
        return self._piece(k, i, True) if self._out else i


def apply_steps(text: str, steps: Sequence[Sequence[Edit]]) -> tuple[str, OffsetMap]:
    """Apply each step of edits in turn (each in the coordinates of the text before it)."""
    offsets = OffsetMap()
    for edits in steps:
        text = apply(text, edits)
        offsets.add(edits)
    return text, offsets
