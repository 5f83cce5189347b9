"""A comma or full stop on the wrong side of a closing quotation mark, for the house style.

AP (``quote_punctuation = "inside"``) puts commas and full stops inside the
closing mark always: ``forces", the statement said`` becomes
``forces," the statement said``. The British style (``"logical"``) puts them
outside when the quote is a fragment of the sentence (``described it as
"brazen",``) and inside when it is a full sentence, so only a fragment with
the punctuation inside is flagged. Question and exclamation marks follow the
sense, not the style, and are never moved.
"""

from __future__ import annotations

from collections.abc import Iterator

from editor.engine.quotes import story_quotes
from editor.engine.rule import STORY, Rule
from editor.engine.story import Story
from editor.engine.style import HouseStyle


def _is_fragment(text: str, open_offset: int) -> bool:
    """A quote that starts in lowercase, in mid-sentence, is part of the writer's sentence."""
    inside = text[open_offset + 1 : open_offset + 2]
    before = text[:open_offset].rstrip()
    return inside.islower() and bool(before) and before[-1] not in ".:?!"


def find(story: Story, style: HouseStyle) -> Iterator:
    text = story.text
    quotations, _, _ = story_quotes(story).pairing
    for quotation in quotations:
        close = quotation.close
        if close is None:
            continue
        mark = close.char
        after = text[close.offset + 1 : close.offset + 2]
        before = text[close.offset - 1 : close.offset]
        if style.quote_punctuation == "inside" and after in (",", "."):
            yield RULE.issue(
                close.offset,
                close.offset + 2,
                f"{style.name} style puts the {'comma' if after == ',' else 'full stop'} inside the closing quotation mark",
                "American style places commas and full stops inside closing quotation marks, always.",
                [after + mark],
                group="quote-punctuation",
            )
        elif style.quote_punctuation == "logical" and before in (",", ".") and _is_fragment(text, quotation.open.offset):
            yield RULE.issue(
                close.offset - 1,
                close.offset + 1,
                f"{style.name} style puts the {'comma' if before == ',' else 'full stop'} outside a quoted fragment",
                "British style places commas and full stops inside the quotation marks only when the quote is "
                "a full sentence; this quote is a fragment of the writer's own sentence.",
                [mark + before],
                group="quote-punctuation",
            )


RULE = Rule(
    id="quote-punctuation",
    category="punctuation",
    severity="warning",
    scope=STORY,
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
    ),
)
