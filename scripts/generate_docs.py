"""Write the documentation pages generated from vntext/data (run after editing a data file).

    python scripts/generate_docs.py

tests/test_docs.py fails when a generated page is out of date.
"""

from __future__ import annotations

from pathlib import Path

from vntext.data import read_tsv

DOCS = Path(__file__).resolve().parent.parent / "docs" / "generated"

CATEGORY_NAMES = {
    "party_state": "Party and state bodies",
    "ministry": "Ministries and government agencies",
    "press": "Press and agencies",
    "place": "Places",
    "education": "Education",
    "title": "Titles and honours (capitalised before a name)",
    "role": "Roles",
    "military_police": "Military, police and public safety",
    "economy": "Economy and business",
    "common": "Common nouns",
    "legal": "Legal documents",
    "signature": "Signature blocks of official documents (read at a line's start, in capitals too)",
    "international": "International acronyms (kept as written unless asked)",
}


def _cell(s: str) -> str:
    return s.replace("|", "\\|")


def abbreviations_page() -> str:
    rows = read_tsv("abbreviations.tsv")
    out = ["# Abbreviation dictionary", "",
           f"Generated from `vntext/data/abbreviations.tsv` ({len(rows)} entries) by `scripts/generate_docs.py`.",
           "The source column names the candidate lexicons that list the same reading; `vntext` marks entries",
           "written from real text for this project.", ""]
    for category, title in CATEGORY_NAMES.items():
        group = [r for r in rows if r["category"] == category]
        out += [f"## {title}", "", "| abbreviation | expansion | source |", "|---|---|---|"]
        out += [f"| `{_cell(r['abbreviation'])}` | {_cell(r['expansion'])} | {r['source']} |" for r in group]
        out.append("")
    rules = read_tsv("abbreviation_contexts.tsv")
    out += ["## Readings chosen by context", "",
            "The first rule that matches wins; `=` keeps the abbreviation as written.", "",
            "| abbreviation | reading | where | pattern | example |", "|---|---|---|---|---|"]
    out += [f"| `{_cell(r['abbreviation'])}` | {_cell(r['expansion'])} | {r['where']} | `{_cell(r['pattern'])}` "
            f"| {_cell(r['example'])} |" for r in rules]
    out += ["", "## What a company does, in its name", "",
            "Read only in a company's registered name (`vntext/data/company_kinds.tsv`): "
            "`Công ty TNHH SX-TM-DV Minh Phát`.", "",
            "| code | reading | alone after a legal form | source |", "|---|---|---|---|"]
    out += [f"| `{r['code']}` | {r['reading']} | {r['alone']} | {r['source']} |" for r in read_tsv("company_kinds.tsv")]
    return "\n".join(out) + "\n"


def people_page() -> str:
    out = ["# People vocabularies", "",
           "Generated from `vntext/data/` by `scripts/generate_docs.py`.", "", "## Honorifics", "",
           "| honorific | gender it states | note |", "|---|---|---|"]
    out += [f"| {r['honorific']} | {r['gender'] or '—'} | {r['note']} |" for r in read_tsv("honorifics.tsv")]
    out += ["", "## Title heads", "", "A title phrase starts with one of these (after any modifier) and goes on "
            "with its organisation and scope.", "", "| kind | heads |", "|---|---|"]
    kinds: dict[str, list[str]] = {}
    for r in read_tsv("titles.tsv"):
        kinds.setdefault(r["kind"], []).append(r["head"])
    out += [f"| {k} | {', '.join(v)} |" for k, v in kinds.items()]
    out += ["", "## Modifiers", "", "| modifier | where | meaning |", "|---|---|---|"]
    out += [f"| {r['modifier']} | {r['position']} | {r['meaning']} |" for r in read_tsv("title_modifiers.tsv")]
    out += ["", "## Context words", "", "Words around a name that decide what it is (`person_context.tsv`): "
            "`stop` ends a title, `joiner` stays inside one when a capitalised word follows, `scope` and `org` go "
            "on with a title's organisation, `place` before a name makes it a place, `agency` and `credit` mark "
            "bylines and photo credits.", "", "| kind | words |", "|---|---|"]
    context: dict[str, list[str]] = {}
    for r in read_tsv("person_context.tsv"):
        context.setdefault(r["kind"], []).append(r["word"])
    out += [f"| {k} | {', '.join(_cell(w) for w in v)} |" for k, v in context.items()]
    out += ["", "## Family names written first in Latin letters", "",
            ", ".join(r["family_name"] for r in read_tsv("foreign_family_names.tsv"))]
    families = read_tsv("family_names.tsv")
    out += ["", "## Family names", "", f"{len(families)} family names; the count is their frequency in the "
            "source name list.", "", "| family name | count | kind | source |", "|---|---|---|---|"]
    out += [f"| {r['family_name']} | {r['count']} | {r['kind']} | {r['source']} |" for r in families]
    return "\n".join(out) + "\n"


def dates_page() -> str:
    import json
    from datetime import date

    import vntext

    root = Path(__file__).resolve().parent.parent
    rows = [json.loads(line) for line in (root / "tests/cases/dates.jsonl").read_text(encoding="utf-8").splitlines()]
    out = ["# Supported date constructions", "",
           "Generated from `tests/cases/dates.jsonl` by `scripts/generate_docs.py`: every row is also a test.",
           f"Reference date: {rows[0]['ref']} (a Wednesday).", "",
           "| construction | text | start | end | grain | part of day | calendar |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        v = vntext.find_dates(r["text"], date.fromisoformat(r["ref"]))[0].value.to_dict()
        out.append(f"| {r['label']} | `{r['text']}` | {v['start']} | {v['end']} | {v['grain']} | "
                   f"{v['part_of_day'] or ''} | {v['calendar']} |")
    return "\n".join(out) + "\n"


def spoken_page() -> str:
    import json
    from datetime import date

    import vntext

    root = Path(__file__).resolve().parent.parent
    lines = (root / "tests/cases/verbalize.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    out = ["# Spoken forms, by kind", "",
           "Generated from `tests/cases/verbalize.jsonl` by `scripts/generate_docs.py`: every row is also a test",
           "(reference date 2024-06-30). The kinds of each span are what `find_spoken` reports.", "",
           "| kind | kind of text | written | spoken | spans |", "|---|---|---|---|---|"]
    for r in rows:
        spoken = vntext.verbalize(r["text"], reference=date(2024, 6, 30))
        kinds = ", ".join(sorted({m.kind for m in vntext.find_spoken(r["text"], reference=date(2024, 6, 30))}))
        out.append(f"| {r['kind']} | {r['source']} | {_cell(r['text'])} | {_cell(spoken)} | {kinds} |")
    return "\n".join(out) + "\n"


PAGES = {"abbreviations.md": abbreviations_page, "people.md": people_page, "dates.md": dates_page,
         "spoken.md": spoken_page}


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    for name, build in PAGES.items():
        (DOCS / name).write_text(build(), encoding="utf-8")


if __name__ == "__main__":
    main()
