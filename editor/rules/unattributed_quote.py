"""A direct quotation of a full sentence that nobody is said to have said.

Wire copy attributes every full-sentence quote. A quote counts as attributed
when its paragraph, outside the quotes, has an attribution word ("said",
"told", "according to"; ``resources/wordlists/attribution.toml``), when a colon
introduces it, or when the next paragraph points back to it: it carries the
quote on, or opens with a pronoun and an attribution word ("He added ...",
'"We will," she said'). A next paragraph that merely reports something else
("A rights group said ...") does not attribute the quote, nor does an earlier
paragraph. A full-sentence quote starts a sentence with a capital and ends one
(or ends its paragraph); fragments ('called it "brazen"') and titles in
mid-sentence are not. No fix is offered: only the editor knows who said it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cached_property

from editor.engine.quotes import ParagraphQuotes, Quotation, StoryQuotes, char_before, story_quotes
from editor.engine.resources import word_list
from editor.engine.rule import StoryRule
from editor.engine.story import Story
from editor.engine.style import HouseStyle

_ATTRIBUTION = word_list("attribution")
_VERBS = "|".join(map(re.escape, _ATTRIBUTION["verbs"]))
_ATTRIBUTED = re.compile(
    r"(?i)\b(?:" + "|".join(map(re.escape, _ATTRIBUTION["phrases"])) + "|" + _VERBS + r")\b"
)
# A pronoun can only point back to a speaker named before: "He added", "She later told reporters".
_PRONOUN_ATTRIBUTION = rf"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)\s+(?:\w+\s+)?(?:{_VERBS})\b"
_POINTS_BACK = re.compile(rf"\s*{_PRONOUN_ATTRIBUTION}")
_POINTS_BACK_AFTER_QUOTE = re.compile(rf",?\s*{_PRONOUN_ATTRIBUTION}")
# A lowercase word after a closing "?" or "!" carries the sentence on: '"Why?" the mayor wondered'.
_SENTENCE_GOES_ON = re.compile(r"\s+[a-z]")
_SPACE_ONLY = re.compile(r"\s*")
_STARTS_SENTENCE_AFTER = frozenset(".?!:;,—–-(\"”’')")
_ENDS_SENTENCE = frozenset(".?!")
_INNER_QUOTE = " '‘’"
_INNER_QUOTES = re.compile(f"[{_INNER_QUOTE}]*")
# A word's first character: where a quote's words are counted.
_WORD_START = re.compile(r"(?<=\s)\S")
_MIN_WORDS = 3


class _Words:
    """Counts the words of any stretch of one paragraph without copying it.

    A quote left unclosed reaches to the end of its paragraph, so copying each
    one's text would make a paragraph of many such quotes quadratic.
    """

    def __init__(self, text: str, quotes: ParagraphQuotes) -> None:
        self.text = text
        self.quotes = quotes

    @cached_property
    def _starts(self) -> list[int]:
        return [match.start() for match in _WORD_START.finditer(self.text, self.quotes.start, self.quotes.end)]

    def count(self, start: int, end: int) -> int:
        """The words of ``text[start:end]``, as ``len(text[start:end].split())`` counts them."""
        if start >= end:
            return 0
        first = 0 if self.text[start].isspace() else 1
        return first + bisect.bisect_left(self._starts, end) - bisect.bisect_right(self._starts, start)


def _is_full_sentence(text: str, quotes: ParagraphQuotes, quotation: Quotation, words: _Words) -> bool:
    start = quotation.open.offset + 1
    end = quotation.close.offset if quotation.close else quotes.end
    first = _INNER_QUOTES.match(text, start, end).end()
    if first == end or not text[first].isupper() or words.count(start, end) < _MIN_WORDS:
        return False
    # A capitalised quote in mid-sentence is a title or a name: 'starred in "The Long Night."'
    before = char_before(text, quotation.open.offset, quotes.start)
    if before and before not in _STARTS_SENTENCE_AFTER:
        return False
    if quotation.close is None or _SPACE_ONLY.fullmatch(text, end + 1, quotes.end):
        return True
    last = text[start:end].rstrip(_INNER_QUOTE)[-1:]
    if last in "?!":
        return not _SENTENCE_GOES_ON.match(text, end + 1)
    return last == "." or text[end + 1 : end + 2] in _ENDS_SENTENCE


def _has_attribution(text: str, quotes: ParagraphQuotes) -> bool:
    """Whether the paragraph's own words, outside its quotes, say who is speaking."""
    position: int | None = quotes.start
    for quotation in quotes.quotations:
        if position is not None and _ATTRIBUTED.search(text, position, quotation.open.offset):
            return True
        # Text after a quote left unclosed is still inside it, up to the next quote.
        position = quotation.close.offset + 1 if quotation.close else None
    return position is not None and bool(_ATTRIBUTED.search(text, position, quotes.end))


