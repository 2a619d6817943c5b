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
from .holidays import LowercaseSearch, canchi, canchi_pattern, holiday, holiday_pattern, holiday_triggers
from .values import DateValue, _Context
from .words import _B, _D, _DURATION, _E, _M, _SEP, _Y, ENGLISH_MONTH, _time_pattern, _vocab, _words

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
         rf"(?:(?P<tet>[Tt]ết)|tháng\s+(?P<lm>{v['MONTHNAME']}|{_M})(?P<al>\s+(?:âm lịch|ÂL))?)"
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
    triggers = {**_triggers(), "holiday": tuple(((), t) for t in holiday_triggers())}
    return tuple(_Rule(name, re.compile(p), h, cue, triggers.get(name, ("",))) for name, p, h, cue in rules)


def _led(*patterns: str) -> tuple[PatternTrigger, ...]:
    """Pattern triggers searched on every line: each starts with a literal, which the engine finds as
    fast as a substring test, and says more than the literal alone ("năm nay", not every "năm")."""
    return tuple(((), re.compile(p)) for p in patterns)


def _triggers() -> dict[str, tuple[Trigger, ...]]:
    """Substrings or patterns without which a rule cannot match, checked on a line before its rule
    runs there; rules not listed need a digit (and run around the date cores instead)."""
    stems = "|".join(_words()["stem"])
    return {
        "written out": ("gày",),
        "lunar": ("ằm", "Tết", "tết", "háng"),
        "part of this month": _led(r"ầu\s+tháng", r"iữa\s+tháng", r"uối\s+tháng"),
        "part of month": _led(r"ầu\s+tháng", r"iữa\s+tháng", r"uối\s+tháng", r"uần\s+tháng"),
        "month": ("háng", "hg"),
        "quarter": ("uý",),
        "half year": _led(r"háng\s+(?:đầu|cuối|sau|trước)\s+năm", r"ửa\s+(?:năm\s+)?(?:đầu|cuối|sau|trước)\s+năm"),
        "part of year": _led(r"ầu\s+năm", r"iữa\s+năm", r"uối\s+năm"),
        "season": ("ùa",),
        "decade": _led(r"hập\s+(?:niên|kỷ|kỉ)", r"hững\s+năm\s+\d"),
        "century": ("ế k", "ế K"),
        "relative year": _led(r"ăm\s+(?:ngoái|nay|trước|tới|sau|tiếp|kế|hiện)"),
        "relative period": _led(*(rf"{unit}\s+(?:trước|qua|này|tới|sau|tiếp|kế|hiện|nay)"
                                  for unit in ("uần", "háng", "uý"))),
        "relative day": _led(r"ôm\s+(?:nay|qua|kia)", r"gày\s+(?:mai|kia)"),
        # "sáng nay", not "quan" or "quang"
        "part of day + nay/qua/mai": _led(r"nay(?!\w)", r"qua(?!\w)", r"mai(?!\w)"),
        "same day": ("cùng ngày",),
        # A list can run far past its first date core: it runs on the lines that hold one.
        "day list": ((("gày",), re.compile(r"\d\s*(?:,|và|hoặc)\s*(?:và\s*)?\d")),),
        "Q quarter": _led("Q[1-4]"),
        "weekend": _led(r"uối\s+tuần"),
        "now": _led(r"ây\s+giờ", r"úc\s+này", r"iờ\s+này", r"út\s+này"),
        "can-chi year": _led(rf"ăm\s+(?:{stems})", rf"uân\s+(?:{stems})"),
        "first of month": _led(r"ầu\s+tiên\s+(?:của\s+)?tháng", r"uối\s+cùng\s+(?:của\s+)?tháng"),
        "months of year": _led(r"tháng\s+(?:đầu|cuối)\s+năm"),
        # T2…T7 and th 2 found from their digit, CN and cn as themselves
        "weekday": _led(r"hứ\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[2-7])", r"hủ\s+[Nn]hật", r"húa\s+[Nn]hật",
                        r"[2-7](?:(?<=T[2-7])|(?<=[Tt]h[2-7])|(?<=[Tt]h\s[2-7]))(?!\d)", "CN", "cn"),
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
    # "2/9 năm sau": a day and month of a named year, unless a score word comes before
    if not _CUE.search(before) and not m.groupdict().get("rel"):
        return False
    # "thắng 2-1", "tỷ số 3-0": a comma or dash cue right after a score word is not a date cue
    return not re.search(r"(?:thắng|thua|hòa|hoà|tỷ số|tỉ số|tỉ lệ|tỷ lệ|lớp|số)\s*[,(]?\s*$", before)


# Streets, bridges and events named after a date: "đường 2 tháng 9", "cầu 30/4", "Cách mạng tháng Tám".
_NAMED_AFTER = re.compile(r"(?<!\w)(?:[Đđ]ường|[Pp]hố|[Nn]gõ|[Hh]ẻm|[Cc]ầu|[Cc]ách\s+[Mm]ạng)\s+$")


# "năm 200 TCN", "thế kỷ 3 trước Công nguyên": before the Common Era, which Python's dates cannot hold
_BEFORE_COMMON_ERA = re.compile(r"\s*(?:TCN|[Tt]rước\s+[Cc]ông\s+[Nn]guyên|tr\.\s?CN)(?!\w)")


def _admissible(text: str, start: int, m: re.Match[str], rule: _Rule, strict: bool) -> bool:
    """Whether a rule's match may stand, in running text (*strict*): cued where the rule needs a cue,
    and not the name of a street or an event; and never a year or century before the Common Era."""
    if _BEFORE_COMMON_ERA.match(text, m.end()):
        return False
    if not strict:
        return True
    if rule.needs_cue and not _has_cue(text, start, m):
        return False
    return _NAMED_AFTER.search(text, max(0, start - 12), start) is None


# Every match of a digit rule holds one of these cores, at most a few words from its ends, so those
# rules scan only the stretches around a core instead of every position of every line with a digit.
# A core is the digit that begins it, of three kinds: d/m (d-m, d.m), "5 tháng", a year 1800–2199. Only
# the digit is taken, so that no core hides another ("2024-06-30" is a year and a d-m).
_DATE_CORE = re.compile(
    r"\d(?:(?P<sep>(?=\s*[/.\-–]\s*\d))|(?P<month>(?=\s+[Tt]háng))"
    r"|(?P<year>(?<!\d\d)(?=(?<=1)[89]\d\d(?!\d)|(?<=2)[01]\d\d(?!\d))))"
)
_KIND = {"sep": 1, "month": 2, "year": 4}
_CORE_LENGTH = 6  # a core's text runs at most this far past its digit ("5 tháng")
# Characters either side of a core: in 35 MB of text no match began more than 21 characters before its
# first core or ended more than 19 after it.
_REACH = 40


def _core_windows(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Disjoint stretches of ``text[start:end]`` around date cores, ending at a space (or at most
    ``_REACH // 2`` characters further), each with the kinds of core it holds (bits of ``_KIND``)."""
    windows: list[tuple[int, int, int]] = []
    for m in _DATE_CORE.finditer(text, start, end):
        kind = _KIND[m.lastgroup or "sep"]
        a = max(start, m.start() - _REACH)
        reach = min(end, m.start() + _CORE_LENGTH + _REACH)
        if windows and reach <= windows[-1][1]:
            windows[-1] = (windows[-1][0], windows[-1][1], windows[-1][2] | kind)  # inside the last window
            continue
        # To the next space, but never far: a line without spaces must not make every core scan it.
        b = text.find(" ", reach, min(end, reach + _REACH // 2))
        b = min(end, reach + _REACH // 2) if b < 0 else b
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(b, windows[-1][1]), windows[-1][2] | kind)
        else:
            windows.append((a, b, kind))
    return windows


# The kind of core every match of a digit rule holds (rules not listed: a d/m core).
_CORE_OF = {"words": "month", "spelled range": "month", "year": "year", "year range": "year", "month first": "year"}

# What a core window must hold for a digit rule to be tried in it (rules not listed: any window). A
# window is short, so this search costs far less than the rule, which fails slowly at every position.
_WINDOW_NEEDS: dict[str, re.Pattern[str]] = {
    name: re.compile(needs) for name, needs in {
        "full range": "[-–]", "day-month range": "[-–]", "days range": "[-–]", "year range": "[-–]|đến|tới",
        "từ … đến": "đến|tới", "time then date": r"\d\s*(?:[hg:]|giờ)",
        "relative day + date": "hôm|Hôm|mai|kia|nay|qua",
        "short year": "/", "lunar numeric": "âm lịch|ÂL", "year": "[Nn]ăm",
        "spaced dash": r"\d\s+[–-]\s+\d", "iso": r"\d\d\d\d-[01]\d-[0-3]\d",
        "month first": r"\d,?\s+(?:1[89]|2[01])\d\d(?!\d)",
        "spelled range": r"\d\s*(?:đến|tới|[-–])\s*(?:hết\s+)?(?:ngày\s+)?\d{1,2}\s+[Tt]háng",
    }.items()
}


def digit_rules_in(text: str, windows: list[tuple[int, int, int]]) -> list[tuple[int, tuple[int, int]]]:
    """(rule, window) for every digit rule that may match in each window: the window holds a core of
    the rule's kind and what the rule needs."""
    by_kind = _digit_rules()
    return [
        (p, (a, b))
        for a, b, kinds in windows
        for kind, rules in by_kind
        if kinds & kind
        for p, need in rules
        if need is None or need.search(text, a, b)
    ]


@lru_cache(maxsize=1)
def _digit_rules() -> tuple[tuple[int, tuple[tuple[int, re.Pattern[str] | None], ...]], ...]:
    """(kind of core, (rule, what it needs)) for the digit rules."""
    rules = _rules()
    return tuple(
        (bit, tuple((p, _WINDOW_NEEDS.get(rules[p].name)) for p in _rules_by_trigger()[0]
                    if _KIND[_CORE_OF.get(rules[p].name, "sep")] == bit))
        for bit in _KIND.values()
    )


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


