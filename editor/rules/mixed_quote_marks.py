"""Straight and curly double quotation marks mixed in one story.

A story should use one kind; the kind the story uses most is kept (a tie goes
to straight marks, the wire's own) and every mark of the other kind is flagged,
with the right opening or closing mark as the fix, all in one group. Inch marks
(``a 12" screen``) are not quotation marks and are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from editor.engine.quotes import CLOSING_CURLY, OPENING, OPENING_CURLY, STRAIGHT, story_quotes
from editor.engine.rule import StoryRule
from editor.engine.story import Story
from editor.engine.style import HouseStyle


def find(story: Story, style: HouseStyle) -> Iterator:
    marks = [mark for paragraph in story_quotes(story).read for mark in paragraph.marks]
    straight = [mark for mark in marks if mark.char == STRAIGHT]
    curly = [mark for mark in marks if mark.char != STRAIGHT]
    if not straight or not curly:
        return
    keep_straight = len(straight) >= len(curly)
    kept, odd = ("straight", "Curly") if keep_straight else ("curly", "Straight")
    for mark in curly if keep_straight else straight:
        if keep_straight:
            fix = STRAIGHT
        else:
            fix = OPENING_CURLY if mark.role == OPENING else CLOSING_CURLY
        yield RULE.issue(
            mark.offset,
            mark.offset + 1,
            f"{odd} quotation mark in a story that uses {kept} ones",
            f"Straight and curly quotation marks are mixed; most of this story's marks are {kept}.",
            [fix],
            group=RULE.id,
        )


RULE = StoryRule(
    id="mixed-quote-marks",
    category="quotes",
    severity="warning",
    find=find,
    doc=__doc__,
    must_flag=(
        '"We will win," he said. "We must."\n\n“Never,” she said.',
        '“We will win,” he said. “We must.”\n\n"Never," she said.',
    ),
    must_pass=(
        '"We will win," he said.',
        "“We will win,” he said.",
        "He is 5'11\" tall and owns a 12\" laptop. “Yes,” he said.",
    ),
)
