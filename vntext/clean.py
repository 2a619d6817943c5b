"""Clean-up of invisible and look-alike characters that break search, dedup and tokenisers.

What changes, and nothing else:

| found | becomes |
|---|---|
| NBSP, narrow NBSP, en/em/thin/hair and other Unicode spaces, ideographic space | space |
| zero-width space, word joiner, BOM (U+FEFF), soft hyphen | removed |
| zero-width (non-)joiner between Latin letters (not inside emoji or Indic/Arabic text) | removed |
| hyphen U+2010, non-breaking hyphen, minus sign, small/full-width hyphen-minus | ``-`` |
| figure dash U+2012 | ``–`` (en dash); horizontal bar U+2015 → ``—`` (em dash) |
| two or more spaces between words | one space (indentation and tabs are kept) |
| ``Ð``/``ð`` (Icelandic eth) typed for ``Đ``/``đ`` at the start of a Vietnamese syllable | ``Đ``/``đ`` |

>>> clean_text("Hà\u00a0Nội\u200b  –\u00adnăm 2025 \ufeffÐà Nẵng")
'Hà Nội –năm 2025 Đà Nẵng'
"""

from __future__ import annotations

import re

from . import _accel
from .edits import Edit, apply
from .errors import check_text
from .syllable import parse_syllable

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_REMOVED = "\u200b\u2060\ufeff\u00ad"
_HYPHENS = "\u2010\u2011\u2212\ufe63\uff0d"
_TABLE = {
    **{c: " " for c in _SPACES},
    **{c: "" for c in _REMOVED},
    **{c: "-" for c in _HYPHENS},
    "\u2012": "\u2013",
    "\u2015": "\u2014",
}
_INVISIBLE = {ord(c): None for c in _REMOVED}
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_JOINERS = "\u200c\u200d"
# One character class, so the engine skips clean text at full speed; each hit is judged in Python.
DIRTY_CHARS = "".join(_TABLE) + _JOINERS + "Ðð"
_DIRTY = re.compile("[" + DIRTY_CHARS + "]")
# Led by the spaces and free of look-arounds (a lookbehind first is tried at every character, a
# lookahead after "  +" backtracks through a long run of spaces): the neighbours are checked in Python.
_MULTI_SPACE = re.compile(r"  +")
_WORD_REST = re.compile(f"[\\w{_REMOVED}]*")  # the rest of a word, invisible characters and all


def _replacement(text: str, i: int, ch: str) -> tuple[str, int]:
    """What replaces the dirty character at *i*, and where the replaced stretch ends."""
    if ch in _TABLE:
        return _TABLE[ch], i + 1
    if ch in _JOINERS:
        between = 0 < i < len(text) - 1 and _LATIN.match(text[i - 1]) and _LATIN.match(text[i + 1])
        return ("" if between else ch), i + 1
    if i and text[i - 1].isalpha():
        return ch, i + 1  # đ only ever starts a Vietnamese syllable: Icelandic "sagði", "Guðrún"
    end = _WORD_REST.match(text, i + 1).end()  # type: ignore[union-attr]
    if end - i > _LONGEST_WORD:
        return ch, i + 1  # far longer than any syllable: not Vietnamese (and never copied whole)
    rest = text[i + 1 : end].translate(_INVISIBLE)  # judged as the clean-up leaves it: "Ð\u00adà" is "Đà"
    d_bar = "Đ" if ch == "Ð" else "đ"
    return (d_bar if parse_syllable(d_bar + rest) is not None else ch) + rest, end  # else not Vietnamese


def _dirty_positions(text: str) -> list[int]:
    """Where :data:`_DIRTY` matches: by the compiled core when it is there."""
    if _accel.speedups is not None:
        found: list[int] = _accel.speedups.positions(text, DIRTY_CHARS)
        return found
    return [m.start() for m in _DIRTY.finditer(text)]


_GAP = 3
_LONGEST_WORD = 32  # characters, invisible ones included, over which a word cannot be one syllable


def character_edits(text: str, dirty: list[int] | None = None) -> list[Edit]:
    """The first step of the clean-up: invisible and look-alike characters. Changes at most
    :data:`_GAP` characters of spaces or punctuation apart are one edit (a run of no-break and
    zero-width spaces is one), so memory follows the runs, not the characters, while every word keeps
    its own position. *dirty*, when given, is where :data:`DIRTY_CHARS` occur in *text*, found by a
    scan that was made anyway (the compiled core's survey)."""
    edits: list[Edit] = []
    if text.isascii():
        return edits
    last = 0
    start = end = -1  # the run of touching changes being gathered
    pieces: list[str] = []
    for i in _dirty_positions(text) if dirty is None else dirty:
        if i < last:
            continue
        new, last = _replacement(text, i, text[i])
        if new == text[i:last]:
            continue
        if i - end > _GAP or end < 0 or any(c.isalnum() for c in text[end:i]):
            if pieces:
                edits.append((start, end, "".join(pieces)))
            start, pieces = i, []
        elif i > end:
            pieces.append(text[end:i])  # a short gap of spaces or punctuation joins the run
        pieces.append(new)
        end = last
    if pieces:
        edits.append((start, end, "".join(pieces)))
    return edits


def space_edits(text: str) -> list[Edit]:
    """The second step: repeated spaces between words become one."""
    if "  " not in text:
        return []
    n = len(text)
    return [
        (m.start(), m.end(), " ")
        for m in _MULTI_SPACE.finditer(text)
        if m.start() and m.end() < n and not text[m.start() - 1].isspace() and not text[m.end()].isspace()
    ]


def spaces_meet(cleaned: str, edits: list[Edit]) -> bool:
    """Whether two spaces in a row touch one of *edits* in *cleaned*, the text they made: the only
    place they can be when the text before held none ("a\u00a0 b", "a \u200b b")."""
    shift = 0
    for start, end, new in edits:
        at = start + shift
        if "  " in cleaned[max(0, at - 1) : at + len(new) + 1]:
            return True
        shift += len(new) - (end - start)
    return False


def clean_characters(text: str) -> str:
    """:func:`character_edits` applied (the edits are few: ``str.translate`` with a table would look up
    every character of the text, four times slower on news text)."""
    return apply(text, character_edits(text))


def clean_text(text: str) -> str:
    """Clean invisible and look-alike characters as the table of this module says; nothing else
    changes, and text with nothing to clean is returned as it is.

    Args:
        text: any text.

    Returns:
        The cleaned text.

    Raises:
        TypeError: *text* is not a ``str``.

    Example:
        >>> clean_text("Hà\u00a0Nội  \u200bngày 5/8")
        'Hà Nội ngày 5/8'
    """
    check_text(text)
    text = clean_characters(text)
    return apply(text, space_edits(text))
