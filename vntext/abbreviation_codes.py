"""Where a dictionary key is no abbreviation: a code (a stock ticker, a part of a document number, a
letter in a list of letters), the end of a foreign name ("Paris SG"), or a word of a headline written in
capitals."""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Mapping
from functools import lru_cache

import regex

from .forms import remove_diacritics, to_nfc
from .people.vocabulary import common_family_names
from .syllable import parse_syllable

# Categories of acronyms Vietnamese keeps as written (GDP, ASEAN, ISO): read only on request.
KEPT_CATEGORIES = frozenset({"international"})
_NEXT_WORD = re.compile(r"[^\S\n]+(\S+)")
_GLUED_WORD = re.compile(r"(\S+)")
_JOINED_KEY = re.compile(r"[ \t]*[-–&][ \t]*([^\W\d_]+)(?![^\W\d_])")
# A caption's credit run into its sentence ("… của đội tuyển VN ẢNH: NGỌC LINH"): the label opens
# a credit, it does not put the word before it in a headline.
_CREDIT_LABEL = re.compile(r"(?:ẢNH|NGUỒN|CLIP|VIDEO):")
# Codes in a list, next to the candidate, each maybe with a figure in brackets: "HAG, ITA, HSG, KBC,
# TTB", "VIC (-402 tỷ đồng), HCM (-328 tỷ đồng)".
_FIGURE = r"(?:\s*\([^()\n]{1,30}\))?"
_CODE_AFTER = re.compile(_FIGURE + r"\s*(?:,|và)\s*([A-Z]{1,3})(?![\w.])")
_CODE_BEFORE = re.compile(r"(?<![\w.])([A-Z]{1,3})" + _FIGURE + r"\s*(?:,|và)\s*$")
# A signed figure right after a ticker: "HCM (-328 tỷ đồng)", "HCM +2,5%".
_SIGNED_AFTER = re.compile(r"\s?\(\s*[-+−]\d|\s[-+−]\d")
# A document number written with spaces ("số 96 NQ/QHK6", "45- NQ/TW"): a number before, a code after.
_NUMBER_BEFORE = re.compile(r"\d\s*[-–]?\s*\Z")
_CODE_PART_AFTER = re.compile(r"/[A-ZĐ0-9]")
# A name written with a slash to another code that is no abbreviation: "CP/CMS".
_SLASHED_CODE = re.compile(r"/([A-Z][A-Za-z0-9]*)(?![\w/])")
# A code slashed before the key: "ISO/TS 16949", "D/NCS" (a standard's or an office's code), "PoC / PTT".
_SLASHED_BEFORE = re.compile(r"(?<![\w/])([A-Z][A-Za-z0-9]*) ?/ ?\Z")
# After "ký hiệu" a key is a symbol or a series' code: "có ký hiệu "TĐ"", "ký hiệu At".
_SYMBOL_CUE = re.compile(r"[Kk]ý hiệu(?: là)?\s*[\"“'‘]?\Z")
# A key defined by the capitalised words in brackets right after it: "BS (Bachelor of Science …)".
_BRACKETED_AFTER = re.compile(r" ?\(([^()/,;:\n]{3,80})")
_SPELLED_BEFORE = re.compile(r"\(([^()/,;:\n]{3,80}),\s*\Z")
_CODE_PART_BEFORE = re.compile(r"\d\s*[-–]?\s*[A-ZĐ][A-ZĐ0-9/-]*/\Z")
# The word right before, on the same line, one space away: "Paris SG", "Hamburger SV", "Daily NK".
_WORD_BEFORE = re.compile(r"(?<![\w.'-])([^\W\d_][^\W\d_'-]*) \Z")
_TICKER_SHAPE = re.compile(r"[A-Z]{3}")
# A type's designation: "ký hiệu thiết kế DN - 2000", "mẫu TS-12": a code, not the words it may stand for.
_DESIGNATION_BEFORE = re.compile(r"(?:[Kk]ý hiệu|[Ss]ố hiệu|[Mm]ã hiệu|[Kk]iểu|[Mm]ẫu|[Tt]hiết kế|[Mm]odel)\s+\Z")
_DESIGNATION_AFTER = re.compile(r"\s*[-–]\s*\d")
# A number glued to a dash after a space is a designation without any cue: "CP -0", "TP -2".
_GLUED_NUMBER_AFTER = re.compile(r" [-–]\d")
# A paper's name opening an article, before a dash and the dateline: "TP - Sáng 5/3, …", "TP - 82 năm
# qua …" (Tiền Phong's TP is not a city there); "VNCH - Hàn Quốc: 0-4" (a fixture) is read.
_DATELINE_AFTER = re.compile(
    r"[ \t]*[-–—][ \t]*(?:\d|(?:Sáng|Chiều|Trưa|Tối|Đêm|Rạng sáng|Ngày|Hôm|Theo|Sau|Trong|Tại)\b)")
