"""A space on one side of a compound's hyphen: "usa -backed", "pro- Assad".

Transmission and retyping damage splits compounds; the fix closes the gap.
Left alone: suspended hyphens ("pro- and anti-war", "two- or three-day"),
spaced hyphens used as dashes ("war - and peace"), minus signs ("-5 degrees")
and list bullets at the start of a line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.rule import PARAGRAPH, Rule, pattern_issues
from editor.engine.style import HouseStyle

# Each pattern starts with a space or the hyphen so that the scan can jump to them;
# the letter before is checked by a look-behind placed after that first character.
_SPACE_BEFORE = re.compile(r"[^\S\r\n](?<=[^\W\d_][^\S\r\n])[^\S\r\n]*-(?=[^\W\d_]{2,})")
_SPACE_AFTER = re.compile(r"-(?<=[^\W\d_]-)[^\S\r\n]+(?=[^\W\d_])(?!(?:and|or|to|nor)\b)")


def find(text: str, style: HouseStyle) -> Iterator:
    for pattern in (_SPACE_BEFORE, _SPACE_AFTER):
        yield from pattern_issues(
            RULE,
            pattern,
            text,
            "Space inside a hyphenated compound",
            "A compound such as “U.S.-backed” or “pro-government” is written without spaces "
            "around its hyphen; the gap is usually transmission damage.",
            lambda match: "-",
        )


RULE = Rule(
    id="hyphen-spacing",
    category="punctuation",
    severity="error",
    scope=PARAGRAPH,
    find=find,
    doc=__doc__,
    must_flag=(
        "Fighters backed by usa -backed groups advanced.",
        "A pro- Assad militia attacked.",
    ),
    must_pass=(
        "Both pro- and anti-war groups marched.",
        "A two- or three-day visit is planned.",
        "The war - and the peace - changed everything.",
        "Temperatures fell to -5 degrees.",
        "- a list item",
        "U.S.-backed fighters advanced.",
    ),
)
