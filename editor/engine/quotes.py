"""Double quotation marks, read and paired the way the quote rules need them.

Only double marks are read: single marks are also apostrophes ('til, rock
'n' roll) and cannot be told apart reliably. Curly marks say which way they
face. A straight mark opens a quote after the start of the paragraph, a space,
a bracket, a dash or a slash, and closes one after a letter or punctuation
when a space, punctuation or the end follows; where its two sides disagree
(``said,"We`` or ``win " he``) it closes the quote that is open, or opens one.
A straight mark right after a digit closes a quote that is open (``the film
"Apollo 13" opened``, ``"Catch-22" is``); it is an inch mark where no quote is
open (``a 12" screen``), in a height (``5'11"``), and inside a quote that a
later mark closes (``"a 12" screen," she said``).

A story with more marks than copy ever has (one in four characters: copy has
about one in a hundred) is a table or a dump: its quotes are not read at all,
and ``StoryQuotes.too_many`` says so.

Quotes pair up within a paragraph. Wire convention: a quote that runs on into
the next paragraph leaves its closing mark off, and the next paragraph opens
with a mark, for as many paragraphs as the quote lasts.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from itertools import compress
from typing import NamedTuple

from editor.engine.story import Story

OPENING, CLOSING = "opening", "closing"
STRAIGHT, OPENING_CURLY, CLOSING_CURLY = '"', "“", "”"
_MARK = re.compile('["“”]')
_OPENS_AFTER = frozenset("([{—–-/“")
# Every mark, and for a straight one the role its two sides give it where they are plain
# (a space or bracket, a letter or punctuation before; a letter or not after), so that
# the loop over a paragraph with thousands of marks does not look at each one in Python.
# A mark after a digit is told whether the next mark closes a quote, which makes it an
# inch mark if a quote is open (see _is_inch_inside_quote): looked for ahead, up to that
# next mark only. Other straight marks (after an unusual character) are read by _straight_role.
# Each alternative starts with its mark (the side before is a look-behind after it), so that
# the scan jumps from mark to mark.
_MARK_AND_SIDES = re.compile(
    r'“(?P<curly_opening>)|”(?P<curly_closing>)'
    r'|"(?<=[\s(\[{—–\-/“]")(?:(?P<opening>(?=[^\W_]))|(?P<opens_or_closes>))'
    r'|"(?<=[A-Za-z.,;:!?\'’"”)\]}]")(?:(?P<neither>(?=[^\W_]))|(?P<closing>))'
    r'|"(?<=\d")(?:(?P<inch_if_quoted>(?=[^"“”]*+(?:”|(?<=[^\s"“”(\[{—–\-/])"(?![^\W_]))))|(?P<after_digit>))'
    r'|"(?P<straight>)'
)
# The kinds whose role holds even as a paragraph's first mark.
_FIXED_ROLE = {"curly_opening": OPENING, "curly_closing": CLOSING, "opening": OPENING}
# Straight marks whose two sides say the same (both open and close, or neither): they close
# the quote that is open, or open one.
_EITHER_KINDS = frozenset({"opens_or_closes", "neither"})
_FEET = frozenset("'’′")
CHARACTERS_PER_MARK = 4
MIN_MARKS_READ = 1_000


# Marks, quotations and paragraphs' quotes are named tuples, made in read_quotes with
# tuple.__new__: a text of a million marks makes a million of each, and a dataclass takes
# three times as long.
class QuoteMark(NamedTuple):
    offset: int
    char: str
    role: str


class Quotation(NamedTuple):
    """One quotation; ``close`` is None where the paragraph ends or another quote opens first."""

    open: QuoteMark
    close: QuoteMark | None


class ParagraphQuotes(NamedTuple):
    """One paragraph's marks (inch marks left out) and how they pair up."""

    start: int
    end: int
    marks: tuple[QuoteMark, ...]
    quotations: tuple[Quotation, ...]
    stray_closing: tuple[QuoteMark, ...]

    def quoted_edges(self) -> list[int]:
        """Where each quotation's text starts and ends (its marks included), flattened in order.

        A quote left unclosed ends where the next one opens, or with the paragraph.
        """
        edges = []
        for index, quotation in enumerate(self.quotations):
            if quotation.close is not None:
                end = quotation.close.offset + 1
            elif index + 1 < len(self.quotations):
                end = self.quotations[index + 1].open.offset
            else:
                end = self.end
            edges += (quotation.open.offset, end)
        return edges

    def opens_with_quote(self, text: str) -> bool:
        """Whether the paragraph's first character (after any indent) opens a quote."""
        if not self.marks or self.marks[0].role != OPENING:
            return False
        return not text[self.start : self.marks[0].offset].strip()


