"""Protected spans: URLs, e-mail addresses, file paths and code that no rewriting step may touch.

Every step that rewrites text (legacy repair, clean-up, tone placement, abbreviation expansion) and
every finder (abbreviations, people, dates) asks this one module where it must not act, so a link to
``https://vi.wikipedia.org/wiki/Hoà_Bình`` keeps its ``oà`` and ``HLV@vff.org.vn`` is not a coach.

>>> text = "Xem https://example.vn/hoà-bình, viết cho hoà.nguyen@example.vn hoặc mở C:\\\\Users\\\\Hoà."
>>> [text[s:e] for s, e in protected_spans(text)]
['https://example.vn/hoà-bình', 'hoà.nguyen@example.vn', 'C:\\\\Users\\\\Hoà']
>>> protected_spans("Ngày 28/6/2024, UBND/HĐND tỉnh và/hoặc 25-CT/TW")
[]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from .edits import Edit

_TRAILING = ".,;:!?'\"”’»)]}…"
_PATTERN = re.compile(
    r"""
      (?:\b[A-Za-z][A-Za-z0-9+.-]{1,15}://|\bwww\.)[^\s<>"'“”‘’`]+           # URL
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                                            # e-mail address
    | (?<![\w\\])[A-Za-z]:\\[^\s"<>|*?]*                                       # Windows path
    | (?<![\w/.~-])(?:~|\.{1,2})?/(?:[\w.@+~-]+/)+[\w.@+~-]*                   # Unix path
    | (?<![^\W\d_])`[^`\n]{1,200}`(?![^\W\d_])                                # code (not VIQR's ho`a)
    """,
    re.VERBOSE,
)
_HINT = re.compile(r"://|www\.|@|[A-Za-z]:\\|/[\w.~@+-]+/|`")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of *text* that rewriting must leave as they are, in order."""
    if _HINT.search(text) is None:
        return []
    spans = []
    for m in _PATTERN.finditer(text):
        start, end = m.span()
        if text[start] != "`":
            while end > start and text[end - 1] in _TRAILING:
                if text[end - 1] == ")" and "(" in text[start:end]:
                    break  # https://vi.wikipedia.org/wiki/Huế_(định_hướng)
                end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int, k: int) -> tuple[bool, int]:
    while k < len(spans) and spans[k][1] <= start:
        k += 1
    inside = k < len(spans) and spans[k][0] < max(end, start + 1)
    return inside, k


def outside(edits: list[Edit], spans: Sequence[tuple[int, int]]) -> list[Edit]:
    """*edits* (sorted) without those that touch a protected span."""
    if not spans or not edits:
        return edits
    kept = []
    k = 0
    for edit in edits:
        inside, k = _overlaps(spans, edit[0], edit[1], k)
        if not inside:
            kept.append(edit)
    return kept


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


def unprotected(text: str, matches: list[S]) -> list[S]:
    """*matches* (sorted by start, with ``start``/``end``) found in *text*, less those in a
    protected span."""
    spans = protected_spans(text)
    if not spans or not matches:
        return matches
    kept = []
    k = 0
    for m in matches:
        inside, k = _overlaps(spans, m.start, m.end, k)
        if not inside:
            kept.append(m)
    return kept


__all__ = ["outside", "protected_spans", "unprotected"]
