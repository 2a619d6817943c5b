"""Language data as plain TSV files (header row; ``#`` starts a comment line), loaded lazily."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``vntext/data/<name>`` as dicts keyed by the header, read once per process."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) > len(header):
            raise ValueError(
                f"vntext/data/{name}: line {number} has {len(cells)} cells, the header has {len(header)}"
            )
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True)))
    return tuple(rows)
