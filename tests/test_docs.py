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
