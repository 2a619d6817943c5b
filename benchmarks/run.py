"""Time named cases on real Vietnamese text and print a table with ratios to the peers.

Usage: ``python -m benchmarks [--size MB] [--corpus DIR] [--only NAME ...] [--repeat N] [--chart FILE.svg]``

The text is the seed articles (``../shared/seeds``) repeated up to ``--size`` megabytes; with
``--corpus DIR`` every case also runs, in the same run, on the ``*.txt`` files under DIR (up to
``--size`` megabytes), and a last line per case compares the two. Each case runs ``--repeat`` times and
the best time counts. A peer that is not installed is listed as skipped, never silently dropped.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class Case:
    name: str  # what is measured, e.g. "normalize"
    who: str  # "vntext" or the peer's name
    setup: Callable[[], Callable[[str], object] | None]  # returns the function, or None if unavailable
    baseline: str | None = None  # name of the vntext case a peer is compared with


def _peer(module: str, attr: str, **kwargs: object) -> Callable[[], Callable[[str], object] | None]:
    def setup() -> Callable[[str], object] | None:
        try:
            fn = getattr(importlib.import_module(module), attr)
        except Exception:  # any import failure means "not installed here"
            return None
        return (lambda text: fn(text, **kwargs)) if kwargs else fn

    return setup


def _vntext(attr: str, **kwargs: object) -> Callable[[], Callable[[str], object]]:
    def setup() -> Callable[[str], object]:
        import vntext

        fn = getattr(vntext, attr)
        return (lambda text: fn(text, **kwargs)) if kwargs else fn

    return setup


CASES: list[Case] = [
    Case("normalize", "vntext", _vntext("normalize")),
    Case("normalize (clean text)", "vntext", lambda: _on_clean("normalize")),
    Case("normalize", "unicodedata NFC", lambda: lambda t: unicodedata.normalize("NFC", t), "normalize"),
    Case("normalize", "underthesea text_normalize", _peer("underthesea", "text_normalize"), "normalize"),
    Case("normalize_tones", "vntext", _vntext("normalize_tones")),
    Case("normalize_tones old", "vntext", _vntext("normalize_tones", style="old")),
    Case("to_nfc", "vntext", _vntext("to_nfc")),
    Case("to_nfc", "unicodedata NFC", lambda: lambda t: unicodedata.normalize("NFC", t), "to_nfc"),
    Case("remove_diacritics", "vntext", _vntext("remove_diacritics")),
    Case("remove_diacritics", "unidecode", _peer("unidecode", "unidecode"), "remove_diacritics"),
    Case("detect_legacy", "vntext", _vntext("detect_legacy")),
    Case("expand_abbreviations", "vntext", _vntext("expand_abbreviations")),
    Case("find_people", "vntext", _vntext("find_people")),
    Case("find_dates", "vntext", _vntext("find_dates")),
    Case("find_dates", "dateparser search_dates", _peer("dateparser.search", "search_dates", languages=["vi"]),
         "find_dates"),
    Case("analyze", "vntext", _vntext("analyze")),
    Case("verbalize", "vntext", _vntext("verbalize")),
    Case("verbalize", "vinorm TTSnorm", _peer("vinorm", "TTSnorm"), "verbalize"),
]


def _on_clean(attr: str) -> Callable[[str], object]:
    """The function run on text that is already normalised: the fast path users hit most."""
    import vntext

    fn = getattr(vntext, attr)
    cache: dict[int, str] = {}

    def run(text: str) -> object:
        clean = cache.get(id(text))
        if clean is None:
            clean = cache[id(text)] = vntext.normalize(text)
        return fn(clean)

    return run


def load_text(size_mb: float, corpus: Path | None) -> str:
    """*size_mb* megabytes of the seed articles, or (with *corpus*) of the ``*.txt`` files under it."""
    paths = sorted(corpus.rglob("*.txt")) if corpus is not None else sorted((SHARED / "seeds").glob("*.txt"))
    if not paths:
        sys.exit(f"no text found under {corpus or SHARED / 'seeds'}")
    target = int(size_mb * 1_000_000)
    parts: list[str] = []
    size = 0
    for path in paths:
        parts.append(path.read_text(encoding="utf-8"))
        size += len(parts[-1].encode("utf-8"))
        if size >= target:
            break
    text = "\n".join(parts)
    reps = max(1, target // max(1, len(text.encode("utf-8"))) + 1)
    out = (text + "\n") * reps
    return out[: max(1, int(len(out) * target / len(out.encode("utf-8"))))]


def measure(fn: Callable[[str], object], text: str, repeat: int) -> float:
    fn(text[:2000])  # warm up: lazy tables and compiled patterns are built once per process
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=10.0, help="megabytes of text (default 10)")
    parser.add_argument("--corpus", type=Path, help="a folder of *.txt files to add to the seeds")
    parser.add_argument("--only", nargs="*", help="run only these case names")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--save", action="store_true", help="also write the table to benchmarks/results/")
    parser.add_argument("--chart", type=Path, metavar="FILE.svg",
                        help="also draw the speeds on the seeds as a bar chart (SVG), e.g. for docs/images/")
    parser.add_argument("--memory", action="store_true",
                        help="run each case in a fresh process and report its peak memory (slower)")
    parser.add_argument("--hostile", action="store_true",
                        help="time every function on hostile input at 0.1, 1 and --size MB (see benchmarks/hostile.py)")
    args = parser.parse_args(argv)
    if args.hostile:
        from .hostile import report

        return report(args.size)

    texts = [("seeds", None)] + ([("corpus", args.corpus)] if args.corpus else [])
    lines: list[str] = []

    def say(line: str) -> None:
        print(line, flush=True)
        lines.append(line)

    import vntext

    core = "compiled core" if vntext.compiled_core() else "pure Python (VNTEXT_PURE=1 or not built)"
    say(f"# {args.size:g} MB of each text; Python {platform.python_version()} on {platform.machine()}, "
        f"{_cpu()}, {os.cpu_count()} cores; best of {args.repeat}; vntext: {core}"
        + (f"; corpus: {args.corpus}" if args.corpus else ""))
    say(f"{'case':24} {'text':7} {'who':28} {'MB/s':>9}  {'peak MB' if args.memory else ''}  ratio")
    speeds: dict[tuple[str, str], float] = {}
    charted: list[tuple[str, str, float]] = []
    for label, corpus in texts:
        text = load_text(args.size, corpus)
        mb = len(text.encode("utf-8")) / 1e6
        for case in CASES:
            if args.only and case.name not in args.only:
                continue
            if args.memory:
                result = _isolated(CASES.index(case), args, corpus)
                if result is None:
                    say(f"{case.name:24} {label:7} {case.who:28} {'skipped (not installed)':>9}")
                    continue
                seconds, peak = result
                peak_text = f"{peak:7.0f}"
            else:
                fn = case.setup()
                if fn is None:
                    say(f"{case.name:24} {label:7} {case.who:28} {'skipped (not installed)':>9}")
                    continue
                seconds = measure(fn, text, args.repeat)
                peak_text = ""
            speed = mb / seconds
            if label == "seeds":
                charted.append((case.name, case.who, speed))
            ratio = ""
            if case.baseline is None:
                speeds[case.name, label] = speed
            elif (case.baseline, label) in speeds:
                ratio = f"vntext is {speeds[case.baseline, label] / speed:.2f}x this"
            say(f"{case.name:24} {label:7} {case.who:28} {speed:9.1f}  {peak_text}  {ratio}")
    if args.corpus:
        for (name, label), speed in speeds.items():
            if label == "seeds" and (name, "corpus") in speeds:
                corpus_speed = speeds[name, "corpus"]
                say(f"# {name}: {speed:.1f} MB/s on the seeds, {corpus_speed:.1f} on the corpus "
                    f"(the corpus at {corpus_speed / speed:.2f}x the seeds' speed)")
    if args.chart:
        from .chart import bar_chart

        args.chart.write_text(bar_chart(charted, f"Speed on {args.size:g} MB of news text, one core "
                                                 f"({_cpu()}, Python {platform.python_version()})"), encoding="utf-8")
        print(f"chart written to {args.chart}")
    if args.save:
        out = ROOT / "benchmarks" / "results" / f"{time.strftime('%Y-%m-%d')}-{platform.machine()}.txt"
        out.parent.mkdir(exist_ok=True)
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"written to {out.relative_to(ROOT)}")
    return 0


def _case_in_child(index: int, size: float, corpus: Path | None, repeat: int) -> tuple[float, float] | None:
    import resource

    text = load_text(size, corpus)
    fn = CASES[index].setup()
    if fn is None:
        return None
    seconds = measure(fn, text, repeat)
    return seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _isolated(index: int, args: argparse.Namespace, corpus: Path | None) -> tuple[float, float] | None:
    """(best seconds, peak resident MB of the whole process, text included) in a fresh process."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_case_in_child, (index, args.size, corpus, args.repeat))


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"
