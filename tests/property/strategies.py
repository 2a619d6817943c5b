"""Hypothesis strategies for Vietnamese text, built from the syllable model."""

from __future__ import annotations

from hypothesis import strategies as st

from vntext.syllable import CODAS, NUCLEI, ONSETS, VIETNAMESE_LETTERS, VOWEL_INFO, toned

_ONSETS = sorted(ONSETS - {"q"})
_CODAS = sorted(CODAS)
_NUCLEI = sorted(NUCLEI)


@st.composite
def syllables(draw: st.DrawFn) -> str:
    """A toned Vietnamese-looking syllable with the tone on any vowel (so often misplaced) and random case."""
    onset = draw(st.sampled_from(_ONSETS))
    nucleus = draw(st.sampled_from(_NUCLEI))
    coda = draw(st.sampled_from(_CODAS))
    letters = list(onset + nucleus + coda)
    tone = draw(st.integers(0, 5))
    vowel_positions = [i for i, c in enumerate(letters) if c in VOWEL_INFO]
    pos = draw(st.sampled_from(vowel_positions))
    letters[pos] = toned(VOWEL_INFO[letters[pos]][0], tone)
    case = draw(st.sampled_from(["lower", "upper", "title", "random"]))
    word = "".join(letters)
    if case == "upper":
        return word.upper()
    if case == "title":
        return word[:1].upper() + word[1:]
    if case == "random":
        flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
        return "".join(c.upper() if f else c for c, f in zip(word, flips, strict=True))
    return word


_separators = st.sampled_from([" ", "  ", ", ", ". ", "\n", "\u00a0", "-", "\u200b", "/", " (", ") "])

#: Text that mixes Vietnamese syllables, separators and arbitrary Unicode.
vietnamese_text = st.lists(
    st.one_of(syllables(), _separators, st.text(max_size=4), st.sampled_from(VIETNAMESE_LETTERS)), max_size=40
).map("".join)


#: Pieces of real-looking running text where the finders meet: dates with times, ranges and lists,
#: legacy and mojibake fragments, URLs, e-mails, abbreviations, titles and names.
_PIECES = [
    "Từ ngày 25/7", " đến ", " tới ", "18h", "14h chiều", "20h30", "ngày 11/8", "24-7", "2-3", "28/6-2/7",
    "27-29/6", "Quý IV/2025", "rằm tháng Giêng", "năm sau", "tuần tới", "thứ hai", "các ngày 10/8, 12/8",
    "thắng 2-1", "1/3 dân số", "25.000 đồng/kg", "số 15/2020/NĐ-CP", "UBND", "TP.HCM", "T.Ư", "GD&ĐT",
    "ông Nguyễn Văn Thể", "Phó Chủ tịch UBND tỉnh", "bà Ngân", "HLV Park Hang Seo", ", ", ". ", "\n", " ",
    "https://vnexpress.net/hoà-bình-1234.html", "hoa@hoà.vn", "C:\\Users\\hoà", "`a`",
    "Céng hoµ x· héi", "ViÖt Nam", "Coäng hoøa", "Vie^.t Nam", "Tiáº¿ng Viá»‡t", "BaÒo tàng", "Ð", "µm",
    "\u00a0", "\u00ad", "\u200b", "hòang", "caí", "Ho\u0300a", "\ud800", "😀", "東京",
]
running_text = st.lists(
    st.one_of(st.sampled_from(_PIECES), syllables(), st.text(max_size=3)), max_size=25
).map("".join)
