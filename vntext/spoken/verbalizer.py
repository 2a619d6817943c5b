"""Written Vietnamese to the words a reader says aloud, for text-to-speech front ends.

Each kind of written form is found by its own small finder; dates and times come from
:func:`~vntext.find_dates` and abbreviations from the abbreviation expander, so what those tell apart
(scores, fractions and house numbers are no dates; ``CP`` is *cổ phần* or *Chính phủ*) is told apart
here too. Finders run in a fixed order and a later one never rewrites what an earlier one took.
Everything else, case and punctuation included, is kept.

>>> verbalize("Sáng 3-9, đoàn gồm 31 người; giá 45.000đ/kg; thắng 3-2.")
'Sáng ba tháng chín, đoàn gồm ba mươi mốt người; giá bốn mươi lăm nghìn đồng một ki lô gam; thắng ba hai.'
>>> [(m.text, m.kind) for m in find_spoken("Liên hệ 0912 345 678, UBND xã, VTV1, Đại hội XIV")]
[('0912 345 678', 'phone'), ('UBND', 'abbreviation'), ('VTV1', 'letters'), ('XIV', 'roman')]
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from .._starts import matches_at, number_matches, spaced_number_starts
from .._windows import windows
from ..abbreviation_codes import KEPT_CATEGORIES
from ..abbreviations import DOC_NUMBER, AbbreviationExpander, _dictionary, speech_expander
from ..dates import find_dates
from ..errors import UnknownOptionError, check_text
from ..protect import protected_spans
from ..syllable import parse_syllable
from . import measures
from .letters import speak_address, spell, word_readings
from .numbers import cardinal, digits, ordinal, read_number, roman_value, year

YEAR_STYLES = ("full", "short")
_BLOCK = 16384  # characters of whole lines read at once; a longer line is read in pieces cut at a space


@dataclass(frozen=True)
class VerbalizeConfig:
    """Options of :func:`verbalize`; frozen, hashable and picklable. Vary it with :meth:`replace`.

    Attributes:
        thousand: ``"nghìn"`` or ``"ngàn"``.
        linh: ``"linh"`` or ``"lẻ"`` for an empty tens digit (``hai trăm linh năm``).
        tu: read 4 after a tens digit of two or more as ``tư`` (``hai mươi tư``), else ``bốn``.
        year_style: ``"full"`` (``hai nghìn không trăm hai mươi tư``) or ``"short"`` (``hai nghìn hai
            mươi tư``).
        lowercase: give the whole text in lower case.
        expand_international: read international acronyms (``GDP``, ``WHO``) by their Vietnamese
            expansion instead of spelling them.
        spell_unknown: spell acronyms the dictionary does not know (``HKT`` → ``hát ca tê``).
    """

    thousand: str = "nghìn"
    linh: str = "linh"
    tu: bool = True
    year_style: str = "full"
    lowercase: bool = False
    expand_international: bool = False
    spell_unknown: bool = True

    def __post_init__(self) -> None:
        if self.thousand not in ("nghìn", "ngàn"):
            raise UnknownOptionError("thousand word", self.thousand, ("nghìn", "ngàn"))
        if self.linh not in ("linh", "lẻ"):
            raise UnknownOptionError("linh word", self.linh, ("linh", "lẻ"))
        if self.year_style not in YEAR_STYLES:
            raise UnknownOptionError("year style", self.year_style, YEAR_STYLES)

    def replace(self, **changes: Any) -> VerbalizeConfig:
        """A copy with *changes* applied (and checked)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SpokenMatch:
    """A written form and what is said for it; ``text[start:end] == match.text``.

    Attributes:
        text: the span as written.
        start: offset of the span in the text.
        end: offset just after it.
        kind: what it is: ``number``, ``ordinal``, ``date``, ``money``, ``measure``, ``percent``,
            ``phone``, ``roman``, ``abbreviation``, ``letters``, ``url``, ``email``, ``score``,
            ``fraction``, ``range``, ``document_number``, ``house_number``, ``symbol``.
        spoken: the words a reader says.
    """

    text: str
    start: int
    end: int
    kind: str
    spoken: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind, "spoken": self.spoken}


