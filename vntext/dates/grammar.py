"""The grammar: rules built from the vocabulary, the words that let each rule run on a line, and the
cues that tell a bare ``28/6`` from a score or a fraction."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from . import resolve as r
from .clock import clock_rules
from .clock import triggers as clock_triggers
from .holidays import LowercaseSearch, canchi, canchi_pattern, holiday, holiday_pattern, holiday_trigger
from .values import DateValue, _Context
from .words import _B, _D, _DURATION, _E, _M, _SEP, _Y, ENGLISH_MONTH, _time_pattern, _vocab

PatternTrigger = tuple[tuple[str, ...], "re.Pattern[str] | LowercaseSearch"]
Trigger = str | PatternTrigger


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Callable[[re.Match[str], _Context], DateValue | None]
    needs_cue: bool = False
    triggers: tuple[Trigger, ...] = ()  # the rule can only match a line holding one ("" = a digit)


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    v = _vocab()
    pod = rf"(?:{v['POD']}\s+(?:ngày\s+|hôm\s+)?)?"
    ngay = r"(?:ngày\s+|Ngày\s+)?"
    # "Sáng thứ bảy 15/3": a part of the day may come before the weekday too
    wd = rf"(?:(?:(?P<pod0>{v['PODWORD']})\s+)?(?P<wd>{v['WEEKDAY']})\s*,?\s*\(?\s*)?"
    time_after = r"(?:(?:\s*,\s*|\s+[-–]\s+|\s+lúc\s+)" + _time_pattern("t") + ")?"
    time_before = _time_pattern("t") + r"\s+(?:ngày\s+)?"
    year = rf"(?:(?:\s*/\s*|\s+năm\s+)(?P<y>{_Y}))"
    rel_year = rf"(?:\s+năm\s+(?P<rel>{v['REL']}))"
    cyclic = canchi_pattern()  # a can-chi year name: Giáp Thìn
    rules: list[tuple[str, str, Callable[[re.Match[str], _Context], DateValue | None], bool]] = [
        ("full range", rf"{_B}{ngay}(?P<d1>{_D})(?P<s>{_SEP})(?P<m1>{_M})(?P=s)(?P<y1>{_Y})\s*[-–]\s*(?:ngày\s+)?"
         rf"(?P<d2>{_D})(?P<s2>{_SEP})(?P<m2>{_M})(?P=s2)(?P<y2>{_Y}){_E}", r._day_range, False),
        ("day-month range", rf"{_B}{pod}{ngay}(?P<d1>{_D})/(?P<m1>{_M})\s*[-–]\s*(?P<d2>{_D})/(?P<m2>{_M})"
         rf"(?:/(?P<y>{_Y}))?{_E}", r._day_range, False),
        ("days range", rf"{_B}{pod}{ngay}(?P<d1>{_D})\s*[-–]\s*(?P<d2>{_D})(?P<s>[/.])(?P<m>{_M})"
         rf"(?:(?P=s)(?P<y>{_Y}))?{_E}", r._day_range, True),
        ("từ … đến", rf"{_B}(?:[Tt]ừ\s+)?(?:ngày\s+)?(?P<d1>{_D})\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?"
         rf"(?P<d2>{_D})(?P<s>[/.-])(?P<m>{_M})(?:(?P=s)(?P<y>{_Y}))?{_E}", r._day_range, True),
        ("time then date", rf"{_B}{time_before}(?P<d>{_D})(?P<s>[/.-])(?P<m>{_M})(?:(?P=s)(?P<y>{_Y}))?{_E}",
         r._single, False),
        ("date with year", rf"{_B}{wd}{pod}{ngay}(?P<d>{_D})(?P<s>[/.-])(?P<m>{_M})(?P=s)(?P<y>{_Y}){_E}"
         rf"\)?{time_after}", r._single, False),
        ("relative day + date", rf"{_B}(?:{pod}(?P<rd>{v['RELDAY']})"
         rf"|(?P<pod0>{v['PODWORD']})\s+(?P<rdx>{v['RELDAYSHORT']}))\s*,?\s*(?P<par>\()?(?:ngày\s+)?(?P<d>{_D})(?P<s>[/-])"
         rf"(?P<m>{_M})(?:(?P=s)(?P<y>{_Y}))?{_E}(?(par)\))", r._relative_day, False),
        # "từ ngày 10 đến 12 tháng Giêng": a range of days with the month spelled after the second
        ("spelled range", rf"{_B}(?<!tháng )(?<!Tháng )(?:[Tt]ừ\s+)?(?:ngày\s+)?(?P<d1>{_D})"
         rf"\s*(?:đến|tới|[-–])\s*(?:hết\s+)?(?:ngày\s+)?"
         rf"(?P<d2>{_D})\s+tháng\s+(?P<lm>{_M}|{v['MONTHNAME']})(?P<al>\s+(?:âm lịch|ÂL))?(?:\s+năm\s+(?P<y>{_Y}))?"
         r"(?!\w)", r._spelled_range, True),
        ("day and month", rf"{_B}{wd}{pod}{ngay}(?P<d>{_D})(?P<s>[/.-])(?P<m>{_M}){_E}(?:{rel_year})?\)?{time_after}",
         r._single, True),
        # "Ngày 17 – 9": spaced dashes only after "ngày" itself
        ("spaced dash", rf"{_B}{pod}[Nn]gày\s+(?P<d>{_D})\s+[–-]\s+(?P<m>{_M})(?:\s+[–-]\s+(?P<y>{_Y}))?{_E}",
         r._single, False),
        # "các ngày 17, 18, 19/4", "các ngày 5/11, 7/11 và 8/11": each day is reported on its own
        ("day list", rf"{_B}{pod}(?:[Cc]ác\s+)?[Nn]gày\s+"
         rf"(?P<items>{_D}(?:[/-]{_M})?(?:\s*,\s*{_D}(?:[/-]{_M})?){{0,5}})\s*(?:,\s*và|,|và|hoặc)\s*"
         rf"(?P<d>{_D})(?P<s>[/-])(?P<m>{_M})(?:(?P=s)(?P<y>{_Y}))?{_E}", r._day_list, False),
        ("iso", rf"{_B}(?P<y>{_Y})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
         rf"(?:[T ](?P<th>[01]\d|2[0-3]):(?P<tm>[0-5]\d)(?::[0-5]\d)?)?{_E}", r._single, False),
        # "Tháng Mười Hai 29, 2013", "Jun 30, 2024": month first, as some sites print datelines
        ("month first", rf"(?<!\w)(?:[Tt]háng\s+(?P<m>{_M}|{v['MONTHNAME']})|(?P<em>{ENGLISH_MONTH}))\s+"
         rf"(?P<d>{_D}),?\s+(?P<y>{_Y}){_E}{time_after}", r._single, False),
        # A year written out after "năm" may be any year: "ngày 24 tháng 8 năm 410".
        ("words", rf"{_B}{wd}{pod}(?:ngày\s+)?(?:(?:[Mm]ùng|[Mm]ồng)\s+)?(?P<d>{_D})\s+[Tt]háng\s+"
         rf"(?P<m>{_M}|{v['MONTHNAME']})(?:\s+năm\s+(?P<y>[1-9]\d{{0,3}})|\s*,?\s+(?P<yb>{_Y})|{rel_year})?{_E}",
         r._single, True),
        ("short year", rf"{_B}{wd}{pod}{ngay}(?P<d>{_D})/(?P<m>{_M})/(?P<ys>\d\d){_E}", r._single, True),
        ("written out", rf"(?i:ngày)\s+(?P<wd_>(?:{v['NUMW']}\s+){{0,3}}?{v['NUMW']})\s+tháng\s+"
         rf"(?P<wm>(?:{v['NUMW']}\s+)?{v['NUMW']}|{v['MONTHNAME']})(?:\s+năm\s+(?P<wy>(?:{v['NUMW']}\s*){{1,8}}))?"
         r"(?!\w)", r._written, False),
        ("lunar", rf"{_B}{pod}(?:(?P<ram>[Rr]ằm)|(?:(?:(?P<mung>[Mm]ùng|[Mm]ồng)|ngày)\s*)?(?P<ld>{_D}))\s*"
         rf"(?:(?P<tet>Tết)|tháng\s+(?P<lm>{v['MONTHNAME']}|{_M})(?P<al>\s+(?:âm lịch|ÂL))?)"
         rf"(?:,?\s+(?:năm\s+)?(?P<lcc>{cyclic})|\s+năm\s+(?P<y>{_Y})|{rel_year})?"
         r"(?!\w)", r._lunar, False),
        ("lunar numeric", rf"{_B}{pod}{ngay}(?P<ld>{_D})/(?P<lm>{_M})(?:/(?P<y>{_Y}))?\s*\(?(?P<al>âm lịch|ÂL)\)?",
         r._lunar, False),
        ("part of month", rf"(?P<part>đầu|giữa|cuối|thượng tuần|trung tuần|hạ tuần|Đầu|Giữa|Cuối|Thượng tuần|"
         rf"Trung tuần|Hạ tuần)\s+tháng\s+(?P<mo>{_M}|{v['MONTHNAME']})(?:{year}|{rel_year})?(?!\w)", r._month, False),
        ("part of this month", r"(?<!\w)(?P<part>đầu|giữa|cuối|Đầu|Giữa|Cuối)\s+tháng(?:\s+(?P<rel>này|nay|"
         r"trước|tới|sau))?(?!\s*\d)(?!\w)", r._part_of_relative_month, False),
        ("month", rf"(?<!\w){pod}(?:[Tt]háng|[Tt]hg\.?)\s+(?P<mo>{_M}|{v['MONTHNAME']})(?P<al>\s+(?:âm lịch|ÂL))?"
         rf"(?:{year}|-(?P<yd>{_Y})|{rel_year})?"
         r"(?![\w/]|\.\d)", r._month, False),
        ("quarter", rf"(?<!\w)[Qq]uý\s+(?P<q>IV|III|II|I|[1-4]|một|hai|ba|bốn|tư)(?!\s+lần)"
         rf"(?:(?:\s*[/-]\s*|(?:\s+của)?\s+năm\s+)(?P<y>{_Y})|{rel_year})?"
         r"(?!\w)", r._quarter, False),
        ("Q quarter", rf"(?<![\w/.-])Q(?P<q>[1-4])(?:\s*[/-]\s*|\s+năm\s+)(?P<y>{_Y}){_E}", r._quarter, False),
        ("half year", rf"(?<!\w)(?:6 tháng|sáu tháng|[Nn]ửa|[Nn]ửa năm)\s+(?P<which>đầu|cuối|sau|trước)\s+năm"
         rf"(?:\s+(?P<y>{_Y})|\s+(?P<rel>{v['REL']}))?(?!\w)", r._half, False),
        ("months of year", rf"(?<!\w)(?P<n>[1-9]|1[01]|{v['NUMW']})\s+tháng\s+(?P<which>đầu|cuối)\s+năm"
         rf"(?:\s+(?P<y>{_Y})|\s+(?P<rel>{v['REL']}))?(?!\w)", r._months_of_year, False),
        ("first of month", rf"(?<!\w)(?P<unit>[Nn]gày|[Tt]uần)\s+(?P<ord>đầu\s+tiên|cuối\s+cùng)\s+(?:của\s+)?tháng\s+"
         rf"(?P<mo>{_M}|{v['MONTHNAME']})(?:{year}|{rel_year})?(?!\w)", r._first_of_month, False),
        ("part of year", rf"(?<!\w)(?P<part>đầu|giữa|cuối|Đầu|Giữa|Cuối)\s+năm(?:\s+(?P<y>{_Y})|\s+(?P<rel>"
         rf"{v['REL']}))?(?!\w)", r._year, False),
        ("season", rf"(?<!\w)[Mm]ùa\s+(?P<season>{v['SEASON']})(?:\s+năm\s+(?P<y>{_Y})|\s+năm\s+(?P<rel>{v['REL']})"
         rf"|\s+(?P<rel2>này))?(?!\w)", r._season, False),
        ("decade", r"(?<!\w)(?:[Tt]hập\s+(?:niên|kỷ|kỉ)|[Nn]hững\s+năm)\s+(?P<dec>1[89]\d0|20\d0|[1-9]0)(?!\w)",
         r._decade, False),
        ("century", r"(?<!\w)[Tt]hế\s+[Kk][ỷỉ]\s+(?P<c>[IVXLC]+|\d{1,2})(?!\w)", r._century, False),
        ("year range", rf"{_B}(?:(?:[Tt]ừ\s+)?năm\s+)?(?P<y1>{_Y})\s*(?:[-–]|đến|tới)\s*(?:năm\s+)?(?P<y2>{_Y}){_E}",
         r._year_range, False),
        ("year", rf"(?<!\w)[Nn]ăm\s+(?P<y>{_Y}){_E}", r._year, False),
        # "những năm tiếp theo", "các năm trước": many years, not one
        ("relative year", r"(?<!\w)(?<!những )(?<!Những )(?<!các )(?<!Các )[Nn]ăm\s+"
         r"(?P<rel>ngoái|nay|trước|tới|sau|tiếp\s+theo|kế\s+tiếp|hiện\s+tại)(?!\w)",
         r._year, False),
        ("relative period", r"(?<!\w)(?P<unit>(?<!cuối )(?<!Cuối )[Tt]uần|[Tt]háng|[Qq]uý)\s+"
         r"(?P<rel>trước|qua|này|tới|sau|tiếp\s+theo|kế\s+tiếp|tiếp|hiện\s+tại|(?<=uý\s)nay)(?P<more>(?<=trước)\s+nữa|(?<=sau)\s+nữa)?(?!\w)",
         r._relative_period, False),
        ("relative day", rf"(?<!\w)(?:{v['POD']}\s+)?(?P<rd>{v['RELDAY']})(?!\w)", r._relative_day, False),
        ("part of day + nay/qua/mai", rf"(?<!\w){v['POD']}\s+(?P<rd>{v['RELDAYSHORT']})(?!\w)", r._relative_day, False),
        ("same day", rf"(?<!\w){v['POD']}\s+cùng\s+ngày(?!\w)", r._same_day, False),
        ("weekend", r"(?<!\w)[Cc]uối\s+tuần(?:\s+(?P<rel>này|trước|qua|tới|sau|vừa\s+qua|vừa\s+rồi))?(?!\w)",
         r._weekend, False),
        ("now", r"(?<!\w)(?:[Nn]gay\s+)?(?P<unit>[Bb]ây\s+giờ|lúc\s+này|giờ\s+này|phút\s+này)(?!\w)",
         r._now_moment, False),
        # "Quốc khánh 2/9", "Quốc khánh mùng 2 tháng 9", "Giáng sinh (25/12)": the written date goes with the name
        ("holiday", rf"(?<!\w)(?P<hol>{holiday_pattern()})(?:\s+\(?(?:ngày\s+)?(?:(?:[Mm]ùng|[Mm]ồng)\s+)?"
         rf"(?P<hd>{_D})(?:[/.-]|\s+tháng\s+)(?P<hm>{_M})(?![\d/.-]\d)\)?)?"
         rf"(?:,?\s+(?:năm\s+)?(?P<hcc>{cyclic})|\s+(?:năm\s+)?(?P<hy>{_Y})|\s+năm\s+(?P<hrel>{v['REL']}))?{_E}",
         holiday, False),
        ("can-chi year", rf"(?<!\w)(?:[Nn]ăm|[Xx]uân)\s+(?P<cc>{cyclic})(?:\s+(?P<cy>{_Y}))?(?!\w)", canchi, False),
        ("weekday", rf"(?<!\w)(?:{v['POD']}\s+)?(?P<wd>{v['WEEKDAY']})"
         r"(?:\s+(?:của\s+)?tuần\s+(?P<rel>trước|này|tới|sau)(?P<more>(?<=trước)\s+nữa|(?<=sau)\s+nữa)?"
         r"|\s+(?P<near>tới|vừa\s+rồi|vừa\s+qua)|\s+(?P<near2>trước|sau)(?!\s*\w))?(?!\w)", r._weekday_alone, False),
        *clock_rules(v["NUMW"]),
    ]
    triggers = {**_TRIGGERS, "holiday": (((), holiday_trigger()),)}
    return tuple(_Rule(name, re.compile(p), h, cue, triggers.get(name, ("",))) for name, p, h, cue in rules)


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
    # Digit rules with a literal of their own run on the lines that hold it, not around every date core.
    "spaced dash": ((("gày",), re.compile(r"\d\s+[–-]\s+\d")),),
    "day list": ((("gày",), re.compile(r"\d\s*(?:,|và|hoặc)\s*(?:và\s*)?\d")),),
    "iso": ((("-",), re.compile(r"\d\d\d\d-[01]\d-[0-3]\d")),),
    "month first": ((("háng", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
                     re.compile(r"\d,?\s+(?:1[89]|2[01])\d\d(?!\d)")),),
    "spelled range": ((("háng",), re.compile(r"\d\s*(?:đến|tới|[-–])\s*(?:hết\s+)?(?:ngày\s+)?\d{1,2}\s+tháng")),),
    "Q quarter": ("Q",),
    "weekend": ("uối",),
    "now": ("giờ", "này"),
    "can-chi year": ("ăm", "uân"),
    "first of month": ("tháng",),
    "months of year": ("tháng",),
    # T2…T7, th 2, CN: led by a character class, which the engine skips to quickly
    "weekday": ("hứ", "hủ nhật", "húa nhật",
                ((), re.compile(r"[TtCc](?:(?<=T)[2-7]|(?<=[Tt])h\s?[2-7]|(?<=C)N|(?<=c)n)(?!\d)"))),
    **clock_triggers(),
}


_CUE = re.compile(
    r"(?:(?<!\w)(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|khuya|rạng sáng|từ|đến|tới|vào|trước|sau|hết|lúc|qua|nay|"
    r"mai|Ngày|Sáng|Trưa|Chiều|Tối|Đêm|Từ|Đến|Vào|Hôm|Trước|Sau|Chủ nhật|Hai|Ba|Tư|Năm|Sáu|Bảy)|[(–])\s*$"
)


_INNER_CUE = re.compile(r"(?:[Nn]gày|[Tt]ừ|[Mm]ùng|[Mm]ồng)\s")
_SPELLED_MONTH = re.compile(r"\d\s+[Tt]háng\s+\d")  # "23 tháng 4" names its month: a date, cue or not


# After "ngày" a unit still makes a count when it is one a day is counted in: "ngày 2-3 lần", "ngày 1-2 viên".
_PER_DAY = re.compile(r"\s*(?:lần|viên|gói|bữa|cữ|liều|giờ|tiếng|phút|ly|cốc|chai|lít|ngày|tuần|tháng|năm)(?!\w)")
_NGAY_BEFORE = re.compile(r"(?<!\w)[Nn]gày\s*$")


def _has_cue(text: str, start: int, m: re.Match[str]) -> bool:
    if m.groupdict().get("pod") or m.groupdict().get("wd"):
        return True
    before = text[max(0, start - 14) : start]
    # "3-4 ngày", "2-3 người": a count, not a date; but "Ngày 3-5 số ca nhập viện tăng" is a date,
    # unless the unit is one a day is counted in ("ngày 2-3 lần", "mỗi ngày 1-2 viên")
    said_day = _INNER_CUE.match(m.group()) or _NGAY_BEFORE.search(before)
    if (said_day and _PER_DAY.match(text, m.end())) or (not said_day and _DURATION.match(text, m.end())):
        return False
    if _INNER_CUE.match(m.group()) or _SPELLED_MONTH.search(m.group()):
        return True
    if not _CUE.search(before):
        return False
    # "thắng 2-1", "tỷ số 3-0": a comma or dash cue right after a score word is not a date cue
    return not re.search(r"(?:thắng|thua|hòa|hoà|tỷ số|tỉ số|tỉ lệ|tỷ lệ|lớp|số)\s*[,(]?\s*$", before)


# Streets, bridges and events named after a date: "đường 2 tháng 9", "cầu 30/4", "Cách mạng tháng Tám".
_NAMED_AFTER = re.compile(r"(?<!\w)(?:[Đđ]ường|[Pp]hố|[Nn]gõ|[Hh]ẻm|[Cc]ầu|[Cc]ách\s+[Mm]ạng)\s+$")


def _admissible(text: str, start: int, m: re.Match[str], rule: _Rule, strict: bool) -> bool:
    """Whether a rule's match may stand, in running text (*strict*): cued where the rule needs a cue,
    and not the name of a street or an event."""
    if not strict:
        return True
    if rule.needs_cue and not _has_cue(text, start, m):
        return False
    return _NAMED_AFTER.search(text, max(0, start - 12), start) is None


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


