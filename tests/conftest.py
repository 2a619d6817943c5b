"""Shared fixtures: where ../shared is, and real Vietnamese text from it."""

from __future__ import annotations

import json
import os
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Property tests must pass alone or together, in any order, on a loaded machine: no deadline (the first
# call of a function may compile a large pattern), and no example database (a failure found once is
# replayed by a test of its own, not by a cache left in the working tree). CI runs a fixed sequence of
# examples, so every CI run checks the same cases; locally each run explores new ones.
settings.register_profile("vntext", deadline=None, database=None)
settings.register_profile("ci", parent=settings.get_profile("vntext"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "vntext")

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VNTEXT_SHARED", ROOT.parent / "shared"))
CASES = Path(__file__).resolve().parent / "cases"

needs_shared = pytest.mark.skipif(
    not (SHARED / "seeds").is_dir(), reason=f"shared data not found at {SHARED} (set VNTEXT_SHARED)"
)
needs_iconv = pytest.mark.skipif(shutil.which("iconv") is None, reason="glibc iconv is not installed")
needs_recode = pytest.mark.skipif(shutil.which("recode") is None, reason="GNU recode is not installed")


def load_script(name: str) -> Any:
    """``scripts/<name>.py`` as a module (skipped where the scripts are not shipped)."""
    import importlib.util

    path = ROOT / "scripts" / f"{name}.py"
    if not path.exists():
        pytest.skip("scripts/ is not shipped in this distribution")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def cases(name: str) -> list[dict]:
    """Rows of tests/cases/<name>.jsonl (our own cases, written from real text)."""
    return read_jsonl(CASES / f"{name}.jsonl")


@pytest.fixture(scope="session")
def seed_lines() -> list[str]:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return [
        line
        for path in sorted((SHARED / "seeds").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


@pytest.fixture(scope="session")
def corpus_lines() -> list[str]:
    """Lines from the Wikipedia and law corpora (NFC), a few thousand of them."""
    base = SHARED / "corpus"
    if not base.is_dir():
        pytest.skip(f"corpus not found at {base}")
    paths = sorted((base / "viwiki").glob("wiki-00*.txt"))[:40] + sorted((base / "laws").glob("*.txt"))[:5]
    lines = []
    for path in paths:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        lines += [ln for ln in text.splitlines() if len(ln) > 20]
    return lines