Found = tuple[int, int, str, str]  # start, end, kind, spoken

_DOMAIN = re.compile(r"(?<![\w@.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|gov|edu|info|io)(?![\w.])")
_TOP_LEVEL = re.compile(r"\.(?:vn|com|net|org|gov|edu|info|io)(?![\w.])")  # led by ".": found quickly
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
_FIGURES = re.compile(r"\d+")
_NUMBER_AFTER_KEY = re.compile(r"([ \t]?)(\d{1,5})([A-Z]{0,2})(?![\w/-]|[.,]\d)")
_PHONE = re.compile(r"(?<![\d.,/-])(?:0\d{2,3}|1[89]00)(?:[ .]?\d{2,4}){1,3}(?![\d/-]|[.,]\d)")
# A house number and a street named after a date, each after its word (looked for before the number).
_HOUSE = re.compile(r"\d+[A-Za-z]?(?:/\d+[A-Za-z]?)+(?![\d/])")
_HOUSE_CUE = re.compile(r"(?:\b[Ss]ố nhà|\b[Nn]hà số|\b[Ss]ố)\s+$")
_STREET_DATE = re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])")
_STREET_CUE = re.compile(r"(?:\b[Đđ]ường|\b[Pp]hố|\b[Nn]gã tư|\b[Cc]ầu)\s+$")
# A score, after a word of winning or losing and at most three more words (looked for before it).
_SCORE_CUE = re.compile(
    r"\b(?:thắng|thua|hòa|hoà|tỷ số|tỉ số|cách biệt|dẫn|gỡ|hạ|đánh bại|vượt qua)\s+(?:[^\W\d]+\s+){0,3}?$",
    re.IGNORECASE,
)
_SCORE = re.compile(
    r"(?P<a>\d{1,2})\s*[-–]\s*(?P<b>\d{1,2})(?![\d/%]|[.,]\d|\s*(?:tháng|năm|giờ|ngày)\b)",
    re.IGNORECASE,
)
_FRACTION = re.compile(r"(?<![\w/.,-])(?P<a>\d{1,3})/(?P<b>\d{1,3})(?![\w/])")
_RANGE = re.compile(rf"(?<![\w.,/-])(?P<a>{measures.AMOUNT})\s*[-–]\s*(?P<b>{measures.AMOUNT})(?![\w/%]|[.,]\d)")
# A Roman numeral (led by its letters: found quickly), read as one after a word that numbers things.
_ROMAN = re.compile(r"[IVXLCDM](?<![\w][IVXLCDM])[IVXLCDM]*(?![\w])")
_ROMAN_CUE = re.compile(
    r"(?P<cue>\b(?:[Tt]hế kỷ|[Tt]hế kỉ|[Kk]hóa|[Kk]hoá|[Qq]uý|[Đđ]ại hội|[Ll]ần thứ|[Tt]hứ|[Cc]hương|[Pp]hần|[Tt]ập|"
    r"[Kk]ỳ họp thứ|[Hh]ội nghị|[Tt]rung ương|[Đđ]iều|[Mm]ục|[Vv]òng|[Gg]iải|[Ll]ớp|[Ll]oại|[Hh]ạng))\s+$"
)
# Patterns led by a literal or a class of a few letters, which the engine skips to quickly; the
# boundary before them is checked after their first letters.
_ORDINAL = re.compile(r"hứ(?<=[Tt]hứ)(?<!\w[Tt]hứ)\s+(?P<n>\d{1,4})(?![\d/]|[.,]\d)")
_ACRONYM = re.compile(r"[A-ZĐ](?<![\w&.-][A-ZĐ])[A-ZĐ0-9&-]*[A-ZĐ0-9](?![\w&])")
_LETTER_AFTER_DEGREE = re.compile(r"[CF](?<=độ [CF])(?![\w])")
_NUMBER_TOKEN = re.compile(rf"(?<![\w.,])(?P<sign>(?<![\w.,/-])[-−](?=\d))?(?P<n>{measures.NUMBER})(?![\w]|[.,]\d)")
_DOTTED = re.compile(r"(?<![\w.,])\d+(?:\.\d+)+(?![\w]|[.,]\d)")  # 1.5, 2.3.1: not thousands
_CLOCK = re.compile(r"(?<![\w.,:/])(?P<h>\d{1,2})(?::(?P<m>\d{2})|[hg](?P<m2>\d{2})?)(?![\w:/]|[.,]\d)")
_SYMBOLS = {"&": "và", "%": "phần trăm", "+": "cộng", "=": "bằng", "°": "độ", "/": "trên"}
# "&", "+", "=" standing alone; "+" or "/" between digits; "%"
_SYMBOL = re.compile(r"[&+=](?<!\S[&+=])(?!\S)|[+/](?<=\d[+/])(?=\d)|%")
_SYMBOL_CHAR = re.compile(r"[&+=/%]")


