"""The ``analyze`` subcommand: one JSON object per file, line or JSON Lines record."""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sys
import tempfile
from typing import Any, BinaryIO

from .._parallel import Progress
from .streams import (
    INPUT,
    InputError,
    InternalError,
    _json_line,
    _texts,
    progress_for,
)


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


def _analyze_file(analyzer: Any, name: str, out: BinaryIO, progress: Progress) -> None:
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
            progress.update(progress.size(block))
            if reference == "dateline":  # the file's own dateline, from its first block, for every block
                from ..dates.finder import dateline_of

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
    from ..analyze import Analyzer

    for option, given in (("--reference-field", args.reference_field), ("--skip-bad", args.skip_bad),
                          ("--into", args.into != "vntext")):
        if given and not args.field:
            raise InputError(f"{option} needs --field (it is about the JSON Lines records)")
    analyzer = Analyzer(reference=args.reference)
    out = sys.stdout.buffer
    with contextlib.closing(progress_for(args)) as progress:
        if not (args.lines or args.field):  # one document per file
            for name in args.files or ["-"]:
                _analyze_file(analyzer, name, out, progress)
            return
        _analyze_lines(args, analyzer, out, progress)


def _analyze_lines(args: argparse.Namespace, analyzer: Any, out: BinaryIO, progress: Progress) -> None:
    """``analyze --lines`` and ``--field``: one JSON object per line or record."""
    failed = skipped = 0
    for name, first_line, block in _texts(args.files):
        progress.update(progress.size(block))
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
