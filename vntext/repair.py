"""Repair of legacy encodings and web mojibake, decided line by line on evidence.

A document is often pasted together: a TCVN3 paragraph under a Unicode heading, one line of UTF-8 that
went through Windows-1252 on the way. So every line (``\\n``) is judged on its own:

1. Only lines holding a character that mis-decoded text is made of are looked at (a cheap scan);
   everything else is proper Unicode and is never re-decoded.
2. *UTF-8 read as Windows-1252/Latin-1* (``Tiáº¿ng Viá»‡t``): each word is repaired by ftfy, the
   well-kept library for that family of mojibake, and the repair is kept only if it spoils no
   Vietnamese word (``XÃ\\u00a0HỘI`` is a capital Ã and a no-break space, not ``à``).
3. *Legacy 8-bit* (TCVN3, VNI, VISCII, VPS, Windows-1258) and *VIQR*: a line is decoded when
   several of its words become Vietnamese syllables and almost none stop being one
   (:func:`~vntext.legacy.is_strong`). A line with too little evidence alone (one word, ``Ö``,
   ``µm``) is decoded only when the lines around it in the same document are in that encoding.

>>> repair("Ủy ban nhân dân tỉnh Quảng Nam\\nkÕ ho¹ch ph¸t triÓn kinh tÕ x· héi")
'Ủy ban nhân dân tỉnh Quảng Nam\\nkế hoạch phát triển kinh tế xã hội'
>>> repair("Tiáº¿ng Viá»‡t"), repair("Ö"), repair("Ça dépend de la météo")
('Tiếng Việt', 'Ö', 'Ça dépend de la météo')
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from . import _accel
from .edits import Edit, apply, token_edits
from .legacy import (
    is_consistent,
    is_marked_syllable,
    is_strong,
    legacy_edits,
    legacy_scores,
    viqr_is_strong,
)
from .syllable import VIETNAMESE_LETTERS
from .viqr import decode_viqr, has_escapes, viqr_evidence

MOJIBAKE = "mojibake"  # the plan's name for UTF-8 that was read as Windows-1252 or Latin-1

# Characters mis-decoded 8-bit Vietnamese is made of but proper Unicode Vietnamese rarely holds: the
# Windows-1252 upper half less the letters Vietnamese shares with it and common punctuation.
_HARMLESS = "\u00a0«»©®°±×÷€£¥¢§¼½¾–—‘’“”…•™‰"
# Windows-1258 writes most tones as combining marks after the vowel: ``BaÒo`` is B, a, hook, o.
# Every hint is led by its rare character (a vowel-led pattern would stop at every vowel of the text).
_CP1258_HINT = "[ÌìÒòÞ](?<=[aeiouyAEIOUYâêôÂÊÔõÕýÝãÃ].)"
_SPACE = re.compile(r"[ \t\r\f\v\n]+")
_FOREIGN_LETTER = re.compile(r"(?![\x00-\x7f])[^\W_]")


_CP1258_TONES = "ÌìÒòÞ"
_VOWELS = frozenset("aeiouyAEIOUYâêôÂÊÔõÕýÝãÃ")


class _Hints(NamedTuple):
    first: re.Pattern[str]  # one class of every character a hint starts with: one C-speed scan
    legacy: frozenset[str]  # characters 8-bit Vietnamese is made of and Unicode Vietnamese rarely holds
    lead2: frozenset[str]  # UTF-8 lead bytes 0xC2–0xDF, as Windows-1252 shows them
    lead3: frozenset[str]  # … 0xE0–0xEF
    cont: frozenset[str]  # continuation bytes 0x80–0xBF (and C1 controls, as Latin-1 shows them)
    word: re.Pattern[str]  # a word holding UTF-8 read as Windows-1252


@lru_cache(maxsize=1)
def _hints() -> _Hints:
    from .legacy import _windows_chars

    windows = _windows_chars()
    legacy = set(windows[0x80:]) - set(VIETNAMESE_LETTERS) - set(_HARMLESS)
    cont = set(windows[0x80:0xC0]) | {chr(b) for b in range(0x80, 0xC0)}
    cont_class = "[" + re.escape("".join(sorted(cont))) + "]"
    first = "[" + re.escape("".join(sorted(legacy | cont | set(_CP1258_TONES)))) + "]"
    word = f"{cont_class}(?:(?<=[\u00c2-\u00df].)|(?<=[\u00e0-\u00ef].)(?={cont_class}))"
    return _Hints(
        re.compile(first),
        frozenset(legacy),
        frozenset(chr(c) for c in range(0xC2, 0xE0)),
        frozenset(chr(c) for c in range(0xE0, 0xF0)),
        frozenset(cont),
        re.compile(word),
    )


def _is_hint(text: str, i: int, hints: _Hints) -> bool:
    """Whether the character at *i* (one :attr:`_Hints.first` found) starts a hint: a legacy character,
    a Windows-1258 tone after a vowel (``BaÒo``), or UTF-8 continuation bytes after their lead byte."""
    c = text[i]
    if c in hints.legacy:
        return True
    before = text[i - 1] if i else ""
    if c in _CP1258_TONES:
        return before in _VOWELS
    return before in hints.lead2 or (before in hints.lead3 and text[i + 1 : i + 2] in hints.cont)


@lru_cache(maxsize=1)
def _native() -> re.Pattern[str]:
    """A letter no 8-bit file opened as Windows-1252 shows (ư, ạ, ộ …)."""
    from .legacy import _windows_chars

    return re.compile("[" + "".join(sorted(set(VIETNAMESE_LETTERS) - set(_windows_chars()))) + "]")


class Repair(NamedTuple):
    """One line to repair: its span and what it is written in (an encoding name or ``"mojibake"``)."""

    start: int
    end: int
    encoding: str
    edits: tuple[Edit, ...] = ()  # for mojibake, the word repairs already worked out


class Plan(NamedTuple):
    """What :func:`plan` decided: the lines to repair, and whether any line was looked at."""

    repairs: list[Repair]
    looked: bool


def _syllables(text: str) -> int:
    return sum(1 for w in text.split() if not w.isascii() and is_marked_syllable(w))


def _utf8_read_as_windows(token: str) -> str:
    """*token* decoded back: its Windows-1252 bytes (Latin-1 for the five bytes 1252 leaves out) read
    as UTF-8; the token itself when that is not valid UTF-8."""
    import ftfy.bad_codecs  # noqa: F401 - registers the sloppy-windows-1252 codec

    try:
        return token.encode("sloppy-windows-1252").decode("utf-8")
    except UnicodeError:
        return token


def _mojibake_edits(text: str, start: int, end: int) -> tuple[Edit, ...]:
    """Per word of *text[start:end]*, the repair of UTF-8 read as Windows-1252, where it spoils no
    Vietnamese word; the edits are positions in *text*.

    ftfy's own judgement comes first; a word it leaves alone (it is cautious with short words such as
    ``vá»›i``) is decoded back directly when that makes it a Vietnamese syllable. A word is judged once
    per line and its repair shared by every occurrence: a page repeats its words, and ten megabytes of
    one garbled line must not hold a fresh copy of each repair.
    """
    import ftfy

    word = _hints().word
    edits: list[Edit] = []
    judged: dict[str, str] = {}
    last = start
    for at, after in chain(((m.start(), m.end()) for m in _SPACE.finditer(text, start, end)), [(end, end)]):
        token = text[last:at]
        fixed = judged.get(token)
        if fixed is None and word.search(token):
            before = _syllables(token)
            fixed = ftfy.fix_encoding(token)
            if fixed == token or _syllables(fixed) < before:
                fixed = _utf8_read_as_windows(token)
                if _syllables(fixed) <= before:
                    fixed = token
            judged[token] = fixed
        if fixed is not None and fixed != token:
            edits.append((last, at, fixed))
        last = after
    return tuple(edits)


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of *text* that hold a hint of legacy or mojibake text.

    One scan for the characters a hint can start with; the common ones among them (ì, ò, –) are judged
    by their neighbours in Python, which costs less than a pattern per kind of hint."""
    if _accel.speedups is not None:
        lines: list[tuple[int, int]] = _accel.speedups.legacy_lines(text)
        return lines
    hints = _hints()
    spans: list[tuple[int, int]] = []
    seen = 0
    for m in hints.first.finditer(text):
        i = m.start()
        if i < seen or not _is_hint(text, i, hints):
            continue
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        seen = end = len(text) if end < 0 else end
        spans.append((start, end))
    return spans


