"""Write tests/data/tet.tsv: Tết Nguyên đán for 1900–2100 at UTC+7, computed from a precise ephemeris
(PyPI ``ephem``), independently of vntext.lunar's approximations. Run with ephem installed:

    python scripts/generate_tet_table.py > tests/data/tet.tsv

The rule: lunar month 11 is the month holding the December solstice; a lunar year (month 11 to the
next month 11) with 13 months has a leap month, the first month with no major solar term (the sun
entering a multiple of 30° of longitude); Tết is the start of month 1.
"""

from __future__ import annotations

import datetime as dt
import math

import ephem

TZ = dt.timedelta(hours=7)


def local_day(d: ephem.Date) -> dt.date:
    return (ephem.Date(d).datetime() + TZ).date()


def new_moons(start: ephem.Date, n: int) -> list[dt.date]:
    out = []
    d = ephem.previous_new_moon(start)
    for _ in range(n):
        out.append(local_day(d))
        d = ephem.next_new_moon(ephem.Date(d) + 1)
    return out


def sun_longitude_deg(day: dt.date) -> float:
    """The sun's apparent ecliptic longitude at local midnight starting *day*."""
    when = ephem.Date(dt.datetime(day.year, day.month, day.day) - TZ)
    sun = ephem.Sun(when)
    return math.degrees(float(ephem.Ecliptic(sun, epoch=when).lon))


def month_11(year: int) -> dt.date:
    solstice = ephem.next_solstice(ephem.Date(f"{year}/12/1"))
    day = local_day(solstice)
    moons = new_moons(ephem.Date(dt.datetime(day.year, day.month, day.day) - TZ + dt.timedelta(days=1)), 1)
    return moons[0]  # the new moon on or before the solstice day (local)


def has_major_term(start: dt.date, end: dt.date) -> bool:
    a, b = sun_longitude_deg(start), sun_longitude_deg(end)
    return math.floor(a / 30) != math.floor(b / 30) or (b < a)


def tet(year: int) -> dt.date:
    a11 = month_11(year - 1)
    b11 = month_11(year)
    moons = new_moons(ephem.Date(dt.datetime(a11.year, a11.month, a11.day) - TZ + dt.timedelta(hours=12)), 16)
    moons = [m for m in moons if m >= a11]
    months = [m for m in moons if m < b11]
    if len(months) == 13:
        for i in range(1, 13):
            if not has_major_term(months[i], moons[i + 1]):
                leap = i
                break
        else:  # pragma: no cover
            raise AssertionError(year)
        return months[3] if leap <= 2 else months[2]
    return months[2]


def main() -> None:
    print("year\ttet\tsource")
    for year in range(1900, 2101):
        print(f"{year}\t{tet(year).isoformat()}\tephem {ephem.__version__} at UTC+7")


if __name__ == "__main__":
    main()
