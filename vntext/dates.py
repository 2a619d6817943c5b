"""Vietnamese date and time expressions: parsed, and found in running text.

>>> ref = date(2024, 6, 30)
>>> [(m.text, m.value.to_dict()["start"], m.value.to_dict()["end"]) for m in find_dates("trong các ngày 27-29/6", ref)]
[('ngày 27-29/6', '2024-06-27', '2024-06-29')]
>>> parse_date("Quý IV/2025").to_dict()
{'start': '2025-10-01', 'end': '2025-12-31', 'grain': 'quarter', 'part_of_day': None, 'calendar': 'solar'}
>>> parse_date("Chiều 5-8", date(2020, 8, 6)).to_dict()["part_of_day"]
'afternoon'
>>> parse_date("rằm tháng Giêng", date(2025, 1, 1)).to_dict()["start"]
'2025-02-12'
>>> find_dates("thắng 2-1, tỷ số 3-0, 1/3 dân số, 3-4 ngày, lớp 12/3, 25-CT/TW", ref)
[]

The grammar: small patterns for a day, a month, a year, a part of the day and the relative words
(vocabulary in ``data/date_words.tsv``) are composed into a short list of rules; each rule has a
handler that builds the value. Overlapping candidates are resolved longest first. A bare ``28/6``
counts only after a date cue (``ngày``, ``sáng``, ``từ``, ``(`` …), so scores, fractions and class names
are not dates.

How it stays fast on long text: a rule runs only on the lines that hold one of its trigger words
(``tháng``, ``Tết``, ``thứ`` …), and the rules that need digits only within a few words of a date core
(``5/8``, ``5 tháng``, a year), so most of a news article is never tried against most rules. A property
test checks that this finds exactly what running every rule over every line finds.
"""

from __future__ import annotations

import bisect
import calendar as _calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from ._windows import windows
from .data import read_tsv
from .date_clock import clock_rules, join_times
from .date_clock import triggers as clock_triggers
from .errors import check_text
from .lunar import lunar_to_solar
from .protect import unprotected

Day = date | datetime
PatternTrigger = tuple[tuple[str, ...], re.Pattern[str]]
Trigger = str | PatternTrigger


