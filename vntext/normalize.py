"""The one-call pipeline: repair legacy text, clean up, place tones, choose the normal form.

>>> normalize("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
'Cộng hòa xã hội chủ nghĩa Việt Nam'
>>> normalize("Thuỷ\u00a0điện  Hoà Bình", tone_style="old")
'Thuỷ điện Hoà Bình'
>>> config = NormalizeConfig(tone_style="old", form="NFD")
>>> Normalizer(config.replace(form="NFC")).normalize("hòa")
'hoà'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from functools import lru_cache, partial
from typing import Any

from . import _accel
from ._ud import ud
from .clean import DIRTY_CHARS, character_edits, clean_characters, space_edits, spaces_meet
from .edits import Edit, JoinedMap, OffsetMap, apply
from .errors import UnknownOptionError, check_text
from .forms import nfc_edits, nfd_edits, to_nfc
from .protect import protected_spans
from .repair import plan, repair, repair_edits
from .syllable import STYLES
from .tones import check_style, place_tones_nfc, tone_edits

FORMS = ("NFC", "NFD")


@dataclass(frozen=True)
class NormalizeConfig:
    """Options of :func:`normalize`; frozen, hashable and picklable. Vary it with :meth:`replace`.

    Attributes:
        form: ``"NFC"`` or ``"NFD"``, the Unicode normal form of the result.
        tone_style: ``"new"``, ``"old"``, or ``None`` (``"keep"`` is read as ``None``): tone placement
            left as it is.
        fix_encoding: repair text in a legacy encoding or mis-decoded as Latin-1.
        clean: remove zero-width characters, unify spaces and dashes (:func:`~vntext.clean_text`).
        expand_abbreviations: also expand abbreviations.

    Raises:
        ValueError: an unknown *form* or *tone_style* (:class:`~vntext.errors.UnknownOptionError`).

    Example:
        >>> NormalizeConfig(tone_style="old").replace(form="NFD").form
        'NFD'
    """

    form: str = "NFC"
    tone_style: str | None = "new"
    fix_encoding: bool = True
    clean: bool = True
    expand_abbreviations: bool = False

    def __post_init__(self) -> None:
        if self.form not in FORMS:
            raise UnknownOptionError("normal form", self.form, FORMS)
        if self.tone_style == "keep":  # the command line's spelling of None: placement left as it is
            object.__setattr__(self, "tone_style", None)
        if self.tone_style is not None:
            check_style(self.tone_style)

    def replace(self, **changes: Any) -> NormalizeConfig:
        """A copy with *changes* applied (and checked)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Step:
    """One stage of the pipeline, in two equivalent forms: *run* rewrites a whole text (fast), *edits*
    returns the same change as edits, from which :class:`~vntext.analyze.Analyzer` keeps offsets."""

    name: str
    run: Callable[[str], str]
    edits: Callable[[str], list[Edit]]


def _by_edits(edits: Callable[[str], list[Edit]]) -> Callable[[str], str]:
    return lambda text: apply(text, edits(text))


@lru_cache(maxsize=4096)
def _styled(expansion: str, style: str | None) -> str:
    """An expansion in the tone convention of the run (``Ủy ban`` → ``Uỷ ban``), worked out once per
    expansion instead of once per occurrence by the tone step."""
    return expansion if style is None else place_tones_nfc(expansion, style)


def _expansion_edits(text: str, style: str | None) -> list[Edit]:
    from .abbreviations import _default

    return [(m.start, m.end, _styled(m.expansion, style)) for m in _default()._found(text, None)]


@lru_cache(maxsize=256)
def pipeline(config: NormalizeConfig) -> tuple[Step, ...]:
    """The stages :class:`Normalizer` runs, in order; the one place that order is written down.

    Abbreviations are expanded before tones are placed, so expansions follow the chosen convention.
    """
    steps = []
    if config.fix_encoding:
        steps.append(Step("repair", repair, repair_edits))
    steps.append(Step("nfc", to_nfc, nfc_edits))
    if config.clean:
        steps.append(Step("characters", clean_characters, character_edits))
        steps.append(Step("spaces", _by_edits(space_edits), space_edits))
    if config.expand_abbreviations:
        expand = partial(_expansion_edits, style=config.tone_style)
        steps.append(Step("abbreviations", _by_edits(expand), expand))
    if config.tone_style is not None:
        style = config.tone_style
        steps.append(Step("tones", partial(place_tones_nfc, style=style), partial(tone_edits, style=style)))
    if config.form == "NFD":
        steps.append(Step("nfd", partial(ud.normalize, "NFD"), nfd_edits))
    return tuple(steps)


_MAX_PASSES = 3

# The compiled core's survey (vntext._speedups.survey) says in one pass which scans can find anything: a
# clear bit promises that protected_spans finds nothing, or that a step leaves the text as it is.
_SURVEY_TRIGGERS = 1
_SURVEY_BIT = {"repair": 2, "nfc": 4, "characters": 8, "spaces": 16}
_ANYTHING = -1  # every bit set: each step looks for itself (the pure-Python path, or text changed since)


