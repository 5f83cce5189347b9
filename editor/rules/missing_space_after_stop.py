"""A sentence's full stop with no space after it: "in Syria.The minister said".

Joined sentences are a common transmission fault. Only a word that ends in two
letters ("town", "NHS", "$500m", "1940s"), a full stop and a capitalised word
count, so abbreviations with points ("U.S.", "e.g.", "a.m."), decimals and
version numbers ("3.5", "v2.1"), initials ("J.R.R."), ellipses and web or
file names ("reuters.com", "Node.js", "index.html", "www.example.org",
"Reuters.Com", "john.Smith@example.org") are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.rule import ParagraphRule
from editor.engine.style import HouseStyle

# Starts at the full stop (the scan jumps from stop to stop); the word before is checked after.
_JOINED = re.compile(r"\.(?<=[A-Za-z0-9][A-Za-z]\.)(?=([A-Z][a-z]+[A-Za-z]*)\b(?![@(_/]|\.\w))")
# The whole word before, so that a path or an address ("example.org/News.Html") is left alone.
_WORD_BEFORE = re.compile(r"(?<![\w./@\\])\$?[A-Za-z0-9]+$")
# Written capitalised, these end web and file names more often than they start sentences.
_NAME_ENDINGS = frozenset(
    """com org net gov edu mil int io co uk eu ru de fr cn jp au ca info biz tv ly html htm php
    aspx js ts py rb exe dll pdf doc docx xls xlsx ppt pptx txt csv jpg jpeg png gif svg mp3 mp4
    mov zip json xml""".split()
)


def find(text: str, style: HouseStyle) -> Iterator:
    for match in _JOINED.finditer(text):
        start = match.start()
        if match.group(1).casefold() in _NAME_ENDINGS:
            continue
        if not _WORD_BEFORE.search(text, max(0, start - 40), start):
            continue
        yield RULE.issue(
            start,
            start + 1,
            "No space after a full stop",
            "Two sentences run together; a space belongs after the full stop.",
            [". "],
            group=RULE.id,
        )


RULE = ParagraphRule(
    id="missing-space-after-stop",
    category="punctuation",
    severity="error",
    find=find,
    doc=__doc__,
    # Each issue is at a match of _JOINED. Where the paragraph ends after the capitalised word, its
    # ``\b`` and ``(?!...)`` hold as well before the line break that follows it in the story.
    needs=_JOINED,
    must_flag=(
        "Troops entered the town.The minister said it was calm.",
        "Troops entered Syria.The minister said it was calm.",
        "It cost the NHS.They paid $500m.It was the most since the 1940s.Of the rest, none.",
        "It was the index.LeFevre said so, and the artists.OutKast agreed.",
    ),
    must_pass=(
        "U.S. officials met at 9 a.m. Tuesday.",
        "The rate rose to 3.5 percent.",
        "See reuters.com for details, or Reuters.Com.",
        "It was built with Node.js and served as index.html.",
        "Author J.R.R. Tolkien wrote it.",
        "Write to john.Smith@example.org today.",
        "He paused...Then spoke.",
        "Troops entered the town. The minister said it was calm.",
    ),
)
