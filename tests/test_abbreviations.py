"""Abbreviations: data-driven cases, dictionary integrity, spans, configuration, properties."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vntext
from tests.conftest import SHARED, cases, read_jsonl
from tests.property.strategies import vietnamese_text
from vntext.abbreviation_context import rules
from vntext.abbreviation_tokens import endless
from vntext.abbreviations import AbbreviationExpander, _dictionary, long_form
from vntext.data import read_tsv


@pytest.mark.parametrize("case", cases("abbreviations"), ids=lambda c: c["label"])
def test_cases(case: dict) -> None:
    assert vntext.expand_abbreviations(case["text"]) == case["expected"]
    # A second pass changes nothing: the evidence a rule saw in the first (a key, a sentence's end
    # after "Lm.") must still be there, or be matched in its read form, in the second.
    assert vntext.expand_abbreviations(case["expected"]) == case["expected"]


DEV = SHARED / "devset" / "abbrev.jsonl"


@pytest.mark.skipif(not DEV.exists(), reason="dev set not found")
def test_devset_sentences() -> None:
    wrong = [c["id"] for c in read_jsonl(DEV) if vntext.expand_abbreviations(c["text"]) != c["expected"]]
    assert wrong == []


def test_dictionary_integrity() -> None:
    rows = read_tsv("abbreviations.tsv")
    assert len(rows) >= 500
    keys = [r["abbreviation"] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate abbreviations"
    categories = {"party_state", "ministry", "press", "place", "education", "title", "role", "military_police",
                  "economy", "common", "legal", "signature", "international"}
    for r in rows:
        assert r["category"] in categories, r
        assert r["source"], r
        assert r["expansion"] and r["expansion"] == r["expansion"].strip(), r
        # No expansion contains an abbreviation of the dictionary as a word: expansion is idempotent.
        for word in re.findall(r"[\w.&-]+", r["expansion"]):
            assert word not in _dictionary() or word == r["expansion"], (r, word)
    for abbr in rules():
        assert abbr in _dictionary(), abbr


LEXICONS = SHARED / "lexicons"


@pytest.mark.skipif(not (LEXICONS / "soe-vinorm").exists(), reason="candidate lexicons not found")
def test_dictionary_sources_name_the_lexicons_that_agree() -> None:
    """The source column is what scripts/build_abbreviations.py computes from the candidate lexicons."""
    script = Path(__file__).resolve().parent.parent / "scripts" / "build_abbreviations.py"
    done = subprocess.run([sys.executable, str(script), str(LEXICONS), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_context_rule_after_a_catch_all() -> None:
    """The first rule that matches wins, so a rule listed after a key's catch-all ("near ." keeping it
    as written) would never be tried."""
    caught: set[str] = set()
    dead = []
    for row in read_tsv("abbreviation_contexts.tsv"):
        if row["abbreviation"] in caught:
            dead.append((row["abbreviation"], row["expansion"], row["example"]))
        if row["where"] == "near" and row["pattern"] == ".":
            caught.add(row["abbreviation"])
    assert dead == []


@given(st.lists(st.tuples(st.integers(0, 600), st.sampled_from([" ", "\n", "\t", "\u00a0", "  "])), max_size=8),
       st.sampled_from(["", " ", "ab"]))
def test_endless_runs_are_every_run_of_256_or_more(parts: list[tuple[int, str]], head: str) -> None:
    """The block-wise search finds exactly the runs a plain regex does, around the block's size."""
    text = head + "".join("x" * n + sep for n, sep in parts)
    assert endless(text) == [m.span() for m in re.finditer(r"\S{256,}", text)]


def test_unknown_place_in_a_context_rule_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """A typo in the table's "where" column is an error naming the row, not a rule that never fires."""
    from vntext import abbreviation_context

    row = {"abbreviation": "GM", "expansion": "Giám mục", "where": "around", "pattern": ".", "example": ""}
    monkeypatch.setattr(abbreviation_context, "read_tsv", lambda name: [row])
    abbreviation_context.rules.cache_clear()
    try:
        with pytest.raises(ValueError, match="GM: unknown place 'around'"):
            abbreviation_context.rules()
    finally:
        abbreviation_context.rules.cache_clear()


def test_spans_and_sources() -> None:
    text = "Đội Quản lý thị trường (QLTT) số 5 và QLTT tỉnh; UBND xã."
    found = vntext.find_abbreviations(text)
    assert [(m.text, m.source) for m in found] == [("QLTT", "document"), ("UBND", "dictionary")]
    for m in found:
        assert text[m.start : m.end] == m.text
    assert vntext.find_abbreviations(text, learn=False)[0].source == "dictionary"


def test_long_form_matcher() -> None:
    words = "Đảng Nhân dân Cách mạng".split()
    assert words[long_form(words, "NDCM"):] == ["Nhân", "dân", "Cách", "mạng"]
    words = "Bộ Giáo dục và Đào tạo".split()
    assert words[long_form(words, "GD&ĐT"):] == ["Giáo", "dục", "và", "Đào", "tạo"]
    assert long_form("Ủy ban nhân dân".split(), "UBND") == 0
    assert long_form("thị trường".split(), "QLTT") is None
    assert long_form("Đà Nẵng".split(), "DN") is None  # Đ is not D


