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

from datetime import date  # noqa: F401  (the examples above use it)

from .finder import DATELINE, DateParser, find_dateline, find_dates, parse_date
from .values import DateMatch, DateValue

__all__ = ["DATELINE", "DateMatch", "DateParser", "DateValue", "find_dateline", "find_dates", "parse_date"]
