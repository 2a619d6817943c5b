"""Generated documentation pages match the data files they are generated from."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import ROOT, load_script


def test_generated_pages_are_up_to_date() -> None:
    module = load_script("generate_docs")
    for name, build in module.PAGES.items():
        page = ROOT / "docs" / "generated" / name
        assert page.read_text(encoding="utf-8") == build(), f"run python scripts/generate_docs.py ({name})"


def _runnable_examples() -> Any:
    pytest.importorskip("griffe")
    return load_script("runnable_examples")


def test_reference_examples_are_shown_runnable() -> None:
    # The API reference shows each doctest as code a reader can paste: no prompts, outputs as comments,
    # Sphinx roles as code (scripts/runnable_examples.py, a Griffe extension used by mkdocs.yml).
    module = _runnable_examples()
    doc = ("Say it with :func:`verbalize`.\n\n    >>> from vntext import verbalize\n    >>> verbalize(\n"
           "    ...     '5kg')\n    'năm ki lô gam'\n\nMore text.")
    assert module.runnable(doc) == (
        "Say it with `verbalize`.\n\n    ```python\n    from vntext import verbalize\n    verbalize(\n"
        "        '5kg')\n    # 'năm ki lô gam'\n    ```\n\nMore text.")
    shown = module.runnable(doc)
    code = shown.split("```python\n")[1].split("```")[0]
    compile("\n".join(line[4:] for line in code.splitlines()), "<example>", "exec")  # pastes without SyntaxError


@pytest.mark.parametrize("page", sorted(p.name for p in (ROOT / "docs").glob("*.md")))
def test_page_examples_are_shown_runnable(page: str) -> None:
    # The Markdown pages keep doctests (pytest runs them); the site (an MkDocs hook, mkdocs.yml) shows
    # each fenced example without prompts, so every Python block pastes and compiles.
    module = _runnable_examples()
    source = (ROOT / "docs" / page).read_text(encoding="utf-8")
    shown = module.runnable_fences(source)
    assert not re.search(r"^\s*(?:>>>|\.\.\.) ", shown, re.M)
    for indent, block in re.findall(r"^( *)```python\n(.*?)^ *```", shown, re.M | re.S):
        code = "\n".join(line[len(indent) :] for line in block.splitlines())
        compile(code, page, "exec")
    if ">>>" in source:
        assert shown != source
    # Nothing but the examples changes: the same text outside the Python blocks.
    outside = re.compile(r"^ *```python\n.*?^ *```", re.M | re.S)
    assert outside.sub("", shown).replace("\n", "") == outside.sub("", source).replace("\n", "")


def test_benchmark_chart_is_a_well_formed_svg_with_one_bar_per_row() -> None:
    import xml.etree.ElementTree as ET

    from benchmarks.chart import bar_chart

    rows = [("normalize", "vntext", 22.3), ("normalize", "unicodedata NFC", 1097.0), ("verbalize", "vinorm", 0.0124)]
    svg = ET.fromstring(bar_chart(rows, "Speed & more <test>"))
    ns = "{http://www.w3.org/2000/svg}"
    bars = svg.findall(f"{ns}rect")
    assert len(bars) == 3 and bars[0].get("fill") != bars[1].get("fill")
    widths = [float(b.get("width", 0)) for b in bars]
    assert widths[2] < widths[0] < widths[1]  # a logarithmic scale keeps the order
    assert any(t.text == "Speed & more <test>" for t in svg.iter(f"{ns}text"))
    with pytest.raises(ValueError):
        bar_chart([], "nothing measured")


def test_runnable_examples_doctests() -> None:
    import doctest

    result = doctest.testmod(_runnable_examples())
    assert result.attempted >= 2 and result.failed == 0
