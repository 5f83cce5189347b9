"""A direct quotation of a full sentence that nobody is said to have said.

Wire copy attributes every full-sentence quote. A quote counts as attributed
when its paragraph, outside the quotes, has an attribution word ("said",
"told", "according to"; ``resources/wordlists/attribution.toml``), before or
after it ("..., Smith said. "We will go on.""); when the paragraph before has
one, so that the quote carries on a speaker named there or is set up by
indirect speech ("The bank said it had faced a dilemma."); when a colon or a
question introduces it; or when the next paragraph points back to it: it
carries the quote on, or opens with a pronoun and an attribution word ("He
added ...", '"We will," she said'). A next paragraph that merely reports
something else ("A rights group said ...") does not attribute the quote, nor
does a paragraph further back. Paragraphs of quotes in a row are one unit: a
speaker attributed in one carries on through the next, and the unit gets at
most one flag, at its first quote nobody is said to have said. A
full-sentence quote starts a sentence with a capital and ends one (or ends its
paragraph); fragments ('called it "brazen"'), titles in mid-sentence and
titles in Title Case ('a pamphlet, "Economical Travel in Japan."') are not.
No fix is offered: only the editor knows who said it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cached_property
from itertools import chain

from editor.engine.quotes import ParagraphQuotes, Quotation, StoryQuotes, char_before, story_quotes
from editor.engine.resources import word_list
from editor.engine.rule import StoryRule
from editor.engine.story import Story
from editor.engine.style import HouseStyle
from editor.engine.words import TITLE_CASE_MINOR_WORDS

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
_CLOSERS = "\"”’')]"
_INNER_QUOTE = " '‘’"
_INNER_QUOTES = re.compile(f"[{_INNER_QUOTE}]*")
# A word's first character: where a quote's words are counted.
_WORD_START = re.compile(r"(?<=\s)\S")
_MIN_WORDS = 3
# The shortest paragraph with a quote of _MIN_WORDS words: its mark, then words of a character
# with a space between each two.
_SHORTEST_SENTENCE_QUOTE = 2 * _MIN_WORDS
# A quote in Title Case is a title, not speech: 'a pamphlet, "Economical Travel in Japan."'.
_TITLE_WORDS = 12
_TITLE_LENGTH = 120
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A mark that may open a full sentence: one whose first letter (after any inner quotes) is not
# plainly lowercase; ``_is_full_sentence`` reads the rest.
_MAY_START_SENTENCE = re.compile(f"[\"“”](?=[{_INNER_QUOTE}]*+(?![a-z]))")
_match_start = re.Match.start


class _Words:
    """Counts the words of any stretch of one paragraph without copying it.

    A quote left unclosed reaches to the end of its paragraph, so copying each
    one's text would make a paragraph of many such quotes quadratic.
    """

    def __init__(self, text: str, quotes: ParagraphQuotes) -> None:
        self.text = text
        self.quotes = quotes

    @cached_property
    def starts(self) -> list[int]:
        return [match.start() for match in _WORD_START.finditer(self.text, self.quotes.start, self.quotes.end)]

    def count(self, start: int, end: int) -> int:
        """The words of ``text[start:end]``, as ``len(text[start:end].split())`` counts them."""
        if start >= end:
            return 0
        first = 0 if self.text[start].isspace() else 1
        return first + bisect.bisect_left(self.starts, end) - bisect.bisect_right(self.starts, start)


def _is_full_sentence(text: str, quotes: ParagraphQuotes, quotation: Quotation, words: _Words) -> bool:
    start = quotation.open.offset + 1
    end = quotation.close.offset if quotation.close else quotes.end
    # The tests that rule a quote out are read cheapest first: most quotes fail the first.
    first = _INNER_QUOTES.match(text, start, end).end()
    if first == end or not text[first].isupper():
        return False
    # A capitalised quote in mid-sentence is a title or a name: 'starred in "The Long Night."'
    before = char_before(text, quotation.open.offset, quotes.start)
    if before and before not in _STARTS_SENTENCE_AFTER:
        return False
    count = words.count(start, end)
    if count < _MIN_WORDS:
        return False
    if count <= _TITLE_WORDS and end - start <= _TITLE_LENGTH and _is_title(text[start:end]):
        return False
    if quotation.close is None or _SPACE_ONLY.fullmatch(text, end + 1, quotes.end):
        return True
    last = text[start:end].rstrip(_INNER_QUOTE)[-1:]
    if last in "?!":
        return not _SENTENCE_GOES_ON.match(text, end + 1)
    return last == "." or text[end + 1 : end + 2] in _ENDS_SENTENCE


def _is_title(content: str) -> bool:
    """Whether every word but the small ones is capitalised, as in the title of a work."""
    return all(word[0].isupper() or word in TITLE_CASE_MINOR_WORDS for word in _WORD.findall(content))


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
    """What says who is speaking in each paragraph of one story, each read once."""

    def __init__(self, story: Story, quotes: StoryQuotes) -> None:
        self.text = story.text
        self.count = len(story.paragraphs)
        self.quotes = quotes
        self._own: dict[int, bool] = {}
        self._runs: dict[int, bool] = {}
        self._points_back: dict[int, bool] = {}

    def in_paragraph(self, index: int) -> bool:
        """Whether the paragraph's own words, outside its quotes, name a speaker."""
        if index not in self._own:
            self._own[index] = index >= 0 and _has_attribution(self.text, self.quotes.at(index))
        return self._own[index]

    def in_run(self, index: int) -> bool:
        """Whether any paragraph of the quote run the paragraph belongs to names a speaker."""
        first, last = self.quotes.runs[index]
        if first not in self._runs:
            self._runs[first] = any(self.in_paragraph(i) for i in range(first, last + 1))
        return self._runs[first]

    def introduced(self, index: int, quotation: Quotation) -> bool:
        """Whether a colon or a question right before the quote sets it up, in its paragraph or the one before."""
        before = char_before(self.text, quotation.open.offset, self.quotes.at(index).start)
        if before == "" and index:
            previous = self.quotes.at(index - 1)
            position = previous.end - 1
            while position > previous.start and (self.text[position].isspace() or self.text[position] in _CLOSERS):
                position -= 1
            before = self.text[position]
        return before in (":", "?")

    def next_points_back(self, index: int) -> bool:
        """Whether the paragraph after ``index`` points back to its quotes."""
        if index not in self._points_back:
            self._points_back[index] = self._read_points_back(index + 1)
        return self._points_back[index]

    def _read_points_back(self, index: int) -> bool:
        if index >= self.count:
            return False
        following = self.quotes.at(index)
        if _POINTS_BACK.match(self.text, following.start, following.end):
            return True
        if not following.opens_with_quote(self.text) or following.quotations[0].close is None:
            return False
        return bool(_POINTS_BACK_AFTER_QUOTE.match(self.text, following.quotations[0].close.offset + 1, following.end))