# A class or batch code spelled with spaced dashes: "Lớp: K43 - QLĐĐ - N02" (a letter-and-number part on
# each side).
_CODED_BEFORE = re.compile(r"(?<![\w-])[A-Z]{1,3}\d{1,4}[ \t]*[-–][ \t]*\Z")
_CODED_AFTER = re.compile(r"[ \t]*[-–][ \t]*[A-Z]{0,3}\d{1,4}(?![\w-])")
# Only spaces between the start of the line (or text) and the position searched up to.
LINE_START = re.compile(r"(?:^|\n)[ \t]*\Z")
_TICKER_CUE = re.compile(r"(?:\b[Mm]ã|[Cc]ổ phiếu|[Mm]ã chứng khoán|[Mm]ã CK|[Mm]ã CP|\bIATA:?|\bICAO:?)\s+$")
# The cue's own nouns after "mã" are no ticker: "mã CK" (chứng khoán), "mã CP" (cổ phiếu).
_CUE_NOUNS = frozenset({"CK", "CP"})


def is_code(text: str, start: int, end: int, abbr: str, keys: Mapping[str, object]) -> bool:
    """True for a stock ticker or an airport's code: after "mã" or "cổ phiếu" ("mã TTB") or "IATA:";
    a three-letter key before a signed figure ("HCM (-328 tỷ đồng)"), in a list of codes most of
    which are no abbreviation ("HAG, ITA, HSG, KBC, TTB", also with figures: "VIC (-402 tỷ), HCM
    (-328 tỷ)"; "KH, NH, PH, QU, TH" in a list of letters), or a three-letter key listed with a code
    that is none ("cổ tức từ HND và QTP"); a part of a document number written with spaces ("số 96
    NQ/QHK6"); a type's designation ("ký hiệu thiết kế DN - 2000", "CP -0") and a class code ("K43 -
    QLĐĐ - N02"); a paper's name before the dateline that opens an article ("TP - Sáng 5/3"); a name
    slashed to or after a code that is no abbreviation ("CP/CMS", "ISO/TS", "D/NCS"); a symbol after
    "ký hiệu"; and a key spelled out by the capitalised words in brackets right after it ("BS
    (Bachelor of Science)")."""
    if abbr not in _CUE_NOUNS and _TICKER_CUE.search(text, max(0, start - 12), start):
        return True
    if _TICKER_SHAPE.fullmatch(abbr) and _SIGNED_AFTER.match(text, end):
        return True
    if _CODE_PART_AFTER.match(text, end) and _NUMBER_BEFORE.search(text, max(0, start - 4), start):
        return True
    if _CODE_PART_BEFORE.search(text, max(0, start - 20), start):
        return True
    slashed = _SLASHED_CODE.match(text, end)
    if slashed is not None and slashed.group(1) not in keys:
        return True
    slashed = _SLASHED_BEFORE.search(text, max(0, start - 12), start) if abbr.isascii() else None
    if slashed is not None and _not_read(slashed.group(1), keys):  # "BA/QĐ" (bản án/quyết định) is read
        return True
    if _SYMBOL_CUE.search(text, max(0, start - 14), start):
        return True
    spelled = _BRACKETED_AFTER.match(text, end)
    if spelled is not None and _spelled_by(spelled.group(1), abbr):
        return True
    spelled = _SPELLED_BEFORE.search(text, max(0, start - 90), start)  # "(Bachelor of … Applications, BCA)"
    if spelled is not None and _spelled_by(spelled.group(1), abbr):
        return True
    if _DESIGNATION_AFTER.match(text, end) and _DESIGNATION_BEFORE.search(text, max(0, start - 20), start):
        return True
    if _GLUED_NUMBER_AFTER.match(text, end):
        return True
    if _CODED_AFTER.match(text, end) and _CODED_BEFORE.search(text, max(0, start - 12), start):
        return True
    if _DATELINE_AFTER.match(text, end) and LINE_START.search(text, max(0, start - 8), start):
        return True
    codes = letters = 0  # neighbours in the list that are no abbreviation: codes, and single letters
    items = []
    at = end
    for _ in range(4):  # the next few items of the list, and the ones before
        found = _CODE_AFTER.match(text, at, end + 40)
        if found is None:
            break
        items.append(found.group(1))
        at = found.end()
    at = start
    for _ in range(4):
        found = _CODE_BEFORE.search(text, max(0, at - 12), at)
        if found is None:
            break
        items.append(found.group(1))
        at = found.start()
    for item in items:
        if item not in keys:
            codes += len(item) > 1
            letters += len(item) == 1
    return codes >= 2 or codes + letters >= 3 or (codes == 1 and _TICKER_SHAPE.fullmatch(abbr) is not None)