def _after_clean_up(survey: int, cleaned: str, edits: list[Edit]) -> int:
    """The survey of the text the characters step made (*cleaned*, by *edits*), for the steps after
    it: text without two spaces in a row gains them only where an edit made two spaces meet."""
    if survey & _SURVEY_BIT["spaces"] or spaces_meet(cleaned, edits):
        return _ANYTHING
    return _ANYTHING & ~_SURVEY_BIT["spaces"]


@dataclass
class _Survey:
    """What the compiled core's survey found in a text: its bits, where the dirty characters are and,
    when tones are placed, the misplaced-tone spans (:func:`~vntext.tones.misplaced_spans`)."""

    bits: int = _ANYTHING
    dirty: list[int] | None = None
    tones: list[tuple[int, int]] | None = None


def _survey(text: str, style: str | None) -> _Survey:
    speedups = _accel.speedups
    if speedups is None:
        return _Survey()
    dirty: list[int] = []
    if style is None:
        return _Survey(int(speedups.survey(text, DIRTY_CHARS, dirty)), dirty)
    tones: list[tuple[int, int]] = []
    return _Survey(int(speedups.survey(text, DIRTY_CHARS, dirty, STYLES.index(style), tones)), dirty, tones)


def _same_places(before: str, after: str) -> bool:
    """Whether the clean-up that made *after* of *before* left the misplaced tones where they were: it
    only ever replaces a character by one of the same kind (a space, a dash, ``Ð`` by ``Đ``) or
    removes it, so text of the same length has had nothing removed."""
    return len(before) == len(after)


def _in_one_copy(config: NormalizeConfig, text: str, surveyed: _Survey) -> str | None:
    """What :func:`_run_piece` makes of *text*, made with one copy of it, or ``None`` where this way
    does not apply.

    It applies when the survey found nothing for the repair, NFC or the joining of spaces, no
    abbreviations are expanded and tones are placed, so that only the clean-up and the tone step can
    change the text; and when every change of the clean-up puts a character that is no letter for
    one that is no letter either (a space for a no-break space, ``-`` for a hyphen: nothing removed,
    no ``Ð``) without making two spaces meet. The tone step then finds the same words, clauses and
    lines before the clean-up as after it (the letters, the clause ends and what ``\\s`` matches are
    the same), so the edits of both steps are applied together.
    """
    style = config.tone_style
    skipped = _SURVEY_BIT["repair"] | _SURVEY_BIT["nfc"] | (_SURVEY_BIT["spaces"] if config.clean else 0)
    if style is None or config.expand_abbreviations or surveyed.tones is None or surveyed.bits & skipped:
        return None
    cleaning: list[Edit] = []
    if config.clean and surveyed.bits & _SURVEY_BIT["characters"]:
        cleaning = character_edits(text, surveyed.dirty)
    for start, end, new in cleaning:
        old = text[start:end]
        if len(new) != len(old) or any(c.isalpha() for c in old):
            return None
        if "  " in text[start - 1 : start] + new + text[end : end + 1]:
            return None  # the spaces step would join them: "a\u00a0 b"
    out = apply(text, sorted(cleaning + tone_edits(text, style, surveyed.tones)))
    if cleaning and config.fix_encoding and out.isascii():
        return None  # text the clean-up made ASCII gets a second look for VIQR: the whole pipeline's
    return ud.normalize("NFD", out) if config.form == "NFD" else out


def run_pipeline(config: NormalizeConfig, text: str, *, track: bool = False) -> tuple[str, str | None, OffsetMap]:
    """Take *text* through :func:`pipeline`; return the result, what its first repaired line was
    written in (a legacy encoding or ``"mojibake"``), if any, and (with *track*) the map of positions
    back to *text*.

    Protected spans (URLs, e-mails, paths, code; :mod:`vntext.protect`) are copied as they are, and
    the stretches between them are normalised one by one, in both modes alike.
    """
    surveyed = _survey(text, config.tone_style)
    spans = protected_spans(text) if surveyed.bits & _SURVEY_TRIGGERS else []
    if not spans:
        made = None if track else _in_one_copy(config, text, surveyed)
        return (made, None, OffsetMap()) if made is not None else _run_piece(config, text, track, surveyed)
    pieces: list[str] = []
    offsets = JoinedMap()
    found: str | None = None
    last = 0
    at = 0
    for start, end in [*spans, (len(text), len(text))]:
        if start > last:
            out, encoding, piece_map = _run_piece(config, text[last:start], track)
            offsets.add_piece(at, last, piece_map)
            pieces.append(out)
            at += len(out)
            found = found or encoding
        if end > start:
            offsets.add_piece(at, start, None)
            pieces.append(text[start:end])
            at += end - start
        last = end
    return "".join(pieces), found, offsets


