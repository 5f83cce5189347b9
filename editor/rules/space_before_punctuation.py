"""A space before a comma, full stop, colon, semicolon, question or exclamation mark.

"moved inland , officials said" is retyping damage; the fix removes the space
("inland, officials"), and where the space slipped to the wrong side of a
comma or semicolon ("inland ,officials") puts it back after the mark.
Left alone: an ellipsis, spaced or not (" ...", " . . ."), a decimal without
its leading zero (" .5 percent"), names and file types (".NET", " .pdf"),
numbers (" ,000"), ratios ("3 : 1"), emoticons (" :)", " ;-)"), and the
spaces French puts before its marks inside « guillemets ».
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from editor.engine.rule import ParagraphRule
from editor.engine.style import HouseStyle

# The look-behind sits after the first space so that the scan can jump from space to space.
_SPACE_BEFORE = re.compile(
    r" (?<=[\w\"”’»)\]%] ) *"
    r"(?:[,;](?![\d\-()])|\.(?![.\w])(?![^\S\r\n]\.)|:(?=\s|$)(?!\s*«)|[?!]+(?=[\s\"”’)\]]|$))"
)
_RATIO = re.compile(r"\s*\d")
# A space right before a mark anywhere: most paragraphs have none, and are passed on this one search.
_SPACE_THEN_MARK = re.compile(r" [,;.:?!]")


def _french_quotes(text: str) -> list[int]:
    """Starts and ends of « quotations », flattened, for bisect."""
    edges = []
    # str.find, not a pattern: a pattern tried at every « of a text with no » reads to the end each time.
    start = text.find("«")
    while start != -1:
        end = text.find("»", start)
        if end == -1:
            break
        edges += [start, end + 1]
        start = text.find("«", end + 1)
    return edges


def find(text: str, style: HouseStyle) -> Iterator:
    if not _SPACE_THEN_MARK.search(text):
        return
    french = _french_quotes(text)
    for match in _SPACE_BEFORE.finditer(text):
        start, end = match.span()
        mark = match.group().lstrip()
        if bisect.bisect_right(french, start) % 2 == 1:
            continue
        if mark == ":" and text[start - 1].isdigit() and _RATIO.match(text, end):
            continue
        space_after = " " if end < len(text) and text[end].isalpha() else ""
        yield RULE.issue(
            start,
            end,
            "Space before punctuation",
            "Commas, full stops, colons, semicolons, question and exclamation marks follow the word directly.",
            [mark + space_after],
            group=RULE.id,
        )


RULE = ParagraphRule(
    id="space-before-punctuation",
    category="punctuation",
    severity="warning",
    find=find,
    doc=__doc__,
    # The last space of every _SPACE_BEFORE match stands right before its mark.
    needs=_SPACE_THEN_MARK,
    must_flag=(
        "Residents moved inland , officials said.",
        "Residents moved inland ,officials said.",
        "The talks ended .",
        "Why did it fail ?",
        "He listed three demands : a ceasefire, aid and talks.",
    ),
    must_pass=(
        "He paused ... then spoke.",
        "He paused . . . then spoke.",
        "Rates rose by .5 percent.",
        "It runs on .NET software.",
        "The odds were 3 : 1.",
        "Il a dit « Non ! » aux journalistes.",
        "Residents moved inland, officials said.",
    ),
)
