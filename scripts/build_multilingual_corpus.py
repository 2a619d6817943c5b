"""Build tests/data/multilingual.tsv: words and names of 45 languages and scripts from the Unicode CLDR
(through Babel), for the test that normalize() leaves text that is not Vietnamese alone.

Each line holds one locale's month names, weekday names, or eight of its territory names, as CLDR
spells them (NFC, with the locale's own diacritics and scripts). Run: python scripts/build_multilingual_corpus.py
Source: Unicode CLDR via Babel (babel.pocoo.org); CLDR data is under the Unicode licence (unicode.org/copyright.html).
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale

LOCALES = (
    "es pt fr de it is pl cs sk hu ro tr nl da sv nb fi et lv lt hr sr_Latn sl sq ca eu gl ga cy mt az "
    "zh ja ko ru uk el ar he hi th ka hy sw fil id yo"
).split()
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "multilingual.tsv"


def main() -> None:
    rows = ["locale\ttext"]
    for code in LOCALES:
        loc = Locale.parse(code)
        rows.append(f"{code}\t" + ", ".join(loc.months["format"]["wide"].values()))
        rows.append(f"{code}\t" + ", ".join(loc.days["format"]["wide"].values()))
        names = [name for key, name in sorted(loc.territories.items()) if key.isalpha()]
        for i in range(0, len(names), 8):
            rows.append(f"{code}\t" + ", ".join(names[i : i + 8]).replace("\t", " "))
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows) - 1} lines, {len(LOCALES)} locales -> {OUT}")


if __name__ == "__main__":
    main()
