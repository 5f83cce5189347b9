"""A quotation mark opened and never closed, or closed and never opened.

Read paragraph by paragraph, double marks only (see ``editor.engine.quotes``).
The wire convention for a quote that runs on over several paragraphs (no
closing mark, the next paragraph opens with a mark) is not an error. No fix
is offered: only the editor knows where the quote was meant to end.
"""

from __future__ import annotations

from collections.abc import Iterator

from editor.engine.quotes import story_quotes
from editor.engine.rule import STORY, Rule
from editor.engine.story import Story
from editor.engine.style import HouseStyle


def find(story: Story, style: HouseStyle) -> Iterator:
    _, stray_closing, unclosed = story_quotes(story).pairing
    for mark in unclosed:
        yield RULE.issue(
            mark.offset,
            mark.offset + 1,
            "Quotation mark opened and not closed",
            "No closing mark follows in this paragraph, and the next paragraph does not carry the quote on "
            "by opening with a quotation mark.",
        )
    for mark in stray_closing:
        yield RULE.issue(
            mark.offset,
            mark.offset + 1,
            "Quotation mark closed but never opened",
            "No opening mark comes before this closing mark in the paragraph.",
        )


RULE = Rule(
    id="unbalanced-quote",
    category="quotes",
    severity="error",
    scope=STORY,
    find=find,
    doc=__doc__,
    must_flag=(
        '"We will not retreat, the general said.',
        "We will not retreat,” the general said.",
        '"We will not retreat," the general said. "Never.\n\nThe talks ended.',
    ),
    must_pass=(
        '"We will not retreat," the general said.',
        '"We will fight on," he said. "We have no choice.\n\n"And we will win," he added.',
        "The screen measures 12\" across, and he is 5'11\" tall.",
        "“We will not retreat,” the general said.",
    ),
)
