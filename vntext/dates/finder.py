"""Finding: rules run line by line near their triggers, overlapping candidates resolved, ranges and
times joined; and the public :class:`DateParser`."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from .._ud import ud
from ..edits import OffsetMap, apply_steps
from ..errors import UnknownOptionError, check_text
from ..forms import nfc_edits
from ..protect import unprotected
from .clock import join_times
from .grammar import _admissible, _Rule, _rules
from .resolve import list_items
from .scan import Run, runs
from .values import DateMatch, DateValue, _add_months, _Context, _date_of


def _candidates(text: str, runs: list[Run], ctx: _Context) -> Iterator[tuple[int, int, int, re.Match[str], _Rule]]:
    """Every match of each rule on the stretch it runs on (*runs*: part of one line)."""
    rules = _rules()
    for priority, (x, y) in runs:
        rule = rules[priority]
        for m in rule.pattern.finditer(text, x, y):
            start, end = m.span()
            if end <= start:
                continue
            if not _admissible(text, start, m, rule, ctx.strict):
                continue
            yield start, end, priority, m, rule


def _value(rule: _Rule, m: re.Match[str], ctx: _Context) -> DateValue | None:
    """The rule's value, or ``None`` where it falls outside the calendar Python can hold (a reference
    near year 1 or 9999: "năm sau" of 9999 has no date)."""
    try:
        return rule.handler(m, ctx)
    except (OverflowError, ValueError):
        return None


def _find(text: str, reference: date, strict: bool, now: datetime | None = None) -> Iterator[DateMatch]:
    """The date matches of *text*, in order, one stretch at a time (memory bounded by the stretch)."""
    ctx = _Context(reference, strict=strict, now=now)

    def chosen() -> Iterator[DateMatch]:
        for line in runs(text):
            yield from _choose(text, _candidates(text, line, ctx), ctx)

    return _join_ranges(text, join_times(text, chosen(), ctx), ctx)


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
        if rule.name == "day list":  # "các ngày 17, 18, 19/4": each day on its own, the cue with the first
            items = list_items(m, ctx)
            out.extend(DateMatch(text[a:b], a, b, v) for a, b, v in items)
            out[-len(items)] = _widened(text, out[-len(items)], start)
            continue
        # Trim spaces and a stray closing parenthesis the pattern may have taken.
        s, e = start, end
        while e > s and text[e - 1] in " ,)":
            if text[e - 1] == ")" and "(" in text[s:e]:
                break
            e -= 1
        out.append(DateMatch(text[s:e], s, e, value))
    return out


def _widened(text: str, m: DateMatch, start: int) -> DateMatch:
    """*m* with its span reaching back to *start* (the words that cue it)."""
    return DateMatch(text[start : m.end], start, m.end, m.value)


_RANGE_JOIN = re.compile(r"\s*(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?$")
# "Từ nay đến cuối năm", "từ đầu năm đến nay", "từ năm 2011 đến nay": one end is the reference
_FROM_NOW = re.compile(r"(?<!\w)[Tt]ừ\s+(?:nay|bây\s+giờ|hôm\s+nay)\s+(?:đến|tới|cho\s+đến)\s+(?:hết\s+)?$")
_UNTIL_NOW = re.compile(r"\s+(?:đến|tới|cho\s+đến)\s+(?:nay|hiện\s+nay|bây\s+giờ|hôm\s+nay)(?!\w)")
_FROM_BEFORE = re.compile(r"(?<!\w)[Tt]ừ\s+$")
_GRAINS = ("second", "minute", "hour", "day", "week", "month", "season", "quarter", "half_year", "year", "decade",
           "century")


def _finer(a: str, b: str) -> str:
    return min(a, b, key=lambda g: _GRAINS.index(g) if g in _GRAINS else 99)


def _to_now(text: str, m: DateMatch, ctx: _Context) -> DateMatch:
    """``từ nay đến cuối năm`` and ``từ năm 2011 đến nay``: a range with the reference at one end."""
    ref = ctx.now if ctx.now is not None and isinstance(m.value.start, datetime) else ctx.reference
    before = _FROM_NOW.search(text, max(0, m.start - 30), m.start)
    if before is not None and before.end() == m.start and _date_of(ref) <= _date_of(m.value.end):
        value = DateValue(ref, m.value.end, _finer(m.value.grain, "day"), m.value.part_of_day, m.value.calendar)
        return DateMatch(text[before.start() : m.end], before.start(), m.end, value)
    after = _UNTIL_NOW.match(text, m.end)
    since = _FROM_BEFORE.search(text, max(0, m.start - 6), m.start) if after is not None else None
    if after is not None and since is not None and _date_of(m.value.start) <= _date_of(ref):
        value = DateValue(m.value.start, ref, _finer(m.value.grain, "day"), m.value.part_of_day, m.value.calendar)
        return DateMatch(text[since.start() : after.end()], since.start(), after.end(), value)
    return m


def _a_year_later(m: DateMatch, start: DateMatch) -> DateMatch:
    """The end *m* of a range one year on, when neither end writes its year and each was put in the
    year nearest the reference, which put the end before the start; otherwise *m*."""
    if _YEAR.search(m.text) or _YEAR.search(start.text) or m.value.grain not in ("day", "month"):
        return m
    later = _add_months(_date_of(m.value.start), 12), _add_months(_date_of(m.value.end), 12)
    if isinstance(m.value.start, datetime) or later[1] < _date_of(start.value.start):
        return m
    return DateMatch(m.text, m.start, m.end, replace(m.value, start=later[0], end=later[1]))


def _join_ranges(text: str, matches: Iterator[DateMatch], ctx: _Context) -> Iterator[DateMatch]:
    """``từ ngày 20/3 đến hết tháng 4``: two dates joined by đến/tới become one range."""
    prev: DateMatch | None = None
    for m in (_to_now(text, m, ctx) for m in matches):
        joined = prev is not None and _RANGE_JOIN.match(text[prev.end : m.start]) is not None
        if prev is not None and joined and _date_of(m.value.end) < _date_of(prev.value.start):
            m = _a_year_later(m, prev)  # "từ ngày 01/01 đến hết ngày 31/12": the end's year is the start's
        if prev is not None and joined and _date_of(prev.value.start) <= _date_of(m.value.end):
            grain = _finer(prev.value.grain, m.value.grain)
            value = DateValue(prev.value.start, m.value.end, grain, prev.value.part_of_day, prev.value.calendar)
            prev = DateMatch(text[prev.start : m.end], prev.start, m.end, value)
            continue
        if prev is not None:
            yield prev
        prev = m
    if prev is not None:
        yield prev


#: ``reference=DATELINE`` resolves a text's partial and relative dates against its own dateline.
DATELINE = "dateline"
Reference = date | datetime | str | None  # a day, a moment, DATELINE, or None for today

_DATELINE_HEAD = 400  # characters at the top of a text where its dateline is looked for
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")


def find_dateline(text: str) -> DateMatch | None:
    """The text's own dateline: the first date written with its year (a day, or a time on a day)
    near the top of *text* ("Thứ Năm, 06-08-2020, 01:34", "Hà Nội, ngày 5 tháng 6 năm 2024"), or
    ``None``.

    >>> find_dateline("Thứ Năm, 06-08-2020, 01:34\\nSáng qua, đoàn đến Huế.").value.to_dict()["start"]
    '2020-08-06T01:34'
    """
    check_text(text)
    head = _composed(text[:_DATELINE_HEAD])[0]
    for m in _find(head, date.today(), strict=True, now=None):
        if m.value.grain in ("day", "hour", "minute") and m.value.start == m.value.end and _YEAR.search(m.text):
            return m
    return None


def dateline_of(text: str) -> date | datetime | None:
    """The day (or moment) of *text*'s dateline (:func:`find_dateline`), or ``None``."""
    found = find_dateline(text)
    return None if found is None else found.value.start


