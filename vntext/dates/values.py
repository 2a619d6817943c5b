"""Date values and matches, the reading context, and the calendar arithmetic every rule shares."""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

Day = date | datetime


@dataclass(frozen=True, slots=True)
class DateValue:
    """What a date expression means: an inclusive range, its grain, part of day and calendar.

    Attributes:
        start: the first day (a ``date``), or moment (a ``datetime``, for a time of day).
        end: the last day or moment, inclusive (``start`` again for a single day).
        grain: how precise it is: ``second``, ``minute``, ``hour``, ``day``, ``week``, ``month``,
            ``season``, ``quarter``, ``half_year``, ``year``, ``decade`` or ``century``.
        part_of_day: ``morning``, ``noon``, ``afternoon``, ``evening`` or ``night`` when the text says
            (``Chiều 5-8``), else ``None``.
        calendar: ``"solar"``, or ``"lunar"`` for a date written in the lunar calendar (``rằm tháng
            Giêng``; ``start`` and ``end`` are still solar days).
        warnings: what :func:`~vntext.parse_date` could not read, or a written date that is not the
            named holiday's.
    """

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
    """A date expression found in a text; ``text[start:end] == match.text``.

    Attributes:
        text: the expression as written.
        start: its offset in the text.
        end: the offset just after it.
        value: what it means (:class:`DateValue`).
    """

    text: str
    start: int
    end: int
    value: DateValue

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value.to_dict()}


def _iso(d: Day) -> str:
    return d.strftime("%Y-%m-%dT%H:%M") if isinstance(d, datetime) else d.isoformat()



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




def _add_months(d: date, months: int) -> date:
    month = d.month - 1 + months
    year = d.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(d.day, _calendar.monthrange(year, month)[1]))


def _date_of(d: Day) -> date:
    return d.date() if isinstance(d, datetime) else d


