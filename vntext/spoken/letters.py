"""Letters and codes as a reader says them: acronyms spelled with Vietnamese letter names (``VTV1`` →
``vê tê vê một``), the acronyms read as a word (``ASEAN`` → ``a xê an``), web addresses and e-mails.

>>> spell("HKT"), spell("VTV1"), spell("U23")
('hát ca tê', 'vê tê vê một', 'u hai mươi ba')
>>> speak_address("lienhe@sovhtt.gov.vn")
'lienhe a còng sovhtt chấm gov chấm vê en'
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..data import read_tsv
from .numbers import cardinal, digits


@lru_cache(maxsize=1)
def letter_names() -> dict[str, str]:
    """Capital letter → its name (``data/letter_names.tsv``)."""
    return {r["letter"]: r["name"] for r in read_tsv("letter_names.tsv")}


@lru_cache(maxsize=1)
def word_readings() -> dict[str, str]:
    """Acronyms read as a word (``data/acronym_readings.tsv``)."""
    return {r["acronym"]: r["spoken"] for r in read_tsv("acronym_readings.tsv")}


_PART = re.compile(r"\d+|[^\W\d_]")


def spell(token: str, *, foreign: bool = False, **options: str | bool) -> str:
    """*token* letter by letter, its digit runs as numbers (``F0`` → ``ép không``); an acronym read as
    a word is read so; characters with no name are left out. A *foreign* acronym names D as English
    does (``USD`` → ``u ét đê``), a Vietnamese one as the alphabet does (``DTL`` → ``dê tê e lờ``)."""
    if token in word_readings():
        return word_readings()[token]
    names = {**letter_names(), "D": "đê"} if foreign else letter_names()
    words = []
    for part in _PART.findall(token):
        if part.isdigit():
            words.append(cardinal(int(part), **options) if len(part) <= 3 else digits(part))  # type: ignore[arg-type]
        else:
            name = names.get(part.upper())
            if name:
                words.append(name)
    return " ".join(words)


_ADDRESS_PART = re.compile(r"[^\W_]+|[@./:_-]")
_SEPARATORS = {"@": "a còng", ".": "chấm", "/": "gạch chéo", ":": "hai chấm", "-": "gạch ngang", "_": "gạch dưới"}


def speak_address(address: str) -> str:
    """A web address or e-mail: separators named, ``www`` and parts of one or two letters spelled,
    numbers read, other words kept as written (``gov``, ``hust``)."""
    words = []
    for part in _ADDRESS_PART.findall(address):
        if part in _SEPARATORS:
            words.append(_SEPARATORS[part])
        elif part.isdigit():
            words.append(_number(part))
        elif part.lower() == "www" or len(part) <= 2:
            words.append(spell(part))
        else:  # a word kept as written, its digits read: "vnexpress", "top10" → "top mười"
            words.extend(_number(w) if w.isdigit() else w for w in re.findall(r"\d+|\D+", part))
    return " ".join(words)


def _number(run: str) -> str:
    return digits(run) if len(run) > 3 or (run.startswith("0") and len(run) > 1) else cardinal(int(run))


__all__ = ["letter_names", "speak_address", "spell", "word_readings"]
