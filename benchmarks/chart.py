"""A horizontal bar chart of a benchmark run, as a standalone SVG (no plotting library needed).

Each bar is one (case, who) speed in MB/s on a logarithmic scale, so that 1,000 MB/s C code and
0.01 MB/s peers fit on one chart; vntext's bars and the peers' are told apart by colour.
"""

from __future__ import annotations

import math
from html import escape

_ROW = 22
_LABEL = 300
_BAR = 420
_PAD = 12
_VNTEXT, _PEER = "#2b6cb0", "#a0aec0"


def bar_chart(rows: list[tuple[str, str, float]], title: str) -> str:
    """An SVG chart of *rows* ``(case, who, MB/s)``, in the given order, under *title*."""
    if not rows:
        raise ValueError("no measured rows to chart")
    low = min(10 ** math.floor(math.log10(min(speed for _, _, speed in rows))), 0.01)
    high = 10 ** math.ceil(math.log10(max(speed for _, _, speed in rows)))
    span = math.log10(high) - math.log10(low)

    def x(speed: float) -> float:
        return _LABEL + _BAR * (math.log10(max(speed, low)) - math.log10(low)) / span

    height = _PAD * 2 + 28 + _ROW * len(rows) + 24
    width = _LABEL + _BAR + 90
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="12">',
           f'<text x="{_PAD}" y="{_PAD + 12}" font-size="14" font-weight="bold">{escape(title)}</text>']
    top = _PAD + 28
    decade = low
    while decade <= high * 1.0001:  # grid lines at each power of ten
        gx = x(decade)
        out.append(f'<line x1="{gx:.1f}" y1="{top - 4}" x2="{gx:.1f}" y2="{top + _ROW * len(rows)}" stroke="#e2e8f0"/>')
        out.append(f'<text x="{gx:.1f}" y="{top + _ROW * len(rows) + 16}" text-anchor="middle" fill="#4a5568">'
                   f'{decade:g}</text>')
        decade *= 10
    for i, (case, who, speed) in enumerate(rows):
        y = top + i * _ROW
        colour = _VNTEXT if who == "vntext" else _PEER
        out.append(f'<text x="{_LABEL - 8}" y="{y + 14}" text-anchor="end">{escape(case)} — {escape(who)}</text>')
        out.append(f'<rect x="{_LABEL}" y="{y + 3}" width="{x(speed) - _LABEL:.1f}" height="{_ROW - 8}" '
                   f'fill="{colour}"/>')
        out.append(f'<text x="{x(speed) + 4:.1f}" y="{y + 14}" fill="#2d3748">{speed:,.2f} MB/s</text>')
    out.append(f'<text x="{_LABEL + _BAR}" y="{height - 4}" text-anchor="end" fill="#4a5568">'
               "MB/s, logarithmic scale</text>")
    out.append("</svg>")
    return "\n".join(out) + "\n"
