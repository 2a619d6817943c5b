"""The Vietnamese lunisolar calendar (âm lịch), computed astronomically.

This is the algorithm published by Hồ Ngọc Đức: new moons and the sun's longitude (Meeus's
approximations), months counted from the one holding the winter solstice (month 11), and a leap month
where a lunar year has 13 months — the first month with no major solar term. Vietnam reckons it at
UTC+7, which is why its calendar differs from China's (UTC+8) in some years: Tết 1985 fell on
21 January in Vietnam and 20 February in China; Tết 2007 on 17 February in Vietnam, a day before
China's.

>>> lunar_to_solar(2024, 1, 1)
datetime.date(2024, 2, 10)
>>> solar_to_lunar(date(1985, 1, 21))
LunarDate(year=1985, month=1, day=1, leap=False)
>>> lunar_to_solar(2023, 2, 15, leap=True)
datetime.date(2023, 4, 5)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

TIME_ZONE = 7.0
_JD_EPOCH = 2415021.076998695  # a new moon (1900-01-01), the origin of the month count
_SYNODIC = 29.530588853
_ORDINAL_TO_JD = 1721425  # date.toordinal() + this = Julian day number


@dataclass(frozen=True)
class LunarDate:
    year: int
    month: int
    day: int
    leap: bool = False


def _jd(d: date) -> int:
    return d.toordinal() + _ORDINAL_TO_JD


def _date(jd: int) -> date:
    return date.fromordinal(jd - _ORDINAL_TO_JD)


def _new_moon(k: int) -> float:
    """Julian day (UT) of the k-th new moon after 1900-01-01."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3  # sun's mean anomaly
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3  # moon's mean anomaly
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3  # moon's argument of latitude
    sin = math.sin
    c1 = (
        (0.1734 - 0.000393 * t) * sin(m * dr)
        + 0.0021 * sin(2 * dr * m)
        - 0.4068 * sin(mpr * dr)
        + 0.0161 * sin(dr * 2 * mpr)
        - 0.0004 * sin(dr * 3 * mpr)
        + 0.0104 * sin(dr * 2 * f)
        - 0.0051 * sin(dr * (m + mpr))
        - 0.0074 * sin(dr * (m - mpr))
        + 0.0004 * sin(dr * (2 * f + m))
        - 0.0004 * sin(dr * (2 * f - m))
        - 0.0006 * sin(dr * (2 * f + mpr))
        + 0.0010 * sin(dr * (2 * f - mpr))
        + 0.0005 * sin(dr * (2 * mpr + m))
    )
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta_t


def _sun_longitude(jdn: float) -> float:
    """The sun's apparent longitude in radians, in [0, 2π)."""
    t = (jdn - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    lon = (l0 + dl) * dr
    return lon - math.pi * 2 * math.floor(lon / (math.pi * 2))


def _sun_sector(day: int) -> int:
    """Which of the 12 major solar terms' sectors (0–11) the sun is in at the start of *day*."""
    return math.floor(_sun_longitude(day - 0.5 - TIME_ZONE / 24) / math.pi * 6)


def _new_moon_day(k: int) -> int:
    return math.floor(_new_moon(k) + 0.5 + TIME_ZONE / 24)


@lru_cache(maxsize=512)
def _month_11(year: int) -> int:
    """Julian day on which lunar month 11 (the month of the winter solstice) begins, for *year*."""
    off = _jd(date(year, 12, 31)) - 2415021
    k = math.floor(off / _SYNODIC)
    nm = _new_moon_day(k)
    if _sun_sector(nm) >= 9:
        nm = _new_moon_day(k - 1)
    return nm


@lru_cache(maxsize=512)
def _leap_offset(a11: int) -> int:
    """Index, counted from month 11, of the leap month in the year that starts at *a11*."""
    k = math.floor((a11 - _JD_EPOCH) / _SYNODIC + 0.5)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i))
        if arc == last or i >= 14:
            break
    return i - 1


def solar_to_lunar(d: date) -> LunarDate:
    """The lunar date of solar date *d* (Vietnam, UTC+7)."""
    day_number = _jd(d)
    k = math.floor((day_number - _JD_EPOCH) / _SYNODIC)
    month_start = _new_moon_day(k + 1)
    while month_start > day_number:  # the estimate of k can run one month ahead (2054-05-07)
        k -= 1
        month_start = _new_moon_day(k + 1)
    a11 = _month_11(d.year)
    b11 = a11
    if a11 >= month_start:
        lunar_year = d.year
        a11 = _month_11(d.year - 1)
    else:
        lunar_year = d.year + 1
        b11 = _month_11(d.year + 1)
    lunar_day = day_number - month_start + 1
    diff = math.floor((month_start - a11) / 29)
    leap = False
    lunar_month = diff + 11
    if b11 - a11 > 365:
        leap_diff = _leap_offset(a11)
        if diff >= leap_diff:
            lunar_month = diff + 10
            leap = diff == leap_diff
    if lunar_month > 12:
        lunar_month -= 12
    if lunar_month >= 11 and diff < 4:
        lunar_year -= 1
    return LunarDate(lunar_year, lunar_month, lunar_day, leap)


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> date | None:
    """The solar date of a lunar date, or ``None`` when it does not exist (a leap month that year
    lacks, or day 30 of a 29-day month)."""
    if not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    if month < 11:
        a11, b11 = _month_11(year - 1), _month_11(year)
    else:
        a11, b11 = _month_11(year), _month_11(year + 1)
    k = math.floor(0.5 + (a11 - _JD_EPOCH) / _SYNODIC)
    off = month - 11
    if off < 0:
        off += 12
    if b11 - a11 > 365:
        leap_off = _leap_offset(a11)
        leap_month = leap_off - 2
        if leap_month < 0:
            leap_month += 12
        if leap and month != leap_month:
            return None
        if leap or off >= leap_off:
            off += 1
    elif leap:
        return None
    month_start = _new_moon_day(k + off)
    result = _date(month_start + day - 1)
    return result if solar_to_lunar(result) == LunarDate(year, month, day, leap) else None


def tet(year: int) -> date:
    """The solar date of Tết Nguyên đán (lunar 1/1) of *year*."""
    result = lunar_to_solar(year, 1, 1)
    assert result is not None
    return result
