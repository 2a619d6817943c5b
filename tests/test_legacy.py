"""Legacy encodings: exhaustive round trips, byte-for-byte agreement with iconv and recode, detection."""

from __future__ import annotations

import subprocess

import pytest

import vntext
from tests.conftest import needs_iconv, needs_recode
from vntext.legacy import _windows_chars
from vntext.syllable import VIETNAMESE_LETTERS
from vntext.viqr import decode_viqr

ALL_LETTERS = "".join(VIETNAMESE_LETTERS) + "aeiouyAEIOUYdD"
EIGHT_BIT = ["tcvn3", "vni", "viscii", "vps", "cp1258"]


def as_mojibake(data: bytes) -> str:
    """What the bytes look like once opened as Windows-1252 (Latin-1 where 1252 has no character)."""
    return "".join(_windows_chars()[b] for b in data)


#: Letters a code page has no byte for (VPS per GNU recode has no capital Ỗ).
MISSING = {"vps": "Ỗ"}


@pytest.mark.parametrize("encoding", vntext.ENCODINGS)
def test_every_letter_round_trips(encoding: str) -> None:
    for ch in ALL_LETTERS:
        if ch in MISSING.get(encoding, ""):
            with pytest.raises(UnicodeEncodeError):
                vntext.encode_legacy(ch, encoding)
            continue
        data = vntext.encode_legacy(ch, encoding)
        assert vntext.decode_legacy(data, encoding) == ch, (encoding, ch, data)
        if encoding == "viqr":  # a word-final tone before punctuation, a line end, a capital
            for text in (ch + ".", ch + "?\n", ch + " Anh", "Thị Mai. Quả?"):
                assert vntext.decode_legacy(vntext.encode_legacy(text, "viqr"), "viqr") == text, (ch, text)


@pytest.mark.parametrize("encoding", EIGHT_BIT)
def test_mis_decoded_text_decodes_like_bytes(encoding: str) -> None:
    text = "Đảng Cộng sản Việt Nam, khuỷu tay, người Thuỵ Sỹ, ƯỚC MƠ, HỒ GƯƠM"
    data = vntext.encode_legacy(text, encoding)
    assert vntext.decode_legacy(data, encoding) == text
    assert vntext.decode_legacy(as_mojibake(data), encoding) == text


def test_viqr_strict_reads_every_unescaped_mark_as_a_diacritic() -> None:
    # RFC 1456: a literal mark after a vowel is escaped, so an unescaped one is a tone.
    assert vntext.decode_legacy("ta. Anh ve^`", "viqr") == "tạ Anh về"
    assert vntext.decode_legacy("ta\\. Anh ve^`", "viqr") == "ta. Anh về"
    assert vntext.decode_legacy("thi. 25, chu? Co^.ng, Nam.", "viqr") == "thị 25, chủ Cộng, Nam."
    assert vntext.decode_legacy("Ha` No^.i.", "viqr") == "Hà Nội."  # a second tone is punctuation


def test_viqr_as_typed_reads_sentence_ends_as_punctuation() -> None:
    # Text typed without any escape: a final mark at a line end or before a capital ends the sentence.
    assert decode_viqr("ta. Anh ve^`", strict=False) == "ta. Anh về"
    assert vntext.normalize("Anh ddi dda^u va^.y? To^i ddi ho.c.") == "Anh đi đâu vậy? Tôi đi học."


def test_viqr_dot_tone_before_capital() -> None:
    assert vntext.decode_legacy(vntext.encode_legacy("chuẩn bị Đại hội", "viqr"), "viqr") == "chuẩn bị Đại hội"


@pytest.mark.parametrize("encoding", vntext.ENCODINGS)
def test_sentence_round_trip(encoding: str, seed_lines: list[str]) -> None:
    for line in seed_lines[:40]:
        try:
            data = vntext.encode_legacy(line, encoding)
        except UnicodeEncodeError:
            continue  # curly quotes and the like have no place in every code page
        assert vntext.decode_legacy(data, encoding) == vntext.to_nfc(line)


