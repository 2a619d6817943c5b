"""Dates: every construction from data, things that are not dates, the lunar calendar, properties."""

from __future__ import annotations

import pickle
import re
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vntext
from tests.conftest import SHARED, cases, read_jsonl
from tests.property.strategies import vietnamese_text
from vntext.lunar import LunarDate, lunar_to_solar, solar_to_lunar, tet


@pytest.mark.parametrize("case", cases("dates"), ids=lambda c: c["label"])
def test_constructions(case: dict) -> None:
    ref = datetime.fromisoformat(case["ref"]) if "T" in case["ref"] else date.fromisoformat(case["ref"])
    found = vntext.find_dates(case["text"], ref)
    assert len(found) == 1, found
    value = found[0].value.to_dict()
    assert (value["start"], value["end"]) == (case["start"], case["end"])
    assert value["part_of_day"] == case.get("part_of_day")
    assert value["calendar"] == case.get("calendar", "solar")
    # parse_date on the matched text agrees with find_dates
    assert vntext.parse_date(found[0].text, ref) == found[0].value


@pytest.mark.parametrize("case", cases("dates_running"), ids=lambda c: f"{c['kind']}: {c['text'][:40]}")
def test_running_text(case: dict) -> None:
    # Sentences written here in the forms real news, legal, health, sport, weather, culture, local,
    # administrative and social text use: every date with its span, value, part of day and calendar,
    # and nothing else (look-alikes sit in the same sentences).
    found = vntext.find_dates(case["text"], date.fromisoformat(case["ref"]))
    got = [(m.text, m.value.to_dict()) for m in found]
    assert [t for t, _ in got] == [d["text"] for d in case["dates"]]
    for (text, value), want in zip(got, case["dates"], strict=True):
        assert (value["start"], value["end"]) == (want["start"], want["end"]), text
        assert value["part_of_day"] == want.get("part_of_day"), text
        assert value["calendar"] == want.get("calendar", "solar"), text
        assert case["text"][found[0].start : found[0].end] == found[0].text


NOT_DATES = ["thắng 2-1", "tỷ số 3-0", "1/3 dân số", "3-4 ngày", "lớp 12/3", "50/50", "25-CT/TW", "15/2020/NĐ-CP",
             "25.000 đồng/kg", "6,5%/năm", "120 km/h", "0912.345.678", "Đại hội XIV", "Khóa 79", "gần 40 năm",
             "từ 3-4 ngày", "khoảng 2-3 người", "tăng 15% lên 25%", "59.000 - 61.000 đồng/kg", "lần thứ hai",
             "Thứ hai, chúng ta", "số 1/2024/QH15", "1.769 sản phẩm", "phiên bản 2.1", "tỷ lệ 1/3", "thắng 3-1 trước",
             # look-alikes of times, counted offsets and weekdays
             "trong 2 giờ", "chạy 2 giờ 30 phút", "tỷ số 2:1", "Chương 3:16", "10 năm nay", "hai năm nay",
             "Suốt 7 tuần sau đó", "3 ngày trước Tết", "2 tuần trước khi nghỉ", "sau 5 năm", "ngày 5 tháng trước",
             "hàng nghìn năm trước", "những năm tiếp theo", "trong thời hạn 30 ngày tiếp theo", "của năm tiếp theo",
             "Còn 274 ngày nữa trong năm", "người thứ ba", "đứng thứ 6", "ngày thứ 2 trong lịch Gregory",
             "Thứ sáu là", "lần thứ năm liên tiếp", "mỗi quý một lần", "phạt tù từ 06 tháng năm đến 03 năm",
             "10g thịt", "15 phút", "3-4 giờ", "khoảng 10 giờ làm việc",
             # look-alikes of the constructions added for real text: a count a day, a street or an event
             # named after a date, a week counted from the text, timetable words that are not weekdays,
             # can-chi words that are names, quarters that are districts, a holiday word in another sense
             "ngày 2-3 lần", "mỗi ngày 1-2 viên", "đường 2 tháng 9", "đường 3/2", "Cách mạng tháng Tám",
             "Cách mạng Tháng Mười Nga", "so với tuần trước đó", "tầng T3", "phòng T2", "T2/2024", "mã CN",
             "ông Giáp Thìn", "Mậu Thân", "Q2 là quận trung tâm", "quận 2/9", "Ba năm nay", "3 tuần gần đây",
             "kéo dài 3-4 ngày", "mức án 15-17 năm tù", "từ 9-10 h", "làm việc từ 9-10 h sáng", "tỷ lệ 3/5",
             "2 tuần 3 ngày", "trung thu hút",
             # Tết without a year is the festival in general ("ăn Tết"); "tết" is also to plait; "2PM" a band
             "Cô bé tết tóc cho em", "tết dây thừng", "ngày nghỉ lễ, tết", "về quê ăn Tết", "Tết của gia đình",
             "ca sĩ người Hàn Quốc (2PM)", "lớp 10/3 năm nay", "tỷ số 2/1 năm ngoái",
             # before the Common Era, which a date cannot hold
             "thế kỷ 3 TCN", "năm 1800 TCN", "năm 1900 trước Công nguyên", "thế kỷ XX tr. CN"]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert vntext.find_dates(text, date(2025, 3, 12)) == []