def _neighbours(text: str, start: int, end: int) -> tuple[str | None, str | None, str]:
    """The words right before and after ``text[start:end]`` on its line (within 30 characters), when
    spaces separate them from it (``None`` where there is none), and the word beyond the one after:
    a headline in capitals on the line before is not a neighbour."""
    before = text[max(0, start - 30) : start]
    before = before[before.rfind("\n") + 1 :]
    stripped = before.rstrip()
    word_before = stripped.rsplit(None, 1)[-1] if stripped and len(stripped) < len(before) else None
    # A word glued to the key counts too: "NGÀY 1: TP.HỒ CHÍ MINH" is a headline.
    after = (_GLUED_WORD if text[end : end + 1].isalpha() else _NEXT_WORD).match(text[end : end + 30])
    if after is None or _CREDIT_LABEL.fullmatch(to_nfc(after.group(1))):
        return word_before, None, ""
    beyond = _NEXT_WORD.match(text, end + after.end(), end + after.end() + 30)
    return word_before, after.group(1), beyond.group(1) if beyond is not None else ""


def _capital_syllable(word: str | None, keys: Mapping[str, object]) -> bool:
    """A Vietnamese word in capitals with a mark on it (ĐOẠN, HÀ), which no acronym is."""
    if word is None:
        return False
    word = to_nfc(word.strip(".,;:!?()\"'“”«»"))
    return len(word) >= 2 and word.isupper() and not word.isascii() and word not in keys and bool(parse_syllable(word))


def in_capitals(text: str, start: int, end: int, keys: Mapping[str, object]) -> bool:
    """True inside a run of words written in capitals (headlines, photo credits): HÀ NỘI, THANH TUẤN.
    A neighbour that is itself an abbreviation (the TƯ of "UBKT TƯ") is no sign of one; a word after
    it without marks (GIAI, NHI: an acronym may look so) is when the word beyond has them ("KT - XH
    GIAI ĐOẠN"). Only the words after count for that: the words before may be readings of other keys
    by then, and a second pass must decide as the first did."""
    word_before, word_after, beyond = _neighbours(text, start, end)
    if _capital_syllable(word_before, keys) or _capital_syllable(word_after, keys):
        return True
    joined = _JOINED_KEY.match(text, end, end + 12)  # "KT - XH GIAI ĐOẠN": KT goes with the key after it
    if joined is not None and joined.group(1).isupper() and in_capitals(text, joined.start(1), joined.end(1), keys):
        return True
    if _plain_capital_word(word_after, keys) and _capital_syllable(beyond, keys):
        return True
    # "CÔNG TY TNHH": a plain word before (TY) after one with marks; words in capitals can only have
    # been read by another key if they were no headline, so a second pass decides as the first did.
    if (word_before is not None and word_before.isalpha() and _plain_capital_word(word_before, keys, shortest=2)
            and (word_after is None or word_after.isupper())):  # the heading goes on: "TP Hồ Chí Minh" is read
        line = text[max(0, start - 60) : start]
        line = line[line.rfind("\n") + 1 :].rstrip()
        words = line.rsplit(None, 2)
        return len(words) >= 2 and _capital_syllable(words[-2], keys)
    return False


def _plain_capital_word(word: str | None, keys: Mapping[str, object], shortest: int = 3) -> bool:
    """A Vietnamese word in capitals without marks that is no key: GIAI, NHI, TY."""
    plain = (word or "").strip(".,;:!?()\"'“”«»")
    return (len(plain) >= shortest and plain.isupper() and plain.isascii() and plain not in keys
            and parse_syllable(plain) is not None)


