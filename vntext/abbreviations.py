"""Abbreviations: a curated dictionary, readings chosen by context, and definitions learned from the text.

>>> expand_abbreviations("Chiều 5-8, tại Trụ sở Ban Đối ngoại T.Ư, UBND xã Tuệ Tĩnh tiếp Đoàn.")
'Chiều 5-8, tại Trụ sở Ban Đối ngoại Trung ương, Ủy ban nhân dân xã Tuệ Tĩnh tiếp Đoàn.'
>>> expand_abbreviations("Chi cục Quản lý thị trường (QLTT) tỉnh Lào Cai; Đội QLTT số 5.")
'Chi cục Quản lý thị trường (QLTT) tỉnh Lào Cai; Đội Quản lý thị trường số 5.'
>>> expand_abbreviations("Công ty CP Sữa, Chỉ thị 25-CT/TW, ĐH XIV, GDP tăng 7%.")
'Công ty cổ phần Sữa, Chỉ thị 25-CT/TW, Đại hội XIV, GDP tăng 7%.'
>>> [m.to_dict() for m in find_abbreviations("Phóng viên TTXVN đưa tin.")]
[{'text': 'TTXVN', 'start': 11, 'end': 16, 'expansion': 'Thông tấn xã Việt Nam',
  'source': 'dictionary', 'category': 'press'}]
"""

from __future__ import annotations

import dataclasses
import heapq
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import regex

from ._starts import number_matches
from ._trie import trie_pattern
from .abbreviation_codes import (
    KEPT_CATEGORIES,
    after_foreign_name,
    in_capitals,
    in_foreign_list,
    in_foreign_name,
    in_relative_path,
    is_code,
    shortens_foreign_name,
    spelt_like_word,
    title_before_name_in_capitals,
)
from .abbreviation_companies import company_kinds
from .abbreviation_context import KEEP, contextual_reading, fit_case, readings
from .abbreviation_definitions import (
    DASH_DEFINITION,
    WORD,
    colon_definitions,
    definition_before,
    definitions,
    ends_like,
    foreign_definition,
    is_credit,
    legends,
    long_form,
    named_definition_before,
    named_short_forms,
    plain_words_before,
    written_as,
)
from .abbreviation_tokens import (
    endless,
    glued,
    in_small_letters,
    joined_place_patterns,
    joined_places,
    lowercase_forms,
    signature_pattern,
    signatures,
    trip_lengths,
)
from .data import read_tsv
from .errors import check_text
from .forms import ComposedPositions, has_mark, to_nfc
from .protect import protected_spans

_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# A document number starts with a digit and chains parts with - or /: 25-CT/TW, 15/2020/NĐ-CP. It starts
# a token (no dot before it either), so "1.1.1.…" is tried once, not at every digit: linear time.
DOC_NUMBER = re.compile(r"(?<![\w./-])\d[\w.]*(?:[-/][\w&.]*\w){1,16}")
# A document number written with spaces around its last dash or ampersand: "15/2020/NĐ - CP",
# "05/2024/TT - BTC", "413/SGDĐT-GDTrH & QLCL".
_SPACED_TAIL = re.compile(r"[ \t]?[-–&][ \t]?[A-ZĐ][A-Za-zĐđ]{0,6}(?![\w])")
# A number whose code comes after a spaced slash: "40/2014/ TT - BNNPTNT", "34/ HD - SNN", "80 / BC-UBND".
# It ends where a document number ends (a comma, a full stop, a bracket, the line, "ngày …"), so a
# numbered point "1/ UBND tỉnh chỉ đạo …" is read. The parts are bounded, so "1/1/1/…" costs no memory.
_SPACED_SLASH_NUMBER = re.compile(
    r"(?<![\w./-])\d+(?:/\d+){0,3}(?:[ \t]/[ \t]?|/[ \t])[A-ZĐ]\w*(?:[ \t]?[-–&][ \t]?[A-ZĐ]\w*){0,4}"
    r"(?=[ \t]*(?:[,;:.)\]\n]|\Z|ngày |của |về ))")


