"""Generated documentation pages match the data files they are generated from."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "generate_docs.py"


@pytest.mark.skipif(not SCRIPT.exists(), reason="scripts/ is not shipped in this distribution")
def test_generated_pages_are_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("generate_docs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, build in module.PAGES.items():
        page = ROOT / "docs" / "generated" / name
        assert page.read_text(encoding="utf-8") == build(), f"run python scripts/generate_docs.py ({name})"


def test_reference_examples_are_shown_runnable() -> None:
    # The API reference shows each doctest as code a reader can paste: no prompts, outputs as comments,
    # Sphinx roles as code (scripts/griffe_doctests.py, a Griffe extension used by mkdocs.yml).
    import importlib.util

    pytest.importorskip("griffe")
    path = Path(__file__).resolve().parent.parent / "scripts" / "griffe_doctests.py"
    spec = importlib.util.spec_from_file_location("griffe_doctests", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    doc = ("Say it with :func:`verbalize`.\n\n    >>> from vntext import verbalize\n    >>> verbalize(\n"
           "    ...     '5kg')\n    'năm ki lô gam'\n\nMore text.")
    assert module.runnable(doc) == (
        "Say it with `verbalize`.\n\n    ```python\n    from vntext import verbalize\n    verbalize(\n"
        "        '5kg')\n    # 'năm ki lô gam'\n    ```\n\nMore text.")
    shown = module.runnable(doc)
    code = shown.split("```python\n")[1].split("```")[0]
    compile("\n".join(line[4:] for line in code.splitlines()), "<example>", "exec")  # pastes without SyntaxError