class Verbalizer:
    """A configured verbaliser; immutable, thread-safe and picklable (it holds only its frozen config).

    Args:
        config: a :class:`VerbalizeConfig` (default: the defaults).
        **options: fields of :class:`VerbalizeConfig` to change.

    Raises:
        ValueError: an option value that is not one of its choices.

    Example:
    >>> v = Verbalizer(lowercase=True)
    >>> v.verbalize("Ngày 2/9")
    'ngày hai tháng chín'
    """

    def __init__(self, config: VerbalizeConfig | None = None, **options: Any) -> None:
        base = config or VerbalizeConfig()
        self.config = base.replace(**options) if options else base

    def __repr__(self) -> str:
        return f"Verbalizer({self.config!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Verbalizer, (self.config,))

    def _numbers(self) -> dict[str, Any]:
        c = self.config
        return {"thousand": c.thousand, "linh": c.linh, "tu": c.tu}

    # ------------------------------------------------------------------------------------ public
    def find_spoken(self, text: str, reference: date | datetime | None = None) -> list[SpokenMatch]:
        """Every span of *text* that is said otherwise than written, in order, with what is said."""
        check_text(text)
        return list(self._spoken(text, reference))

    def _spoken(self, text: str, reference: date | datetime | None) -> Iterator[SpokenMatch]:
        """The matches one block at a time (whole lines up to 16 KB, a longer line in pieces cut at a
        space): work and memory grow with the block, and definitions learned from the text hold
        within it."""
        lower = self.config.lowercase
        for a, b in _blocks(text):
            piece = text[a:b]
            taken = bytearray(len(piece))  # characters an earlier finder already rewrote
            found: list[Found] = []
            for finder in self._finders():
                for start, end, kind, spoken in finder(piece, reference):
                    if end <= start or taken.find(1, start, end) >= 0:
                        continue
                    taken[start:end] = b"\x01" * (end - start)
                    found.append((start, end, kind, spoken))
            found.sort()
            for s, e, k, w in found:
                yield SpokenMatch(_shared_str(piece[s:e]), a + s, a + e, k, _shared_str(w.lower() if lower else w))

    def verbalize(self, text: str, reference: date | datetime | None = None) -> str:
        """*text* with every span :meth:`find_spoken` reports replaced by its words."""
        out = io.StringIO()  # written as it is made: memory holds the output, not a list of its pieces
        last = 0
        check_text(text)
        for m in self._spoken(text, reference):
            # Words said for a span glued to a word or number are set apart from it: "45+2" → "… cộng …".
            out.write(text[last : m.start])
            if m.start and text[m.start - 1].isalnum():
                out.write(" ")
            out.write(m.spoken)
            if m.end < len(text) and text[m.end].isalnum():
                out.write(" ")
            last = m.end
        out.write(text[last:])
        said = out.getvalue()
        return said.lower() if self.config.lowercase else said

    # ----------------------------------------------------------------------------------- finders
    def _finders(self) -> tuple[Callable[[str, date | datetime | None], Iterator[Found]], ...]:
        return (
            self._addresses, self._document_numbers, self._phones, self._house_numbers, self._dates,
            self._clock_times, self._measures, self._scores, self._fractions, self._ranges, self._romans,
            self._ordinals, self._abbreviations, self._acronyms, self._numbers_found, self._symbols,
        )

    def _addresses(self, text: str, _: object) -> Iterator[Found]:
        spans = [(a, b) for a, b in protected_spans(text) if text[a:b].count("`") == 0]
        spans += _domains(text)
        for a, b in spans:
            kind = "email" if "@" in text[a:b] else "url"
            if kind == "email" and not _EMAIL.fullmatch(text[a:b]):
                continue  # "0@A.0": no address a reader would say
            yield a, b, kind, speak_address(text[a:b])

    def _document_numbers(self, text: str, _: object) -> Iterator[Found]:
        for m in number_matches(DOC_NUMBER, text):  # the abbreviation expander's own
            if not any(c.isupper() for c in m.group()):
                continue  # 30/4/1975, 45/7, 10-15, 45.000đ/kg: dates, house numbers, ranges, prices
            yield m.start(), m.end(), "document_number", self._document(m.group())

    def _document(self, number: str) -> str:
        words = []
        for part in re.split(r"([-/])", number):
            if part == "/":
                words.append("trên")
            elif part and part != "-":
                letters = part.replace("&", "")
                words.append(self._number_word(part) if part.isdigit() else spell(letters, **self._numbers()))
        return " ".join(w for w in words if w)

    def _number_word(self, s: str) -> str:
        n = int(s)
        if len(s) == 4 and 1000 <= n < 2200:
            return year(n, short=self.config.year_style == "short", **self._numbers())
        return cardinal(n, **self._numbers())

    def _phones(self, text: str, _: object) -> Iterator[Found]:
        for m in number_matches(_PHONE, text):
            if 8 <= sum(c.isdigit() for c in m.group()) <= 11:
                yield m.start(), m.end(), "phone", digits(m.group())

    def _house_numbers(self, text: str, _: object) -> Iterator[Found]:
        for m in _after_cue(_HOUSE, _HOUSE_CUE, text):
            options = self._numbers()
            parts = [cardinal(int(re.sub(r"\D", "", p)), **options) + _letter_suffix(p) for p in m.group().split("/")]
            yield m.start(), m.end(), "house_number", " trên ".join(parts)
        for m in _after_cue(_STREET_DATE, _STREET_CUE, text):
            spoken = f"{cardinal(int(m.group('d')), **self._numbers())} tháng {self._month(int(m.group('m')))}"
            yield m.start("d"), m.end("m"), "date", spoken

    def _dates(self, text: str, reference: date | datetime | None) -> Iterator[Found]:
        for m in find_dates(text, reference):
            if not re.search(r"\d|\b[IVX]+\b", m.text):
                continue  # "hôm qua", "tháng Giêng": said as written
            kind = "time" if m.value.grain in ("hour", "minute", "second") and "/" not in m.text else "date"
            yield m.start, m.end, kind, self._speak_date(m.text)

    def _clock_times(self, text: str, _: object) -> Iterator[Found]:
        for m in number_matches(_CLOCK, text):
            if int(m.group("h")) < 24 and int(m.group("m") or 0) < 60:
                yield m.start(), m.end(), "time", self._speak_date(m.group())

    def _measures(self, text: str, _: object) -> Iterator[Found]:
        options = self._numbers()
        for m in number_matches(measures.measure_pattern(), text, _currency_starts(text)):
            yield m.start(), m.end(), measures.kind(m), measures.speak(m, **options)
        for m in _LETTER_AFTER_DEGREE.finditer(text):
            yield m.start(), m.end(), "letters", spell(m.group())

    def _scores(self, text: str, _: object) -> Iterator[Found]:
        for m in _after_cue(_SCORE, _SCORE_CUE, text, reach=120):
            a, b = (cardinal(int(m.group(k)), **self._numbers()) for k in "ab")
            yield m.start("a"), m.end("b"), "score", f"{a} {b}"

    def _fractions(self, text: str, _: object) -> Iterator[Found]:
        for m in number_matches(_FRACTION, text):
            a, b = int(m.group("a")), int(m.group("b"))
            if b < 2:
                continue
            denominator = "tư" if b == 4 else cardinal(b, **self._numbers())
            joiner = "phần" if a < b else "trên"
            yield m.start(), m.end(), "fraction", f"{cardinal(a, **self._numbers())} {joiner} {denominator}"

    def _ranges(self, text: str, _: object) -> Iterator[Found]:
        for m in number_matches(_RANGE, text):
            a = read_number("", *_split(m.group("a")), **self._numbers())
            b = read_number("", *_split(m.group("b")), **self._numbers())
            yield m.start(), m.end(), "range", f"{a} đến {b}"

    def _romans(self, text: str, _: object) -> Iterator[Found]:
        for m in _ROMAN.finditer(text):
            said = _ROMAN_CUE.search(text, max(0, m.start() - 40), m.start())
            value = roman_value(m.group()) if said is not None else None
            if said is None or value is None:
                continue
            cue = said.group("cue").lower()
            words = ordinal(value, **self._numbers()) if cue in ("thứ", "lần thứ", "kỳ họp thứ") else cardinal(value)
            yield m.start(), m.end(), "roman", words

    def _ordinals(self, text: str, _: object) -> Iterator[Found]:
        for m in _ORDINAL.finditer(text):
            yield m.start("n"), m.end("n"), "ordinal", ordinal(int(m.group("n")), **self._numbers())

    def _abbreviations(self, text: str, _: object) -> Iterator[Found]:
        for m in _expander(self.config.expand_international).find_abbreviations(text):
            spoken, end = m.expansion.strip(), m.end
            if any(c.isdigit() for c in spoken):  # a reading with figures in it: "4N3Đ" is "4 ngày 3 đêm"
                spoken = _FIGURES.sub(lambda f: cardinal(int(f.group()), **self._numbers()), spoken)
            # A number the key is written against, which no other finder reads: "QL1A", "Q.1", "QL 1A".
            number = _NUMBER_AFTER_KEY.match(text, end)
            if number is not None and (number.group(1) == "" or number.group(3)):
                spoken += f" {cardinal(int(number.group(2)), **self._numbers())}{_letter_suffix(number.group(3))}"
                end = number.end()
            yield m.start, end, "abbreviation", spoken

    def _acronyms(self, text: str, _: object) -> Iterator[Found]:
        international = _international()
        for m in _ACRONYM.finditer(text):
            token = m.group()
            if roman_value(token) is not None or _is_word_in_capitals(token, text, m.start(), m.end()):
                continue
            if token in word_readings() or (self.config.spell_unknown or token in international):
                yield m.start(), m.end(), "letters", spell(token, foreign=token in international, **self._numbers())

    def _numbers_found(self, text: str, _: object) -> Iterator[Found]:
        for m in number_matches(_DOTTED, text):
            if not re.fullmatch(measures.NUMBER, m.group()):
                yield m.start(), m.end(), "number", " chấm ".join(cardinal(int(p)) for p in m.group().split("."))
        for m in number_matches(_NUMBER_TOKEN, text):
            whole, frac = _split(m.group("n"))
            kind = "decimal" if frac else "number"
            n = m.group("n")
            if not frac and len(n) == 4 and n.isdigit() and 1000 <= int(n) < 2200:
                words = self._number_word(n)
            elif not frac and len(n) > 1 and n.startswith("0"):
                words = digits(n)  # 007, 0912: read digit by digit
            else:
                words = read_number(m.group("sign") or "", whole, frac, **self._numbers())
            yield m.start(), m.end(), kind, words

    def _symbols(self, text: str, _: object) -> Iterator[Found]:
        for m in matches_at(_SYMBOL, text, (c.start() for c in _SYMBOL_CHAR.finditer(text))):
            yield m.start(), m.end(), "symbol", _SYMBOLS[m.group()]

    # -------------------------------------------------------------------------------------- dates
    def _month(self, n: int) -> str:
        return "tư" if n == 4 else cardinal(n)

    def _speak_date(self, written: str) -> str:
        """A date or time as written, its numbers in words: ``Sáng 14-2`` → ``Sáng mười bốn tháng
        hai``, ``12-14/9`` → ``mười hai đến mười bốn tháng chín``, ``19h30`` → ``mười chín giờ ba mươi``."""
        s = written
        for pattern, replacement in _DATE_REWRITES:
            s = pattern.sub(replacement, s)
        return _DATE_NUMBER.sub(self._date_number, s)

    def _date_number(self, m: re.Match[str]) -> str:
        before = m.group("before") or ""
        n = m.group("n")
        word = before.strip().lower()
        if word == "tháng":
            return before + self._month(int(n))
        if word == "thứ":
            return before + ordinal(int(n))
        if len(n) == 4:
            return before + self._number_word(n)
        if len(n) == 2 and word == "năm":
            return before + cardinal(int(n))
        return before + cardinal(int(n), **self._numbers())


