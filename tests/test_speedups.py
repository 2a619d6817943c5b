"""The optional compiled core gives exactly what the pure-Python path gives.

The C scans are checked against the regular expressions they stand for (hypothesis), and whole runs of
``normalize`` and ``analyze`` on real text are compared with the compiled core on and off. With
``VNTEXT_PURE=1`` or without a built core the comparisons are skipped (the rest of the suite then tests
the pure path); CI runs the suite both ways.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import vntext
from vntext import _accel
from vntext.evidence import _patterns
from vntext.syllable import VIETNAMESE_LETTERS
from vntext.tones import _misplaced_regex, misplaced_spans

from .conftest import ROOT, SHARED, load_script
from .property.strategies import running_text, syllables, vietnamese_text

compiled = _accel.speedups
needs_compiled = pytest.mark.skipif(compiled is None, reason="the compiled core is not built or VNTEXT_PURE=1")


@contextmanager
def _pure_python() -> Iterator[None]:
    """The pure-Python path inside the block (for hypothesis tests, which take no function fixtures)."""
    saved = _accel.speedups
    _accel.speedups = None
    try:
        yield
    finally:
        _accel.speedups = saved


@pytest.fixture
def pure(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The pure-Python path for the duration of a test, whatever is installed."""
    monkeypatch.setattr(_accel, "speedups", None)
    yield


def test_compiled_core_reports_what_is_in_use(pure: None) -> None:
    assert vntext.compiled_core() is False


@pytest.mark.skipif(os.environ.get("CI") != "true" or os.environ.get("VNTEXT_PURE") == "1",
                    reason="only CI promises a compiler")
def test_ci_builds_the_compiled_core() -> None:
    # A build that silently fell back to pure Python would make the compiled half of CI a second pure run.
    assert vntext.compiled_core() is True


_NFC_BLOCK = re.compile(r"/\* Characters NFC may change.*?\n};\n", re.S)


def test_tables_are_generated_from_the_syllable_model() -> None:
    # The header is what the generator writes today, except the NFC table, which follows the Unicode
    # database: a newer one only has to keep it sound (every character it says NFC may change is
    # marked), which a new combining mark would break until the header is written again.
    module = load_script("generate_speedups")
    header = (ROOT / "vntext" / "_speedups_tables.h").read_text(encoding="utf-8")
    assert _NFC_BLOCK.sub("", header) == _NFC_BLOCK.sub("", module.render()), "run python scripts/generate_speedups.py"
    marked = set()
    for low, high in re.findall(r"\{0x([0-9A-F]+), 0x([0-9A-F]+)\}", _NFC_BLOCK.search(header).group()):  # type: ignore[union-attr]
        marked.update(range(int(low, 16), int(high, 16) + 1))
    for low, high in module.nfc_unsafe_ranges():
        assert set(range(low, high + 1)) <= marked, "run python scripts/generate_speedups.py"


# Text where misplaced-tone candidates are dense: syllables with the tone on any vowel, q/g before vowel
# runs, vowels against consonants, digits, underscores and numeric letters (², Ⅻ) at the edges.
_EDGES = st.sampled_from(["q", "Q", "g", "G", "c", "ch", "nh", "ng", "t", "M", "_", "2", "²", "Ⅻ", "x", "ß", "\u0301"])
_dense = st.lists(
    st.one_of(syllables(), _EDGES, st.sampled_from(VIETNAMESE_LETTERS), st.sampled_from([" ", "-", "\n", ""])),
    max_size=30,
).map("".join)


@needs_compiled
@given(st.one_of(_dense, vietnamese_text, running_text), st.sampled_from(["new", "old"]))
def test_misplaced_tones_scan_matches_the_pattern(text: str, style: str) -> None:
    assert compiled is not None
    expected = [m.span() for m in _misplaced_regex(style).finditer(text)]
    assert compiled.misplaced_tones(text, ("new", "old").index(style)) == expected
    assert misplaced_spans(text, style) == expected


_LATIN = st.characters(min_codepoint=0x20, max_codepoint=0x24F) | st.characters(
    min_codepoint=0x1E00, max_codepoint=0x1EFF
)


@needs_compiled
@given(st.one_of(st.text(_LATIN, max_size=30), st.text(max_size=20), vietnamese_text, running_text, _dense))
def test_evidence_count_matches_the_patterns(text: str) -> None:
    assert compiled is not None
    specific, foreign = _patterns()
    assert compiled.evidence(text) == (len(specific.findall(text)), len(foreign.findall(text)))


# Legacy and mojibake text: bytes as Latin-1 and Windows-1252 show them, VIQR-like ASCII.
_legacy = st.one_of(
    st.binary(max_size=30).map(lambda b: b.decode("latin-1")),
    st.binary(max_size=30).map(lambda b: b.decode("cp1252", errors="replace")),
    st.text("aeiouyAEIOUYdDâô()^+`~. \n", max_size=30),
    st.text(st.sampled_from(sorted(set("Ìì ÒòÞaeâêÕõ\nÃã¸µ") | {chr(c) for c in range(0x80, 0xF0, 7)})), max_size=20),
)


