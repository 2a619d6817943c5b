"""analyze(): the normalised text equals normalize(), and every span maps back to the original."""

from __future__ import annotations

import pickle
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vntext
from tests.property.strategies import vietnamese_text
from vntext.analyze import Analyzer

MESSY = st.lists(st.one_of(
    vietnamese_text,
    st.sampled_from(["UBND", "T.Ư", "(QLTT)", "Quản lý thị trường", "ông Nguyễn Văn Thể", "Chiều 5-8", "ngày 28/6",
                     "Ho\u0300a", "\u00a0", "\u200b", "  ", "Ðà Nẵng", "o\u0301\u0302", "Thuỷ", "TP.HCM", "\n"]),
), max_size=25).map("".join)


def _check(text: str, doc: vntext.Document) -> None:
    positions = [doc.to_original(i) for i in range(len(doc.text) + 1)]
    assert positions == sorted(positions), "to_original must be monotonic"
    assert all(0 <= p <= len(text) for p in positions)
    for m in (*doc.abbreviations, *doc.people, *doc.dates):
        assert text[m.start : m.end] == m.text
        assert 0 <= m.start <= m.end <= len(text)


@settings(deadline=None, max_examples=200)
@given(st.one_of(st.text(), MESSY))
def test_text_is_normalize_and_spans_map_back(text: str) -> None:
    doc = vntext.analyze(text, reference=date(2024, 6, 30))
    assert doc.text == vntext.normalize(text)
    _check(text, doc)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viqr"])
def test_legacy_documents_map_back(encoding: str) -> None:
    plain = "ủy ban nhân dân tỉnh hòa bình, chiều 5-8 đồng chí nguyễn văn thể phát biểu."
    data = vntext.encode_legacy(plain, encoding)
    shown = data.decode("ascii") if encoding == "viqr" else data.decode("cp1252", "replace")
    doc = vntext.analyze(shown, reference=date(2020, 8, 6))
    assert doc.encoding == encoding
    assert doc.text == vntext.normalize(shown)
    _check(shown, doc)
    assert [d.value.start for d in doc.dates] == [date(2020, 8, 5)]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_the_encoding_is_reported_beside_a_url(encoding: str) -> None:
    # A URL cuts the text into pieces normalised one by one; the repaired piece still names its encoding.
    shown = vntext.encode_legacy("ủy ban nhân dân tỉnh hòa bình thông báo", encoding).decode("cp1252", "replace")
    doc = vntext.analyze(shown + " tại https://hoabinh.gov.vn/tin-tuc")
    assert doc.encoding == encoding
    assert doc.text.endswith(" tại https://hoabinh.gov.vn/tin-tuc")
    assert vntext.analyze("Xem https://hoabinh.gov.vn/tin-tuc ngày 5/8/2024.").encoding is None


def test_real_article(seed_lines: list[str]) -> None:
    text = "\n".join(seed_lines)
    doc = vntext.analyze(text, reference=date(2024, 6, 30))
    assert doc.text == vntext.normalize(text)
    _check(text, doc)
    assert len(doc.people) > 20 and len(doc.dates) > 10 and len(doc.abbreviations) > 10
    d = doc.to_dict()
    assert set(d) == {"text", "encoding", "abbreviations", "people", "dates"}


def test_analyzer_is_picklable() -> None:
    analyzer = Analyzer(config=vntext.NormalizeConfig(tone_style="old"), reference=date(2020, 8, 6))
    clone = pickle.loads(pickle.dumps(analyzer))
    doc = clone.analyze("Chiều 5-8, ông Nguyễn Văn Thể tới Hòa Bình.")
    assert doc.text == "Chiều 5-8, ông Nguyễn Văn Thể tới Hoà Bình."
    assert doc.dates[0].value.start == date(2020, 8, 5)


CONFIGS = [vntext.NormalizeConfig(form=f, tone_style=s, clean=c, expand_abbreviations=x)
           for f in ("NFC", "NFD") for s in ("new", "old", None) for c in (True, False) for x in (True, False)]


@settings(deadline=None, max_examples=150)
@given(st.one_of(st.text(), MESSY), st.sampled_from(CONFIGS))
def test_every_step_runs_and_edits_alike(text: str, config: vntext.NormalizeConfig) -> None:
    # Normalizer uses step.run, Analyzer step.edits: the two forms of each step must make the same text.
    from vntext.edits import apply
    from vntext.normalize import pipeline

    for step in pipeline(config):
        expected = step.run(text)
        assert apply(text, step.edits(text)) == expected, step.name
        text = expected


def test_nfd_reorders_marks_across_characters() -> None:
    # U+1E8D0 (combining class 220) after ù's grave (230) moves before it in NFD: found by the test above.
    text = "Ù\U0001e8d0 ông Nguyễn Văn Thể"
    doc = Analyzer(vntext.NormalizeConfig(form="NFD")).analyze(text)
    assert doc.text == vntext.normalize(text, form="NFD")
    _check(text, doc)


def test_spans_stay_local_with_decomposed_hangul_anywhere() -> None:
    # One NFD Hangul syllable used to turn the NFC step into one edit of the whole text.
    text = "\u1100\u1161 Chiều 5-8, ông Nguyễn Văn Thể tới UBND tỉnh."
    doc = vntext.analyze(text, reference=date(2020, 8, 6))
    assert [(d.text, d.start) for d in doc.dates] == [("Chiều 5-8", 3)]
    assert [p.name["full"] for p in doc.people] == ["Nguyễn Văn Thể"]
    assert [(a.text, a.start) for a in doc.abbreviations] == [("UBND", text.index("UBND"))]
    _check(text, doc)


def test_spans_locate_each_word_in_viqr_documents() -> None:
    text = "Chie^`u 5-8, o^ng Nguye^~n Va(n The^? to+'i UBND ti?nh Ho`a Bi`nh."
    doc = vntext.analyze(text, reference=date(2020, 8, 6))
    assert doc.encoding == "viqr"
    assert [d.text for d in doc.dates] == ["Chie^`u 5-8"]
    assert [p.text for p in doc.people] == ["o^ng Nguye^~n Va(n The^?"]
    assert [a.text for a in doc.abbreviations] == ["UBND"]
