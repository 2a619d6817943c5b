"""Named days and lunar years: ``Quốc khánh 2/9``, ``Giáng sinh``, ``Tết Trung thu``, ``giao thừa``,
``năm Giáp Thìn``, ``Tết Ất Tỵ`` (names in ``data/holidays.tsv``; stems and branches in ``data/date_words.tsv``).

A named day without a year is the occurrence nearest the reference, like a partial date. A can-chi year
name (``Giáp Thìn``) recurs every 60 years: the latest one at most two years after the reference,
unless a year is written beside it (``Tết Mậu Thân 1968``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ..data import read_tsv
from ..lunar import lunar_to_solar, tet
from .values import DateValue, _Context, _nearest_year
from .words import _words


@lru_cache(maxsize=1)
def _holidays() -> dict[str, tuple[str, int, int, str | None]]:
    """Lower-cased name → (calendar, month, day, part of day)."""
    return {
        " ".join(row["name"].lower().split()): (row["calendar"], int(row["month"]), int(row["day"]),
                                                 row["part_of_day"] or None)
        for row in read_tsv("holidays.tsv")
    }


def holiday_pattern() -> str:
    """The names, longest first: in any case where the data allows it (``giáng sinh``, ``Giỗ tổ Hùng
    Vương``), else as written, with a capital first letter or in title case (``Trung thu``, not ``trung
    thu``, which is also "tập trung thu hút")."""
    any_case: set[str] = set()
    as_written: set[str] = set()
    for row in read_tsv("holidays.tsv"):
        name = " ".join(row["name"].split())
        if row["small"] == "yes":
            any_case.add(name.lower())
        else:
            as_written |= {name, name[:1].upper() + name[1:], " ".join(w[:1].upper() + w[1:] for w in name.split())}

    def alternation(names: set[str]) -> str:
        return "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in sorted(names, key=len, reverse=True))

    return f"(?:(?i:{alternation(any_case)})|{alternation(as_written)})"


# Words too common to tell a line holds a holiday name.
_COMMON = frozenset({"ngày", "lễ", "tết", "đêm", "quốc", "tế", "việt", "nam", "rằm", "tháng", "giêng", "ông"})


class LowercaseSearch:
    """A pattern searched in the lower-cased line (what a trigger needs is ``search``)."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text.lower())


def holiday_triggers() -> tuple[LowercaseSearch, ...]:
    """What a line must hold for the holiday rule to run on it: of each name, its first two words past the
    common ones (``giáng sinh``, ``vu lan``), found in the lower-cased line. One pattern per name, each
    led by a literal the engine finds as fast as a substring, rather than an alternation tried at every
    letter; far cheaper than the rule itself, which tries every name at every position."""
    keys = set()
    for name in _holidays():
        words = name.split()
        rare = next((i for i, w in enumerate(words) if w not in _COMMON), 0)
        keys.add(r"\s+".join(re.escape(w) for w in words[rare : rare + 2]))
    return tuple(LowercaseSearch(re.compile(key)) for key in sorted(keys))


def canchi_pattern() -> str:
    """A stem then a branch: ``Giáp Thìn``, ``Ất Tỵ`` (capitalised, as the names of years are written)."""
    w = _words()
    stems = "|".join(sorted(w["stem"], key=len, reverse=True))
    branches = "|".join(sorted(w["branch"], key=len, reverse=True))
    return rf"(?:{stems})\s+(?:{branches})(?!\w)"


_CANCHI_AHEAD = 2