@dataclass(frozen=True, slots=True)
class DateValue:
    """What a date expression means: an inclusive range, its grain, part of day and calendar."""

    start: Day
    end: Day
    grain: str
    part_of_day: str | None = None
    calendar: str = "solar"
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": _iso(self.start),
            "end": _iso(self.end),
            "grain": self.grain,
            "part_of_day": self.part_of_day,
            "calendar": self.calendar,
        }
        if self.warnings:
            d["warnings"] = list(self.warnings)
        return d


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression found in a text; ``text[start:end] == match.text``."""

    text: str
    start: int
    end: int
    value: DateValue

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value.to_dict()}


def _iso(d: Day) -> str:
    return d.strftime("%Y-%m-%dT%H:%M") if isinstance(d, datetime) else d.isoformat()


# ------------------------------------------------------------------------------------- vocabulary
@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for r in read_tsv("date_words.tsv"):
        out.setdefault(r["kind"], {})[r["word"]] = r["value"]
    return out


def _alt(words: list[str] | dict[str, str], capitals: bool = False) -> str:
    forms = set(words)
    if capitals:  # a sentence may start with it: "Chiều 5-8", "Sáng nay"
        forms |= {w[:1].upper() + w[1:] for w in words}
    return "(?:" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True)) + ")"


_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y = r"(?:1[89]\d\d|20\d\d|21\d\d)"
_SEP = r"[/.-]"
_B = r"(?<![\w.,/+-])"  # no digit, letter or number punctuation before
_E = r"(?![\w]|[/.,:-]\d)"  # nor after
# A unit after "3-4" makes it a count, not a date: "3-4 ngày", "2-3 người".
_DURATION = re.compile(
    r"\s*(?:ngày|tháng|năm|giờ|tuần|phút|giây|người|lần|tuổi|km|kg|m\b|tấn|triệu|tỷ|tỉ|nghìn|ngàn|"
    r"đồng|USD|%|điểm|bàn|trận|ca|học sinh|sinh viên|xã|lớp|số)"
)
_ROMAN_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_PARTS = {  # (first day, last day) of the part of a month; None = end of month
    "đầu": (1, 10), "thượng tuần": (1, 10), "giữa": (11, 20), "trung tuần": (11, 20),
    "cuối": (21, None), "hạ tuần": (21, None),
}
_YEAR_PARTS = {"đầu": (1, 3), "giữa": (5, 8), "cuối": (10, 12)}


@lru_cache(maxsize=1)
def _vocab() -> dict[str, str]:
    w = _words()
    month_names = _alt(w["month"])
    return {
        "POD": "(?P<pod>" + _alt(w["part_of_day"], capitals=True) + ")",
        "MONTHNAME": month_names,
        "REL": _alt(w["relative"]),
        "RELDAY": _alt([k for k in w["relative_day"] if " " in k], capitals=True),
        "RELDAYSHORT": _alt([k for k in w["relative_day"] if " " not in k]),
        "WEEKDAY": r"(?:[Tt]hứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy|[2-7](?!\d))|[Cc]h[ủú]a?\s+[Nn]hật)",
        "NUMW": _alt([k for k in w["number"]]),
        "SEASON": _alt(w["season"]),
    }


def _time_pattern(name: str) -> str:
    return (
        rf"(?P<{name}h>[01]?\d|2[0-3])(?:(?::|h|g|\s*giờ\s*)(?P<{name}m>[0-5]\d)(?:\s*phút)?|h|g|\s*giờ)"
        rf"(?:\s+(?P<{name}pod>sáng|trưa|chiều|tối|đêm))?"
    )


# ------------------------------------------------------------------------------------- the rules
@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Callable[[re.Match[str], _Context], DateValue | None]
    needs_cue: bool = False
    triggers: tuple[Trigger, ...] = ()  # the rule can only match a line holding one ("" = a digit)


@dataclass
class _Context:
    reference: date
    previous: DateValue | None = None
    strict: bool = True
    notes: list[str] = field(default_factory=list)
    now: datetime | None = None  # the reference's time of day, when it has one
    clock_times: set[int] = field(default_factory=set)  # where the times of day found start


@lru_cache(maxsize=4096)
def _nearest_year(month: int, day: int, ref: date) -> int:
    """The year that puts day/month nearest to *ref*; for 29/2, the nearest leap year."""
    best = ref.year
    distance = None
    reach = 4 if (month, day) == (2, 29) else 1  # any other day recurs every year
    for year in range(max(1, ref.year - reach), min(9999, ref.year + reach) + 1):
        last = _calendar.monthrange(year, month)[1]
        if month == 2 and day == 29 and last == 28:
            continue  # 29/2 only in leap years
        gap = abs((date(year, month, min(day, last)) - ref).days)
        if distance is None or gap < distance:
            best, distance = year, gap
    return best


def _day(y: int | None, m: int, d: int, ref: date) -> date | None:
    year = y if y is not None else _nearest_year(m, d, ref)
    try:
        return date(year, m, d)
    except ValueError:
        return None


def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, _calendar.monthrange(y, m)[1])


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _pod(m: re.Match[str]) -> str | None:
    word = m.groupdict().get("pod")
    return _words()["part_of_day"].get(" ".join(word.lower().split())) if word else None


def _with_time(m: re.Match[str], d: date, prefix: str = "t") -> Day:
    hour = m.groupdict().get(prefix + "h")
    if hour is None:
        return d
    h = int(hour)
    minute = int(m.group(prefix + "m") or 0)
    tpod = m.groupdict().get(prefix + "pod")
    if tpod in ("chiều", "tối") and h < 12:
        h += 12
    if tpod == "đêm" and 6 <= h < 12:
        h += 12
    return datetime(d.year, d.month, d.day, h, minute)


def _short_year(yy: str | None, ref: date) -> int | None:
    """A two-digit year (3/9/91, 12/5/19): the century that puts it no more than ten years ahead."""
    if not yy:
        return None
    year = ref.year // 100 * 100 + int(yy)
    return year - 100 if year > ref.year + 10 else year


def _single(m: re.Match[str], ctx: _Context) -> DateValue | None:
    g = m.groupdict()
    month = _month_number(g["m"])
    if month is None or g["m"].lower() in _LUNAR_MONTHS or g["m"] == "năm":
        return None  # "mùng 1 tháng Giêng" is lunar; "phạt tù từ 06 tháng năm đến 03 năm" is no May
    year = _int(g.get("y")) or _int(g.get("yb")) or _short_year(g.get("ys"), ctx.reference)
    d = _day(year or _relative_year(g.get("rel"), ctx), month, int(g["d"]), ctx.reference)
    if d is None:
        return None
    start = _with_time(m, d)
    grain = "minute" if isinstance(start, datetime) else "day"
    warnings = _weekday_warning(g.get("wd"), d)
    return DateValue(start, start, grain, _pod(m), warnings=warnings)


def _weekday_warning(word: str | None, d: date) -> tuple[str, ...]:
    if not word:
        return ()
    said = _weekday(word)
    if said is not None and said != d.weekday():
        actual = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"][d.weekday()]
        return (f"'{word}' does not match {d.isoformat()}, which is {actual}",)
    return ()


def _weekday(word: str) -> int | None:
    w = " ".join(word.split())
    if w.lower() in ("chủ nhật", "chúa nhật"):
        return 6
    name = w.split()[-1]
    if name.isdigit():
        return int(name) - 2  # thứ 2 is Monday
    value = _words()["weekday"].get(name.capitalize())
    return int(value) if value is not None else None


def _day_range(m: re.Match[str], ctx: _Context) -> DateValue | None:
    g = m.groupdict()
    y2 = _int(g.get("y2")) or _int(g.get("y"))
    m2 = int(g.get("m2") or g["m"])
    m1 = int(g.get("m1") or m2)
    d1, d2 = int(g["d1"]), int(g["d2"])
    end = _day(y2, m2, d2, ctx.reference)
    if end is None:
        return None
    y1 = _int(g.get("y1")) or (end.year - 1 if m1 > m2 else end.year)
    start = _day(y1, m1, d1, ctx.reference)
    if start is None or start > end:
        return None
    return DateValue(start, end, "day", _pod(m))


def _month(m: re.Match[str], ctx: _Context) -> DateValue | None:
    g = m.groupdict()
    month = _month_number(g["mo"])
    if month is None:
        return None
    if not g.get("part") and _COUNT_BEFORE.search(m.string[max(0, m.start() - 8) : m.start()]):
        return None  # "phạt tù từ 06 tháng năm đến 03 năm": a count of months, not May
    year = _int(g.get("y")) or _relative_year(g.get("rel"), ctx) or _nearest_year(month, 15, ctx.reference)
    start, end = _month_range(year, month)
    part = g.get("part")
    if part:
        first, last = _PARTS[" ".join(part.lower().split())]
        start = date(year, month, first)
        end = date(year, month, last) if last else end
    return DateValue(start, end, "month" if not part else "day", _pod(m))


def _part_of_relative_month(m: re.Match[str], ctx: _Context) -> DateValue | None:
    rel = m.group("rel")
    offset = int(_words()["relative"][rel]) if rel else 0
    month = ctx.reference.month + offset
    year = ctx.reference.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    first, last = _PARTS[m.group("part").lower()]
    end = date(year, month, last) if last else _month_range(year, month)[1]
    return DateValue(date(year, month, first), end, "day")


def _month_number(word: str) -> int | None:
    word = " ".join(word.split())
    if word.isdigit():
        n = int(word)
        return n if 1 <= n <= 12 else None
    value = _words()["month"].get(word) or _words()["month"].get(word.lower())
    return int(value) if value else None


def _relative_year(rel: str | None, ctx: _Context) -> int | None:
    if not rel:
        return None
    return ctx.reference.year + _relative(rel)


def _relative(word: str) -> int:
    """The offset of a relative word: trước -1, này 0, tới 1, tiếp theo 1."""
    words = _words()["relative"]
    word = " ".join(word.lower().split())
    return int(words.get(word) or words[word.split()[-1]])


def _anchored(rel: str | None, ctx: _Context) -> bool:
    """True for "tiếp theo" and "kế tiếp" in running text: "the following" year or month counts from
    something the text has named ("báo cáo … của năm tiếp theo"), not from the reference. Read alone
    (:func:`parse_date`), the reference is all there is."""
    return ctx.strict and rel is not None and " ".join(rel.split()) in ("tiếp theo", "kế tiếp", "tiếp")


# A count before "tuần sau", "năm nay", "tháng trước" makes a duration or a counted offset (read by
# date_clock): "Suốt 7 tuần sau đó", "10 năm nay", "hàng nghìn năm trước", "ngày 5 tháng trước".
_COUNT_BEFORE = re.compile(
    r"(?:\d|(?<!\w)(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|vài|mấy|nhiều))\s+$"
)


def _counted(m: re.Match[str]) -> bool:
    before = m.string[max(0, m.start() - 8) : m.start()]
    return m.groupdict().get("rel") is not None and _COUNT_BEFORE.search(before) is not None


def _year(m: re.Match[str], ctx: _Context) -> DateValue | None:
    g = m.groupdict()
    if _anchored(g.get("rel"), ctx) or (g.get("y") is None and not g.get("part") and _counted(m)):
        return None
    year = _int(g.get("y")) or _relative_year(g.get("rel"), ctx) or ctx.reference.year
    part = g.get("part")
    if part:
        first, last = _YEAR_PARTS[part.lower()]
        return DateValue(date(year, first, 1), _month_range(year, last)[1], "month")
    return DateValue(date(year, 1, 1), date(year, 12, 31), "year")


def _year_range(m: re.Match[str], ctx: _Context) -> DateValue | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not y1 < y2 <= y1 + 100:
        return None
    return DateValue(date(y1, 1, 1), date(y2, 12, 31), "year")


def _quarter(m: re.Match[str], ctx: _Context) -> DateValue | None:
    g = m.groupdict()
    q = _ROMAN_QUARTER.get(g["q"]) or (int(g["q"]) if g["q"].isdigit() else _written_number(g["q"]))
    if q is None or not 1 <= q <= 4:
        return None
    year = _int(g.get("y")) or _relative_year(g.get("rel"), ctx) or ctx.reference.year
    return DateValue(date(year, 3 * q - 2, 1), _month_range(year, 3 * q)[1], "quarter")


def _half(m: re.Match[str], ctx: _Context) -> DateValue | None:
    g = m.groupdict()
    year = _int(g.get("y")) or _relative_year(g.get("rel"), ctx) or ctx.reference.year
    first = g["which"].lower() in ("đầu", "trước")
    return DateValue(date(year, 1 if first else 7, 1), date(year, 6, 30) if first else date(year, 12, 31), "half_year")


def _season(m: re.Match[str], ctx: _Context) -> DateValue | None:
    g = m.groupdict()
    year = _int(g.get("y")) or _relative_year(g.get("rel"), ctx) or ctx.reference.year
    first, last = (int(x) for x in _words()["season"][g["season"].lower()].split("-"))
    end_year = year + 1 if last < first else year
    return DateValue(date(year, first, 1), _month_range(end_year, last)[1], "season")


def _decade(m: re.Match[str], ctx: _Context) -> DateValue | None:
    n = int(m.group("dec"))
    year = n if n >= 100 else 1900 + n
    if year % 10:
        return None
    return DateValue(date(year, 1, 1), date(year + 9, 12, 31), "decade")


def _century(m: re.Match[str], ctx: _Context) -> DateValue | None:
    c = m.group("c")
    n = int(c) if c.isdigit() else _roman(c)
    if not n or not 1 <= n <= 22:
        return None
    return DateValue(date(100 * (n - 1) + 1, 1, 1), date(100 * n, 12, 31), "century")


def _roman(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN.get(a, 0)
        total += -v if _ROMAN.get(b, 0) > v else v
    return total


def _relative_day(m: re.Match[str], ctx: _Context) -> DateValue | None:
    g = m.groupdict()
    word = " ".join((g.get("rd") or "").lower().split())
    offset = int(_words()["relative_day"][word])
    d = ctx.reference + timedelta(days=offset)
    if g.get("d"):  # "hôm nay 25/11": the written date wins, the word is a cue
        written = _day(_int(g.get("y")), int(g["m"]), int(g["d"]), ctx.reference)
        d = written or d
    return DateValue(d, d, "day", _pod(m))


def _same_day(m: re.Match[str], ctx: _Context) -> DateValue | None:
    base = ctx.previous.start if ctx.previous else ctx.reference
    d = base.date() if isinstance(base, datetime) else base
    return DateValue(d, d, "day", _pod(m))


def _relative_period(m: re.Match[str], ctx: _Context) -> DateValue | None:
    unit = m.group("unit").lower()
    if _anchored(m.group("rel"), ctx) or _counted(m):
        return None
    offset = _relative(m.group("rel"))
    ref = ctx.reference
    if unit == "tuần":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=offset)
        return DateValue(monday, monday + timedelta(days=6), "week")
    if unit == "tháng":
        month = ref.month + offset
        year = ref.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        start, end = _month_range(year, month)
        return DateValue(start, end, "month")
    if unit == "quý":
        q = (ref.month - 1) // 3 + offset
        year = ref.year + q // 4
        q = q % 4 + 1
        return DateValue(date(year, 3 * q - 2, 1), _month_range(year, 3 * q)[1], "quarter")
    year = ref.year + offset
    return DateValue(date(year, 1, 1), date(year, 12, 31), "year")


# Before a weekday written small or with a digit, one of these says it is a day: "lần thứ hai",
# "người thứ 3", "ngày thứ 2 trong lịch Gregory" and ", thứ 6 vào năm 2004" are ordinals.
_WEEKDAY_CUE = re.compile(
    r"(?<!\w)(?:vào|hôm|sáng|trưa|chiều|tối|đêm|từ|đến|tới|các|mỗi|hằng|hàng|sang|"
    r"Vào|Hôm|Sáng|Trưa|Chiều|Tối|Đêm|Từ|Đến|Các|Mỗi|Sang)\s*$"
)
_ORDINAL_AFTER = re.compile(r"\s+(?:trong|của|liên\s+tiếp|kể\s+từ|tiên)(?!\w)")


def _weekday_alone(m: re.Match[str], ctx: _Context) -> DateValue | None:
    word = m.group("wd")
    wd = _weekday(word)
    if wd is None:
        return None
    g = m.groupdict()
    rel, near = g.get("rel"), " ".join((g.get("near") or g.get("near2") or "").split())
    written_small = not word.split()[-1][:1].isupper() and not word.lower().startswith("ch")
    if (
        ctx.strict
        and written_small
        and not (rel or near or g.get("pod"))
        and (
            not _WEEKDAY_CUE.search(m.string[max(0, m.start() - 12) : m.start()])
            or _ORDINAL_AFTER.match(m.string, m.end())
        )
    ):
        return None
    ref = ctx.reference
    if near in ("tới", "sau"):  # "thứ ba tới": the next one
        d = ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
    elif near in ("vừa rồi", "vừa qua", "trước"):  # the last one
        d = ref - timedelta(days=(ref.weekday() - wd - 1) % 7 + 1)
    else:
        weeks = int(_words()["relative"][rel.lower()]) if rel else 0
        d = ref - timedelta(days=ref.weekday()) + timedelta(weeks=weeks, days=wd)
    return DateValue(d, d, "day", _pod(m))


# Month names used only of the lunar calendar: "29 tháng Chạp" is lunar with no other marker.
_LUNAR_MONTHS = frozenset({"giêng", "chạp"})


def _lunar(m: re.Match[str], ctx: _Context) -> DateValue | None:
    g = m.groupdict()
    marked = g.get("ram") or g.get("tet") or g.get("al")  # "mùng 2 tháng 9" is National Day: solar
    if not marked and (g.get("lm") or "").lower() not in _LUNAR_MONTHS:
        return None  # "23 tháng 4" is a solar date: the lunar calendar has to be named
    if g.get("ram"):
        day = 15
    elif g.get("ld"):
        day = int(g["ld"])
    else:
        day = 1
    month = 1 if g.get("tet") else _month_number(g.get("lm") or "1")
    if month is None:
        return None
    year = _int(g.get("y"))
    candidates = [year] if year else [ctx.reference.year - 1, ctx.reference.year, ctx.reference.year + 1]
    best: date | None = None
    for y in candidates:
        d = lunar_to_solar(y, month, day)
        if d is not None and (best is None or abs((d - ctx.reference).days) < abs((best - ctx.reference).days)):
            best = d
    if best is None:
        return None
    return DateValue(best, best, "day", _pod(m), calendar="lunar")


def _written_number(words: str) -> int | None:
    """``hai nghìn không trăm hai mươi tư`` → 2024; ``mười một`` → 11."""
    nums = _words()["number"]
    total = current = 0
    digit: int | None = None  # a digit word waiting for its multiplier
    for w in words.lower().split():
        if w not in nums:
            return None
        v = int(nums[w])
        if w == "mươi":
            current += (digit if digit is not None else 1) * 10
        elif v == 10:
            current += 10
        elif v == 100:
            current += (digit if digit is not None else 1) * 100
        elif v == 1000:
            total += ((current + (digit or 0)) or 1) * 1000
            current = 0
        elif w in ("linh", "lẻ"):
            pass
        else:
            if digit is not None and current == 0 and total == 0:
                return None  # two bare digits in a row: not a number
            digit = v
            continue
        digit = None
    return total + current + (digit or 0)


def _written(m: re.Match[str], ctx: _Context) -> DateValue | None:
    day = _written_number(m.group("wd_"))
    month = _month_number(m.group("wm")) or _written_number(m.group("wm"))  # tháng Giêng, tháng mười một
    year = _written_number(m.group("wy")) if m.group("wy") else None
    if not day or not month:
        return None
    d = _day(year, month, day, ctx.reference)
    return DateValue(d, d, "day") if d else None


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    v = _vocab()
    pod = rf"(?:{v['POD']}\s+(?:ngày\s+|hôm\s+)?)?"
    ngay = r"(?:ngày\s+|Ngày\s+)?"
    wd = rf"(?:(?P<wd>{v['WEEKDAY']})\s*,?\s*\(?\s*)?"
    time_after = r"(?:(?:\s*,\s*|\s+[-–]\s+|\s+lúc\s+)" + _time_pattern("t") + ")?"
    time_before = _time_pattern("t") + r"\s+(?:ngày\s+)?"
    year = rf"(?:(?:\s*/\s*|\s+năm\s+)(?P<y>{_Y}))"
    rel_year = rf"(?:\s+năm\s+(?P<rel>{v['REL']}))"
    rules: list[tuple[str, str, Callable[[re.Match[str], _Context], DateValue | None], bool]] = [
        ("full range", rf"{_B}{ngay}(?P<d1>{_D})(?P<s>{_SEP})(?P<m1>{_M})(?P=s)(?P<y1>{_Y})\s*[-–]\s*(?:ngày\s+)?"
         rf"(?P<d2>{_D})(?P<s2>{_SEP})(?P<m2>{_M})(?P=s2)(?P<y2>{_Y}){_E}", _day_range, False),
        ("day-month range", rf"{_B}{pod}{ngay}(?P<d1>{_D})/(?P<m1>{_M})\s*[-–]\s*(?P<d2>{_D})/(?P<m2>{_M})"
         rf"(?:/(?P<y>{_Y}))?{_E}", _day_range, False),
        ("days range", rf"{_B}{pod}{ngay}(?P<d1>{_D})\s*[-–]\s*(?P<d2>{_D})(?P<s>[/.])(?P<m>{_M})"
         rf"(?:(?P=s)(?P<y>{_Y}))?{_E}", _day_range, True),
        ("từ … đến", rf"{_B}(?:[Tt]ừ\s+)?(?:ngày\s+)?(?P<d1>{_D})\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?"
         rf"(?P<d2>{_D})/(?P<m>{_M})(?:/(?P<y>{_Y}))?{_E}", _day_range, True),
        ("time then date", rf"{_B}{time_before}(?P<d>{_D})(?P<s>[/.-])(?P<m>{_M})(?:(?P=s)(?P<y>{_Y}))?{_E}",
         _single, False),
        ("date with year", rf"{_B}{wd}{pod}{ngay}(?P<d>{_D})(?P<s>[/.-])(?P<m>{_M})(?P=s)(?P<y>{_Y}){_E}"
         rf"\)?{time_after}", _single, False),
        ("relative day + date", rf"{_B}{pod}(?P<rd>{v['RELDAY']})\s*,?\s*(?:ngày\s+)?(?P<d>{_D})(?P<s>[/-])(?P<m>{_M})"
         rf"(?:(?P=s)(?P<y>{_Y}))?{_E}", _relative_day, False),
        ("day and month", rf"{_B}{wd}{pod}{ngay}(?P<d>{_D})(?P<s>[/.-])(?P<m>{_M}){_E}\)?{time_after}",
         _single, True),
        # A year written out after "năm" may be any year: "ngày 24 tháng 8 năm 410".
        ("words", rf"{_B}{wd}{pod}(?:ngày\s+)?(?:(?:[Mm]ùng|[Mm]ồng)\s+)?(?P<d>{_D})\s+[Tt]háng\s+"
         rf"(?P<m>{_M}|{v['MONTHNAME']})(?:\s+năm\s+(?P<y>[1-9]\d{{0,3}})|\s*,?\s+(?P<yb>{_Y})|{rel_year})?{_E}",
         _single, True),
        ("short year", rf"{_B}{wd}{pod}{ngay}(?P<d>{_D})/(?P<m>{_M})/(?P<ys>\d\d){_E}", _single, True),
        ("written out", rf"(?i:ngày)\s+(?P<wd_>(?:{v['NUMW']}\s+){{0,3}}?{v['NUMW']})\s+tháng\s+"
         rf"(?P<wm>(?:{v['NUMW']}\s+)?{v['NUMW']}|{v['MONTHNAME']})(?:\s+năm\s+(?P<wy>(?:{v['NUMW']}\s*){{1,8}}))?"
         r"(?!\w)", _written, False),
        ("lunar", rf"{_B}{pod}(?:(?P<ram>[Rr]ằm)|(?:(?:(?P<mung>[Mm]ùng|[Mm]ồng)|ngày)\s*)?(?P<ld>{_D}))\s*"
         rf"(?:(?P<tet>Tết)|tháng\s+(?P<lm>{v['MONTHNAME']}|{_M})(?P<al>\s+(?:âm lịch|ÂL))?(?:\s+năm\s+(?P<y>{_Y}))?)"
         r"(?!\w)", _lunar, False),
        ("lunar numeric", rf"{_B}{pod}{ngay}(?P<ld>{_D})/(?P<lm>{_M})(?:/(?P<y>{_Y}))?\s*\(?(?P<al>âm lịch|ÂL)\)?",
         _lunar, False),
        ("part of month", rf"(?P<part>đầu|giữa|cuối|thượng tuần|trung tuần|hạ tuần|Đầu|Giữa|Cuối|Thượng tuần|"
         rf"Trung tuần|Hạ tuần)\s+tháng\s+(?P<mo>{_M}|{v['MONTHNAME']})(?:{year}|{rel_year})?(?!\w)", _month, False),
        ("part of this month", r"(?<!\w)(?P<part>đầu|giữa|cuối|Đầu|Giữa|Cuối)\s+tháng(?:\s+(?P<rel>này|nay|"
         r"trước|tới|sau))?(?!\s*\d)(?!\w)", _part_of_relative_month, False),
        ("month", rf"(?<!\w){pod}(?:[Tt]háng|[Tt]hg\.?)\s+(?P<mo>{_M}|{v['MONTHNAME']})(?:{year}|{rel_year})?"
         r"(?![\w/]|\.\d)", _month, False),
        ("quarter", rf"(?<!\w)[Qq]uý\s+(?P<q>IV|III|II|I|[1-4]|một|hai|ba|bốn|tư)(?!\s+lần)"
         rf"(?:(?:\s*/\s*|(?:\s+của)?\s+năm\s+)(?P<y>{_Y})|{rel_year})?"
         r"(?!\w)", _quarter, False),
        ("half year", rf"(?<!\w)(?:6 tháng|sáu tháng|[Nn]ửa|[Nn]ửa năm)\s+(?P<which>đầu|cuối|sau|trước)\s+năm"
         rf"(?:\s+(?P<y>{_Y})|\s+(?P<rel>{v['REL']}))?(?!\w)", _half, False),
        ("part of year", rf"(?<!\w)(?P<part>đầu|giữa|cuối|Đầu|Giữa|Cuối)\s+năm(?:\s+(?P<y>{_Y})|\s+(?P<rel>"
         rf"{v['REL']}))?(?!\w)", _year, False),
        ("season", rf"(?<!\w)[Mm]ùa\s+(?P<season>{v['SEASON']})(?:\s+năm\s+(?P<y>{_Y})|\s+năm\s+(?P<rel>{v['REL']})"
         rf"|\s+(?P<rel2>này))?(?!\w)", _season, False),
        ("decade", r"(?<!\w)(?:[Tt]hập\s+(?:niên|kỷ|kỉ)|[Nn]hững\s+năm)\s+(?P<dec>1[89]\d0|20\d0|[1-9]0)(?!\w)",
         _decade, False),
        ("century", r"(?<!\w)[Tt]hế\s+[Kk][ỷỉ]\s+(?P<c>[IVXLC]+|\d{1,2})(?!\w)", _century, False),
        ("year range", rf"{_B}(?:(?:[Tt]ừ\s+)?năm\s+)?(?P<y1>{_Y})\s*(?:[-–]|đến|tới)\s*(?:năm\s+)?(?P<y2>{_Y}){_E}",
         _year_range, False),
        ("year", rf"(?<!\w)[Nn]ăm\s+(?P<y>{_Y}){_E}", _year, False),
        # "những năm tiếp theo", "các năm trước": many years, not one
        ("relative year", r"(?<!\w)(?<!những )(?<!Những )(?<!các )(?<!Các )[Nn]ăm\s+"
         r"(?P<rel>ngoái|nay|trước|tới|sau|tiếp\s+theo|kế\s+tiếp|hiện\s+tại)(?!\w)",
         _year, False),
        ("relative period", r"(?<!\w)(?P<unit>[Tt]uần|[Tt]háng|[Qq]uý)\s+(?P<rel>trước|qua|này|tới|sau|tiếp\s+theo|"
         r"kế\s+tiếp|tiếp|hiện\s+tại|(?<=uý\s)nay)(?!\w)",
         _relative_period, False),
        ("relative day", rf"(?<!\w)(?:{v['POD']}\s+)?(?P<rd>{v['RELDAY']})(?!\w)", _relative_day, False),
        ("part of day + nay/qua/mai", rf"(?<!\w){v['POD']}\s+(?P<rd>{v['RELDAYSHORT']})(?!\w)", _relative_day, False),
        ("same day", rf"(?<!\w){v['POD']}\s+cùng\s+ngày(?!\w)", _same_day, False),
        ("weekday", rf"(?<!\w)(?:{v['POD']}\s+)?(?P<wd>{v['WEEKDAY']})"
         r"(?:\s+(?:của\s+)?tuần\s+(?P<rel>trước|này|tới|sau)"
         r"|\s+(?P<near>tới|vừa\s+rồi|vừa\s+qua)|\s+(?P<near2>trước|sau)(?!\s*\w))?(?!\w)", _weekday_alone, False),
        *clock_rules(v["NUMW"]),
    ]
    return tuple(_Rule(name, re.compile(p), h, cue, _TRIGGERS.get(name, ("",))) for name, p, h, cue in rules)


# Substrings without which a rule cannot match (checked per line before its regex runs); rules not
# listed need a digit.
_TRIGGERS: dict[str, tuple[Trigger, ...]] = {
    "written out": ("gày",),
    "lunar": ("ằm", "Tết", "háng"),
    "part of this month": ("háng",),
    "part of month": ("háng",),
    "month": ("háng", "hg"),
    "quarter": ("uý",),
    "half year": ("năm",),
    "part of year": ("năm",),
    "season": ("ùa",),
    "decade": ("hập", "hững"),
    "century": ("ế k", "ế K"),
    "relative year": ("ăm",),
    "relative period": ("uần", "háng", "uý"),
    "relative day": ("hôm", "Hôm", "mai", "kia"),
    "part of day + nay/qua/mai": ("nay", "qua", "mai"),
    "same day": ("cùng ngày",),
    "weekday": ("hứ", "hủ nhật", "húa nhật"),
    **clock_triggers(),
}


_CUE = re.compile(
    r"(?:(?<!\w)(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|khuya|rạng sáng|từ|đến|tới|vào|trước|sau|hết|lúc|qua|nay|"
    r"mai|Ngày|Sáng|Trưa|Chiều|Tối|Đêm|Từ|Đến|Vào|Hôm|Trước|Sau|Chủ nhật|Hai|Ba|Tư|Năm|Sáu|Bảy)|[(–])\s*$"
)


_INNER_CUE = re.compile(r"(?:[Nn]gày|[Tt]ừ|[Mm]ùng|[Mm]ồng)\s")
_SPELLED_MONTH = re.compile(r"\d\s+[Tt]háng\s+\d")  # "23 tháng 4" names its month: a date, cue or not


def _has_cue(text: str, start: int, m: re.Match[str]) -> bool:
    if m.groupdict().get("pod") or m.groupdict().get("wd"):
        return True
    if _DURATION.match(text, m.end()):
        return False  # "3-4 ngày", "2-3 người": a count, not a date
    if _INNER_CUE.match(m.group()) or _SPELLED_MONTH.search(m.group()):
        return True
    before = text[max(0, start - 14) : start]
    if not _CUE.search(before):
        return False
    # "thắng 2-1", "tỷ số 3-0": a comma or dash cue right after a score word is not a date cue
    return not re.search(r"(?:thắng|thua|hòa|hoà|tỷ số|tỉ số|tỉ lệ|tỷ lệ|lớp|số)\s*[,(]?\s*$", before)


# Every match of a digit rule holds one of these cores, at most a few words from its ends, so those
# rules scan only the stretches around a core instead of every position of every line with a digit.
_DATE_CORE = re.compile(  # d/m, d-m, d.m, "5 tháng", or a year 1800–2199; led by \d so the engine skips to digits
    r"\d(?:\s*[/.\-–]\s*\d|\s+tháng|\d\d\d(?!\d)(?<=(?:1[89]|2[01])\d\d)(?<!\d\d\d\d\d))"
)
_REACH = 60  # characters either side of a core; the longest prefix seen in 35 MB of text is 17


def _core_windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Disjoint stretches of ``text[start:end]`` around date cores, ending at a space (or at most
    ``2 * _REACH`` characters past the core)."""
    windows: list[tuple[int, int]] = []
    for m in _DATE_CORE.finditer(text, start, end):
        a = max(start, m.start() - _REACH)
        reach = min(end, m.end() + _REACH)
        if windows and reach <= windows[-1][1]:
            continue  # inside the last window already
        # To the next space, but never far: a line without spaces must not make every core scan it.
        b = text.find(" ", reach, min(end, reach + _REACH))
        b = min(end, reach + _REACH) if b < 0 else b
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(b, windows[-1][1]))
        else:
            windows.append((a, b))
    return windows


