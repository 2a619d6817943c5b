"""The normalize() pipeline, its config, and clean-up."""

from __future__ import annotations

import pickle
import threading
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import vntext
from tests.conftest import cases
from vntext import NormalizeConfig, Normalizer


def test_pipeline_repairs_cleans_and_places_tones() -> None:
    text = "Thuỷ\u00a0điện  Hoà\u200b Bình, Ðà Nẵng\u00ad"
    assert vntext.normalize(text) == "Thủy điện Hòa Bình, Đà Nẵng"
    assert vntext.normalize(text, tone_style="old") == "Thuỷ điện Hoà Bình, Đà Nẵng"
    assert vntext.normalize(text, tone_style=None, clean=False) == vntext.to_nfc(text)


def test_form_nfd() -> None:
    assert vntext.normalize("Hòa", form="NFD") == "Ho\u0300a"


def test_legacy_repair_can_be_turned_off() -> None:
    mojibake = "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
    assert vntext.normalize(mojibake, fix_encoding=False) == mojibake
    assert vntext.normalize(mojibake) == "Cộng hòa xã hội chủ nghĩa Việt Nam"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"tone_style": "older"}, "unknown tone style 'older'"), ({"form": "NFKC"}, "unknown normal form 'NFKC'")],
)
def test_bad_arguments_raise_value_error(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        vntext.normalize("x", **kwargs)
    with pytest.raises(vntext.VntextError):
        vntext.normalize_tones("x", style="older")


def test_not_vietnamese_is_untouched() -> None:
    text = "print(f'{x!r}') → https://example.com/hoà?q=1 😀 東京 Ελληνικά 12,5%"
    assert vntext.normalize(text, tone_style=None) == text


def test_config_is_frozen_picklable_and_replaceable() -> None:
    cfg = NormalizeConfig(tone_style="old")
    with pytest.raises(AttributeError):
        cfg.form = "NFD"  # type: ignore[misc]
    assert cfg.replace(form="NFD").form == "NFD" and cfg.form == "NFC"
    n = Normalizer(cfg)
    clone = pickle.loads(pickle.dumps(n))
    assert clone.normalize("hòa") == n.normalize("hòa") == "hoà"
    assert Normalizer(tone_style="new").config == NormalizeConfig()


def test_normalizer_is_thread_safe() -> None:
    n = Normalizer()
    texts = [f"Hoà bình {i} thuỷ chung" for i in range(200)]
    results: list[str] = []

    def work() -> None:
        results.extend(n.normalize(t) for t in texts)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == sorted([f"Hòa bình {i} thủy chung" for i in range(200)] * 4)


def test_clean_text_table() -> None:
    assert vntext.clean_text("a\u2010b\u2212c\u2012d\u2015e") == "a-b-c–d—e"
    assert vntext.clean_text("  indented\tkept  x") == "  indented\tkept x"
    assert vntext.clean_text("👨\u200d👩 cafe\u200dteria") == "👨\u200d👩 cafeteria"
    assert vntext.clean_text("Ðór ÐẢNG") == "Ðór ĐẢNG"


def test_seeds_are_fixed_points(seed_lines: list[str]) -> None:
    for line in seed_lines:
        once = vntext.normalize(line)
        assert vntext.normalize(once) == once
        assert vntext.remove_diacritics(once) == vntext.remove_diacritics(vntext.clean_text(vntext.to_nfc(line)))


@pytest.mark.parametrize("case", cases("normalize"), ids=lambda c: c["label"])
def test_normalize_cases(case: dict) -> None:
    out = vntext.normalize(case["input"], **case.get("options", {}))
    assert out == case["expected"]
    assert vntext.normalize(out, **case.get("options", {})) == out  # idempotent


def _rows(name: str) -> list[tuple[str, str]]:
    path = Path(__file__).resolve().parent / "data" / name
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return [tuple(row.split("\t", 1)) for row in rows]  # type: ignore[misc]


def _multilingual() -> list[tuple[str, str]]:
    return _rows("multilingual.tsv")


def test_ordinary_sentences_of_other_languages_are_untouched() -> None:
    """Sentences written here for this test, in 30+ languages, full of words shaped like Vietnamese
    syllables (caí, huí, baú, già, però, duì, liú, sagði)."""
    rows = _rows("other_languages.tsv")
    assert len({lang for lang, _ in rows}) >= 30
    assert [(lang, text) for lang, text in rows if vntext.normalize(text) != text] == []
    assert [(lang, text) for lang, text in rows if vntext.detect_legacy(text) is not None] == []


def test_other_languages_change_only_by_documented_clean_up() -> None:
    """1,600+ lines of 47 languages and scripts (CLDR month, day and country names): normalize changes
    nothing but NFC and the clean-up (no-break spaces and the like)."""
    rows = _multilingual()
    assert len(rows) > 1000 and len({loc for loc, _ in rows}) >= 30
    changed = [(loc, text) for loc, text in rows if vntext.normalize(text) != vntext.clean_text(vntext.to_nfc(text))]
    assert changed == []


_spaced = st.lists(
    st.sampled_from([" ", "a", "ệ", "\u00a0", "\u200b", "\u00ad", "\u2003", "\u2060", "\ufeff", "-", "\u2212", "Ð",
                     "\n"]),
    max_size=16,
).map("".join)


@given(_spaced)
def test_two_spaces_a_clean_up_makes_are_where_its_edits_are(text: str) -> None:
    # normalize skips joining spaces when the text held no two in a row and no edit made two meet.
    from vntext.clean import character_edits, spaces_meet
    from vntext.edits import apply

    assume("  " not in text)
    edits = character_edits(text)
    cleaned = apply(text, edits)
    assert spaces_meet(cleaned, edits) == ("  " in cleaned)
