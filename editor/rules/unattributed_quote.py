"""A direct quotation of a full sentence that nobody is said to have said.

Wire copy attributes every full-sentence quote. A quote counts as attributed
when its paragraph (outside the quote) has an attribution word ("said",
"told", "according to"; ``resources/wordlists/attribution.toml``), when a
colon introduces it, or when the next paragraph points back to it: it carries
the quote on, or opens with a pronoun and an attribution word ("He added").
A next paragraph that merely reports something else ("A rights group said
...") does not attribute the quote. Fragments ('called it "brazen"') and
short capitalised titles are not full-sentence quotes. No fix is offered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.quotes import Quotation, StoryQuotes, story_quotes
from editor.engine.resources import word_list
from editor.engine.rule import STORY, Rule
from editor.engine.story import Story
from editor.engine.style import HouseStyle

_ATTRIBUTION = word_list("attribution")
_ATTRIBUTED = re.compile(
    r"(?i)\b(?:" + "|".join(re.escape(p) for p in [*_ATTRIBUTION["phrases"], *_ATTRIBUTION["verbs"]]) + r")\b"
)
_POINTS_BACK = re.compile(
    r"\s*(?:He|She|They|We|I|It)\s+(?:\w+\s+)?(?:" + "|".join(map(re.escape, _ATTRIBUTION["verbs"])) + r")\b"
)
_SENTENCE_END = re.compile(r"[.?!]")
_MIN_WORDS = 4


def _is_full_sentence(text: str, quotation: Quotation) -> bool:
    start = quotation.open.offset + 1
    end = quotation.close.offset if quotation.close else len(text)
    content = text[start:end]
    if not content[:1].isupper() or len(content.split()) < _MIN_WORDS:
        return False
    after = text[end + 1 : end + 2] if quotation.close else ""
    return bool(_SENTENCE_END.search(content)) or after in (".", "?", "!")


def _outside_quotes(quotes: StoryQuotes, index: int) -> str:
    """The paragraph's own words, with its quotations left out."""
    paragraph = quotes.story.paragraphs[index]
    pieces, position = [], paragraph.start
    for quotation in quotes.quotations_in(index):
        pieces.append(quotes.story.text[position : quotation.open.offset])
        position = quotation.close.offset + 1 if quotation.close else paragraph.end
    pieces.append(quotes.story.text[position : paragraph.end])
    return " … ".join(pieces)


def _is_attributed(quotes: StoryQuotes, quotation: Quotation) -> bool:
    paragraphs = quotes.story.paragraphs
    index = quotation.paragraph
    before = quotes.story.text[paragraphs[index].start : quotation.open.offset].rstrip()
    if before.endswith(":") or (index and paragraphs[index - 1].text.rstrip().endswith(":")):
        return True
    # A quote running on over several paragraphs is attributed anywhere along the run.
    while index and quotes.opens_with_quote(index) and quotes.runs_on(index - 1):
        index -= 1
    while True:
        if _ATTRIBUTED.search(_outside_quotes(quotes, index)):
            return True
        if not quotes.opens_with_quote(index + 1):
            break
        index += 1
    following = index + 1
    return following < len(paragraphs) and bool(_POINTS_BACK.match(paragraphs[following].text))


def find(story: Story, style: HouseStyle) -> Iterator:
    quotes = story_quotes(story)
    text = story.text
    for quotation in quotes.pairing[0]:
        if not _is_full_sentence(text, quotation) or _is_attributed(quotes, quotation):
            continue
        end = quotation.close.offset + 1 if quotation.close else story.paragraphs[quotation.paragraph].end
        yield RULE.issue(
            quotation.open.offset,
            end,
            "Quotation with no attribution",
            "A direct quote of a full sentence needs to say who said it (said, told, according to), "
            "in its own paragraph or at the start of the next.",
        )


RULE = Rule(
    id="unattributed-quote",
    category="quotes",
    severity="warning",
    scope=STORY,
    find=find,
    doc=__doc__,
    must_flag=(
        '"We cannot call this an accident any more." The talks ended there.\n\n'
        "A local monitoring group said there were casualties.",
    ),
    must_pass=(
        '"We cannot call this an accident any more," the minister said.',
        'The minister said: "We cannot call this an accident any more."',
        'The minister was blunt:\n\n"We cannot call this an accident any more."',
        '"We cannot call this an accident any more."\n\nShe added that talks would go on.',
        'The army bombed "pro-government forces" near the border.',
        'He starred in "The Long Night" last year.',
        '"We will fight on," he said. "We have no choice.\n\n"And we will win in the end."',
    ),
)
