"""Legacy Vietnamese encodings: decoding, encoding and detection.

| name | what | source of the table |
|---|---|---|
| ``tcvn3`` | TCVN 5712:1993 (the ABC / ``.Vn`` fonts) | ``data/legacy_8bit.tsv`` (glibc iconv) |
| ``viscii`` | VISCII 1.1 (RFC 1456) | ``data/legacy_8bit.tsv`` (glibc iconv) |
| ``vps`` | VPS | ``data/legacy_8bit.tsv`` (GNU recode) |
| ``vni`` | VNI for Windows fonts: letter + mark bytes | derived from the syllable model |
| ``cp1258`` | Windows-1258: base letter + combining tone | Python's codec + the syllable model |
| ``viqr`` | RFC 1456 ASCII, ``Vie^.t Nam`` | derived from the syllable model |

>>> decode_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3")
'Cộng hoà xã hội chủ nghĩa Việt Nam'
>>> decode_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni")
'Cộng hòa xã hội chủ nghĩa Việt Nam'
>>> encode_legacy("Việt Nam", "viscii")
b'Vi\\xaet Nam'
>>> detect_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam"), detect_legacy("Cộng hòa xã hội")
('tcvn3', None)
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, NamedTuple

from ._ud import ud
from .data import read_tsv
from .edits import Edit, exact_edits
from .errors import UnknownOptionError, check_text
from .forms import to_nfc
from .syllable import TONE_MARKS, VOWEL_INFO, parse_syllable
from .viqr import decode_viqr, encode_viqr, viqr_evidence

ENCODINGS: tuple[str, ...] = ("tcvn3", "vni", "viscii", "vps", "cp1258", "viqr")
_ALIASES = {
    "abc": "tcvn3", "tcvn": "tcvn3", "tcvn5712": "tcvn3", "tcvn-5712": "tcvn3", "tcvn5712-1": "tcvn3",
    "vni-windows": "vni", "windows-1258": "cp1258", "cp-1258": "cp1258", "1258": "cp1258",
    "viscii1.1": "viscii", "viscii-1.1": "viscii",
}
_TABLE_ENCODINGS = ("tcvn3", "viscii", "vps")


def check_encoding(encoding: str) -> str:
    """Canonical name of *encoding*, or :class:`~vntext.errors.UnknownOptionError`."""
    name = str(encoding).strip().lower().replace("_", "-")
    name = _ALIASES.get(name, name)
    if name not in ENCODINGS:
        raise UnknownOptionError("legacy encoding", encoding, ENCODINGS)
    return name


@cache
def _code_page(codec: str) -> str:
    """What each byte shows as in a Windows code page, Latin-1 where the page leaves it undefined."""
    out = []
    for b in range(256):
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def bytes_as_text(data: bytes) -> str:
    """*data* as text: UTF-8 where it is valid, else what each byte shows as in Windows-1252 (as an
    old file opened in a Western editor), so no byte is lost and no surrogate is made."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return codecs.charmap_decode(data, "strict", _windows_chars())[0]


def _windows_chars() -> str:
    """What each byte shows as in Windows-1252, where mis-decoded legacy text comes from."""
    return _code_page("cp1252")


@dataclass(frozen=True)
class _Codec:
    decoding: str  # 256 characters, one per byte
    str_fixes: dict[int, str]  # mis-decoded character → what it stands for
    encoding_map: Any  # what codecs.charmap_build returns
    pre_encode: dict[int, str]  # letters the code page lacks → base letter + combining tone


def _pre_encode(encodable: set[str]) -> dict[int, str]:
    table: dict[int, str] = {}
    for ch, (vowel, tone) in VOWEL_INFO.items():
        if ch in encodable or not tone:
            continue
        base = ud.normalize("NFC", vowel)
        base = base.upper() if ch.isupper() else base
        if base in encodable and TONE_MARKS[tone] in encodable:
            table[ord(ch)] = base + TONE_MARKS[tone]
    return table


def _make_codec(decoding: str, windows: str) -> _Codec:
    fixes = {}
    for b, ch in enumerate(decoding):
        for shown in {windows[b], chr(b)}:
            if shown != ch:
                fixes[ord(shown)] = ch
    encodable = set(decoding)
    return _Codec(decoding, fixes, codecs.charmap_build(decoding), _pre_encode(encodable))


@cache
def _codec(name: str) -> _Codec:
    windows = _windows_chars()
    if name in _TABLE_ENCODINGS:
        chars = [chr(b) for b in range(256)]
        for row in read_tsv("legacy_8bit.tsv"):
            if row["encoding"] == name:
                chars[int(row["byte"], 16)] = chr(int(row["codepoint"][2:], 16))
        return _make_codec("".join(chars), windows)
    if name == "cp1258":
        return _make_codec(_code_page("cp1258"), windows)
    raise AssertionError(name)  # pragma: no cover