def _clock(m: re.Match[str]) -> str:
    h, mm, ss = m.group(1), m.group(2), m.group(3)
    words = f"{h} giờ" + (f" {int(mm)}" if int(mm) else "")
    return words + (f" phút {int(ss)} giây" if ss else "")


def _roman_number(m: re.Match[str]) -> str:
    return str(roman_value(m.group()) or m.group())


# A date or time as written, rewritten step by step into words around its numbers (compiled once).
_DATE_REWRITES: tuple[tuple[re.Pattern[str], Any], ...] = tuple((re.compile(p), r) for p, r in (
    (r"\b[IVXLC]+\b", _roman_number),  # thế kỷ XXI
    (r"\bQ([1-4])\b", r"quý \1"),
    (r"\b([Qq]uý\s+\d)\s*[/-]\s*(\d{4})", r"\1 năm \2"),
    (r"\b([Tt]háng\s+\d{1,2})\s*[/.-]\s*(\d{4})", r"\1 năm \2"),
    (r"(\d{1,2})[/.-](\d{1,2})\s*[-–]\s*(\d{1,2})[/.-](\d{1,2})", r"\1 tháng \2 đến \3 tháng \4"),
    (r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)", r"\1 tháng \2 năm \3"),
    (r"(\d{1,2})\s*[-–]\s*(\d{1,2})[/.-](\d{1,2})(?!\d)", r"\1 đến \2 tháng \3"),
    (r"(\d{1,2})[/.-](\d{1,2})(?!\d)", r"\1 tháng \2"),
    (r"(\d{1,2})\s*[hHg:](\d{2})(?::(\d{2}))?(?!\d)", _clock),
    (r"(\d{1,2})\s*[hHg](?!\w)", r"\1 giờ"),
    (r"(\d{4})\s*[-–]\s*(\d{4})", r"\1 đến \2"),
    (r"\s*[-–]\s*(?=\d)", " đến "),
))
_DATE_NUMBER = re.compile(r"(?P<before>\b\w+\s+)?(?P<n>\d+)")


