"""Money, units and percentages after a number, read from ``data/units.tsv``.

>>> [speak(m) for m in measure_pattern().finditer("Giá 68.000 đồng/kg, chạy 60 km/h, tăng 10-15%")]
['sáu mươi tám nghìn đồng một ki lô gam', 'sáu mươi ki lô mét trên giờ', 'mười đến mười lăm phần trăm']
>>> [speak(m) for m in measure_pattern().finditer("vé $15, phí €80, lỗ -350.000đ")]
['mười lăm đô la', 'tám mươi ơ rô', 'âm ba trăm năm mươi nghìn đồng']
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..data import read_tsv
from .numbers import read_number

# A number as Vietnamese writes it: thousands dots, a decimal comma, maybe a sign.
NUMBER = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
# An amount: as NUMBER, but never a run of digits led by a zero (0912345678 is a phone number, not the
# start of a range "0912345678 - 5kg").
AMOUNT = r"(?:[1-9]\d{0,2}(?:\.\d{3})+|0|[1-9]\d*)(?:,\d+)?"
_SCALE = r"(?:\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w))?"
_NUMBER_PARTS = re.compile(r"([-−]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")


@lru_cache(maxsize=1)
def units() -> dict[str, tuple[str, str]]:
    """Symbol → (spoken, kind) from ``data/units.tsv``."""
    return {r["symbol"]: (r["spoken"], r["kind"]) for r in read_tsv("units.tsv")}


def _alternation(symbols: list[str]) -> str:
    return "|".join(re.escape(s) for s in sorted(symbols, key=len, reverse=True))


def symbols_before() -> list[str]:
    """The currency symbols written before the number (``$20``, ``€5``)."""
    return [s for s, (_, k) in units().items() if k == "currency" and _is_symbol(s)]


@lru_cache(maxsize=1)
def measure_pattern() -> re.Pattern[str]:
    """A number or a range of numbers with its scale word, then a currency, unit or ``%`` (and a
    per-unit after a slash); or a currency symbol before the number."""
    table = units()
    after = _alternation([s for s, (_, k) in table.items() if k in ("currency", "unit") and not _is_symbol(s)])
    spaced = _alternation([s for s, (_, k) in table.items() if k == "unit_spaced"])
    before = _alternation(symbols_before())
    per = _alternation(list(table))
    sign = r"(?:(?<![\w.,/-])[-−](?=\d))?"
    amount = rf"{sign}{AMOUNT}{_SCALE}"
    return re.compile(
        rf"(?<![\w.,])(?:(?P<sym>{before})\s?(?P<n1>{amount})"
        rf"|(?P<n2>{amount})(?:\s*[-–]\s*(?P<n3>{AMOUNT}{_SCALE}))?"
        rf"(?:\s*(?:(?P<unit>{after})|(?P<pct>%)|(?P<deg>°(?!\w)))|\s+(?P<spaced>{spaced})(?![-\w]))"
        rf"(?:/(?P<per>{per}))?)(?![\w²³-])"
    )


def _is_symbol(s: str) -> bool:
    return not any(c.isalnum() for c in s)


def _amount(text: str, **options: str | bool) -> str:
    """``2,5 tỷ`` → ``hai phẩy năm tỷ``; ``-350.000`` → ``âm ba trăm năm mươi nghìn``."""
    m = _NUMBER_PARTS.search(text)
    assert m is not None  # the pattern matched a number here
    scale = text[m.end() :].strip()
    words = read_number(m.group(1), m.group(2), m.group(3), **options)
    return f"{words} {scale.replace('tỉ', 'tỷ')}" if scale else words


def speak(m: re.Match[str], **options: str | bool) -> str:
    """The words of a :func:`measure_pattern` match."""
    table = units()
    if m.group("sym"):
        return f"{_amount(m.group('n1'), **options)} {table[m.group('sym')][0]}"
    words = _amount(m.group("n2"), **options)
    if m.group("n3"):
        words += " đến " + _amount(m.group("n3"), **options)
    if m.group("pct"):
        words += " phần trăm"
    elif m.group("deg"):
        words += " độ"
    else:
        words += " " + table[m.group("unit") or m.group("spaced")][0]
    if m.group("per"):
        joiner = "một" if m.group("unit") and table[m.group("unit")][1] == "currency" else "trên"
        words += f" {joiner} {table[m.group('per')][0]}"
    return words


def kind(m: re.Match[str]) -> str:
    if m.group("pct"):
        return "percent"
    if m.group("sym") or (m.group("unit") and units()[m.group("unit")][1] == "currency"):
        return "money"
    return "measure"


__all__ = ["AMOUNT", "NUMBER", "kind", "measure_pattern", "speak", "units"]