# ----------------------------------------------------------------------------------------- VNI
# VNI writes a letter as its ASCII base followed by mark characters (shown here as Windows-1252).
_VNI_PLAIN = ("", "ø", "ù", "û", "õ", "ï")  # tone only
_VNI_CIRCUMFLEX = ("â", "à", "á", "å", "ã", "ä")  # circumflex + tone
_VNI_BREVE = ("ê", "è", "é", "ú", "ü", "ë")  # breve + tone
_VNI_I = ("i", "ì", "í", "æ", "ó", "ò")  # i with a tone is one character
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ", "ỵ": "î"}


@lru_cache(maxsize=1)
def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    enc: dict[str, str] = {"đ": "ñ", "Đ": "Ñ"}
    for ch, (vowel, tone) in VOWEL_INFO.items():
        upper = ch.isupper()
        parts = ud.normalize("NFD", vowel)
        base, mods = parts[0], parts[1:]
        if vowel == "i":
            seq = _VNI_I[tone]
        elif vowel == "y" and tone == 5:
            seq = _VNI_SINGLE["ỵ"]
        elif "\u0302" in mods:
            seq = base + _VNI_CIRCUMFLEX[tone]
        elif "\u0306" in mods:
            seq = base + _VNI_BREVE[tone]
        elif "\u031b" in mods:
            seq = _VNI_SINGLE[vowel] + _VNI_PLAIN[tone]
        else:
            seq = base + _VNI_PLAIN[tone]
        enc[ch] = seq.upper() if upper else seq
    dec: dict[str, str] = {}
    for ch, seq in enc.items():
        if seq != ch:
            dec[seq] = ch
            if ch.isupper() and len(seq) > 1:
                dec.setdefault(seq[0] + seq[1:].lower(), ch)  # capital base, marks from the small font
    return enc, dec


@lru_cache(maxsize=1)
def _vni_regex() -> re.Pattern[str]:
    from ._trie import trie_pattern

    _, dec = _vni_tables()
    return re.compile(trie_pattern(sorted(dec, key=len, reverse=True)))


def _decode_vni(text: str) -> str:
    _, dec = _vni_tables()
    return _vni_regex().sub(lambda m: dec[m.group()], text)


def _encode_vni(text: str, errors: str) -> bytes:
    enc, _ = _vni_tables()
    return "".join(enc.get(c, c) for c in text).encode("cp1252", errors)


# ------------------------------------------------------------------------------------- public API
def decode_legacy(data: bytes | str, encoding: str) -> str:
    """Decode Vietnamese text written in a legacy *encoding* (see :data:`ENCODINGS`) to NFC Unicode.

    *data* is either the file's bytes, or text that was already decoded as Windows-1252 or
    Latin-1 (what pasted or converted old documents look like). Characters that do not belong to
    the encoding pass through unchanged.

    Args:
        data: the bytes of a file, or its text mis-decoded as Windows-1252 or Latin-1.
        encoding: one of :data:`ENCODINGS`, or a common alias (``"abc"`` and ``"tcvn"`` for TCVN3,
            ``"windows-1258"``).

    Returns:
        The text in NFC Unicode.

    Raises:
        TypeError: *data* is neither bytes nor a ``str``.
        ValueError: an unknown *encoding* (:class:`~vntext.errors.UnknownOptionError`).

    Example:
        >>> decode_legacy(b"Vi\\xd6t Nam", "tcvn3"), decode_legacy("Vi\\xd6t Nam", "abc")
        ('Việt Nam', 'Việt Nam')
    """
    if not isinstance(data, (bytes, bytearray, memoryview, str)):
        raise TypeError(f"data must be bytes or a str, not {type(data).__name__}")
    name = check_encoding(encoding)
    if name == "viqr":
        return to_nfc(decode_viqr(data if isinstance(data, str) else bytes_as_text(bytes(data))))
    if isinstance(data, (bytes, bytearray, memoryview)):
        if name == "vni":
            text = codecs.charmap_decode(bytes(data), "strict", _windows_chars())[0]
            return to_nfc(_decode_vni(text))
        return to_nfc(codecs.charmap_decode(bytes(data), "strict", _codec(name).decoding)[0])
    return to_nfc(decode_text(data, name))


