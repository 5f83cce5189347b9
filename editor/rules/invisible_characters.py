"""Invisible characters in words: zero-width spaces, soft hyphens, stray byte-order marks and non-breaking spaces.

Copy scraped from web pages carries characters that cannot be seen but break
searching, spelling and line breaking: a zero-width space, a word joiner or a
soft hyphen in or at the edge of a word, and a byte-order mark anywhere (files
are read without their leading one); the fix removes them. A non-breaking
space between two lowercase words is made a plain space. Left alone: the
zero-width joiner and non-joiner (emoji sequences, Persian and Indic
scripts), zero-width spaces in Thai, Lao, Khmer and Burmese, which mark the
word breaks those scripts write without spaces, and non-breaking spaces
after numbers or titles ("10 km", "Mr. Smith"), which are deliberate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.rule import ParagraphRule
from editor.engine.style import HouseStyle

_INVISIBLE_CHARS = "\u200b\u2060\u00ad\ufeff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")
# A letter or digit of a script that separates its words with spaces.
_SPACED_WORD_CHAR = re.compile(r"[^\W\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_STRAY_NBSP = re.compile(r"\u00a0(?<=[a-z\u00df-\u00f6\u00f8-\u00ff]\u00a0)(?=[a-z\u00df-\u00f6\u00f8-\u00ff])")
# Each issue is at an invisible character or a non-breaking space.
_ANY_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}\u00a0]")
_NAMES = {"\u200b": "zero-width space", "\u2060": "word joiner", "\ufeff": "byte-order mark", "\u00ad": "soft hyphen"}


def _touches_a_word(text: str, start: int, end: int) -> bool:
    return bool(
        (start and _SPACED_WORD_CHAR.match(text, start - 1)) or (end < len(text) and _SPACED_WORD_CHAR.match(text, end))
    )


def find(text: str, style: HouseStyle) -> Iterator:
    if _INVISIBLE.search(text):
        yield from _invisible(text)
    if "\u00a0" in text:
        yield from _stray_nbsp(text)


def _invisible(text: str) -> Iterator:
    for match in _INVISIBLE.finditer(text):
        if "\ufeff" not in match.group() and not _touches_a_word(text, match.start(), match.end()):
            continue
        yield RULE.issue(
            match.start(),
            match.end(),
            f"Invisible {_NAMES[match.group()[0]]} in the text",
            "Left over from a web page or a joined file: it cannot be seen but breaks searching, spelling and line breaks.",
            [""],
            group=RULE.id,
        )


def _stray_nbsp(text: str) -> Iterator:
    for match in _STRAY_NBSP.finditer(text):
        yield RULE.issue(
            match.start(),
            match.end(),
            "Non-breaking space between words",
            "Left over from a web page: a plain space lets the line break where it should.",
            [" "],
            group=f"{RULE.id}:nbsp",
        )


RULE = ParagraphRule(
    id="invisible-character",
    category="typo",
    severity="warning",
    find=find,
    doc=__doc__,
    needs=_ANY_INVISIBLE,
    must_flag=(
        "The min\u200bister said.",
        "A long-stand\u00ading dispute.",
        "the\u00a0minister said",
        "\u200bMinister said.",
        "The minister\ufeff said.",
    ),
    must_pass=(
        "A family \U0001f468\u200d\U0001f469\u200d\U0001f467 emoji.",
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        "\u0e20\u0e32\u0e29\u0e32\u200b\u0e44\u0e17\u0e22",
        "It is 10\u00a0km away, Mr.\u00a0Smith said.",
    ),
)
