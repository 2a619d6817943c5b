"""The subcommands but ``analyze``: each reads its options and streams the input through one function."""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from typing import Any, BinaryIO

from .streams import (
    BLOCK,
    InputError,
    _blocks,
    _jsonl_block,
    _opened,
    _run,
    _run_jsonl,
    _run_text,
    _write,
    progress_for,
)


def cmd_normalize(args: argparse.Namespace) -> None:
    from ..normalize import Normalizer

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

    from ..spoken import Verbalizer

    verbalizer = Verbalizer(thousand=args.thousand, linh=args.linh, tu=args.tu, year_style=args.year_style,
                            lowercase=args.lowercase, expand_international=args.international)
    _run_text(args, partial(verbalizer.verbalize, reference=args.reference))


def cmd_strip(args: argparse.Namespace) -> None:
    from ..forms import remove_diacritics

    _run_text(args, remove_diacritics)


def _expander(args: argparse.Namespace) -> Any:
    from ..abbreviations import AbbreviationExpander

    return AbbreviationExpander(expand_international=args.international, learn=args.learn)


def cmd_expand(args: argparse.Namespace) -> None:
    _run_text(args, _expander(args).expand_abbreviations)


def cmd_abbreviations(args: argparse.Namespace) -> None:
    _run_jsonl(args, _expander(args).find_abbreviations)


def cmd_people(args: argparse.Namespace) -> None:
    from ..people import PersonParser

    _run_jsonl(args, PersonParser().find_people)


def cmd_dates(args: argparse.Namespace) -> None:
    from ..dates import DATELINE, DateParser
    from ..dates.finder import dateline_of

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


def cmd_decode(args: argparse.Namespace) -> None:
    from ..legacy import check_encoding, decode_legacy

    out = sys.stdout.buffer
    encoding = None if args.source == "auto" else check_encoding(args.source)
    with contextlib.closing(progress_for(args)) as progress:
        for name in args.files or ["-"]:
            shown = "<stdin>" if name == "-" else name
            chosen = encoding
            with _opened(name) as stream:
                for offset, data in _blocks(stream):
                    if encoding is None:  # auto: the lines of each block are judged on their own evidence
                        chosen = _decode_auto(out, shown, offset, data, chosen)
                    else:
                        _write(out, decode_legacy(data, encoding))
                    progress.update(len(data))


def _decode_auto(out: BinaryIO, shown: str, offset: int, data: bytes, chosen: str | None) -> str | None:
    """Write one block of ``decode --from auto``: lines that are valid UTF-8 and read as proper Unicode
    pass through; the others are decoded with the legacy encoding their evidence names (or, with too
    little evidence, the one found earlier in the file). Returns the encoding in use."""
    from ..legacy import bytes_as_text, decode_legacy, detect_legacy

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
    from ..legacy import bytes_as_text, detect_legacy

    # only the start of each file is read: files, not bytes, are what counts
    with contextlib.closing(progress_for(args, sized=False)) as progress:
        for name in args.files or ["-"]:
            with _opened(name) as stream:
                sample = stream.read(BLOCK)

            found = detect_legacy(bytes_as_text(sample)) or "unicode"
            shown = "<stdin>" if name == "-" else name
            _write(out, f"{shown}\t{found}\n")
            progress.update(len(sample), docs=1)


# ---------------------------------------------------------------------------------------- parser
# Shown at the end of each subcommand's --help.
