"""The ``vntext`` command: ``vntext SUBCOMMAND [options] [FILE ...]``.

Reads files (or standard input, ``-``) in blocks of whole lines, so memory stays constant on any
size of input; writes UTF-8 to standard output; reports bad input in one line on standard error
with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import io
import json
import os
import re
import shutil
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from typing import Any, BinaryIO, NoReturn

from . import __version__
from ._parallel import Failure, Progress, call, default_jobs, ordered_map
from .errors import VntextError

BLOCK = 1 << 20  # bytes read at a time
MAX_LINE = 1 << 20  # a "line" longer than this is cut (at a space where there is one): memory stays bounded

EXIT_INPUT = 1  # bad input: missing file, undecodable bytes
EXIT_USAGE = 2  # bad command line


class InputError(Exception):
    """Input the command cannot read; the message is shown as is."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _utf8_boundary(data: bytearray | bytes, end: int) -> int:
    """The largest cut at or before *end* that does not split a UTF-8 character."""
    i = end
    while i > 0 and end - i < 4 and (data[i - 1] & 0xC0) == 0x80:
        i -= 1  # continuation bytes
    if i > 0 and data[i - 1] >= 0xC0:  # the lead byte of the last character
        size = 2 if data[i - 1] < 0xE0 else 3 if data[i - 1] < 0xF0 else 4
        return end if end - (i - 1) >= size else i - 1
    return end


class _Input:
    """Whether the input read last waits for its writer (a terminal, a slow pipe): then each block
    is answered, and the answer flushed, before more is read."""

    idle = False


INPUT = _Input()
_MOMENT = 0.05  # seconds a pipe may take to bring more before what was read is answered


def _waiting(stream: BinaryIO) -> bool:
    """True when more of *stream* can be read now or within a moment (a file; a pipe its writer keeps
    filling, as ``cat`` does), False when it waits for its writer (a person at a terminal)."""
    if sys.platform == "win32":
        return True  # select() takes only sockets there: read in whole blocks
    import select

    try:
        return bool(select.select([stream.fileno()], [], [], _MOMENT)[0])
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return True


