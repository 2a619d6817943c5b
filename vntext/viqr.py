"""VIQR (RFC 1456): Vietnamese in plain ASCII, ``Vie^.t Nam``.

Modifiers follow the vowel (``^`` circumflex, ``(`` breve, ``+`` horn), then the tone
(`````` grave, ``'`` acute, ``?`` hook, ``~`` tilde, ``.`` dot); ``dd`` is ``đ``; a backslash makes
the next mark literal. The tables derive from the syllable model.

>>> decode_viqr("Vie^.t Nam, Ho^` Chi' Minh. Nam.")
'Việt Nam, Hồ Chí Minh. Nam.'
>>> encode_viqr("Đường Trường Sơn")
'DDu+o+`ng Tru+o+`ng So+n'
"""

from __future__ import annotations

import re
from functools import lru_cache, partial

from .syllable import VOWEL_INFO, parse_syllable

MODIFIER_CHARS = {"\u0302": "^", "\u0306": "(", "\u031b": "+"}
TONE_CHARS = ("", "`", "'", "?", "~", ".")
_MARKS = "^(+`'?~."
# A VIQR word: letters, with modifier/tone marks only right after a vowel or a modifier.
# At most _LONGEST units, starting and ending at a word's edge: a repeat over alternatives keeps a
# backtracking frame per unit, so a longer run of letters (no syllable) is skipped, not matched.
_WORD = re.compile(
    r"(?<![A-Za-z])(?:\\[\^(+`'?~.]|[A-Za-z]|(?<=[AEIOUYaeiouy])[\^(+]|(?<=[AEIOUYaeiouy^(+])[`'?~.]){1,24}"
    r"(?![A-Za-z])"
)
_ENDING = frozenset(".?")
_LONGEST = 24  # longer than any VIQR syllable with its marks and escapes (ngu+o+`i\\. is 10)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(letter → VIQR spelling, VIQR spelling → letter) for every Vietnamese vowel letter and đ."""
    import unicodedata

    enc: dict[str, str] = {"đ": "dd", "Đ": "DD"}
    for ch, (vowel, tone) in VOWEL_INFO.items():
        parts = unicodedata.normalize("NFD", vowel)
        base = parts[0].upper() if ch.isupper() else parts[0]
        mod = "".join(MODIFIER_CHARS.get(m, "") for m in parts[1:])
        enc[ch] = base + mod + TONE_CHARS[tone]
    dec = {v: k for k, v in enc.items() if len(v) > 1}
    dec["Dd"] = "Đ"
    return enc, dec




def encode_viqr(text: str) -> str:
    """VIQR spelling of *text* (NFC). A mark character that follows a vowel in the input is escaped
    with a backslash, as RFC 1456 asks (``Nam.`` → ``Nam\\.``)."""
    enc, _ = _tables()
    out = []
    prev_vowel = False
    for c in text:
        if prev_vowel and c in _MARKS:
            out.append("\\" + c)
            prev_vowel = False
            continue
        spelled = enc.get(c, c)
        out.append(spelled)
        prev_vowel = spelled[-1] in "AEIOUYaeiouy^(+`'?~."
    return "".join(out)


def _compose(token: str) -> str:
    _, dec = _tables()
    out: list[str] = []
    i = 0
    n = len(token)
    while i < n:
        c = token[i]
        if c == "\\" and i + 1 < n:
            out.append(token[i + 1])
            i += 2
            continue
        for size in (3, 2):
            piece = token[i : i + size]
            if len(piece) == size and piece in dec:
                out.append(dec[piece])
                i += size
                break
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _is_syllable(word: str) -> bool:
    return parse_syllable(word) is not None