DEV = SHARED / "devset" / "dates.jsonl"


@pytest.mark.skipif(not DEV.exists(), reason="dev set not found")
def test_devset_recall_and_precision() -> None:
    missed, spurious = [], []
    for case in read_jsonl(DEV):
        found = vntext.find_dates(case["text"], date.fromisoformat(case["ref"]))
        spans = [(case["text"].index(g["core"]), g) for g in case["dates"]]
        spans = [(at, at + len(g["core"]), g) for at, g in spans]
        for a, b, g in spans:
            if not any(m.start < b and a < m.end for m in found) and not g.get("optional"):
                missed.append((case["id"], g["core"]))
        for m in found:
            if not any(m.start < b and a < m.end for a, b, _ in spans):
                spurious.append((case["id"], m.text))
    assert missed == [] and spurious == []


def test_partial_dates_resolve_to_the_nearest_year() -> None:
    assert vntext.parse_date("5/1", date(2025, 12, 28)).start == date(2026, 1, 5)
    assert vntext.parse_date("28/12", date(2026, 1, 3)).start == date(2025, 12, 28)
    assert vntext.parse_date("28/12-2/1", date(2026, 1, 3)).start == date(2025, 12, 28)


def test_weekday_contradiction_is_reported() -> None:
    value = vntext.parse_date("Thứ Ba, 10/3/2025")
    assert value is not None and value.start == date(2025, 3, 10)
    assert "thứ Hai" in value.to_dict()["warnings"][0]
    assert "warnings" not in vntext.parse_date("Thứ Hai, 10/3/2025").to_dict()


def test_parse_date_says_what_it_did_not_read() -> None:
    ref = date(2024, 6, 30)
    partial = vntext.parse_date("ngày 5/3 năm ngoái lúc gần trưa", ref)
    assert partial is not None and partial.start == date(2023, 3, 5)
    assert partial.warnings == ("only 'ngày 5/3 năm ngoái' was read as a date; 'lúc gần trưa' was not",)
    # the whole phrase read, or only brackets and punctuation around it: no warning
    for whole in ("thứ năm tuần sau nữa", "(28/6)", "“ngày mai”.", "Thứ Hai, 1/7/2024"):
        value = vntext.parse_date(whole, ref)
        assert value is not None and value.warnings == (), whole
    assert vntext.parse_date("thứ năm tuần sau nữa", ref).start == date(2024, 7, 11)
    assert vntext.parse_date("thứ hai tuần trước nữa", ref).start == date(2024, 6, 10)


def test_dateline_as_the_reference() -> None:
    from vntext.dates import find_dateline

    article = "Thứ Năm, 06-08-2020, 01:34\nChiều qua, UBND tỉnh họp; 3 ngày trước, trời mưa; sáng mai họp tiếp."
    found = vntext.find_dates(article, reference="dateline")
    assert [(m.text, m.value.to_dict()["start"]) for m in found] == [
        ("Thứ Năm, 06-08-2020, 01:34", "2020-08-06T01:34"), ("Chiều qua", "2020-08-05"),
        ("3 ngày trước", "2020-08-03"), ("sáng mai", "2020-08-07")]
    assert vntext.analyze(article, reference="dateline").dates[1].value.start == date(2020, 8, 5)
    assert vntext.parse_date("Hà Nội, ngày 5 tháng 6 năm 2024. Hôm qua", reference="dateline") is not None
    # what is a dateline: a date with its year near the top; not a bare day, a month, a year or a range
    assert find_dateline("Hà Nội, ngày 5 tháng 6 năm 2024\nHôm qua trời mưa.").text == "ngày 5 tháng 6 năm 2024"
    for no_dateline in ("Hôm qua trời mưa.", "Sáng 5/6, đoàn đến.", "Năm 2024 kinh tế tăng.",
                        "Từ 1/6/2024 đến 5/6/2024 có mưa.", "x" * 500 + " ngày 5/6/2024"):
        assert find_dateline(no_dateline) is None, no_dateline
    assert vntext.find_dates("Sáng mai trời mưa.", reference="dateline")[0].value.start == date.today() + timedelta(1)
    with pytest.raises(ValueError, match="unknown reference 'yesterday'"):
        vntext.find_dates("hôm qua", reference="yesterday")
    with pytest.raises(TypeError, match="reference must be"):
        vntext.find_dates("hôm qua", reference=20200806)  # type: ignore[arg-type]


