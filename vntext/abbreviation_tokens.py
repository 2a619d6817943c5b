"""Keys found inside or beside other tokens, and the runs too long to be language.

The expander's main scan finds a key standing as a token of its own. These finders add the few
places a key is read though it touches something else: a kind glued to its number (``QL1A``), a
place joined by a hyphen in a route (``TPHCM-Trung Lương``) and a key typed in small letters
(``bhxh``). Each yields candidate matches in text order; the expander decides their readings.

>>> [m.group() for m in glued("quốc lộ QL1A và QK7, máy QK100")]
['QL', 'QK']
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Protocol, TypeVar

import regex

from ._trie import trie_pattern
from .abbreviation_codes import KEPT_CATEGORIES
from .abbreviation_context import KEEP


class Entry(Protocol):
    """A dictionary entry: its reading and its category."""

    @property
    def expansion(self) -> str: ...

    @property
    def category(self) -> str: ...


E = TypeVar("E", bound=Entry)


# "QL1A", "TL10", "BN3092", "ĐT741": quốc lộ, tỉnh lộ, bệnh nhân and đường tỉnh written against their
# number, "HĐ1" an activity of a lesson plan (its context rule reads only a single figure)
# number (led by the letters, which the engine skips to quickly); "QK7": a military region, of which
# there are nine at most, so "QK100" (a product's code) is left alone. One alternation, so the scan
# still skips to the letters quickly (a second branch had tripled its time).
_GLUED = re.compile(
    r"(?:QL|TL|BN|ĐT|QK|HĐ)(?<![\w.-]..)(?=(?<=K)[1-9](?![\w-])|(?<!K)\d{1,5}[A-Z]?(?:-\d{1,5})?(?![\w-]))"
)


def glued(text: str) -> Iterator[re.Match[str]]:
    """A kind glued to its number: "QL1A" → the key QL, read "quốc lộ 1A"; "BN91", "QK7"."""
    return _GLUED.finditer(text)


# ----------------------------------------------------------------------------------- trip lengths
# A trip's length in a tour's name: "4N3Đ" (4 ngày 3 đêm), "3N2D"; its days are its nights or one more,
# so a code such as "12N5D" is left alone.
# Led by the literal N, so the scan skips to it at the engine's speed; the days are looked for before it.
_NIGHTS = re.compile(r"N ?(\d{1,2}) ?[ĐD](?![\w/-]|\.\w)")
_DAYS = re.compile(r"(?<![\w/.-])(\d{1,2}) ?\Z")


def trip_lengths(text: str) -> Iterator[tuple[int, int, str]]:
    """Each trip's length written as days and nights, as (start, end, reading).

    >>> list(trip_lengths("Tour Đà Nẵng – Hội An 4N3Đ, combo 3N2D; mã 12N5D"))
    [(22, 26, '4 ngày 3 đêm'), (34, 38, '3 ngày 2 đêm')]
    """
    for m in _NIGHTS.finditer(text):
        before = _DAYS.search(text, max(0, m.start() - 3), m.start())
        if before is None:
            continue
        days, nights = int(before.group(1)), int(m.group(1))
        if 0 <= days - nights <= 1 and days > 0:
            yield before.start(), m.end(), f"{days} ngày {nights} đêm"


# ---------------------------------------------------------------------------------- small letters
_CAPITALS_ONLY = re.compile(r"[A-ZĐ]{4,}")  # three letters may be English: pct, cls, mtv
_VOWEL = re.compile(r"[aeiou]")
# A token of small consonants (y and đ included): "bhxh", "thpt", "đhqg"; not after # or @, not a
# file's name ("bhxh.pdf"). A run's first letter starts the token, or the run is inside a longer one.
_SMALL_TOKEN = re.compile(r"(?<![\w&.\u0300-\u036f/@#-])[bcdđghklmnpqrstvxy]{4,10}(?![\w&\u0300-\u036f@/-]|\.\w)")
_CONSONANT_RUN = re.compile(r"[bcdđghklmnpqrstvxy]{4,10}")


def lowercase_forms(entries: Mapping[str, E], readings: Callable[[str, str], tuple[str, ...]]) -> dict[str, E]:
    """Keys as people type them in small letters ("đóng bhxh", "trường thpt"): those of four letters or
    more and no vowel a, e, i, o, u, so no Vietnamese or English word, with one reading (*readings*
    gives every reading a key may get: no context rule may give another), not an international
    acronym (said as written) nor a title (which stands before a name)."""
    forms: dict[str, E] = {}
    for key, entry in entries.items():
        if key.isalpha() and key.islower():
            forms[key] = entry  # written so in the dictionary ("sgk", "cty"): found here, with these guards
            continue
        small = key.lower()
        if (_CAPITALS_ONLY.fullmatch(key) and not _VOWEL.search(small) and small not in entries
                and entry.expansion != KEEP and entry.category not in (*KEPT_CATEGORIES, "title")
                and all(r.lower() == entry.expansion.lower() for r in readings(key, entry.expansion))):
            forms[small] = entry
    return forms


def in_small_letters(text: str, forms: Mapping[str, object], short: Iterable[str] = ()) -> Iterator[re.Match[str]]:
    """The keys of *forms* in *text*. Led by runs of four consonants, which Vietnamese words never
    have, so the scan stays cheap; the few shorter forms (*short*: "sgk", "cty") by a pattern of their
    own, with the same guards.

    >>> forms = {"bhxh": 1, "sgk": 1, "cty": 1}
    >>> [m.group() for m in in_small_letters("đóng bhxh, sgk mới, cty.vn, #cty, cty nhỏ", forms, ("sgk", "cty"))]
    ['bhxh', 'sgk', 'cty']
    """
    long_forms = _long_forms(text, forms)
    short_forms = _short_forms(frozenset(k for k in short if k in text))  # most texts have none
    if short_forms is None:
        yield from long_forms
    else:
        yield from heapq.merge(long_forms, short_forms.finditer(text), key=lambda m: m.start())


def _long_forms(text: str, forms: Mapping[str, object]) -> Iterator[re.Match[str]]:
    for run in _CONSONANT_RUN.finditer(text):
        m = _SMALL_TOKEN.match(text, run.start())
        if m is not None and m.group() in forms:
            yield m


@lru_cache(maxsize=8)
def _short_forms(keys: frozenset[str]) -> re.Pattern[str] | None:
    """Led by the letters (the check of the character before comes after them, a look-behind as wide
    as the key and that character), so the scan skips to them quickly."""
    if not keys:
        return None
    parts = []
    for n in sorted({len(k) for k in keys}):
        words = "|".join(re.escape(k) for k in sorted(k for k in keys if len(k) == n))
        parts.append(f"(?:{words})(?<![\\w&.\u0300-\u036f/@#-]{'.' * n})")
    return re.compile("(?:" + "|".join(parts) + ")(?![\\w&\u0300-\u036f@/-]|\\.\\w)")


# ------------------------------------------------------------------------------------------ routes
# A place name on either side of a route's hyphen: "Hà Nội-TP.HCM", "TPHCM-Trung Lương"
_NAME_START = regex.compile(r"\p{Lu}\p{Ll}")
_NAME_END = regex.compile(r"(?<![\w\u0300-\u036f])\p{Lu}\p{Ll}+\Z")
_PLACE_REACH = 24  # characters before a hyphen where a place key may start


def joined_place_patterns(entries: Mapping[str, Entry]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Patterns for a place key starting at a position and ending at one: the places that name one
    place (a city, a region, a country), not a kind of place ("TP.")."""
    keys = [k for k, e in entries.items()
            if e.category == "place" and e.expansion[:1].isupper() and not k.endswith(".")]
    if not keys:
        return None
    body = trie_pattern(sorted(keys))
    return (re.compile(rf"(?:{body})(?![\w&\u0300-\u036f])"), re.compile(rf"(?<![\w&.\u0300-\u036f])(?:{body})\Z"))


