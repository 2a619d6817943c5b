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
from functools import lru_cache

from ._ud import ud
from .edits import Edit, exact_edits
from .syllable import MODIFIER_MARKS, TONE_MARKS

_TONE_SET = frozenset(TONE_MARKS[1:]) | {"\u0340", "\u0341"}
_MODIFIERS = frozenset(MODIFIER_MARKS)
# A base character followed by two or more combining marks: the only place where mark order matters.
_MARK_RUN = re.compile(r"[aeiouyAEIOUY][\u0300-\u036f]{2,}")
_ANY_MARK = re.compile(r"[\u0300-\u036f]")
# Marks are removed only after a Latin letter: decomposed Greek or Cyrillic keeps its accents.
_LATIN_MARKS = re.compile(r"([A-Za-z])[\u0300-\u036f]+")


def _reorder(m: re.Match[str]) -> str:
    seq = m.group()
    marks = seq[1:]
    first_tone = next((i for i, c in enumerate(marks) if c in _TONE_SET), len(marks))
    if not any(c in _MODIFIERS for c in marks[first_tone:]):
        return seq  # nothing typed out of order: leave other scripts' stacks alone
    # Vietnamese composes modifier (circumflex, breve, horn) first, then the tone.
    modifiers = [c for c in marks if c in _MODIFIERS]
    return seq[0] + "".join(modifiers) + "".join(c for c in marks if c not in _MODIFIERS)


def to_nfc(text: str) -> str:
    """NFC that also composes Vietnamese letters whose marks were typed in the wrong order.

    Identical to ``unicodedata.normalize("NFC", text)`` except that a tone mark typed before the
    circumflex, breve or horn of the same letter is moved after it, so the pair composes.
    Deprecated tone marks U+0340 and U+0341 become U+0300 and U+0301 (as in NFC).
    """
    nfc = ud.normalize("NFC", text)
    if not _ANY_MARK.search(nfc):
        return nfc
    nfd = ud.normalize("NFD", nfc)
    if not _MARK_RUN.search(nfd):
        return nfc
    return ud.normalize("NFC", _MARK_RUN.sub(_reorder, nfd))


_CLUSTER = re.compile(r"[^\u0300-\u036f][\u0300-\u036f]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def nfc_edits(text: str) -> list[Edit]:
    """:func:`to_nfc` as edits (one per composed letter), for offset maps."""
    target = to_nfc(text)
    if target == text:
        return []
    edits: list[Edit] = []
    for m in _CLUSTER.finditer(text):
        composed = to_nfc(m.group())
        if composed != m.group():
            edits.append((m.start(), m.end(), composed))
    return exact_edits(text, edits, target)  # composition beyond base+marks (Hangul jamo …)


def nfd_edits(text: str) -> list[Edit]:
    """Canonical decomposition of NFC *text* as edits (one per decomposed character)."""
    target = ud.normalize("NFD", text)
    if target == text:
        return []
    edits = [(m.start(), m.end(), ud.normalize("NFD", m.group())) for m in _NON_ASCII.finditer(text)]
    return exact_edits(text, edits, target)  # marks reordered across characters (Ù + U+1E8D0)


def to_nfd(text: str) -> str:
    """Canonical decomposition of :func:`to_nfc` of *text*.

    >>> len(to_nfd("ộ"))
    3
    """
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

    >>> remove_diacritics("Thủy điện Hòa Bình, Zürich")
    'Thuy dien Hoa Binh, Zurich'
    """
    if text.isascii():
        return text
    text = text.translate(_strip_table())
    if _ANY_MARK.search(text):
        text = _LATIN_MARKS.sub(r"\1", text)
    return text