@lru_cache(maxsize=1)
def _rules_by_trigger() -> tuple[tuple[int, ...], dict[str, tuple[int, ...]], dict[PatternTrigger, tuple[int, ...]]]:
    """(the rules that need a digit, substring → the rules it lets run, (substrings, pattern) → the
    rules it lets run), as rule indexes. A pattern is searched only on a line holding one of its
    substrings (none: every line); a substring test costs next to nothing."""
    by_string: dict[str, list[int]] = {}
    by_pattern: dict[PatternTrigger, list[int]] = {}
    for priority, rule in enumerate(_rules()):
        for t in rule.triggers:
            if isinstance(t, str):
                by_string.setdefault(t, []).append(priority)
            else:
                by_pattern.setdefault(t, []).append(priority)
    digit_rules = tuple(by_string.pop("", ()))
    return (digit_rules, {t: tuple(p) for t, p in by_string.items()},
            {t: tuple(p) for t, p in by_pattern.items()})


_SEGMENT = 8192  # a line longer than this is read in stretches: memory stays bounded by the stretch


def _candidates(text: str, a: int, b: int, ctx: _Context) -> Iterator[tuple[int, int, int, re.Match[str], _Rule]]:
    """Every rule's matches in ``text[a:b]`` (part of one line)."""
    rules = _rules()
    digit_rules, by_string, by_pattern = _rules_by_trigger()
    segment = text[a:b]
    runs = [(p, (a, b)) for t, ps in by_string.items() if t in segment for p in ps]
    runs += [
        (p, (a, b))
        for (gate, pattern), ps in by_pattern.items()
        if (not gate or any(g in segment for g in gate)) and pattern.search(segment)
        for p in ps
    ]
    runs += [(p, w) for w in _core_windows(text, a, b) for p in digit_rules]
    for priority, (x, y) in dict.fromkeys(runs):  # a rule with two triggers on the line runs once
        rule = rules[priority]
        for m in rule.pattern.finditer(text, x, y):
            start, end = m.span()
            if end <= start:
                continue
            if rule.needs_cue and ctx.strict and not _has_cue(text, start, m):
                continue
            yield start, end, priority, m, rule


