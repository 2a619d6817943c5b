"""One call for a whole document: the normalised text, and every abbreviation, person and date in it,
with spans into the *original* text.

>>> from datetime import date
>>> doc = analyze("Chiều 5-8, UBND tỉnh Hoà\\u00a0Bình tiếp ông Nguyễn Văn Thể.", reference=date(2020, 8, 6))
>>> doc.text
'Chiều 5-8, UBND tỉnh Hòa Bình tiếp ông Nguyễn Văn Thể.'
>>> [(m.text, m.expansion) for m in doc.abbreviations], [p.name["full"] for p in doc.people]
([('UBND', 'Ủy ban nhân dân')], ['Nguyễn Văn Thể'])
>>> [(d.text, d.value.to_dict()["start"]) for d in doc.dates]
[('Chiều 5-8', '2020-08-05')]

Spans are found on the normalised text (where tones, forms and legacy encodings no longer differ)
and mapped back with :class:`~vntext.edits.OffsetMap`, so ``doc.original[m.start:m.end]`` is what
the writer wrote. ``doc.to_original(i)`` maps any position of ``doc.text``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date  # noqa: F401  (the examples above use it)
from typing import Any, TypeVar

from .abbreviations import AbbreviationExpander, AbbreviationMatch
from .dates import DateMatch, DateParser
from .dates.finder import Reference
from .edits import OffsetMap
from .errors import check_text
from .normalize import NormalizeConfig, run_pipeline
from .people import Person, PersonParser

M = TypeVar("M", AbbreviationMatch, Person, DateMatch)


@dataclass(frozen=True)
class Document:
    """A normalised document with its matches; every span refers to :attr:`original`.

    Attributes:
        original: the text as given.
        text: the normalised text.
        abbreviations: the abbreviations found, spans into ``original``.
        people: the people found, spans into ``original``.
        dates: the dates found, spans into ``original``.
        encoding: the legacy encoding ``original`` was repaired from, or ``None``.
    """

    original: str
    text: str
    abbreviations: tuple[AbbreviationMatch, ...]
    people: tuple[Person, ...]
    dates: tuple[DateMatch, ...]
    encoding: str | None = None  # the legacy encoding the original was repaired from
    offsets: OffsetMap = field(default_factory=OffsetMap, repr=False, compare=False)

    def to_original(self, i: int) -> int:
        """Position in :attr:`original` of the character at position *i* of :attr:`text`."""
        return self.offsets.to_original(i)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "encoding": self.encoding,
            "abbreviations": [m.to_dict() for m in self.abbreviations],
            "people": [p.to_dict() for p in self.people],
            "dates": [d.to_dict() for d in self.dates],
        }


class Analyzer:
    """The configured pipeline behind :func:`analyze`; immutable, thread-safe and picklable.

    Args:
        config: how the text is normalised (abbreviations are found, never expanded, in the text).
        reference: as for :func:`~vntext.find_dates`; ``"dateline"``: each text's own dateline.
        expander: the abbreviation expander (default: the default dictionary).
        people: the person parser (default: the default vocabularies).

    Example:
        >>> from datetime import date
        >>> doc = Analyzer(reference=date(2024, 7, 1)).analyze("Hôm qua UBND xã họp.")
        >>> [m.value.to_dict()["start"] for m in doc.dates], [m.text for m in doc.abbreviations]
        (['2024-06-30'], ['UBND'])
    """

    def __init__(
        self,
        config: NormalizeConfig | None = None,
        reference: Reference = None,
        expander: AbbreviationExpander | None = None,
        people: PersonParser | None = None,
    ) -> None:
        self.config = (config or NormalizeConfig()).replace(expand_abbreviations=False)
        self.reference = reference
        self.expander = expander or AbbreviationExpander()
        self.people = people or PersonParser()

    def __reduce__(self) -> tuple[Any, ...]:
        return (Analyzer, (self.config, self.reference, self.expander, self.people))

    def normalize_with_offsets(self, text: str) -> tuple[str, OffsetMap, str | None]:
        """The normalised text (equal to :func:`vntext.normalize` with this config), its offset map,
        and the legacy encoding that was repaired, if any."""
        check_text(text)
        normalized, encoding, offsets = run_pipeline(self.config, text, track=True)
        return normalized, offsets, encoding

    def analyze(self, text: str, reference: Reference = None) -> Document:
        """Normalise *text* and find its abbreviations, people and dates; ``reference="dateline"``
        resolves its relative dates against its own dateline."""
        normalized, offsets, encoding = self.normalize_with_offsets(text)

        unchanged = normalized == text  # most text: every position is already the original's

        def back(matches: list[M]) -> tuple[M, ...]:
            if unchanged:
                return tuple(matches)
            # In place, and sharing the match's own string when the original reads the same: a text of
            # millions of matches then holds one set of them, not three (memory on hostile input).
            for k, m in enumerate(matches):
                start, end = offsets.to_original(m.start), offsets.to_original_end(m.end)
                piece = text[start:end]
                matches[k] = dataclasses.replace(m, start=start, end=end, text=m.text if piece == m.text else piece)
            return tuple(matches)

        dates = DateParser(reference or self.reference).find_dates(normalized)
        return Document(
            original=text,
            text=normalized,
            abbreviations=back(self.expander.find_abbreviations(normalized)),
            people=back(self.people.find_people(normalized)),
            dates=back(dates),
            encoding=encoding,
            offsets=offsets,
        )


_DEFAULT = Analyzer()


def analyze(text: str, reference: Reference = None) -> Document:
    """Normalise *text* and find its abbreviations, people and dates, with spans into *text*.

    Args:
        text: any text.
        reference: as for :func:`~vntext.find_dates` (``"dateline"``: the text's own dateline).

    Returns:
        A :class:`Document`: the normalised text, the encoding it was repaired from (or ``None``), and
        the matches, whose spans point into the original *text*.

    Raises:
        TypeError: *text* is not a ``str``, or *reference* is not a date, a datetime, a string or ``None``.
        ValueError: *reference* is a string other than ``"dateline"``.

    Example:
        >>> from datetime import date
        >>> doc = analyze("Chiều 5-8, ông Nguyễn Văn An, Chủ tịch UBND tỉnh, họp.", reference=date(2024, 7, 1))
        >>> [p.name["full"] for p in doc.people], [m.text for m in doc.abbreviations], [m.text for m in doc.dates]
        (['Nguyễn Văn An'], ['UBND'], ['Chiều 5-8'])
    """
    return _DEFAULT.analyze(text, reference)


__all__ = ["Analyzer", "Document", "analyze"]
