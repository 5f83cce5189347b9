"""Two or more spaces between words: "shelters  inland", "ended.  Both".

A leftover of typewriter habits and of joining lines; wire style uses one
space, after a full stop too. Left alone: indentation at the start of a line,
spaces at its end (invisible, and removed by most editors on save), tabs, and
tables laid out with spaces. A gap that could align a column is one that is
neither after a sentence's punctuation nor between two lowercase words; a line
with two of them ("Smith    12,345    48.1"), or a paragraph with them on two
lines, is taken for a table and left alone.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator

from editor.engine.rule import ParagraphRule
from editor.engine.style import HouseStyle

# The look-behind sits after the first space so that the scan can jump from space to space.
_DOUBLED = re.compile(r" (?<=\S )(?: )+(?=\S)")
# The gaps _DOUBLED finds but those between two lowercase ASCII letters (most of them): the only
# ones that could align a column. Weighing just these, the gaps themselves are read lazily,
# as far as the issues taken.
_MAYBE_COLUMN = re.compile(r" (?:(?<=[^\sa-z] )(?: )++(?=\S)|(?<=[a-z] )(?: )++(?=[^\sa-z]))")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Every gap _DOUBLED finds is two spaces or more.
_TWO_SPACES = re.compile("  ")
_AFTER_PUNCTUATION = re.compile(r"[.!?:;,][\"”’')\]]*$")


def _could_align_a_column(text: str, gap: re.Match[str]) -> bool:
    if text[gap.start() - 1].islower() and text[gap.end()].islower():
        return False
    return not _AFTER_PUNCTUATION.search(text, max(0, gap.start() - 4), gap.start())


def _column_gaps_per_line(text: str, breaks: list[int]) -> Counter:
    """How many gaps that could align columns each line has."""
    return Counter(
        bisect.bisect_right(breaks, gap.start())
        for gap in _MAYBE_COLUMN.finditer(text)
        if _could_align_a_column(text, gap)
    )


def find(text: str, style: HouseStyle) -> Iterator:
    if "  " not in text:
        return
    breaks = [match.end() for match in _LINE_BREAK.finditer(text)]
    columns = _column_gaps_per_line(text, breaks)
    if len(columns) > 1:
        return
    for gap in _DOUBLED.finditer(text):
        if columns and columns[bisect.bisect_right(breaks, gap.start())] > 1:
            continue
        yield RULE.issue(
            gap.start(),
            gap.end(),
            "More than one space between words",
            "Wire copy uses one space between words and after a full stop.",
            [" "],
            group=RULE.id,
        )


RULE = ParagraphRule(
    id="doubled-space",
    category="punctuation",
    severity="warning",
    find=find,
    doc=__doc__,
    needs=_TWO_SPACES,
    must_flag=(
        "Residents were moved to shelters  inland.",
        "The talks ended.  Both sides left.  Nobody spoke.",
        "Crews  worked through the  night.",
    ),
    must_pass=(
        "    Indented line of a table",
        "Name\tVotes\tShare",
        "Trailing spaces  \nNext line",
        "Smith     12,345     48.1",
        "Smith  12,345\nJones  11,002",
    ),
)