def _value(rule: _Rule, m: re.Match[str], ctx: _Context) -> DateValue | None:
    """The rule's value, or ``None`` where it falls outside the calendar Python can hold (a reference
    near year 1 or 9999: "năm sau" of 9999 has no date)."""
    try:
        return rule.handler(m, ctx)
    except (OverflowError, ValueError):
        return None


def _date_of(d: Day) -> date:
    return d.date() if isinstance(d, datetime) else d


def _find(text: str, reference: date, strict: bool, now: datetime | None = None) -> Iterator[DateMatch]:
    """The date matches of *text*, in order, one stretch at a time (memory bounded by the stretch)."""
    ctx = _Context(reference, strict=strict, now=now)

    def chosen() -> Iterator[DateMatch]:
        for line in re.finditer(r"[^\n]+", text):
            for a, b in windows(text, *line.span(), _SEGMENT):
                yield from _choose(text, _candidates(text, a, b, ctx), ctx)

    return _join_ranges(text, join_times(text, chosen(), ctx))


def _choose(
    text: str, found: Iterator[tuple[int, int, int, re.Match[str], _Rule]], ctx: _Context
) -> list[DateMatch]:
    """The candidates of one stretch that are kept, with their values, in text order."""
    cands = sorted(found, key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    chosen: list[tuple[int, int, re.Match[str], _Rule]] = []
    starts: list[int] = []  # the chosen spans, disjoint and sorted, as parallel lists
    ends: list[int] = []
    # Longest first, then earliest; a candidate that overlaps a chosen one is dropped, and so is one
    # that gives no date (an unmarked "12 tháng 5" read as lunar), so it cannot hide a shorter reading.
    for start, end, _, m, rule in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0], c[2])):
        k = bisect.bisect_right(starts, start)
        if (k > 0 and ends[k - 1] > start) or (k < len(starts) and starts[k] < end):
            continue
        if _value(rule, m, ctx) is None:  # values are made again below, in text order (cùng ngày)
            continue
        starts.insert(k, start)
        ends.insert(k, end)
        chosen.append((start, end, m, rule))
    out: list[DateMatch] = []
    for start, end, m, rule in sorted(chosen, key=lambda c: c[0]):
        value = _value(rule, m, ctx)
        if value is None:
            continue
        ctx.previous = value
        # Trim spaces and a stray closing parenthesis the pattern may have taken.
        s, e = start, end
        while e > s and text[e - 1] in " ,)":
            if text[e - 1] == ")" and "(" in text[s:e]:
                break
            e -= 1
        out.append(DateMatch(text[s:e], s, e, value))
    return out


