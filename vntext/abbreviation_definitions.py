"""Definitions written in the text, which teach a document what its abbreviations mean: "Quản lý thị
trường (QLTT)", "(Doanh nghiệp Nhà nước - DNNN)", a legend "ĐXT: Điểm xét tuyển", and a list of
abbreviations at the head of a report or thesis ("BVMT Bảo vệ môi trường", a row each). The letters of
the abbreviation are matched to the initials of the long form (:func:`long_form`)."""

from __future__ import annotations

import heapq
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass

from .abbreviation_codes import LINE_START, not_vietnamese
from .forms import remove_diacritics
from .syllable import VIETNAMESE_LETTERS, parse_syllable

# "(ABBR)" right after the words it abbreviates (not a formula: "(CN)2"), or "[ABBR]" as a paper writes it
# after a figure ("khoảng tin cậy 95% [KTC]").
DEFINITION = re.compile(r"\(\s*([A-ZĐ][A-Za-zĐđ&.\- ]{0,18}[A-Za-zĐđ])\s*\)(?!\d)")
# Two patterns, not one with two branches: a pattern led by a literal bracket is scanned for at C speed.
_SQUARE_DEFINITION = re.compile(r"\[([A-ZĐ][A-Za-zĐđ&]{1,12})\](?!\d)")
# "(Doanh nghiệp Nhà nước - DNNN)": the long form and its abbreviation inside one pair of brackets.
DASH_DEFINITION = re.compile(r"\(([^()\n]{3,120}?)\s[-–]\s([A-ZĐ][A-Za-zĐđ&.\-]{0,18}[A-Za-zĐđ])\s*\)")
# "ĐXT: Điểm xét tuyển, ĐCN: Điểm cả năm" (a legend under a formula, a list of abbreviations): the
# abbreviation, a colon, and the words up to the next comma, semicolon, full stop or line end. Found
# from the colons (rare) back to the abbreviation: a pattern led by a capital is tried at every one.
_ABBR_BEFORE_COLON = re.compile(r"(?<![\w/.\-])([A-ZĐ][^\W\d_]{1,11})[ \t]?\Z")
_LONG_AFTER_COLON = re.compile(r"[ \t]*([^\W\d_][^\n,;:.()<>=+]{2,80}?)(?=[ \t]*(?:[,;.\n)]|\Z))")
# "(viết tắt là UBND)", ", gọi tắt là VFF,", "(sau đây gọi tắt là TTYTDP)", "viết tắt: BCH hoặc BCHTW",
# "(sau đây gọi là HĐTĐ)", "(gọi chung là TCTD)": the keys named after the cue are where they are
# defined, to be kept as written.
_KEY = r"[A-ZĐ][A-Za-zĐđ&.\-]{0,18}[A-ZĐ][A-Za-zĐđ&\-]{0,18}(?![\w&])"  # bounded: no long backtracking
_QUOTE = "[\"“'‘]?"
_NAMING_CUE = r"(?:(?:[Vv]iết|[Gg]ọi) tắt(?: là|:)?|(?:[Ss]au|[Dd]ưới) đây(?: được)? gọi là|[Gg]ọi chung là)"
_NAMED_SHORT = re.compile(
    rf"{_NAMING_CUE}[ \t]*{_QUOTE}({_KEY}(?:[ \t]*(?:,|hoặc|hay|và|/)[ \t]*{_QUOTE}{_KEY})*)")
_KEY_IN_LIST = re.compile(_KEY)
# What the cue follows: an opening bracket, a comma or a dash after the long form, and a few words
# such as "sau đây", "thường được", "hay".
_CUE_ANCHOR = re.compile(r"(?:\(|,|\s[-–])[^()\n,]{0,25}\Z")
_REMARK_OPENING = re.compile(r"\([^()\n]*\Z")
WORD = re.compile(r"[^\W\d_]+(?:[&-][^\W\d_]+)*")
_SKIPPABLE = frozenset({"của", "các", "về", "cho", "với", "và"})


def definitions(text: str) -> Iterator[re.Match[str]]:
    """Every "(ABBR)" and "[ABBR]" of *text* in order; ``group(1)`` is the key."""
    rounds = DEFINITION.finditer(text) if "(" in text else iter(())
    if "[" not in text:
        return rounds
    return heapq.merge(rounds, _SQUARE_DEFINITION.finditer(text), key=lambda m: m.start())