def _quotes_to_judge(text: str, quotes: StoryQuotes, index: int) -> Iterator[tuple[Quotation, int]]:
    """The paragraph's full-sentence quotes with where each ends, leaving out one carried on from
    before; each found as it is asked for."""
    paragraph = quotes.at(index)
    if not paragraph.quotations:
        return iter(())  # most paragraphs: a story of many short ones is read in time linear in its length
    if paragraph.end - paragraph.start < _SHORTEST_SENTENCE_QUOTE:
        return iter(())  # a mark alone, or a word or two: no room for a sentence
    # Marks before a lowercase letter are passed over in C: a paragraph may have thousands.
    may_start = set(map(_match_start, _MAY_START_SENTENCE.finditer(text, paragraph.start, paragraph.end)))
    if not may_start:
        return iter(())
    words = _Words(text, paragraph)
    if 1 + len(words.starts) < _MIN_WORDS:
        return iter(())  # no quote in it has the words of a sentence: '-"Abc-"Def'
    quotations = paragraph.quotations
    first = 1 if quotes.continues[index] else 0
    return (
        (quotation, _quoted_end(paragraph, position))
        for position, quotation in enumerate(quotations[first:], first)
        if quotation.open.offset in may_start and _is_full_sentence(text, paragraph, quotation, words)
    )


def _quoted_end(paragraph: ParagraphQuotes, position: int) -> int:
    """Where the paragraph's quotation ``position`` ends, as ``ParagraphQuotes.quoted_edges`` has it."""
    quotations = paragraph.quotations
    close = quotations[position].close
    if close is not None:
        return close.offset + 1
    return quotations[position + 1].open.offset if position + 1 < len(quotations) else paragraph.end


def find(story: Story, style: HouseStyle) -> Iterator:
    quotes = story_quotes(story)
    attribution = _Attribution(story, quotes)
    text = story.text
    # The unit of quote paragraphs being read: whether its speaker is known, whether it has its flag.
    in_unit = speaker_known = flagged = False
    previous = -1
    # Only a paragraph with a mark has quotes or carries one on; one passed over ends the unit.
    for index in quotes.marked:
        if index > previous + 1:
            in_unit = False
        previous = index
        judged = _quotes_to_judge(text, quotes, index)
        first = next(judged, None)
        if first is None and not quotes.continues[index]:
            in_unit = False
            continue
        if not in_unit:
            # A unit starts: a speaker named in the paragraph before carries into it.
            in_unit, speaker_known, flagged = True, attribution.in_paragraph(index - 1), False
        speaker_known = speaker_known or attribution.in_run(index)
        for quotation, end in chain((first,), judged) if first else ():
            if flagged or speaker_known:
                break  # the unit is settled: its other quotes need not be judged
            if attribution.introduced(index, quotation):
                continue
            if attribution.next_points_back(quotes.runs[index][1]):
                continue
            flagged = True
            yield RULE.issue(
                quotation.open.offset,
                end,
                "Quotation with no attribution: add who said it",
                "A direct quote of a full sentence needs to say who said it (said, told, according to), "
                "in its own paragraph or the one before, with a colon introducing it, or at the start of "
                "the next paragraph (\"He added ...\").",
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
        'The talks failed on Monday.\n\n"We cannot go on like this."',
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
        'The minister said the talks had failed.\n\n"We cannot go on like this."',
        '"We will go on," Smith said. "We have no choice at all."',
        'What did the minister make of it? "We cannot go on like this."',
        'The bureau prepared a pamphlet, "Economical Travel in Japan."',
    ),
)
