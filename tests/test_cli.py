"""The vntext command, end to end through a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import vntext

CMD = [sys.executable, "-m", "vntext.cli"]


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CMD, *args], input=stdin, capture_output=True, timeout=60)


def test_normalize_stdin() -> None:
    r = run("normalize", stdin="Hoà bình, thuỷ chung\n".encode())
    assert r.returncode == 0 and r.stdout.decode() == "Hòa bình, thủy chung\n" and r.stderr == b""
    r = run("normalize", "--tone-style", "old", stdin="Hòa bình\n".encode())
    assert r.stdout.decode() == "Hoà bình\n"
    r = run("normalize", "--tone-style", "keep", "--form", "NFD", stdin="Hoà\n".encode())
    assert r.stdout.decode() == "Hoa\u0300\n"


def test_files_in_order_and_lines_kept(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\ufeffmột\r\nhai\n", encoding="utf-8")
    b.write_text("ba thuỷ", encoding="utf-8")
    r = run("normalize", str(a), "-", str(b), stdin="giữa\n".encode())
    assert r.stdout.decode() == "một\r\nhai\ngiữa\nba thủy"


def test_large_input_streams_in_blocks(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    line = "Thuỷ điện Hoà Bình, Việt Nam.\n"
    big.write_text(line * 120_000, encoding="utf-8")  # ~4 MB: several blocks
    r = run("normalize", str(big))
    assert r.returncode == 0
    assert r.stdout.decode() == vntext.normalize(line) * 120_000


def test_missing_file() -> None:
    r = run("normalize", "no-such-file.txt")
    assert r.returncode == 1
    assert r.stderr.decode() == "vntext: error: cannot open 'no-such-file.txt': No such file or directory\n"


def test_invalid_utf8_names_byte_offset_and_keeps_good_lines() -> None:
    r = run("normalize", stdin=b"Ho\xc3\xa0\nabc \xff rest\n")
    assert r.returncode == 1
    assert r.stdout.decode() == "Hòa\n"
    err = r.stderr.decode()
    assert err.count("\n") == 1 and "invalid UTF-8 at byte offset 9 (0xff)" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("args", [["normalize", "--bogus"], ["frobnicate"], ["normalize", "--tone-style", "x"], []])
def test_bad_command_line_is_one_line(args: list[str]) -> None:
    r = run(*args)
    assert r.returncode == 2
    err = r.stderr.decode()
    last = err.strip().splitlines()[-1]
    assert "Traceback" not in err and last.startswith("vntext") and ": error: " in last


def test_unknown_encoding() -> None:
    r = run("decode", "--from", "koi8")
    assert r.returncode == 2
    assert r.stderr.decode().startswith("vntext: error: unknown legacy encoding 'koi8'")


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "vps", "cp1258", "viqr"])
def test_decode_and_detect(encoding: str) -> None:
    text = "cộng hoà xã hội chủ nghĩa việt nam\nđộc lập tự do hạnh phúc\n"
    data = vntext.encode_legacy(text, encoding)
    r = run("decode", "--from", encoding, stdin=data)
    assert r.returncode == 0 and r.stdout.decode() == text
    r = run("decode", "--from", "auto", stdin=data)
    assert r.stdout.decode() == text
    r = run("detect", stdin=data)
    assert r.stdout.decode() == f"<stdin>\t{encoding}\n"


def test_strip() -> None:
    r = run("strip", stdin="Đảng Cộng sản Việt Nam\n".encode())
    assert r.stdout.decode() == "Dang Cong san Viet Nam\n"


def test_closed_pipe_is_quiet() -> None:
    proc = subprocess.Popen([*CMD, "normalize"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdin is not None
    proc.stdout.close()
    _, err = proc.communicate(("Hoà bình\n" * 500_000).encode())
    assert b"Traceback" not in err
    assert proc.returncode in (0, 1)


def test_help_and_version() -> None:
    r = run("--help")
    assert r.returncode == 0 and b"normalize" in r.stdout and b"decode" in r.stdout
    r = run("--version")
    core = "compiled core" if vntext.compiled_core() else "pure Python"
    assert r.stdout.decode().strip() == f"vntext {vntext.__version__} ({core})"


def test_expand_and_abbreviations_jsonl() -> None:
    import json

    text = "Phóng viên TTXVN tại New York.\nChi cục Quản lý thị trường (QLTT); Đội QLTT số 5, GDP.\n"
    r = run("expand", stdin=text.encode())
    assert r.returncode == 0
    assert r.stdout.decode() == vntext.expand_abbreviations(text)
    r = run("expand", "--international", "--no-learn", stdin="GDP và QLTT (QLTT)\n".encode())
    assert r.stdout.decode() == "Tổng sản phẩm quốc nội và Quản lý thị trường (QLTT)\n"
    r = run("abbreviations", stdin=text.encode())
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [(row["line"], row["text"], row["source"]) for row in rows] == [
        (1, "TTXVN", "dictionary"), (2, "QLTT", "document")]
    lines = text.splitlines()
    for row in rows:
        assert lines[row["line"] - 1][row["start"] : row["end"]] == row["text"]


def test_dates_and_people_jsonl() -> None:
    import json

    text = "Chiều 5-8, đồng chí Hoàng Bình Quân tiếp Đoàn.\nSáng 23-9 (giờ Việt Nam), Quý IV/2025.\n"
    r = run("dates", "--reference", "2020-08-06", stdin=text.encode())
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [(row["line"], row["text"], row["value"]["start"]) for row in rows] == [
        (1, "Chiều 5-8", "2020-08-05"), (2, "Sáng 23-9", "2020-09-23"), (2, "Quý IV/2025", "2025-10-01")]
    r = run("dates", "--reference", "2020-13-45", stdin=b"x")
    assert r.returncode == 2 and "not a date in the form YYYY-MM-DD" in r.stderr.decode()
    r = run("people", stdin=text.encode())
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [(row["name"]["full"], row["honorific"]) for row in rows] == [("Hoàng Bình Quân", "đồng chí")]


def test_analyze_documents(tmp_path: Path) -> None:
    import json

    article = tmp_path / "a.txt"
    article.write_text("Chiều 5-8, UBND tỉnh Hoà Bình tiếp ông Nguyễn Văn Thể.\nDòng hai.\n", encoding="utf-8")
    r = run("analyze", "--reference", "2020-08-06", str(article))
    (doc,) = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert doc["file"] == str(article) and doc["text"].startswith("Chiều 5-8, UBND tỉnh Hòa Bình")
    assert [d["value"]["start"] for d in doc["dates"]] == ["2020-08-05"]
    r = run("analyze", "--lines", str(article))
    assert [json.loads(line)["line"] for line in r.stdout.decode().splitlines()] == [1, 2]
    records = '{"id": 7, "text": "UBND xã"}\n{"id": 8, "text": "ông Lê Hoài Trung"}\n'
    r = run("analyze", "--field", "text", stdin=records.encode())
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [(row["id"], len(row["vntext"]["abbreviations"]), len(row["vntext"]["people"])) for row in rows] == [
        (7, 1, 0), (8, 0, 1)]
    r = run("analyze", "--field", "body", stdin=records.encode())
    assert r.returncode == 1 and "line 1 is not a JSON object with a string field 'body'" in r.stderr.decode()


def test_jobs_keep_order_and_match_one_process(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    lines = [f"Dòng {i}: Hoà bình, thuỷ chung, UBND xã, ngày {i % 28 + 1}/6.\n" for i in range(60_000)]
    big.write_text("".join(lines), encoding="utf-8")  # ~4 MB: several blocks, so a pool is used
    one = run("normalize", "--jobs", "1", str(big))
    two = run("normalize", "--jobs", "2", str(big))
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout == vntext.normalize("".join(lines)).encode()
    d1 = run("dates", "--jobs", "1", "--reference", "2024-06-30", str(big))
    d2 = run("dates", "--jobs", "2", "--reference", "2024-06-30", str(big))
    assert d1.stdout == d2.stdout and d1.stdout.count(b"\n") == 60_000
    bad = run("normalize", "--jobs", "0")
    assert bad.returncode == 2 and "at least 1" in bad.stderr.decode()


# ------------------------------------------------------------------ faults (issue: trust on the CLI)
def _no_traceback(r: subprocess.CompletedProcess[bytes]) -> str:
    err = r.stderr.decode()
    assert "Traceback" not in err, err
    return err


def test_decode_auto_judges_every_block(tmp_path: Path) -> None:
    # Legacy bytes after the first MiB used to become U+FFFD with exit 0.
    unicode_part = "Cộng hòa xã hội chủ nghĩa Việt Nam\n" * 40_000  # ~1.6 MB
    legacy = vntext.encode_legacy("Độc lập tự do hạnh phúc, kế hoạch phát triển\n", "tcvn3") * 10
    path = tmp_path / "mixed.txt"
    path.write_bytes(unicode_part.encode() + legacy)
    r = run("decode", "--from", "auto", str(path))
    assert r.returncode == 0, _no_traceback(r)
    out = r.stdout.decode()
    assert "\ufffd" not in out
    assert out.endswith("Độc lập tự do hạnh phúc, kế hoạch phát triển\n" * 10)


def test_decode_auto_fails_loudly_when_it_cannot_tell() -> None:
    r = run("decode", "--from", "auto", stdin=b"Hello\n\xff\xfe\xfd\n")
    assert r.returncode == 1
    assert "cannot tell the legacy encoding" in _no_traceback(r)


def test_decode_viqr_never_writes_invalid_utf8() -> None:
    r = run("decode", "--from", "viqr", stdin=b"Vie^.t Nam \xff caf\xe9\n")
    assert r.returncode == 0, _no_traceback(r)
    assert r.stdout.decode("utf-8") == "Việt Nam ÿ café\n"


def test_lines_end_at_newline_only() -> None:
    data = "một\u2028hai\rba\x0cbốn\u0085năm\nsáu\r\nbảy".encode()
    r = run("analyze", "--lines", stdin=data)
    rows = [json.loads(x) for x in r.stdout.decode().split("\n") if x]
    assert [row["line"] for row in rows] == [1, 2, 3]
    assert rows[0]["text"] == "một\u2028hai\rba\x0cbốn\u0085năm"
    r = run("normalize", stdin=data)
    assert r.stdout == data  # line ends and the missing final newline are kept


def test_analyze_field_accepts_any_valid_json_lines() -> None:
    records = [
        '{"id": 1, "text": "Hà Nội\u2028ngày 5/8"}',
        '{"id": NaN, "text": "ông Nguyễn Văn Thể"}',
        '{"id": 3, "text": "lone \\ud800 surrogate"}',
    ]
    r = run("analyze", "--field", "text", stdin="\n".join(records).encode() + b"\n")
    assert r.returncode == 0, _no_traceback(r)
    rows = [json.loads(x) for x in r.stdout.decode("utf-8").split("\n") if x]
    assert [row["id"] for row in rows] == [1, None, 3]
    assert rows[0]["vntext"]["text"] == "Hà Nội\u2028ngày 5/8" and rows[2]["vntext"]["text"] == "lone \ud800 surrogate"


def test_disk_full_is_one_line() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        r = subprocess.run([*CMD, "normalize"], input=b"Hoa\xcc\x80\n" * 100_000, stdout=full,
                           stderr=subprocess.PIPE, timeout=60)
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err and err.count("\n") == 1
    assert "No space left on device" in err


def test_closed_stdin_and_stdout_are_one_line() -> None:
    r = subprocess.run([*CMD, "normalize"], stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    assert r.returncode == 0
    closed_in = subprocess.run(" ".join([*CMD, "normalize", "<&-"]), shell=True, capture_output=True, timeout=60)
    assert closed_in.returncode == 1 and _no_traceback(closed_in).strip() == "vntext: error: standard input is closed"
    closed_out = subprocess.run(" ".join([*CMD, "normalize", ">&-"]), shell=True, input=b"x\n",
                                stderr=subprocess.PIPE, timeout=60)
    assert closed_out.returncode == 1 and "Traceback" not in closed_out.stderr.decode()


def test_long_line_without_spaces_is_cut_without_loss() -> None:
    data = ("ộ" * 1_500_000 + "a" * 700_001).encode()  # ~5.2 MB, one line, no space, multibyte letters
    r = run("strip", stdin=data)
    assert r.returncode == 0 and r.stdout == ("o" * 1_500_000 + "a" * 700_001).encode()
    r = run("normalize", stdin=data)
    assert r.stdout == data


def test_jobs_beyond_cores_still_work_in_order(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    lines = [f"Dòng {i}: Hoà Bình\n" for i in range(200_000)]
    big.write_text("".join(lines), encoding="utf-8")
    r = run("normalize", "--jobs", "1000", str(big))
    assert r.returncode == 0 and r.stdout.decode() == "".join(lines).replace("Hoà", "Hòa")


_CRASH = """
import importlib, sys
n = importlib.import_module("vntext.normalize")
real = n.Normalizer.normalize
def boom(self, text):
    if "BOOM" in text:
        {action}
    return real(self, text)