def decode_text(text: str, encoding: str) -> str:
    """:func:`decode_legacy` of already mis-decoded *text*, before NFC (a checked *encoding*)."""
    if encoding == "viqr":
        return decode_viqr(text)
    if encoding == "vni":
        return _decode_vni(text)
    return text.translate(_codec(encoding).str_fixes)


def encode_legacy(text: str, encoding: str, errors: str = "strict") -> bytes:
    """Encode *text* in a legacy *encoding*.

    Characters the encoding cannot hold raise ``UnicodeEncodeError`` (a ``ValueError``) naming the
    character and its position, unless *errors* is another codec error handler
    (``"replace"``, ``"ignore"``, ``"xmlcharrefreplace"`` …).

    Args:
        text: the text to encode (NFC or not).
        encoding: one of :data:`ENCODINGS`, or a common alias (as for :func:`decode_legacy`).
        errors: a codec error handler for characters the encoding cannot hold.

    Returns:
        The bytes.

    Raises:
        TypeError: *text* is not a ``str``.
        ValueError: an unknown *encoding* (:class:`~vntext.errors.UnknownOptionError`), or (a
            ``UnicodeEncodeError``) a character the encoding cannot hold, with ``errors="strict"``.

    Example:
        >>> encode_legacy("Bộ", "vni"), encode_legacy("Bộ", "cp1258"), encode_legacy("Bộ", "viqr")
        (b'Bo\\xe4', b'B\\xf4\\xf2', b'Bo^.')
    """
    check_text(text)
    name = check_encoding(encoding)
    text = to_nfc(text)
    try:
        if name == "viqr":
            return encode_viqr(text).encode("ascii", errors)
        if name == "vni":
            return _encode_vni(text, errors)
        codec = _codec(name)
        return codecs.charmap_encode(text.translate(codec.pre_encode), errors, codec.encoding_map)[0]
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start]
        where = text.find(bad)
        raise UnicodeEncodeError(
            name, text, where, where + 1, f"{bad!r} (U+{ord(bad):04X}) has no code in {name}"
        ) from None


# -------------------------------------------------------------------------------------- detection
_BYTE_ENCODINGS = ("tcvn3", "vni", "viscii", "vps", "cp1258")
_TOKEN = re.compile(r"[^\s\d.,;:!?\"“”()\[\]{}<>/\\|@#%^&*+=~`']+")


def legacy_edits(text: str, encoding: str) -> list[Edit]:
    """:func:`decode_text` as edits, for offset maps: one per character or sequence, or per line for
    VIQR."""
    if encoding in _TABLE_ENCODINGS or encoding == "cp1258":
        fixes = _codec(encoding).str_fixes
        edits = [(i, i + 1, fixes[ord(c)]) for i, c in enumerate(text) if ord(c) in fixes]
    elif encoding == "vni":
        _, dec = _vni_tables()
        edits = exact_edits(text, [(m.start(), m.end(), dec[m.group()]) for m in _vni_regex().finditer(text)],
                            _decode_vni(text))
    else:  # VIQR: words, then escapes; kept as one edit per changed line
        edits = []
        for m in re.finditer(r"[^\n]+", text):
            decoded = decode_viqr(m.group())
            if decoded != m.group():
                edits.append((m.start(), m.end(), decoded))
    return edits


def _decoder(name: str):  # type: ignore[no-untyped-def]
    if name == "vni":
        return _decode_vni
    table = _codec(name).str_fixes
    return lambda s: ud.normalize("NFC", s.translate(table))


@cache
def _repertoire() -> frozenset[str]:
    return frozenset(_windows_chars())


def is_marked_syllable(word: str) -> bool:
    """*word* is a Vietnamese syllable written with a letter outside ASCII, in one case."""
    return not word.isascii() and _is_syllable(word)


def _is_syllable(word: str) -> bool:
    word = word.strip("-–")
    if word not in (word.lower(), word.upper(), word.capitalize()):
        return False  # mojibake mixes cases inside a word: CaÒng
    return parse_syllable(word) is not None


class Scores(NamedTuple):
    """What decoding a text's words with one encoding does to them."""

    gained: int  # words that become Vietnamese syllables
    lost: int  # syllables that stop being syllables
    valid: int  # changed words that are syllables afterwards
    invalid: int  # changed words that are not
    symbols: int  # of the gained words, those written with a symbol inside (Ngo¹i): hardly ever a real word
    syllables: int = 0  # words of the whole text (ASCII ones too) that are syllables once decoded
    words: int = 0  # words of the whole text