_RANGE_JOIN = re.compile(r"\s*(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?$")
_GRAINS = ("second", "minute", "hour", "day", "week", "month", "season", "quarter", "half_year", "year", "decade",
           "century")


def _join_ranges(text: str, matches: Iterator[DateMatch]) -> Iterator[DateMatch]:
    """``từ ngày 20/3 đến hết tháng 4``: two dates joined by đến/tới become one range."""
    prev: DateMatch | None = None
    for m in matches:
        joined = prev is not None and _RANGE_JOIN.match(text[prev.end : m.start]) is not None
        if prev is not None and joined and _date_of(prev.value.start) <= _date_of(m.value.end):
            grain = min(prev.value.grain, m.value.grain, key=lambda g: _GRAINS.index(g) if g in _GRAINS else 99)
            value = DateValue(prev.value.start, m.value.end, grain, prev.value.part_of_day, prev.value.calendar)
            prev = DateMatch(text[prev.start : m.end], prev.start, m.end, value)
            continue
        if prev is not None:
            yield prev
        prev = m
    if prev is not None:
        yield prev


def _reference(reference: date | datetime | None) -> date:
    if reference is None:
        return date.today()
    return reference.date() if isinstance(reference, datetime) else reference


def _now(reference: date | datetime | None) -> datetime | None:
    """The time of day offsets in hours and minutes count from: the reference's, or now."""
    if reference is None:
        return datetime.now()
    return reference if isinstance(reference, datetime) else None


