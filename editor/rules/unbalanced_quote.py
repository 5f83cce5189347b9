"""A quotation mark opened and never closed, or closed and never opened.

Read paragraph by paragraph, double marks only (see ``editor.engine.quotes``):
apostrophes make single marks too noisy to pair, and inch marks (``a 12"
screen``, ``5'11"``) are no quotes at all. The wire convention for a quote that
runs on over several paragraphs (no closing mark, the next paragraph opens with
a mark) is not an error. No fix is offered: only the editor knows where the
quote was meant to end. Where a story has too many marks to be read as copy
(a table, a dump), one notice says that its quotes were not checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from editor.engine.issues import limit_notice
from editor.engine.quotes import story_quotes
from editor.engine.rule import StoryRule
from editor.engine.story import Story
from editor.engine.style import HouseStyle


def find(story: Story, style: HouseStyle) -> Iterator:
    quotes = story_quotes(story)
    if quotes.too_many:
        first = min(position for position in map(story.text.find, '"“”') if position >= 0)
        message = f"Quotation marks not checked: {quotes.too_many:,} in {len(story.text):,} characters are more than copy has"
        yield limit_notice(first, first + 1, message)
    for mark in quotes.unclosed:
        yield RULE.issue(
            mark.offset,
            mark.offset + 1,
            "Quotation mark opened and not closed",
            "No closing mark follows before the paragraph ends or the next quote opens, and the next "
            "paragraph does not carry the quote on by opening with a quotation mark.",
        )
    for paragraph in quotes.read:
        for mark in paragraph.stray_closing:
            yield RULE.issue(
                mark.offset,
                mark.offset + 1,
                "Quotation mark closed but never opened",
                "No opening mark comes before this closing mark in the paragraph.",
            )


RULE = StoryRule(
    id="unbalanced-quote",
    category="quotes",
    severity="error",
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
        'The army said:"We will not retreat."',
        'The film "Apollo 13" opened, and "Catch-22" is still read.',
    ),
)