class _Attribution:
    """Which quotes of one story are attributed; each quote run is read once."""

    def __init__(self, story: Story, quotes: StoryQuotes) -> None:
        self.text = story.text
        self.quotes = quotes
        self._runs: dict[int, bool] = {}
        self._points_back: dict[int, bool] = {}

    def covers(self, index: int, quotation: Quotation) -> bool:
        paragraphs = self.quotes.paragraphs
        before = char_before(self.text, quotation.open.offset, paragraphs[index].start)
        if before == ":":
            return True
        if before == "" and index and char_before(self.text, paragraphs[index].start, paragraphs[index - 1].start) == ":":
            return True
        first, last = self.quotes.runs[index]
        if first not in self._runs:
            self._runs[first] = any(_has_attribution(self.text, paragraphs[i]) for i in range(first, last + 1))
        if self._runs[first]:
            return True
        # Every quote of a paragraph asks about the same next paragraph: read it once.
        if last + 1 not in self._points_back:
            self._points_back[last + 1] = self._next_points_back(last + 1)
        return self._points_back[last + 1]

    def _next_points_back(self, index: int) -> bool:
        paragraphs = self.quotes.paragraphs
        if index >= len(paragraphs):
            return False
        following = paragraphs[index]
        if _POINTS_BACK.match(self.text, following.start, following.end):
            return True
        if not following.opens_with_quote(self.text) or following.quotations[0].close is None:
            return False
        return bool(_POINTS_BACK_AFTER_QUOTE.match(self.text, following.quotations[0].close.offset + 1, following.end))


def find(story: Story, style: HouseStyle) -> Iterator:
    quotes = story_quotes(story)
    attribution = _Attribution(story, quotes)
    text = story.text
    for index, paragraph in enumerate(quotes.paragraphs):
        words = _Words(text, paragraph)
        for quotation in paragraph.quotations:
            # A quote carried on from the paragraph before was judged where it opened.
            if quotes.continues[index] and quotation is paragraph.quotations[0]:
                continue
            if not _is_full_sentence(text, paragraph, quotation, words) or attribution.covers(index, quotation):
                continue
            end = quotation.close.offset + 1 if quotation.close else paragraph.end
            yield RULE.issue(
                quotation.open.offset,
                end,
                "Quotation with no attribution: add who said it",
                "A direct quote of a full sentence needs to say who said it (said, told, according to), "
                "in its own paragraph, with a colon introducing it, or at the start of the next paragraph "
                "(\"He added ...\").",
            )


RULE = StoryRule(
    id="unattributed-quote",
    category="quotes",
    severity="warning",
    find=find,
    doc=__doc__,
    must_flag=(
        '"We cannot call this an accident any more." The talks ended there.\n\n'
        "A local monitoring group said there were casualties.",
        'The minister said the talks had failed.\n\n"We cannot go on like this."',
    ),
    must_pass=(
        '"We cannot call this an accident any more," the minister said.',
        'The minister said: "We cannot call this an accident any more."',
        'The minister said, "We cannot call this an accident any more."',
        'The minister was blunt:\n\n"We cannot call this an accident any more."',
        '"We cannot call this an accident any more."\n\nShe added that talks would go on.',
        'The army bombed "pro-government forces" near the border.',
        'He starred in "The Long Night." It ran for a year.',
        '"We will fight on," he said. "We have no choice.\n\n"And we will win in the end."',
        '"Why should we leave?" the mayor wondered.',
    ),
)