def legacy_scores(text: str) -> tuple[dict[str, Scores], int]:
    """:class:`Scores` of *text* (NFC, not ASCII) for every 8-bit encoding, and the number of its words
    spelled with letters no 8-bit file shows (ộ, ư, ạ …): evidence that it is proper Unicode."""
    tokens = [t for t in set(_TOKEN.findall(text)) if not t.isascii() and any(c.isalpha() for c in t)]
    # Letters outside Windows-1252/Latin-1 (ộ, ư, ạ …) cannot come out of a mis-decoded 8-bit file:
    # every word spelled with them is evidence for proper Unicode.
    repertoire = _repertoire()
    syllable = {t: is_marked_syllable(t) for t in tokens}
    native = sum(1 for t in tokens if syllable[t] and not set(t) <= repertoire)
    if sum(1 for t in tokens if not syllable[t]) <= native:
        # Only a word that is not yet a syllable can be gained: too few to outweigh the native ones
        # (a Unicode line with one "Ð" in it), so no encoding can be a candidate.
        return dict.fromkeys(_BYTE_ENCODINGS, Scores(0, 0, 0, 0, 0)), native
    plain = [t for t in set(_TOKEN.findall(text)) if t.isascii() and any(c.isalpha() for c in t)]
    words = len(tokens) + len(plain)
    plain_syllables = sum(1 for t in plain if _is_syllable(t))
    scores = {}
    for name in _BYTE_ENCODINGS:
        decode = _decoder(name)
        syllables = plain_syllables + sum(1 for t in tokens if syllable[t] and decode(t) == t)
        gained = lost = valid = invalid = symbols = 0
        for t in tokens:
            d = decode(t)
            if d == t:
                continue
            was, now = syllable[t], is_marked_syllable(d)
            gained += now and not was
            symbols += now and not was and not t.strip("-–").isalpha()
            lost += was and not now
            valid += now
            invalid += not now
            syllables += now
        scores[name] = Scores(gained, lost, valid, invalid, symbols, syllables, words)
    return scores, native


def is_candidate(s: Scores, native: int) -> bool:
    """Decoding makes more syllables than the text already has, and spoils few."""
    return s.gained > native and s.gained > 2 * s.lost and s.valid > s.invalid


def is_strong(s: Scores, native: int) -> bool:
    """Enough evidence to decode a text on its own: several words become syllables, nearly all changed
    words end up as syllables, and at least half the words of the text read as Vietnamese afterwards
    (not a French citation with one ``Phû`` in it). One letter-only word (``Ö``, ``µm``, ``Ça``) never
    is; one word with a symbol inside (``Ngo¹i``) is, beside a second changed word that reads."""
    enough = s.gained >= 2 or (s.symbols >= 1 and s.valid >= 2)
    return is_candidate(s, native) and enough and s.valid >= 3 * s.invalid and 2 * s.syllables >= s.words


def is_consistent(s: Scores, native: int) -> bool:
    """Too little evidence to decode alone, nothing against it: decoded when the document around it
    is in that encoding."""
    return s.gained >= 1 and not (s.lost or s.invalid or native)


def detect_legacy(text: str) -> str | None:
    """Name the legacy encoding *text* is written in, or ``None`` for proper Unicode.

    A candidate wins when decoding turns several words that are not Vietnamese syllables into ones that
    are, and spoils none; English, other Latin-script languages, proper Unicode and strings too short
    to tell (``Ö``, ``µm``) give ``None``.

    Args:
        text: the text, or bytes read as Latin-1 (``data.decode("latin-1")``).

    Returns:
        One of :data:`ENCODINGS`, or ``None``.

    Raises:
        TypeError: *text* is not a ``str`` (bytes: decode them as Latin-1 first).

    Example:
        >>> detect_legacy("Coäng hoøa xaõ hoäi"), detect_legacy("Céng hoµ x· héi")
        ('vni', 'tcvn3')
        >>> detect_legacy("Ça dépend de la météo"), detect_legacy("Ö")
        (None, None)
    """
    check_text(text)
    text = ud.normalize("NFC", text)
    if text.isascii():
        return "viqr" if viqr_is_strong(text) else None
    scores, native = legacy_scores(text)
    best: tuple[tuple[int, int], str] | None = None
    for name, s in scores.items():
        score = (s.valid - 2 * s.invalid, s.gained)
        if is_strong(s, native) and (best is None or score > best[0]):
            best = (score, name)
    return best[1] if best else None


def viqr_is_strong(text: str) -> bool:
    """ASCII *text* reads as VIQR: at least two words carry unambiguous VIQR marks, and most marked
    words decode to syllables (``Set `a` to 1``, ``hi~`` and ``u+ v+`` do not)."""
    strong, weak, words = viqr_evidence(text)
    return strong >= 2 and (strong + weak) * 3 >= words