def test_same_day_follows_the_previous_date() -> None:
    found = vntext.find_dates("Sáng 5/3, đoàn tới Huế; chiều cùng ngày, đoàn làm việc.", date(2025, 3, 12))
    assert [(m.text, m.value.start, m.value.part_of_day) for m in found] == [
        ("Sáng 5/3", date(2025, 3, 5), "morning"), ("chiều cùng ngày", date(2025, 3, 5), "afternoon")]


def test_parser_is_picklable_with_its_reference() -> None:
    parser = vntext.DateParser(reference=date(2020, 8, 6))
    clone = pickle.loads(pickle.dumps(parser))
    assert clone.parse_date("Chiều 5-8").start == date(2020, 8, 5)


# ------------------------------------------------------------------------------------ lunar
# Tết Nguyên đán in Vietnam (UTC+7). 1985 and 2007 differ from China's (20 Feb 1985, 18 Feb 2007);
# 2030's new moon falls at 16:07 UT on 2 February, before midnight in Vietnam but not in China.
TET = {1985: "1985-01-21", 2000: "2000-02-05", 2007: "2007-02-17", 2008: "2008-02-07", 2010: "2010-02-14",
       2012: "2012-01-23", 2013: "2013-02-10", 2014: "2014-01-31", 2015: "2015-02-19", 2016: "2016-02-08",
       2017: "2017-01-28", 2018: "2018-02-16", 2019: "2019-02-05", 2020: "2020-01-25", 2021: "2021-02-12",
       2022: "2022-02-01", 2023: "2023-01-22", 2024: "2024-02-10", 2025: "2025-01-29", 2026: "2026-02-17",
       2030: "2030-02-02"}


@pytest.mark.parametrize(("year", "day"), sorted(TET.items()))
def test_tet(year: int, day: str) -> None:
    assert tet(year) == date.fromisoformat(day)


def test_tet_table_1900_2100_from_an_independent_ephemeris() -> None:
    """tests/data/tet.tsv was computed with PyPI ephem (scripts/generate_tet_table.py), not with vntext."""
    from pathlib import Path

    rows = (Path(__file__).parent / "data" / "tet.tsv").read_text(encoding="utf-8").splitlines()[1:]
    table = {int(y): date.fromisoformat(d) for y, d, _ in (r.split("\t") for r in rows)}
    assert sorted(table) == list(range(1900, 2101))
    assert {y: tet(y) for y in table} == table


def test_tet_every_year_1900_2100_is_in_late_january_or_february() -> None:
    for year in range(1900, 2101):
        t = tet(year)
        assert date(year, 1, 21) <= t <= date(year, 2, 20), (year, t)
        assert solar_to_lunar(t) == LunarDate(year, 1, 1)


def test_leap_months() -> None:
    assert lunar_to_solar(2020, 4, 1, leap=True) == date(2020, 5, 23)
    assert lunar_to_solar(2023, 2, 15, leap=True) == date(2023, 4, 5)
    assert lunar_to_solar(2025, 6, 1, leap=True) == date(2025, 7, 25)
    assert lunar_to_solar(2024, 3, 1, leap=True) is None  # 2024 has no leap month


def test_solar_lunar_solar_round_trip_every_day_1900_2100() -> None:
    d = date(1900, 1, 31)
    while d <= date(2100, 12, 31):
        lunar = solar_to_lunar(d)
        assert 1 <= lunar.day <= 30
        assert lunar_to_solar(lunar.year, lunar.month, lunar.day, lunar.leap) == d, (d, lunar)
        d += timedelta(days=1)