def _with_spaced_tail(text: str, m: re.Match[str]) -> tuple[int, int]:
    """The span of a document number, with a last part after a spaced dash when the number ends in
    letters ("…/NĐ - CP"); a date or a count before a dash keeps it ("5/3 - UBND tỉnh")."""
    end = m.end()
    if "/" in m.group() and text[end - 1 : end].isalpha():
        tail = _SPACED_TAIL.match(text, end)
        if tail is not None:
            end = tail.end()
    return m.start(), end


# A name set equal to a formula is its symbol ("HS = (200 - TH)/100", "HS={\frac …}"): that name stays
# as written all through the text ("trong đó HS là hệ số sức mạnh"); "Số HS = 30" is no formula.
_VARIABLE = re.compile(r"(?<![\w.])([A-ZĐ][A-Za-zĐđ0-9]*) ?= ?(?:[\\({\[]|[A-Za-z]\w* ?[-+*/^])")




@dataclass(frozen=True, slots=True)
class AbbreviationMatch:
    """An abbreviation found in a text, with the reading chosen for it.

    Attributes:
        text: the abbreviation as written (with a title's full stop: ``TS.``).
        start: its offset in the text.
        end: the offset just after it.
        expansion: the reading (``Ủy ban nhân dân``).
        source: ``"dictionary"``, or ``"document"`` for a definition the text gave.
        category: the dictionary's category (``party_state``, ``title``, ``place`` …), or
            ``"document"``.
    """

    text: str
    start: int
    end: int
    expansion: str
    source: str  # "dictionary" or "document"
    category: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "expansion": self.expansion,
            "source": self.source,
            "category": self.category,
        }


@dataclass(frozen=True)
class _Entry:
    expansion: str
    category: str


_NO_ENTRY = _Entry("", "")


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, _Entry]:
    return {r["abbreviation"]: _Entry(r["expansion"], r["category"]) for r in read_tsv("abbreviations.tsv")}


@dataclass(frozen=True)
class _Options:
    extra: tuple[tuple[str, str], ...] = ()
    removed: frozenset[str] = frozenset()
    expand_international: bool = False
    learn: bool = True
    in_headlines: bool = False  # read keys in a headline too (the spoken form: a listener hears it)