# A word that makes the key part of a name or of an English phrase: "BV Cup", "EA Games", "BS in
# Pharmacy"; and a key joined to another code by a plus: "PH+SQ" (a radio call sign).
_NAME_WORD_AFTER = re.compile(
    r" (?:Cup|Games|Group|Holdings|Open|Awards?|Festival|Corp|Corporation|Inc)\b"
    r"| (?:of|the|for|and|in|on|at|to) [A-Z][a-z]"
    r"|\+[A-Z0-9]"
)
_PLUS_BEFORE = re.compile(r"[A-Z0-9]\+\Z")


# A file's path without a leading slash: segments joined by "/", ending in a file's extension or in a
# slash ("docs/V/v/index.html", "bao_cao/UBND.docx", "data/UBND/2024/"); "UBND/HĐND" and "TP/UBND"
# are no paths.
_RELATIVE_PATH = re.compile(r"[\w.@+~-]+(?:/[\w.@+~-]+)*/(?:[\w@+~-]*\.[a-z][a-z0-9]{0,4}|[\w.@+~-]+/)")
_TOKEN_EDGE = re.compile(r"[\s\"“”‘’()<>]")


def in_relative_path(text: str, start: int, end: int) -> bool:
    """True for a key in a relative file path: "docs/V/v/index.html", "bao_cao/UBND.docx"."""
    if text[start - 1 : start] != "/" and text[end : end + 1] != "/":
        return False
    left = start
    while left > 0 and not _TOKEN_EDGE.match(text, left - 1):
        left -= 1
    right = _TOKEN_EDGE.search(text, end)
    token = text[left : len(text) if right is None else right.start()].rstrip(".,;:!?")
    return _RELATIVE_PATH.fullmatch(token) is not None


def not_vietnamese(word: str) -> bool:
    """Whether *word* is no Vietnamese syllable ("Ventures", "clorua"; not "Chất", "ĐẢNG")."""
    return parse_syllable(to_nfc(word)) is None


def _not_read(code: str, keys: Mapping[str, object]) -> bool:
    """A code vntext does not read: no key at all, or one Vietnamese keeps as written (ISO)."""
    return code not in keys or getattr(keys[code], "category", None) in KEPT_CATEGORIES


def _spelled_by(words: str, abbr: str) -> bool:
    """Whether *words* spell *abbr* out: the initials of its capitalised words ("Bachelor of Science"
    → BS) or of all its words ("Ủy ban nhân dân" → UBND), compared without diacritics."""
    split = words.split()
    capitals = "".join(w[0] for w in split if w[:1].isupper())
    every = "".join(w[0] for w in split if w[:1].isalpha())
    key = remove_diacritics(abbr).upper()
    return remove_diacritics(capitals).upper() == key or remove_diacritics(every).upper() == key


def in_foreign_name(text: str, start: int, end: int) -> bool:
    """True where the key is part of a name or an English phrase rather than an abbreviation to read:
    before a word names end with ("BV Cup", "EA Games"), before an English phrase ("BS in Pharmacy"),
    or joined to another code by a plus ("PH+SQ")."""
    if _NAME_WORD_AFTER.match(text, end) is not None:
        return True
    return _PLUS_BEFORE.search(text, max(0, start - 2), start) is not None


# A foreign name written out earlier in the sentence and then shortened: "Google Ventures trở thành GV",
# "Société Générale Boursorama SG", "La Brugeoise et Nivelles (hiện là chi nhánh BN …)".
_NAME_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_NAME_LINKS = frozenset({"of", "and", "the", "for", "de", "du", "des", "la", "le", "et", "von", "van", "der", "di"})
_NAME_REACH = 80


@lru_cache(maxsize=32)
def _name_start(letter: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’-]){letter}(?=[^\W\d_])(?![A-Z])")


def shortens_foreign_name(text: str, start: int, abbr: str) -> bool:
    """True when *abbr* (in capitals, ASCII) is the initials of capitalised words shortly before it in
    the same sentence, one of them no Vietnamese syllable: the short form of a foreign name written
    out just before ("Google Ventures trở thành GV"), not a Vietnamese abbreviation ("Ủy ban nhân dân
    … UBND" is read as the dictionary says)."""
    if not (abbr.isascii() and abbr.isalpha() and abbr.isupper() and 2 <= len(abbr) <= 5):
        return False
    window = text[max(0, start - _NAME_REACH) : start]
    window = window[max(window.rfind(c) for c in ".!?;:\n") + 1 :]
    if abbr[0] not in window:
        return False
    for first in _name_start(abbr[0]).finditer(window):  # a capitalised word with the key's first letter
        initials, foreign = "", False
        for w in _NAME_WORDS.findall(window, first.start()):
            if w in _NAME_LINKS and initials:
                continue
            if not w[0].isupper() or w.isupper() or len(initials) == len(abbr):
                break  # a small word ends the name; so does a word in capitals (a code, the key itself)
            initials += w[0]
            foreign = foreign or not_vietnamese(w)
        if initials == abbr and foreign:
            return True
    return False


