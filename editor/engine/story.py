"""A story's text split the way the rules read it: paragraphs and lines.

Paragraphs are separated by one or more blank lines; a single line break
inside a paragraph is hard wrapping, as wire copy often has.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

Result = TypeVar("Result")

_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r|\n)(?:[^\S\r\n]*(?:\r\n|\r|\n))+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SENTENCE_END = re.compile(r"[.?!:][\"”’')\]]*\s*$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs in order, each without its surrounding blank lines."""
    paragraphs = []
    position = 0
    for separator in _PARAGRAPH_BREAK.finditer(text):
        _append_trimmed(paragraphs, text, position, separator.start())
        position = separator.end()
    _append_trimmed(paragraphs, text, position, len(text))
    return paragraphs


def _append_trimmed(paragraphs: list[Paragraph], text: str, start: int, end: int) -> None:
    # Leading blank lines at the top of the text are not part of a paragraph.
    while start < end and text[start] in "\r\n":
        start += 1
    if start < end and text[start:end].strip():
        paragraphs.append(Paragraph(start, text[start:end]))


class ParagraphMemo:
    """Results read from one paragraph's text, kept from one check of a story to the next.

    An edit changes a paragraph or two, so a re-check finds the others' results
    here. A result has offsets relative to its paragraph, so it holds wherever
    the paragraph has moved. A result no check has used since the one before
    last is dropped, so the memo holds about one story's worth: the versions of
    a paragraph being typed do not pile up (nor keep the garbage collector
    busy). At most ``limit`` results are kept: a text longer than any story
    being edited is read once through and needs none kept. A Checker owns one,
    for its one house style, and uses it from one thread, calling
    ``next_check`` before each check.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._used: dict[tuple[Callable, str], Any] = {}
        self._unused: dict[tuple[Callable, str], Any] = {}

    def next_check(self) -> None:
        self._unused, self._used = self._used, {}

    def result(self, build: Callable[[str, Any], Result], text: str, style: Any) -> Result:
        key = (build, text)
        if key in self._used:
            return self._used[key]
        found = self._unused.pop(key) if key in self._unused else build(text, style)
        if len(self._used) < self.limit:
            self._used[key] = found
        return found


class Story:
    """The whole text of one story, with its paragraphs and a line index."""

    def __init__(self, text: str, memo: ParagraphMemo | None = None) -> None:
        self.text = text
        self._memo = memo
        self._derived: dict = {}

    def derived(self, build):
        """``build(self)`` once per story, so that rules reading the story the same way share it."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return split_paragraphs(self.text)

    def per_paragraph(self, build: Callable[[str, Any], Result], style: Any) -> list[Result]:
        """``build(paragraph_text, style)`` for each paragraph, from the memo where the story has one.

        ``build`` must read nothing but the paragraph's text and the style.
        """
        if self._memo is None:
            return [build(paragraph.text, style) for paragraph in self.paragraphs]
        return [self._memo.result(build, paragraph.text, style) for paragraph in self.paragraphs]

    def found_in_paragraphs(self, build: Callable[[str, Any], tuple], style: Any) -> list:
        """What ``build`` finds in each paragraph (as ``per_paragraph``), moved to offsets into the story.

        Each finding has a ``shifted(offset)`` method, as an ``Issue`` has.
        """
        return [
            found.shifted(paragraph.start)
            for paragraph, findings in zip(self.paragraphs, self.per_paragraph(build, style))
            for found in findings
        ]

    @cached_property
    def headline(self) -> Paragraph | None:
        """The first paragraph where it is a headline: one line, not ended by a sentence's mark."""
        if not self.paragraphs:
            return None
        first = self.paragraphs[0]
        if _LINE_BREAK.search(first.text) or _SENTENCE_END.search(first.text):
            return None
        return first

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [match.end() for match in _LINE_BREAK.finditer(self.text)]

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def shown_at(self, start: int, end: int) -> tuple[int, int]:
        """The line and column where the span from ``start`` to ``end`` is seen: its first character
        that is not a line break. A span may start with line breaks that its fix deletes (a web-page
        leftover's starts at the end of the line above it), and an editor looks for the words."""
        seen = start
        while seen < end and self.text[seen] in "\r\n":
            seen += 1
        return self.line_column(seen if seen < end else start)