# VIQR evidence needs two marked words: a line is looked at only when it holds a modifier, grave or
# tilde mark after a vowel, or a "dd". Both are found at C speed (a pattern led by the letter d would
# stop at every d of the text).
_VIQR_MARK = re.compile(r"[\^+`~](?<=[aeiouyAEIOUY].)")
_VIQR_BREVE = re.compile(r"\((?<=[aeiouyAEIOUY]\()")  # led by "(" itself, so it is found at C speed
_VIQR_VOWELS = frozenset("aeiouyAEIOUY")


def _viqr_starts(text: str) -> list[int]:
    if _accel.speedups is not None:
        found: list[int] = _accel.speedups.viqr_starts(text)
        return found
    starts = [m.start() for m in _VIQR_BREVE.finditer(text)]
    if any(mark in text for mark in "^+`~"):
        starts += [m.start() for m in _VIQR_MARK.finditer(text)]
    for dd in ("dd", "DD", "Dd"):
        i = text.find(dd)
        while i >= 0:
            if text[i + 2 : i + 3] in _VIQR_VOWELS:
                starts.append(i)
            i = text.find(dd, i + 2)
    return sorted(starts)


def _viqr_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of *text* written in ASCII letters that hold a VIQR modifier, grave or tilde
    mark after a vowel, or a ``dd``."""
    spans: list[tuple[int, int]] = []
    seen = 0  # end of the last line looked at
    for i in _viqr_starts(text):
        if i < seen:
            continue
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        seen = end = len(text) if end < 0 else end
        if _FOREIGN_LETTER.search(text, start, end) is None:  # VIQR is ASCII letters (and any spaces)
            spans.append((start, end))
    return spans


def plan(text: str) -> Plan:
    """The lines of *text* to repair, in order, each with what it is written in."""
    repairs: list[Repair] = []
    looked = False
    weak: list[tuple[int, int, str]] = []  # (start, end, the line's NFC text) with too little evidence
    votes: Counter[str] = Counter()
    if not text.isascii():
        for start, end in _lines(text):
            looked = True
            line = text[start:end]
            fixed = _mojibake_edits(text, start, end) if _hints().word.search(line) else ()
            if fixed:
                repairs.append(Repair(start, end, MOJIBAKE, fixed))
                continue
            if len(_native().findall(line)) >= 3:
                continue  # letters no 8-bit file shows (ư, ạ, ộ …): the line is Unicode already
            scores, native = legacy_scores(line)
            strong = [(s.valid - 2 * s.invalid, s.gained, name) for name, s in scores.items() if is_strong(s, native)]
            if strong:
                name = max(strong)[2]
                repairs.append(Repair(start, end, name))
                votes[name] += 1
            elif any(is_consistent(s, native) for s in scores.values()):
                weak.append((start, end, line))
    viqr = _viqr_lines(text)
    for start, end in viqr:
        looked = True
        line = text[start:end]
        if viqr_is_strong(line):
            repairs.append(Repair(start, end, "viqr"))
            votes["viqr"] += 1
        elif viqr_evidence(line)[0]:
            weak.append((start, end, line))
    if weak and votes:
        # A line too short to tell alone takes the encoding of the document around it.
        name = votes.most_common(1)[0][0]
        for start, end, line in weak:
            if name == "viqr":
                ok = viqr_evidence(line)[0] > 0
            else:
                scores, native = legacy_scores(line)
                ok = not line.isascii() and is_consistent(scores[name], native)
            if ok:
                repairs.append(Repair(start, end, name))
    repairs.sort()
    return Plan(repairs, looked)


def repair_edits(text: str, repairs: list[Repair] | None = None) -> list[Edit]:
    """The repairs :func:`plan` decides on (or *repairs*), as edits of *text*, word by word where
    possible."""
    edits: list[Edit] = []
    strict_viqr = has_escapes(text)  # a writer who escapes literal marks meant every other one
    for start, end, encoding, fixed in plan(text).repairs if repairs is None else repairs:
        if encoding == MOJIBAKE:
            edits.extend(fixed)  # already positions in *text*
            continue
        line = text[start:end]
        if encoding == "viqr":
            found = token_edits(line, decode_viqr(line, strict=strict_viqr))
        else:
            found = legacy_edits(line, encoding)
        edits.extend((s + start, e + start, new) for s, e, new in found)
    return edits


def repair(text: str) -> str:
    """*text* with every line :func:`plan` names repaired (not yet NFC)."""
    return apply(text, repair_edits(text))


__all__ = ["MOJIBAKE", "Plan", "Repair", "plan", "repair", "repair_edits"]