def _blocks(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(offset, bytes) blocks that end at a newline, of about :data:`BLOCK` bytes; when the input
    waits for its writer (a terminal, a slow pipe), the whole lines read so far are a block at once
    (:data:`INPUT` says so), so interactive input is answered line by line. A line longer than
    :data:`MAX_LINE` is cut at its last space (or, with none, between two characters), so memory stays
    bounded by the block size. Every byte comes out once, in order. Lines end at ``\\n`` only
    (``\\r\\n`` is a line end too)."""
    read = getattr(stream, "read1", stream.read)  # read1: what a pipe holds now, without waiting for more
    pending = bytearray()
    searched = 0  # pending[:searched] holds no newline
    offset = 0
    while True:
        try:
            chunk = read(BLOCK)
        except OSError as exc:
            raise InputError(f"cannot read {getattr(stream, 'name', 'input')!r}: {exc.strerror or exc}") from None
        if not chunk:
            break
        pending += chunk
        INPUT.idle = len(pending) < BLOCK and not _waiting(stream)
        if len(pending) < BLOCK and not INPUT.idle:
            continue  # more input is there already: fill the block
        cut = pending.rfind(b"\n", searched) + 1
        if not cut and len(pending) >= MAX_LINE:
            cut = pending.rfind(b" ", len(pending) - MAX_LINE // 4) + 1 or _utf8_boundary(pending, len(pending))
        if cut:
            yield offset, bytes(pending[:cut])
            offset += cut
            del pending[:cut]
        searched = 0 if cut else len(pending)
    INPUT.idle = False
    if pending:
        yield offset, bytes(pending)


class _BadUTF8(Exception):
    def __init__(self, good: str, message: str) -> None:
        super().__init__(message)
        self.good = good


def _decode_utf8(name: str, offset: int, data: bytes, first: bool) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = offset + exc.start
        bad = data[exc.start : exc.start + 1].hex()
        good = data[: data.rfind(b"\n", 0, exc.start) + 1].decode("utf-8")
        raise _BadUTF8(
            good,
            f"{name}: invalid UTF-8 at byte offset {at} (0x{bad}); "
            "for a legacy Vietnamese encoding use 'vntext decode --from ENCODING'",
        ) from None
    if first and text.startswith("\ufeff"):
        text = text[1:]
    return text


@contextlib.contextmanager
def _opened(name: str) -> Iterator[BinaryIO]:
    """The file *name* opened for reading bytes (``-``: standard input, which is left open)."""
    if name == "-":
        if sys.stdin is None:
            raise InputError("standard input is closed")
        yield sys.stdin.buffer
        return
    try:
        stream = open(name, "rb")  # noqa: SIM115 - only a failure to open is "cannot open"
    except OSError as exc:
        raise InputError(f"cannot open {name!r}: {exc.strerror or exc}") from None
    with stream:
        yield stream


def _texts(names: list[str]) -> Iterator[tuple[str, int, str]]:
    """(file name, number of the block's first line, text) for blocks of whole lines."""
    for name in names or ["-"]:
        shown = "<stdin>" if name == "-" else name
        line = 1
        with _opened(name) as stream:
            for offset, data in _blocks(stream):
                try:
                    text = _decode_utf8(shown, offset, data, offset == 0)
                except _BadUTF8 as exc:
                    yield shown, line, exc.good  # the whole lines before the bad byte are still written
                    raise InputError(str(exc)) from None
                yield shown, line, text
                line += text.count("\n")


def _write(out: BinaryIO, text: str) -> None:
    out.write(text.encode("utf-8"))


def _json_line(row: dict[str, Any]) -> str:
    """One JSON line; strings holding lone surrogates (from a ``\\ud800`` escape in the input) are
    written escaped, so the output is always valid UTF-8 and valid JSON."""
    try:
        line = json.dumps(row, ensure_ascii=False, allow_nan=False)
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(row, ensure_ascii=True, allow_nan=False)
    return line + "\n"


class InternalError(Exception):
    """Blocks or records the command could not process (a bug): each was reported, the run went on."""


def _run(
    args: argparse.Namespace,
    work: Callable[..., str | bytes],
    make: Callable[[str, int, str], tuple[Any, ...]],
    keep_input: bool,
) -> None:
    """Stream blocks through *work* (on ``--jobs`` processes, output in input order).

    A block on which *work* fails is reported on standard error with its file and lines and, for
    commands that write text (*keep_input*), written unchanged so no text is lost; the run goes on and
    ends with a non-zero exit code.
    """
    out = sys.stdout.buffer
    progress = Progress()
    jobs = min(args.jobs, default_jobs()) if args.jobs is not None else default_jobs()
    where: deque[tuple[str, int, str]] = deque()
    failed = 0

    def specs() -> Iterator[tuple[Callable[..., Any], tuple[Any, ...]]]:
        for name, line, text in _texts(args.files):
            where.append((name, line, text if keep_input else ""))
            yield work, make(name, line, text)

    try:
        for result in ordered_map(call, specs(), jobs, idle=lambda: INPUT.idle):
            name, line, original = where.popleft()
            if isinstance(result, Failure):
                failed += 1
                last = line + original.count("\n")
                kept = "; the block was written unchanged" if keep_input else ""
                print(f"vntext: error: {name}: lines {line}-{last}: internal error ({result}){kept}", file=sys.stderr)
                result = original
            data = result if isinstance(result, bytes) else result.encode("utf-8")
            out.write(data)
            if INPUT.idle:
                out.flush()  # the input waits for its writer, who waits for this
            progress.update(len(data))
    finally:
        progress.close()
    if failed:
        raise InternalError(f"{failed} block(s) could not be processed (see above); please report it")


def _run_text(args: argparse.Namespace, fn: Callable[[str], str]) -> None:
    _run(args, fn, lambda name, line, text: (text,), keep_input=True)


def _jsonl_block(find: Callable[[str], Iterable[Any]], name: str, first_line: int, text: str) -> bytes:
    """JSON Lines of each match's to_dict(), with ``file`` and 1-based ``line``; ``start``/``end``
    count characters from the start of that line."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    # Rows encoded as they are made: a block of 200,000 matches (1 MB of "UBND UBND …") is held once, as
    # UTF-8, not as a list of strings and again as one wide string.
    rows: list[bytes] = []
    for match in find(text):
        row = match.to_dict()
        index = bisect.bisect_right(starts, row["start"]) - 1
        row["start"] -= starts[index]
        row["end"] -= starts[index]
        rows.append(_json_line({"file": name, "line": first_line + index, **row}).encode("utf-8"))
    return b"".join(rows)


def _run_jsonl(args: argparse.Namespace, find: Callable[[str], Iterable[Any]]) -> None:
    _run(args, _jsonl_block, lambda name, line, text: (find, name, line, text), keep_input=False)


# ----------------------------------------------------------------------------------- subcommands
def cmd_normalize(args: argparse.Namespace) -> None:
    from .normalize import Normalizer

    style = None if args.tone_style == "keep" else args.tone_style
    normalizer = Normalizer(
        form=args.form,
        tone_style=style,
        fix_encoding=args.fix_encoding,
        clean=args.clean,
        expand_abbreviations=args.expand_abbreviations,
    )
    _run_text(args, normalizer.normalize)


def cmd_verbalize(args: argparse.Namespace) -> None:
    from functools import partial

    from .spoken import Verbalizer

    verbalizer = Verbalizer(thousand=args.thousand, linh=args.linh, tu=args.tu, year_style=args.year_style,
                            lowercase=args.lowercase, expand_international=args.international)
    _run_text(args, partial(verbalizer.verbalize, reference=args.reference))


def cmd_strip(args: argparse.Namespace) -> None:
    from .forms import remove_diacritics

    _run_text(args, remove_diacritics)


def _expander(args: argparse.Namespace) -> Any:
    from .abbreviations import AbbreviationExpander

    return AbbreviationExpander(expand_international=args.international, learn=args.learn)


def cmd_expand(args: argparse.Namespace) -> None:
    _run_text(args, _expander(args).expand_abbreviations)


def cmd_abbreviations(args: argparse.Namespace) -> None:
    _run_jsonl(args, _expander(args).find_abbreviations)


def cmd_people(args: argparse.Namespace) -> None:
    from .people import PersonParser

    _run_jsonl(args, PersonParser().find_people)


def cmd_dates(args: argparse.Namespace) -> None:
    from .dates import DATELINE, DateParser
    from .dates.finder import dateline_of

    if args.reference != DATELINE:
        _run_jsonl(args, DateParser(reference=args.reference).find_dates)
        return
    # Each file's relative dates count from that file's own dateline, found in its first block.
    references: dict[str, Any] = {}

    def make(name: str, line: int, text: str) -> tuple[Any, ...]:
        if name not in references:
            references[name] = dateline_of(text)
        return DateParser(references[name]).find_dates, name, line, text

    _run(args, _jsonl_block, make, keep_input=False)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return n


def _iso_date(value: str) -> Any:
    import datetime as dt

    if value == "dateline":
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD, nor 'dateline': {value!r}") from None


def _record_reference(record: dict[str, Any], field: str | None, name: str, n: int) -> Any:
    """The reference date a JSON Lines record names in *field* ("2024-06-30" or "2024-06-30T08:15"),
    or ``None`` when it names none."""
    import datetime as dt

    value = record.get(field) if field else None
    if value is None or value == "":
        return None
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{name}: line {n}: field {field!r} is not a date in the form YYYY-MM-DD: {value!r}") from None
    return moment.date() if len(str(value)) <= 10 else moment


def _analyze_file(analyzer: Any, name: str, out: BinaryIO) -> None:
    """One JSON object for a whole file, analysed block by block (blocks of whole lines, about 1 MiB)
    so memory stays bounded on any size of file: the text is written as it is made, and the lists of
    matches wait in temporary files (spans count characters from the start of the file). Learned
    abbreviation definitions and links between mentions of one person do not cross blocks."""
    shown = "<stdin>" if name == "-" else name
    keys = ("abbreviations", "people", "dates")
    encoding = None
    at = 0  # characters of the original before this block
    out.write(json.dumps({"file": shown}, ensure_ascii=False)[:-1].encode() + b', "text": "')
    failed = 0
    with contextlib.ExitStack() as stack:
        spools = {key: stack.enter_context(tempfile.TemporaryFile()) for key in keys}
        reference = analyzer.reference
        for _, first_line, block in _texts([name]):
            if reference == "dateline":  # the file's own dateline, from its first block, for every block
                from .dates.finder import dateline_of

                reference = dateline_of(block)
            try:
                doc = analyzer.analyze(block, reference)
            except Exception as exc:
                failed += 1
                last = first_line + block.count("\n")
                print(f"vntext: error: {shown}: lines {first_line}-{last}: internal error ({type(exc).__name__}: "
                      f"{exc}); the block was written unchanged", file=sys.stderr)
                out.write(json.dumps(block, ensure_ascii=not _encodable(block))[1:-1].encode())
                at += len(block)
                continue
            encoding = encoding or doc.encoding
            out.write(json.dumps(doc.text, ensure_ascii=not _encodable(doc.text))[1:-1].encode())
            for key in keys:
                spool = spools[key]
                for m in getattr(doc, key):
                    row = m.to_dict()
                    row["start"] += at
                    row["end"] += at
                    if "refers_to" in row and isinstance(row["refers_to"], int):
                        row["refers_to"] += at
                    spool.write((b", " if spool.tell() else b"") + _json_line(row)[:-1].encode())
            at += len(block)
        out.write(b'", "encoding": ' + json.dumps(encoding).encode())
        for key in keys:
            out.write(f', "{key}": ['.encode())
            spools[key].seek(0)
            shutil.copyfileobj(spools[key], out)
            out.write(b"]")
        out.write(b"}\n")
    if failed:
        raise InternalError(f"{failed} block(s) of {shown} could not be analysed (see above); please report it")


def _write_document(out: BinaryIO, where: dict[str, Any], doc: Any, record: dict[str, Any] | None = None,
                    into: str = "") -> None:
    """One JSON line for an analysed document, written piece by piece: the same object as
    ``{**where, **doc.to_dict()}`` (or, for a JSON Lines *record*, the record with that object under
    the key *into*), without building it (a record of 200,000 matches would hold them three times
    over)."""
    if record is not None:
        out.write(_json_line(record)[:-2].encode() + b", " if record else b"{")
        out.write(json.dumps(into, ensure_ascii=False).encode() + b": ")
    out.write(_json_line(where)[:-2].encode() + b", " if where else b"{")
    out.write(b'"text": ' + _json_line({"": doc.text})[5:-2].encode())
    out.write(b', "encoding": ' + json.dumps(doc.encoding).encode())
    for key in ("abbreviations", "people", "dates"):
        out.write(f', "{key}": ['.encode())
        for k, m in enumerate(getattr(doc, key)):
            out.write((b", " if k else b"") + _json_line(m.to_dict())[:-1].encode())
        out.write(b"]")
    out.write(b"}}\n" if record is not None else b"}\n")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _record(
    line: str, field: str, name: str, n: int, reference_field: str | None = None, into: str = "vntext"
) -> tuple[str, dict[str, Any], Any]:
    """One JSON Lines record, the text to analyse in it, and the reference date it names in
    *reference_field* (or ``None``)."""
    try:
        record = json.loads(line, parse_constant=lambda _: None)  # NaN/Infinity (pandas) read as null
        text = record[field]
    except (ValueError, KeyError, TypeError):
        raise InputError(f"{name}: line {n} is not a JSON object with a string field {field!r}") from None
    if not isinstance(text, str):
        raise InputError(f"{name}: line {n}: field {field!r} is not a string")
    if into in record:
        raise InputError(f"{name}: line {n}: the record already has a field {into!r}, where the results would "
                         "go; name another with --into")
    return text, record, _record_reference(record, reference_field, name, n)


def cmd_analyze(args: argparse.Namespace) -> None:
    from .analyze import Analyzer

    for option, given in (("--reference-field", args.reference_field), ("--skip-bad", args.skip_bad),
                          ("--into", args.into != "vntext")):
        if given and not args.field:
            raise InputError(f"{option} needs --field (it is about the JSON Lines records)")
    analyzer = Analyzer(reference=args.reference)
    out = sys.stdout.buffer
    if not (args.lines or args.field):  # one document per file
        for name in args.files or ["-"]:
            _analyze_file(analyzer, name, out)
        return
    failed = skipped = 0
    for name, first_line, block in _texts(args.files):
        # Lines end at "\n" only: U+2028, U+0085 or a form feed inside a record is text, not a break.
        lines = block.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        for n, line in enumerate(lines, start=first_line):
            line = line.removesuffix("\r")
            if not line.strip():
                continue
            record = None
            if args.field:
                try:
                    text, record, reference = _record(line, args.field, name, n, args.reference_field, args.into)
                except InputError as bad:
                    if not args.skip_bad:
                        raise
                    skipped += 1
                    print(f"vntext: warning: {bad}; skipped", file=sys.stderr)
                    continue
            else:
                text, reference = line, None
            try:
                doc = analyzer.analyze(text, reference)
            except Exception as exc:
                failed += 1
                print(f"vntext: error: {name}: line {n}: internal error ({type(exc).__name__}: {exc})",
                      file=sys.stderr)
                continue
            _write_document(out, {"file": name, "line": n}, doc, record, args.into)
        if INPUT.idle:
            out.flush()  # the input waits for its writer, who waits for this
    if skipped:
        print(f"vntext: warning: {skipped} bad record(s) skipped (see above)", file=sys.stderr)
    if failed:
        raise InternalError(f"{failed} record(s) could not be analysed (see above); please report it")


def cmd_decode(args: argparse.Namespace) -> None:
    from .legacy import check_encoding, decode_legacy

    out = sys.stdout.buffer
    encoding = None if args.source == "auto" else check_encoding(args.source)
    for name in args.files or ["-"]:
        shown = "<stdin>" if name == "-" else name
        chosen = encoding
        with _opened(name) as stream:
            for offset, data in _blocks(stream):
                if encoding is None:  # auto: the lines of each block are judged on their own evidence
                    chosen = _decode_auto(out, shown, offset, data, chosen)
                else:
                    _write(out, decode_legacy(data, encoding))


def _decode_auto(out: BinaryIO, shown: str, offset: int, data: bytes, chosen: str | None) -> str | None:
    """Write one block of ``decode --from auto``: lines that are valid UTF-8 and read as proper Unicode
    pass through; the others are decoded with the legacy encoding their evidence names (or, with too
    little evidence, the one found earlier in the file). Returns the encoding in use."""
    from .legacy import bytes_as_text, decode_legacy, detect_legacy

    lines = [line for line in re.split(b"(?<=\n)", data) if line]
    legacy = set()
    for i, line in enumerate(lines):
        text = bytes_as_text(line)
        if text.encode("utf-8") != line or detect_legacy(text) is not None:
            legacy.add(i)
    if legacy:
        chosen = detect_legacy(bytes_as_text(b"".join(lines[i] for i in sorted(legacy)))) or chosen
        if chosen is None:
            raise InputError(
                f"{shown}: cannot tell the legacy encoding of the bytes at offset {offset}; "
                "name it with --from ENCODING"
            )
    for i, line in enumerate(lines):
        _write(out, decode_legacy(line, chosen) if i in legacy else line.decode("utf-8"))  # type: ignore[arg-type]
    return chosen


def cmd_detect(args: argparse.Namespace) -> None:
    out = sys.stdout.buffer
    from .legacy import bytes_as_text, detect_legacy

    for name in args.files or ["-"]:
        with _opened(name) as stream:
            sample = stream.read(BLOCK)

        found = detect_legacy(bytes_as_text(sample)) or "unicode"
        shown = "<stdin>" if name == "-" else name
        _write(out, f"{shown}\t{found}\n")


# ---------------------------------------------------------------------------------------- parser
# Shown at the end of each subcommand's --help.
EXAMPLES = {
    "normalize": ["vntext normalize --tone-style old article.txt -o clean.txt",
                  "vntext normalize --output-dir clean/ crawl/    # every file under crawl/, same paths under clean/",
                  "echo 'Thuỷ điện Hoà Bình' | vntext normalize"],
    "verbalize": ["echo 'Giá 45.000đ/kg, ngày 30/4' | vntext verbalize",
                  "vntext verbalize --year-style short --lowercase news.txt -o spoken.txt"],
    "strip": ["echo 'Đảng Cộng sản Việt Nam' | vntext strip"],
    "expand": ["echo 'UBND tỉnh và Sở GD&ĐT họp' | vntext expand"],
    "abbreviations": ["vntext abbreviations report.txt > abbreviations.jsonl"],
    "people": ["vntext people news/*.txt > people.jsonl"],
    "dates": ["vntext dates --reference 2024-06-30 news.txt", "vntext dates --reference dateline articles/*.txt"],
    "analyze": ["vntext analyze article.txt",
                "vntext analyze --field text --reference-field published records.jsonl -o analysed.jsonl",
                "vntext analyze --field body --into nlp --skip-bad crawl.jsonl -o analysed.jsonl"],
    "decode": ["vntext decode --from tcvn3 old.txt -o new.txt", "vntext decode --from auto archive/*.txt"],
    "detect": ["vntext detect archive/*.txt"],
}


def _open_output(args: argparse.Namespace) -> None:
    """Point standard output at ``--output FILE``; never at one of the inputs (it would be emptied
    before it is read)."""
    path = getattr(args, "output", None)
    if not path:
        return
    for name in getattr(args, "files", None) or []:
        if name != "-" and os.path.exists(name) and os.path.exists(path) and os.path.samefile(name, path):
            raise InputError(f"the output {path!r} is also an input; write to another file")
    try:
        handle = open(path, "wb")  # noqa: SIM115 - kept open for the run, closed at exit
    except OSError as exc:
        raise InputError(f"cannot open the output {path!r}: {exc.strerror or exc}") from None
    sys.stdout = io.TextIOWrapper(handle, encoding="utf-8", newline="")


_JSON_OUTPUT = frozenset({"abbreviations", "people", "dates", "analyze"})


def _mirrored(names: list[str], folder: str, suffix: str) -> list[tuple[str, str]]:
    """(input, output) paths for ``--output-dir``: a file goes to *folder*/its name, the files under an
    input folder to *folder*/their path in it, each with *suffix* added."""
    if not names or "-" in names:
        raise InputError("--output-dir needs input files or folders (not standard input)")
    out = os.path.abspath(folder)
    pairs: list[tuple[str, str]] = []
    for name in names:
        if os.path.isdir(name):
            top = os.path.abspath(name)
            if out == top or out.startswith(top + os.sep):
                raise InputError(f"the output folder {folder!r} is inside the input folder {name!r}")
            for root, dirs, files in os.walk(name):
                dirs.sort()
                pairs += [(os.path.join(root, f), os.path.join(out, os.path.relpath(os.path.join(root, f), name)))
                          for f in sorted(files)]
        else:
            pairs.append((name, os.path.join(out, os.path.basename(name))))
    pairs = [(src, dst + suffix) for src, dst in pairs]
    seen: dict[str, str] = {}
    for src, dst in pairs:
        if dst in seen:
            raise InputError(f"{seen[dst]!r} and {src!r} would both be written to {dst!r}")
        seen[dst] = src
        if os.path.exists(dst) and os.path.samefile(src, dst):
            raise InputError(f"the output {dst!r} is also an input; write to another folder")
    return pairs


def _run_mirrored(args: argparse.Namespace) -> None:
    """Run the subcommand once per input file, each into its own output file (``--output-dir``)."""
    pairs = _mirrored(args.files, args.output_dir, ".jsonl" if args.command in _JSON_OUTPUT else "")
    stdout = sys.stdout
    try:
        for src, dst in pairs:
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            try:
                handle = open(dst, "wb")  # noqa: SIM115 - closed below, after the run on this file
            except OSError as exc:
                raise InputError(f"cannot open the output {dst!r}: {exc.strerror or exc}") from None
            with handle:
                sys.stdout = io.TextIOWrapper(handle, encoding="utf-8", newline="")
                args.files = [src]
                try:
                    args.func(args)
                finally:
                    sys.stdout.flush()
                    sys.stdout.detach()
    finally:
        sys.stdout = stdout


def build_parser() -> argparse.ArgumentParser:
    from .legacy import ENCODINGS

    parser = _Parser(prog="vntext", description="Normalise Vietnamese text. Reads FILEs or standard input.")
    parser.add_argument("--version", action="version", version=f"vntext {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", parser_class=_Parser)
    sub.required = True

    def files(p: argparse.ArgumentParser, jobs: bool = True, mirror: bool = True) -> None:
        p.add_argument("files", nargs="*", metavar="FILE", help="input files ('-' or none: standard input)")
        output = p.add_mutually_exclusive_group()
        output.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
        if mirror:
            output.add_argument("--output-dir", metavar="DIR",
                                help="write each input FILE to DIR/its name, and the files under an input "
                                     "folder to DIR/their path in it (JSON output: with .jsonl added)")
        if jobs:  # analyze, decode and detect run in one process: they do not offer an option they would ignore
            p.add_argument("--jobs", "-j", type=_positive, metavar="N",
                           help="worker processes (default and at most: one per core); output keeps the input order")

    p = sub.add_parser("normalize", help="legacy repair, clean-up, tone placement, normal form")
    p.add_argument("--tone-style", choices=("new", "old", "keep"), default="new",
                   help="new: hòa, thủy (default); old: hoà, thuỷ; keep: leave placement as is")
    p.add_argument("--form", choices=("NFC", "NFD"), default="NFC", help="Unicode normal form of the output")
    p.add_argument("--expand-abbreviations", action="store_true", help="expand abbreviations too")
    p.add_argument("--no-fix-encoding", dest="fix_encoding", action="store_false",
                   help="do not repair text in a legacy encoding")
    p.add_argument("--no-clean", dest="clean", action="store_false",
                   help="keep NBSP, zero-width characters, unusual dashes and repeated spaces")
    files(p)
    p.set_defaults(func=cmd_normalize)

    p = sub.add_parser("verbalize", help="the words a reader says aloud, for text-to-speech (5kg → năm ki lô gam)")
    p.add_argument("--reference", type=_iso_date, metavar="YYYY-MM-DD",
                   help="the date partial and relative dates are resolved against (default: today)")
    p.add_argument("--thousand", choices=("nghìn", "ngàn"), default="nghìn", help="the word for a thousand")
    p.add_argument("--linh", choices=("linh", "lẻ"), default="linh", help="the word for an empty tens digit (105)")
    p.add_argument("--no-tu", dest="tu", action="store_false", help="read 24 as hai mươi bốn, not hai mươi tư")
    p.add_argument("--year-style", choices=("full", "short"), default="full",
                   help="full: hai nghìn không trăm hai mươi tư (default); short: hai nghìn hai mươi tư")
    p.add_argument("--lowercase", action="store_true", help="give the output in lower case")
    p.add_argument("--international", action="store_true",
                   help="read international acronyms (GDP, WHO) by their Vietnamese expansion")
    files(p)
    p.set_defaults(func=cmd_verbalize)

    p = sub.add_parser("strip", help="remove diacritics (Việt Nam → Viet Nam)")
    files(p)
    p.set_defaults(func=cmd_strip)

    def abbreviation_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--international", action="store_true",
                       help="also expand acronyms Vietnamese keeps as written (GDP, ASEAN, USD …)")
        p.add_argument("--no-learn", dest="learn", action="store_false",
                       help="do not learn definitions written in the text, 'Quản lý thị trường (QLTT)'")
        files(p)

    p = sub.add_parser("expand", help="expand abbreviations (UBND → Ủy ban nhân dân)")
    abbreviation_options(p)
    p.set_defaults(func=cmd_expand)

    p = sub.add_parser("abbreviations", help="list abbreviations as JSON Lines")
    abbreviation_options(p)
    p.set_defaults(func=cmd_abbreviations)

    p = sub.add_parser("people", help="list people (honorific, titles, name) as JSON Lines")
    files(p)
    p.set_defaults(func=cmd_people)

    p = sub.add_parser("dates", help="list date expressions as JSON Lines")
    p.add_argument("--reference", type=_iso_date, metavar="YYYY-MM-DD|dateline",
                   help="the date partial and relative dates are resolved against (default: today); "
                        "'dateline': each file's own dateline, the first date with a year near its top")
    files(p)
    p.set_defaults(func=cmd_dates)

    p = sub.add_parser("analyze", help="normalised text with abbreviations, people and dates, as JSON per document")
    p.add_argument("--reference", type=_iso_date, metavar="YYYY-MM-DD|dateline",
                   help="the date partial and relative dates are resolved against (default: today); "
                        "'dateline': each document's own dateline")
    p.add_argument("--reference-field", metavar="NAME",
                   help="with --field: each record's reference date, from this field (YYYY-MM-DD or an ISO "
                        "date and time); records without it use --reference")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--lines", action="store_true", help="each line is a document (default: each file)")
    group.add_argument("--field", metavar="NAME",
                       help="input is JSON Lines; analyse this field of each object, which is written out "
                            "with every field it has and the results under --into")
    p.add_argument("--into", metavar="KEY", default="vntext",
                   help="with --field: the key the results go under in each record (default: vntext)")
    p.add_argument("--skip-bad", action="store_true",
                   help="with --field: report a record that is not a JSON object with that text field, "
                        "with its line number, and go on (default: stop there)")
    files(p, jobs=False)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("decode", help="convert a legacy-encoded file to UTF-8")
    p.add_argument("--from", dest="source", required=True, metavar="ENCODING",
                   help=f"one of {', '.join(ENCODINGS)}, or 'auto' to judge every block's lines")
    files(p, jobs=False)
    p.set_defaults(func=cmd_decode)

    p = sub.add_parser("detect", help="name the legacy encoding of each file (or 'unicode')")
    files(p, jobs=False, mirror=False)
    p.set_defaults(func=cmd_detect)
    for name, command in sub.choices.items():
        command.epilog = "examples:\n" + "\n".join("  " + line for line in EXAMPLES[name])
        command.formatter_class = argparse.RawDescriptionHelpFormatter
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if sys.stdout is None:
        print("vntext: error: standard output is closed", file=sys.stderr)
        return EXIT_INPUT
    try:
        if getattr(args, "output_dir", None):
            _run_mirrored(args)
        else:
            _open_output(args)
            args.func(args)
        sys.stdout.flush()
        sys.stdout.buffer.flush()
    except (InputError, InternalError) as exc:
        print(f"vntext: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except VntextError as exc:
        print(f"vntext: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, and keep Python from complaining at exit.
        _silence_stdout()
        return 0
    except BrokenProcessPool:
        _silence_stdout()
        print("vntext: error: a worker process stopped (killed, or out of memory); "
              "the output before it was written", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:  # disk full, I/O error on output
        _silence_stdout()
        print(f"vntext: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    return 0


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so Python's final flush cannot fail with a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
