"""Tone-mark placement: one convention for a whole text, and repair of misplaced tones.

``style="new"`` puts the tone on the first vowel of open ``oa, oe, uy`` (``hòa, khỏe, thủy``);
``style="old"`` on the second (``hoà, khoẻ, thuỷ``). Both agree everywhere else.

>>> normalize_tones("Cộng hoà, thuỷ chung, Thụy Sỹ")
'Cộng hòa, thủy chung, Thụy Sỹ'
>>> normalize_tones("Cộng hòa, thủy chung", style="old")
'Cộng hoà, thuỷ chung'
>>> normalize_tones("gìa, qúy, hòang, thủơ")
'già, quý, hoàng, thuở'

How it stays fast: from the syllable model we generate, once per style, every way a tone can sit on
the wrong vowel of a nucleus (with the ``qu``/``gi`` context and whether a consonant follows) and
compile those forms into one regular expression. Clean text never matches it, so the whole text is
scanned once in C; only the rare misplaced words go through the Python syllable parser.
"""

from __future__ import annotations

import re
from functools import cache

from . import _accel
from ._trie import trie_pattern
from .edits import Edit, apply
from .errors import UnknownOptionError, check_text
from .evidence import LineJudge, repair_allowed
from .forms import to_nfc
from .syllable import CLOSED_ONLY, CODAS, NUCLEI, OPEN_ONLY, STYLES, VOWEL_INFO, VOWELS, Syllable, toned


def check_style(style: str) -> str:
    if style not in STYLES:
        raise UnknownOptionError("tone style", style, STYLES)
    return style


def _misplaced_forms(style: str) -> set[tuple[str, str, str, str]]:
    """Every wrongly toned vowel run as (context before, untoned vowels before, toned vowel, after).

    *context* is ``"q"``/``"g"`` for runs that start with the onset's ``u``/``i`` (``qúy``, ``gìa``),
    else ``""``; *after* is the untoned rest of the run plus ``"$"`` (word end) or ``"C"`` (a consonant).
    """
    forms: set[tuple[str, str, str, str]] = set()
    for nucleus in NUCLEI:
        for context, lead, onset in (("", "", "b"), ("q", "u", "qu"), ("g", "i", "gi")):
            run = lead + nucleus
            if len(run) < 2:
                continue  # a lone vowel cannot hold its tone in the wrong place
            for closed in (False, True):
                if nucleus in (OPEN_ONLY if closed else CLOSED_ONLY):
                    continue
                right = len(lead) + Syllable(onset, nucleus, "n" if closed else "", 1).tone_index(style)
                for pos in range(len(run)):
                    if pos == right:
                        continue
                    for tone in range(1, 6):
                        forms.add((context, run[:pos], toned(run[pos], tone), run[pos + 1 :] + "C$"[not closed]))
    return forms


def _context_guard(context: str, before: str, toned_letter: str) -> str:
    """Lookbehind that pins the onset context of a run starting ``before + toned_letter``."""
    first = before[:1] or VOWEL_INFO[toned_letter][0]
    if context:
        return f"(?<=[{context}{context.upper()}])"
    # A run judged without its onset must not be the u of qu / the i of gi.
    if first == "u":
        return "(?<![qQ])"
    if first == "i":
        return "(?<![gG])"
    return ""


def _dispatch_order(letter: str) -> tuple[bool, int, int]:
    """The regex engine tries the letter branches in order: common letters first (lowercase; acute,
    grave and dot tones; a, ê, ô, ư, ơ, i …) so clean text is rejected after few comparisons."""
    vowel, tone = VOWEL_INFO[letter]
    return letter.isupper(), (2, 1, 5, 3, 4).index(tone), "aêôươiuoeâyă".index(vowel)