def _resolved(reference: Reference, text: str) -> date | datetime | None:
    """*reference* as a day or moment: the dateline of *text* for :data:`DATELINE` (today when the
    text has none)."""
    if reference is None or isinstance(reference, date):  # a datetime is a date too
        return reference
    if reference == DATELINE:
        return dateline_of(text)
    if isinstance(reference, str):
        raise UnknownOptionError("reference", reference, ("a date", "a datetime", DATELINE, "None"))
    raise TypeError(f"reference must be a date, a datetime, {DATELINE!r} or None, not {type(reference).__name__}")


def _reference(reference: date | datetime | None) -> date:
    if reference is None:
        return date.today()
    return reference.date() if isinstance(reference, datetime) else reference


def _now(reference: date | datetime | None) -> datetime | None:
    """The time of day offsets in hours and minutes count from: the reference's, or now."""
    if reference is None:
        return datetime.now()
    return reference if isinstance(reference, datetime) else None


def _composed(text: str) -> tuple[str, OffsetMap | None]:
    """*text* in NFC (the grammar is written in composed letters), with the map back to *text* when
    that changed anything."""
    if text.isascii() or ud.normalize("NFC", text) == text:  # C speed; NFC text comes back as it is
        return text, None
    composed, offsets = apply_steps(text, [nfc_edits(text)])
    return composed, offsets


def _mapped(text: str, m: DateMatch, offsets: OffsetMap) -> DateMatch:
    start, end = offsets.to_original(m.start), offsets.to_original_end(m.end)
    while start < end and text[start].isspace():  # an edit of the NFC step may begin at the space before
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return DateMatch(text[start:end], start, end, m.value)


