"""People in running text: honorifics, title phrases and names.

>>> p = parse_person("đồng chí Nguyễn Văn Thể, Ủy viên Trung ương Đảng")
>>> p.honorific, p.titles, p.name["family"], p.name["middle"], p.name["given"]
('đồng chí', ('Ủy viên Trung ương Đảng',), 'Nguyễn', 'Văn', 'Thể')
>>> text = "Ngoại trưởng Hoa Kỳ Antony Blinken gặp Tổng Bí thư, Chủ tịch nước Tô Lâm."
>>> [(p.name["full"], list(p.titles)) for p in find_people(text)]
[('Antony Blinken', ['Ngoại trưởng Hoa Kỳ']), ('Tô Lâm', ['Tổng Bí thư', 'Chủ tịch nước'])]
>>> find_people("Bộ trưởng Bộ Tài chính cho biết trường THPT Lê Quý Đôn trên đường Nguyễn Văn Cừ")
[]

How it stays fast: one regular expression finds the capitals that start two capitalised words side by
side; only sentences holding one are tokenised, and names are tried only there. Work per name is
bounded (title phrases reach back at most 60 tokens, runs of capitals are measured once per sentence),
so time grows linearly with the text, hostile input included.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, overload

from ._windows import windows
from .data import read_tsv
from .errors import check_text
from .protect import unprotected
from .syllable import parse_syllable

_TOKEN = re.compile(r"[^\W\d_]+(?:[.\-'’][^\W\d_]+)*|\d+|\S")
_PARTICLES = frozenset("von van der den de del della di da dos das du la le bin al ibn ter".split())
_BREAKS = frozenset(".;:!?()[]{}\"“”«»\n/|")
_SPACE = "[ \\t\u00a0]+"  # what may separate the words of a name (_glued)
_PARTICLE_RUN = f"(?:(?:{'|'.join(sorted(_PARTICLES))}){_SPACE})*"
_LONGEST_WORD = 64  # characters over which the pair look-ahead measures a word


@lru_cache(maxsize=1)
def _pair_start() -> re.Pattern[str]:
    """A capital that starts a token and is followed by a space and another capitalised word (maybe
    after particles: von der Leyen), or that starts a token too long to measure here. Every name starts
    at such a capital; other tokens are never tried. Each capital is looked at once and the look-ahead
    is bounded, so a long run without spaces cannot make the scan quadratic. Capitals outside the Basic
    Multilingual Plane are left out: they would slow every scan tenfold."""
    ranges: list[list[int]] = []
    for c in range(0x10000):
        if chr(c).isupper():
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
    upper = "[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]"
    token_start = "(?<![^\\W\\d_].)(?<![^\\W\\d_][.\\-'’].)"  # after the capital: keeps the scan fast
    ahead = f"\\S{{0,{_LONGEST_WORD}}}{_SPACE}{_PARTICLE_RUN}{upper}|\\S{{{_LONGEST_WORD + 1}}}"
    return re.compile(f"{upper}{token_start}(?={ahead})")


# Sentences: up to a full stop, question or exclamation mark followed by a space, or a line end.
# Where a sentence ends: after . ! ? before a space, or at a line end. Sentences are the stretches
# between (a pattern that matched whole sentences kept a backtracking frame per character: 120 bytes of
# memory per byte of the longest sentence).
_SENTENCE_END = re.compile(r"[.!?]+(?=\s)|\n")


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() if m.group() == "\n" else m.end()
        if end > start:
            yield start, end
        start = m.end()
    if start < len(text):
        yield start, len(text)
_WINDOW = 4096  # a "sentence" longer than this (a list, a table row, text without full stops) is cut
_FOREIGN_TAIL = 8  # words at the end of a run that may form a foreign name
_MAX_NAME = 4  # syllables in a Vietnamese name: Tôn Nữ Thị Ninh, Nguyễn Thị Minh Khai
_TITLE_WINDOW = 60  # tokens a title phrase may span; bounds the work on hostile input


@dataclass(frozen=True, slots=True)
class Person:
    """A person mention: the span, honorific, title phrases and the name split into its parts."""

    text: str
    start: int
    end: int
    honorific: str | None
    titles: tuple[str, ...]
    name: dict[str, str] = field(hash=False, compare=False)
    gender: str | None = None
    id: str = ""
    refers_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "honorific": self.honorific,
            "titles": list(self.titles),
            "name": dict(self.name),
            "gender": self.gender,
            "id": self.id,
            "refers_to": self.refers_to,
        }


@lru_cache(maxsize=65536)
def _is_syllable(word: str) -> bool:
    return "-" not in word and parse_syllable(word) is not None


class _Tok:
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
        return _is_syllable(self.text)

    @property
    def joins_names(self) -> bool:
        """A hyphen before a capital joins names (Việt Nam-Lào, Hoa Kỳ-ASEAN); one before a small
        letter is inside an East Asian given name (Ki-moon, Hang-seo)."""
        return any(part[:1].isupper() for part in self.text.split("-")[1:])

    @property
    def name_like(self) -> bool:
        """Shaped like a foreign name word: a capital then small letters (Blinken, McAuliff, Sang-sik)."""
        t = self.text
        return len(t) >= 2 and t[0].isupper() and any(c.islower() for c in t) and not self.joins_names

    @property
    def allcaps(self) -> bool:
        letters = self.text.replace(".", "").replace("-", "")
        return len(letters) > 1 and letters.isupper()


class _Tokens:
    """The tokens of one sentence. Their strings come from one ``findall``; a :class:`_Tok` is made only
    for the few tokens the parser looks at closely (most are never looked at beyond their first letter)."""

    __slots__ = ("_made", "run_ends", "starts", "texts")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.texts: list[str] = _TOKEN.findall(text, start, end)
        self.starts: list[int] = []
        pos, find = start, text.find
        for tok in self.texts:  # only spaces lie between tokens, so each is the next occurrence
            pos = find(tok, pos)
            self.starts.append(pos)
            pos += len(tok)
        self._made: list[_Tok | None] = [None] * len(self.texts)
        self.run_ends: dict[int, int] = {}  # memo of PersonParser._run

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> _Tok:
        tok = self._made[i]
        if tok is None:
            text = self.texts[i]
            tok = self._made[i] = _Tok(text, self.starts[i], self.starts[i] + len(text))
        return tok

    def span(self, i: int, j: int) -> list[_Tok] | _Span:
        """Tokens ``i:j``: a list, or a lazy view when there are so many that few will be looked at."""
        return [self[k] for k in range(i, j)] if j - i <= 16 else _Span(self, i, j)


class _Span:
    """Tokens ``i:j`` made on demand: a run of capitalised words can be long, and only its ends matter."""

    __slots__ = ("_end", "_start", "_toks")

    def __init__(self, toks: _Tokens, start: int, end: int) -> None:
        self._toks, self._start, self._end = toks, start, end

    def __len__(self) -> int:
        return self._end - self._start

    @overload
    def __getitem__(self, k: int) -> _Tok: ...
    @overload
    def __getitem__(self, k: slice) -> list[_Tok]: ...
    def __getitem__(self, k: int | slice) -> _Tok | list[_Tok]:
        if isinstance(k, slice):
            return [self._toks[self._start + m] for m in range(*k.indices(len(self)))]
        if not -len(self) <= k < len(self):
            raise IndexError(k)
        return self._toks[self._start + k % len(self)]

    def __iter__(self) -> Iterator[_Tok]:
        return (self._toks[m] for m in range(self._start, self._end))


@dataclass(frozen=True)
class _Vocabulary:
    heads: frozenset[str]  # title heads, as word tuples joined by spaces
    modifiers: frozenset[str]
    honorifics: dict[str, str | None]
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    stops: frozenset[str]
    places: frozenset[str]
    credits: frozenset[str]
    countries: frozenset[str]
    speech: frozenset[str]
    dynasties: frozenset[str]
    nations: frozenset[str]

    @cached_property
    def name_starts(self) -> frozenset[str]:
        """Words a Vietnamese name can begin with: family names and the first word of compound ones."""
        return self.surnames | {c.split()[0] for c in self.compound_surnames}

    @cached_property
    def head_lengths(self) -> dict[str, tuple[int, ...]]:
        """First word of a title head → the lengths (in words) of the heads it starts, longest first."""
        lengths: dict[str, set[int]] = {}
        for h in self.heads:
            words = h.split()
            lengths.setdefault(words[0], set()).add(len(words))
        return {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}


@lru_cache(maxsize=1)
def _default_vocabulary() -> _Vocabulary:
    context = read_tsv("person_context.tsv")

    def kind(k: str) -> frozenset[str]:
        return frozenset(r["word"] for r in context if r["kind"] == k)

    families = read_tsv("family_names.tsv")
    return _Vocabulary(
        heads=frozenset(r["head"] for r in read_tsv("titles.tsv")),
        modifiers=frozenset(r["modifier"] for r in read_tsv("title_modifiers.tsv") if r["position"] == "before"),
        honorifics={r["honorific"]: (r["gender"] or None) for r in read_tsv("honorifics.tsv")},
        surnames=frozenset(r["family_name"] for r in families if r["kind"] == "single"
                           and (int(r["count"]) >= 10 or r["source"] == "vntext")),
        compound_surnames=frozenset(r["family_name"] for r in families if r["kind"] == "compound"),
        stops=kind("stop"),
        places=kind("place"),
        credits=kind("credit"),
        countries=kind("country"),
        speech=kind("speech"),
        dynasties=kind("dynasty"),
        nations=kind("nation"),
    )


def _words(toks: _Tokens, i: int, n: int) -> str:
    return " ".join(toks.texts[i : i + n])


def _glued(text: str, a: _Tok, b: _Tok) -> bool:
    """True when only spaces separate two tokens."""
    gap = text[a.end : b.start]
    return gap != "" and gap.strip(" \t\u00a0") == ""


class PersonParser:
    """Finds people in text; vocabularies can be extended per instance.

    *extra_titles*, *extra_honorifics* and *extra_family_names* add to the data files; instances are
    immutable, thread-safe and picklable.

    >>> parser = PersonParser(extra_titles=["Chủ xị"])
    >>> [p.titles for p in parser.find_people("Chủ xị Nguyễn Văn Bảy phát biểu.")]
    [('Chủ xị',)]
    """

    def __init__(
        self,
        extra_titles: Iterable[str] = (),
        extra_honorifics: Iterable[str] = (),
        extra_family_names: Iterable[str] = (),
    ) -> None:
        self._extra = (tuple(extra_titles), tuple(extra_honorifics), tuple(extra_family_names))

    def __reduce__(self) -> tuple[Any, ...]:
        return (PersonParser, self._extra)

    @cached_property
    def _vocab(self) -> _Vocabulary:
        base = _default_vocabulary()
        titles, honorifics, families = self._extra
        if not (titles or honorifics or families):
            return base
        return _Vocabulary(
            heads=base.heads | frozenset(titles),
            modifiers=base.modifiers,
            honorifics={**base.honorifics, **{h: None for h in honorifics}},
            surnames=base.surnames | frozenset(families),
            compound_surnames=base.compound_surnames,
            stops=base.stops,
            places=base.places,
            credits=base.credits,
            countries=base.countries,
            speech=base.speech,
            dynasties=base.dynasties,
            nations=base.nations,
        )

    # ------------------------------------------------------------------------------------- public
    def parse_person(self, mention: str) -> Person | None:
        """The person a short *mention* names (``"ông Lê Hoài Trung"``), or ``None``."""
        check_text(mention, "mention")
        people = self.find_people(mention)
        return max(people, key=lambda p: p.end - p.start) if people else None

    def find_people(self, text: str) -> list[Person]:
        """Every person mention with a name in *text*, in order (none inside a URL, e-mail or path)."""
        check_text(text)
        return unprotected(text, self._find_people(text))

    def _find_people(self, text: str) -> list[Person]:
        people: list[Person] = []
        seen: dict[str, str] = {}
        # A name is at least two capitalised words side by side, and no mention crosses the end of a
        # sentence or line: sentences without such a pair are never tokenised.
        pair_start = _pair_start()
        for sentence in _sentences(text):
            for a, b in windows(text, *sentence, _WINDOW):
                pairs = [m.start() for m in pair_start.finditer(text, a, b)]
                if pairs:
                    self._find_in(text, _Tokens(text, a, b), pairs, people, seen)
        return people

    def _find_in(
        self, text: str, toks: _Tokens, pairs: list[int], people: list[Person], seen: dict[str, str]
    ) -> None:
        floor = 0  # titles before a name cannot reach back past the previous mention
        skip = 0  # tokens before this index are already part of a name or mention
        for pos in pairs:
            i = bisect_left(toks.starts, pos)
            if i < skip or i == len(toks) or toks.starts[i] != pos:
                continue  # inside a name already found, or a capital inside a word (McDonald)
            found = self._name_at(text, toks, i)
            if found is None:
                continue
            a, b, name = found
            skip = b
            person = self._person(text, toks, a, b, name, floor, len(people) + 1, seen)
            if person is None:
                continue
            people.append(person)
            seen.setdefault(person.name["full"], person.id)
            while skip < len(toks) and toks[skip].end <= person.end:
                skip += 1
            floor = skip

    # ------------------------------------------------------------------------------------- names
    def _run(self, text: str, toks: _Tokens, i: int) -> int:
        """End (exclusive) of the run of capitalised words starting at *i*."""
        known = toks.run_ends
        if i in known:
            return known[i]
        on_the_way = [i]  # each run from these words continues exactly like this one: remember its end
        j = i + 1
        while j < len(toks) and _glued(text, toks[j - 1], toks[j]):
            t = toks[j]
            if t.word and t.cap:
                if j in known:
                    j = known[j]
                    break
                on_the_way.append(j)
                j += 1
                continue
            k = j  # particles count only when a capitalised word follows them: von der Leyen
            while k + 1 < len(toks) and toks[k].text in _PARTICLES and _glued(text, toks[k], toks[k + 1]):
                k += 1
            if k > j and toks[k].word and toks[k].cap:
                on_the_way.append(k)
                j = k + 1
            else:
                break
        for k in on_the_way:
            known[k] = j
        return j

    def _name_at(self, text: str, toks: _Tokens, i: int) -> tuple[int, int, dict[str, str]] | None:
        t = toks[i]
        if not (t.word and t.cap) or (i > 0 and _glued(text, toks[i - 1], t) and toks[i - 1].word and toks[i - 1].cap):
            return None  # names are looked for from the start of each run
        end = self._run(text, toks, i)
        if end - i < 2:
            return None  # every kind of name below takes at least two words
        run = toks.span(i, end)
        v = self._vocab
        credit = self._after_credit(toks, i)
        # Bylines and photo credits in capitals: PHẠM KIÊN, Ảnh: THANH TUẤN.
        if all(r.allcaps and r.viet for r in run):
            line_alone = _line_around(text, run[0].start, run[-1].end).strip() == text[run[0].start : run[-1].end]
            if 2 <= len(run) <= _MAX_NAME and (credit or line_alone):
                return i, end, self._split_vietnamese([r.text.capitalize() for r in run], credit)
            return None
        # Vietnamese: the first common family name that leaves 2–4 syllables.
        first_k = max(0, len(run) - _MAX_NAME)
        if not (credit or any(r.text in v.name_starts for r in run[first_k:])) and all(
            r.viet and "-" not in r.text for r in run[max(0, len(run) - _FOREIGN_TAIL) :]
        ):
            return None  # no family name and no foreign word: "Bộ Tài chính", "Hà Nội"
        heads = [bool(self._head_at(toks, i + m, len(toks))) for m in range(first_k, len(run))]
        for k in range(first_k, len(run)):
            if k == 0 and self._dynasty_first(toks, i, run):
                continue  # "tướng nhà Nguyễn Nguyễn Văn Nhơn": the first word names the dynasty
            rest = run[k:]
            if not 2 <= len(rest) <= _MAX_NAME or not all(r.viet and not r.allcaps for r in rest):
                continue
            words = [r.text for r in rest]
            if any(heads[k - first_k :]):
                continue  # "Đồng Chủ tịch", "Đoàn Trưởng Cơ quan": a title, not a name
            if self._overlaps_place(run, k):
                return None
            if words[0] in v.surnames or " ".join(words[:2]) in v.compound_surnames or (credit and k == 0):
                if " ".join(words) in _known_places() or self._place_before(toks, i + k):
                    return None
                return i + k, end, self._split_vietnamese(words, credit and words[0] not in v.surnames)
        # Foreign: the tail of name-shaped words that are not Vietnamese syllables (plus particles, and
        # a family name written before a hyphenated given name: Kim Sang-sik, Park Hang-seo).
        k = len(run)
        while k > max(0, len(run) - _FOREIGN_TAIL):
            r = run[k - 1]
            right = run[k] if k < len(run) else None
            if (r.name_like and (not r.viet or "-" in r.text)) or (r.text in _PARTICLES and right is not None):
                k -= 1
            elif right is not None and r.name_like and (
                "-" in right.text or (k == len(run) - 1 and not right.viet and r.text not in v.countries)
            ):
                k -= 1  # Guy Ryder, Kim Sang-sik: a Vietnamese-looking word glued to a foreign one
            else:
                break
        while k < len(run) and run[k].text in _PARTICLES:
            k += 1
        words = [r.text for r in run[k:]]
        if (
            len(words) >= 2
            and any(not r.viet or "-" in r.text for r in run[k:])
            and not self._place_before(toks, i + k)
            and not self._overlaps_place(run, k)
            and " ".join(words) not in _known_places()
        ):
            return i + k, end, _split_foreign(words)
        return None

    def _dynasty_first(self, toks: _Tokens, i: int, run: list[_Tok] | _Span) -> bool:
        """True when the run at *i* follows "nhà"/"triều" and its first word is the dynasty: another
        name follows it ("nhà Nguyễn Nguyễn Văn Nhơn") or a country does ("nhà Trần Việt Nam"), not
        the rest of one name ("nhà Nguyễn Văn An", a house)."""
        if i == 0 or toks.texts[i - 1] not in self._vocab.dynasties or len(run) < 2:
            return False
        rest = " ".join(r.text for r in run[1:])
        return run[1].text in self._vocab.name_starts or rest in self._vocab.nations

    def _after_credit(self, toks: _Tokens, i: int) -> bool:
        """True when token *i* follows a byline or photo-credit word ("Ảnh:", "Nguồn:") that a colon
        follows or that opens the sentence or a bracket; "điện ảnh Việt Nam" is no credit."""
        texts = toks.texts
        for k in range(max(0, i - 2), i):
            if texts[k].rstrip(":") in self._vocab.credits and (
                texts[k].endswith(":") or texts[k + 1] == ":" or k == 0 or texts[k - 1] in "(["
            ):
                return True
        return False

    @staticmethod
    def _overlaps_place(run: list[_Tok] | _Span, k: int) -> bool:
        """A known place in the run that takes in the would-be name's first word (Bồ Đào Nha)."""
        places = _known_places()
        longest = _longest_place()
        for a in range(max(0, k - longest + 1), k + 1):
            for b in range(k + 1, min(len(run), a + longest) + 1):
                if " ".join(t.text for t in run[a:b]) in places:
                    return True
        return False

    def _place_before(self, toks: _Tokens, i: int) -> bool:
        v = self._vocab
        return any(
            _words(toks, i - n, n) in v.places for n in (1, 2) if i - n >= 0
        )

    def _vietnamese(self, name: dict[str, str]) -> bool:
        family = name.get("family", "")
        return family in self._vocab.surnames or family in self._vocab.compound_surnames

    def _split_vietnamese(self, words: list[str], unknown_family: bool = False) -> dict[str, str]:
        full = " ".join(words)
        if unknown_family:
            return {"full": full}
        n = 2 if " ".join(words[:2]) in self._vocab.compound_surnames and len(words) > 2 else 1
        return {"full": full, "family": " ".join(words[:n]), "middle": " ".join(words[n:-1]), "given": words[-1]}

    # ------------------------------------------------------------------------------- titles, etc.
    def _head_at(self, toks: _Tokens, i: int, stop: int) -> int:
        """Length in tokens of the title (modifiers + head) starting at *i*, or 0."""
        v = self._vocab
        j = i
        while j < stop:
            for n in v.head_lengths.get(toks[j].text, ()):
                if n <= stop - j and (n == 1 or _words(toks, j, n) in v.heads):
                    return j + n - i
            # Otherwise skip one modifier ("nguyên", "Phó", "đương kim") and look again.
            if j + 1 < stop and _words(toks, j, 2) in v.modifiers:
                j += 2
            elif toks[j].text in v.modifiers and not (
                toks[j].text.lower() == "đồng" and j + 1 < stop and toks[j + 1].text == "chí"
            ):
                j += 1
            else:
                return 0
        return 0

    def _honorific_before(self, toks: _Tokens, i: int) -> tuple[int, str] | None:
        """(start index, honorific) for an honorific that ends right before token *i*."""
        for n in (2, 1):
            if i - n < 0:
                continue
            phrase = _words(toks, i - n, n)
            low = phrase[0].lower() + phrase[1:]
            at_start = i - n == 0 or toks[i - n - 1].text in _BREAKS or toks[i - n - 1].text == ","
            if low in self._vocab.honorifics and (phrase == low or at_start):
                return i - n, low
        return None

    def _is_stop(self, toks: _Tokens, i: int) -> bool:
        return toks[i].text.lower() in self._vocab.stops or (
            i > 0 and _words(toks, i - 1, 2).lower() in self._vocab.stops
        )

    def _titles_before(self, toks: _Tokens, a: int, floor: int) -> tuple[list[tuple[int, int]], int]:
        """Title spans (token ranges) written before the name at *a*, and where the mention starts."""
        segments: list[list[int]] = [[]]
        i = a - 1
        while i >= max(floor, a - _TITLE_WINDOW):
            t = toks[i]
            if t.text == ",":
                segments.append([])
            elif (
                t.text in _BREAKS
                or not (t.word or t.text in "&-")
                or self._honorific_before(toks, i + 1)
                or (self._is_stop(toks, i) and not self._inside_title(toks, i))
            ):
                break
            else:
                segments[-1].insert(0, i)
            i -= 1
        titles: list[tuple[int, int]] = []
        start = a
        for n, seg in enumerate(segments):
            if not seg:
                break
            stop = seg[-1] + 1
            first = None
            for k in (seg if n == 0 else seg[:1]):
                if self._head_at(toks, k, stop):
                    first = k
                    break
            if first is None:
                break
            titles.insert(0, (first, stop))
            start = first
            if first != seg[0]:
                break  # the title began inside this segment: nothing further left belongs to it
        return titles, start

    def _inside_title(self, toks: _Tokens, i: int) -> bool:
        # "và" inside a title ("khu vực Đông Á và Thái Bình Dương") is not a boundary unless a new
        # title or person follows it.
        return toks[i].text == "và" and i + 1 < len(toks) and not self._head_at(toks, i + 1, len(toks))

    def _titles_after(self, text: str, toks: _Tokens, b: int) -> list[tuple[int, int]]:
        titles: list[tuple[int, int]] = []
        i = b
        while i < len(toks) and toks[i].text == "," and len(titles) < 8:
            j = i + 1
            if j >= len(toks) or not self._head_at(toks, j, len(toks)):
                break
            k = j
            while k < min(len(toks), j + _TITLE_WINDOW) and toks[k].text not in _BREAKS and toks[k].text != ",":
                if k > j and self._is_stop(toks, k) and not self._inside_title(toks, k):
                    if _words(toks, k - 1, 2).lower() in self._vocab.stops:
                        k -= 1
                    break
                k += 1
            if any(self._name_at(text, toks, m) for m in range(j, k) if toks.texts[m][0].isupper()):
                break  # ", Phu nhân Lê Thị Bích Trân": another person, not a title of this one
            titles.append((j, k))
            i = k
        return titles

    def _person(
        self,
        text: str,
        toks: _Tokens,
        a: int,
        b: int,
        name: dict[str, str],
        floor: int,
        number: int,
        seen: dict[str, str],
    ) -> Person | None:
        before, start = self._titles_before(toks, a, floor)
        honorific = self._honorific_before(toks, start)
        after = self._titles_after(text, toks, b)
        if not (before or after or honorific or "family" not in name or self._vietnamese(name)):
            # A bare foreign name needs evidence it is a person: seen before, a credit, or speech.
            said = any(_words(toks, b, n).lower() in self._vocab.speech for n in (1, 2) if b + n <= len(toks))
            if not (said or self._after_credit(toks, a) or name["full"] in seen):
                return None
        first = honorific[0] if honorific else start
        last = toks[after[-1][1] - 1].end if after else toks[b - 1].end
        titles = tuple(text[toks[s].start : toks[e - 1].end] for s, e in before + after)
        word = honorific[1] if honorific else None
        return Person(
            text=text[toks[first].start : last],
            start=toks[first].start,
            end=last,
            honorific=word,
            titles=titles,
            name=name,
            gender=self._vocab.honorifics.get(word) if word else None,
            id=f"p{number}",
            refers_to=seen.get(name["full"]),
        )


