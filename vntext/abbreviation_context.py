"""Readings chosen by the words around an abbreviation: the context rules of
``data/abbreviation_contexts.tsv``.

A rule looks at the text *before* the abbreviation, the text *after* it (40 characters each), *near*
it (both sides, within the clause) or anywhere in its *sentence* (up to 300 characters each side, for
the words of a field: a bishop's ``GM`` in a sentence about a diocese); the first rule whose pattern
matches gives the reading, ``=`` keeping the abbreviation as written.

>>> import re
>>> text = "Chủ tịch CĐ ngành Y tế"
>>> contextual_reading(text, re.search("CĐ", text), "cao đẳng")
'công đoàn'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from .abbreviation_definitions import opening_after
from .data import read_tsv

KEEP = "="  # a context rule's expansion that means "keep the abbreviation as written"
_CLAUSE_END = re.compile(r"[.;!?\n]")
# Not the dot inside "TP.HCM" or "TGP.Saigon", nor the one after a short capitalised word ("Lm. Phêrô",
# "Gp. Phan Thiết"): that is an abbreviation's, which a second pass would no longer see as an end.
_SENTENCE_END = regex.compile(r"(?<!\b\p{Lu}\p{L}{0,3})[.!?](?=\s)|\n")
_REACH = 40  # characters looked at on each side
# Where a reading takes a capital: a sentence's start (after . ! ? a line's end or a bullet), or a list
# item's start at a line's start ("- GV tổ chức", "2) HD học sinh", "b) …").
_OPENS = opening_after(".!?\n•")
_LIST_ITEM = re.compile(r"(?:^|\n)[ \t]*(?:[-–—*+]|\d{1,2}[.)]|[a-zđ]\))[ \t]+$")
_NAME_AFTER = regex.compile(r"\s+\p{Lu}")
_SENTENCE_REACH = 300
_PLACES = ("before", "after", "near", "sentence")


@dataclass(frozen=True)
class Rule:
    """One row of ``abbreviation_contexts.tsv``: *expansion* when *pattern* matches *where*."""

    expansion: str
    where: str  # "before", "after", "near" or "sentence"
    pattern: regex.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> dict[str, tuple[Rule, ...]]:
    """Every abbreviation's context rules, in the table's order (the first that matches wins)."""
    found: dict[str, list[Rule]] = {}
    for r in read_tsv("abbreviation_contexts.tsv"):
        if r["where"] not in _PLACES:
            raise ValueError(f"abbreviation_contexts.tsv: {r['abbreviation']}: unknown place {r['where']!r}")
        # Compiled with `regex` so a pattern can name a capital of any script: \p{Lu}.
        rule = Rule(r["expansion"], r["where"], regex.compile(r["pattern"], regex.VERSION0))
        found.setdefault(r["abbreviation"], []).append(rule)
    return {k: tuple(v) for k, v in found.items()}


def contextual_reading(text: str, m: re.Match[str], default: str) -> str:
    """The reading of the abbreviation *m* found in *text*: the first context rule's that matches,
    else *default* (the dictionary's)."""
    for rule in rules().get(m.group(), ()):
        if rule.where == "before":
            matched = rule.pattern.search(text[max(0, m.start() - _REACH) : m.start()]) is not None
        elif rule.where == "after":
            matched = rule.pattern.search(text[m.end() : m.end() + _REACH]) is not None
        elif rule.where == "sentence":
            left = _SENTENCE_END.split(text[max(0, m.start() - _SENTENCE_REACH) : m.start()])[-1]
            right = _SENTENCE_END.split(text[m.end() : m.end() + _SENTENCE_REACH])[0]
            matched = rule.pattern.search(left) is not None or rule.pattern.search(right) is not None
        else:  # near: both sides, within the clause
            left = _CLAUSE_END.split(text[max(0, m.start() - _REACH) : m.start()])[-1]
            right = _CLAUSE_END.split(text[m.end() : m.end() + _REACH])[0]
            # A rule keeping the key may take its evidence from the same key nearby ("chuẩn THX-EX …
            # (THX - …)"); a reading must be this occurrence's own.
            matched = _near(rule.pattern, left, m.group(), right, strict=rule.expansion != KEEP)
        if matched:
            return rule.expansion
    return default


def _near(pattern: regex.Pattern[str], left: str, key: str, right: str, *, strict: bool) -> bool:
    """Whether *pattern* matches around this occurrence of *key*; when *strict*, a match that spells
    the key out must hold this occurrence ("Phòng KT huyện, phòng KT công ty": the rule for the first
    is no reason for the second), while one naming only the words around it may be anywhere."""
    window = left + key + right
    if not strict:
        return pattern.search(window) is not None
    for found in pattern.finditer(window):
        if key not in found.group() or found.start() <= len(left) < len(left) + len(key) <= found.end():
            return True
    return False


@lru_cache(maxsize=1024)
def readings(key: str, expansion: str) -> tuple[str, ...]:
    """Every reading *key* may get: the dictionary's (*expansion*) and its context rules'."""
    return (expansion, *(r.expansion for r in rules().get(key, ()) if r.expansion != KEEP))


def fit_case(text: str, m: re.Match[str], expansion: str, category: str) -> str:
    """*expansion* with a capital where the key stands at a sentence's or a list item's start, or is a
    title before a name ("TS Nguyễn Văn A" → "Tiến sĩ Nguyễn Văn A"); otherwise as stored."""
    before = text[max(0, m.start() - 12) : m.start()]
    followed_by_name = _NAME_AFTER.match(text, m.end(), m.end() + 3) is not None
    if _OPENS.search(before) or _LIST_ITEM.search(before) or (category == "title" and followed_by_name):
        return expansion[:1].upper() + expansion[1:]
    return expansion
