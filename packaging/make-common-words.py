"""Writes resources/wordlists/common-words.txt from SCOWL's size-graded word lists (Debian's ``scowl``).

    apt-get install scowl && .venv/bin/python packaging/make-common-words.py

SCOWL grades English words by how common they are (10: the most common; 50:
what a small dictionary holds), American and British spellings alike. The
spelling rule looks for corrections among these words (the dictionary of the
style's locale then confirms them), ranks them by grade, and flags a
capitalised word only when the word it would correct it to is common enough.
"""

from pathlib import Path

SCOWL = Path("/usr/share/dict/scowl")
TARGET = Path(__file__).resolve().parents[1] / "resources" / "wordlists" / "common-words.txt"
# Grade written to the file: the SCOWL lists it is made of.
GRADES = {
    10: ["english-words.10", "english-upper.10", "american-words.10", "british-words.10"],
    20: ["english-words.20", "american-words.20", "british-words.20"],
    35: ["english-words.35", "english-upper.35", "english-proper-names.35", "american-words.35", "british-words.35"],
    50: [
        *(f"english-words.{size}" for size in (40, 50)),
        *(f"{kind}.{size}" for kind in ("english-upper", "english-proper-names") for size in (40, 50)),
        *(f"{spelling}-words.{size}" for spelling in ("american", "british") for size in (40, 50)),
    ],
}
NOTICE = """\
# Common English words by grade (10 most common, then 20, 35, 50), from SCOWL,
# made by packaging/make-common-words.py. Words with apostrophes are left out.
#
# Copyright 2000-2011 by Kevin Atkinson
#
# Permission to use, copy, modify, distribute and sell these word lists, the
# associated scripts, the output created from the scripts, and its
# documentation for any purpose is hereby granted without fee, provided that
# the above copyright notice appears in all copies and that both that
# copyright notice and this permission notice appear in supporting
# documentation. Kevin Atkinson makes no representations about the
# suitability of this array for any purpose. It is provided "as is" without
# express or implied warranty.
"""


def main() -> None:
    seen: set[str] = set()
    parts = [NOTICE]
    for grade, names in GRADES.items():
        words = set()
        for name in names:
            text = (SCOWL / name).read_text(encoding="utf-8", errors="replace")
            words.update(line.strip() for line in text.splitlines() if line.strip() and "'" not in line)
        fresh = sorted(words - seen)
        seen.update(fresh)
        parts.append(f"[{grade}]\n" + "\n".join(fresh) + "\n")
    TARGET.write_text("".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