def _units(abbr: str) -> list[str]:
    """Letters of *abbr* as matching units: ``ThS`` → Th, S; ``GD&ĐT`` → G, D, &, Đ, T."""
    units: list[str] = []
    for c in abbr:
        if c == "&" or c.isupper():
            units.append(c)
        elif c.islower() and units and units[-1] != "&":
            units[-1] += c
    return units


def _base(s: str) -> str:
    return remove_diacritics(s.replace("đ", "\0").replace("Đ", "\1")).lower().replace("\0", "đ").replace("\1", "đ")


def _unit_matches(unit: str, word: str) -> bool:
    if unit == "&":
        return word.lower() in ("và", "&")
    return _base(word).startswith(_base(unit))


# "được viết là “công ty TNHH”", "ghi là "UBND"": a form quoted after "viết là" or "ghi là" is a
# mention of how something is written, in a law or a style guide, and stays as written; so do the
# other quoted forms of the list ("“doanh nghiệp tư nhân”, “DNTN” hoặc “doanh nghiệp TN”").
_QUOTED = r"(?:“[^“”\n]{1,60}”|\"[^\"\n]{1,60}\")"
# Found from "là" and its quote (the pattern starts with a literal, which the engine skips to quickly),
# then the cue before it is checked.
_QUOTES_AFTER_LA = re.compile(rf"là[ \t]*({_QUOTED}(?:[ \t]*(?:,|hoặc|hay|và)[ \t]*{_QUOTED}){{0,8}})")
_WRITE_CUE = re.compile(r"(?:[Vv]iết|[Gg]hi)(?: tắt)? \Z")


