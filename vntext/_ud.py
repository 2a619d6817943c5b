"""The Unicode database vntext uses: ``unicodedata2`` (current Unicode) when installed, else the stdlib."""

from __future__ import annotations

try:
    import unicodedata2 as ud
except ImportError:  # pragma: no cover - unicodedata2 is a declared dependency
    import unicodedata as ud

__all__ = ["ud"]
