"""A sentence's full stop with no space after it: "in Syria.The minister said".

Joined sentences are a common transmission fault. Only a lowercase word, a
full stop and a capitalised word count, so abbreviations ("U.S.", "e.g.",
"a.m."), decimals ("3.5"), initials ("J.R.R.") and web or file names
("reuters.com", "Node.js", "www.example.org") are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.rule import PARAGRAPH, Rule, pattern_issues
from editor.engine.style import HouseStyle

# Starts at the full stop (the scan jumps from stop to stop); the word before is checked after.
_JOINED = re.compile(r"\.(?<=[a-z]{2}\.)(?=[A-Z][a-z]+\b)")
_WORD_BEFORE = re.compile(r"(?<![\w./@])[a-z]+$")


def find(text: str, style: HouseStyle) -> Iterator:
    for match in _JOINED.finditer(text):
        start = match.start()
        if not _WORD_BEFORE.search(text, max(0, start - 40), start):
            continue
        yield RULE.issue(
            start,
            start + 1,
            "No space after a full stop",
            "Two sentences run together; a space belongs after the full stop.",
            [". "],
        )


RULE = Rule(
    id="missing-space-after-stop",
    category="punctuation",
    severity="error",
    scope=PARAGRAPH,
    find=find,
    doc=__doc__,
    must_flag=("Troops entered the town.The minister said it was calm.",),
    must_pass=(
        "U.S. officials met at 9 a.m. Tuesday.",
        "The rate rose to 3.5 percent.",
        "See reuters.com for details.",
        "It was built with Node.js and served as index.html.",
        "Author J.R.R. Tolkien wrote it.",
        "Troops entered the town. The minister said it was calm.",
    ),
)