class AbbreviationExpander:
    """Finds and expands abbreviations with a configurable dictionary.

    Instances are immutable, thread-safe and picklable: build one and use it everywhere (process
    pools included).

    Args:
        extra: entries to add or override, abbreviation to reading (``{"CSVN": "Cảnh sát Việt Nam"}``).
        remove: abbreviations to drop from the dictionary (kept as written).
        expand_international: also expand acronyms Vietnamese keeps as written (GDP, ASEAN, USD …).
        learn: learn definitions written in the text (``Quản lý thị trường (QLTT)``) and apply them to
            the whole text.

    Example:
    >>> ex = AbbreviationExpander(extra={"VKSND": "Viện kiểm sát nhân dân"}, remove=["TTXVN"])
    >>> ex.expand_abbreviations("VKSND và TTXVN")
    'Viện kiểm sát nhân dân và TTXVN'
    """

    def __init__(
        self,
        extra: Mapping[str, str] | None = None,
        remove: Iterable[str] = (),
        *,
        expand_international: bool = False,
        learn: bool = True,
    ) -> None:
        self._options = _Options(tuple(sorted((extra or {}).items())), frozenset(remove), expand_international, learn)

    def __reduce__(self) -> tuple[Any, ...]:
        o = self._options
        return (_rebuild, (o,))

    def __repr__(self) -> str:
        return f"AbbreviationExpander({self._options})"

    @cached_property
    def _entries(self) -> dict[str, _Entry]:
        entries = dict(_dictionary())
        for abbr, expansion in self._options.extra:
            entries[abbr] = _Entry(expansion, "extra")
        for abbr in self._options.removed:
            entries.pop(abbr, None)
        return entries

    @cached_property
    def _regex(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        # A signature block's keys are found at a line's start only (``signature_patterns``): anywhere
        # else "KT." ends a sentence about an economy department ("phòng KT.").
        # Keys in small letters ("sgk", "cty") are found with the small-letter forms and their guards.
        return _compile(k for k, e in self._entries.items()
                        if e.category != "signature" and not (k.isalpha() and k.islower()))

    @cached_property
    def _signatures(self) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        return signature_pattern(k for k, e in self._entries.items() if e.category == "signature")

    # ------------------------------------------------------------------------------------ finding
    def find_abbreviations(self, text: str, *, learn: bool | None = None) -> list[AbbreviationMatch]:
        """Abbreviations in *text* that would be expanded, in order, with their readings."""
        check_text(text)
        return list(self._found(text, learn))

    def _found(self, text: str, learn: bool | None) -> Iterator[AbbreviationMatch]:
        composed = to_nfc(text) if has_mark(text) else text
        if composed == text:
            yield from self._found_nfc(text, learn)
            return
        # Decomposed letters ("NSU\u031bT"): found in the composed text, each span taken back to
        # *text*; a span that does not hold the key there is left alone.
        back = ComposedPositions(text)
        for m in self._found_nfc(composed, learn):
            start, end = back.original(m.start), back.original(m.end)
            if start is not None and end is not None and to_nfc(text[start:end]) == m.text:
                yield dataclasses.replace(m, start=start, end=end, text=_shared(text[start:end]))

    def _found_nfc(self, text: str, learn: bool | None) -> Iterator[AbbreviationMatch]:
        learn = self._options.learn if learn is None else learn
        numbers = number_matches(DOC_NUMBER, text)
        protected = [_with_spaced_tail(text, m) for m in numbers] + protected_spans(text)
        protected += [m.span() for m in number_matches(_SPACED_SLASH_NUMBER, text)]
        protected += endless(text)
        learned: dict[str, tuple[int, str]] = {}
        sites = list(definitions(text))
        for m in sites:
            abbr = m.group(1).strip()
            definition = definition_before(text, m.start(), abbr)
            if (
                definition is not None
                or self._restated(text, m.start(), abbr)
                or is_credit(text, m)
                or ends_like(plain_words_before(text, m.start()), abbr)
                or (abbr in self._entries and self._entries[abbr].category != "place")
            ):
                # The definition site stays as written: "Liên hợp quốc (LHQ)"; so does a source's name
                # opening an article, "(ĐN)- Theo …", and any key in brackets that names no place: it is
                # a symbol or a name's short form there ("nitrua bo (BN)", "Trường Bahrain (BS)"). A key
                # that only says where, "quận 3 (TP.HCM)", is read.
                protected.append(m.span())
            if definition is not None and learn:
                learned.setdefault(abbr, (m.end(), definition))
        for m in _NAMED_KEY.finditer(text) if "(" in text else ():
            if self._restated(text, m.start(), m.group(2)):
                protected.append(m.span())
        for m in DASH_DEFINITION.finditer(text) if "(" in text else ():
            abbr = m.group(2)
            words = [w.group() for w in WORD.finditer(m.group(1))]
            if long_form(words, abbr) != 0:
                continue  # the words before the dash are not all its long form
            protected.append(m.span(2))
            if learn:
                learned.setdefault(abbr, (m.end(), m.group(1).strip()))
        for keys, anchors in named_short_forms(text):
            protected += [span for span, _ in keys]
            if learn and len(keys) == 1:
                (span, abbr), = keys
                for anchor in anchors:
                    definition = named_definition_before(text, anchor, abbr)
                    if definition is not None:
                        learned.setdefault(abbr, (span[1], definition))
                        break
        protected += written_as(text)  # "được viết là “công ty TNHH”": a mention of a form
        listed = legends(text)
        protected += [legend.span for legend in listed]
        for span, abbr, definition, end in [*colon_definitions(text), *(r for lg in listed for r in lg.rows)]:
            protected.append(span)
            if learn:
                learned.setdefault(abbr, (end, definition))
        for m in sites if learned else ():
            if m.group(1).strip() in learned:
                protected.append(m.span())  # "(DBSA)" after another wording of it stays as written too
        for abbr, (end, definition) in list(learned.items()):
            if foreign_definition(definition, abbr):
                # "Central Processing Unit (CPU)", "Cable News Network, viết tắt là CNN": a foreign name's
                # key is said as written all through the document, and no dictionary reading applies.
                learned[abbr] = (end, KEEP)
        protected.sort()
        symbols = {m.group(1) for m in _VARIABLE.finditer(text)} if "=" in text else set()
        p = 0
        last_end = 0
        for match in self._matches(text, learned):
            while p < len(protected) and protected[p][1] <= match.start:
                p += 1
            if (p < len(protected) and protected[p][0] < match.end) or match.start < last_end:
                continue
            if match.text in symbols:
                continue
            yield match
            last_end = match.end

    def _matches(self, text: str, learned: Mapping[str, tuple[int, str]]) -> Iterable[AbbreviationMatch]:
        """Candidates in text order; a learned key is matched by its own small pattern."""
        streams = [self._scan(text, *self._regex, learned), self._tokens(glued(text), learned), self._companies(text),
                   self._trip_lengths(text)]
        if "-" in text and self._joined_places is not None:
            streams.append(self._tokens(joined_places(text, *self._joined_places), learned))
        if self._lowercase_forms:
            streams.append(self._tokens(in_small_letters(text, self._lowercase_forms, self._short_forms), learned))
        if self._signatures is not None:
            streams.append(self._tokens(signatures(text, *self._signatures), learned))
        if learned:
            streams.append(self._scan(text, *_compile_cached(frozenset(learned)), learned))
        # Merge by position; at the same position the longer candidate comes first.
        yield from heapq.merge(*streams, key=lambda m: (m.start, -m.end))

    def _companies(self, text: str) -> Iterator[AbbreviationMatch]:
        """What a company does, in its name: "Công ty TNHH SX-TM-DV Trần Phát" (``company_kinds``)."""
        for start, end, reading in company_kinds(text):
            if text[start:end] in self._options.removed or self._in_headline(text, start, end):
                continue
            yield AbbreviationMatch(_shared(text[start:end]), start, end, reading, "dictionary", "economy")

    def _trip_lengths(self, text: str) -> Iterator[AbbreviationMatch]:
        """A tour's length: "4N3Đ" (``trip_lengths``)."""
        for start, end, reading in trip_lengths(text):
            if text[start:end] in self._options.removed or self._in_headline(text, start, end):
                continue
            yield AbbreviationMatch(_shared(text[start:end]), start, end, reading, "dictionary", "common")

    def _tokens(self, candidates: Iterable[re.Match[str]], learned: Mapping[str, tuple[int, str]]
                ) -> Iterator[AbbreviationMatch]:
        """The readings of candidates found inside or beside other tokens (``abbreviation_tokens``)."""
        for m in candidates:
            match = self._match(text=m.string, m=m, learned=learned)
            if match is not None:
                yield match

    @cached_property
    def _lowercase_forms(self) -> dict[str, _Entry]:
        return lowercase_forms(self._entries, readings)

    @cached_property
    def _short_forms(self) -> tuple[str, ...]:
        return tuple(k for k in self._lowercase_forms if len(k) < 4)

    @cached_property
    def _joined_places(self) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        return joined_place_patterns(self._entries)

    def _scan(
        self, text: str, pattern: re.Pattern[str], glued: re.Pattern[str], learned: Mapping[str, tuple[int, str]]
    ) -> Iterator[AbbreviationMatch]:
        for found in pattern.finditer(text):
            m: re.Match[str] | None = found
            after_title = False
            while m is not None:
                match = self._match(text, m, learned)
                if after_title and match is not None:
                    # "ThS.DS Lê C": the second title of a heading; "BS.CKI": a level, in small letters
                    first = match.expansion[:1]
                    first = first.lower() if _LEVEL.fullmatch(m.group()) else first.upper()
                    match = dataclasses.replace(match, expansion=first + match.expansion[1:])
                nxt = glued.match(text, m.end()) if m.group().endswith(".") else None
                # (not when the words chose another reading: "đơn vị GS. Chạy …" is giám sát, ending a sentence)
                if (match is not None and (match.category == "title" or after_title) and text.startswith(".", m.end())
                        and not self._other_reading(m.group(), match.expansion)):
                    # The full stop of a title abbreviation is the abbreviation's: "TS. Nguyễn Trí Hiếu",
                    # and between two titles it joins them: "Ths.Bs Nguyễn Đình Liên".
                    nxt = glued.match(text, m.end() + 1)
                    # "Ths.Bs …"; also a key that reads as a title only before a name: "ThS.DS Lê C" (dược sĩ)
                    chained = self._is_title(nxt) or self._read_before_name(text, nxt, learned)
                    # "TS. BS. Nguyễn Bích Hoàng": a title after a space joins too (the scan finds it itself).
                    gap = _TITLE_GAP.match(text, m.end() + 1)
                    spaced = not chained and gap is not None and self._is_title(glued.match(text, gap.end()))
                    if chained or spaced or _FULL_NAME_AFTER.match(text, m.end() + 1, m.end() + 40):
                        # A title before a name takes a capital, as "TS Nguyễn Văn A" does (not a level).
                        reading = match.expansion
                        if not _LEVEL.fullmatch(m.group()):
                            reading = reading[:1].upper() + reading[1:]
                        if chained and nxt is not None and _LEVEL.fullmatch(nxt.group()):
                            reading += " "  # "BS.CKI Nguyễn Văn A": a level goes on with its title
                        elif chained or spaced:  # titles before a name: written as a heading, with capitals
                            reading += ", " if chained else ","
                        match = dataclasses.replace(
                            match, end=m.end() + 1, text=_shared(match.text + "."), expansion=reading)
                    if not chained:
                        nxt = None
                    after_title = chained
                if match is not None:
                    yield match
                m = nxt

    def _restated(self, text: str, paren: int, key: str) -> bool:
        """Whether brackets holding *key* (maybe after a word) restate the words just before them: "Bộ
        Chỉ huy Quân sự cấp tỉnh (Bộ CHQS)", "QLTT (QLTT)" — expanding the key there would say it twice."""
        entry = self._entries.get(key)
        if entry is None or entry.expansion == KEEP:
            return False
        # The sentence so far, not a fixed number of characters: expanding the words before the brackets
        # only lengthens it and keeps every reading in it, so a second pass decides as the first did.
        start = max(0, paren - _SENTENCE_REACH)
        before = text[max(start, *(text.rfind(c, start, paren) + 1 for c in ".!?\n")) : paren]
        if before.rstrip().endswith(key):
            return True
        lowered = before.lower()
        return any(reading.lower() in lowered for reading in readings(key, entry.expansion))

    def _other_reading(self, key: str, reading: str) -> bool:
        """Whether a context rule read *key* otherwise than its dictionary reading (GS: giám sát)."""
        entry = self._entries.get(key)
        return entry is not None and entry.expansion != KEEP and entry.expansion.lower() != reading.lower()

    def _in_headline(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` stands in a run of words in capitals and so stays as written; for
        speech only a key spelt like a word does (``CAP``, ``TƯ``: ``UBND TỈNH …`` is read)."""
        if self._options.in_headlines and not spelt_like_word(text[start:end]):
            return False
        return in_capitals(text, start, end, self._entries)

    def _category(self, key: str) -> str:
        return self._entries.get(key, _NO_ENTRY).category

    def _is_title(self, m: re.Match[str] | None) -> bool:
        return m is not None and self._entries.get(m.group(), _NO_ENTRY).category == "title"

    def _read_before_name(self, text: str, m: re.Match[str] | None, learned: Mapping[str, tuple[int, str]]) -> bool:
        if m is None:
            return False
        at = m.end() + text.startswith(".", m.end())  # "ThS.DS. Lê C"
        return _FULL_NAME_AFTER.match(text, at, at + 40) is not None and self._match(text, m, learned) is not None

    def _match(
        self, text: str, m: re.Match[str], learned: Mapping[str, tuple[int, str]]
    ) -> AbbreviationMatch | None:
        """The reading of one candidate, or ``None`` when it is to be kept as written."""
        abbr = m.group()
        roman = _ROMAN.fullmatch(abbr) is not None  # "CC", "CD", "MC": a number unless the words say otherwise
        if abbr in learned:  # a definition holds for the whole document, also before it is given
            expansion, source, category = learned[abbr][1], "document", "document"
            if expansion == KEEP:
                return None  # defined in another language: said as written, no dictionary reading
            known = self._entries.get(abbr)
            if known is not None and known.expansion.lower() == expansion.lower():
                # The document agrees with the dictionary, so the dictionary's case rules hold: "Ủy ban
                # nhân dân (UBND)" at a sentence's start keeps its capital, "Sở GTVT" is a department's
                # name, and "Liên minh Hợp tác xã (HTX)" does not make every "88 HTX" a name.
                in_context = contextual_reading(text, m, known.expansion)
                expansion = in_context if in_context.lower() == expansion.lower() else known.expansion
        elif abbr in self._entries or abbr in self._lowercase_forms:
            entry = self._entries.get(abbr) or self._lowercase_forms[abbr]
            if entry.category in KEPT_CATEGORIES and not self._options.expand_international:
                return None
            expansion, source, category = contextual_reading(text, m, entry.expansion), "dictionary", entry.category
            roman = roman and expansion == entry.expansion  # a context rule's reading: "CB, CC, VC"
        else:
            return None
        # A signature block is in capitals ("KT. CHỦ TỊCH") but no headline: its key is read.
        headline = category != "signature" and self._in_headline(text, m.start(), m.end())
        if headline and category == "title" and title_before_name_in_capitals(text, m.start(), m.end(), self._category):
            headline = False  # "Phản biện 1: PGS TS LÊ VĂN HUY": a thesis's cover names people so
        if expansion == KEEP or roman or headline:
            return None
        if len(abbr) <= 3 and (after_foreign_name(text, m.start(), self._entries)
                               or in_foreign_list(text, m.start(), m.end(), self._entries)):
            return None
        if is_code(text, m.start(), m.end(), abbr, self._entries):
            return None
        if in_foreign_name(text, m.start(), m.end()) or shortens_foreign_name(text, m.start(), abbr):
            return None
        if in_relative_path(text, m.start(), m.end()):
            return None
        if text[m.end() : m.end() + 1].isalnum():
            expansion += " "  # "TP.Hồ Chí Minh" → "Thành phố Hồ Chí Minh", "QL1A" → "quốc lộ 1A"
        reading = _shared(fit_case(text, m, expansion, category))
        return AbbreviationMatch(_shared(abbr), m.start(), m.end(), reading, source, category)

    # ---------------------------------------------------------------------------------- expanding
    def expand_abbreviations(self, text: str, *, learn: bool | None = None) -> str:
        """*text* with every abbreviation :meth:`find_abbreviations` reports replaced by its reading."""
        check_text(text)
        pieces: list[str] = []
        last = 0
        for m in self._found(text, learn):  # one match at a time: memory grows with the output only
            pieces += (text[last : m.start], m.expansion)
            last = m.end
        if not pieces:
            return text
        pieces.append(text[last:])
        return "".join(pieces)


def _key_end(key: str) -> str:
    # A key ending in "." may touch the next word (TP.Hồ Chí Minh) but does not take the full stop that
    # ends a line or the text ("trên địa bàn TP." is the city and then the stop); others must end a
    # token (not CP123, not NĐ-CP's "NĐ").
    return r"(?![ \t]*(?:\n|\Z))" if key.endswith(".") else r"(?![\w&\u0300-\u036f])(?!-\w)"


def _compile(keys: Iterable[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A pattern for all *keys* (longest first), and the same without the left boundary, for a key
    glued to a dotted one (TP.UBND)."""
    body = "(?:" + trie_pattern(sorted(set(keys)), end=_key_end) + ")"
    return re.compile(r"(?<![\w&.\u0300-\u036f-])" + body), re.compile(body)


@lru_cache(maxsize=256)
def _compile_cached(keys: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return _compile(keys)


def speech_expander(expand_international: bool = False) -> AbbreviationExpander:
    """The expander the spoken form uses: keys in a headline are read too (``UBND TỈNH QUẢNG NAM`` is
    said *Ủy ban nhân dân TỈNH QUẢNG NAM*, not spelled), unless they are spelt like a word."""
    return _rebuild(_Options(expand_international=expand_international, in_headlines=True))


def _rebuild(options: _Options) -> AbbreviationExpander:
    ex = AbbreviationExpander.__new__(AbbreviationExpander)
    ex._options = options
    return ex


# "Nguyễn Trí …" or "LÊ QUỐC HÙNG" (a name), not "Sau đó" (a new sentence).
_FULL_NAME_AFTER = regex.compile(r"\s+\p{Lu}(?:\p{Ll}*|\p{Lu}*)\s+\p{Lu}")
_TITLE_GAP = re.compile(r"[ \t]{1,2}")
_LEVEL = re.compile(r"CK(?:I{1,2}|[12])")  # a specialist's level after a title: BS.CKI, BS.CK2
_SENTENCE_REACH = 1000  # characters a restated name is looked for in, back to the sentence's start


# "(Bộ CHQS)": a capitalised word and a key in brackets, after the name they stand for.
_NAMED_KEY = re.compile(r"\(\s*([^\W\d_]+)\s+([A-ZĐ][A-Za-zĐđ&.\-]{0,18}[A-Za-zĐđ])\s*\)")


@lru_cache(maxsize=4096)
def _shared(s: str) -> str:
    """One string object for equal keys and readings: a text with millions of matches holds each once."""
    return s


@lru_cache(maxsize=1)
def _default() -> AbbreviationExpander:
    return AbbreviationExpander()


def expand_abbreviations(text: str, *, learn: bool = True) -> str:
    """Expand the abbreviations in *text* with the default dictionary (see :class:`AbbreviationExpander`).

    Args:
        text: any text.
        learn: also use definitions written in the text (``Quản lý thị trường (QLTT)``), for the
            whole text, before the definition too.

    Returns:
        *text* with each abbreviation replaced by its reading; document numbers, codes, Roman numerals
        and words in capitals stay as written.

    Raises:
        TypeError: *text* is not a ``str``.

    Example:
        >>> expand_abbreviations("UBND tỉnh và Sở GD&ĐT họp.")
        'Ủy ban nhân dân tỉnh và Sở Giáo dục và Đào tạo họp.'
    """
    return _default().expand_abbreviations(text, learn=learn)


def find_abbreviations(text: str, *, learn: bool = True) -> list[AbbreviationMatch]:
    """The abbreviations in *text* and their readings, with spans into *text*.

    Args:
        text: any text.
        learn: as for :func:`expand_abbreviations`.

    Returns:
        The matches in text order; ``source`` says whether the reading is the dictionary's or a
        definition found in *text*.

    Raises:
        TypeError: *text* is not a ``str``.

    Example:
        >>> [(m.text, m.expansion, m.source)
        ...  for m in find_abbreviations("Quản lý thị trường (QLTT) và đội QLTT số 5.")]
        [('QLTT', 'Quản lý thị trường', 'document')]
    """
    return _default().find_abbreviations(text, learn=learn)


__all__ = [
    "AbbreviationExpander",
    "AbbreviationMatch",
    "expand_abbreviations",
    "find_abbreviations",
    "long_form",
]
