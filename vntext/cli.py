"""The ``vntext`` command: ``vntext SUBCOMMAND [options] [FILE ...]``.

Reads files (or standard input, ``-``) in blocks of whole lines, so memory stays constant on any
size of input; writes UTF-8 to standard output; reports bad input in one line on standard error
with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO, NoReturn

from . import __version__
from ._parallel import Progress, call, default_jobs, ordered_map
from .errors import VntextError

BLOCK = 1 << 20  # bytes read at a time
MAX_LINE = 1 << 24  # a "line" longer than this is cut at a space so memory stays bounded

EXIT_INPUT = 1  # bad input: missing file, undecodable bytes
EXIT_USAGE = 2  # bad command line


class InputError(Exception):
    """Input the command cannot read; the message is shown as is."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _blocks(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(offset, bytes) blocks that end at a newline (or at a space in a giant line)."""
    pending = b""
    offset = 0
    while True:
        chunk = stream.read(BLOCK)
        if not chunk:
            break
        pending += chunk
        cut = pending.rfind(b"\n") + 1
        if not cut and len(pending) > MAX_LINE:
            cut = pending.rfind(b" ") + 1
        if cut:
            yield offset, pending[:cut]
            offset += cut
            pending = pending[cut:]
    if pending:
        yield offset, pending


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
    out.write(text.encode("utf-8", "surrogatepass"))


def _run(args: argparse.Namespace, work: Callable[..., str], make: Callable[[str, int, str], tuple[Any, ...]]) -> None:
    """Stream blocks through *work* (on ``--jobs`` processes, output in input order)."""
    out = sys.stdout.buffer
    progress = Progress()
    jobs = args.jobs if args.jobs is not None else default_jobs()
    specs = ((work, make(name, line, text)) for name, line, text in _texts(args.files))
    try:
        for result in ordered_map(call, specs, jobs):
            data = result.encode("utf-8", "surrogatepass")
            out.write(data)
            progress.update(len(data))
    finally:
        progress.close()


def _run_text(args: argparse.Namespace, fn: Callable[[str], str]) -> None:
    _run(args, fn, lambda name, line, text: (text,))


def _jsonl_block(find: Callable[[str], Iterable[Any]], name: str, first_line: int, text: str) -> str:
    """JSON Lines of each match's to_dict(), with ``file`` and 1-based ``line``; ``start``/``end``
    count characters from the start of that line."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    rows = []
    for match in find(text):
        row = match.to_dict()
        index = bisect.bisect_right(starts, row["start"]) - 1
        row["start"] -= starts[index]
        row["end"] -= starts[index]
        rows.append(json.dumps({"file": name, "line": first_line + index, **row}, ensure_ascii=False) + "\n")
    return "".join(rows)


def _run_jsonl(args: argparse.Namespace, find: Callable[[str], Iterable[Any]]) -> None:
    _run(args, _jsonl_block, lambda name, line, text: (find, name, line, text))


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
    from .dates import DateParser

    parser = DateParser(reference=args.reference)
    _run_jsonl(args, parser.find_dates)


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

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def cmd_analyze(args: argparse.Namespace) -> None:
    from .analyze import Analyzer

    analyzer = Analyzer(reference=args.reference)
    out = sys.stdout.buffer

    def emit(where: dict[str, Any], text: str) -> None:
        row = {**where, **analyzer.analyze(text).to_dict()}
        _write(out, json.dumps(row, ensure_ascii=False) + "\n")

    if not (args.lines or args.field):  # one document per file
        for name in args.files or ["-"]:
            text = "".join(block for _, _, block in _texts([name]))
            emit({"file": "<stdin>" if name == "-" else name}, text)
        return
    for name, first_line, block in _texts(args.files):
        for n, line in enumerate(block.splitlines(), start=first_line):
            if not line.strip():
                continue
            if args.field:
                try:
                    record = json.loads(line)
                    text = record[args.field]
                except (ValueError, KeyError, TypeError):
                    message = f"{name}: line {n} is not a JSON object with a string field {args.field!r}"
                    raise InputError(message) from None
                if not isinstance(text, str):
                    raise InputError(f"{name}: line {n}: field {args.field!r} is not a string")
                where = {"file": name, "line": n, **({"id": record["id"]} if "id" in record else {})}
            else:
                text, where = line, {"file": name, "line": n}
            emit(where, text)


def cmd_decode(args: argparse.Namespace) -> None:
    from .legacy import check_encoding, decode_legacy, detect_legacy

    out = sys.stdout.buffer
    encoding = None if args.source == "auto" else check_encoding(args.source)
    for name in args.files or ["-"]:
        with _opened(name) as stream:
            chosen = encoding
            for _, data in _blocks(stream):
                if chosen is None:
                    chosen = detect_legacy(_as_windows_text(data)) or "utf-8"
                if chosen == "utf-8":
                    _write(out, data.decode("utf-8", "replace"))
                else:
                    _write(out, decode_legacy(data, chosen))


def _as_windows_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        import codecs

        from .legacy import _windows_chars

        return codecs.charmap_decode(data, "strict", _windows_chars())[0]


def cmd_detect(args: argparse.Namespace) -> None:
    out = sys.stdout.buffer
    from .legacy import detect_legacy

    for name in args.files or ["-"]:
        with _opened(name) as stream:
            sample = stream.read(BLOCK)

        found = detect_legacy(_as_windows_text(sample)) or "unicode"
        shown = "<stdin>" if name == "-" else name
        _write(out, f"{shown}\t{found}\n")


# ---------------------------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    from .legacy import ENCODINGS

    parser = _Parser(prog="vntext", description="Normalise Vietnamese text. Reads FILEs or standard input.")
    parser.add_argument("--version", action="version", version=f"vntext {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", parser_class=_Parser)
    sub.required = True

    def files(p: argparse.ArgumentParser) -> None:
        p.add_argument("files", nargs="*", metavar="FILE", help="input files ('-' or none: standard input)")
        p.add_argument("--jobs", "-j", type=_positive, metavar="N",
                       help="worker processes (default: one per core); output keeps the input order")

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
    p.add_argument("--reference", type=_iso_date, metavar="YYYY-MM-DD",
                   help="the date partial and relative dates are resolved against (default: today)")
    files(p)
    p.set_defaults(func=cmd_dates)

    p = sub.add_parser("analyze", help="normalised text with abbreviations, people and dates, as JSON per document")
    p.add_argument("--reference", type=_iso_date, metavar="YYYY-MM-DD",
                   help="the date partial and relative dates are resolved against (default: today)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--lines", action="store_true", help="each line is a document (default: each file)")
    group.add_argument("--field", metavar="NAME", help="input is JSON Lines; analyse this field of each object")
    files(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("decode", help="convert a legacy-encoded file to UTF-8")
    p.add_argument("--from", dest="source", required=True, metavar="ENCODING",
                   help=f"one of {', '.join(ENCODINGS)}, or 'auto' to detect it per file")
    files(p)
    p.set_defaults(func=cmd_decode)

    p = sub.add_parser("detect", help="name the legacy encoding of each file (or 'unicode')")
    files(p)
    p.set_defaults(func=cmd_detect)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.func(args)
        sys.stdout.flush()
    except InputError as exc:
        print(f"vntext: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except VntextError as exc:
        print(f"vntext: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
