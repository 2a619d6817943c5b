"""Turn a set of literal strings into one compact regular expression (a trie of alternations)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def _char(c: str, fold_case: bool) -> str:
    up = c.upper()
    if fold_case and up != c and len(up) == 1:
        return f"[{re.escape(c)}{re.escape(up)}]"
    return re.escape(c)


def trie_pattern(
    words: Iterable[str], fold_case: bool = False, end: Callable[[str], str] | None = None
) -> str:
    """A regex source matching exactly *words*, sharing prefixes so matching never backtracks far.

    >>> p = trie_pattern(["oà", "oá", "uỳ"], fold_case=True)
    >>> bool(re.fullmatch(p, "OÀ")), bool(re.fullmatch(p, "oa"))
    (True, False)

    *end*, when given, returns the regex each word must be followed by (its own boundary); longer
    words are still tried first.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    words = list(words)
    if not words:
        return "(?!)"
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {"": w}
    return _emit(trie, fold_case, end)


def _emit(node: dict, fold_case: bool, end: Callable[[str], str] | None) -> str:  # type: ignore[type-arg]
    ends = "" in node
    branches = [_char(c, fold_case) + _emit(child, fold_case, end) for c, child in sorted(node.items()) if c]
    tail = end(node[""][""]) if ends and end is not None else ""
    if not branches:
        return tail
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body}|{tail})" if tail else f"(?:{body})?"
    return body