def _line_around(text: str, start: int, end: int) -> str:
    """The line holding ``text[start:end]`` (found without copying the rest of the text)."""
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : len(text) if line_end < 0 else line_end]


def _split_foreign(words: list[str]) -> dict[str, str]:
    full = " ".join(words)
    if len(words) == 2 and "-" in words[1]:  # Korean and Chinese order: Kim Sang-sik, Ban Ki-moon
        return {"full": full, "family": words[0], "middle": "", "given": words[1]}
    k = 1
    while k < len(words) - 1 and words[k] not in _PARTICLES:
        k += 1  # middle names run until a particle or the last word
    family_from = k if words[k] in _PARTICLES else len(words) - 1
    return {
        "full": full,
        "given": words[0],
        "middle": " ".join(words[1:family_from]),
        "family": " ".join(words[family_from:]),
    }


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    return frozenset(r["place"] for r in read_tsv("places.tsv"))


@lru_cache(maxsize=1)
def _longest_place() -> int:
    return max(len(p.split()) for p in _known_places())


@lru_cache(maxsize=1)
def _default() -> PersonParser:
    return PersonParser()


def parse_person(mention: str) -> Person | None:
    """Parse one mention such as ``"Ngoại trưởng Hoa Kỳ Antony Blinken"``."""
    return _default().parse_person(mention)


def find_people(text: str) -> list[Person]:
    """Every person mention with a name in *text* (see :class:`PersonParser`)."""
    return _default().find_people(text)


__all__ = ["Person", "PersonParser", "find_people", "parse_person"]
