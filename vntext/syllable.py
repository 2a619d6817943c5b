"""The Vietnamese syllable model: the single source of truth for letters, marks and tone placement.

A written Vietnamese syllable is *onset + nucleus + coda*, with one tone mark placed on one vowel of the
nucleus. Every vowel letter is a base letter (``a e i o u y``) optionally carrying a *modifier*
(circumflex ``â ê ô``, breve ``ă``, horn ``ơ ư``) and a *tone* (level, grave, acute, hook, tilde, dot).
Everything else in vntext that knows about Vietnamese letters — tone placement, diacritic removal,
the legacy 8-bit and VIQR codecs — derives its tables from the definitions in this module.

>>> parse_syllable("Người")
Syllable(onset='ng', nucleus='ươi', coda='', tone=1)
>>> parse_syllable("quýt").onset, parse_syllable("giữa").nucleus
('qu', 'ưa')
>>> place_tone("hoà", "new"), place_tone("hòa", "old"), place_tone("qúy", "new")
('hòa', 'hoà', 'quý')
>>> parse_syllable("Zürich") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ._ud import ud

# Tone numbers index these tuples: 0 level (ngang), 1 grave (huyền), 2 acute (sắc),
# 3 hook above (hỏi), 4 tilde (ngã), 5 dot below (nặng).
TONE_MARKS: tuple[str, ...] = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
TONE_NAMES: tuple[str, ...] = ("level", "grave", "acute", "hook", "tilde", "dot")

#: Combining marks that change the vowel itself rather than its tone.
MODIFIER_MARKS: dict[str, str] = {"\u0302": "circumflex", "\u0306": "breve", "\u031b": "horn"}

#: The twelve vowel letters of the alphabet (lowercase, no tone).
VOWELS = "aăâeêioôơuưy"
#: Vowels that carry a modifier; tone goes on them before any plain vowel.
MODIFIED_VOWELS = "ăâêôơư"
CONSONANTS = "bcdđghklmnpqrstvx"

ONSETS = frozenset(
    """b c ch d đ g gh gi h k kh l m n ng ngh nh p ph q qu r s t th tr v x""".split()
) | {""}
CODAS = frozenset("c ch m n ng nh p t".split()) | {""}
#: Vowel sequences (after a ``qu``/``gi`` onset is taken off) that make a Vietnamese nucleus,
#: glides included: the phonotactic inventory, not a word list.
NUCLEI = frozenset(
    """a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ
    uy ưa ưi ươ ưu yê iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu""".split()
)
#: Nuclei that end in a glide (or are ia/ua/ưa, uơ) take no final consonant …
OPEN_ONLY = frozenset(
    """ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui uơ ưa ưi ưu iêu oai oao oay oeo uây uôi uya uyu
    ươi ươu yêu""".split()
)
#: … and these need one (``ăn``, ``tiên``, ``muốn``, ``được``).
CLOSED_ONLY = frozenset("ă â oă uâ iê yê uô ươ uyê".split())
#: Spelling of /k/, /ɣ/, /ŋ/ by the following vowel: k, gh, ngh before i, e, ê (and k before y).
FRONT_VOWELS = "ieêy"
FRONT_ONLY_ONSETS = frozenset({"k", "gh", "ngh"})
BACK_ONLY_ONSETS = frozenset({"c", "ng"})
#: Open two-vowel nuclei whose tone position is the one thing the two conventions disagree on.
STYLE_DEPENDENT = frozenset({"oa", "oe", "uy"})
STYLES = ("new", "old")


def compose(vowel: str, tone: int) -> str:
    """The precomposed letter for a lowercase *vowel* (``"ô"``) with *tone* (0–5)."""
    return ud.normalize("NFC", vowel + TONE_MARKS[tone])


def _build_letter_tables() -> tuple[dict[str, tuple[str, int]], dict[tuple[str, int], str]]:
    info: dict[str, tuple[str, int]] = {}
    toned: dict[tuple[str, int], str] = {}
    for vowel in VOWELS:
        for tone in range(len(TONE_MARKS)):
            ch = compose(vowel, tone)
            toned[vowel, tone] = ch
            info[ch] = (vowel, tone)
            info[ch.upper()] = (vowel, tone)
    return info, toned


#: Every vowel letter, both cases, toned or not → (lowercase vowel without tone, tone number).
VOWEL_INFO, _TONED = _build_letter_tables()
#: The 134 precomposed letters Vietnamese adds to ASCII (67 lowercase and their capitals).
VIETNAMESE_LETTERS: tuple[str, ...] = tuple(
    sorted(
        {ch for ch, (v, t) in VOWEL_INFO.items() if (v, t) != (ud.normalize("NFD", v)[0], 0)} | {"đ", "Đ"}
    )
)


def toned(vowel: str, tone: int, upper: bool = False) -> str:
    """Letter for lowercase *vowel* with *tone*, in upper case if asked.

    >>> toned("ơ", 3), toned("a", 5, upper=True)
    ('ở', 'Ạ')
    """
    ch = _TONED[vowel, tone]
    return ch.upper() if upper else ch


@dataclass(frozen=True)
class Syllable:
    """A parsed syllable: lowercase parts without tone, and the tone number (0–5)."""

    onset: str
    nucleus: str
    coda: str
    tone: int

    def tone_index(self, style: str = "new") -> int:
        """Index into :attr:`nucleus` of the vowel that carries the tone under *style*."""
        nucleus = self.nucleus
        for i in range(len(nucleus) - 1, -1, -1):
            if nucleus[i] in MODIFIED_VOWELS:
                return i  # the last modified vowel: ư in ưa, ơ in ươ, ê in uyê
        if self.coda or len(nucleus) == 3:
            return len(nucleus) - 1 if self.coda else 1
        if nucleus in STYLE_DEPENDENT:
            return 0 if style == "new" else 1
        return 0


def _split(word: str) -> tuple[str, int, int] | None:
    """Lowercase toneless spelling, tone, and index of the toned letter (-1 if none)."""
    letters = []
    tone = 0
    where = -1
    for i, ch in enumerate(word):
        vinfo = VOWEL_INFO.get(ch)
        if vinfo is not None:
            letters.append(vinfo[0])
            if vinfo[1]:
                if tone:
                    return None  # two tone marks: not a syllable
                tone, where = vinfo[1], i
            continue
        low = ch.lower()
        if low not in CONSONANTS or len(low) != 1:
            return None
        letters.append(low)
    return "".join(letters), tone, where


def _parse_plain(plain: str, tone: int) -> Syllable | None:
    n = len(plain)
    i = 0
    while i < n and plain[i] in CONSONANTS:
        i += 1
    j = i
    while j < n and plain[j] in VOWELS:
        j += 1
    onset, nucleus, coda = plain[:i], plain[i:j], plain[j:]
    if onset == "q":
        if not nucleus.startswith("u") or len(nucleus) < 2:
            return None
        onset, nucleus = "qu", nucleus[1:]
    elif onset == "g" and len(nucleus) >= 2 and nucleus[0] == "i":
        onset, nucleus = "gi", nucleus[1:]
    if onset not in ONSETS or coda not in CODAS or nucleus not in NUCLEI:
        return None
    if nucleus in (CLOSED_ONLY if not coda else OPEN_ONLY):
        return None
    front = nucleus[0] in FRONT_VOWELS
    if (onset in FRONT_ONLY_ONSETS and not front) or (onset in BACK_ONLY_ONSETS and front):
        return None  # spelling rules: nghi, ghe, kê — never ngi, ge, cê
    return Syllable(onset, nucleus, coda, tone)


_LONGEST_SYLLABLE = 16  # characters: "nghiêng" and "khuỷu" have seven letters, marks decomposed add few


def parse_syllable(word: str) -> Syllable | None:
    """Parse one NFC word as a Vietnamese syllable, or return ``None`` when it is not one."""
    if len(word) > _LONGEST_SYLLABLE:
        return None  # a long run of letters is looked at no further (its pieces would be copied)
    split = _split(word)
    if split is None:
        return None
    return _parse_plain(split[0], split[1])


@lru_cache(maxsize=65536)
def place_tone(word: str, style: str = "new") -> str:
    """Return *word* (NFC) with its tone mark on the vowel that *style* puts it on.

    Each letter keeps its own case. Words that are not Vietnamese syllables, or carry no tone, come
    back unchanged.

    >>> place_tone("HOÀNG", "old"), place_tone("Thủơ", "new"), place_tone("gìa", "old")
    ('HOÀNG', 'Thuở', 'già')
    """
    split = _split(word)
    if split is None or not split[1]:
        return word
    plain, tone, where = split
    syl = _parse_plain(plain, tone)
    if syl is None:
        return word
    target = len(syl.onset) + syl.tone_index(style)
    if target == where:
        return word
    chars = list(word)
    old = chars[where]
    chars[where] = toned(VOWEL_INFO[old][0], 0, old.isupper())
    new = chars[target]
    chars[target] = toned(VOWEL_INFO[new][0], tone, new.isupper())
    return "".join(chars)
