"""Resolution: what each rule's match means, as a :class:`DateValue` against the reference."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from itertools import pairwise

from .holidays import canchi_year, lunar_year_span, nearest_lunar
from .values import DateValue, Day, _Context, _day, _month_range, _nearest_year
from .words import (
    _PARTS,
    _ROMAN_QUARTER,
    _YEAR_PARTS,
    _month_number,
    _relative,
    _roman,
    _short_weekday,
    _weekday,
    _words,
    _written_number,
)


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _pod(m: re.Match[str]) -> str | None:
    word = m.groupdict().get("pod") or m.groupdict().get("pod0")
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
    written = g.get("m") or g.get("em") or ""  # "em": an English month name ("Jun 30, 2024")
    month = _month_number(written)
    if month is None or written.lower() in _LUNAR_MONTHS or written == "năm":
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
    if g.get("al"):  # "tháng 6 âm lịch": the lunar month, as the solar days it spans
        year = _written_year(g, ctx) or ctx.reference.year
        begins = nearest_lunar(month, 1, ctx.reference, year)
        span = lunar_year_span(year) if month == 12 else None
        after = nearest_lunar(month + 1, 1, ctx.reference, year) if month < 12 else None
        ends = span[1] if span else (after - timedelta(days=1) if after else None)
        return DateValue(begins, ends, "month", calendar="lunar") if begins and ends else None
    year = _written_year(g, ctx) or _int(g.get("yd")) or _nearest_year(month, 15, ctx.reference)
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



def _written_year(g: dict[str, str | None], ctx: _Context) -> int | None:
    """The year a match names: a number (group ``y``) or a relative word (group ``rel``: ``năm nay``)."""
    return _int(g.get("y")) or _relative_year(g.get("rel"), ctx)


def _relative_year(rel: str | None, ctx: _Context) -> int | None:
    if not rel:
        return None
    return ctx.reference.year + _relative(rel)



def _anchored(rel: str | None, ctx: _Context) -> bool:
    """True for "tiếp theo" and "kế tiếp" in running text: "the following" year or month counts from
    something the text has named ("báo cáo … của năm tiếp theo"), not from the reference. Read alone
    (:func:`parse_date`), the reference is all there is."""
    return ctx.strict and rel is not None and " ".join(rel.split()) in ("tiếp theo", "kế tiếp", "tiếp")


# A count before "tuần sau", "năm nay", "tháng trước" makes a duration or a counted offset (read by
# date_clock): "Suốt 7 tuần sau đó", "10 năm nay", "hàng nghìn năm trước", "ngày 5 tháng trước".
_COUNT_BEFORE = re.compile(
    r"(?:\d|(?<!\w)(?:[Mm]ột|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Ss]áu|[Bb]ảy|[Tt]ám|[Cc]hín|[Mm]ười|mươi|trăm|nghìn|ngàn|[Vv]ài|"
    r"[Mm]ấy|[Nn]hiều))\s+$"
)


def _counted(m: re.Match[str]) -> bool:
    before = m.string[max(0, m.start() - 8) : m.start()]
    return m.groupdict().get("rel") is not None and _COUNT_BEFORE.search(before) is not None


def _year(m: re.Match[str], ctx: _Context) -> DateValue | None:
    g = m.groupdict()
    if _anchored(g.get("rel"), ctx) or (g.get("y") is None and not g.get("part") and _counted(m)):
        return None
    year = _written_year(g, ctx) or ctx.reference.year
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
    year = _written_year(g, ctx) or ctx.reference.year
    return DateValue(date(year, 3 * q - 2, 1), _month_range(year, 3 * q)[1], "quarter")


def _half(m: re.Match[str], ctx: _Context) -> DateValue | None:
    g = m.groupdict()
    year = _written_year(g, ctx) or ctx.reference.year
    first = g["which"].lower() in ("đầu", "trước")
    return DateValue(date(year, 1 if first else 7, 1), date(year, 6, 30) if first else date(year, 12, 31), "half_year")


def _season(m: re.Match[str], ctx: _Context) -> DateValue | None:
    g = m.groupdict()
    year = _written_year(g, ctx) or ctx.reference.year
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



def _relative_day(m: re.Match[str], ctx: _Context) -> DateValue | None:
    g = m.groupdict()
    word = " ".join((g.get("rd") or g.get("rdx") or "").lower().split())
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


_THAT = re.compile(r"\s+(?:đó|ấy|nữa\s+đó)(?!\w)")


def _relative_period(m: re.Match[str], ctx: _Context) -> DateValue | None:
    unit = m.group("unit").lower()
    if _anchored(m.group("rel"), ctx) or _counted(m) or (ctx.strict and _THAT.match(m.string, m.end())):
        return None  # "so với tuần trước đó": the week before the one the text has named
    offset = _relative(m.group("rel")) * (2 if m.groupdict().get("more") else 1)  # "tuần trước nữa"
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
    written_small = _short_weekday(word) or (not word.split()[-1][:1].isupper() and not word.lower().startswith("ch"))
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
        if g.get("more"):
            weeks *= 2  # "thứ năm tuần sau nữa": the week after next
        d = ref - timedelta(days=ref.weekday()) + timedelta(weeks=weeks, days=wd)
    return DateValue(d, d, "day", _pod(m))


# Month names used only of the lunar calendar: "29 tháng Chạp" is lunar with no other marker.
_LUNAR_MONTHS = frozenset({"giêng", "chạp"})


def _lunar(m: re.Match[str], ctx: _Context) -> DateValue | None:
    g = m.groupdict()
    marked = g.get("ram") or g.get("tet") or g.get("al")  # "mùng 2 tháng 9" is National Day: solar
    if not marked and (g.get("lm") or "").lower() not in _LUNAR_MONTHS:
        return None  # "23 tháng 4" is a solar date: the lunar calendar has to be named
    day = 15 if g.get("ram") else int(g["ld"]) if g.get("ld") else 1
    if g.get("tet"):
        # "mùng 1 Tết" is the first month; "30 Tết", "28 Tết" are the last days of the year before it
        month = 12 if day > 10 else 1
    else:
        month = _month_number(g.get("lm") or "1") or 0
        if not month:
            return None
    year = _written_year(g, ctx)
    if g.get("lcc"):
        year = canchi_year(" ".join(g["lcc"].split()), ctx.reference.year, year)
        if year is None:
            return None
    if year is not None and month == 12 and g.get("tet"):
        year -= 1  # "30 Tết Giáp Thìn" is the eve of Giáp Thìn: the last day of the year before
    best = nearest_lunar(month, day, ctx.reference, year)
    if best is None:
        return None
    return DateValue(best, best, "day", _pod(m), calendar="lunar")


def _written(m: re.Match[str], ctx: _Context) -> DateValue | None:
    day = _written_number(m.group("wd_"))
    month = _month_number(m.group("wm")) or _written_number(m.group("wm"))  # tháng Giêng, tháng mười một
    year = _written_number(m.group("wy")) if m.group("wy") else None
    if not day or not month:
        return None
    d = _day(year, month, day, ctx.reference)
    return DateValue(d, d, "day") if d else None



def _day_list(m: re.Match[str], ctx: _Context) -> DateValue | None:
    """``các ngày 17, 18, 19/4``, ``các ngày 5/11, 7/11 và 8/11``: the first to the last day listed (the
    finder reports each day on its own, see :func:`list_items`)."""
    items = list_items(m, ctx)
    if not items:
        return None
    return DateValue(items[0][2].start, items[-1][2].start, "day", _pod(m))


_LIST_ITEM = re.compile(r"(\d{1,2})(?:[/-](\d{1,2}))?")


def list_items(m: re.Match[str], ctx: _Context) -> list[tuple[int, int, DateValue]]:
    """(start, end, value) of each day in a list match; a day without a month takes the next month written."""
    g = m.groupdict()
    items = _LIST_ITEM.finditer(m.string, *m.span("items"))
    found = [(x.start(), x.end(), int(x.group(1)), _int(x.group(2))) for x in items]
    found.append((m.start("d"), m.end("y") if g.get("y") else m.end("m"), int(g["d"]), int(g["m"])))
    year = _int(g.get("y"))
    out: list[tuple[int, int, DateValue]] = []
    month: int | None = None
    for start, end, day, written_month in reversed(found):
        month = written_month or month
        if month is None or not 1 <= month <= 12:
            return []
        d = _day(year, month, day, ctx.reference)
        if d is None:
            return []
        out.append((start, end, DateValue(d, d, "day", _pod(m) if start == found[0][0] else None)))
    out.reverse()
    if any(a.start >= b.start for (_, _, a), (_, _, b) in pairwise(out)):
        return []  # "ngày 5, 3/6" is no list of days in order
    return out


def _first_of_month(m: re.Match[str], ctx: _Context) -> DateValue | None:
    """``ngày đầu tiên của tháng 3`` (the 1st), ``ngày cuối cùng của tháng``, ``tuần đầu tiên của tháng 9``
    (the first week that starts in it, Monday to Sunday)."""
    g = m.groupdict()
    month = _month_number(g["mo"])
    if month is None:
        return None
    year = _written_year(g, ctx) or _nearest_year(month, 15, ctx.reference)
    first, last = _month_range(year, month)
    is_first = g["ord"].startswith("đầu")
    if g["unit"].lower() == "ngày":
        d = first if is_first else last
        return DateValue(d, d, "day")
    # the first week that starts in the month; the week of its last day
    monday = first + timedelta(days=(7 - first.weekday()) % 7) if is_first else last - timedelta(days=last.weekday())
    return DateValue(monday, monday + timedelta(days=6), "week")


def _months_of_year(m: re.Match[str], ctx: _Context) -> DateValue | None:
    """``9 tháng đầu năm 2023`` (January to September), ``3 tháng cuối năm`` (October to December)."""
    g = m.groupdict()
    n = int(g["n"]) if g["n"].isdigit() else _written_number(g["n"])
    if not n or not 1 <= n <= 11:
        return None
    year = _written_year(g, ctx) or ctx.reference.year
    if g["which"] == "đầu":
        return DateValue(date(year, 1, 1), _month_range(year, n)[1], "month")
    return DateValue(date(year, 13 - n, 1), date(year, 12, 31), "month")


def _weekend(m: re.Match[str], ctx: _Context) -> DateValue | None:
    """``cuối tuần này`` (Saturday and Sunday), ``cuối tuần qua``, ``cuối tuần sau``."""
    rel = m.group("rel")
    if rel is None and ctx.strict:
        return None  # "vào cuối tuần" is any weekend
    offset = _relative(rel) if rel else 0
    saturday = ctx.reference - timedelta(days=ctx.reference.weekday()) + timedelta(weeks=offset, days=5)
    return DateValue(saturday, saturday + timedelta(days=1), "day")


def _now_moment(m: re.Match[str], ctx: _Context) -> DateValue | None:
    """``bây giờ``, ``ngay lúc này``, ``giờ này`` (this hour), ``phút này``: the reference's moment."""
    if ctx.now is None:
        d = ctx.reference
        return DateValue(d, d, "day")
    now = ctx.now.replace(second=0, microsecond=0)
    if m.group("unit") == "giờ này":
        hour = now.replace(minute=0)
        return DateValue(hour, hour.replace(minute=59), "hour")
    return DateValue(now, now, "minute")


def _spelled_range(m: re.Match[str], ctx: _Context) -> DateValue | None:
    """``từ ngày 10 đến 12 tháng Giêng`` (lunar: the month names it, or ``âm lịch``), ``1 - 3 tháng 9``."""
    g = m.groupdict()
    month = _month_number(g["lm"])
    d1, d2 = int(g["d1"]), int(g["d2"])
    if month is None or d1 >= d2:
        return None
    year = _int(g.get("y"))
    if g.get("al") or g["lm"].lower() in _LUNAR_MONTHS:
        last = nearest_lunar(month, d2, ctx.reference, year)
        first = last - timedelta(days=d2 - d1) if last else None
        return DateValue(first, last, "day", calendar="lunar") if first and last else None
    end = _day(year, month, d2, ctx.reference)
    start = _day(end.year, month, d1, ctx.reference) if end else None
    return DateValue(start, end, "day") if start and end else None
