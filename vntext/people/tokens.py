"""Sentences, tokens and the two scans that say where a name may start.

Only sentences holding a possible name start are tokenised: a capital that begins two capitalised words
side by side (``_pair_start``), or a capital right after a word that can stand before a name — an
honorific or the last word of a title (``cue_before_capital``: "chị Lan", "HLV Troussier", "bà N.T.H.").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import overload

from .._trie import trie_pattern
from ..syllable import parse_syllable

# A word's last letter alone as a capital keeps its full stop: a middle initial ("Harry S. Truman"),
# initials ("bà N.T.H."), an abbreviated unit ("P. Bến Nghé").
_STOP_OF_INITIAL = r"(?:(?<=\b[^\W\d_a-zđ])\.(?![^\W\d_]))?"
TOKEN = re.compile(r"[^\W\d_]+(?:[.\-'’][^\W\d_]+)*" + _STOP_OF_INITIAL + r"|\d+|\S")
# In decomposed text combining marks stay inside their word (it is never cut into name-like pieces).
_LETTERS = r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*"
_TOKEN_MARKS = re.compile(f"{_LETTERS}(?:[.\\-'’]{_LETTERS})*" + _STOP_OF_INITIAL + r"|\d+|\S")
PARTICLES = frozenset("von van der den de del della di da dos das du la le bin al ibn ter".split())
BREAKS = frozenset(".;:!?()[]{}\"“”«»\n/|")
DASHES = frozenset("-–—")
_SPACE = "[ \\t\u00a0]+"  # what may separate the words of a name (glued)
_PARTICLE_RUN = f"(?:(?:{'|'.join(sorted(PARTICLES))}){_SPACE})*"
_LONGEST_WORD = 64  # characters over which the pair look-ahead measures a word


@lru_cache(maxsize=1)
def _upper() -> str:
    """A character class of the capitals of the Basic Multilingual Plane (those outside it would slow
    every scan tenfold)."""
    ranges: list[list[int]] = []
    for c in range(0x10000):
        if chr(c).isupper():
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
    return "[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]"


@lru_cache(maxsize=1)
def pair_start() -> re.Pattern[str]:
    """A capital that starts a token and is followed by a space and another capitalised word (maybe
    after particles: von der Leyen), or that starts a token too long to measure here. Each capital is
    looked at once and the look-ahead is bounded, so a long run without spaces cannot make the scan
    quadratic."""
    upper = _upper()
    token_start = "(?<![^\\W\\d_].)(?<![^\\W\\d_][.\\-'’].)"  # after the capital: keeps the scan fast
    ahead = f"\\S{{0,{_LONGEST_WORD}}}{_SPACE}{_PARTICLE_RUN}{upper}|\\S{{{_LONGEST_WORD + 1}}}"
    return re.compile(f"{upper}{token_start}(?={ahead})")


@lru_cache(maxsize=8)
def cue_before_capital(cues: frozenset[str]) -> re.Pattern[str]:
    """One of *cues* written as a whole word, followed by spaces and a capital; the match ends at the
    capital. The words are a trie, so the scan rules out most positions at their first letter."""
    words = trie_pattern(cues)
    return re.compile(f"(?<![^\\W\\d_])(?:{words})(?![^\\W\\d_])\\.?{_SPACE}(?={_upper()})")


# Where a sentence ends: after . ! ? before a space, or at a line end. Sentences are the stretches
# between (a pattern that matched whole sentences kept a backtracking frame per character: 120 bytes of
# memory per byte of the longest sentence).
_SENTENCE_END = re.compile(r"[.!?]+(?=\s)|\n")
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")


def sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> Iterator[tuple[int, int]]:
    """Sentence spans of *text*; a full stop right after one of *abbreviations* ("TS. Hà Văn Thúy") or
    after a single capital ("Lê Quang D.", "T.V.D.") ends no sentence."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group() == ".":
            before = _WORD_BEFORE.search(text, max(0, m.start() - 8), m.start())
            if before and (before.group() in abbreviations or (len(before.group()) == 1 and before.group().isupper())):
                continue
        end = m.start() if m.group() == "\n" else m.end()
        if end > start:
            yield start, end
        start = m.end()
    if start < len(text):
        yield start, len(text)


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    return "-" not in word and parse_syllable(word) is not None


_MARK = re.compile("[\u0300-\u036f]")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?")


