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
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from .abbreviations import AbbreviationExpander, AbbreviationMatch
from .clean import character_edits, space_edits
from .dates import DateMatch, DateParser
from .edits import Edit, OffsetMap, apply
from .forms import to_nfc
from .legacy import _TABLE_ENCODINGS, _codec, _decode_vni, _vni_regex, _vni_tables, decode_legacy, detect_legacy
from .normalize import NormalizeConfig, _looks_legacy
from .people import Person, PersonParser
from .tones import tone_edits

_CLUSTER = re.compile(r"[^\u0300-\u036f][\u0300-\u036f]+")
M = TypeVar("M", AbbreviationMatch, Person, DateMatch)


def _nfc_edits(text: str) -> list[Edit]:
    target = to_nfc(text)
    if target == text:
        return []
    edits: list[Edit] = []
    for m in _CLUSTER.finditer(text):
        composed = to_nfc(m.group())
        if composed != m.group():
            edits.append((m.start(), m.end(), composed))
    if apply(text, edits) != target:  # composition beyond base+marks (Hangul jamo …): one coarse edit
        return [(0, len(text), target)]
    return edits


def _legacy_edits(text: str, encoding: str) -> list[Edit]:
    """Edits that decode *text* from *encoding*, before NFC."""
    if encoding in _TABLE_ENCODINGS or encoding == "cp1258":
        fixes = _codec(encoding).str_fixes
        edits = [(i, i + 1, fixes[ord(c)]) for i, c in enumerate(text) if ord(c) in fixes]
    elif encoding == "vni":
        _, dec = _vni_tables()
        edits = [(m.start(), m.end(), dec[m.group()]) for m in _vni_regex().finditer(text)]
        if apply(text, edits) != _decode_vni(text):
            edits = [(0, len(text), _decode_vni(text))]
    else:  # VIQR: words, then escapes; kept as one edit per changed line
        edits = []
        for m in re.finditer(r"[^\n]+", text):
            decoded = decode_legacy(m.group(), encoding)
            if decoded != m.group():
                edits.append((m.start(), m.end(), decoded))
    return edits


@dataclass(frozen=True)
class Document:
    """A normalised document with its matches; every span refers to :attr:`original`."""

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
    """The configured pipeline behind :func:`analyze`; immutable, thread-safe and picklable."""

    def __init__(
        self,
        config: NormalizeConfig | None = None,
        reference: date | datetime | None = None,
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
        cfg = self.config
        offsets = OffsetMap()
        encoding = None
        if cfg.fix_encoding and _looks_legacy(text):
            encoding = detect_legacy(text)
            if encoding is not None:
                edits = _legacy_edits(text, encoding)
                text = apply(text, edits)
                offsets.add(edits)
        for step in (_nfc_edits,) + ((character_edits, space_edits) if cfg.clean else ()):
            edits = step(text)
            text = apply(text, edits)
            offsets.add(edits)
        if cfg.tone_style is not None:
            edits = tone_edits(text, cfg.tone_style)
            text = apply(text, edits)
            offsets.add(edits)
        if cfg.form == "NFD":
            from ._ud import ud

            nfd = ud.normalize("NFD", text)
            if nfd != text:
                edits = [
                    (m.start(), m.end(), ud.normalize("NFD", m.group())) for m in re.finditer(r"[^\x00-\x7f]", text)
                ]
                text = apply(text, edits)
                offsets.add(edits)
        return text, offsets, encoding

    def analyze(self, text: str, reference: date | datetime | None = None) -> Document:
        """Normalise *text* and find its abbreviations, people and dates."""
        normalized, offsets, encoding = self.normalize_with_offsets(text)

        def back(matches: list[M]) -> tuple[M, ...]:
            out = []
            for m in matches:
                start, end = offsets.to_original(m.start), offsets.to_original_end(m.end)
                out.append(dataclasses.replace(m, start=start, end=end, text=text[start:end]))
            return tuple(out)

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


def analyze(text: str, reference: date | datetime | None = None) -> Document:
    """Normalise *text* and find its abbreviations, people and dates, with spans into *text*."""
    return _DEFAULT.analyze(text, reference)


__all__ = ["Analyzer", "Document", "analyze"]