# Spaces and punctuation around a date phrase, which parse_date reads past without a warning.
_FILLER = " \t\r\n.,;:!?()[]\"'“”‘’–—-"


class DateParser:
    """Finds and parses dates; *reference* (default: today) resolves partial and relative dates, and
    :data:`DATELINE` resolves them against each text's own dateline (:func:`find_dateline`).

    Instances are immutable, thread-safe and picklable.

    Args:
        reference: the date partial and relative dates are read against: a ``date`` or ``datetime``,
            ``None`` for today (taken when each text is read), or ``"dateline"`` for each text's own
            dateline, falling back to today. A reference given to a method call wins over this one.

    Raises:
        ValueError: *reference* is a string other than ``"dateline"`` (when a text is read).
        TypeError: *reference* is not a date, a datetime, a string or ``None``.

    >>> DateParser(reference=date(2025, 12, 28)).parse_date("5/1").to_dict()["start"]
    '2026-01-05'
    >>> text = "Thứ Năm, 06-08-2020, 01:34\\nChiều qua, UBND tỉnh họp."
    >>> [m.value.to_dict()["start"] for m in DateParser(reference="dateline").find_dates(text)]
    ['2020-08-06T01:34', '2020-08-05']
    """

    def __init__(self, reference: Reference = None) -> None:
        self.reference = reference

    def __reduce__(self) -> tuple[Any, ...]:
        return (DateParser, (self.reference,))

    def find_dates(self, text: str, reference: Reference = None) -> list[DateMatch]:
        """Every date expression in *text*, in order, with spans into *text* (none inside a URL, e-mail
        or path)."""
        check_text(text)
        composed, offsets = _composed(text)
        ref = _resolved(reference or self.reference, composed)
        found = _find(composed, _reference(ref), strict=True, now=_now(ref))
        if offsets is not None:  # decomposed input: read in NFC, spans given back in the text as written
            found = (_mapped(text, m, offsets) for m in found)
        return unprotected(text, list(found))

    def parse_date(self, text: str, reference: Reference = None) -> DateValue | None:
        """The value of the date expression *text* (its longest one), or ``None``. When words around
        it were not read, ``warnings`` says which."""
        check_text(text)
        composed = _composed(text)[0]
        ref = _resolved(reference or self.reference, composed)
        matches = _find(composed, _reference(ref), strict=False, now=_now(ref))
        longest = max(matches, key=lambda m: m.end - m.start, default=None)  # streamed: one kept at a time
        if longest is None:
            return None
        left, right = composed[: longest.start].strip(_FILLER), composed[longest.end :].strip(_FILLER)
        if not (left or right):
            return longest.value
        unread = " … ".join(part for part in (left, right) if part)
        warning = f"only '{longest.text}' was read as a date; '{unread}' was not"
        return replace(longest.value, warnings=(*longest.value.warnings, warning))


_DEFAULT = DateParser()


def find_dates(text: str, reference: Reference = None) -> list[DateMatch]:
    """Every date expression in *text* (see :class:`DateParser`); ``reference="dateline"`` resolves
    relative dates against the text's own dateline.

    Args:
        text: any text.
        reference: the day (or moment) partial and relative dates are resolved against; ``None``:
            today; ``"dateline"``: the text's own dateline (:func:`find_dateline`).

    Returns:
        The matches in text order, each with its span into *text* and its value (none inside a URL,
        e-mail or path); scores, fractions, counts and document numbers are not dates.

    Raises:
        TypeError: *text* is not a ``str``, or *reference* is not a date, a datetime, a string or ``None``.
        ValueError: *reference* is a string other than ``"dateline"``.

    Example:
        >>> from datetime import date
        >>> [(m.text, m.value.to_dict()["start"])
        ...  for m in find_dates("Chiều 5-8, đoàn đến Huế; thắng 2-1.", reference=date(2024, 7, 1))]
        [('Chiều 5-8', '2024-08-05')]
    """
    return _DEFAULT.find_dates(text, reference)


def parse_date(text: str, reference: Reference = None) -> DateValue | None:
    """Parse one date expression such as ``"28/6-2/7"`` or ``"mùa hè năm ngoái"``.

    Args:
        text: the expression; words around it that are not read are named in ``warnings``.
        reference: as for :func:`find_dates`.

    Returns:
        The value of the longest date expression in *text*, or ``None`` when it holds none.

    Raises:
        TypeError: *text* is not a ``str``, or *reference* is not a date, a datetime, a string or ``None``.
        ValueError: *reference* is a string other than ``"dateline"``.

    Example:
        >>> from datetime import date
        >>> parse_date("mùa hè năm ngoái", reference=date(2024, 7, 1)).to_dict()["start"]
        '2023-05-01'
    """
    return _DEFAULT.parse_date(text, reference)
