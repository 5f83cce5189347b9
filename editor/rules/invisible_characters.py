"""Invisible characters inside words: zero-width spaces, soft hyphens, stray non-breaking spaces.

Copy scraped from web pages carries characters that cannot be seen but break
searching, spelling and line breaking: a zero-width space, a word joiner, a
byte-order mark or a soft hyphen inside a word (the fix removes it), and a
non-breaking space between two lowercase words (the fix makes it a plain
space). Left alone: the zero-width joiner inside emoji sequences and the
zero-width non-joiner of Persian and other scripts, and non-breaking spaces
after numbers or titles ("10 km", "Mr. Smith"), which are deliberate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.rule import PARAGRAPH, Rule
from editor.engine.style import HouseStyle

# The look-behinds sit after the invisible character so that the scan can jump to it.
_INSIDE_WORD = re.compile(r"[\u200b\u2060\ufeff\u00ad](?<=\w.)[\u200b\u2060\ufeff\u00ad]*(?=\w)")
_STRAY_NBSP = re.compile(r"\u00a0(?<=[a-z]\u00a0)(?=[a-z])")
_NAMES = {"\u200b": "zero-width space", "\u2060": "word joiner", "\ufeff": "byte-order mark", "\u00ad": "soft hyphen"}


def find(text: str, style: HouseStyle) -> Iterator:
    for match in _INSIDE_WORD.finditer(text):
        name = _NAMES[match.group()[0]]
        yield RULE.issue(
            match.start(),
            match.end(),
            f"Invisible {name} inside a word",
            "Left over from a web page: it cannot be seen but breaks searching, spelling and line breaks.",
            [""],
        )
    for match in _STRAY_NBSP.finditer(text):
        yield RULE.issue(
            match.start(),
            match.end(),
            "Non-breaking space between words",
            "Left over from a web page: a plain space lets the line break where it should.",
            [" "],
        )


RULE = Rule(
    id="invisible-character",
    category="typo",
    severity="warning",
    scope=PARAGRAPH,
    find=find,
    doc=__doc__,
    must_flag=("The min\u200bister said.", "A long-stand\u00ading dispute.", "the\u00a0minister said"),
    must_pass=(
        "A family \U0001f468\u200d\U0001f469\u200d\U0001f467 emoji.",
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        "It is 10\u00a0km away, Mr.\u00a0Smith said.",
    ),
)
