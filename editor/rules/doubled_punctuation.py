"""Doubled punctuation: ",," "..", ";;", "::" left by retyping.

The fix keeps one mark. An ellipsis ("...") is not a doubled full stop, "?!"
is a choice and not a typo, and "!!" or "??" inside a quotation is the
speaker's emphasis and left alone outside running text too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.rule import PARAGRAPH, Rule, pattern_issues
from editor.engine.style import HouseStyle

# Every alternative starts with its mark, so the scan can jump from mark to mark.
_DOUBLED = re.compile(r"\.(?<!\.\.)\.(?!\.)|,,+|;;+|::+")


def find(text: str, style: HouseStyle) -> Iterator:
    return pattern_issues(
        RULE,
        _DOUBLED,
        text,
        "Punctuation mark written twice",
        "A doubled comma, full stop, colon or semicolon is typing damage; an ellipsis has three points.",
        lambda match: match.group()[0],
    )


RULE = Rule(
    id="doubled-punctuation",
    category="punctuation",
    severity="error",
    scope=PARAGRAPH,
    find=find,
    doc=__doc__,
    must_flag=("The talks ended,, officials said.", "The talks ended..", "He listed them:: one, two."),
    must_pass=("He paused... then spoke.", "Really?! she asked.", "The time was 10:30.", "See C:\\ drive."),
)
