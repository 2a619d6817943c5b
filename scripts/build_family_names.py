"""Build vntext/data/family_names.tsv: Vietnamese family names with their frequency in an openly
licensed name list (../shared/lexicons/names/uit_member.json, MIT, duyet/vietnamese-namedb).

    python scripts/build_family_names.py ../shared/lexicons/names/uit_member.json > vntext/data/family_names.tsv

Only names that are Vietnamese syllables and occur at least twice are kept; compound family names
and well-known ones the list happens to miss are added with source "vntext".
"""

from __future__ import annotations

import collections
import json
import sys
import unicodedata

sys.path.insert(0, ".")
from vntext.syllable import parse_syllable

DROPPED = {"Văn", "Thị"}  # middle names in almost every use
EXTRA = {  # compound family names, and common ones the list misses
    "Tôn Nữ": "compound", "Tôn Thất": "compound", "Âu Dương": "compound", "Tư Mã": "compound",
    "Công Tôn": "compound", "Gia Cát": "compound", "Thượng Quan": "compound", "Đoàn Nguyễn": "compound",
    "Tô": "", "Lương": "", "Mạc": "", "Khổng": "", "Thích": "",  # Thích: the Buddhist monastic surname
}


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        people = json.load(f)
    counts: collections.Counter[str] = collections.Counter()
    for p in people:
        family = unicodedata.normalize("NFC", (p.get("last_name_group") or "").strip())
        if family and " " not in family and parse_syllable(family) is not None and family[0].isupper():
            counts[family] += 1
    print("family_name\tcount\tkind\tsource")
    for name, n in counts.most_common():
        if n >= 2 and name not in DROPPED:
            print(f"{name}\t{n}\tsingle\tuit_member.json")
    for name, kind in EXTRA.items():
        if name not in counts or counts[name] < 2:
            print(f"{name}\t0\t{kind or 'single'}\tvntext")


if __name__ == "__main__":
    main()