class DateParser:
    """Finds and parses dates; *reference* (default: today) resolves partial and relative dates.

    Instances are immutable, thread-safe and picklable.

    >>> DateParser(reference=date(2025, 12, 28)).parse_date("5/1").to_dict()["start"]
    '2026-01-05'
    """

    def __init__(self, reference: date | datetime | None = None) -> None:
        self.reference = reference

    def __reduce__(self) -> tuple[Any, ...]:
        return (DateParser, (self.reference,))

    def find_dates(self, text: str, reference: date | datetime | None = None) -> list[DateMatch]:
        """Every date expression in *text*, in order, with spans into *text* (none inside a URL, e-mail
        or path)."""
        check_text(text)
        ref = reference or self.reference
        return unprotected(text, list(_find(text, _reference(ref), strict=True, now=_now(ref))))

    def parse_date(self, text: str, reference: date | datetime | None = None) -> DateValue | None:
        """The value of the date expression *text* (its longest one), or ``None``."""
        check_text(text)
        ref = reference or self.reference
        matches = _find(text, _reference(ref), strict=False, now=_now(ref))
        longest = max(matches, key=lambda m: m.end - m.start, default=None)  # streamed: one kept at a time
        return None if longest is None else longest.value


_DEFAULT = DateParser()


def find_dates(text: str, reference: date | datetime | None = None) -> list[DateMatch]:
    """Every date expression in *text* (see :class:`DateParser`)."""
    return _DEFAULT.find_dates(text, reference)


def parse_date(text: str, reference: date | datetime | None = None) -> DateValue | None:
    """Parse one date expression such as ``"28/6-2/7"`` or ``"mùa hè năm ngoái"``."""
    return _DEFAULT.parse_date(text, reference)


__all__ = ["DateMatch", "DateParser", "DateValue", "find_dates", "parse_date"]