def _run_piece(
    config: NormalizeConfig, text: str, track: bool, surveyed: _Survey | None = None
) -> tuple[str, str | None, OffsetMap]:
    """:func:`run_pipeline` of text without protected spans; a step the survey of *text* says has
    nothing to do is passed over until the text changes, and the clean-up and the tone step take the
    positions the survey found while they still hold.

    Legacy detection looks at the text as written, where a soft hyphen may be a letter of an 8-bit
    encoding (TCVN3 writes ư as 0xAD); when the clean-up removes it, or a repair leaves a second
    encoding's words behind (text pasted together from VNI and TCVN3 files), the result is repaired
    again, at most three times: otherwise normalising the output a second time would change it.
    """
    offsets = OffsetMap()
    found: str | None = None
    looked = False
    surveyed = surveyed or _Survey()
    dirty_in = tones_in = text  # the texts the survey's dirty positions and tone spans hold in
    style = config.tone_style
    for passes in range(_MAX_PASSES):
        repaired = cleaned = False
        survey = surveyed.bits if passes == 0 else _ANYTHING
        for step in pipeline(config):
            bit = _SURVEY_BIT.get(step.name)
            if bit is not None and not survey & bit:
                continue  # the survey promises the step leaves this text as it is
            if step.name == "repair":
                decided = plan(text)
                looked |= decided.looked
                edits = repair_edits(text, decided.repairs)
                repaired = bool(edits)
                if edits and found is None:
                    found = Counter(r.encoding for r in decided.repairs).most_common(1)[0][0]
            elif step.name == "characters":
                edits = character_edits(text, surveyed.dirty if text is dirty_in else None)
                cleaned |= bool(edits)
            elif step.name == "tones" and style is not None and text is tones_in and surveyed.tones is not None:
                edits = tone_edits(text, style, surveyed.tones)
            elif track:
                edits = step.edits(text)
            else:
                new = step.run(text)
                if new is not text:
                    survey = _ANYTHING
                text = new
                continue
            if track:
                offsets.add(edits)
            if edits:
                before, text = text, apply(text, edits)
                if step.name == "characters":
                    survey = _after_clean_up(survey, text, edits)
                    if tones_in is before and _same_places(before, text):
                        tones_in = text
                else:
                    survey = _ANYTHING
        # Only a repair, or a clean-up of text that held legacy hints or became ASCII (VIQR), can leave
        # something to repair: ordinary text pays nothing for a second look.
        if not config.fix_encoding or not (repaired or (cleaned and (looked or text.isascii()))):
            break
        if not plan(text).repairs:
            break
    return text, found, offsets


class Normalizer:
    """A configured pipeline; thread-safe and picklable (it holds only its frozen config), so one
    instance serves every thread or worker process.

    Args:
        config: the options (default: :class:`NormalizeConfig`'s).
        **options: options to change in *config* (``tone_style="old"``).

    Raises:
        ValueError: an unknown option value (:class:`~vntext.errors.UnknownOptionError`).
        TypeError: an option that does not exist.

    Example:
        >>> Normalizer(tone_style="old").normalize("Thủy điện Hòa Bình")
        'Thuỷ điện Hoà Bình'
    """

    def __init__(self, config: NormalizeConfig | None = None, **options: Any) -> None:
        base = config or NormalizeConfig()
        self.config = base.replace(**options) if options else base

    def __repr__(self) -> str:
        return f"Normalizer({self.config!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Normalizer, (self.config,))

    def normalize(self, text: str) -> str:
        """Run the pipeline on *text*."""
        check_text(text)
        return run_pipeline(self.config, text)[0]


@lru_cache(maxsize=64)
def _shared(config: NormalizeConfig) -> Normalizer:
    return Normalizer(config)


def normalize(
    text: str,
    *,
    form: str = "NFC",
    tone_style: str | None = "new",
    fix_encoding: bool = True,
    clean: bool = True,
    expand_abbreviations: bool = False,
) -> str:
    """Repair legacy/mojibake text, clean up, place tones, and return the requested normal form.

    See :class:`NormalizeConfig` for the options; ``tone_style=None`` (or ``"keep"``, as the command
    line spells it) keeps tone placement as is.

    Args:
        text: any text; what is not Vietnamese, URLs, e-mails, paths and code come through unchanged.
        form: ``"NFC"`` or ``"NFD"``, the Unicode normal form of the result.
        tone_style: ``"new"`` (``hòa``, ``thủy``), ``"old"`` (``hoà``, ``thuỷ``), or ``None``/``"keep"``.
        fix_encoding: repair text in a legacy encoding or mis-decoded as Latin-1 (``Céng hoµ``).
        clean: remove zero-width characters, unify spaces and dashes.
        expand_abbreviations: also expand abbreviations (``UBND`` → ``Ủy ban nhân dân``).

    Returns:
        The normalised text.

    Raises:
        TypeError: *text* is not a ``str``.
        ValueError: an unknown *form* or *tone_style* (:class:`~vntext.errors.UnknownOptionError`).

    Example:
        >>> normalize("Thuỷ điện Hoà Bình")
        'Thủy điện Hòa Bình'
        >>> normalize("Thủy điện Hòa Bình", tone_style="old")
        'Thuỷ điện Hoà Bình'
    """
    config = NormalizeConfig(form, tone_style, fix_encoding, clean, expand_abbreviations)
    return _shared(config).normalize(text)
