"""A comma or full stop on the wrong side of a closing quotation mark, for the house style.

AP (``quote_punctuation = "inside"``) puts commas and full stops inside the
closing mark always: ``forces", the statement said`` becomes
``forces," the statement said``. The British style (``"logical"``) puts them
outside when the quote is a fragment of the writer's sentence (``called it
"brazen",``) and inside when it is a full sentence, so only a fragment with the
punctuation inside is flagged, and a full-sentence quote never is. Question and
exclamation marks follow the sense, not the style, and are never moved; a mark
that already has punctuation on both sides (``"Why?",``) is left to the editor.

It reads the quotes the other quote rules read (``story_quotes``), so a story's
marks are read once, and judges each quote within its paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.quotes import ParagraphQuotes, Quotation, is_fragment, story_quotes
from editor.engine.rule import StoryRule
from editor.engine.story import Story
from editor.engine.style import HouseStyle

_MOVABLE = frozenset(",.")
# Inside the mark these already end the quote, or may be an apostrophe; moving past them would garble it.
_ENDS_QUOTE = frozenset(".,?!;:…'’")
# A point that belongs to an abbreviation with inner points (U.S., a.m.) stays where it is.
_ABBREVIATION_POINT = re.compile(r"\.\w\.")
_NAMES = {",": "comma", ".": "full stop"}


def _inside(text: str, paragraph: ParagraphQuotes, quotation: Quotation) -> Iterator:
    close = quotation.close.offset
    after = text[close + 1 : close + 2]
    if after not in _MOVABLE or text[close - 1] in _ENDS_QUOTE or text[close + 2 : close + 3] == ".":
        return
    yield RULE.issue(
        close,
        close + 2,
        f"The {_NAMES[after]} goes inside the closing quotation mark",
        "This house style puts commas and full stops inside closing quotation marks, always.",
        [after + quotation.close.char],
        group=RULE.id,
    )


def _logical(text: str, paragraph: ParagraphQuotes, quotation: Quotation) -> Iterator:
    close = quotation.close.offset
    last = text[close - 1]
    if (
        last not in _MOVABLE
        or text[close - 2] in _ENDS_QUOTE
        or _ABBREVIATION_POINT.match(text, close - 3)
        or not is_fragment(text, quotation, paragraph.start)
    ):
        return
    yield RULE.issue(
        close - 1,
        close + 1,
        f"The {_NAMES[last]} goes outside a quoted fragment",
        "This house style puts commas and full stops inside the quotation marks only when the quote is "
        "a full sentence; this quote is a fragment of the writer's own sentence.",
        [quotation.close.char + last],
        group=RULE.id,
    )


def find(story: Story, style: HouseStyle) -> Iterator:
    check = _inside if style.quote_punctuation == "inside" else _logical
    for paragraph in story_quotes(story).read:
        for quotation in paragraph.quotations:
            if quotation.close is not None:
                yield from check(story.text, paragraph, quotation)


RULE = StoryRule(
    id="quote-punctuation",
    category="punctuation",
    severity="warning",
    find=find,
    doc=__doc__,
    must_flag=(
        '"We are fighting terrorism", the statement said.',
        'He called it "a mistake".',
        "“We will stay”, she said.",
    ),
    must_pass=(
        '"We are fighting terrorism," the statement said.',
        'Did he really say "no"?',
        'He called it "a mistake."',
        "The screen is 12\", the label said.",
        '"Why?", he asked.',
    ),
)