def written_as(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the quoted forms after "viết là" / "ghi là": "được viết là “công ty TNHH”".

    >>> t = "được viết là “công ty cổ phần” hoặc “công ty CP”"
    >>> [t[s:e] for s, e in written_as(t)]
    ['“công ty cổ phần” hoặc “công ty CP”']
    """
    for m in _QUOTES_AFTER_LA.finditer(text):
        if _WRITE_CUE.search(text, max(0, m.start() - 12), m.start()):
            yield m.span(1)


def named_short_forms(text: str) -> Iterator[tuple[list[tuple[tuple[int, int], str]], list[int]]]:
    """Each key list named after "viết tắt là", "gọi tắt là", "sau đây gọi là" or "gọi chung là" (the
    spans and keys), with where its long form may end: at the bracket, comma or dash the cue follows
    ("Hội đồng nhân dân, viết tắt là HĐND"), and at the bracket that opens a remark the cue ends ("Liên
    đoàn (tiếng Anh: …, viết tắt là …)").

    >>> [([k for _, k in keys], at) for keys, at in named_short_forms("Ban Chấp hành (viết tắt là BCH hoặc BCHTW)")]
    [(['BCH', 'BCHTW'], [14])]
    """
    for m in _NAMED_SHORT.finditer(text) if "tắt" in text or "gọi" in text else ():
        keys = [((m.start(1) + k.start(), m.start(1) + k.end()), k.group()) for k in _KEY_IN_LIST.finditer(m.group(1))]
        anchors = []
        cue = _CUE_ANCHOR.search(text, max(0, m.start() - 30), m.start())
        if cue is not None:
            anchors.append(cue.start())
            remark = _REMARK_OPENING.search(text, max(0, cue.start() - 120), cue.start())
            if text[cue.start()] == "," and remark is not None:
                anchors.append(remark.start())
        yield keys, anchors


def colon_definitions(text: str) -> Iterator[tuple[tuple[int, int], str, str, int]]:
    """Each "ABBR: Long form" of *text* whose long form has a word for every letter, in order (its
    span, the abbreviation, the long form, where it ends): "ĐXT: Điểm xét tuyển", not "Lưu ý: ..."."""
    colon = text.find(":")
    while colon >= 0:
        before = _ABBR_BEFORE_COLON.search(text, max(0, colon - 13), colon)
        after = _LONG_AFTER_COLON.match(text, colon + 1) if before is not None else None
        if before is not None and after is not None:
            abbr = before.group(1)
            words = [w.group() for w in WORD.finditer(after.group(1))]
            if abbr.isupper() and len(words) == len(_units(abbr)) and long_form(words, abbr) == 0:
                yield before.span(1), abbr, after.group(1).strip(), after.end()
        yield from _paired_definitions(text, colon)
        colon = text.find(":", colon + 1)


# Keys joined by dashes or slashes before a colon and their long forms after it, in the same order: a
# legend ("SG - PG: Shooting Guard - Point Guard").
_KEYS_BEFORE_COLON = re.compile(r"(?<![\w/.\-])([A-ZĐ]{2,6}(?:[ \t]*[-–/][ \t]*[A-ZĐ]{2,6}){1,3})[ \t]?\Z")
_PAIRED_SEPARATOR = re.compile(r"[ \t]*[-–/][ \t]*")
_LINE_REST = re.compile(r"[^\n]{1,160}")


def _paired_definitions(text: str, colon: int) -> Iterator[tuple[tuple[int, int], str, str, int]]:
    keys = _KEYS_BEFORE_COLON.search(text, max(0, colon - 40), colon)
    rest = _LINE_REST.match(text, colon + 1) if keys is not None else None
    if keys is None or rest is None:
        return
    abbrs = _PAIRED_SEPARATOR.split(keys.group(1))
    forms = _PAIRED_SEPARATOR.split(rest.group().strip())
    if len(forms) < len(abbrs):
        return
    found = []
    for abbr, form in zip(abbrs, forms, strict=False):
        words = [w.group() for w in WORD.finditer(form)]
        if len(words) != len(_units(abbr)) or long_form(words, abbr) != 0:
            return  # every key must be spelt out, or the colon opens something else
        found.append((abbr, form))
    at = keys.start(1)
    for abbr, form in found:
        start = text.index(abbr, at)
        at = start + len(abbr)
        yield (start, at), abbr, form, rest.end()


# A list of abbreviations ("DANH MỤC CHỮ VIẾT TẮT"), one a row, as text extracted from a document
# gives it: "BVMT\tBảo vệ môi trường", "3 BQL Ban quản lý", or rows run together on one line. An
# abbreviation in capitals, then exactly one word for each of its letters, the first a capital, then
# the end of the row: a line end, a tab, a row number or the next abbreviation.
# Capitals only, so the pattern passes over the ordinary words of the text at the engine's speed.
_CAPITALS = "A-Z" + "".join(sorted({c.upper() for c in VIETNAMESE_LETTERS} - set(string.ascii_letters)))
_CAPITAL_ABBR = f"[{_CAPITALS}][{_CAPITALS}&]{{1,9}}"
# Led by the capital itself (the engine then skips to capitals), the character before checked after it.
_LEGEND_ABBR = re.compile(rf"([{_CAPITALS}](?<![\w&.,/-].)[{_CAPITALS}&]{{1,9}})[ \t]+(?=[{_CAPITALS}])")
_LEGEND_WORDS = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+){1,11}")
_BARE_WORD = re.compile(r"[^\W\d_]+")
_ROW_END = re.compile(rf"[ \t]*(?:\n|\Z|\t|\d{{1,3}}[ \t]|{_CAPITAL_ABBR}[ \t])")
_LEGEND_ROWS = 3  # fewer are not a list: a capitalised phrase after a key happens in running text
# Such a list has a heading that says so ("DANH MỤC CHỮ VIẾT TẮT", "Bảng các từ viết tắt"): text without
# one is not scanned for rows at all.
_HEADINGS = ("VIẾT TẮT", "viết tắt", "Viết tắt", "Viết Tắt")
_ROW_GAP = 160  # characters between two rows of one list (a row the pattern cannot read, a heading)


@dataclass(frozen=True)
class Legend:
    """A list of abbreviations: its span (kept as written, rows the pattern cannot read included)
    and the rows it read, as (span of the abbreviation, abbreviation, long form, end of the row)."""

    span: tuple[int, int]
    rows: list[tuple[tuple[int, int], str, str, int]]


def _legend_rows(text: str) -> Iterator[tuple[tuple[int, int], str, str, int]]:
    for m in _LEGEND_ABBR.finditer(text):
        abbr = m.group(1)
        units = _units(abbr)
        run = _LEGEND_WORDS.match(text, m.end())
        if run is None or len(units) < 2:
            continue
        words = list(_BARE_WORD.finditer(run.group()))[: len(units)]
        if len(words) < len(units) or not words[0].group()[:1].isupper():
            continue
        end = m.end() + words[-1].end()
        if long_form([w.group() for w in words], abbr) == 0 and _ROW_END.match(text, end):
            long = text[m.end() : end]
            if len(words) > 1 and words[1].group().islower():
                long = long[:1].lower() + long[1:]  # a row's capital is the list's, not the name's
            yield m.span(1), abbr, long, end


def legends(text: str) -> list[Legend]:
    """The lists of abbreviations in a text with a heading that says *viết tắt*: rows at most
    :data:`_ROW_GAP` characters apart, at least three of them ("BVMT Bảo vệ môi trường", each letter
    a word).

    >>> text = "CHỮ VIẾT TẮT\\nBVMT Bảo vệ môi trường\\nBQL Ban quản lý\\nPTBV Phát triển bền vững"
    >>> rows = legends(text)[0].rows
    >>> [row[1:3] for row in rows]
    [('BVMT', 'bảo vệ môi trường'), ('BQL', 'ban quản lý'), ('PTBV', 'phát triển bền vững')]
    """
    found: list[Legend] = []
    if not any(heading in text for heading in _HEADINGS):
        return found
    rows: list[tuple[tuple[int, int], str, str, int]] = []
    for row in [*_legend_rows(text), None]:
        if rows and (row is None or row[0][0] - rows[-1][3] > _ROW_GAP):
            if len(rows) >= _LEGEND_ROWS:
                found.append(Legend((rows[0][0][0], rows[-1][3]), rows))
            rows = []
        if row is not None:
            rows.append(row)
    return found


def ends_like(words: list[str], abbr: str) -> bool:
    """True when the last two of *words* are the last two letters of *abbr* (of three or more): the
    brackets restate words written partly abbreviated themselves, "BH thất nghiệp (BHTN)".

    >>> ends_like("tham gia BH thất nghiệp".split(), "BHTN"), ends_like("quận Tân Bình".split(), "TPHCM")
    (True, False)
    """
    units = _units(abbr)
    if len(units) < 3 or len(words) < 2:
        return False
    return _unit_matches(units[-1], words[-1]) and _unit_matches(units[-2], words[-2])


def long_form(words: list[str], abbr: str) -> int | None:
    """Index of the first of *words* that *abbr* abbreviates (matching its letters to the initials of
    the last words, Schwartz–Hearst style), or ``None``.

    >>> words = "Chi cục Quản lý thị trường".split()
    >>> words[long_form(words, "QLTT"):]
    ['Quản', 'lý', 'thị', 'trường']
    >>> long_form("Liên minh châu Âu".split(), "EU") is None
    True
    """
    units = _units(abbr)
    if len(units) < 2:
        return None
    i = len(words) - 1
    for unit in reversed(units):
        while i >= 0 and not _unit_matches(unit, words[i]):
            if words[i].lower() not in _SKIPPABLE:
                return None
            i -= 1
        if i < 0:
            return None
        i -= 1
    start = i + 1
    return start if len(words) - start >= 2 else None


__all__ = ["DASH_DEFINITION", "DEFINITION", "WORD", "Legend", "colon_definitions", "legends", "long_form"]


def opening_after(marks: str) -> re.Pattern[str]:
    """Text that ends where something opens: at the start, after one of *marks* or a full stop and a
    closing quote or bracket, maybe followed by an opening one."""
    return re.compile(rf"(?:^|[{marks}]|\.\s*[\"”»)])\s*[\"“«(]?\s*$")


# Where a term's capital is its position's, not its own: a sentence's start, or an item of a list
# after a colon or semicolon ("viết tắt: Xuất khẩu lao động (XKLĐ); Thực tập sinh (TTS)").
_ITEM_START = opening_after(".!?\n•;:")
_TRAILING_FIGURE = re.compile(r"(?:\s+[\d.,]+(?:\s*%)?)+$")  # each space run belongs to one group: no backtracking
_CREDIT_DASH = re.compile(r"\s*[-–—]")
_LETTERS = re.compile(r"[^\W\d_]+")


def definition_before(text: str, paren: int, abbr: str) -> str | None:
    """The long form of *abbr* in the clause just before the bracket at *paren*, or ``None``: "Quản lý
    thị trường (QLTT)" → "Quản lý thị trường"; one foreign word written small ("poliovirus (PV)")."""
    clause = re.split(r"[,;:()\[\]\n.!?]", text[max(0, paren - 200) : paren])[-1]
    spans = [(w.group(), w.start()) for w in WORD.finditer(clause)]
    start = long_form([w for w, _ in spans], abbr)
    if start is None:
        return _compound(spans[-1][0], abbr) if spans else None
    definition = clause[spans[start][1] :].strip().rstrip("\"'”’»")  # "chủ nghĩa tư bản" (CNTB)
    definition = _TRAILING_FIGURE.sub("", definition)  # "khoảng tin cậy 95% [KTC]": the figure is no part
    at = paren - len(clause) + spans[start][1]
    later = [w for w, _ in spans[start + 1 :]]
    if later and all(w.islower() for w in later) and _ITEM_START.search(text, max(0, at - 12), at):
        # "Cơ cấu bệnh tật (CCBT) …" opens a sentence: its capital is the sentence's, not the term's
        definition = definition[:1].lower() + definition[1:]
    return definition


_NAMED_TAIL = 4  # words a named long form may go on after its key's last letter


def named_definition_before(text: str, anchor: int, abbr: str) -> str | None:
    """The long form of a key the text names itself ("…, gọi tắt là QBL"): as :func:`definition_before`
    finds it, or else, since the writer says which words the key stands for, the words from the last
    capitalised one its first letter starts, its letters the initials of some of them in order and at
    most four words after the last: "Quỹ Bảo lãnh tín dụng (gọi tắt là QBL)" → "Quỹ Bảo lãnh tín dụng"."""
    strict = definition_before(text, anchor, abbr)
    if strict is not None:
        return strict
    units = _units(abbr)
    if len(units) < 2:
        return None
    clause = re.split(r"[,;:()\[\]\n.!?]", text[max(0, anchor - 200) : anchor])[-1]
    spans = [(w.group(), w.start()) for w in WORD.finditer(clause)]
    for start in range(len(spans) - 1, -1, -1):
        word = spans[start][0]
        if not (word[:1].isupper() and _unit_matches(units[0], word)):
            continue
        matched, last = 1, start
        for j in range(start + 1, len(spans)):
            if matched < len(units) and _unit_matches(units[matched], spans[j][0]):
                matched, last = matched + 1, j
        if matched == len(units) and len(spans) - 1 - last <= _NAMED_TAIL:
            return clause[spans[start][1] :].strip()
        return None  # the nearest word the key may start with is the long form's start, or there is none
    return None


def is_credit(text: str, m: re.Match[str]) -> bool:
    """Whether a key in brackets opens a line and a dash follows it: the source of an article."""
    if _CREDIT_DASH.match(text, m.end()) is None:
        return False
    return LINE_START.search(text, max(0, m.start() - 12), m.start()) is not None


def _compound(word: str, abbr: str) -> str | None:
    """*word* when it is a term of one foreign word, written small, that the key in capitals is made
    from: its letters in order, from the first ("poliovirus (PV)"). Names are left alone: "Palestine
    (PA)" and "Ireland (IRA)" end longer names, and "astatin (At)" is a symbol."""
    key = abbr.lower()
    low = word.lower()
    if not (abbr.isascii() and abbr.isalpha() and abbr.isupper() and word.isascii() and word.isalpha()):
        return None
    if not word.islower():
        return None
    if len(word) <= len(abbr) + 2 or low[0] != key[0] or parse_syllable(word) is not None:
        return None
    rest = iter(low[1:])
    return word if all(letter in rest for letter in key[1:]) else None


def plain_words_before(text: str, paren: int) -> list[str]:
    """The last two words before *paren* when both are ordinary words (no abbreviation among them,
    which a first pass would have expanded and a second would read differently), else none."""
    words = [w.group() for w in WORD.finditer(text, max(0, paren - 40), paren)][-2:]
    return words if len(words) == 2 and all(_plain(w) for w in words) else []


def foreign_definition(definition: str, abbr: str) -> bool:
    """Whether a definition names the key in another language: half or more of its words are no
    Vietnamese syllable ("Central Processing Unit", "natri clorua", "La Paz"; not "Công ty Vinamilk"),
    or it is the key itself ("Felipe V (Felipe V)"). A term of one foreign word written small is a
    loanword Vietnamese says as it is ("poliovirus (PV)").

    >>> [foreign_definition(d, k) for d, k in [("Cable News Network", "CNN"), ("Chất độc da cam", "CĐDC"),
    ...                                          ("poliovirus", "PV")]]
    [True, False, False]
    """
    words = _LETTERS.findall(definition)
    if definition.strip().lower() == abbr.lower():
        return True
    if len(words) == 1 and words[0].islower():
        return False
    others = sum(not_vietnamese(w) for w in words)
    return 2 * others >= len(words)


def _plain(word: str) -> bool:
    """A word of letters with no capital after its first: "thất", "Thất"; not "TƯ", "BHXH".

    >>> [_plain(w) for w in ("thất", "Nghiệp", "TƯ", "BHXH", "Đ")]
    [True, True, False, False, True]
    """
    return word.isalpha() and not any(c.isupper() for c in word[1:])
