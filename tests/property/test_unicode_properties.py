"""Properties of the Unicode functions on generated Vietnamese and arbitrary text."""

from __future__ import annotations

import time
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

import vntext
from tests.property.strategies import syllables, vietnamese_text

any_text = st.one_of(st.text(), vietnamese_text)


@given(any_text)
def test_to_nfc_is_nfc_and_idempotent(text: str) -> None:
    out = vntext.to_nfc(text)
    assert unicodedata.is_normalized("NFC", out) or out == unicodedata.normalize("NFC", out)
    assert vntext.to_nfc(out) == out


@given(any_text)
def test_to_nfd_is_nfd_of_to_nfc(text: str) -> None:
    import unicodedata2

    assert vntext.to_nfd(text) == unicodedata2.normalize("NFD", vntext.to_nfc(text))
    assert vntext.to_nfd(vntext.to_nfc(text)) == vntext.to_nfd(text)


@given(st.text())
def test_to_nfc_equals_plain_nfc_without_misordered_marks(text: str) -> None:
    import unicodedata2

    if not any(c in "\u0300\u0301\u0303\u0309\u0323\u0340\u0341" for c in text):
        assert vntext.to_nfc(text) == unicodedata2.normalize("NFC", text)


@given(any_text, st.sampled_from(["new", "old"]))
def test_normalize_tones_idempotent(text: str, style: str) -> None:
    once = vntext.normalize_tones(text, style)
    assert vntext.normalize_tones(once, style) == once


@given(any_text)
def test_tone_styles_round_trip(text: str) -> None:
    new = vntext.normalize_tones(text, "new")
    old = vntext.normalize_tones(text, "old")
    assert vntext.normalize_tones(old, "new") == new
    assert vntext.normalize_tones(new, "old") == old


@given(any_text, st.sampled_from(["new", "old"]))
def test_tones_change_only_tone_placement(text: str, style: str) -> None:
    out = vntext.normalize_tones(text, style)
    nfc = vntext.to_nfc(text)
    assert len(out) == len(nfc)
    assert vntext.remove_diacritics(out) == vntext.remove_diacritics(nfc)


@given(syllables())
def test_every_generated_syllable_gets_one_placement(word: str) -> None:
    from vntext.syllable import parse_syllable, place_tone

    if parse_syllable(word) is not None:
        assert place_tone(place_tone(word, "old"), "new") == place_tone(word, "new")


@given(any_text)
def test_remove_diacritics_idempotent_and_keeps_length_of_nfc(text: str) -> None:
    out = vntext.remove_diacritics(text)
    assert vntext.remove_diacritics(out) == out


@given(any_text)
@example("Ð\u00adA(ÐA(")  # the soft hyphen hid the word "ĐA" from the eth repair on the first pass
def test_clean_idempotent(text: str) -> None:
    once = vntext.clean_text(text)
    assert vntext.clean_text(once) == once


@settings(deadline=None, max_examples=60)
@given(any_text)
@example("A(\u00ad")  # VIQR once the soft hyphen is gone
@example("A\u00ad0A²")  # VNI once the soft hyphen is gone
@example("Vie\u00ad^.t\u00a0Nam")
def test_normalize_idempotent_and_total(text: str) -> None:
    once = vntext.normalize(text)
    assert vntext.normalize(once) == once
    assert isinstance(vntext.normalize(text, tone_style="old", form="NFD"), str)


@given(st.text())
def test_nothing_raises_on_arbitrary_text(text: str) -> None:
    vntext.detect_legacy(text)
    for encoding in vntext.ENCODINGS:
        vntext.decode_legacy(text, encoding)
        vntext.decode_legacy(text.encode("utf-8", "surrogatepass"), encoding)


def _seconds(fn, text: str) -> float:  # type: ignore[no-untyped-def]
    """Best of three CPU times: other work on a loaded machine barely counts."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        fn(text)
        best = min(best, time.process_time() - start)
    return best


HOSTILE = [
    "o\u0301\u0302" * 50_000,  # marks in the wrong order everywhere
    "a" + "\u0301" * 200_000,  # one base, endless marks
    "ngoà" * 60_000,  # one long "word" of style-dependent forms
    "Ð" * 200_000,
    "Ð\u00ad" * 100_000,  # the eth judged with its invisible characters removed
    "  \u00a0\u200b" * 60_000,
    "Vie^.t" * 40_000,
    "Bé Ngo¹i " * 30_000,
]


def test_linear_time_on_hostile_input() -> None:
    """Doubling hostile input at most roughly doubles the time (no quadratic blow-up)."""
    fns = [vntext.normalize, vntext.to_nfc, vntext.remove_diacritics, vntext.detect_legacy,
           lambda t: vntext.decode_legacy(t, "viqr"), lambda t: vntext.decode_legacy(t, "vni")]
    for text in HOSTILE:
        for fn in fns:
            small = _seconds(fn, text[: len(text) // 2])
            big = _seconds(fn, text)
            assert big < max(4 * small, 0.05), (text[:12], fn, small, big)


# Legacy fragments, invisible characters and symbols of the Windows-1252 upper half, run together: where
# legacy detection and the clean-up meet.
_LEGACY_MIX = st.lists(st.sampled_from(
    ["A(", "Vie^.t", "Nam", "\u00ad", "\u00a0", "\u200b", "\ufeff", "²", "0", "A", "ng\u00adêi", "d©n", "Coäng",
     "hoøa", " ", "  ", "e", "^", ".", "Ð", "ViÖt", "µ", "Céng", "\n", "Ho\u0300a"]), max_size=12).map("".join)


@settings(deadline=None, max_examples=300)
@given(_LEGACY_MIX)
def test_normalize_idempotent_where_legacy_meets_clean_up(text: str) -> None:
    once = vntext.normalize(text)
    assert vntext.normalize(once) == once
