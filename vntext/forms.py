"""Unicode normal forms that are right for Vietnamese, and diacritic removal.

>>> to_nfc("Ho\u0302\u0300ng") == "Hồng"
True
>>> to_nfc("o\u0301\u0302")  # tone typed before the circumflex: plain NFC leaves it decomposed
'ố'
>>> remove_diacritics("Đảng Cộng sản Việt Nam")
'Dang Cong san Viet Nam'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, partial

import regex

from . import _accel
from ._ud import ud
from .edits import Edit, exact_edits
from .errors import check_text
from .syllable import MODIFIER_MARKS, TONE_MARKS

_TONE_SET = frozenset(TONE_MARKS[1:]) | {"\u0340", "\u0341"}
_MODIFIERS = frozenset(MODIFIER_MARKS)
# A base character followed by two or more combining marks: the only place where mark order matters.
_MARK_RUN = re.compile(r"[aeiouyAEIOUY][\u0300-\u036f]{2,}")
_ANY_MARK = re.compile(r"[\u0300-\u036f]")


def has_mark(text: str) -> bool:
    """Whether *text* holds a combining diacritical mark (U+0300–U+036F): found by the compiled core
    when it is there, else by a pattern."""
    if _accel.speedups is not None:
        return bool(_accel.speedups.first_between(text, 0x300, 0x36F) >= 0)
    return _ANY_MARK.search(text) is not None
# A letter followed by combining marks NFC could not compose.
_LEFTOVER = re.compile(r"[^\W\d_][\u0300-\u036f]+")
# Marks are removed only after a Latin letter: decomposed Greek or Cyrillic keeps its accents.
_LATIN_MARKS = re.compile(r"(?<=[A-Za-z])[\u0300-\u036f]+")


def _reorder(m: re.Match[str]) -> str:
    seq = m.group()
    marks = seq[1:]
    first_tone = next((i for i, c in enumerate(marks) if c in _TONE_SET), len(marks))
    if not any(c in _MODIFIERS for c in marks[first_tone:]):
        return seq  # nothing typed out of order: leave other scripts' stacks alone
    # Vietnamese composes modifier (circumflex, breve, horn) first, then the tone.
    modifiers = [c for c in marks if c in _MODIFIERS]
    return seq[0] + "".join(modifiers) + "".join(c for c in marks if c not in _MODIFIERS)


_CHUNK = 16384


def _nfc(text: str) -> str:
    """``unicodedata.normalize("NFC", text)``, taken in chunks of whole lines: a single combining mark
    anywhere makes the quick check fail for the whole string (30 MB/s instead of 1 GB/s on a wiki dump
    with a few decomposed words), while chunks without one pass it. Composition never crosses a
    newline."""
    if len(text) <= 4 * _CHUNK:
        return ud.normalize("NFC", text)
    pieces = []
    i = 0
    n = len(text)
    while i < n:
        j = text.find("\n", i + _CHUNK)
        j = n if j < 0 else j + 1
        pieces.append(ud.normalize("NFC", text[i:j]))
        i = j
    return "".join(pieces)


def to_nfc(text: str) -> str:
    """NFC that also composes Vietnamese letters whose marks were typed in the wrong order.

    Identical to ``unicodedata.normalize("NFC", text)`` except that a tone mark typed before the
    circumflex, breve or horn of the same letter is moved after it, so the pair composes.
    Deprecated tone marks U+0340 and U+0341 become U+0300 and U+0301 (as in NFC).

    Args:
        text: any text.

    Returns:
        *text* in NFC, every Vietnamese letter one code point.

    Raises:
        TypeError: *text* is not a ``str``.

    Example:
        >>> len(to_nfc("o\u0323\u0302")), len(to_nfc("o\u0302\u0323"))  # ộ, marks in either order
        (1, 1)
    """
    check_text(text)
    if _accel.speedups is not None and _accel.speedups.nfc_stable(text):
        return text  # every character is its own NFC and joins with none: no copy, and no mark to look for
    nfc = _nfc(text)
    if not has_mark(nfc) or _LEFTOVER.search(nfc) is None:
        return nfc
    # Marks typed in the wrong order are what NFC leaves behind after a letter: reorder just those.
    return _LEFTOVER.sub(lambda m: ud.normalize("NFC", _reorder_marks(ud.normalize("NFD", m.group()))), nfc)


def _reorder_marks(nfd: str) -> str:
    return _MARK_RUN.sub(_reorder, nfd)


# Normalisation never reaches across an ASCII character (a starter that composes with nothing before
# it), so each run of non-ASCII characters, with the ASCII letter it may attach to, is normalised alone.
_RUN = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")


def _run_edits(text: str, normal: Callable[[str], str]) -> list[Edit]:
    """Changed runs as edits, touching ones joined (memory follows the stretches that change)."""
    edits: list[Edit] = []
    start = end = -1
    pieces: list[str] = []
    for m in _RUN.finditer(text):
        new = normal(m.group())
        if new == m.group():
            continue
        if m.start() != end and pieces:
            edits.append((start, end, "".join(pieces)))
            pieces = []
        if not pieces:
            start = m.start()
        pieces.append(new)
        end = m.end()
    if pieces:
        edits.append((start, end, "".join(pieces)))
    return edits


def nfc_edits(text: str) -> list[Edit]:
    """:func:`to_nfc` as edits, one per changed run of non-ASCII characters, for offset maps.

    >>> nfc_edits("Ho\u0300a Bi\u0300nh, \u1100\u1161")
    [(1, 3, 'ò'), (6, 8, 'ì'), (11, 14, ' 가')]
    """
    if text.isascii() or (_accel.speedups is not None and _accel.speedups.nfc_stable(text)):
        return []
    return exact_edits(text, _run_edits(text, to_nfc), to_nfc(text))


# What NFC composes into fewer characters: a character and the combining marks after it (or marks
# alone), in any script (Arabic's hamza above, Devanagari's nukta), and Hangul jamo into syllables.
_MARKED = regex.compile(r"\P{M}?\p{M}+|[\u1100-\u1112][\u1161-\u1175][\u11a8-\u11c2]?|[\uac00-\ud7a3][\u11a8-\u11c2]")


@lru_cache(maxsize=4096)
def _composed_length(cluster: str) -> int:
    return len(to_nfc(cluster))


class ComposedPositions:
    """Positions in ``to_nfc(text)`` taken back to *text*, asked for in increasing order: each letter
    composed with the marks after it is one step ("U\u031b" is one "Ư"). Constant memory: the clusters
    are walked once, as the positions asked for move on (a decomposed text of a million letters keeps
    no table of them).

    >>> back = ComposedPositions("(NSU\u031bT) Ho\u0300a")
    >>> [back.original(p) for p in (1, 5, 7, 10)]
    [1, 6, 8, 12]
    """

    def __init__(self, text: str) -> None:
        self._clusters = _MARKED.finditer(text)
        self._next = next(self._clusters, None)
        self._shift = 0  # original position minus composed position, before the next cluster

    def original(self, p: int) -> int | None:
        """The position in the original text of position *p* of the composed one; ``None`` inside a
        cluster that composed to more than one character."""
        while self._next is not None:
            start, end = self._next.span()
            composed = _composed_length(self._next.group())
            if start - self._shift + composed > p:
                if start - self._shift < p:
                    return None
                break
            self._shift += (end - start) - composed
            self._next = next(self._clusters, None)
        return p + self._shift


def nfd_edits(text: str) -> list[Edit]:
    """Canonical decomposition of NFC *text* as edits, one per changed run of non-ASCII characters."""
    if text.isascii():
        return []
    return exact_edits(text, _run_edits(text, partial(ud.normalize, "NFD")), ud.normalize("NFD", text))


def to_nfd(text: str) -> str:
    """Canonical decomposition of :func:`to_nfc` of *text*.

    Args:
        text: any text.

    Returns:
        *text* in NFD: every letter followed by its marks, in canonical order.

    Raises:
        TypeError: *text* is not a ``str``.

    Example:
        >>> len(to_nfd("ộ"))
        3
    """
    check_text(text)
    return ud.normalize("NFD", to_nfc(text))


@lru_cache(maxsize=1)
def _strip_table() -> dict[int, str]:
    """Every precomposed Latin letter → its base letter; đ/Đ (and Ð typed for Đ) → d/D."""
    table: dict[int, str] = {}
    for block in (range(0x00C0, 0x0250), range(0x1E00, 0x1F00)):
        for cp in block:
            decomposed = ud.normalize("NFD", chr(cp))
            if len(decomposed) > 1 and decomposed[0].isascii():
                table[cp] = decomposed[0]
    table.update({ord("đ"): "d", ord("Đ"): "D", ord("Ð"): "D"})
    return table


def remove_diacritics(text: str) -> str:
    """Remove tone marks and vowel modifiers, and turn đ/Đ into d/D.

    Works on composed and decomposed input alike. Other accented Latin letters lose their accents too
    (``café → cafe``); letters of other scripts, digits, punctuation and emoji are kept.

    Args:
        text: any text.

    Returns:
        *text* without diacritics, in NFC.

    Raises:
        TypeError: *text* is not a ``str``.

    >>> remove_diacritics("Thủy điện Hòa Bình, Zürich")
    'Thuy dien Hoa Binh, Zurich'
    """
    check_text(text)
    if text.isascii():
        return text
    text = text.translate(_strip_table())
    if has_mark(text):
        text = _LATIN_MARKS.sub("", text)  # an empty replacement: no template to expand per match
    return text