_new = tuple.__new__


def inside_quotation(edges: list[int], offset: int) -> bool:
    """Whether ``offset`` lies within a quotation, given the flattened ``quoted_edges``."""
    return bisect.bisect_right(edges, offset) % 2 == 1


def char_before(text: str, offset: int, floor: int = 0) -> str:
    """The last non-space character before ``offset`` and not before ``floor``, or "" if none."""
    position = offset - 1
    while position >= floor and text[position].isspace():
        position -= 1
    return text[position] if position >= floor else ""


def is_fragment(text: str, quotation: Quotation, floor: int = 0) -> bool:
    """A quote that starts in lowercase right after the writer's own word is part of the writer's sentence.

    After a comma or a colon it may carry on a full sentence split by the attribution
    ('"We will stay," she said, "until they listen."'), so it is left alone. The word
    before is looked for from ``floor`` on: the start of the quote's paragraph.
    """
    first = text[quotation.open.offset + 1 : quotation.open.offset + 2]
    return first.islower() and char_before(text, quotation.open.offset, floor).isalnum()


def _is_height(text: str, offset: int, start: int) -> bool:
    """Whether the digits ending at ``offset`` follow a feet mark, as in 5'11"."""
    position = offset - 1
    while position > start and text[position].isdigit():
        position -= 1
    return text[position] in _FEET and position > start and text[position - 1].isdigit()


def _sides(text: str, offset: int, start: int, end: int) -> tuple[bool, bool]:
    """Whether a straight mark looks like it opens (space or bracket before) and closes (no word after)."""
    before = text[offset - 1] if offset > start else " "
    after = text[offset + 1] if offset + 1 < end else " "
    return before.isspace() or before in _OPENS_AFTER, not after.isalnum()


def _is_inch_inside_quote(text: str, offset: int, end: int) -> bool:
    """Whether a mark after a digit in an open quote is an inch mark because a later mark closes the quote.

    '"a 12" screen," she said': the next mark closes, so this one is the inch mark; in
    'the film "Apollo 13" opened' the quote has no other mark to close it.
    """
    following = _MARK.search(text, offset + 1, end)
    if following is None:
        return False
    if following.group() != STRAIGHT:
        return following.group() == CLOSING_CURLY
    opens, closes = _sides(text, following.start(), offset + 1, end)
    return closes and not opens


def _after_digit_role(text: str, offset: int, start: int, quote_open: bool, next_closes: bool) -> str | None:
    """A mark after a digit closes the open quote; it is an inch mark (None) where no quote is open,
    in a height, or where the next mark closes the quote (``_is_inch_inside_quote``)."""
    if not quote_open or next_closes or _is_height(text, offset, start):
        return None
    return CLOSING


def _straight_role(text: str, offset: int, start: int, end: int, quote_open: bool) -> str | None:
    if offset > start and text[offset - 1].isdigit():  # a digit the pattern's \d does not take ("²")
        return _after_digit_role(text, offset, start, quote_open, _is_inch_inside_quote(text, offset, end))
    opens, closes = _sides(text, offset, start, end)
    if opens != closes:
        return OPENING if opens else CLOSING
    return CLOSING if quote_open else OPENING


def read_quotes(text: str, start: int = 0, end: int | None = None) -> ParagraphQuotes:
    """The quotes of the paragraph ``text[start:end]``, with offsets in ``text``."""
    end = len(text) if end is None else end
    marks: list[QuoteMark] = []
    quotations: list[Quotation] = []
    stray_closing: list[QuoteMark] = []
    opened: QuoteMark | None = None
    for match in _MARK_AND_SIDES.finditer(text, start, end):
        kind, offset = match.lastgroup, match.start()
        role = _FIXED_ROLE.get(kind)
        if role is None:
            if offset == start:
                role = OPENING  # a straight mark opens a paragraph's first quote, whatever follows it
            elif kind == "closing":
                role = CLOSING
            elif kind in _EITHER_KINDS:
                role = CLOSING if opened is not None else OPENING
            elif kind == "straight":
                role = _straight_role(text, offset, start, end, opened is not None)
            else:
                role = _after_digit_role(text, offset, start, opened is not None, kind == "inch_if_quoted")
            if role is None:
                continue  # an inch mark
        mark = _new(QuoteMark, (offset, text[offset], role))
        marks.append(mark)
        if role == OPENING:
            if opened is not None:
                quotations.append(_new(Quotation, (opened, None)))
            opened = mark
        elif opened is None:
            stray_closing.append(mark)
        else:
            quotations.append(_new(Quotation, (opened, mark)))
            opened = None
    if opened is not None:
        quotations.append(_new(Quotation, (opened, None)))
    return _new(ParagraphQuotes, (start, end, tuple(marks), tuple(quotations), tuple(stray_closing)))


