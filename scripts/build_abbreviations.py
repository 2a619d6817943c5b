"""Keep the source column of vntext/data/abbreviations.tsv true: for every entry, the candidate lexicons
(../shared/lexicons) that list the same abbreviation with the same reading, compared without case and
tone-style differences, or ``vntext`` when none does (the entry was written here from real text).

The table itself is the reviewed list: add or change a row there (``abbreviation``, ``expansion``,
``category``, any source), then run::

    python scripts/build_abbreviations.py ../shared/lexicons          # rewrite the source column
    python scripts/build_abbreviations.py ../shared/lexicons --check  # exit 1 if a source is wrong

A note in brackets after ``vntext`` ("vntext (written without its Đ)") is kept.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "vntext" / "data" / "abbreviations.tsv"


def key(s: str) -> str:
    s = unicodedata.normalize("NFD", s.casefold())
    return "".join(c for c in s if unicodedata.category(c) != "Mn").replace("đ", "d").strip()


def attestations(lexicons: Path) -> dict[str, set[tuple[str, str]]]:
    """Every (reading key, lexicon name) each abbreviation has in the candidate lexicons."""
    attested: dict[str, set[tuple[str, str]]] = {}

    def add(abbr: str, expansion: str, source: str) -> None:
        attested.setdefault(abbr.strip().upper(), set()).add((key(expansion), source))

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
    return attested


def sources(row: dict[str, str], attested: dict[str, set[tuple[str, str]]]) -> str:
    found = sorted({s for e, s in attested.get(row["abbreviation"].upper(), ()) if e == key(row["expansion"])})
    if found:
        return ",".join(found)
    note = row["source"].partition(" (")[2]
    return f"vntext ({note}" if note else "vntext"


def main() -> None:
    lexicons, check = Path(sys.argv[1]), "--check" in sys.argv[2:]
    attested = attestations(lexicons)
    with open(TABLE, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    true = [sources(r, attested) for r in rows]
    wrong = [(r["abbreviation"], r["source"], s) for r, s in zip(rows, true, strict=True) if r["source"] != s]
    if check:
        for abbr, was, should in wrong:
            print(f"{abbr}: source {was!r} should be {should!r}")
        sys.exit(1 if wrong else 0)
    for r, s in zip(rows, true, strict=True):
        r["source"] = s
    with open(TABLE, "w", encoding="utf-8", newline="") as f:
        columns = ["abbreviation", "expansion", "category", "source"]
        out = csv.DictWriter(f, columns, delimiter="\t", lineterminator="\n")
        out.writeheader()
        out.writerows(rows)
    print(f"{len(rows)} entries, {len(wrong)} sources corrected")


if __name__ == "__main__":
    main()
