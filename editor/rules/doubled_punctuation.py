"""Doubled punctuation: ",," "..", ";;", "::" left by retyping.

The fix keeps one mark; "in the U.S.." becomes "in the U.S.". Only a mark
doubled right after a word (or a closing quote or bracket) counts, so these
are left alone: an ellipsis ("..." and "...." at a sentence's end), ranges
and paths ("1..10", "cd ..", "../data"), and code ("std::vector", "fe80::1",
"for (;;)"). "!!", "??", "?!" and "!?" are never flagged: they are a writer's
or a speaker's emphasis, a choice for the style rather than damage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.rule import ParagraphRule, pattern_issues
from editor.engine.style import HouseStyle

# Every alternative starts with its mark, so the scan can jump from mark to mark;
# the word or closing mark before is checked by a look-behind after it.
_AFTER_WORD = r"[\w\"”’)\]]"
_DOUBLED = re.compile(
    rf"\.(?<={_AFTER_WORD}\.)\.(?![.\w/\\])"
    rf"|,(?<={_AFTER_WORD},),+"
    rf"|;(?<={_AFTER_WORD};);+(?=\s|$)"
    rf"|:(?<={_AFTER_WORD}:):+(?=\s|$)"
)


# A pair of marks anywhere: most paragraphs have none, and are passed on this one search.
_ANY_DOUBLED = re.compile(r"\.\.|,,|;;|::")


def find(text: str, style: HouseStyle) -> Iterator:
    if not _ANY_DOUBLED.search(text):
        return ()
    return pattern_issues(
        RULE,
        _DOUBLED,
        text,
        "Punctuation mark written twice",
        "A doubled comma, full stop, colon or semicolon is typing damage; an ellipsis has three points.",
        lambda match: match.group()[0],
    )


RULE = ParagraphRule(
    id="doubled-punctuation",
    category="punctuation",
    severity="error",
    find=find,
    doc=__doc__,
    # Every alternative of _DOUBLED is one of these pairs of marks.
    needs=_ANY_DOUBLED,
    must_flag=(
        "The talks ended,, officials said.",
        "The talks ended..",
        "He listed them:: one, two.",
        "Troops left the U.S.. Officials said so.",
    ),
    must_pass=(
        "He paused... then spoke.",
        "It ended....",
        "Really?! she asked.",
        "Stop!! he shouted.",
        "The time was 10:30.",
        "See C:\\ drive.",
        "Pages 1..10 and the folder ../data.",
        "It uses std::vector and fe80::1.",
    ),
)