@cache
def _misplaced_regex(style: str) -> re.Pattern[str]:
    """One regex matching exactly the misplaced tones of *style*, led by the toned letter itself."""
    coda_start = "".join(sorted({c[0] for c in CODAS if c}))
    boundary = {"C": f"(?=[{coda_start}{coda_start.upper()}])", "$": r"(?![^\W\d_])"}
    by_letter: dict[str, dict[tuple[bool, str], set[str]]] = {}
    for context, before, letter, after in _misplaced_forms(style):
        for case in (str.lower, str.upper):
            lb = _context_guard(context, before, letter)
            behind = "".join(f"[{c}{c.upper()}]" for c in before)
            key = f"(?<={lb}{behind}{case(letter)})" if behind or lb else ""
            rest = trie_pattern([after[:-1]], fold_case=True) + boundary[after[-1]]
            by_letter.setdefault(case(letter), {}).setdefault((bool(before), key), set()).add(rest)
    vowels = "".join(sorted({c for v in VOWELS for c in (v, v.upper())}))
    branches = []
    for letter, guards in sorted(by_letter.items(), key=lambda kv: _dispatch_order(kv[0])):
        # Clean text must fail fast: a toned letter with no vowel on either side is never misplaced.
        after_vowel = [g + "(?:" + "|".join(sorted(r)) + ")" for (b, g), r in sorted(guards.items()) if b]
        before_vowel = [g + "(?:" + "|".join(sorted(r)) + ")" for (b, g), r in sorted(guards.items()) if not b]
        alts = []
        if after_vowel:
            alts.append(f"(?<=[{vowels}]{re.escape(letter)})(?:" + "|".join(after_vowel) + ")")
        if before_vowel:
            alts.append(f"(?=[{vowels}])(?:" + "|".join(before_vowel) + ")")
        branches.append(re.escape(letter) + "(?:" + "|".join(alts) + ")")
    return re.compile("|".join(branches))


def misplaced_spans(text: str, style: str) -> list[tuple[int, int]]:
    """Where :func:`_misplaced_regex` matches in *text*: by the compiled core when it is there (the
    same spans, from the same forms, without compiling the pattern), else by the pattern."""
    if _accel.speedups is not None:
        spans: list[tuple[int, int]] = _accel.speedups.misplaced_tones(text, STYLES.index(style))
        return spans
    return [m.span() for m in _misplaced_regex(style).finditer(text)]


def _word_end(text: str, end: int) -> int:
    n = len(text)
    while end < n and text[end].isalpha():
        end += 1
    return end


def _word_start(text: str, start: int, floor: int) -> int:
    while start > floor and text[start - 1].isalpha():
        start -= 1
    return start


def normalize_tones(text: str, style: str = "new") -> str:
    """Place every tone mark by *style* (``"new"`` or ``"old"``) and return NFC text.

    Misplaced tones are repaired in both styles; words that are not Vietnamese syllables are left
    alone.

    Args:
        text: any text.
        style: ``"new"`` (``hòa``, ``thủy``) or ``"old"`` (``hoà``, ``thuỷ``).

    Returns:
        *text* with every tone mark where *style* places it, in NFC.

    Raises:
        TypeError: *text* is not a ``str``.
        ValueError: another *style* (:class:`~vntext.errors.UnknownOptionError`).

    Example:
    >>> normalize_tones("Hoà bình, thuỷ chung, gìa", style="new")
    'Hòa bình, thủy chung, già'
    >>> normalize_tones("Hòa bình, thủy chung", style="old")
    'Hoà bình, thuỷ chung'
    """
    check_text(text)
    return place_tones_nfc(to_nfc(text), check_style(style))


def tone_edits(text: str, style: str, spans: list[tuple[int, int]] | None = None) -> list[Edit]:
    """The words of NFC *text* whose tone *style* places elsewhere, as same-length edits; *spans*,
    when given, is :func:`misplaced_spans` of *text*, found by a scan made anyway (the compiled
    core's survey).

    A word whose tone is merely in the other convention's place (``hoà``/``hòa``) is changed on any
    line that does not read as another language; a misplaced tone is repaired only in a clause with
    positive Vietnamese evidence and outside foreign names (see :mod:`vntext.evidence`), so Spanish
    ``huí``, Pinyin ``duì`` and ``Leó Szilárd`` stay as written.
    """
    from .syllable import place_tone

    edits: list[Edit] = []
    if text.isascii():
        return edits
    other = "old" if style == "new" else "new"
    judge: LineJudge | None = None
    seen = 0  # end of the last word looked at: a run of glued letters is measured once
    for found_start, found_end in misplaced_spans(text, style) if spans is None else spans:
        if found_start < seen:
            continue
        start, end = _word_start(text, found_start, seen), _word_end(text, found_end)
        seen = end
        word = text[start:end]
        fixed = place_tone(word, style)
        if fixed == word:
            continue
        if place_tone(word, other) != word:  # a misplaced tone, not the other convention
            if repair_allowed(text, start, end):
                edits.append((start, end, fixed))
            continue
        judge = judge or LineJudge(text)
        if judge.allows(start, strict=False):
            edits.append((start, end, fixed))
    return edits


def place_tones_nfc(text: str, style: str) -> str:
    """:func:`normalize_tones` for text already in NFC and a checked *style*."""
    return apply(text, tone_edits(text, style))