def _split(number: str) -> tuple[str, str | None]:
    whole, _, frac = number.partition(",")
    return whole, frac or None


def _letter_suffix(part: str) -> str:
    letters = re.sub(r"\d", "", part)
    return f" {spell(letters.upper())}" if letters else ""


def _is_word_in_capitals(token: str, text: str, start: int, end: int) -> bool:
    """A Vietnamese word written in capitals (a headline: ``HÀ NỘI``, ``HẠ LONG``), not an acronym: a
    syllable with a vowel, and when it has no marks (``LONG``, ``MINH``), beside a word in capitals
    that has them."""
    if not token.isalpha():
        return False
    if parse_syllable(token.lower()) is None or not any(c in "AEIOUYĂÂÊÔƠƯ" for c in token.upper()):
        return False
    neighbours = re.findall(r"\S+", text[max(0, start - 20) : start] + " " + text[end : end + 20])
    return not token.isascii() or any(w.isupper() and len(w) > 1 and not w.isascii() for w in neighbours)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    at = 0
    while at < len(text):
        if len(text) - at <= _BLOCK:
            yield at, len(text)
            return
        cut = text.rfind("\n", at, at + _BLOCK)
        if cut >= 0:
            yield at, cut + 1
            at = cut + 1
            continue
        end = text.find("\n", at)
        end = len(text) if end < 0 else end + 1
        yield from windows(text, at, end, _BLOCK)
        at = end