boom.__name__, boom.__qualname__ = "normalize", "Normalizer.normalize"  # pickled by name for workers
n.Normalizer.normalize = boom
from vntext.cli import main
sys.exit(main(["normalize", "--jobs", "{jobs}", sys.argv[1]]))
"""


def _crash_file(tmp_path: Path) -> Path:
    path = tmp_path / "in.txt"
    block = "Hoà Bình\n" * 150_000  # ~1.4 MB: the middle block holds the bad line
    path.write_text(block + "BOOM\n" + block, encoding="utf-8")
    return path


def test_internal_error_reports_the_block_and_keeps_the_text(tmp_path: Path) -> None:
    path = _crash_file(tmp_path)
    code = _CRASH.format(action="raise RuntimeError('bug')", jobs=1)
    r = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, timeout=120)
    err = _no_traceback(r)
    assert r.returncode == 1 and "internal error (RuntimeError: bug)" in err and "lines " in err
    out = r.stdout.decode()
    assert out.startswith("Hòa Bình\n" * 1000) and "BOOM\n" in out  # nothing lost, the rest went on
    assert len(out.splitlines()) == 300_001


def test_killed_worker_is_one_line(tmp_path: Path) -> None:
    path = _crash_file(tmp_path)
    code = _CRASH.format(action="import os, signal; os.kill(os.getpid(), signal.SIGKILL)", jobs=2)
    r = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, timeout=120)
    err = _no_traceback(r)
    assert r.returncode == 1 and "worker process stopped" in err


def test_dates_with_a_time_at_one_end_of_a_range() -> None:
    data = "Từ ngày 25/7 đến 18h ngày 11/8\nNgày 24-7 đến 14h chiều 25-7\n20h30 24/7 tới 2-3\n".encode()
    for command in ("dates", "analyze"):
        r = run(command, "--reference", "2024-07-01", stdin=data)
        assert r.returncode == 0, _no_traceback(r)
    r = run("dates", "--reference", "2024-07-01", stdin=data)
    rows = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert rows[0]["value"]["start"] == "2024-07-25" and rows[0]["value"]["end"] == "2024-08-11T18:00"


@pytest.mark.parametrize("reference", ["9999-12-31", "0001-01-01"])
def test_reference_at_the_ends_of_the_calendar(reference: str) -> None:
    r = run("dates", "--reference", reference, stdin="ngày mai, năm sau, 28/6, hôm qua\n".encode())
    assert r.returncode == 0, _no_traceback(r)


def test_latin1_french_is_not_called_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes("Où est la bibliothèque ? Elle est à côté de l'église, près du marché.\n".encode("latin-1"))
    r = run("detect", str(path))
    assert r.stdout.decode().endswith("\tunicode\n")
    r = run("decode", "--from", "auto", str(path))
    assert r.returncode == 1 and "cannot tell the legacy encoding" in _no_traceback(r)


def test_analyze_one_large_file_in_blocks_keeps_spans_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = "Chiều 5-8, ông Nguyễn Văn Thể tới UBND tỉnh Hoà Bình.\n"
    path.write_text(line * 30_000, encoding="utf-8")  # ~1.7 MB: two blocks
    r = run("analyze", "--reference", "2020-08-06", str(path))
    assert r.returncode == 0, _no_traceback(r)
    doc = json.loads(r.stdout.decode())
    text = path.read_text(encoding="utf-8")
    assert doc["text"] == vntext.normalize(text)
    assert len(doc["dates"]) == len(doc["people"]) == 30_000
    assert all(text[m["start"] : m["end"]] == m["text"] for m in doc["dates"] + doc["people"] + doc["abbreviations"])


def test_reference_dateline_per_file(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_text("Thứ Năm, 06-08-2020, 01:34\nChiều qua, UBND tỉnh họp.\n", encoding="utf-8")
    b.write_text("Hà Nội, ngày 5 tháng 6 năm 2024\nSáng mai trời mưa.\n", encoding="utf-8")
    c.write_text("Sáng mai trời mưa.\n", encoding="utf-8")  # no dateline: today
    r = run("dates", "--reference", "dateline", str(a), str(b), str(c))
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    got = [(row["file"][-5:], row["text"], row["value"]["start"]) for row in rows]
    assert got[:4] == [
        ("a.txt", "Thứ Năm, 06-08-2020, 01:34", "2020-08-06T01:34"), ("a.txt", "Chiều qua", "2020-08-05"),
        ("b.txt", "ngày 5 tháng 6 năm 2024", "2024-06-05"), ("b.txt", "Sáng mai", "2024-06-06")]
    assert got[4][:2] == ("c.txt", "Sáng mai")
    r = run("analyze", "--reference", "dateline", str(a))
    assert [d["value"]["start"] for d in json.loads(r.stdout)["dates"]] == ["2020-08-06T01:34", "2020-08-05"]


def test_reference_field_per_record(tmp_path: Path) -> None:
    records = tmp_path / "r.jsonl"
    records.write_text(
        '{"id": 1, "text": "Chiều qua mưa.", "published": "2020-08-06"}\n'
        '{"id": 2, "text": "Chiều qua mưa.", "published": "2021-01-01T08:15"}\n'
        '{"id": 3, "text": "Chiều qua mưa."}\n'
        '{"id": 4, "text": "Chiều qua mưa.", "published": "6/8/2020"}\n'
        '{"id": 5, "text": "Chiều qua mưa.", "published": "2020-08-06"}\n', encoding="utf-8")
    r = run("analyze", "--field", "text", "--reference-field", "published", "--reference", "2024-07-01", str(records))
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [(row["id"], row["vntext"]["dates"][0]["value"]["start"]) for row in rows] == [
        (1, "2020-08-05"), (2, "2020-12-31"), (3, "2024-06-30")]  # what came before the bad record is kept
    assert r.returncode == 1
    assert r.stderr.decode().strip() == (
        f"vntext: error: {records}: line 4: field 'published' is not a date in the form YYYY-MM-DD: '6/8/2020'")
    r = run("analyze", "--reference-field", "published", str(records))
    assert r.returncode == 1 and "--reference-field needs --field" in r.stderr.decode()
    r = run("dates", "--reference", "tomorrow", stdin=b"x")
    assert r.returncode == 2 and "nor 'dateline'" in r.stderr.decode() and b"Traceback" not in r.stderr


def test_verbalize_streams_text_with_its_options() -> None:
    r = run("verbalize", "--reference", "2024-06-30", stdin="Giá 500.000đ, ngày 30/4.\nThắng 3-2 lúc 19h30.\n".encode())
    assert r.returncode == 0 and r.stderr == b""
    assert r.stdout.decode() == ("Giá năm trăm nghìn đồng, ngày ba mươi tháng tư.\n"
                                 "Thắng ba hai lúc mười chín giờ ba mươi.\n")
    options = ("--year-style", "short", "--lowercase", "--thousand", "ngàn")
    r = run("verbalize", *options, stdin="Năm 2024: 3.000 người\n".encode())
    assert r.stdout.decode() == "năm hai ngàn hai mươi tư: ba ngàn người\n"
    r = run("verbalize", "--year-style", "long", stdin=b"x")
    assert r.returncode == 2 and b"Traceback" not in r.stderr


def test_python_m_vntext_and_one_version() -> None:
    import importlib.metadata

    r = subprocess.run([sys.executable, "-m", "vntext", "normalize"], input="Hoà bình\n".encode(), capture_output=True,
                       timeout=60)
    assert r.returncode == 0 and r.stdout.decode() == "Hòa bình\n"
    assert importlib.metadata.version("vntext") == vntext.__version__
    assert vntext.normalize("Hoà", tone_style="keep") == vntext.normalize("Hoà", tone_style=None) == "Hoà"


def test_output_option_and_examples_in_help(tmp_path: Path) -> None:
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_text("Hoà bình\n", encoding="utf-8")
    r = run("normalize", str(source), "-o", str(target))
    assert r.returncode == 0 and r.stdout == b"" and target.read_text(encoding="utf-8") == "Hòa bình\n"
    r = run("dates", "--reference", "2024-06-30", "--output", str(target), stdin="ngày 5/3\n".encode())
    assert json.loads(target.read_text(encoding="utf-8"))["value"]["start"] == "2024-03-05"
    r = run("normalize", str(source), "-o", str(source))  # never empties an input
    assert r.returncode == 1 and "also an input" in r.stderr.decode()
    assert source.read_text(encoding="utf-8") == "Hoà bình\n"
    r = run("normalize", str(source), "-o", str(tmp_path / "missing" / "out.txt"))
    assert r.returncode == 1 and "cannot open the output" in r.stderr.decode() and b"Traceback" not in r.stderr
    for command in ("normalize", "verbalize", "strip", "expand", "abbreviations", "people", "dates", "analyze",
                    "decode", "detect"):
        assert "\nexamples:\n  " in run(command, "--help").stdout.decode(), command


def test_analyze_records_keep_every_field_and_bad_ones_can_be_skipped(tmp_path: Path) -> None:
    records = tmp_path / "crawl.jsonl"
    records.write_text(
        '{"url": "https://x.vn/1", "body": "UBND xã họp ngày 5/8.", "tags": ["a", 1], "score": 0.5}\n'
        'not json at all\n'
        '{"url": "https://x.vn/3", "body": 42}\n'
        '{"url": "https://x.vn/4", "body": "Ông Lê Văn Tám"}\n', encoding="utf-8")
    r = run("analyze", "--field", "body", "--reference", "2024-07-01", str(records))
    assert r.returncode == 1 and r.stderr.decode().strip() == (
        f"vntext: error: {records}: line 2 is not a JSON object with a string field 'body'")
    (first,) = [json.loads(line) for line in r.stdout.decode().splitlines()]  # the record before it is kept
    assert {k: first[k] for k in ("url", "body", "tags", "score")} == {
        "url": "https://x.vn/1", "body": "UBND xã họp ngày 5/8.", "tags": ["a", 1], "score": 0.5}
    assert first["vntext"]["file"] == str(records) and first["vntext"]["line"] == 1
    assert first["vntext"]["dates"][0]["value"]["start"] == "2024-08-05"

    r = run("analyze", "--field", "body", "--into", "nlp", "--skip-bad", str(records))
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert r.returncode == 0 and [(row["url"], row["nlp"]["line"]) for row in rows] == [
        ("https://x.vn/1", 1), ("https://x.vn/4", 4)]
    assert r.stderr.decode().splitlines() == [
        f"vntext: warning: {records}: line 2 is not a JSON object with a string field 'body'; skipped",
        f"vntext: warning: {records}: line 3: field 'body' is not a string; skipped",
        "vntext: warning: 2 bad record(s) skipped (see above)"]

    r = run("analyze", "--field", "body", "--into", "url", str(records))
    assert r.returncode == 1 and "already has a field 'url'" in r.stderr.decode()
    r = run("analyze", "--skip-bad", str(records))
    assert r.returncode == 1 and "--skip-bad needs --field" in r.stderr.decode()


def test_readme_first_command_visibly_repairs_the_shipped_sample() -> None:
    import unicodedata

    root = Path(__file__).resolve().parent.parent
    assert "vntext normalize examples/sample.txt" in (root / "README.md").read_text(encoding="utf-8")
    sample = (root / "examples" / "sample.txt").read_text(encoding="utf-8")
    r = run("normalize", str(root / "examples" / "sample.txt"))
    out = r.stdout.decode("utf-8")
    assert r.returncode == 0 and out != sample and out.count("\n") == sample.count("\n")
    for before, after in (("hoà khí", "hòa khí"), ("thuỷ lợi", "thủy lợi"), ("muà mưa", "mùa mưa"),
                          ("Th«ng b¸o khÈn", "Thông báo khẩn")):
        assert before in sample and after in out and before not in out
    assert out == unicodedata.normalize("NFC", out) and sample != unicodedata.normalize("NFC", sample)


def test_interactive_input_is_answered_line_by_line() -> None:
    # A writer that waits for each answer before it writes the next line (a terminal, a chat bot): each
    # line is answered before the next is written, with several jobs too.
    import select

    for extra in ([], ["--jobs", "2"]):
        proc = subprocess.Popen([sys.executable, "-m", "vntext", "normalize", *extra],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdin is not None and proc.stdout is not None
        try:
            for line, answer in (("hoà bình\n", "hòa bình\n"), ("thuỷ chung\n", "thủy chung\n")):
                proc.stdin.write(line.encode())
                proc.stdin.flush()
                ready, _, _ = select.select([proc.stdout], [], [], 120)  # generous: only liveness is tested
                assert ready, f"no answer to {line!r} while the input stays open"
                assert proc.stdout.readline().decode() == answer
        finally:
            proc.stdin.close()
            proc.wait(timeout=120)
        assert proc.returncode == 0


def test_output_dir_mirrors_files_and_folders(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "2024" / "06").mkdir(parents=True)
    (raw / "a.txt").write_text("hoà bình\n", encoding="utf-8")
    (raw / "2024" / "06" / "b.txt").write_text("thuỷ chung, ngày 5/6\n", encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text("Toà án", encoding="utf-8")  # no final newline: nothing is glued to the next file
    clean = tmp_path / "clean"
    r = run("normalize", "--output-dir", str(clean), str(raw), str(single))
    assert r.returncode == 0, _no_traceback(r)
    written = {p.relative_to(clean).as_posix(): p.read_text(encoding="utf-8") for p in clean.rglob("*") if p.is_file()}
    assert written == {"a.txt": "hòa bình\n", "2024/06/b.txt": "thủy chung, ngày 5/6\n", "single.txt": "Tòa án"}
    r = run("dates", "--reference", "2024-07-01", "--output-dir", str(tmp_path / "dates"), str(raw))
    rows = (tmp_path / "dates" / "2024" / "06" / "b.txt.jsonl").read_text(encoding="utf-8").splitlines()
    assert r.returncode == 0 and [json.loads(row)["text"] for row in rows] == ["ngày 5/6"]
    assert (tmp_path / "dates" / "a.txt.jsonl").read_text(encoding="utf-8") == ""

    r = run("normalize", "--output-dir", str(raw / "out"), str(raw))
    assert r.returncode == 1 and "is inside the input folder" in r.stderr.decode()
    r = run("normalize", "--output-dir", str(tmp_path), str(single))
    assert r.returncode == 1 and "is also an input" in r.stderr.decode()
    assert single.read_text(encoding="utf-8") == "Toà án"
    r = run("normalize", "--output-dir", str(clean), stdin=b"x")
    assert r.returncode == 1 and "needs input files or folders" in r.stderr.decode()
    r = run("normalize", "--output-dir", str(clean), "-o", str(tmp_path / "x.txt"), str(single))
    assert r.returncode == 2 and "not allowed with" in r.stderr.decode()


def test_progress_says_share_done_and_time_left() -> None:
    from vntext._parallel import Progress

    known = Progress(total=10_000_000)
    known.bytes = 2_500_000
    assert known.line(5.0) == "2.5 of 10.0 MB (25%), 0.5 MB/s, 0:15 left"
    unknown = Progress()
    unknown.bytes, unknown.docs = 3_000_000, 12
    assert unknown.line(2.0) == "3.0 MB, 1.5 MB/s, 12 documents"
    long = Progress(total=10_000_000_000)
    long.bytes = 1_000_000
    assert long.line(1.0).endswith("2:46:39 left")


def test_no_progress_is_taken_everywhere_and_nothing_reaches_a_non_terminal(tmp_path: Path) -> None:
    sample = tmp_path / "a.txt"
    sample.write_text("hoà bình, ngày 5/8\n", encoding="utf-8")
    for command in (["normalize"], ["dates"], ["analyze"], ["decode", "--from", "auto"], ["detect"], ["verbalize"]):
        r = run(*command, "--no-progress", str(sample))
        assert r.returncode == 0 and r.stderr == b"", (command, r.stderr)
        r = run(*command, str(sample))
        assert r.returncode == 0 and r.stderr == b"", (command, r.stderr)  # standard error is no terminal here