class StoryQuotes:
    """The quotes of every paragraph of a story, and the quotes that run on between them."""

    def __init__(self, story: Story) -> None:
        self.story = story

    @cached_property
    def too_many(self) -> int:
        """The number of marks if there are too many to read as copy (see above), else 0."""
        text = self.story.text
        count = text.count(STRAIGHT) + text.count(OPENING_CURLY) + text.count(CLOSING_CURLY)
        return count if count > max(MIN_MARKS_READ, len(text) // CHARACTERS_PER_MARK) else 0

    @cached_property
    def marked(self) -> list[int]:
        """The paragraphs (by index, in order) that have a mark: the only ones with quotes to read."""
        return [] if self.too_many else self.story.paragraphs_matching(_MARK)

    @cached_property
    def read(self) -> list[ParagraphQuotes]:
        """The quotes of the ``marked`` paragraphs, in order: every other paragraph has none."""
        text, paragraphs = self.story.text, self.story.paragraphs
        return [
            read_quotes(text, start, start + len(body)) for start, body in map(paragraphs.__getitem__, self.marked)
        ]

    @cached_property
    def _read_by_index(self) -> dict[int, ParagraphQuotes]:
        return dict(zip(self.marked, self.read))

    def at(self, index: int) -> ParagraphQuotes:
        """The quotes of the paragraph ``index``: a paragraph with no mark is not read."""
        quotes = self._read_by_index.get(index)
        if quotes is None:
            start, body = self.story.paragraphs[index]
            quotes = _new(ParagraphQuotes, (start, start + len(body), (), (), ()))
        return quotes

    @cached_property
    def quoted_edges(self) -> list[int]:
        """Every quotation's start and end in the story, flattened in order, for ``inside_quotation``."""
        return [edge for quotes in self.read for edge in quotes.quoted_edges()]

    @cached_property
    def continues(self) -> list[bool]:
        """For each paragraph, whether it carries on the quote the paragraph before left open."""
        text, read = self.story.text, self._read_by_index
        continues = [False] * (0 if self.too_many else len(self.story.paragraphs))
        # Only a paragraph with a mark opens with one, after one with a mark left open.
        for index, quotes in zip(self.marked, self.read):
            if quotes.quotations and quotes.quotations[-1].close is None:
                following = read.get(index + 1)
                if following is not None and following.opens_with_quote(text):
                    continues[index + 1] = True
        return continues

    @cached_property
    def unclosed(self) -> list[QuoteMark]:
        """Opening marks of quotes never closed, leaving out quotes that run on by the convention."""
        continues = self.continues
        found: list[QuoteMark] = []
        for index, quotes in zip(self.marked, self.read):
            found += [quotation.open for quotation in quotes.quotations if quotation.close is None]
            # The last quote, if left open, may run on by the convention.
            if quotes.quotations and quotes.quotations[-1].close is None:
                if index + 1 < len(continues) and continues[index + 1]:
                    found.pop()
        return found

    @cached_property
    def runs(self) -> list[tuple[int, int]]:
        """For each paragraph, the first and last paragraph of the quote run it belongs to (itself alone if none)."""
        continues = self.continues
        carried = list(compress(range(len(continues)), continues))
        # Each paragraph is a run of its own but those that carry a quote on, which are few.
        first = list(range(len(continues)))
        for index in carried:
            first[index] = first[index - 1]
        last = list(range(len(continues)))
        for index in reversed(carried):
            last[index - 1] = last[index]
        return list(zip(first, last))


def story_quotes(story: Story) -> StoryQuotes:
    """One reading of the story's quotes, shared by every quote rule that checks it."""
    return story.derived(StoryQuotes)