@lru_cache(maxsize=1)
def _international() -> frozenset[str]:
    return frozenset(k for k, e in _dictionary().items() if e.category in KEPT_CATEGORIES)


@lru_cache(maxsize=4096)
def _shared_str(s: str) -> str:
    """One string object for equal spans and words: a text of millions of numbers holds each once."""
    return s


@lru_cache(maxsize=2)
def _expander(international: bool) -> AbbreviationExpander:
    return speech_expander(international)


@lru_cache(maxsize=64)
def _shared(config: VerbalizeConfig) -> Verbalizer:
    return Verbalizer(config)


def verbalize(text: str, *, reference: date | datetime | None = None, **options: Any) -> str:
    """The words a reader says for *text*: numbers, dates and times, money, units, percentages,
    phone numbers, Roman numerals, abbreviations, acronyms, addresses, scores, fractions, ranges,
    document and house numbers; case and punctuation kept.

    Args:
        text: any text.
        reference: the date partial and relative dates are resolved against (default: today).
        **options: fields of :class:`VerbalizeConfig` (``thousand``, ``linh``, ``tu``, ``year_style``,
            ``lowercase``, ``expand_international``, ``spell_unknown``).

    Returns:
        The text with each written form replaced by its words.

    Raises:
        TypeError: *text* is not a ``str``.
        ValueError: an option value that is not one of its choices.

    Example:
        ```python
        >>> verbalize("Ngày 30/4/1975, 2/3 đại biểu tán thành.")
        'Ngày ba mươi tháng tư năm một nghìn chín trăm bảy mươi lăm, hai phần ba đại biểu tán thành.'

        ```
    """
    return _shared(VerbalizeConfig(**options)).verbalize(text, reference)


