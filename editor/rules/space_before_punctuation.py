"""A space before a comma, full stop, colon, semicolon, question or exclamation mark.

"moved inland , officials said" is retyping damage; the fix removes the space.
Left alone: an ellipsis (" ..."), a decimal without its leading zero
(" .5 percent"), names such as ".NET", and the space before a colon or
exclamation mark in quoted French (« Non ! »), which follows French rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.rule import PARAGRAPH, Rule, pattern_issues
from editor.engine.style import HouseStyle

# The look-behind sits after the first space so that the scan can jump from space to space.
_SPACE_BEFORE = re.compile(r"[^\S\r\n](?<=[\w\"”’)][^\S\r\n])[^\S\r\n]*(?:[,;]|\.(?![.\w])|[:?!](?=\s|$))(?![^«]*»)")


def find(text: str, style: HouseStyle) -> Iterator:
    return pattern_issues(
        RULE,
        _SPACE_BEFORE,
        text,
        "Space before punctuation",
        "Commas, full stops, colons, semicolons, question and exclamation marks follow the word directly.",
        lambda match: match.group().lstrip(),
    )


RULE = Rule(
    id="space-before-punctuation",
    category="punctuation",
    severity="warning",
    scope=PARAGRAPH,
    find=find,
    doc=__doc__,
    must_flag=(
        "Residents moved inland , officials said.",
        "The talks ended .",
        "Why did it fail ?",
        "He listed three demands : a ceasefire, aid and talks.",
    ),
    must_pass=(
        "He paused ... then spoke.",
        "Rates rose by .5 percent.",
        "It runs on .NET software.",
        "Il a dit « Non ! » aux journalistes.",
        "Residents moved inland, officials said.",
    ),
)
