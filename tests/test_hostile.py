"""Hostile input: every public function and subcommand runs in linear time and bounded memory.

Each function runs in a fresh process on 0.1 MB and 1 MB of each pattern of
``benchmarks.hostile.CI_PATTERNS``; the 1 MB run must take less than 15 times the 0.1 MB run (linear is
10; the margin absorbs a loaded machine; a case over it is measured once more, best of four, before it
fails) and under 20 s, and at its peak Python may hold at most 50
bytes per byte of input (500 MB for 10 MB) plus what the answer itself needs: 400 bytes per result
returned and 8 per character of text returned (a text grows when abbreviations are expanded).
Each subcommand runs on 0.1 and 1 MB files with the same time bound and under 200 MB of resident
memory. ``python -m benchmarks --hostile`` runs every pattern at 10 MB too.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.hostile import CI_PATTERNS, FUNCTIONS, measure_in_child, text_of

SMALL, BIG = 100_000, 1_000_000
FLOOR = 0.1  # seconds: a 0.1 MB run faster than FLOOR / 5 counts as FLOOR / 5, and a 1 MB run under FLOOR passes


def _too_slow(rows: list[dict[str, object]]) -> list[tuple[str, float, float]]:
    slow = []
    for row in rows:
        small, big = row["seconds"]  # type: ignore[misc]
        if big > 20 or (big > 15 * max(small, FLOOR / 5) and big > FLOOR):
            slow.append((str(row["pattern"]), round(small, 3), round(big, 3)))
    return slow


@pytest.mark.parametrize("name", FUNCTIONS)
def test_function_is_linear_and_bounded_on_hostile_input(name: str) -> None:
    rows = measure_in_child(name, (SMALL, BIG), CI_PATTERNS)
    for row in rows:
        bound = (50 * row["size"] + 400 * row["results"] + 8 * row["chars"]) / 1e6  # type: ignore[operator]
        assert row["peak_mb"] < bound, (name, row["pattern"], row["peak_mb"], row["results"])
    slow = _too_slow(rows)
    if slow:
        # Linear code measures 9-11x; a neighbour's burst of work or a collection of the cycle
        # collector can push one 1 MB run past 15x. Such a case is measured again in a fresh process,
        # best of four at both sizes, against the same bound: a real blow-up (100x) fails again.
        again = measure_in_child(name, (SMALL, BIG), tuple(pattern for pattern, _, _ in slow), repeats=4)
        assert _too_slow(again) == [], (name, slow)


SUBCOMMANDS = [["normalize"], ["normalize", "--expand-abbreviations"], ["strip"], ["expand"], ["abbreviations"],
               ["people"], ["dates", "--reference", "2024-06-30"], ["analyze"], ["analyze", "--lines"],
               ["decode", "--from", "viqr"], ["detect"], ["verbalize", "--reference", "2024-06-30"]]
# The peak resident memory of this process only: Linux carries ru_maxrss over an exec from the parent
# (a big pytest process), so the high-water mark of the process's own memory is read from /proc.
_RUN = """
import resource, sys
from vntext.cli import main
code = main(sys.argv[1:])
try:
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
sys.stderr.write(f"\\nMAXRSS {peak}\\n")
sys.exit(code)
"""


def _run(args: list[str], path: Path) -> tuple[float, float]:
    """Seconds and peak resident MB of one ``vntext`` run on *path* (output discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run([sys.executable, "-c", _RUN, *args, str(path)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=300)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert r.returncode == 0, r.stderr.decode()[-500:]
    rss = int(r.stderr.decode().rsplit("MAXRSS ", 1)[1]) / 1024
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), rss


@pytest.mark.parametrize("args", SUBCOMMANDS, ids=" ".join)
def test_subcommand_is_linear_and_bounded_on_hostile_input(args: list[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    args = [*args, "-j", "1"] if args[0] not in ("analyze", "decode", "detect") else args  # one process
    start_up = min(_run(args, empty)[0] for _ in range(2))  # Python and vntext themselves
    # One line with no newline and no space, a run of date cores, glued syllables, an endless sentence.
    for pattern in ("a", "1/", "hòang", "Ông ", "(A)"):
        small, big = tmp_path / "small.txt", tmp_path / "big.txt"
        small.write_text(text_of(pattern, SMALL), encoding="utf-8")
        big.write_text(text_of(pattern, BIG), encoding="utf-8")
        t_small = _run(args, small)[0] - start_up
        t_big, rss = _run(args, big)
        assert t_big - start_up < 15 * max(t_small, 0.2) and t_big < 60, (args, pattern, t_small, t_big)
        assert rss < 200, (args, pattern, rss)
