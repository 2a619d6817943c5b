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
from collections.abc import Iterator, Sequence
from typing import Protocol, TypeVar

from . import _accel
from .edits import Edit

_TRAILING = ".,;:!?'\"”’»)]}…"
_LEADING = "([{<«\"'“‘"
# Each kind is a whole token (a run without spaces); the trigger finds the few tokens worth checking
# without scanning every word (an e-mail pattern tried at every letter would cost a pass per word).
_TRIGGER = re.compile(r"://|www\.|@|:\\|/[\w.@+~-]+/|`")
_PATH_START = re.compile(r"(?:^|(?<=[^\w/.~-]))(?:~|\.{1,2})?/")
_TOKEN_END = re.compile(r"[\s<>\"“”‘’]")
# Bounded repeats: a repeated group keeps a backtracking frame per repetition ("/a/a/a…").
_KINDS = re.compile(
    r"""
      [A-Za-z][A-Za-z0-9+.-]{1,15}://\S+ | www\.\S+                               # URL
    | [\w.+-]+@[\w-]+(?:\.[\w-]+){1,16}                                       # e-mail address
    | [A-Za-z]:\\[^\s"<>|*?]*                                                  # Windows path
    | (?:~|\.{1,2})?/(?:[\w.@+~-]+/){1,64}[\w.@+~-]*                            # Unix path
    """,
    re.VERBOSE,
)
_CODE = re.compile(r"(?<![^\W\d_])`[^`\n]{1,200}`(?![^\W\d_])")  # code, not VIQR's ho`a


def _token_span(text: str, i: int, floor: int) -> tuple[int, int]:
    """The run without spaces (or quotes) around position *i*, not reaching back before *floor*."""
    start = i
    while start > floor and not _TOKEN_END.match(text, start - 1):
        start -= 1
    end = _TOKEN_END.search(text, i)
    return start, len(text) if end is None else end.start()


def _path_start(text: str, slash: int) -> bool:
    """Whether the ``/`` at *slash* starts a path (``/home``, ``~/``, ``./``, ``../``)."""
    i = slash
    while i > 0 and slash - i < 2 and text[i - 1] in "~.":
        i -= 1
    return _PATH_START.match(text, i) is not None and not _after_word(text, i)


def _after_word(text: str, slash: int) -> bool:
    """Whether the ``/`` at *slash* follows a letter, digit, ``_``, ``/`` or ``-``, where no path starts
    (:func:`_path_start` says no): the slashes of dates and numbers, 28/6/2024, 15/2020/NĐ-CP."""
    return slash > 0 and (text[slash - 1].isalnum() or text[slash - 1] in "_/-")


def _triggers(text: str) -> Iterator[tuple[int, int]]:
    """Where :data:`_TRIGGER` matches, one at a time (text of nothing else holds no list of them), less
    the ``/`` matches after a word, which can start nothing to protect: by the compiled core when it is
    there."""
    speedups = _accel.speedups
    if speedups is None:
        for m in _TRIGGER.finditer(text):
            if not (text[m.start()] == "/" and _after_word(text, m.start())):
                yield m.span()
        return
    found = speedups.next_trigger(text, 0)
    while found is not None:
        yield found
        found = speedups.next_trigger(text, found[1])


def protected_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of *text* that rewriting must leave as they are, in order."""
    spans: list[tuple[int, int]] = []
    seen = 0
    for at, _ in _triggers(text):
        if text[at] == "`":
            code = _CODE.match(text, at)
            if code is not None and at >= seen:
                spans.append(code.span())
                seen = code.end()
            continue
        if at < seen:
            continue
        if text[at] == "/" and not _path_start(text, at):
            continue  # 28/6/2024, 15/2020/NĐ-CP, km/h: not a path
        start, end = _token_span(text, at, seen)
        seen = end
        while start < end and text[start] in _LEADING:
            start += 1
        m = _KINDS.search(text, start, end)
        if m is None or m.start() > at:
            continue
        start, end = m.span()
        while end > start and text[end - 1] in _TRAILING:
            if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
                break  # https://vi.wikipedia.org/wiki/Huế_(định_hướng)
            end -= 1
        if end > start:
            spans.append((start, end))
    return _merged(sorted(spans))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans at most one character apart become one, so text dense with them (```a`a`a`…``) is not
    cut into a piece per character."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start - out[-1][1] <= 1:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


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
