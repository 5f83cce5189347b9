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

from editor.engine.rule import StoryRule
from editor.engine.story import Story
from editor.engine.style import HouseStyle

_DECORATION = "\"'“”‘’:;.,!?»«›‹>|•·…-–— \t\r\n"
_LAST_LINE = re.compile(r"(?:\r\n|\r|\n)([^\r\n]*)$")


def _scrape_lines(style: HouseStyle) -> frozenset[str]:
    return frozenset(line.casefold() for line in style.scrape_lines)


def _is_leftover(line: str, scrape_lines: frozenset[str]) -> bool:
    return line.strip(_DECORATION).casefold() in scrape_lines


def find(story: Story, style: HouseStyle) -> Iterator:
    text, paragraphs = story.text, story.paragraphs
    scrape_lines = style.compiled("scrape-lines", _scrape_lines)
    for index, paragraph in enumerate(paragraphs):
        last = index == len(paragraphs) - 1
        if _is_leftover(paragraph.text, scrape_lines):
            line_start, line_end = paragraph.start, paragraph.start + len(paragraph.text.rstrip())
            if last:
                start, end = (paragraphs[index - 1].end if index else 0), line_end
            else:
                start, end = paragraph.start, paragraphs[index + 1].start
        elif last and (trailing := _LAST_LINE.search(paragraph.text)) and _is_leftover(trailing.group(1), scrape_lines):
            line_start, line_end = paragraph.start + trailing.start(1), paragraph.start + trailing.end(1)
            start, end = paragraph.start + trailing.start(), line_end
        else:
            continue
        line = text[line_start:line_end].strip()
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