def test_configurable_expander() -> None:
    ex = AbbreviationExpander(extra={"BQL": "Ban quản lý"}, remove=["UBND"], expand_international=True)
    assert ex.expand_abbreviations("BQL và UBND, GDP") == "Ban quản lý và UBND, tổng sản phẩm quốc nội"
    assert vntext.expand_abbreviations("UBND, GDP") == "Ủy ban nhân dân, GDP"  # default unchanged
    clone = pickle.loads(pickle.dumps(ex))
    assert clone.expand_abbreviations("BQL và UBND") == "Ban quản lý và UBND"


def test_normalize_can_expand() -> None:
    assert vntext.normalize("UBND tỉnh Hoà Bình", expand_abbreviations=True) == "Ủy ban nhân dân tỉnh Hòa Bình"


@settings(deadline=None, max_examples=150)
@given(st.one_of(st.text(), vietnamese_text,
                 st.lists(st.sampled_from(["UBND", "TP.", "(QLTT)", "Quản lý thị trường", " ", "ĐH", "XIV",
                                           "25-CT/TW", "GD&ĐT", "HÀ NỘI", "\n", ".", "CP", "TP", " - ", "82",
                                           "viết tắt là ", "[KTC]", "khoảng tin cậy", " 95%", " 1  ", "(CPU)",
                                           "Central Processing Unit", "Google Ventures", "GV", "BCH", " hoặc ",
                                           "TT", "Bút Sơn", "KT", "XH", ",", "Công ty ", "TNHH ", "SX", "-", "TM",
                                           " & ", "DV", "Minh Phát", "/", "V/v", ".txt", "ThS.", "DS",
                                           "Lê Văn"])).map("".join)))
def test_properties(text: str) -> None:
    found = vntext.find_abbreviations(text)
    last = 0
    for m in found:
        assert text[m.start : m.end] == m.text and m.start >= last
        last = m.end
    once = vntext.expand_abbreviations(text)
    assert vntext.expand_abbreviations(once) == once


def test_decomposed_text_reads_as_composed(seed_lines: list[str]) -> None:
    # Text in NFD (as some systems store it) gets the readings of the same text in NFC, each span
    # holding its key in the decomposed text, and nothing outside the matches changes.
    for line in seed_lines:
        nfd = unicodedata.normalize("NFD", line)
        found = vntext.find_abbreviations(nfd)
        assert [m.expansion for m in found] == [m.expansion for m in vntext.find_abbreviations(line)]
        for m in found:
            assert unicodedata.normalize("NFC", nfd[m.start : m.end]) == unicodedata.normalize("NFC", m.text)
            assert nfd[m.start : m.end] == m.text
        expanded = vntext.expand_abbreviations(nfd)
        assert unicodedata.normalize("NFC", expanded) == vntext.expand_abbreviations(line)


def test_a_decomposed_key_is_found() -> None:
    # each key with a decomposable letter (Ư) found in NFD, next to quotes and full stops too
    nfd = unicodedata.normalize("NFD", "Danh hiệu NSƯT; Ủy viên T.Ư Đảng; “UVTƯ”")
    assert [m.text for m in vntext.find_abbreviations(nfd)] == [
        unicodedata.normalize("NFD", k) for k in ("NSƯT", "T.Ư", "UVTƯ")
    ]


def test_idempotent_on_real_text(seed_lines: list[str]) -> None:
    for line in seed_lines:
        once = vntext.expand_abbreviations(line)
        assert vntext.expand_abbreviations(once) == once


def test_a_run_without_spaces_is_not_language() -> None:
    # A blob of 256+ characters with no space (a hash, minified code, a repeated pattern) is kept as written...
    blob = "TP." * 90
    assert vntext.find_abbreviations(blob) == []
    assert vntext.expand_abbreviations(f"ở {blob} và") == f"ở {blob} và"
    # ...but a glued abbreviation in an ordinary token, and text on either side of a blob, are still read.
    assert [m.text for m in vntext.find_abbreviations("TP." * 80)][:2] == ["TP.", "TP."]
    text = f"UBND TP.HCM {'x' * 300} TP. Huế"
    assert [m.text for m in vntext.find_abbreviations(text)] == ["UBND", "TP.HCM", "TP."]


def test_decomposed_input_matches_whole_words_only() -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Chủ tịch UBND tỉnh nói: cảm ơn. CẢM ƠN CÁC BẠN. Nhà CAO TẦNG.")
    found = vntext.find_abbreviations(nfd)
    assert [m.text for m in found] == ["UBND"]  # not "CA" of "CẢM", nor "CAO", in any form
    assert nfd[found[0].start : found[0].end] == "UBND"


def test_brackets_are_decided_the_same_on_a_second_pass() -> None:
    # Found by the property above: a reading 80 characters back kept "(QLTT)" on the first pass and, once
    # "UB" before it had become "ủy ban", fell out of reach on the second. Restatements are now looked for
    # in the whole sentence, with every reading a key may get.
    for text in [
        "QUẢN LÝ THỊ TRƯỜNG0000000000000000000000000000000:UBND:QK:UB(QLTT)",
        "Công ty CP (CP) và các TS (TS) dự thi; Ủy ban nhân dân tỉnh (UBND).",
        "TP.(ĐN)- Theo tin.\n(ĐN)- Theo tin.",
        "X TN (BHTN) và BH thất nghiệp (BHTN)",
    ]:
        once = vntext.expand_abbreviations(text)
        assert vntext.expand_abbreviations(once) == once, text
    expected = "(ĐN)- Theo tin; quận 3 (Thành phố Hồ Chí Minh)."
    assert vntext.expand_abbreviations("(ĐN)- Theo tin; quận 3 (TP.HCM).") == expected
