"""Times of day and counted offsets from the reference: the clock part of the date grammar.

``lúc 8 giờ 30``, ``10h45``, ``15:23:24``, ``2 giờ rưỡi chiều``, ``11 giờ kém 15``, ``4pm``; ``3 ngày
trước``, ``cách đây 3 ngày``, ``sau 2 tuần nữa``, ``3 tháng tới``, ``2 ngày vừa qua``. A time next to a
date takes that date (``3 giờ chiều ngày mai``, ``Hôm qua 08:16``, ``07/01/2015 | 22:34``).

Kept out, because in running text they are durations or ordinals, not times: a bare count (``trong 2
giờ``, ``10 năm nay``), ``N … sau`` told of a story (``7 tuần sau đó``), ``N … trước`` before another word
(``3 ngày trước Tết`` counts from Tết, not from today). In :func:`~vntext.find_dates` a time written
``N giờ`` or ``8:30`` needs a cue (``lúc``, ``vào``, ``khoảng``, a part of the day, a date beside it);
:func:`~vntext.parse_date` reads one on its own. Offsets in hours, minutes and seconds need the time of
the reference (a ``datetime``, or none: now).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta

from .values import DateMatch, DateValue, _add_months, _Context, _month_range
from .words import _written_number

_HOUR = r"(?:[01]?\d|2[0-3])"
_MIN = r"[0-5]\d"
_STRONG_CUE = re.compile(r"(?:[Vv]ào\s+)?(?:[Ll]úc|[Kk]hoảng|[Đđ]úng)\s+|[Vv]ào\s+")
_WEAK_CUE = re.compile(r"(?:[Tt]ừ|đến|tới|[Tt]rước|[Ss]au|[Hh]ết)\s+$")
# A date or day word right before a time written 08:16 or 8 giờ: "Hôm qua 08:16", "07/01/2015 | 22:34".
_DATE_BEFORE = re.compile(r"(?:\d{4}|\d{1,2}[/.-]\d{1,2}|nay|qua|mai|kia)\)?\s*(?:[,|–-]\s*)?(?:lúc\s+)?$")
_DAY_AFTER = re.compile(
    r"\s+(?:(?:sáng|trưa|chiều|tối|đêm)\s+)?(?:nay|qua|mai|hôm\s+(?:nay|qua)|ngày\s+(?:mai|\d)|cùng\s+ngày)(?!\w)"
)
# Lines without one of these never run the rules below; each is led by a literal or a digit, so the
# engine skips to its candidates quickly (a substring test would let almost every line in).
# One pattern per unit, each led by its word (found as fast as a substring), rather than one alternation
# tried at every letter.
_OFFSET_TRIGGERS = (
    *(re.compile(rf"{unit}\s+(?:trước|vừa|qua|tới|tiếp|nữa)")
      for unit in ("ngày", "tuần", "tháng", "năm", "giờ", "tiếng", "phút", "giây")),
    re.compile(r"ách\s+đây"),
)
_TIME_TRIGGER = re.compile(r"\d(?:\s*giờ|[hHg]|:\d|\s*[AaPp]\.?[Mm](?!\w))")
_HOUR_WORDS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")
# " giờ" first (a literal the engine jumps to), then which word came before it.
_WRITTEN_TIME_TRIGGER = re.compile(
    " giờ(?:" + "|".join(f"(?<={w} giờ)|(?<={w.capitalize()} giờ)" for w in _HOUR_WORDS) + ")"
)


def clock_rules(numbers: str) -> list[tuple[str, str, Callable[[re.Match[str], _Context], DateValue | None], bool]]:
    """The rules of this module for :func:`vntext.dates.grammar._rules` (*numbers*: the written-number words)."""
    written_hour = rf"(?P<kw>{numbers}(?:\s+{numbers})?)"
    time = (
        rf"(?P<kcue>{_STRONG_CUE.pattern})?"
        rf"(?:(?P<kh>{_HOUR})(?:(?P<colon>:)(?P<km>{_MIN})(?::(?P<ks>{_MIN}))?|[hH](?P<kmh>{_MIN})?|g(?P<kmg>{_MIN})"
        rf"|\s*giờ(?:\s+(?P<kmw>[0-5]?\d)(?:\s*phút)?|\s+(?P<half>rưỡi)|\s+kém\s+(?P<less>[1-5]?\d)(?:\s*phút)?)?)"
        rf"|{written_hour}\s+giờ(?:\s+(?P<half2>rưỡi))?"
        rf"|(?P<kha>{_HOUR})(?=\s*[AaPp]\.?[Mm]\.?(?!\w)))"  # "4pm": an hour alone, with am or pm
        r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?)(?!\w))?"
        # A part of the day before a day word goes with the day: "3 giờ | chiều ngày mai".
        r"(?:\s+(?P<kpod>sáng|trưa|chiều|tối|đêm)(?!\s+(?:nay|qua|mai|hôm|ngày|cùng)(?!\w)))?"
    )
    offset = (
        rf"(?:(?P<ago>[Cc]ách\s+đây)\s+|(?P<after>[Ss]au)\s+)?(?P<n>\d{{1,4}}|{numbers}(?:\s+{numbers})?)\s+"
        r"(?P<unit>ngày|tuần|tháng|năm|giờ|tiếng|phút|giây)"
        r"(?:\s+(?P<dir>trước\s+đây|trước|vừa\s+qua|vừa\s+rồi|qua|tới\s+đây|tới|tiếp\s+theo|nữa))?"
        r"(?(dir)|(?(ago)|(?!)))"  # a bare count is a length of time: only "cách đây" goes without a direction
    )
    return [
        ("offset", rf"(?<![\w/.,-]){offset}(?!\w)", counted_offset, False),
        ("time", rf"(?<![\w.,/:+-]){time}(?![\w]|[:/.,]\d)", time_of_day, False),
    ]


def triggers() -> dict[str, tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]]:
    """For each rule, (substrings, pattern) pairs: the pattern is searched only on a line holding one
    of the substrings (none: every line)."""
    return {
        "offset": tuple(((), p) for p in _OFFSET_TRIGGERS),
        "time": (((), _TIME_TRIGGER), ((" giờ",), _WRITTEN_TIME_TRIGGER)),
    }


# ------------------------------------------------------------------------------------ times of day
def _clock(m: re.Match[str]) -> tuple[int, int, int, str] | None:
    """(hour, minute, second, grain) as written, before the part of the day is applied."""

    g = m.groupdict()
    if g["kw"]:
        hour = _written_number(g["kw"])
        if hour is None or not 0 <= hour <= 12:
            return None
        return hour, 30 if g["half2"] else 0, 0, "minute" if g["half2"] else "hour"
    if g["kha"]:
        return int(g["kha"]), 0, 0, "hour"
    hour = int(g["kh"])
    minute = g["km"] or g["kmh"] or g["kmg"] or g["kmw"]
    if g["half"]:
        return hour, 30, 0, "minute"
    if g["less"]:
        less = int(g["less"])
        if not 0 < less < 60 or hour == 0:
            return None
        return hour - 1, 60 - less, 0, "minute"
    if g["ks"]:
        return hour, int(minute), int(g["ks"]), "second"
    return hour, int(minute or 0), 0, "minute" if minute is not None else "hour"


def _cued(m: re.Match[str]) -> bool:
    """True when the words around a time make it a time of day rather than a duration or a ratio."""
    g, text = m.groupdict(), m.string
    spoken = "giờ" in m.group()  # "2 giờ 30 phút", "khoảng 10 giờ" are also lengths of time
    if g["kha"] and g["ampm"].isupper() and not g["kcue"]:  # "(2PM)" names a band; "lúc 2PM" is a time
        return bool(g["kpod"] or _DATE_BEFORE.search(text[max(0, m.start() - 24) : m.start()]))
    if g["kpod"] or g["ampm"] or g["less"] or g["kmh"] or g["kmg"]:
        return True
    if g["kcue"] and not (spoken and g["kcue"].strip().lower() == "khoảng"):
        return True
    before = text[max(0, m.start() - 24) : m.start()]
    if _DATE_BEFORE.search(before) or _DAY_AFTER.match(text, m.end()):
        return True
    # 8:30 or 8h after từ/đến (a range of hours); "N giờ" after them is still a count of hours.
    return bool((g["colon"] or (g["kh"] and not spoken)) and _WEAK_CUE.search(before))


_POD = {"sáng": "morning", "trưa": "noon", "chiều": "afternoon", "tối": "evening", "đêm": "night"}


def time_of_day(m: re.Match[str], ctx: _Context) -> DateValue | None:

    if ctx.strict and not _cued(m):
        return None
    clock = _clock(m)
    if clock is None:
        return None
    hour, minute, second, grain = clock
    g = m.groupdict()
    pod, ampm = g["kpod"], (g["ampm"] or "").lower().replace(".", "")
    if ampm and not 1 <= hour <= 12:
        return None
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    hour = with_part_of_day(hour, pod)
    if not 0 <= hour <= 23:
        return None
    ref = ctx.reference
    start = datetime(ref.year, ref.month, ref.day, hour, minute, second)
    ctx.clock_times.add(m.start())
    return DateValue(start, start, grain, _POD.get(pod) if pod else None)


def with_part_of_day(hour: int, pod: str | None) -> int:
    """The 24-hour clock for an hour said with a part of the day: 3 giờ chiều is 15:00."""
    if pod in ("chiều", "tối", "afternoon", "evening") and hour < 12:
        return hour + 12
    if pod in ("đêm", "night") and 6 <= hour < 12:
        return hour + 12
    if pod in ("trưa", "noon") and hour <= 3:
        return hour + 12
    return hour


# ------------------------------------------------------------------------------------ counted offsets
_NOT_COUNTED = re.compile(r"(?<!\w)(?:[Nn]gày|[Mm]ùng|[Mm]ồng|[Hh]àng|[Nn]hững|[Cc]ác)\s+$")
_POINT_BACK = ("trước", "trước đây")
_POINT_ON = ("nữa",)
_NEXT = ("tới", "tới đây", "tiếp theo")
_PAST = ("qua", "vừa qua", "vừa rồi")


# Words that go on with the clause rather than name what "trước" counts from: "3 ngày trước mà chưa …"
_CLAUSE_GOES_ON = re.compile(r"\s+(?:mà|rồi|thì|và|nhưng|nên|đã|vẫn|cũng|lại|mới|là|có|tôi|mình|em|anh|chị)(?!\w)")


def counted_offset(m: re.Match[str], ctx: _Context) -> DateValue | None:

    g, text = m.groupdict(), m.string
    direction = " ".join((g["dir"] or "").split())
    before = text[max(0, m.start() - 8) : m.start()]
    if _NOT_COUNTED.search(before):
        return None  # "ngày 5 tháng trước" (the 5th of last month), "hàng nghìn năm trước", "những năm tiếp theo"
    if direction == "nữa" and re.match(r"\s+trong(?!\w)", text[m.end() :]):
        return None  # "Còn 274 ngày nữa trong năm": what is left, not a day
    if direction == "trước" and re.match(r"\s*[^\W\d_]", text[m.end() :]) and not _CLAUSE_GOES_ON.match(text, m.end()):
        return None  # "3 ngày trước Tết", "2 tuần trước khi": counted from something else
    n = int(g["n"]) if g["n"][0].isdigit() else _written_number(g["n"])
    if not n:
        return None
    unit = {"tiếng": "giờ"}.get(g["unit"], g["unit"])
    if g["ago"]:
        return _point(unit, -n, ctx) if direction in ("", *_POINT_BACK) else None
    if g["after"]:
        return _point(unit, n, ctx) if direction in _POINT_ON else None  # "sau 5 năm" alone is told of a story
    if direction in _POINT_BACK:
        return _point(unit, -n, ctx)
    if direction in _POINT_ON:
        return _point(unit, n, ctx)
    if direction in _NEXT:
        if ctx.strict and direction == "tiếp theo":
            return None  # "trong thời hạn 30 ngày tiếp theo": counted from what the text has named
        return _stretch(unit, n, ctx, forward=True)
    if direction in _PAST:
        return _stretch(unit, n, ctx, forward=False)
    return None  # a bare count: "trong 3 ngày", "10 năm nay"


_SMALL_UNITS = {"giờ": timedelta(hours=1), "phút": timedelta(minutes=1), "giây": timedelta(seconds=1)}
_GRAIN = {"giờ": "hour", "phút": "minute", "giây": "second", "ngày": "day", "tuần": "week", "tháng": "month",
          "năm": "year"}


def _point(unit: str, n: int, ctx: _Context) -> DateValue | None:

    if unit in _SMALL_UNITS:
        if ctx.now is None:
            return None  # hours before a reference that has no time of day
        at = ctx.now + n * _SMALL_UNITS[unit]
        return DateValue(at, at, "minute" if unit != "giây" else "second")
    ref = ctx.reference
    if unit == "ngày":
        d = ref + timedelta(days=n)
    elif unit == "tuần":
        d = ref + timedelta(weeks=n)
    elif unit == "tháng":
        d = _add_months(ref, n)
    else:
        d = _add_months(ref, 12 * n)
    return DateValue(d, d, "day")


def _stretch(unit: str, n: int, ctx: _Context, forward: bool) -> DateValue | None:
    """The *n* whole units after the current one (*forward*) or before it."""

    if unit in _SMALL_UNITS:
        if ctx.now is None:
            return None
        step = _SMALL_UNITS[unit]
        now = ctx.now
        base = now.replace(minute=0, second=0, microsecond=0) if unit == "giờ" else now.replace(second=0, microsecond=0)
        if unit == "giây":
            base = now.replace(microsecond=0)
        first, last = (base + step, base + n * step) if forward else (base - n * step, base - step)
        end = last + step - timedelta(minutes=1) if unit == "giờ" else last
        return DateValue(first, end, _GRAIN[unit])
    ref = ctx.reference
    if unit == "ngày":
        a, b = (ref + timedelta(days=1), ref + timedelta(days=n)) if forward else (ref - timedelta(days=n),
                                                                                      ref - timedelta(days=1))
        return DateValue(a, b, "day")
    if unit == "tuần":
        monday = ref - timedelta(days=ref.weekday())
        a = monday + timedelta(weeks=1) if forward else monday - timedelta(weeks=n)
        return DateValue(a, a + timedelta(weeks=n, days=-1), "week")
    months = 1 if unit == "tháng" else 12
    this = date(ref.year, ref.month, 1) if unit == "tháng" else date(ref.year, 1, 1)
    first_day = _add_months(this, months) if forward else _add_months(this, -n * months)
    last_month = _add_months(first_day, n * months - 1)
    return DateValue(first_day, _month_range(last_month.year, last_month.month)[1], _GRAIN[unit])


# ------------------------------------------------------------------------------------ time beside a date
_TIME_THEN_DATE = re.compile(r"\s*(?:,\s*)?(?:ngày\s+|vào\s+)?$")
_DATE_THEN_TIME = re.compile(r"\s*(?:[,|–-]\s*)?(?:lúc\s+|vào\s+lúc\s+)?$")


def join_times(text: str, matches: Iterator[DateMatch], ctx: _Context) -> Iterator[DateMatch]:
    """A time of day and a day side by side become one moment. A time first takes the day right after
    it (``3 giờ chiều ngày mai``), then a day takes the time after it (``Hôm qua 08:16``,
    ``Thứ Tư, 07/01/2015 | 22:34``): in ``Cách đây 3 ngày, lúc 3 giờ chiều ngày mai`` the time is
    tomorrow's."""
    return _pairs(text, _pairs(text, matches, ctx, time_first=True), ctx, time_first=False)


