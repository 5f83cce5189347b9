"""A sentence that starts with a lowercase letter: "sovereignty. this is".

Retyping and transmission damage loses capitals after a full stop. A full
stop that ends an abbreviation ("U.S.", "Gen.", "a.m.", "Mr.", initials) does
not end a sentence; the list is ``resources/wordlists/abbreviations.toml``.
Left alone: words after an ellipsis, a question or exclamation inside a
quotation followed by its attribution ('"Why?" he asked'), and words that
are not written with a capital ("iPhone", "eBay", web addresses).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.rule import ParagraphRule
from editor.engine.style import HouseStyle
from editor.engine.words import ends_sentence, token_before

# Starts at the mark, so the scan jumps from mark to mark; the word before is read after.
# The word is atomic: giving back its letters one by one to retry the look-ahead made a long word quadratic.
_AFTER_SENTENCE_END = re.compile(r"([.?!])([\"”’')\]]*)[^\S\r\n]+((?>[a-z][a-z'’]*))(?![\w./@-]*[A-Z./@])")


def find(text: str, style: HouseStyle) -> Iterator:
    for match in _AFTER_SENTENCE_END.finditer(text):
        mark, closers, word = match.groups()
        if not ends_sentence(token_before(text, match.start()), mark, closers):
            continue
        capitalised = word[0].upper() + word[1:]
        yield RULE.issue(
            match.start(3),
            match.end(3),
            f"Sentence starts with a lowercase letter: “{capitalised}”",
            "A capital was lost after the end of the previous sentence.",
            [capitalised],
        )


RULE = ParagraphRule(
    id="sentence-case",
    category="typo",
    severity="error",
    find=find,
    doc=__doc__,
    must_flag=(
        "It was a breach of sovereignty. this is unacceptable.",
        "Why did it fail? nobody knows.",
        "The talks ended. the delegates left.",
    ),
    must_pass=(
        "U.S. officials met at 9 a.m. on Tuesday.",
        "Lt. Gen. Smith and Mr. jones met.",
        "He paused... then spoke.",
        '"Why?" he asked.',
        '"Go home!" she shouted.',
        "Apple sold more phones. iPhone sales rose.",
        "The report is online. www.example.org has it.",
        "Author J. smith wrote it.",
        "It was cold. This is normal.",
    ),
)
