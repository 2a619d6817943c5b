"""Regenerate vntext/data/legacy_8bit.tsv from the system's reference converters.

VISCII and TCVN 5712:1993 (VN1, which contains the ABC/"TCVN3" code page) come from glibc iconv;
VPS from GNU recode (Debian package ``recode``). Only bytes that do not decode to themselves as
Latin-1 are listed. Run: ``python scripts/generate_legacy_tables.py > vntext/data/legacy_8bit.tsv``.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata


def iconv_byte(b: int, enc: str) -> str | None:
    r = subprocess.run(["iconv", "-f", enc, "-t", "UTF-8"], input=bytes([b]), capture_output=True)
    return r.stdout.decode() if r.returncode == 0 and r.stdout else None


def recode_byte(b: int, enc: str) -> str | None:
    r = subprocess.run(["recode", f"{enc}..UTF-8"], input=bytes([b]), capture_output=True)
    return r.stdout.decode() if r.returncode == 0 and r.stdout else None


SOURCES = {
    "viscii": (iconv_byte, "VISCII", "glibc iconv VISCII"),
    "tcvn3": (iconv_byte, "TCVN5712-1", "glibc iconv TCVN5712-1"),
    "vps": (recode_byte, "VPS", "GNU recode 3.6 VPS"),
}


def main() -> None:
    out = sys.stdout
    out.write("encoding\tbyte\tcodepoint\tchar\tname\tsource\n")
    for name, (fn, enc, source) in SOURCES.items():
        for b in range(256):
            ch = fn(b, enc)
            if ch is None or len(ch) != 1 or ch == chr(b):
                continue
            label = unicodedata.name(ch, "")
            shown = ch if ch.isprintable() and unicodedata.category(ch) != "Mn" else ""
            out.write(f"{name}\t0x{b:02X}\tU+{ord(ch):04X}\t{shown}\t{label}\t{source}\n")


if __name__ == "__main__":
    main()