def joined_places(text: str, starting: re.Pattern[str], ending: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """A place joined to a place name or another place by a hyphen, as routes are written: "cao tốc
    TPHCM-Trung Lương", "tuyến Hà Nội-TP.HCM", "TP.HCM-HN" (a code's other parts are not places:
    "QĐ-UBND"). Led by the hyphens, which are few, so the text is not scanned at every position."""
    last_end = -1
    hyphen = text.find("-")
    while hyphen != -1:
        before = ending.search(text, max(0, hyphen - _PLACE_REACH), hyphen)
        after = starting.match(text, hyphen + 1)
        named_after = after is not None or _NAME_START.match(text, hyphen + 1) is not None
        if before is not None and before.start() >= last_end and named_after:
            yield before
        if after is not None and (before is not None or _NAME_END.search(text, max(0, hyphen - 30), hyphen)):
            yield after
            last_end = after.end()
        hyphen = text.find("-", hyphen + 1)


# ---------------------------------------------------------------------------------- signatures
def signature_pattern(keys: Iterable[str]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Patterns for a signature block's keys (KT., TM., TL., TUQ.) before a word: the key itself, and
    a line break before one (led by the break, which the engine finds fast)."""
    keys = sorted(keys)
    if not keys:
        return None
    key = rf"(?:{trie_pattern(keys)})(?=[ \t]+[^\W\d_])"
    return re.compile(key), re.compile(rf"\n[ \t]*(?={key})")


def signatures(text: str, key: re.Pattern[str], after_break: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The keys of an official document's signature block, at a line's start: "KT. CHỦ TỊCH" (signed
    for the chairman), "TM. ỦY BAN NHÂN DÂN" (on behalf of the committee)."""
    first = _LEADING_SPACE.match(text)
    starts = [first.end()] if first is not None else []
    for start in [*starts, *(m.end() for m in after_break.finditer(text))]:
        m = key.match(text, start)
        if m is not None and text[m.end() : m.end() + 3].lstrip()[:1].isupper():
            yield m


_LEADING_SPACE = re.compile(r"[ \t]*")


# --------------------------------------------------------------------------------- no language
# A run of 256 characters or more without a space is not language (a hash, a data blob, a minified
# script, a repeated pattern): abbreviations inside it stay as written, and a 10 MB run of "TP."
# does not become 3.3 million matches.
_BLOCK = 128
_SPACE = re.compile(r"\s")
_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")
_NON_SPACE = re.compile(r"\S*")


def endless(text: str) -> list[tuple[int, int]]:
    """The spans of the runs of 256 characters or more without a space. Such a run holds a whole block
    of 128 characters without a space, so only blocks are looked at (one search each, which finds a
    space in the block's first few characters in running text) and the rare full one is measured.

    >>> endless("ab " + "x" * 300 + " cd")
    [(3, 303)]
    """
    spans = []
    i, n = 0, len(text)
    while i + _BLOCK <= n:
        if _SPACE.search(text, i, i + _BLOCK) is not None:
            i += _BLOCK
            continue
        before = _LAST_SPACE.search(text, max(0, i - _BLOCK), i)
        start = before.end() if before is not None else (0 if i == 0 else i)
        run = _NON_SPACE.match(text, i)
        end = run.end() if run is not None else i + _BLOCK  # \S* always matches here
        if end - start >= 256:
            spans.append((start, end))
        i = end
    return spans
