"""Where each rule runs: text is read in blocks of whole lines, and in each block the rules' triggers
are found once, so that a rule runs only on the lines that hold one of its triggers (and a digit rule
only around the date cores of the line)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from .._windows import windows
from .grammar import _core_windows, _rules_by_trigger, digit_rules_in
from .holidays import LowercaseSearch

SEGMENT = 8192  # a line longer than this is read in stretches: memory stays bounded by the stretch
_BLOCK = 16384  # lines are taken in blocks of about this size; a block's triggers are found at once
_LINE = re.compile(r"[^\n]+")

Run = tuple[int, tuple[int, int]]  # a rule (its index) and the stretch it runs on


def runs(text: str) -> Iterator[list[Run]]:
    """For each line of *text* (each stretch of a long line), in order: the rules to run there."""
    for lines in _blocks(text):
        if len(lines) == 1 and lines[0][1] - lines[0][0] > SEGMENT:
            for a, b in windows(text, *lines[0], SEGMENT):  # each stretch a block of its own
                yield _with_digit_rules(text, a, b, _triggered_lines(text, [(a, b)])[0])
            continue
        for (a, b), rules in zip(lines, _triggered_lines(text, lines), strict=True):
            yield _with_digit_rules(text, a, b, rules)


def _with_digit_rules(text: str, a: int, b: int, rules: list[int]) -> list[Run]:
    found = [(p, (a, b)) for p in dict.fromkeys(rules)]  # a rule with two triggers on the line runs once
    return found + digit_rules_in(text, _core_windows(text, a, b))


def _blocks(text: str) -> Iterator[list[tuple[int, int]]]:
    """The non-empty lines of *text* as spans, in groups of about :data:`_BLOCK` characters; a line
    longer than :data:`SEGMENT` is a group of its own."""
    group: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        a, b = line.span()
        if b - a > SEGMENT:
            if group:
                yield group
                group = []
            yield [(a, b)]
            continue
        group.append((a, b))
        if b - group[0][0] >= _BLOCK:
            yield group
            group = []
    if group:
        yield group


def _triggered_lines(text: str, lines: list[tuple[int, int]]) -> list[list[int]]:
    """For each of *lines* (a block), the rules with a trigger on it. A substring is looked for on a
    line only when the block holds it; a pattern is searched through the block once, jumping to the
    next line after each hit, which finds every line holding a match (a match across a line break is
    counted for the line it starts on, which only makes a rule run where it finds nothing)."""
    start = lines[0][0]
    block = text[start : lines[-1][1]]
    starts = [a - start for a, _ in lines]
    ends = [b - start for _, b in lines]
    found: list[list[int]] = [[] for _ in lines]
    _, by_string, by_pattern = _rules_by_trigger()
    texts: list[str] = []  # the lines, sliced when first needed

    def line_texts() -> list[str]:
        if not texts:
            texts.extend(text[a:b] for a, b in lines)
        return texts

    for t, ps in by_string.items():
        if t in block:
            for i, line in enumerate(line_texts()):
                if t in line:
                    found[i] += ps
    lowered: str | None = None
    for (gate, pattern), ps in by_pattern.items():
        if gate and not any(g in block for g in gate):
            continue
        if isinstance(pattern, LowercaseSearch):
            lowered = block.lower() if lowered is None else lowered
            if len(lowered) != len(block):  # a letter whose small form is longer: line by line
                for i, line in enumerate(line_texts()):
                    if pattern.search(line):
                        found[i] += ps
                continue
            _hits(pattern.pattern, lowered, starts, ends, ps, found)
        else:
            _hits(pattern, block, starts, ends, ps, found)
    return found


def _hits(
    pattern: re.Pattern[str], block: str, starts: list[int], ends: list[int], ps: tuple[int, ...],
    found: list[list[int]],
) -> None:
    """Add *ps* to each line of *block* (lines at *starts*/*ends*) that holds a match of *pattern*."""
    pos = 0
    while (m := pattern.search(block, pos)) is not None:
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or m.start() >= ends[i]:  # at a line break: the next line is searched from its start
            pos = starts[i + 1] if i + 1 < len(starts) else len(block)
            continue
        found[i] += ps
        if i + 1 >= len(starts):
            return
        pos = starts[i + 1]