def canchi_year(name: str, near: int, written: int | None = None) -> int | None:
    """The year called *name* (``"Giáp Thìn"``) that *near* most likely means: the latest one at most two
    years ahead (in 2024, ``Ất Tỵ`` is 2025, but ``Mậu Thân`` is 1968, not 2028: a name read years
    ahead is rarely meant); with *written*, that year if it has the name, else ``None``."""
    stem_word, branch_word = name.split()
    w = _words()
    stem, branch = int(w["stem"][stem_word]), int(w["branch"][branch_word])
    # The cycle position k (0 = Giáp Tý) has stem k % 10 and branch k % 12; solve for k in 0..59.
    k = next((k for k in range(60) if k % 10 == stem and k % 12 == branch), None)
    if k is None:
        return None  # a stem and a branch of different parity name no year
    if written is not None:
        return written if (written - 4) % 60 == k else None
    latest = near + _CANCHI_AHEAD
    return latest - (latest - 4 - k) % 60  # the latest year <= near + 2 with that name


def lunar_year_span(year: int) -> tuple[date, date] | None:
    """The solar days of lunar year *year*: from its Tết to the day before the next one."""
    try:
        return tet(year), tet(year + 1) - timedelta(days=1)
    except (ValueError, OverflowError):
        return None


def lunar_day(year: int, month: int, day: int) -> date | None:
    """Day *day* of lunar month *month* of *year*; day 0 of month 12 (and a 30th the month lacks, as in
    ``30 Tết`` of a year whose last month has 29 days) is the last day of that lunar year."""
    if month == 12 and day in (0, 30):
        span = lunar_year_span(year)
        return span[1] if span else None
    return lunar_to_solar(year, month, day)


def nearest_lunar(month: int, day: int, ref: date, year: int | None = None) -> date | None:
    """The solar day of lunar *month*/*day* in *year*, or in the lunar year that puts it nearest *ref*."""
    years = [year] if year is not None else [ref.year - 1, ref.year, ref.year + 1]
    best: date | None = None
    for y in years:
        try:
            d = lunar_day(y, month, day)
        except (ValueError, OverflowError):
            d = None
        if d is not None and (best is None or abs((d - ref).days) < abs((best - ref).days)):
            best = d
    return best


def holiday(m: re.Match[str], ctx: _Context) -> DateValue | None:
    """A named day, with the year written beside it (a number, ``năm nay``, a can-chi name) or nearest
    the reference. ``Quốc khánh 2/9`` keeps its written date; a written date that is not the holiday's
    (``Quốc khánh 3/9``) is taken as written, with a warning."""
    from .resolve import _relative_year

    g = m.groupdict()
    name = " ".join(g["hol"].lower().split())
    found = _holidays().get(name)
    if found is None or (name == "tết" and not (g.get("hy") or g.get("hrel") or g.get("hcc"))):
        return None  # "ăn Tết", "Tết của gia đình": the festival in general; "Tết Giáp Thìn" is a day
    cal, month, day, pod = found
    year = int(g["hy"]) if g.get("hy") else _relative_year(g.get("hrel"), ctx)
    if g.get("hcc"):
        year = canchi_year(" ".join(g["hcc"].split()), ctx.reference.year, year)
        if year is None:
            return None
    warnings: tuple[str, ...] = ()
    if cal == "lunar":
        d = nearest_lunar(month, day, ctx.reference, year)
        return DateValue(d, d, "day", pod, calendar="lunar") if d else None
    if g.get("hd"):
        written = (int(g["hm"]), int(g["hd"]))
        if written != (month, day):
            warnings = (f"'{g['hol']}' is on {day}/{month}, not {written[1]}/{written[0]}",)
        month, day = written
    try:
        d = date(year if year is not None else _nearest_year(month, day, ctx.reference), month, day)
    except ValueError:
        return None
    return DateValue(d, d, "day", pod, warnings=warnings)


def canchi(m: re.Match[str], ctx: _Context) -> DateValue | None:
    """``năm Giáp Thìn``: the lunar year of that name, as the solar days it spans."""
    written = int(m.group("cy")) if m.group("cy") else None
    year = canchi_year(" ".join(m.group("cc").split()), ctx.reference.year, written)
    span = lunar_year_span(year) if year is not None else None
    if span is None:
        return None
    return DateValue(span[0], span[1], "year", calendar="lunar")
