"""The vocabulary of the date grammar (``data/date_words.tsv``) and the small patterns rules are made of."""

from __future__ import annotations

import re
from functools import lru_cache

from ..data import read_tsv


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for r in read_tsv("date_words.tsv"):
        out.setdefault(r["kind"], {})[r["word"]] = r["value"]
    return out


def _alt(words: list[str] | dict[str, str], capitals: bool = False) -> str:
    forms = set(words)
    if capitals:  # a sentence may start with it: "Chiều 5-8", "Sáng nay"
        forms |= {w[:1].upper() + w[1:] for w in words}
    return "(?:" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True)) + ")"


_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y = r"(?:1[89]\d\d|20\d\d|21\d\d)"
_SEP = r"[/.-]"
_B = r"(?<![\w.,/+-])"  # no digit, letter or number punctuation before
_E = r"(?![\w]|[/.,:-]\d)"  # nor after
# A unit after "3-4" makes it a count, not a date: "3-4 ngày", "2-3 người".
# The unit is a whole word: "Ngày 20-7 tỉnh …", "ngày 3-5 số ca …", "ngày 8-4 sốt cao" are dates;
# "từ 9-10 h" is a range of hours.
_DURATION = re.compile(
    r"\s*(?:(?:ngày|tháng|năm|giờ|tuần|phút|giây|người|lần|tuổi|km|kg|m|tấn|triệu|tỷ|tỉ|nghìn|ngàn|"
    r"đồng|USD|điểm|bàn|trận|ca|học sinh|sinh viên|xã|lớp|số|h)(?!\w)|%)"
)
_ROMAN_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_PARTS = {  # (first day, last day) of the part of a month; None = end of month
    "đầu": (1, 10), "thượng tuần": (1, 10), "giữa": (11, 20), "trung tuần": (11, 20),
    "cuối": (21, None), "hạ tuần": (21, None),
}
_YEAR_PARTS = {"đầu": (1, 3), "giữa": (5, 8), "cuối": (10, 12)}


@lru_cache(maxsize=1)
def _vocab() -> dict[str, str]:
    w = _words()
    month_names = _alt(w["month"])
    return {
        "POD": "(?P<pod>" + _alt(w["part_of_day"], capitals=True) + ")",
        "PODWORD": _alt(w["part_of_day"], capitals=True),
        "MONTHNAME": month_names,
        "REL": _alt(w["relative"]),
        "RELDAY": _alt([k for k in w["relative_day"] if " " in k], capitals=True),
        "RELDAYSHORT": _alt([k for k in w["relative_day"] if " " not in k]),
        # Written out, with a digit, or shortened as in timetables and forums: "T7", "th 2", "CN".
        "WEEKDAY": r"(?:[Tt]hứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy|[2-7](?!\d))|[Cc]h[ủú]a?\s+[Nn]hật"
                   r"|(?<![\w/.-])(?:T|[Tt]h\s?)[2-7](?![\w/.:-]|,\d)|(?<![\w/.-])(?:CN|cn)(?![\w/.:-]|,\d))",
        "NUMW": _alt([k for k in w["number"]]),
        "SEASON": _alt(w["season"]),
    }


def _time_pattern(name: str) -> str:
    return (
        rf"(?P<{name}h>[01]?\d|2[0-3])(?:(?::|h|g|\s*giờ\s*)(?P<{name}m>[0-5]\d)(?:\s*phút)?|h|g|\s*giờ)"
        rf"(?:\s+(?P<{name}pod>sáng|trưa|chiều|tối|đêm))?"
    )



_SHORT_WEEKDAY = re.compile(r"(?:T|[Tt]h\s?)[2-7]|CN|cn")


def _short_weekday(word: str) -> bool:
    """True for a timetable abbreviation of a weekday: ``T7``, ``th 2``, ``CN``."""
    return _SHORT_WEEKDAY.fullmatch(word) is not None


def _weekday(word: str) -> int | None:
    w = " ".join(word.split())
    if w.lower() in ("chủ nhật", "chúa nhật", "cn"):
        return 6
    name = w.split()[-1]
    if name[-1:].isdigit():
        return int(name[-1]) - 2  # thứ 2 (T2, th 2) is Monday
    value = _words()["weekday"].get(name.capitalize())
    return int(value) if value is not None else None



def _month_number(word: str) -> int | None:
    word = " ".join(word.split())
    if word.isdigit():
        n = int(word)
        return n if 1 <= n <= 12 else None
    months = _words()["month"]
    value = months.get(word) or months.get(word.lower()) or _ENGLISH_MONTHS.get(word[:3].lower())
    return int(value) if value else None


# English month names as Vietnamese sites print them in datelines: "Jun 30, 2024", "December 29, 2013".
_ENGLISH_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
ENGLISH_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
                 r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)")



def _relative(word: str) -> int:
    """The offset of a relative word: trước -1, này 0, tới 1, tiếp theo 1."""
    words = _words()["relative"]
    word = " ".join(word.lower().split())
    return int(words.get(word) or words[word.split()[-1]])



def _roman(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN.get(a, 0)
        total += -v if _ROMAN.get(b, 0) > v else v
    return total



def _written_number(words: str) -> int | None:
    """``hai nghìn không trăm hai mươi tư`` → 2024; ``mười một`` → 11."""
    nums = _words()["number"]
    total = current = 0
    digit: int | None = None  # a digit word waiting for its multiplier
    for w in words.lower().split():
        if w not in nums:
            return None
        v = int(nums[w])
        if w == "mươi":
            current += (digit if digit is not None else 1) * 10
        elif v == 10:
            current += 10
        elif v == 100:
            current += (digit if digit is not None else 1) * 100
        elif v == 1000:
            total += ((current + (digit or 0)) or 1) * 1000
            current = 0
        elif w in ("linh", "lẻ"):
            pass
        else:
            if digit is not None and current == 0 and total == 0:
                return None  # two bare digits in a row: not a number
            digit = v
            continue
        digit = None
    return total + current + (digit or 0)