@needs_compiled
@given(st.one_of(_legacy, running_text, vietnamese_text))
def test_legacy_scans_match_the_pure_ones(text: str) -> None:
    from vntext import clean, repair

    with_core = repair._lines(text), repair._viqr_starts(text), clean._dirty_positions(text)
    with _pure_python():
        assert (repair._lines(text), repair._viqr_starts(text), clean._dirty_positions(text)) == with_core


_url_like = st.lists(st.sampled_from([*":/\\@`w.~-+_aZ9é \n", "www.", "://", "http"]), max_size=30).map("".join)


@needs_compiled
@given(st.one_of(_url_like, running_text, st.text(max_size=20)))
def test_protect_triggers_match_the_pattern(text: str) -> None:
    from vntext import protect

    assert compiled is not None
    matches = [m.span() for m in protect._TRIGGER.finditer(text)]
    kept = [(a, b) for a, b in matches if not (text[a] == "/" and protect._after_word(text, a))]
    assert list(protect._triggers(text)) == kept
    with _pure_python():
        assert list(protect._triggers(text)) == kept
    first = compiled.next_trigger(text, 0)
    assert first == (kept[0] if kept else None)


@given(st.one_of(_url_like, running_text, st.text(max_size=20)))
def test_slashes_after_a_word_protect_nothing(text: str) -> None:
    # The triggers passed over (28/6/2024) are ones protected_spans would look at and drop.
    from vntext import protect

    with_all = pytest.MonkeyPatch()
    with_all.setattr(protect, "_after_word", lambda text, slash: False)
    try:
        with _pure_python():
            every_trigger = protect.protected_spans(text)
    finally:
        with_all.undo()
    assert protect.protected_spans(text) == every_trigger


_survey_text = st.lists(
    st.sampled_from([*"  \n\t/:@`w.~-_(^+dDaeoyAE9 ", "dd", "Dd", "DD", "a^", "o+", "www.", "://", "28/6/2024",
                     "/a/", "\u00a0", "\u200b", "\u00ad", "Ð", "ð", "\u2212", "o\u0300", "\u0301", "ệ", "Ò", "BaÒo",
                     "Ã©", "Ã", "\u00e2\u0080", "á»", "Céng", "µ", "\ufeff", "\u3000", "\U0001f600", "Ä‘"]),
    max_size=24,
).map("".join)


@needs_compiled
@given(st.one_of(_survey_text, running_text, vietnamese_text, _legacy, _url_like, st.text(max_size=20)))
def test_survey_clear_bits_are_promises(text: str) -> None:
    # Each clear bit of the survey: the scan it stands for finds nothing (a set bit promises nothing).
    from vntext import clean, forms, protect, repair
    from vntext.normalize import _SURVEY_BIT, _SURVEY_TRIGGERS

    assert compiled is not None
    flags = compiled.survey(text, clean.DIRTY_CHARS)
    with _pure_python():
        if not flags & _SURVEY_TRIGGERS:
            assert protect.protected_spans(text) == []
            assert list(protect._triggers(text)) == []
        if not flags & _SURVEY_BIT["repair"]:
            assert repair.plan(text) == repair.Plan([], False)
            assert repair._lines(text) == [] and repair._viqr_starts(text) == []
        if not flags & _SURVEY_BIT["nfc"]:
            assert forms.to_nfc(text) == text
        if not flags & _SURVEY_BIT["characters"]:
            assert clean._dirty_positions(text) == []
        if not flags & _SURVEY_BIT["spaces"]:
            assert clean.space_edits(text) == [] and "  " not in text


@needs_compiled
@given(st.one_of(_survey_text, _dense, running_text, vietnamese_text), st.sampled_from(["new", "old"]))
def test_survey_finds_what_the_clean_up_and_tone_scans_find(text: str, style: str) -> None:
    # Given lists, the survey also gathers the dirty positions and the misplaced tones, and its bits
    # stay what they are without them.
    from vntext import clean

    assert compiled is not None
    dirty: list[int] = []
    tones: list[tuple[int, int]] = []
    flags = compiled.survey(text, clean.DIRTY_CHARS, dirty, ("new", "old").index(style), tones)
    assert flags == compiled.survey(text, clean.DIRTY_CHARS)
    with _pure_python():
        assert dirty == clean._dirty_positions(text)
        assert tones == misplaced_spans(text, style)


_nfc_edges = st.text(
    st.sampled_from("aeoAÊơư\u0300\u0301\u0302\u0323\u0344\u2000\u2126\u1100\u1161\u11a8\u09c7\u09be\u0cc6\u0cd5ệ가\u3099\u304b"),
    max_size=12,
)