def find_spoken(text: str, *, reference: date | datetime | None = None, **options: Any) -> list[SpokenMatch]:
    """Every span of *text* said otherwise than written, with its ``kind`` and ``spoken`` words, so a
    TTS system can align audio with the input; :func:`verbalize` is *text* with these spans replaced.

    Args:
        text: any text.
        reference: the date relative dates are read against (default: today).
        **options: fields of :class:`VerbalizeConfig` (``lowercase``, ``thousand``, ``linh``, ``tu``,
            ``abbreviations``, ``spell_acronyms``, …), as for :func:`verbalize`.

    Returns:
        The spans in text order, none overlapping, each with ``text``, ``start``, ``end``, ``kind``
        and ``spoken``.

    Raises:
        TypeError: *text* is not a ``str``.
        ValueError: an option that is not a field, or a value that is not one of its choices.

    Example:
        ```python
        >>> [m.to_dict() for m in find_spoken("Giá 500.000đ")]
        [{'text': '500.000đ', 'start': 4, 'end': 12, 'kind': 'money', 'spoken': 'năm trăm nghìn đồng'}]

        ```
    """
    return _shared(VerbalizeConfig(**options)).find_spoken(text, reference)


__all__ = ["SpokenMatch", "VerbalizeConfig", "Verbalizer", "find_spoken", "verbalize"]


def _domains(text: str) -> list[tuple[int, int]]:
    """The spans of the web addresses without a scheme in *text* (``baochinhphu.vn``), found from their
    ending, which is rare, rather than tried at every letter."""
    spans: list[tuple[int, int]] = []
    for end in dict.fromkeys(m.end() for m in _TOP_LEVEL.finditer(text)):
        for m in _DOMAIN.finditer(text, max(0, end - 256), end):
            if m.end() != end:
                continue
            while spans and m.start() <= spans[-1][0]:
                spans.pop()  # "abc.vn-abc.vn": one address runs on past the ending found first
            if not spans or m.start() >= spans[-1][1]:
                spans.append(m.span())
    return spans


def _after_cue(pattern: re.Pattern[str], cue: re.Pattern[str], text: str, reach: int = 40) -> Iterator[re.Match[str]]:
    """The matches of *pattern* at a number right after a space, where *cue* ends just before it
    (within *reach* characters): "số 12/5", "thắng đậm 3-0"."""
    for m in matches_at(pattern, text, spaced_number_starts(text)):
        if cue.search(text, max(0, m.start() - reach), m.start()) is not None:
            yield m


def _currency_starts(text: str) -> list[int]:
    """Where a currency symbol written before its number (``$20``) may begin a measure."""
    return [m.start() for m in _currency_before().finditer(text)]


@lru_cache(maxsize=1)
def _currency_before() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted({s[0] for s in measures.symbols_before()}))) + "]")
