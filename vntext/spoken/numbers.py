"""Numbers as Vietnamese words: cardinals, decimals, digits, ordinals, years and Roman numerals.

The rules a reader follows: ``mốt`` for 1 after a tens digit of two or more (``hai mươi mốt``, but
``mười một``), ``lăm`` for 5 after any tens digit (``mười lăm``, ``hai mươi lăm``), ``tư`` for 4 after a
tens digit of two or more (optional), ``linh``/``lẻ`` for an empty tens digit (``hai trăm linh năm``),
``mươi`` after two to nine, ``không trăm`` inside a number (``một nghìn không trăm năm mươi``), and the
scale words ``nghìn``/``ngàn``, ``triệu``, ``tỷ`` (``nghìn tỷ``, ``triệu tỷ`` above).

>>> number_to_words(2345678)
'hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám'
>>> number_to_words(1005), number_to_words(205, linh="lẻ"), number_to_words(24, tu=False)
('một nghìn không trăm linh năm', 'hai trăm lẻ năm', 'hai mươi bốn')
>>> number_to_words("3,5"), number_to_words("-12"), number_to_words(15_000_000_000)
('ba phẩy năm', 'âm mười hai', 'mười lăm tỷ')
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_SCALES = ("", "nghìn", "triệu")  # groups of three digits under a billion; tỷ repeats above


def _tens_units(n: int, tu: bool) -> str:
    """0 < n < 100."""
    tens, units = divmod(n, 10)
    if tens == 0:
        return DIGITS[units]
    head = "mười" if tens == 1 else DIGITS[tens] + " mươi"
    if units == 0:
        return head
    if units == 1 and tens >= 2:
        tail = "mốt"
    elif units == 5:
        tail = "lăm"
    elif units == 4 and tens >= 2 and tu:
        tail = "tư"
    else:
        tail = DIGITS[units]
    return f"{head} {tail}"


def _three(n: int, inner: bool, linh: str, tu: bool) -> str:
    """0 < n < 1000; *inner* when digits come before it (``không trăm``, ``linh`` are then spoken)."""
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds or inner:
        words.append(DIGITS[hundreds] + " trăm")
    if rest:
        if rest < 10 and (hundreds or inner):
            words.append(f"{linh} {DIGITS[rest]}")
        else:
            words.append(_tens_units(rest, tu))
    return " ".join(words)


def _below_billion(n: int, inner: bool, thousand: str, linh: str, tu: bool) -> str:
    groups = []
    scale = 0
    while n:
        n, group = divmod(n, 1000)
        groups.append((scale, group))
        scale += 1
    words = []
    for k, (scale, group) in enumerate(reversed(groups)):
        if group == 0:
            continue
        name = thousand if scale == 1 else _SCALES[scale]
        words.append(_three(group, inner or k > 0, linh, tu) + (f" {name}" if name else ""))
    return " ".join(words)


def cardinal(n: int, *, thousand: str = "nghìn", linh: str = "linh", tu: bool = True) -> str:
    """A whole number of any size as words (``tỷ`` repeats: ``nghìn tỷ``, ``triệu tỷ``)."""
    if n < 0:
        return "âm " + cardinal(-n, thousand=thousand, linh=linh, tu=tu)
    if n == 0:
        return DIGITS[0]
    billions, rest = divmod(n, 1_000_000_000)
    parts = []
    if billions:
        parts.append(cardinal(billions, thousand=thousand, linh=linh, tu=tu) + " tỷ")
    if rest:
        parts.append(_below_billion(rest, bool(billions), thousand, linh, tu))
    return " ".join(parts)


def digits(s: str) -> str:
    """Each digit of *s* on its own, other characters dropped: phone numbers, codes.

    >>> digits("0912 345")
    'không chín một hai ba bốn năm'
    """
    return " ".join(DIGITS[int(c)] for c in s if c.isdigit())


def fraction_digits(s: str, **options: str | bool) -> str:
    """The digits after a decimal comma: leading zeros one by one, then the rest as a number when it
    is short (``09`` → ``không chín``, ``25`` → ``hai mươi lăm``), digit by digit when long."""
    zeros = len(s) - len(s.lstrip("0"))
    rest = s[zeros:]
    words = [DIGITS[0]] * zeros
    if rest:
        words.append(cardinal(int(rest), **options) if len(rest) <= 3 else digits(rest))  # type: ignore[arg-type]
    return " ".join(words)


_NUMBER = re.compile(r"([-−–]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")


def number_to_words(
    number: int | str | Decimal, *, thousand: str = "nghìn", linh: str = "linh", tu: bool = True
) -> str:
    """A number as Vietnamese words.

    Args:
        number: an ``int``, a ``Decimal``, or a number as Vietnamese writes it: thousands dots and a
            decimal comma (``"1.234.567"``, ``"3,5"``, ``"-12"``).
        thousand: ``"nghìn"`` (default) or ``"ngàn"``.
        linh: ``"linh"`` (default) or ``"lẻ"`` for an empty tens digit.
        tu: read 4 after a tens digit of two or more as ``tư`` (default) or ``bốn``.

    Returns:
        The words, in lower case.

    Raises:
        TypeError: *number* is not an ``int``, ``str`` or ``Decimal`` (``bool`` included).
        ValueError: a string that is not a number, or an option that is not one of its choices.

    Example:
        ```python
        >>> number_to_words("1.234.567")
        'một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy'

        ```
    """
    if thousand not in ("nghìn", "ngàn"):
        raise ValueError(f"unknown thousand word {thousand!r}; expected one of: nghìn, ngàn")
    if linh not in ("linh", "lẻ"):
        raise ValueError(f"unknown linh word {linh!r}; expected one of: linh, lẻ")
    options: dict[str, str | bool] = {"thousand": thousand, "linh": linh, "tu": tu}
    if isinstance(number, bool) or not isinstance(number, (int, str, Decimal)):
        raise TypeError(f"number must be an int, a str or a Decimal, not {type(number).__name__}")
    if isinstance(number, int):
        return cardinal(number, **options)  # type: ignore[arg-type]
    if isinstance(number, Decimal):
        if not number.is_finite():
            raise ValueError(f"not a finite number: {number}")
        whole, _, frac = f"{abs(number):f}".partition(".")
        words = cardinal(int(whole), **options)  # type: ignore[arg-type]
        if frac.rstrip("0"):
            words += " phẩy " + fraction_digits(frac.rstrip("0"), **options)
        return ("âm " if number < 0 else "") + words
    m = _NUMBER.fullmatch(number.strip())
    if m is None:
        raise ValueError(f"not a number as Vietnamese writes it: {number!r}")
    return read_number(m.group(1), m.group(2), m.group(3), **options)


def read_number(sign: str, whole: str, frac: str | None, **options: str | bool) -> str:
    """The words of a number already split into its sign, whole part (thousands dots allowed) and
    decimal part."""
    words = cardinal(int(whole.replace(".", "")), **options)  # type: ignore[arg-type]
    if frac:
        words += " phẩy " + fraction_digits(frac, **options)
    return ("âm " if sign else "") + words


def year(n: int, *, short: bool = False, **options: str | bool) -> str:
    """A year: ``hai nghìn không trăm hai mươi tư``, or with *short* ``hai nghìn hai mươi tư``."""
    if short and 2000 <= n < 2100 and n % 100:
        return cardinal(2000, **options) + " " + _tens_units(n % 100, bool(options.get("tu", True)))  # type: ignore[arg-type]
    return cardinal(n, **options)  # type: ignore[arg-type]


def ordinal(n: int, **options: str | bool) -> str:
    """What follows ``thứ``: ``nhất``, ``hai``, ``ba``, ``tư``, then the cardinal."""
    if n == 1:
        return "nhất"
    if n == 4:
        return "tư"
    return cardinal(n, **options)  # type: ignore[arg-type]


_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def roman_value(s: str) -> int | None:
    """The value of a Roman numeral written in capitals (``XIV`` → 14), or ``None``."""
    if not s or not _ROMAN.fullmatch(s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        value = _ROMAN_VALUES[a]
        total += -value if b != " " and _ROMAN_VALUES[b] > value else value
    return total


def parse_decimal(text: str) -> Decimal | None:
    """*text* (thousands dots, decimal comma) as a ``Decimal``, or ``None``."""
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


__all__ = ["DIGITS", "cardinal", "digits", "number_to_words", "ordinal", "read_number", "roman_value", "year"]
