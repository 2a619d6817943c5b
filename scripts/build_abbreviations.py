"""Build vntext/data/abbreviations.tsv from the reviewed entry list, recording where each entry is
attested. Run: python scripts/build_abbreviations.py ENTRIES.txt ../shared/lexicons > vntext/data/abbreviations.tsv

ENTRIES.txt has one reviewed entry per line, ``ABBR|Expansion|category``. An entry's source is every
candidate lexicon that lists the same abbreviation with the same expansion (compared without case
and tone-style differences), or ``vntext`` when it was written here from real text.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

# Readings dropped on review: too ambiguous for a dictionary default, or not what news text means.
DROPPED = set(
    """CT TT TT. HP HQ LS TB TC ĐT CN TN HT DS KS CK ĐV VH ĐTC NCC TTH ĐPT UV QĐ H. P. Q. AN NS TE KT XH VC CC
    BT NB BN HD CV KL NV GD YT MT QP SX KD TM DV BH LĐ CB BRICS VTC BBC CNN AFP AP IELTS USB VNA PTTH""".split()
)
DEFAULTS = {"BTC": "Ban Tổ chức", "BTV": "Ban Thường vụ", "CĐ": "Cao đẳng", "QH": "Quốc hội", "TCT": "Tổng công ty"}


def key(s: str) -> str:
    s = unicodedata.normalize("NFD", s.casefold())
    return "".join(c for c in s if unicodedata.category(c) != "Mn").replace("đ", "d").strip()


def main() -> None:
    entries_path, lexicons = Path(sys.argv[1]), Path(sys.argv[2])
    attested: dict[str, set[tuple[str, str]]] = {}

    def add(abbr: str, expansion: str, source: str) -> None:
        attested.setdefault(abbr.upper(), set()).add((key(expansion), source))

    for line in (lexicons / "soe-vinorm/abbreviations.txt").read_text(encoding="utf-8").splitlines():
        if ":" in line:
            abbr, exps = line.split(":", 1)
            for e in exps.split(","):
                add(abbr, e, "soe-vinorm")
    for line in (lexicons / "vinorm/Acronyms.txt").read_text(encoding="utf-8").splitlines():
        if "#" in line:
            abbr, e = line.strip().split("#", 1)
            add(abbr, e, "vinorm")
    with open(lexicons / "g2p-hamster/g2p-hamster_abbrev_vi.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            add(row["key"], row["verbal_vi"], "g2p-hamster")

    seen: set[str] = set()
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["abbreviation", "expansion", "category", "source"])
    for line in entries_path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        abbr, expansion, category = line.split("|")
        if abbr in DROPPED or abbr in seen or (abbr in DEFAULTS and DEFAULTS[abbr] != expansion):
            continue
        seen.add(abbr)
        sources = sorted(s for e, s in attested.get(abbr.upper(), ()) if e == key(expansion))
        out.writerow([abbr, expansion, category, ",".join(sources) or "vntext"])


if __name__ == "__main__":
    main()