class Tok:
    __slots__ = ("end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end

    @property
    def word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def viet(self) -> bool:
        return is_syllable(self.text)

    @property
    def joins_names(self) -> bool:
        """A hyphen before a capital joins names (Việt Nam-Lào, Hoa Kỳ-ASEAN); one before a small
        letter is inside an East Asian given name (Ki-moon, Hang-seo)."""
        return any(part[:1].isupper() for part in self.text.split("-")[1:])

    @property
    def name_like(self) -> bool:
        """Shaped like a foreign name word: a capital then small letters (Blinken, McAuliff, Sang-sik)."""
        t = self.text
        if len(t) == 2 and t[1] == "." and t[0].isupper():
            return True  # a middle initial: Harry S. Truman
        return len(t) >= 2 and t[0].isupper() and any(c.islower() for c in t) and not self.joins_names

    @property
    def allcaps(self) -> bool:
        letters = self.text.replace(".", "").replace("-", "")
        return len(letters) > 1 and letters.isupper()

    @property
    def initials(self) -> bool:
        """Capitals with full stops: H.T.P., T.V.D, D."""
        return "." in self.text and self.text.isupper() and _INITIALS.fullmatch(self.text) is not None


class Tokens:
    """The tokens of one sentence. Their strings come from one ``findall``; a :class:`Tok` is made only
    for the few tokens the parser looks at closely (most are never looked at beyond their first letter)."""

    __slots__ = ("_made", "ends", "run_ends", "starts", "texts")

    def __init__(self, text: str, start: int, end: int) -> None:
        marks = _MARK.search(text, start, end) is not None
        self.texts: list[str] = (_TOKEN_MARKS if marks else TOKEN).findall(text, start, end)
        self.starts: list[int] = []
        self.ends: list[int] = []
        pos, find = start, text.find
        for tok in self.texts:  # only spaces lie between tokens, so each is the next occurrence
            pos = find(tok, pos)
            self.starts.append(pos)
            pos += len(tok)
            self.ends.append(pos)
        if marks:  # decomposed text: words are compared in NFC (and end where they were written)
            self.texts = [unicodedata.normalize("NFC", t) for t in self.texts]
        self._made: list[Tok | None] = [None] * len(self.texts)
        self.run_ends: dict[int, int] = {}  # memo of names.run_end

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> Tok:
        tok = self._made[i]
        if tok is None:
            tok = self._made[i] = Tok(self.texts[i], self.starts[i], self.ends[i])
        return tok

    def span(self, i: int, j: int) -> list[Tok] | Span:
        """Tokens ``i:j``: a list, or a lazy view when there are so many that few will be looked at."""
        return [self[k] for k in range(i, j)] if j - i <= 16 else Span(self, i, j)

    def words(self, i: int, n: int) -> str:
        return " ".join(self.texts[i : i + n])

    def spaced(self, text: str, j: int) -> bool:
        """True when only spaces separate token *j* from the one before (without making
        the two tokens)."""
        gap_start, gap_end = self.ends[j - 1], self.starts[j]
        if gap_end == gap_start + 1:
            return text[gap_start] in " \t\u00a0"
        return gap_end > gap_start and text[gap_start:gap_end].strip(" \t\u00a0") == ""


class Span:
    """Tokens ``i:j`` made on demand: a run of capitalised words can be long, and only its ends matter."""

    __slots__ = ("_end", "_start", "_toks")

    def __init__(self, toks: Tokens, start: int, end: int) -> None:
        self._toks, self._start, self._end = toks, start, end

    def __len__(self) -> int:
        return self._end - self._start

    @overload
    def __getitem__(self, k: int) -> Tok: ...
    @overload
    def __getitem__(self, k: slice) -> list[Tok]: ...
    def __getitem__(self, k: int | slice) -> Tok | list[Tok]:
        if isinstance(k, slice):
            return [self._toks[self._start + m] for m in range(*k.indices(len(self)))]
        if not -len(self) <= k < len(self):
            raise IndexError(k)
        return self._toks[self._start + k % len(self)]

    def __iter__(self) -> Iterator[Tok]:
        return (self._toks[m] for m in range(self._start, self._end))


def touching(a: Tok, b: Tok) -> bool:
    return a.end == b.start


def line_around(text: str, start: int, end: int) -> str:
    """The line holding ``text[start:end]`` (found without copying the rest of the text)."""
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : len(text) if line_end < 0 else line_end]