def _decode_token(m: re.Match[str], strict: bool = True) -> str:
    token = m.group()
    if len(token) > _LONGEST or (not any(c in _MARKS for c in token) and "dd" not in token.lower()):
        return token  # no syllable is that long: a run of letters is not looked into letter by letter
    text = m.string
    if m.end() < len(text) and text[m.end()].isdigit():
        return token  # U+0301, A+1: code, not VIQR
    tail = ""
    while len(token) > 2 and token[-2] == "\\" and token[-1] in _MARKS:
        tail = token[-1] + tail  # an escaped, literal mark after the word
        token = token[:-2]
    # Strict (RFC 1456): an unescaped mark after a vowel is a diacritic, and only where that makes no
    # syllable ("No^.i." is "Nội.") is it punctuation; writers escape a literal mark: "qua\\?".
    # Lenient (text with no escapes, as people typed it): a final "." or "?" after an unmarked word is
    # punctuation where a sentence can end, at the end of the text or a line, or (".") before a capital.
    if not strict and token[-1] in _ENDING and (len(token) < 2 or token[-2] != "\\"):
        has_other = any(c in _MARKS for c in token[:-1])
        rest = text[m.end() : m.end() + 2]
        ends = not rest or rest[0] in "\r\n" or (rest[0].isspace() and (len(rest) < 2 or rest[1] in "\r\n"))
        if token[-1] == "." and rest[:1].isspace() and rest[1:2].isupper():
            ends = True
        if ends and not has_other:
            token, tail = token[:-1], token[-1] + tail
    if not token:
        return m.group()
    composed = _compose(token)
    if composed != token and (_is_syllable(composed) or len(composed) == 1):
        return composed + tail
    if len(token) > 1 and token[-1] in _ENDING and token[-2] != "\\":
        shorter = _compose(token[:-1])  # the final mark as punctuation: "No^.i." is "Nội."
        if shorter != token[:-1] and _is_syllable(shorter):
            return shorter + token[-1] + tail
    return m.group() if "\\" not in m.group() else token + tail


_ESCAPE = re.compile(r"(?<=[A-Za-z0-9])\\([\^(+`'?~.])")


def has_escapes(text: str) -> bool:
    """Whether *text* escapes a literal mark after a word, as RFC 1456 asks (``Nam\\.``): then its
    writer wrote every unescaped mark as a diacritic."""
    return "\\" in text and _ESCAPE.search(text) is not None


def decode_viqr(text: str, *, strict: bool = True) -> str:
    """Unicode (NFC) for VIQR *text*; words that would not become Vietnamese syllables are kept.

    *strict* reads RFC 1456 to the letter, so :func:`encode_viqr` output comes back unchanged: a mark
    after a vowel is a diacritic (``qua?`` is ``quả``; a literal mark is escaped, ``qua\\?``).
    ``strict=False`` is for text people typed without escapes, where a final ``.`` or ``?`` at the end
    of a line, or ``.`` before a capital, ends the sentence.

    >>> decode_viqr("Tha^.t vui qua?"), decode_viqr("Tha^.t vui qua?", strict=False)
    ('Thật vui quả', 'Thật vui qua?')
    """
    text = _WORD.sub(partial(_decode_token, strict=strict), text)
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def viqr_evidence(text: str) -> tuple[int, int, int]:
    """(strong, weak, words): words that decode to a marked Vietnamese syllable, for detection.

    Strong words carry a modifier, ``dd`` or a tone other than the apostrophe, and count twice when
    they carry two marks (``Vie^.t``); a lone apostrophe (``I'm``) is weak evidence, since English
    writes it too.
    """
    strong = weak = words = 0
    for m in _WORD.finditer(text):
        words += 1
        token = m.group()
        decoded = _decode_token(m, strict=False)
        if decoded == token:
            continue
        if _STRONG.search(token):
            strong += 2 if sum(c in _MARKS for c in token) >= 2 else 1
        else:
            weak += 1
    return strong, weak, words


_STRONG = re.compile(r"[\^(+`~]|dd|DD|[.?][A-Za-z]")


__all__ = ["decode_viqr", "encode_viqr", "has_escapes", "viqr_evidence"]
