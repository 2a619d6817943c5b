"""How much a line reads as Vietnamese: the evidence every repair asks for before it rewrites a word.

Normalisation rewrites a word only where the text around it is Vietnamese, so that Spanish ``huí``,
Pinyin ``duì`` or a French sentence in a Vietnamese document come through untouched. The evidence is
counted per line (``\\n``), by words:

- *Vietnamese words*: words spelled with a letter only Vietnamese uses among Latin scripts (``ă đ ĩ
  ũ ơ ư`` and the letters of U+1EA0–U+1EF9, ``ạ ả ấ … ỹ``);
- *foreign words*: words with a Latin letter Vietnamese never uses (``ç ñ ü ö ß ð ø ǎ ā ł`` …).

>>> line_evidence("Oí la noticia por la radio y huí de allí.")
Evidence(vietnamese=0, foreign=0)
>>> line_evidence("Ông François Hollande thăm Hà Nội.")
Evidence(vietnamese=2, foreign=1)
>>> reads_as_vietnamese("Cả nhà hoà thuận"), reads_as_vietnamese("café, Zürich, naïve, oà-oà")
(True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from . import _accel
from .syllable import VIETNAMESE_LETTERS


class Evidence(NamedTuple):
    """Counts of words on a line that speak for and against Vietnamese."""

    vietnamese: int
    foreign: int


def _latin_letters() -> set[str]:
    ranges = ((0x00C0, 0x0250), (0x1E00, 0x1F00))
    return {chr(cp) for lo, hi in ranges for cp in range(lo, hi) if chr(cp).isalpha()}


def _letter_classes() -> tuple[list[str], list[str]]:
    """The letters only Vietnamese uses among Latin scripts, and those it never uses."""
    latin1 = {chr(cp) for cp in range(0xC0, 0x100)}
    specific = sorted(set(VIETNAMESE_LETTERS) - latin1)
    foreign = sorted(_latin_letters() - set(VIETNAMESE_LETTERS) - {"×", "÷"})
    return specific, foreign


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    specific, foreign = _letter_classes()
    word = r"[^\W\d_]*"
    return (
        re.compile(word + "[" + "".join(specific) + "]" + word),
        re.compile(word + "[" + "".join(foreign) + "]" + word),
    )


def line_evidence(line: str) -> Evidence:
    """The :class:`Evidence` of one line (or any stretch of text): the words (runs of letters) with a
    letter of each kind, counted by the compiled core when it is there, else by two patterns."""
    if line.isascii():
        return Evidence(0, 0)
    if _accel.speedups is not None:
        return Evidence(*_accel.speedups.evidence(line))
    specific, foreign = _patterns()
    return Evidence(len(specific.findall(line)), len(foreign.findall(line)))


def _verdict(found: Evidence, strict: bool) -> bool:
    vietnamese, foreign = found
    if strict:
        return vietnamese >= 1 and vietnamese >= foreign
    return foreign == 0 or vietnamese >= foreign


def reads_as_vietnamese(line: str, *, strict: bool = False) -> bool:
    """Whether *line* may be treated as Vietnamese.

    Not *strict*: nothing speaks against it (no more foreign words than Vietnamese ones), which lets
    a tone convention apply to a short line such as ``Hoà Bình``. *strict*: at least one word is
    spelled the Vietnamese way and foreign words are no more, as a repair of a misspelt word needs.
    """
    return _verdict(line_evidence(line), strict)


_CLAUSE_END = re.compile(r"[.;:!?()\[\]{}\"“”«»\n]")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)\s*$")


def repair_allowed(text: str, start: int, end: int) -> bool:
    """Whether the misspelt word ``text[start:end]`` may be repaired: its clause (up to the nearest
    ``. ; : ! ? ( ) " \n``, at most 200 characters each side) has a word spelled the Vietnamese way
    and no more foreign words, and it is not part of a foreign name (a capitalised neighbour that is
    no Vietnamese syllable: ``Leó Szilárd``). Pinyin given as examples (``Ví dụ: ruì, lún, dùn``) stays as written.

    >>> text = "Ví dụ: ruì, lún. Chùa ở gìa lam"
    >>> repair_allowed(text, 7, 10), repair_allowed(text, 25, 28)
    (False, True)
    """
    from .syllable import parse_syllable

    # The clause is looked for within 200 characters each side: a line of thousands of words without
    # punctuation costs the same per word as a short one.
    window = max(0, start - 200)
    left = text.rfind("\n", window, start) + 1 or window
    for m in _CLAUSE_END.finditer(text, left, start):
        left = m.end()
    right = _CLAUSE_END.search(text, end, end + 200)
    clause = text[left : right.start() if right else min(len(text), end + 200)]
    if not _verdict(line_evidence(clause), strict=True):
        return False
    if text[start:end][:1].isupper():
        before = _PREVIOUS_WORD.search(text, max(left, start - 60), start)
        after = _NEXT_WORD.match(text, end)
        for found in (before, after):
            word = found.group(1) if found else ""
            if word[:1].isupper() and parse_syllable(word) is None:
                return False
    return True


class LineJudge:
    """:func:`reads_as_vietnamese` for the lines of one text, looked up by position and memoised, so
    that many edits on one long line cost one look at it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._seen: dict[int, Evidence] = {}
        self._last = (0, -1)  # the line found last: edits come in order, many on one line

    def line(self, i: int) -> tuple[int, int]:
        """Start and end (exclusive, before the ``\\n``) of the line holding position *i*: looked for
        from *i*, so a text with few edits is not split into lines first, and a long line with many
        is looked for once."""
        start, end = self._last
        if start <= i <= end:
            return self._last
        start = self.text.rfind("\n", 0, i) + 1
        end = self.text.find("\n", i)
        self._last = (start, len(self.text) if end < 0 else end)
        return self._last

    def allows(self, i: int, *, strict: bool) -> bool:
        start, end = self.line(i)
        found = self._seen.get(start)
        if found is None:
            found = self._seen[start] = line_evidence(self.text[start:end])
        return _verdict(found, strict)


__all__ = ["Evidence", "LineJudge", "line_evidence", "reads_as_vietnamese", "repair_allowed"]