@needs_compiled
@given(st.one_of(_nfc_edges, vietnamese_text, running_text, st.text(max_size=12)))
def test_nfc_stable_text_is_nfc(text: str) -> None:
    from vntext._ud import ud

    assert compiled is not None
    if compiled.nfc_stable(text):
        assert ud.normalize("NFC", text) == text


@st.composite
def _edited(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    text = draw(st.one_of(vietnamese_text, running_text, st.text(max_size=20)))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = [(a, b, draw(st.text(max_size=4))) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    return text, edits


@needs_compiled
@given(_edited())
def test_apply_edits_matches_slicing_and_joining(case: tuple[str, list[tuple[int, int, str]]]) -> None:
    from vntext import edits

    text, changes = case
    assert compiled is not None
    built = compiled.apply_edits(text, changes)
    with _pure_python():
        expected = edits.apply(text, changes)
    assert built == expected and hash(built) == hash(expected) and built.isascii() == expected.isascii()


def _corpus_texts() -> list[tuple[str, str]]:
    base = SHARED / "corpus"
    paths = sorted((base / "viwiki").glob("*.txt")) + sorted((base / "laws").glob("*.txt"))
    paths += sorted((SHARED / "seeds").glob("*.txt"))
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


@needs_compiled
@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason=f"corpus not found at {SHARED}")
def test_compiled_and_pure_paths_agree_on_the_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    # The whole shared corpus (Wikipedia, laws, seeds) in both tone styles, a part of it in NFD, and
    # the analyses (spans and edits) of the seeds and some articles.
    texts = _corpus_texts()
    runs = [({}, texts), ({"tone_style": "old"}, texts), ({"form": "NFD", "tone_style": None}, texts[::20])]
    compiled_out = [[vntext.normalize(t, **config) for _, t in part] for config, part in runs]
    analysed = texts[-5:] + texts[:400:10]
    analyses = [vntext.analyze(t).to_dict() for _, t in analysed]
    monkeypatch.setattr(_accel, "speedups", None)
    for (config, part), outputs in zip(runs, compiled_out, strict=True):
        for (name, text), out in zip(part, outputs, strict=True):
            assert vntext.normalize(text, **config) == out, (name, config)
    for (name, text), analysis in zip(analysed, analyses, strict=True):
        assert vntext.analyze(text).to_dict() == analysis, name


# Words with dirty characters in and beside them: the survey's positions must not outlive the clean-up
# that moves them ("ho\u00adà" becomes "hoà", whose tone the scan of the raw text never saw).
_dirty_words = st.lists(
    st.one_of(syllables(), st.sampled_from(["\u00a0", "\u00ad", "\u200b", "\u200c", "\u2011", "Ð", "ð", "  ", " ",
                                            "hoà", "ho", "à", "qu", "ý", "thuỷ", "Ðoà"])),
    max_size=16,
).map("".join)


@needs_compiled
@given(st.one_of(running_text, _dense, _dirty_words), st.sampled_from(["new", "old"]))
@example("ho\u00adà", "new")
@example("thu\u200bỷ điện, Ðoà\u00a0Nẵng", "new")
@example("ho\u00ad\u00ada  thuỷ", "old")
def test_compiled_and_pure_normalize_agree(text: str, style: str) -> None:
    with_core = vntext.normalize(text, tone_style=style)
    with _pure_python():
        assert vntext.normalize(text, tone_style=style) == with_core


_configs = st.builds(
    dict,
    form=st.sampled_from(["NFC", "NFD"]),
    tone_style=st.sampled_from(["new", "old", None]),
    clean=st.booleans(),
    fix_encoding=st.booleans(),
)


@needs_compiled
@given(st.one_of(_dirty_words, running_text, _dense), _configs)
@example("Thuỷ\u00a0điện hoà\u2011bình", {})
@example("Ðoà\u00a0Nẵng", {})
@example("hoà\u00a0 bình", {})
@example("a\u00a0b", {"form": "NFD"})
def test_one_copy_makes_what_the_steps_make(text: str, options: dict[str, object]) -> None:
    # Where normalize applies the clean-up's and the tone step's edits together, the result is the
    # one the steps make one after the other.
    import sys

    run = sys.modules["vntext.normalize"]
    config = run.NormalizeConfig(**options)
    surveyed = run._survey(text, config.tone_style)
    made = run._in_one_copy(config, text, surveyed)
    if made is not None:
        assert made == run._run_piece(config, text, False, surveyed)[0]


@needs_compiled
def test_the_scan_refuses_what_is_not_text() -> None:
    assert compiled is not None
    with pytest.raises(TypeError):
        compiled.misplaced_tones(b"hoa", 0)
    assert compiled.misplaced_tones("", 0) == []
    assert compiled.misplaced_tones("\U0001f600hoà\ud800", 0) == [(3, 4)]