# ------------------------------------------------------------------------------- properties
@settings(deadline=None, max_examples=200)
@given(st.one_of(st.text(), vietnamese_text, st.lists(st.sampled_from(
    ["ngày", "5", "/", "3", "-", "2024", "tháng", "năm", "Quý", "IV", "sáng", "Chiều", "từ", "đến", " ",
     "hôm nay", "rằm", "Giêng", "âm lịch", "12.3.2025", "01:34", ",", "Thứ", "Hai", "(", ")", "29", "31", "2",
     "30"])).map("".join)),
       st.dates(min_value=date(1901, 2, 1), max_value=date(2099, 11, 30)))
def test_properties(text: str, ref: date) -> None:
    found = vntext.find_dates(text, ref)
    last = 0
    for m in found:
        assert text[m.start : m.end] == m.text and m.start >= last
        last = m.end
        d = m.value.to_dict()
        assert d["start"] <= d["end"]


def test_linear_time_on_long_input() -> None:
    import time

    for text in ["1/" * 50000, "ngày " * 40000, "2024-" * 40000, "thứ Hai " * 30000, "10 đến " * 30000]:
        start = time.process_time()
        vntext.find_dates(text, date(2025, 1, 1))
        assert time.process_time() - start < 10, text[:10]


# Whole date phrases from the cases file and things that are not dates, run together with filler.
_DATE_PIECES = st.lists(st.one_of(
    st.sampled_from([c["text"] for c in cases("dates")] + NOT_DATES),
    st.sampled_from([" ", "  ", ", ", "\n", " và ", "x" * 70, "Chiều ", "sáng ngày ", "(", ") ", "từ ", " đến "]),
), max_size=12).map("".join)


def _scans_agree(text: str) -> None:
    # Digit rules run only around date cores (grammar._core_windows) and other rules only on lines
    # holding their trigger; that must not lose or add a match.
    # Triggers are found a block of lines at a time (scan._BLOCK): blocks of one line or a few must agree.
    from unittest import mock

    from vntext.dates import finder, scan, values

    ctx = values._Context(date(2025, 3, 12))
    for block in (scan._BLOCK, 1, 30):
        with mock.patch.object(scan, "_BLOCK", block):
            windowed = {(s, e, p) for runs in scan.runs(text) for s, e, p, _, _ in finder._candidates(text, runs, ctx)}
        _scan_agrees_with_full(text, windowed)


def _scan_agrees_with_full(text: str, windowed: set[tuple[int, int, int]]) -> None:
    from vntext.dates import grammar

    full = set()
    for line in re.finditer(r"[^\n]+", text):
        for priority, rule in enumerate(grammar._rules()):
            for m in rule.pattern.finditer(text, *line.span()):
                if m.end() > m.start() and grammar._admissible(text, m.start(), m, rule, strict=True):
                    full.add((m.start(), m.end(), priority))
    assert windowed == full


@settings(deadline=None, max_examples=300)
@given(_DATE_PIECES)
def test_rules_scanned_near_their_cores_find_what_a_full_scan_finds(text: str) -> None:
    _scans_agree(text)


@pytest.mark.parametrize("text", [
    "các ngày 17, và 19/4", "cuối  tuần này", "ngay lúc  này", "năm\tGiáp Thìn", "th\t2 tuần sau", "Ngày 17 – 9",
    "Jun 30, 2024", "từ ngày 10 đến 12 tháng Giêng", "Q2/2024", "ngày 2024-03-31", "Giáng  Sinh", "TẾT TRUNG THU",
    "Chủ Nhật", "chúa nhật", "T7", "Th 2", "th2", "CN", "trực cn", "sáng nay", "2 tuần\tnữa", "Cách đây 3 ngày",
    "nửa năm đầu năm", "Cuối năm", "những năm 1990", "Thập kỷ 80", "bây  giờ", "Xuân Giáp Thìn",
    "tháng\ttới", "Ngày kia",
    "Đầu  tháng này", "giữa\ttháng 5", "Thượng tuần tháng 3", "hạ tuần tháng Giêng", "ngày đầu tiên của tháng 5",
    "Tuần cuối cùng tháng 12", "6 tháng đầu năm", "ba tháng cuối năm nay", "Cuối tháng", "cuối\ttháng trước",
])
def test_triggers_let_every_spacing_and_case_through(text: str) -> None:
    _scans_agree(text)
