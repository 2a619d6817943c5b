"""Ordered, memory-bounded parallel map for the command line."""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _never() -> bool:
    return False


def ordered_map(
    fn: Callable[[T], R], items: Iterable[T], jobs: int, idle: Callable[[], bool] = _never
) -> Iterator[R]:
    """``map(fn, items)`` over *jobs* processes, results in input order, with at most ``2 * jobs``
    items in flight (so memory stays bounded on any length of input). No process is started until a
    second item arrives: a small input runs in this process. When *idle* says the input waits for its
    writer (a terminal, a slow pipe), the items read so far are answered before the next is read."""
    it = iter(items)
    first = next(it, None)
    while first is not None and idle():  # the input waits for its writer: answer before reading on
        yield fn(first)
        first = next(it, None)
    if first is None:
        return
    try:
        second = next(it, None)
    except Exception:
        yield fn(first)  # what came before a bad input is still written
        raise
    if jobs <= 1 or second is None:
        yield fn(first)
        if second is not None:
            yield fn(second)
            yield from map(fn, it)
        return
    pool = ProcessPoolExecutor(max_workers=jobs)
    finished = False
    try:
        pending: deque[Future[R]] = deque([pool.submit(fn, first), pool.submit(fn, second)])
        try:
            while pending and idle():
                yield pending.popleft().result()
            for item in it:
                pending.append(pool.submit(fn, item))
                while len(pending) >= 2 * jobs or (pending and idle()):
                    yield pending.popleft().result()
        except Exception:
            while pending:  # the blocks before a bad input are still written
                yield pending.popleft().result()
            raise
        while pending:
            yield pending.popleft().result()
        finished = True
    finally:
        # When the reader goes away (| head) or an error stops the run, queued blocks are dropped
        # instead of computed.
        pool.shutdown(wait=finished, cancel_futures=not finished)


class Progress:
    """A one-line progress report on standard error: bytes of input done, and with *total* (the input's
    size, when known) the share done and the time left; otherwise the rate. Shown only when standard
    error is a terminal that standard output is not written to (the line would mix with the output),
    and not when *enabled* is false (``--no-progress``)."""

    def __init__(self, total: int | None = None, enabled: bool = True) -> None:
        self.active = enabled and _terminal(sys.stderr) and not _terminal(sys.stdout)
        self.total = total
        self.start = time.monotonic()
        self.bytes = 0
        self.docs = 0
        self._last = 0.0

    def size(self, text: str) -> int:
        """The bytes *text* was read from (UTF-8), counted only when the report is shown."""
        return len(text.encode("utf-8", "surrogatepass")) if self.active else 0

    def update(self, nbytes: int, docs: int = 0) -> None:
        if not self.active:
            return
        self.bytes += nbytes
        self.docs += docs
        now = time.monotonic()
        if now - self._last < 0.2:
            return
        self._last = now
        sys.stderr.write("\r" + self.line(now - self.start) + "\033[K")
        sys.stderr.flush()

    def line(self, elapsed: float) -> str:
        """What the report says after *elapsed* seconds."""
        mb, rate = self.bytes / 1e6, self.bytes / 1e6 / max(elapsed, 1e-9)
        if self.total:
            done = min(self.bytes / self.total, 1.0)
            left = (self.total - self.bytes) / 1e6 / rate if rate and self.bytes < self.total else 0.0
            line = f"{mb:,.1f} of {self.total / 1e6:,.1f} MB ({done:.0%}), {rate:,.1f} MB/s, {_clock(left)} left"
        else:
            line = f"{mb:,.1f} MB, {rate:,.1f} MB/s"
        if self.docs:
            line += f", {self.docs:,} documents"
        return line

    def close(self) -> None:
        if self.active and self.bytes:
            sys.stderr.write("\n")


def _terminal(stream: Any) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError):
        return False


def _clock(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a time left."""
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


class Failure(str):
    """What :func:`call` returns for a block whose function raised: the error, as text."""


def call(spec: tuple[Callable[..., Any], tuple[Any, ...]]) -> Any:
    """Apply a (function, arguments) pair: what each worker process runs. An exception (a bug) comes
    back as a :class:`Failure`, so the blocks around it are still written."""
    fn, args = spec
    try:
        return fn(*args)
    except Exception as exc:
        return Failure(f"{type(exc).__name__}: {exc}")
