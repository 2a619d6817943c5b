"""Definitions written in the text, which teach a document what its abbreviations mean: "Quản lý thị
trường (QLTT)", "(Doanh nghiệp Nhà nước - DNNN)", and a legend "ĐXT: Điểm xét tuyển". The letters of
the abbreviation are matched to the initials of the long form (:func:`long_form`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .forms import remove_diacritics

# "(ABBR)" right after the words it abbreviates (not a formula: "(CN)2").
DEFINITION = re.compile(r"\(\s*([A-ZĐ][A-Za-zĐđ&.\- ]{0,18}[A-Za-zĐđ])\s*\)(?!\d)")
# "(Doanh nghiệp Nhà nước - DNNN)": the long form and its abbreviation inside one pair of brackets.
DASH_DEFINITION = re.compile(r"\(([^()\n]{3,120}?)\s[-–]\s([A-ZĐ][A-Za-zĐđ&.\-]{0,18}[A-Za-zĐđ])\s*\)")
# "ĐXT: Điểm xét tuyển, ĐCN: Điểm cả năm" (a legend under a formula, a list of abbreviations): the
# abbreviation, a colon, and the words up to the next comma, semicolon, full stop or line end. Found
# from the colons (rare) back to the abbreviation: a pattern led by a capital is tried at every one.
_ABBR_BEFORE_COLON = re.compile(r"(?<![\w/.\-])([A-ZĐ][^\W\d_]{1,11})[ \t]?\Z")
_LONG_AFTER_COLON = re.compile(r"[ \t]*([^\W\d_][^\n,;:.()<>=+]{2,80}?)(?=[ \t]*(?:[,;.\n)]|\Z))")
WORD = re.compile(r"[^\W\d_]+(?:[&-][^\W\d_]+)*")
_SKIPPABLE = frozenset({"của", "các", "về", "cho", "với", "và"})


def _units(abbr: str) -> list[str]:
    """Letters of *abbr* as matching units: ``ThS`` → Th, S; ``GD&ĐT`` → G, D, &, Đ, T."""
    units: list[str] = []
    for c in abbr:
        if c == "&" or c.isupper():
            units.append(c)
        elif c.islower() and units and units[-1] != "&":
            units[-1] += c
    return units


def _base(s: str) -> str:
    return remove_diacritics(s.replace("đ", "\0").replace("Đ", "\1")).lower().replace("\0", "đ").replace("\1", "đ")


def _unit_matches(unit: str, word: str) -> bool:
    if unit == "&":
        return word.lower() in ("và", "&")
    return _base(word).startswith(_base(unit))


def colon_definitions(text: str) -> Iterator[tuple[tuple[int, int], str, str, int]]:
    """Each "ABBR: Long form" of *text* whose long form has a word for every letter, in order (its
    span, the abbreviation, the long form, where it ends): "ĐXT: Điểm xét tuyển", not "Lưu ý: ..."."""
    colon = text.find(":")
    while colon >= 0:
        before = _ABBR_BEFORE_COLON.search(text, max(0, colon - 13), colon)
        after = _LONG_AFTER_COLON.match(text, colon + 1) if before is not None else None
        if before is not None and after is not None:
            abbr = before.group(1)
            words = [w.group() for w in WORD.finditer(after.group(1))]
            if abbr.isupper() and len(words) == len(_units(abbr)) and long_form(words, abbr) == 0:
                yield before.span(1), abbr, after.group(1).strip(), after.end()
        colon = text.find(":", colon + 1)


def long_form(words: list[str], abbr: str) -> int | None:
    """Index of the first of *words* that *abbr* abbreviates (matching its letters to the initials of
    the last words, Schwartz–Hearst style), or ``None``.

    >>> words = "Chi cục Quản lý thị trường".split()
    >>> words[long_form(words, "QLTT"):]
    ['Quản', 'lý', 'thị', 'trường']
    >>> long_form("Liên minh châu Âu".split(), "EU") is None
    True
    """
    units = _units(abbr)
    if len(units) < 2:
        return None
    i = len(words) - 1
    for unit in reversed(units):
        while i >= 0 and not _unit_matches(unit, words[i]):
            if words[i].lower() not in _SKIPPABLE:
                return None
            i -= 1
        if i < 0:
            return None
        i -= 1
    start = i + 1
    return start if len(words) - start >= 2 else None


__all__ = ["DASH_DEFINITION", "DEFINITION", "WORD", "colon_definitions", "long_form"]
