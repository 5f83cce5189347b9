"""Double quotation marks in a story, read the way the quote rules need them.

Only double marks are read: single marks are also apostrophes ('til, rock
'n' roll) and cannot be told apart reliably. A straight mark opens a quote
after the start of a line, a space, a bracket or a dash, and closes one after
anything else; a straight mark right after a digit is an inch mark and no
quote at all. Wire convention: a quote that runs on into the next paragraph
leaves its closing mark off, and the next paragraph opens with a mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from editor.engine.story import Story

OPENING, CLOSING = "opening", "closing"
STRAIGHT, CURLY = '"', "“”"
_MARK = re.compile(r'["“”]')


@dataclass(frozen=True, slots=True)
class QuoteMark:
    offset: int  # in the story
    char: str
    role: str


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation inside a paragraph; ``close`` is None where the paragraph ends first."""

    paragraph: int
    open: QuoteMark
    close: QuoteMark | None


def mark_role(text: str, offset: int) -> str | None:
    """Whether the mark at ``text[offset]`` opens or closes a quote, or None for an inch mark."""
    char = text[offset]
    if char == "“":
        return OPENING
    if char == "”":
        return CLOSING
    before = text[offset - 1] if offset else " "
    if before.isdigit():
        return None
    if before.isspace() or before in "([{—–-/“":
        return OPENING
    return CLOSING


class StoryQuotes:
    """The quote marks of a story, paired up paragraph by paragraph."""

    def __init__(self, story: Story) -> None:
        self.story = story

    @cached_property
    def marks(self) -> list[list[QuoteMark]]:
        """Each paragraph's quote marks, in order."""
        text = self.story.text
        result = []
        for paragraph in self.story.paragraphs:
            marks = []
            for match in _MARK.finditer(text, paragraph.start, paragraph.end):
                role = mark_role(text, match.start())
                if role is not None:
                    marks.append(QuoteMark(match.start(), match.group(), role))
            result.append(marks)
        return result

    @cached_property
    def pairing(self) -> tuple[list[Quotation], list[QuoteMark], list[QuoteMark]]:
        """Quotations, marks that close nothing, and marks that open a quote never closed.

        A quote left open at the end of a paragraph is a run-on, not an
        error, when the next paragraph opens with a quote mark.
        """
        quotations: list[Quotation] = []
        stray_closing: list[QuoteMark] = []
        unclosed: list[QuoteMark] = []
        for index, marks in enumerate(self.marks):
            opened: QuoteMark | None = None
            for mark in marks:
                if mark.role == OPENING:
                    if opened is not None:
                        unclosed.append(opened)
                        quotations.append(Quotation(index, opened, None))
                    opened = mark
                elif opened is None:
                    stray_closing.append(mark)
                else:
                    quotations.append(Quotation(index, opened, mark))
                    opened = None
            if opened is not None:
                quotations.append(Quotation(index, opened, None))
                if not self.opens_with_quote(index + 1):
                    unclosed.append(opened)
        return quotations, stray_closing, unclosed

    @cached_property
    def _by_paragraph(self) -> dict[int, list[Quotation]]:
        grouped: dict[int, list[Quotation]] = {}
        for quotation in self.pairing[0]:
            grouped.setdefault(quotation.paragraph, []).append(quotation)
        return grouped

    def quotations_in(self, index: int) -> list[Quotation]:
        return self._by_paragraph.get(index, [])

    def runs_on(self, index: int) -> bool:
        """Whether paragraph ``index`` ends inside a quote."""
        return any(quotation.close is None for quotation in self.quotations_in(index))

    def opens_with_quote(self, index: int) -> bool:
        paragraphs = self.story.paragraphs
        if index >= len(paragraphs):
            return False
        marks, paragraph = self.marks[index], paragraphs[index]
        indent = len(paragraph.text) - len(paragraph.text.lstrip())
        return bool(marks) and marks[0].role == OPENING and marks[0].offset == paragraph.start + indent


def story_quotes(story: Story) -> StoryQuotes:
    """One reading of the story's quotes, shared by every quote rule that checks it."""
    return story.derived(StoryQuotes)
