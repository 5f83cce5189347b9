"""Web-page leftovers on a line of their own: "Latest News", "Advertisement", "Read more".

Copy taken from a web page carries the page's furniture. Such a line is
flagged when it stands alone as a paragraph, or as the last line of the story,
and the fix deletes it with the blank lines it leaves behind. The lines are
``resources/wordlists/scrape-lines.toml`` plus the house style's
``[words] scrape_lines``, matched whole, ignoring case and trailing
punctuation; a sentence that merely contains the words is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import repeat

from editor.engine.rule import StoryRule
from editor.engine.story import Story
from editor.engine.style import HouseStyle

_DECORATION = "\"'“”‘’:;.,!?»«›‹>|•·…-–— \t\r\n"
_LAST_LINE = re.compile(r"(?:\r\n|\r|\n)([^\r\n]*)$")


def _scrape_lines(style: HouseStyle) -> frozenset[str]:
    return frozenset(line.casefold() for line in style.scrape_lines)


def _folded(line: str) -> str:
    return line.strip(_DECORATION).casefold()


def _leftovers(story: Story, scrape_lines: frozenset[str]) -> Iterator[tuple[int, int, int, int]]:
    """Where each leftover line is, and the span its fix deletes: the paragraph and the blank lines
    after it, or, for the story's last paragraph or last line, the blank lines before it."""
    paragraphs = story.paragraphs
    last = len(paragraphs) - 1
    # Every paragraph stripped and folded by ``map``, in C: a hostile text has hundreds of thousands.
    folded = map(str.casefold, map(str.strip, story.paragraph_texts, repeat(_DECORATION)))
    for index in [index for index, line in enumerate(folded) if line in scrape_lines]:
        paragraph = paragraphs[index]
        line_end = paragraph.start + len(paragraph.text.rstrip())
        if index == last:
            yield paragraph.start, line_end, (paragraphs[index - 1].end if index else 0), line_end
            return
        yield paragraph.start, line_end, paragraph.start, paragraphs[index + 1].start
    if paragraphs and (trailing := _LAST_LINE.search(paragraphs[last].text)):
        if _folded(trailing.group(1)) in scrape_lines:
            offset = paragraphs[last].start
            line_start, line_end = offset + trailing.start(1), offset + trailing.end(1)
            yield line_start, line_end, offset + trailing.start(), line_end


def find(story: Story, style: HouseStyle) -> Iterator:
    scrape_lines = style.compiled("scrape-lines", _scrape_lines)
    for line_start, line_end, start, end in _leftovers(story, scrape_lines):
        line = story.text[line_start:line_end].strip()
        yield RULE.issue(
            start,
            end,
            f"Web-page leftover: “{line}”",
            "A line that the web page put around the story, carried in by copying or scraping; it is not part of the copy.",
            [""],
        )


RULE = StoryRule(
    id="scrape-leftover",
    category="style",
    severity="warning",
    find=find,
    doc=__doc__,
    must_flag=(
        "The talks ended on Friday.\n\nLatest News",
        "The talks ended on Friday.\n\nAdvertisement\n\nBoth sides left.",
        "The talks ended on Friday.\nRead more »",
    ),
    must_pass=(
        "Read more about the talks in our report.",
        "Latest news from the front\n\nThe talks ended.",
        "The talks ended.\n\nOfficials said they would meet again.",
    ),
)
