"""The words people finding decides with, read once from ``vntext/data/`` (see the generated
"People vocabularies" page): honorifics, title heads and modifiers, degree abbreviations, family names,
and the context words that end a title, open an organisation or make a name a place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..data import read_tsv


@dataclass(frozen=True)
class Vocabulary:
    heads: frozenset[str]  # title heads as written in the data (words joined by spaces)
    degrees: frozenset[str]  # degree abbreviations written alone: PGS, TS, ThS, BS, CKII ...
    degree_parts: frozenset[str]  # and the parts of those written with full stops inside: Th.S
    modifiers: frozenset[str]
    honorifics: dict[str, str | None]
    surnames: frozenset[str]  # common family names: a name may start with one without any cue
    rare_surnames: frozenset[str]  # every family name known: used after a cue, or before Văn/Thị
    compound_surnames: frozenset[str]
    foreign_families: frozenset[str]  # family names written first in Latin letters: Park, Kim, Yoon
    stops: frozenset[str]
    places: frozenset[str]
    institutions: frozenset[str]  # named after a person even with their kind in small words between
    credits: frozenset[str]
    countries: frozenset[str]
    countries_alone: frozenset[str]  # short names that are a country on their own: Mỹ, Nhật, Anh
    speech: frozenset[str]
    dynasties: frozenset[str]
    nations: frozenset[str]
    orgs: frozenset[str]  # words that open an organisation or a place: Sở, UBND, Công ty, TP
    agencies: frozenset[str]  # news and photo agencies, words of company names: Reuters, Getty Images
    scopes: frozenset[str]  # small words a title goes on with: tỉnh, xã, tối cao, thường trực
    joiners: frozenset[str]  # của, tại, và: inside a title only when a capitalised word follows
    not_names: frozenset[str]  # capitalised words that never start a name after a cue: Trời, Tết
    not_places: frozenset[str]  # words ending in a place word that are no place: môi trường, thị trường
    kin_compounds: frozenset[str]  # two kinship words that make a noun: "trẻ em", "anh em", "ông bà"

    # Derived from the fields above by :func:`derived` (plain fields, not cached properties, so the
    # compiled build keeps them: mypyc drops ``cached_property`` caching).
    name_starts: frozenset[str] = frozenset()  # family names and the first word of compound ones
    # Title heads as they are matched: as in the data or with a small first letter ("phó chủ tịch",
    # "đại tá"); a head written in capitals (HLV) only so.
    folded_heads: frozenset[str] = frozenset()
    # Heads left out of folded_heads in small letters because they are everyday words too ("kế toán",
    # "cán bộ"): right before a full name they are still its title.
    small_ambiguous_heads: frozenset[str] = frozenset()
    folded_modifiers: frozenset[str] = frozenset()
    # First word of a title head → the lengths (in words) of the heads it starts, longest first.
    head_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    honorific_ends: frozenset[str] = frozenset()  # last words of honorifics, small: "chí" of "đồng chí"
    # Words a title head or a modifier can start with, as written and in small letters: most words are
    # none of these, and are ruled out with one look-up.
    head_starts: frozenset[str] = frozenset()
    # Last words of honorifics and title heads (small first letter): the words a name may follow.
    cue_words: frozenset[str] = frozenset()
    # How title heads end, for a first look before a name: heads of one word (as matched), and the
    # last two words of longer ones (small letters). Most words end none, and are ruled out at once.
    single_heads: frozenset[str] = frozenset()
    head_tails: frozenset[str] = frozenset()

    def extended(self, titles: Iterable[str], honorifics: Iterable[str], families: Iterable[str]) -> Vocabulary:
        return derived(replace(
            self,
            heads=self.heads | frozenset(titles),
            honorifics={**self.honorifics, **{h: None for h in honorifics}},
            surnames=self.surnames | frozenset(families),
            rare_surnames=self.rare_surnames | frozenset(families),
        ))


def derived(v: Vocabulary) -> Vocabulary:
    """*v* with the look-up sets derived from its words filled in."""
    folded = {h for h in v.heads} | {h.lower() for h in v.heads if not h.isupper()}
    folded_heads = frozenset(folded - _AMBIGUOUS_LOWER)
    folded_modifiers = frozenset(v.modifiers | {m.lower() for m in v.modifiers})
    lengths: dict[str, set[int]] = {}
    for h in folded_heads:
        words = h.split()
        lengths.setdefault(words[0], set()).add(len(words))
    starts = {h.split()[0] for h in folded_heads} | {m.split()[0] for m in folded_modifiers}
    cues = {h.split()[-1] for h in folded_heads} | {h.split()[-1] for h in v.honorifics}
    single = [w for w in folded_heads | set(v.honorifics) if " " not in w]
    cues |= {w[:1].upper() + w[1:] for w in single}  # "Ông Hàm", "Bà Harris" where a sentence starts
    return replace(
        v,
        name_starts=v.surnames | {c.split()[0] for c in v.compound_surnames},
        folded_heads=folded_heads,
        small_ambiguous_heads=frozenset(h.lower() for h in v.heads if h.lower() in _AMBIGUOUS_LOWER),
        folded_modifiers=folded_modifiers,
        head_lengths={w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()},
        honorific_ends=frozenset(h.split()[-1] for h in v.honorifics),
        head_starts=frozenset(starts | {w.lower() for w in starts} | {w[:1].upper() + w[1:] for w in starts}),
        cue_words=frozenset(cues | v.degrees),
        single_heads=frozenset(h for h in folded_heads if " " not in h),
        head_tails=frozenset(" ".join(h.lower().split()[-2:]) for h in folded_heads if " " in h),
    )


# Heads that are also everyday words when written small: "lãnh đạo các sở", "tăng trưởng", "vua".
_AMBIGUOUS_LOWER = frozenset(
    "lãnh đạo|trưởng|thư ký|vua|anh hùng|trợ lý|cố vấn|thường trực|ông chủ|lính|sư|cha|sơ|"
    "đại biểu|thanh tra|kiểm toán|tổng kiểm toán|chiến sĩ|cán bộ|bộ đội|cảnh sát|trinh sát|"
    "đặc công|nhà sản xuất|nhà đầu tư|chủ nhà|chủ xe|chủ hộ|người đứng đầu|thủ trưởng|kế toán".split("|")
)


def _abbreviated(row: dict[str, str]) -> bool:
    """A degree or academic title written as an abbreviation: PGS, ThS, BS.CKII (not "Giáo sư")."""
    head = row["head"]
    if row["kind"] == "degree":
        return True
    return row["kind"] in ("academic", "honour") and " " not in head and any(c.isupper() for c in head[1:])


@lru_cache(maxsize=1)
def common_family_names() -> frozenset[str]:
    """The family names a name may start with without any cue (ten or more bearers in the sources)."""
    return frozenset(r["family_name"] for r in read_tsv("family_names.tsv") if r["kind"] == "single"
                     and (int(r["count"]) >= 10 or r["source"] == "vntext"))


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    context = read_tsv("person_context.tsv")

    def kind(k: str) -> frozenset[str]:
        return frozenset(r["word"] for r in context if r["kind"] == k)

    families = read_tsv("family_names.tsv")
    titles = read_tsv("titles.tsv")
    return derived(Vocabulary(
        heads=frozenset(r["head"] for r in titles if r["kind"] != "degree"),
        degrees=frozenset(r["head"] for r in titles if _abbreviated(r) and "." not in r["head"]),
        degree_parts=frozenset(p for r in titles if _abbreviated(r) for p in r["head"].split(".")),
        modifiers=frozenset(r["modifier"] for r in read_tsv("title_modifiers.tsv") if r["position"] == "before"),
        honorifics={r["honorific"]: (r["gender"] or None) for r in read_tsv("honorifics.tsv")},
        surnames=common_family_names(),
        rare_surnames=frozenset(r["family_name"] for r in families if r["kind"] == "single"),
        compound_surnames=frozenset(r["family_name"] for r in families if r["kind"] == "compound"),
        foreign_families=frozenset(r["family_name"] for r in read_tsv("foreign_family_names.tsv")),
        stops=kind("stop"),
        places=kind("place"),
        institutions=kind("institution"),
        credits=kind("credit"),
        countries=kind("country"),
        countries_alone=kind("country_alone"),
        speech=kind("speech"),
        dynasties=kind("dynasty"),
        nations=kind("nation"),
        orgs=kind("org"),
        agencies=kind("agency"),
        scopes=kind("scope"),
        joiners=kind("joiner"),
        not_names=kind("not_name"),
        not_places=kind("not_place"),
        kin_compounds=kind("kin_compound"),
    ))


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    return frozenset(r["place"] for r in read_tsv("places.tsv"))


@lru_cache(maxsize=1)
def longest_place() -> int:
    return max(len(p.split()) for p in known_places())


@lru_cache(maxsize=1)
def world_places() -> frozenset[str]:
    """Countries, territories and cities (CLDR): after a title, one of these is a place."""
    return frozenset(r["place"] for r in read_tsv("world_places.tsv"))