def after_foreign_name(text: str, start: int, known: Container[str] = ()) -> bool:
    """True after a capitalised word that is no Vietnamese syllable, one space away: a short key there
    ends a foreign name ("Paris SG", "Hamburger SV", "Daily NK", "Acura TL"), which Vietnamese never
    puts before a title or a unit. A word that is itself one of the *known* abbreviations is no name
    ("Cty CP")."""
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if before is None:
        return False
    word = before.group(1)
    return word[:1].isupper() and not word.isupper() and word not in known and not_vietnamese(word)


# A list's neighbours: "Calio, GV, Google Capital" (Google's companies)
_LIST_WORD_BEFORE = re.compile(r"(\w+),[ \t]*\Z")
_LIST_WORD_AFTER = re.compile(r",[ \t]*(\w+)")


def in_foreign_list(text: str, start: int, end: int, known: Container[str] = ()) -> bool:
    """True in a list between two capitalised words that are no Vietnamese syllables: "Calio, GV,
    Google Capital" lists companies, and GV there is one of them, no giáo viên."""
    before = _LIST_WORD_BEFORE.search(text, max(0, start - 24), start)
    after = _LIST_WORD_AFTER.match(text, end, end + 24)
    return (before is not None and after is not None
            and all(w[:1].isupper() and not w.isupper() and w not in known and not_vietnamese(w)
                    for w in (before.group(1), after.group(1))))


__all__ = [
    "KEPT_CATEGORIES",
    "LINE_START",
    "after_foreign_name",
    "in_capitals",
    "in_foreign_list",
    "in_foreign_name",
    "is_code",
    "not_vietnamese",
    "shortens_foreign_name",
]


_CAPITAL_WORD_BEFORE = regex.compile(r"(?<![\p{L}.])(\p{Lu}{2,})[ \t]+$")
_WORD_AFTER = regex.compile(r"[.,]?[ \t]*(\p{L}+)")
# A name in capitals, its words on one line, and the capitalised word after it, if any.
_CAPITAL_NAME = regex.compile(r"[.,]?[ \t]+(\p{Lu}+)(?:[ \t]+\p{Lu}+){1,3}\b(?:[ \t]+(\p{Lu}[\p{L}.]*))?")


def title_before_name_in_capitals(text: str, start: int, at: int, category: Callable[[str], str]) -> bool:
    """Whether the title ``text[start:at]`` stands before a name in capitals of two to four words,
    maybe after more titles ("PGS.TS ĐÀO HỮU HÒA"), with no word in capitals after the name but a key
    and none before the title but another title (*category* gives a key's category, "" for a word):
    a headline goes on around a name ("HỌC BỔNG CỦA GS TRẦN VĂN B", "GS NGÔ BẢO CHÂU NHẬN GIẢI")."""
    before = _CAPITAL_WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is not None and category(before.group(1)) != "title":
        return False
    for _ in range(3):
        word = _WORD_AFTER.match(text, at, at + 40)
        if word is None:
            return False
        if category(word.group(1)) != "title":
            break
        at = word.end()
    else:
        return False
    name = _CAPITAL_NAME.match(text, at, at + 60)
    if name is None or name.group(1).capitalize() not in common_family_names():
        return False
    after = name.group(2)  # a key goes on no headline: "… HỒNG NHUNG TP Hồ Chí Minh", "… TÁC LŨY TS. …"
    return after is None or category(after) != "" or category(after.rstrip(".")) != ""


_VOWELS = frozenset("aeiouyăâêôơư")


def spelt_like_word(key: str) -> bool:
    """Whether *key* is spelt like a Vietnamese word ("TƯ", "CAP"): in a headline, read as the word."""
    return key.isalpha() and parse_syllable(key.lower()) is not None and any(c in _VOWELS for c in key.lower())
