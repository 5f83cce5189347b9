"""American and British spelling mixed: "defence" in an AP story, "criticized" in a British one.

The house style's ``locale`` (en-US or en-GB) decides; the word pairs are in
``resources/wordlists/spelling-us-gb.toml``. A capitalised word in mid-sentence
is taken for part of a name ("Department of Defense", "Pearl Harbor", "World
Trade Center", "Australian Labor Party") and left alone; words inside web and
email addresses are left alone too. Words the style lists under
``[words] spelling_exceptions`` are never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.rule import PARAGRAPH, Rule
from editor.engine.style import HouseStyle
from editor.engine.words import match_case

# Reading every word and looking it up is faster in Python than one pattern of all the words.
_LETTERS = re.compile(r"[A-Za-z]+")
_IN_ADDRESS_BEFORE = frozenset("@./-")
_IN_ADDRESS_AFTER = re.compile(r"[\w@]|[./-]\w")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’')]*\s+|[\"“]\s*|\n\s*)$")


def find(text: str, style: HouseStyle) -> Iterator:
    spellings = style.foreign_spellings
    locale = "American" if style.locale == "en-US" else "British"
    for match in _LETTERS.finditer(text):
        house = spellings.get(match.group().lower())
        if house is None:
            continue
        before = text[match.start() - 1] if match.start() else " "
        if before.isalnum() or before in _IN_ADDRESS_BEFORE or _IN_ADDRESS_AFTER.match(text, match.end()):
            continue
        word = match.group()
        if word[0].isupper() and not _SENTENCE_START.search(text, max(0, match.start() - 4), match.start()):
            continue
        if not (word.islower() or word.istitle()):
            continue
        replacement = match_case(house, word)
        yield RULE.issue(
            match.start(),
            match.end(),
            f"{locale} spelling ({style.name} style): “{replacement}”, not “{word}”",
            explanation=f"The {style.name} house style spells in {style.locale}; “{word}” is the other locale's spelling.",
            replacements=[replacement],
            group=f"spelling-locale:{house}",
        )


RULE = Rule(
    id="spelling-locale",
    category="spelling",
    severity="warning",
    scope=PARAGRAPH,
    find=find,
    doc=__doc__,
    must_flag=(
        "A defence official said the ministry had criticised the plan.",
        "Defence officials met on Monday.",
        "The programme was cancelled.",
        "The team travelled to the centre of town.",
    ),
    must_pass=(
        "A defense official said the ministry had criticized the plan.",
        "The Ministry of Defence said the drill was routine.",
        "He visited the World Trade Centre site.",
        "Details are at www.defence.example.org and press@defence.example.org.",
        "The computer program was canceled.",
    ),
)
