"""The ``vntext`` command: ``vntext SUBCOMMAND [options] [FILE ...]``.

Reads files (or standard input, ``-``) in blocks of whole lines, so memory stays constant on any
size of input; writes UTF-8 to standard output; reports bad input in one line on standard error
with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures.process import BrokenProcessPool
from typing import NoReturn

from .. import __version__, compiled_core
from ..errors import VntextError
from .analyze import cmd_analyze
from .commands import (
    _iso_date,
    _positive,
    cmd_abbreviations,
    cmd_dates,
    cmd_decode,
    cmd_detect,
    cmd_expand,
    cmd_normalize,
    cmd_people,
    cmd_strip,
    cmd_verbalize,
)
from .streams import InputError, InternalError, _open_output, _run_mirrored, _silence_stdout

EXIT_INPUT = 1  # bad input: missing file, undecodable bytes


EXIT_USAGE = 2  # bad command line


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


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


def build_parser() -> argparse.ArgumentParser:
    from ..legacy import ENCODINGS

    parser = _Parser(prog="vntext", description="Normalise Vietnamese text. Reads FILEs or standard input.")
    core = "compiled core" if compiled_core() else "pure Python"
    parser.add_argument("--version", action="version", version=f"vntext {__version__} ({core})")
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", parser_class=_Parser)
    sub.required = True

    def files(p: argparse.ArgumentParser, jobs: bool = True, mirror: bool = True) -> None:
        p.add_argument("files", nargs="*", metavar="FILE", help="input files ('-' or none: standard input)")
        output = p.add_mutually_exclusive_group()
        output.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
        p.add_argument("--no-progress", dest="progress", action="store_false",
                       help="no progress line on standard error (shown when it is a terminal and the output "
                            "goes elsewhere)")
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

    def reference_option(p: argparse.ArgumentParser, dateline: str) -> None:
        p.add_argument("--reference", type=_iso_date, metavar="YYYY-MM-DD|dateline",
                       help=f"the date partial and relative dates are resolved against (default: today); "
                            f"'dateline': {dateline}")

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
    reference_option(p, "each file's own dateline, the first date with a year near its top")
    files(p)
    p.set_defaults(func=cmd_dates)

    p = sub.add_parser("analyze", help="normalised text with abbreviations, people and dates, as JSON per document")
    reference_option(p, "each document's own dateline")
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
