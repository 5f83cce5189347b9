"""Two or more spaces between words: "shelters  inland".

A leftover of typewriter habits and of joining lines; wire style uses one
space. Indentation at the start of a line and spaces at its end are left
alone, and so are tabs, which some wire copy uses to lay out tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.rule import PARAGRAPH, Rule, pattern_issues
from editor.engine.style import HouseStyle

# The look-behind sits after the first space so that the scan can jump from space to space.
_DOUBLED = re.compile(r" (?<=\S )(?: )+(?=\S)")


def find(text: str, style: HouseStyle) -> Iterator:
    return pattern_issues(
        RULE,
        _DOUBLED,
        text,
        "More than one space between words",
        "Wire copy uses one space between words and after a full stop.",
        lambda match: " ",
    )


RULE = Rule(
    id="doubled-space",
    category="punctuation",
    severity="warning",
    scope=PARAGRAPH,
    find=find,
    doc=__doc__,
    must_flag=("Residents were moved to shelters  inland.", "The talks ended.  Both sides left."),
    must_pass=("    Indented line of a table", "Name\tVotes\tShare", "Trailing spaces  \nNext line"),
)
