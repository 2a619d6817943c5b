"""What a company does, abbreviated in its registered name: "Công ty TNHH SX-TM-DV Trần Phát" is a
company for *sản xuất - thương mại - dịch vụ*. These codes (``company_kinds.tsv``) are read only in
such a name, after "Công ty", "Cty", "DNTN", "HTX" … and its legal form: on their own, TM, DV or KT
mean nothing settled.

>>> list(company_kinds("Công ty TNHH SX-TM-DV Trần Phát"))
[(13, 21, 'sản xuất - thương mại - dịch vụ')]
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from ._trie import trie_pattern
from .data import read_tsv

# The company and its legal form: "Công ty TNHH MTV", "Cty CP", "Doanh nghiệp tư nhân", "DNTN", "HTX".
_HEAD = r"(?<![\w\u0300-\u036f])(?:(?P<form>DNTN|HTX|[Hh]ợp tác xã)|[Cc]ông [Tt]y|CÔNG TY|C[Tt][Yy]|[Dd]oanh nghiệp)"
_FORM = (
    r"(?:TNHH|CP|MTV|NN[ \t]+MTV|[Cc]ổ phần|[Tt]rách nhiệm hữu hạn|[Mm]ột thành viên|[Tt]ư nhân"
    r"|[Nn]hà nước|[Ll]iên doanh)"
)
# Between two codes: "SX-TM", "TM - DV", "SX & TM", "TM và DV", "TM DV".
_SEPARATOR = r"(?:[ \t]?[-–&][ \t]?|[ \t]+và[ \t]+|[ \t])"
_SEPARATORS = regex.compile(f"({_SEPARATOR})")
# A head as literal text, and how many letters of it come before: a scan for these is far faster than
# one for the pattern, which would stop at every word starting with "C" or "c".
_HEAD_WORDS = (
    ("ông ty", 1), ("ông Ty", 1), ("ÔNG TY", 1), ("Cty", 0), ("CTy", 0), ("CTY", 0),
    ("oanh nghiệp", 1), ("ợp tác xã", 1), ("DNTN", 0), ("HTX", 0),
)


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    return {r["code"]: r["reading"] for r in read_tsv("company_kinds.tsv")}


@lru_cache(maxsize=1)
def _alone() -> frozenset[str]:
    """Codes read on their own after a legal form."""
    return frozenset(r["code"] for r in read_tsv("company_kinds.tsv") if r["alone"] == "yes")


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern[str]:
    code = "(?:" + trie_pattern(sorted(_kinds())) + ")"
    token = rf"{code}{{1,4}}(?![\w&\u0300-\u036f])"  # one code or a few glued: "TMDV", "SXTMDV"
    return regex.compile(
        rf"{_HEAD}(?P<forms>(?:[ \t]+{_FORM}){{0,3}})[ \t]+(?P<chain>{token}(?:{_SEPARATOR}{token}){{0,5}})"
        r"(?=[ \t]+(?:\p{Lu}|\d|số\b))"  # the name follows: "… TM-DV Kim Ngân", "… XD số 1"
    )


def _split(token: str, kinds: dict[str, str]) -> list[str] | None:
    """*token* as a run of codes ("SXTMDV" → SX, TM, DV), or ``None``."""
    if not token:
        return []
    for size in (4, 3, 2):
        head = token[:size]
        if head in kinds:
            rest = _split(token[size:], kinds)
            if rest is not None:
                return [head, *rest]
    return None


def _heads(text: str) -> Iterator[int]:
    for word, before in _HEAD_WORDS:
        at = text.find(word)
        while at >= 0:
            if at >= before:
                yield at - before
            at = text.find(word, at + 1)


def company_kinds(text: str) -> Iterator[tuple[int, int, str]]:
    """Each run of company-kind codes in a company's name, as (start, end, reading): a run of two codes
    or more ("Công ty XD-TM Hòa Bình", "Công ty TNHH SX-TM-DV …"), or one code that may stand alone
    after a legal form ("Cty TNHH TM Song Đại Long"), always before the name's next word."""
    kinds = _kinds()
    pattern = _pattern()
    last = 0
    for at in sorted(_heads(text)):
        m = pattern.match(text, at) if at >= last else None
        if m is None:
            continue
        last = m.end()
        chain = m.group("chain")
        pieces = _SEPARATORS.split(chain)
        readings: list[str] = []
        codes_read: list[str] = []
        for i, piece in enumerate(pieces):
            if i % 2:  # a separator: a dash is said as a pause, "&" as "và" (as in KH&CN), a space as written
                readings.append(" - " if "-" in piece or "–" in piece else " và " if "&" in piece else piece)
                continue
            codes = _split(piece, kinds)
            if codes is None:
                break
            codes_read += codes
            readings.append(" ".join(kinds[c] for c in codes))
        else:
            formed = m.group("forms") or m.group("form")
            if len(codes_read) >= 2 or (formed and codes_read[0] in _alone()):
                yield m.start("chain"), m.end("chain"), "".join(readings)
