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

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from functools import lru_cache, partial
from typing import Any

from ._ud import ud
from .clean import character_edits, space_edits
from .edits import Edit, apply
from .errors import UnknownOptionError
from .forms import nfc_edits, nfd_edits, to_nfc
from .legacy import decode_text, detect_legacy, legacy_edits
from .tones import check_style, place_tones_nfc, tone_edits

FORMS = ("NFC", "NFD")

# Characters that mis-decoded 8-bit Vietnamese is made of but proper Unicode Vietnamese rarely
# holds: the Windows-1252 upper half minus the letters Vietnamese shares with it and common
# punctuation. ASCII text can only be VIQR, which needs a mark right after a vowel.
_HARMLESS = "\u00a0«»©®°±×÷€£¥¢§¼½¾–—‘’“”…•™‰"


@lru_cache(maxsize=1)
def _legacy_hint() -> re.Pattern[str]:
    from .legacy import _windows_chars
    from .syllable import VIETNAMESE_LETTERS

    chars = set(_windows_chars()[0x80:]) - set(VIETNAMESE_LETTERS) - set(_HARMLESS)
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


_VIQR_HINT = re.compile(r"[aeiouyAEIOUY][\^(+`~]")


@dataclass(frozen=True)
class NormalizeConfig:
    """Options of :func:`normalize`; frozen, hashable and picklable. Vary it with :meth:`replace`."""

    form: str = "NFC"
    tone_style: str | None = "new"
    fix_encoding: bool = True
    clean: bool = True
    expand_abbreviations: bool = False

    def __post_init__(self) -> None:
        if self.form not in FORMS:
            raise UnknownOptionError("normal form", self.form, FORMS)
        if self.tone_style is not None:
            check_style(self.tone_style)

    def replace(self, **changes: Any) -> NormalizeConfig:
        """A copy with *changes* applied (and checked)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _looks_legacy(text: str) -> bool:
    if text.isascii():
        return _VIQR_HINT.search(text) is not None
    return _legacy_hint().search(text) is not None


def _judge(config: NormalizeConfig, text: str) -> tuple[bool, str | None]:
    """Whether *text* needed a closer look for legacy encodings, and the encoding found, if any."""
    looked = config.fix_encoding and _looks_legacy(text)
    return looked, detect_legacy(text) if looked else None


@dataclass(frozen=True)
class Step:
    """One stage of the pipeline, in two equivalent forms: *run* rewrites a whole text (fast), *edits*
    returns the same change as edits, from which :class:`~vntext.analyze.Analyzer` keeps offsets."""

    name: str
    run: Callable[[str], str]
    edits: Callable[[str], list[Edit]]


def _by_edits(edits: Callable[[str], list[Edit]]) -> Callable[[str], str]:
    return lambda text: apply(text, edits(text))


def _expand(text: str) -> str:
    from .abbreviations import expand_abbreviations

    return expand_abbreviations(text)


def _expansion_edits(text: str) -> list[Edit]:
    expanded = _expand(text)
    return [] if expanded == text else [(0, len(text), expanded)]  # coarse: expansions change lengths


@lru_cache(maxsize=256)
def pipeline(config: NormalizeConfig, encoding: str | None) -> tuple[Step, ...]:
    """The stages :class:`Normalizer` runs on a text found to be in *encoding* (``None``: Unicode),
    in order; the one place that order is written down."""
    steps = []
    if encoding is not None:
        decode = partial(decode_text, encoding=encoding)
        steps.append(Step("legacy", decode, partial(legacy_edits, encoding=encoding)))
    steps.append(Step("nfc", to_nfc, nfc_edits))
    if config.clean:
        steps.append(Step("characters", _by_edits(character_edits), character_edits))
        steps.append(Step("spaces", _by_edits(space_edits), space_edits))
    if config.tone_style is not None:
        style = config.tone_style
        steps.append(Step("tones", partial(place_tones_nfc, style=style), partial(tone_edits, style=style)))
    if config.expand_abbreviations:
        steps.append(Step("abbreviations", _expand, _expansion_edits))
    if config.form == "NFD":
        steps.append(Step("nfd", partial(ud.normalize, "NFD"), nfd_edits))
    return tuple(steps)


_MAX_PASSES = 3


def run_pipeline(config: NormalizeConfig, text: str, run: Callable[[Step, str], str]) -> tuple[str, str | None]:
    """Take *text* through :func:`pipeline`, each step by *run* (``step.run`` or its edits); return the
    result and the (first) legacy encoding repaired.

    Legacy detection looks at the text as written, where a soft hyphen or NBSP may be a letter of an
    8-bit encoding (TCVN3 writes ư as 0xAD). When the clean-up then removes such characters, or a
    repair leaves a second encoding's words behind (text pasted together from VNI and TCVN3 files),
    the result is judged again and repaired again if it still reads as legacy (``A(\u00ad`` → ``Ă``),
    at most three times: otherwise normalising the output a second time would change it.
    """
    looked, encoding = _judge(config, text)
    first = encoding
    for _ in range(_MAX_PASSES):
        cleaned = False
        for step in pipeline(config, encoding):
            new = run(step, text)
            cleaned |= step.name == "characters" and new is not text
            text = new
        # The clean-up only removes characters or writes spaces, dashes and Đ, none of which looks
        # legacy: it can change the verdict only on text that was looked at or has become ASCII (VIQR).
        if not (encoding or (cleaned and (looked or text.isascii()))):
            break
        looked, encoding = _judge(config, text)
        if encoding is None:
            break
        first = first or encoding
    return text, first


class Normalizer:
    """A configured pipeline; thread-safe and picklable (it holds only its frozen config)."""

    def __init__(self, config: NormalizeConfig | None = None, **options: Any) -> None:
        base = config or NormalizeConfig()
        self.config = base.replace(**options) if options else base

    def __repr__(self) -> str:
        return f"Normalizer({self.config!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Normalizer, (self.config,))

    def normalize(self, text: str) -> str:
        """Run the pipeline on *text*."""
        return run_pipeline(self.config, text, lambda step, text: step.run(text))[0]


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

    See :class:`NormalizeConfig` for the options; ``tone_style=None`` keeps tone placement as is.
    """
    config = NormalizeConfig(form, tone_style, fix_encoding, clean, expand_abbreviations)
    return _shared(config).normalize(text)