def test_unencodable_character_is_reported() -> None:
    with pytest.raises(UnicodeEncodeError) as info:
        vntext.encode_legacy("Hà Nội 東京", "viscii")
    assert "東" in str(info.value)
    assert vntext.encode_legacy("Hà Nội 東京", "viscii", errors="replace").endswith(b"??")


def test_unknown_encoding_names_choices() -> None:
    with pytest.raises(ValueError, match=r"unknown legacy encoding 'koi8-r'.*tcvn3"):
        vntext.decode_legacy(b"x", "koi8-r")
    assert vntext.decode_legacy("Bo^.", "VIQR") == "Bộ"
    assert vntext.decode_legacy("Boä", "VNI-Windows") == "Bộ"


def _iconv(text: str, encoding: str) -> bytes | None:
    r = subprocess.run(["iconv", "-f", "UTF-8", "-t", encoding], input=text.encode(), capture_output=True)
    return r.stdout if r.returncode == 0 else None


@needs_iconv
@pytest.mark.parametrize(("ours", "theirs"), [("viscii", "VISCII"), ("tcvn3", "TCVN5712-1"), ("cp1258", "CP1258")])
def test_agrees_with_glibc_iconv(ours: str, theirs: str, seed_lines: list[str]) -> None:
    compared = 0
    for line in seed_lines:
        if ours == "tcvn3":
            line = line.lower()  # ABC fonts keep capitals in a second font: compare the lowercase page
        expected = _iconv(line, theirs)
        if expected is None:
            continue
        compared += 1
        assert vntext.decode_legacy(expected, ours) == vntext.to_nfc(line)
        assert vntext.encode_legacy(line, ours) == expected
    assert compared > 20


@needs_recode
@pytest.mark.parametrize(("ours", "theirs"), [("vps", "VPS"), ("viscii", "VISCII"), ("vni", "VNI")])
def test_decodes_like_gnu_recode(ours: str, theirs: str) -> None:
    text = "Đảng Cộng sản Việt Nam khuỷu tay người Thuỵ Sỹ ước mơ hoà bình"
    data = vntext.encode_legacy(text, ours)
    r = subprocess.run(["recode", f"{theirs}..UTF-8"], input=data, capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"recode cannot convert {theirs}: {r.stderr.decode(errors='replace')[:80]}")
    assert vntext.to_nfc(r.stdout.decode()) == text


EXAMPLES = [
    ("tcvn3", "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("vni", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("viqr", "Vie^.t Nam Da^n chu? Co^.ng ho`a", "Việt Nam Dân chủ Cộng hòa"),
    ("viqr", "Ho^m nay la` nga`y 1\\. Nam.", "Hôm nay là ngày 1. Nam."),
]


@pytest.mark.parametrize(("encoding", "text", "expected"), EXAMPLES)
def test_decode_examples(encoding: str, text: str, expected: str) -> None:
    assert vntext.decode_legacy(text, encoding) == expected
    assert vntext.detect_legacy(text) == encoding


@pytest.mark.parametrize(
    "text",
    [
        "Bộ Ngoại giao",
        "The café in Zürich serves naïve résumés; Müller and Pérez. À bientôt, où est la gare? Größe",
        "I'm sure it's fine, don't worry: C++ and U+0301, e.g. A+ grades.",
        "Giáo hoàng Alexanđê VI (m. 1503)",
        "",
        "12345 — «» © ®",
    ],
)
def test_detect_says_none_for_unicode_and_other_languages(text: str) -> None:
    assert vntext.detect_legacy(text) is None


def test_detect_no_false_alarm_on_real_unicode(seed_lines: list[str], corpus_lines: list[str]) -> None:
    alarms = [line for line in seed_lines + corpus_lines if vntext.detect_legacy(line) is not None]
    assert alarms == []


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "vps", "cp1258", "viqr"])
def test_detect_whole_documents(encoding: str, seed_lines: list[str]) -> None:
    text = "\n".join(seed_lines[:30])
    if encoding == "tcvn3":
        text = text.lower()
    data = vntext.encode_legacy(text, encoding, errors="replace")
    shown = data.decode("ascii") if encoding == "viqr" else as_mojibake(data)
    assert vntext.detect_legacy(shown) == encoding
    assert vntext.normalize(shown, tone_style=None)[:200] == vntext.to_nfc(text)[:200]
