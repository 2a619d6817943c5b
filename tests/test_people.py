"""People: data-driven cases, the dev set, spans, configuration, properties."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vntext
from tests.conftest import SHARED, cases, read_jsonl
from tests.property.strategies import vietnamese_text
from vntext.people import PersonParser


def _check(text: str, gold: list[dict]) -> None:
    found = vntext.find_people(text)
    assert [p.name["full"] for p in found] == [g["name"] for g in gold]
    for p, g in zip(found, gold, strict=True):
        assert p.honorific == g["honorific"], p
        assert list(p.titles) == g["titles"], p
        for key in ("family", "middle", "given"):
            if key in g:
                assert p.name[key] == g[key], (key, p.name)
        assert text[p.start : p.end] == p.text


@pytest.mark.parametrize("case", cases("people"), ids=lambda c: c["label"])
def test_cases(case: dict) -> None:
    _check(case["text"], case["people"])


DEV = SHARED / "devset" / "people.jsonl"


@pytest.mark.skipif(not DEV.exists(), reason="dev set not found")
@pytest.mark.parametrize("case", read_jsonl(DEV) if DEV.exists() else [], ids=lambda c: c["id"])
def test_devset(case: dict) -> None:
    _check(case["text"], case["people"])


def test_to_dict_and_linking() -> None:
    text = "Ông Lê Hoài Trung phát biểu. Sau đó, ông Lê Hoài Trung tiếp đoàn."
    first, second = vntext.find_people(text)
    assert first.to_dict()["name"] == {"full": "Lê Hoài Trung", "family": "Lê", "middle": "Hoài", "given": "Trung"}
    assert first.gender == "male" and first.refers_to is None
    assert second.refers_to == first.id
    d = second.to_dict()
    assert set(d) >= {"text", "start", "end", "honorific", "titles", "name"}
    assert text[d["start"] : d["end"]] == d["text"]


def test_parse_person() -> None:
    p = vntext.parse_person("Ngoại trưởng Hoa Kỳ Antony Blinken")
    assert p is not None and p.name["given"] == "Antony" and p.name["family"] == "Blinken"
    assert vntext.parse_person("Bộ trưởng Bộ Tài chính") is None
    assert vntext.parse_person("") is None


def test_configurable_parser_is_picklable() -> None:
    parser = PersonParser(extra_titles=["Chủ xị"], extra_family_names=["Giàng"])
    clone = pickle.loads(pickle.dumps(parser))
    people = clone.find_people("Chủ xị Giàng A Páo cho biết.")
    assert [(p.name["full"], list(p.titles)) for p in people] == [("Giàng A Páo", ["Chủ xị"])]
    assert vntext.find_people("Chủ xị Giàng A Páo cho biết.") == []


@settings(deadline=None, max_examples=200)
@given(st.one_of(st.text(), vietnamese_text, st.lists(st.sampled_from(
    ["Nguyễn", "Văn", "Thể", "Ông", "ông", "đồng chí", "Chủ tịch", "Tổng Bí thư", ",", " ", "von", "der",
     "Joe", "Biden", "Kim", "Sang-sik", "Hoa Kỳ", "(", "Ảnh:", "PHẠM", "KIÊN", "\n", "Trưởng", "Ban", "và"]))
    .map(" ".join)))
def test_properties(text: str) -> None:
    people = vntext.find_people(text)
    last = 0
    for p in people:
        assert text[p.start : p.end] == p.text
        assert p.start >= last
        last = p.end
        assert p.name["full"]


def test_no_backtracking_blowup_on_capitalised_runs() -> None:
    import time

    for text in ["Nguyễn " * 20000, "Chủ tịch " * 20000, "Ông A B " * 20000, "Joe-Biden " * 20000,
                 "A" * 200000, "Ab" * 100000, "A" + " " * 200000 + "B", "Ông von " * 20000]:
        start = time.process_time()  # CPU time: a loaded machine does not count; linear is about 0.1 s
        vntext.find_people(text)
        assert time.process_time() - start < 5, text[:20]


@settings(deadline=None, max_examples=200)
@given(st.one_of(vietnamese_text, st.lists(st.sampled_from(
    ["Nguyễn", "Văn", "Thể", "ông", "Chủ tịch", ",", " ", "  ", "von", "der", "Joe", "Biden", "McDonald", "iPhone",
     "Sang-sik", "Ảnh:", "PHẠM", "KIÊN", "\n", "Trưởng", "Ban", "xY", "Владимир", "Путин", ".", "A" * 70]))
    .map(" ".join)))
def test_only_pair_and_cue_starts_are_tried(text: str) -> None:
    # find_people tries names only where the pair and cue scans point; trying every capitalised token
    # of every sentence (each as if a cue came before it) must find the same people.
    from vntext._windows import windows
    from vntext.people.mentions import _WINDOW, _default, _Earlier
    from vntext.people.tokens import Tokens, sentences

    parser = _default()
    people: list = []
    earlier = _Earlier()
    for sentence in sentences(text, parser._vocab.degrees):
        for a, b in windows(text, *sentence, _WINDOW):
            toks = Tokens(text, a, b)
            every = [s for s, t in zip(toks.starts, toks.texts, strict=True) if t[0].isupper()]
            parser._find_in(text, toks, every, set(every), people, earlier)
    assert [p.to_dict() for p in vntext.find_people(text)] == [p.to_dict() for p in people]


def test_a_name_after_a_very_long_capitalised_word_is_found() -> None:
    # The pair scan measures words over 64 characters only; a longer one before a name must not hide it.
    text = "A" * 70 + " Nguyễn Văn An phát biểu."
    assert [p.name["full"] for p in vntext.find_people(text)] == [
        p.name["full"] for p in vntext.find_people("A" * 10 + " Nguyễn Văn An phát biểu.")
    ]
