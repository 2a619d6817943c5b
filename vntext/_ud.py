"""The Unicode database vntext uses: ``unicodedata2`` (current Unicode) when installed, else the stdlib."""

from __future__ import annotations

from typing import Protocol, cast

try:
    import unicodedata2 as _impl
except ImportError:  # pragma: no cover - unicodedata2 is a declared dependency
    import unicodedata as _impl


class _UnicodeDatabase(Protocol):
    unidata_version: str

    def normalize(self, form: str, unistr: str, /) -> str: ...

    def decomposition(self, chr: str, /) -> str: ...

    def combining(self, chr: str, /) -> int: ...


ud = cast(_UnicodeDatabase, _impl)

__all__ = ["ud"]
