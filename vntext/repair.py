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
from typing import NamedTuple

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
_CP1258_HINT = "[aeiouyAEIOUYâêôÂÊÔõÕýÝãÃ][ÌìÒòÞ]"
_VIQR_HINT = re.compile(r"[aeiouyAEIOUY][\^(+`~]|[aeiouyAEIOUY][.?'][a-zA-Z]|\b[dD][dD][a-zA-Z]")
_SPACE = re.compile(r"[ \t\r\f\v\n]+")
_FOREIGN_LETTER = re.compile(r"(?![\x00-\x7f])[^\W_]")


@lru_cache(maxsize=1)
def _hints() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a line may be legacy or mojibake, a word is UTF-8 read as Windows-1252)."""
    from .legacy import _windows_chars

    windows = _windows_chars()
    legacy = set(windows[0x80:]) - set(VIETNAMESE_LETTERS) - set(_HARMLESS)
    # How UTF-8 continuation bytes 0x80–0xBF show in Windows-1252 (or as C1 controls in Latin-1).
    cont = "".join(sorted(set(windows[0x80:0xC0]) | {chr(b) for b in range(0x80, 0xC0)}))
    cont_class = "[" + re.escape(cont) + "]"
    mojibake = f"[\u00c2-\u00df]{cont_class}|[\u00e0-\u00ef]{cont_class}{{2}}"
    line = "[" + re.escape("".join(sorted(legacy))) + "]|" + _CP1258_HINT + "|" + mojibake
    return re.compile(line), re.compile(mojibake)


class Repair(NamedTuple):
    """One line to repair: its span and what it is written in (an encoding name or ``"mojibake"``)."""

    start: int
    end: int
    encoding: str


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


@lru_cache(maxsize=1024)
def _mojibake_edits(line: str) -> tuple[Edit, ...]:
    """Per word, the repair of UTF-8 read as Windows-1252, where it spoils no Vietnamese word.

    ftfy's own judgement comes first; a word it leaves alone (it is cautious with short words such as
    ``vá»›i``) is decoded back directly when that makes it a Vietnamese syllable.
    """
    import ftfy

    word = _hints()[1]
    edits: list[Edit] = []
    last = 0
    for m in _SPACE.finditer(line + " "):
        token = line[last : m.start()]
        if word.search(token):
            before = _syllables(token)
            fixed = ftfy.fix_encoding(token)
            if fixed == token or _syllables(fixed) < before:
                fixed = _utf8_read_as_windows(token)
                if _syllables(fixed) <= before:
                    fixed = token
            if fixed != token:
                edits.append((last, m.start(), fixed))
        last = m.end()
    return tuple(edits)


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of *text* that hold a hint of legacy or mojibake text."""
    line_hint = _hints()[0]
    spans: list[tuple[int, int]] = []
    for m in line_hint.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        spans.append((start, len(text) if end < 0 else end))
    return spans


def _viqr_lines(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _VIQR_HINT.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if _FOREIGN_LETTER.search(text, start, end) is None:  # VIQR is ASCII letters (and any spaces)
            spans.append((start, end))
    return spans


def plan(text: str) -> list[Repair]:
    """The lines of *text* to repair, in order, each with what it is written in."""
    repairs: list[Repair] = []
    weak: list[tuple[int, int, str]] = []  # (start, end, the line's NFC text) with too little evidence
    votes: Counter[str] = Counter()
    if not text.isascii():
        for start, end in _lines(text):
            line = text[start:end]
            if _mojibake_edits(line):
                repairs.append(Repair(start, end, MOJIBAKE))
                continue
            scores, native = legacy_scores(line)
            strong = [(s.valid - 2 * s.invalid, s.gained, name) for name, s in scores.items() if is_strong(s, native)]
            if strong:
                name = max(strong)[2]
                repairs.append(Repair(start, end, name))
                votes[name] += 1
            elif any(is_consistent(s, native) for s in scores.values()):
                weak.append((start, end, line))
    for start, end in _viqr_lines(text):
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
    return repairs


def repair_edits(text: str) -> list[Edit]:
    """The repairs :func:`plan` decides on, as edits of *text* (word by word where possible)."""
    edits: list[Edit] = []
    strict_viqr = has_escapes(text)  # a writer who escapes literal marks meant every other one
    for start, end, encoding in plan(text):
        line = text[start:end]
        if encoding == MOJIBAKE:
            found = list(_mojibake_edits(line))
        elif encoding == "viqr":
            found = token_edits(line, decode_viqr(line, strict=strict_viqr))
        else:
            found = legacy_edits(line, encoding)
        edits.extend((s + start, e + start, new) for s, e, new in found)
    return edits


def repair(text: str) -> str:
    """*text* with every line :func:`plan` names repaired (not yet NFC)."""
    return apply(text, repair_edits(text))


def encodings(text: str) -> list[str]:
    """What the repaired lines of *text* were written in, most lines first."""
    return [name for name, _ in Counter(r.encoding for r in plan(text)).most_common()]


__all__ = ["MOJIBAKE", "Repair", "encodings", "plan", "repair", "repair_edits"]
