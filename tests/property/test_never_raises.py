"""Every public function takes any str: it never raises, and every span it reports locates its text."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import vntext
from tests.property.strategies import running_text

TEXT_FUNCTIONS = [
    vntext.normalize, vntext.to_nfc, vntext.to_nfd, vntext.remove_diacritics, vntext.detect_legacy,
    vntext.normalize_tones, vntext.clean_text, vntext.expand_abbreviations, vntext.parse_person,
    lambda t: vntext.normalize(t, tone_style="old", form="NFD", expand_abbreviations=True),
    lambda t: vntext.encode_legacy(t, "viqr", errors="replace"),
    lambda t: vntext.decode_legacy(t, "tcvn3"),
    lambda t: vntext.decode_legacy(t.encode("utf-8", "surrogatepass"), "viqr"),
]
REFERENCES = st.sampled_from([None, date(2024, 7, 3), datetime(2017, 2, 2, 3, 55), date(1, 1, 1), date(9999, 12, 31),
                              datetime.max, datetime.min])


@settings(max_examples=400)
@given(st.one_of(running_text, st.text()))
@example("Từ ngày 25/7 đến 18h ngày 11/8")
@example("Ngày 24-7 đến 14h chiều 25-7")
@example("A(^.")  # VIQR marks with no letters left once the sentence end is taken off
def test_text_functions_never_raise(text: str) -> None:
    for fn in TEXT_FUNCTIONS:
        fn(text)


@settings(max_examples=400)
@given(st.one_of(running_text, st.text()), REFERENCES)
@example("Từ ngày 25/7 đến 18h ngày 11/8", date(2024, 7, 1))
@example("20h30 24/7 tới 2-3", date(2024, 7, 1))
@example("ngày mai, năm sau, 28/6, tuần sau", date(9999, 12, 31))
@example("hôm qua, 28/6", date(1, 1, 1))
def test_finders_never_raise_and_spans_locate_their_text(text: str, reference: date | None) -> None:
    vntext.parse_date(text, reference=reference)
    found = [
        *vntext.find_dates(text, reference=reference),
        *vntext.find_people(text),
        *vntext.find_abbreviations(text),
    ]
    for m in found:
        assert 0 <= m.start <= m.end <= len(text) and text[m.start : m.end] == m.text, m
    doc = vntext.analyze(text, reference=reference)
    for m in (*doc.dates, *doc.people, *doc.abbreviations):
        assert text[m.start : m.end] == m.text, m
    assert doc.text == vntext.normalize(text)


@pytest.mark.parametrize("bad", [None, float("nan"), b"bytes", 42, ["list"]])
def test_non_str_input_is_a_type_error_naming_str(bad: object) -> None:
    fns = [*TEXT_FUNCTIONS[:9], vntext.find_dates, vntext.parse_date, vntext.find_people, vntext.find_abbreviations,
           vntext.analyze, lambda t: vntext.encode_legacy(t, "vni")]
    for fn in fns:
        with pytest.raises(TypeError, match="must be a str"):
            fn(bad)
