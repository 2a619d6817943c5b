"""Bounded stretches of text, so that work and memory depend on the stretch, not on the longest line."""

from __future__ import annotations

from collections.abc import Iterator


def windows(text: str, start: int, end: int, size: int) -> Iterator[tuple[int, int]]:
    """*text[start:end]* as consecutive ``(start, end)`` stretches of at most *size* characters, each
    cut after a space where there is one in its second half (a list, a table row or text without full
    stops or newlines is still read in pieces a finder can hold).

    >>> list(windows("aaa bbb ccc ddd", 0, 15, 8))
    [(0, 8), (8, 15)]
    """
    while end - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        cut = start + size if cut < 0 else cut + 1
        yield start, cut
        start = cut
    yield start, end
