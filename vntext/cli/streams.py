"""Reading the input in blocks of whole lines, writing the output, and running a subcommand's work
on those blocks (on several processes, output in input order)."""

from __future__ import annotations

import argparse
import bisect
import contextlib
import io
import json
import os
import stat
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO

from .._parallel import Failure, Progress, call, default_jobs, ordered_map

BLOCK = 1 << 20  # bytes read at a time


MAX_LINE = 1 << 20  # a "line" longer than this is cut (at a space where there is one): memory stays bounded


class InputError(Exception):
    """Input the command cannot read; the message is shown as is."""


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
    progress = progress_for(args)
    jobs = min(args.jobs, default_jobs()) if args.jobs is not None else default_jobs()
    where: deque[tuple[str, int, str, int]] = deque()
    failed = 0

    def specs() -> Iterator[tuple[Callable[..., Any], tuple[Any, ...]]]:
        for name, line, text in _texts(args.files):
            where.append((name, line, text if keep_input else "", progress.size(text)))
            yield work, make(name, line, text)

    try:
        for result in ordered_map(call, specs(), jobs, idle=lambda: INPUT.idle):
            name, line, original, size = where.popleft()
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
            progress.update(size)
    finally:
        progress.close()
    if failed:
        raise InternalError(f"{failed} block(s) could not be processed (see above); please report it")


def progress_for(args: argparse.Namespace, sized: bool = True) -> Progress:
    """The progress report of a run: with *sized*, its total is the size of the inputs, when they are
    all files."""
    return Progress(_input_size(args.files) if sized else None, enabled=getattr(args, "progress", True))


def _input_size(names: list[str]) -> int | None:
    """The bytes of the inputs *names*, or ``None`` when one is not a file (a pipe, a terminal)."""
    total = 0
    for name in names or ["-"]:
        try:
            info = os.fstat(sys.stdin.fileno()) if name == "-" else os.stat(name)
        except (OSError, ValueError, AttributeError):
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        total += info.st_size
    return total or None


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


def _open_output(args: argparse.Namespace) -> None:
    """Point standard output at ``--output FILE``; never at one of the inputs (it would be emptied
    before it is read)."""
    path = getattr(args, "output", None)
    if not path:
        return
    for name in getattr(args, "files", None) or []:
        if name != "-" and os.path.exists(name) and os.path.exists(path) and os.path.samefile(name, path):
            raise InputError(f"the output {path!r} is also an input; write to another file")
    sys.stdout = io.TextIOWrapper(_created(path), encoding="utf-8", newline="")  # closed at exit


def _created(path: str) -> BinaryIO:
    """*path* opened for writing bytes, or a one-line error naming it."""
    try:
        return open(path, "wb")
    except OSError as exc:
        raise InputError(f"cannot open the output {path!r}: {exc.strerror or exc}") from None


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
            with _created(dst) as handle:
                sys.stdout = io.TextIOWrapper(handle, encoding="utf-8", newline="")
                args.files = [src]
                try:
                    args.func(args)
                finally:
                    sys.stdout.flush()
                    sys.stdout.detach()
    finally:
        sys.stdout = stdout


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so Python's final flush cannot fail with a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