def _pairs(text: str, matches: Iterator[DateMatch], ctx: _Context, time_first: bool) -> Iterator[DateMatch]:

    prev: DateMatch | None = None
    for m in matches:
        if prev is not None:
            joined = _joined(text, prev, m, ctx, time_first)
            if joined is not None:
                ctx.clock_times.discard(prev.start if time_first else m.start)  # it has its day now
                yield DateMatch(text[prev.start : m.end], prev.start, m.end, joined)
                prev = None
                continue
            yield prev
        prev = m
    if prev is not None:
        yield prev


def _is_day(m: DateMatch) -> bool:
    v = m.value
    return v.grain == "day" and not isinstance(v.start, datetime) and v.start == v.end


def _joined(text: str, a: DateMatch, b: DateMatch, ctx: _Context, time_first: bool) -> DateValue | None:

    gap = text[a.end : b.start]
    if time_first and _clock_alone(a, ctx) and _is_day(b) and _TIME_THEN_DATE.match(gap):
        time, day = a.value, b.value
    elif not time_first and _clock_alone(b, ctx) and _is_day(a) and _DATE_THEN_TIME.match(gap):
        time, day = b.value, a.value
    else:
        return None
    t = time.start
    if not isinstance(t, datetime):
        return None
    hour = t.hour if time.part_of_day else with_part_of_day(t.hour, day.part_of_day)
    at = datetime(day.start.year, day.start.month, day.start.day, hour, t.minute, t.second)
    return DateValue(at, at, time.grain, time.part_of_day or day.part_of_day, day.calendar, day.warnings)


def _clock_alone(m: DateMatch, ctx: _Context) -> bool:
    """True for a time of day not yet given a day."""
    return m.start in ctx.clock_times
