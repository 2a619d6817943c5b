"""Person mentions: a name with the honorific and title phrases around it, linked to earlier mentions.

How it stays fast: two regular expressions find where a name may start (two capitalised words side by
side, or a capital after an honorific or title word); only sentences holding one are tokenised, and
names are tried only there. Work per name is bounded (title phrases reach back at most 60 tokens, runs
of capitals are measured once per sentence), so time grows linearly with the text, hostile input
included.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .._windows import windows
from ..errors import check_text
from ..protect import unprotected
from .names import Found, after_credit, cued_name, name_at
from .titles import honorific_before, title_before, titles_after, titles_before
from .tokens import Tokens, cue_before_capital, pair_start, sentences
from .vocabulary import Vocabulary, default_vocabulary

_WINDOW = 4096  # a "sentence" longer than this (a list, a table row, text without full stops) is cut


@dataclass(frozen=True, slots=True)
class Person:
    """A person mention.

    Attributes:
        text: the mention as written, from its honorific or first title to the name or last title.
        start: offset of the mention in the text.
        end: offset just after it.
        honorific: the word of address before the name, small ("ông", "đồng chí"), or ``None``.
        titles: each title phrase as written, in text order.
        name: ``full`` and, when known, ``family``, ``middle`` and ``given``.
        gender: what the honorific says ("male", "female"), never a guess from the name.
        id: ``p1``, ``p2`` … in order of the text.
        refers_to: the id of an earlier mention of the same person ("ông Tuấn" after "ông Nguyễn Anh
            Tuấn"), or ``None``.
    """

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
        """The mention as plain JSON-ready data."""
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


class _Earlier:
    """The people met so far in a text, to link later mentions to them."""

    __slots__ = ("by_full", "fulls", "givens")

    def __init__(self) -> None:
        self.by_full: dict[str, str] = {}
        self.fulls: list[tuple[str, str]] = []
        self.givens: set[str] = set()  # given names of full names met so far

    def add(self, name: dict[str, str], pid: str) -> None:
        full = name["full"]
        if full not in self.by_full:
            self.by_full[full] = pid
            self.fulls.append((full, pid))
        if name.get("family") and name.get("given"):
            self.givens.add(name["given"])

    def find(self, name: dict[str, str]) -> str | None:
        full = name["full"]
        if full in self.by_full:
            return self.by_full[full]
        if " " in full and "family" in name:
            return None  # a full name of its own
        for earlier, pid in reversed(self.fulls):  # the nearest person whose name ends like this one
            if earlier.endswith(" " + full):
                return pid
        return None


class PersonParser:
    """Finds people in text; vocabularies can be extended per instance.

    Args:
        extra_titles: title heads to add to ``vntext/data/titles.tsv``.
        extra_honorifics: honorifics to add to ``vntext/data/honorifics.tsv``.
        extra_family_names: family names to add to ``vntext/data/family_names.tsv``.

    Instances are immutable, thread-safe and picklable.

    Example:
        ```python
        >>> parser = PersonParser(extra_titles=["Chủ xị"])
        >>> [p.titles for p in parser.find_people("Chủ xị Nguyễn Văn Bảy phát biểu.")]
        [('Chủ xị',)]

        ```
    """

    def __init__(
        self,
        extra_titles: Iterable[str] = (),
        extra_honorifics: Iterable[str] = (),
        extra_family_names: Iterable[str] = (),
    ) -> None:
        self._extra = (tuple(extra_titles), tuple(extra_honorifics), tuple(extra_family_names))
        self._vocabulary: Vocabulary | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (PersonParser, self._extra)

    @property
    def _vocab(self) -> Vocabulary:
        # Built on first use and kept (by hand: a compiled build drops ``cached_property`` caching).
        if self._vocabulary is None:
            base = default_vocabulary()
            self._vocabulary = base.extended(*self._extra) if any(self._extra) else base
        return self._vocabulary

    # ------------------------------------------------------------------------------------- public
    def parse_person(self, mention: str) -> Person | None:
        """The person a short *mention* names (``"ông Lê Hoài Trung"``), or ``None``.

        Raises:
            TypeError: *mention* is not a ``str``.
        """
        check_text(mention, "mention")
        people = self.find_people(mention)
        return max(people, key=lambda p: p.end - p.start) if people else None

    def find_people(self, text: str) -> list[Person]:
        """Every person mention with a name in *text*, in order (none inside a URL, e-mail or path).

        Raises:
            TypeError: *text* is not a ``str``.
        """
        check_text(text)
        return unprotected(text, self._find_people(text))

    def _find_people(self, text: str) -> list[Person]:
        v = self._vocab
        people: list[Person] = []
        earlier = _Earlier()
        pairs, cues = pair_start(), cue_before_capital(v.cue_words)
        # No mention crosses the end of a sentence or line: sentences without a place where a name may
        # start are never tokenised.
        for sentence in sentences(text, v.degrees):
            for a, b in windows(text, *sentence, _WINDOW):
                cued = {m.end() for m in cues.finditer(text, a, b)}
                starts = sorted(cued.union(m.start() for m in pairs.finditer(text, a, b)))
                if starts:
                    self._find_in(text, Tokens(text, a, b), starts, cued, people, earlier)
        return people

    def _find_in(
        self, text: str, toks: Tokens, starts: list[int], cued: set[int], people: list[Person], earlier: _Earlier
    ) -> None:
        floor = 0  # titles before a name cannot reach back past the previous mention
        skip = 0  # tokens before this index are already part of a name or mention
        for pos in starts:
            i = bisect_left(toks.starts, pos)
            if i < skip or i == len(toks) or toks.starts[i] != pos:
                continue  # inside a name already found, or a capital inside a word (McDonald)
            found, by_cue = self._name(text, toks, i, pos in cued)
            if found is None and pos in cued:
                found, by_cue = self._given_of_earlier(toks, i, earlier), True
            if found is None:
                continue
            a, b, name = found
            person = self._person(text, toks, a, b, name, floor, len(people) + 1, earlier, by_cue)
            if person is None:
                continue
            people.append(person)
            earlier.add(person.name, person.id)
            skip = b
            while skip < len(toks) and toks[skip].end <= person.end:
                skip += 1
            floor = skip

    def _name(self, text: str, toks: Tokens, i: int, cued: bool) -> tuple[Found | None, bool]:
        """The name starting at token *i*, and whether only the cue before it makes it one."""
        v = self._vocab
        found = name_at(v, text, toks, i)
        if found is None and cued:
            honorific = honorific_before(v, toks, i)
            if honorific or title_before(v, toks, i) is not None:
                return cued_name(v, text, toks, i, by_title=honorific is None), True
        return found, False

    def _given_of_earlier(self, toks: Tokens, i: int, earlier: _Earlier) -> Found | None:
        """A one-word name after an honorific that is the given name of someone named in full before,
        even where the word alone reads otherwise: "bà Anh" after "Hoàng Ngọc Anh" is no England."""
        word = toks.texts[i]
        if word not in earlier.givens or not toks.texts[i - 1].islower():
            return None  # with a capital, the word before may be a family name: "Anh Bố" is Ying Bu
        if honorific_before(self._vocab, toks, i) is None:
            return None
        if toks.words(i - 1, 2) in earlier.by_full:
            return None  # "Anh Bố" after "Anh Bố": the word before is the family name, no honorific
        if i + 1 < len(toks) and toks.texts[i + 1][:1].isupper():
            return None  # the run goes on: "bà Anh Thư" is another name, looked for from its start
        return i, i + 1, {"full": word}

    def _starts_name(self, text: str, toks: Tokens, m: int) -> bool:
        """True when a name of two words or more, or a foreign one, starts at token *m*: a title
        going on there belongs to that person ("..., NSND Quang Thọ"), not to the one before."""
        before = toks.texts[m - 1]
        if before[0].isupper() and before not in self._vocab.cue_words:
            return False  # inside a run of capitals: names are looked for from its start
        found = self._name(text, toks, m, True)[0]
        return found is not None and (found[1] - found[0] >= 2 or not toks[m].viet)

    def _person(
        self,
        text: str,
        toks: Tokens,
        a: int,
        b: int,
        name: dict[str, str],
        floor: int,
        number: int,
        earlier: _Earlier,
        cued: bool = False,
    ) -> Person | None:
        v = self._vocab
        full_name = "family" in name and name.get("middle", "") != ""
        before, start = titles_before(v, toks, a, floor, full_name)
        honorific = honorific_before(v, toks, start, before_full_name=full_name)
        after = titles_after(v, toks, b, lambda m: self._starts_name(text, toks, m))
        family = name.get("family", "")
        vietnamese = family in v.rare_surnames or family in v.compound_surnames
        if not (cued or before or after or honorific or "family" not in name or vietnamese):
            # A bare foreign name needs evidence it is a person: seen before, a credit, or speech.
            said = any(toks.words(b, n).lower() in v.speech for n in (1, 2) if b + n <= len(toks))
            if not (said or after_credit(v, toks, a) or name["full"] in earlier.by_full):
                return None
        first = honorific[0] if honorific else start
        last = toks[after[-1][1] - 1].end if after else toks[b - 1].end
        titles = tuple(_title_text(text, toks, s, e) for s, e in before + after)
        word = honorific[1] if honorific else None
        return Person(
            text=text[toks[first].start : last],
            start=toks[first].start,
            end=last,
            honorific=word,
            titles=titles,
            name=name,
            gender=v.honorifics.get(word) if word else None,
            id=f"p{number}",
            refers_to=earlier.find(name),
        )


def _title_text(text: str, toks: Tokens, s: int, e: int) -> str:
    """A title as written, without the full stop that ends an abbreviation ("TS." → "TS")."""
    if e - s > 1 and toks.texts[e - 1] == ".":
        e -= 1
    return text[toks[s].start : toks[e - 1].end]


@lru_cache(maxsize=1)
def _default() -> PersonParser:
    return PersonParser()


def parse_person(mention: str) -> Person | None:
    """Parse one mention such as ``"Ngoại trưởng Hoa Kỳ Antony Blinken"``.

    Args:
        mention: a short text naming one person.

    Returns:
        The longest person mention found in it, or ``None``.

    Raises:
        TypeError: *mention* is not a ``str``.

    Example:
        ```python
        >>> p = parse_person("đồng chí Nguyễn Văn Thể, Ủy viên Trung ương Đảng")
        >>> p.honorific, p.titles, p.name["family"], p.name["middle"], p.name["given"]
        ('đồng chí', ('Ủy viên Trung ương Đảng',), 'Nguyễn', 'Văn', 'Thể')

        ```
    """
    return _default().parse_person(mention)


def find_people(text: str) -> list[Person]:
    """Every person mention with a name in *text*, in order.

    Args:
        text: any text; URLs, e-mails and paths in it are skipped.

    Returns:
        One [`Person`][vntext.Person] per mention. A title alone ("Bộ trưởng Bộ Tài chính cho biết")
        or a place named after a person ("đường Nguyễn Văn Cừ") is not a mention.

    Raises:
        TypeError: *text* is not a ``str``.

    Example:
        ```python
        >>> text = "Ngoại trưởng Hoa Kỳ Antony Blinken gặp Tổng Bí thư, Chủ tịch nước Tô Lâm."
        >>> [(p.name["full"], list(p.titles)) for p in find_people(text)]
        [('Antony Blinken', ['Ngoại trưởng Hoa Kỳ']), ('Tô Lâm', ['Tổng Bí thư', 'Chủ tịch nước'])]
        >>> later = find_people("Ông Nguyễn Anh Tuấn về quê. Ông Tuấn nói.")
        >>> [(p.honorific, p.name["full"], p.refers_to) for p in later]
        [('ông', 'Nguyễn Anh Tuấn', None), ('ông', 'Tuấn', 'p1')]

        ```
    """
    return _default().find_people(text)
