"""A story's text split the way the rules read it: paragraphs and lines.

Paragraphs are separated by one or more blank lines; a single line break
inside a paragraph is hard wrapping, as wire copy often has.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r|\n)(?:[^\S\r\n]*(?:\r\n|\r|\n))+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


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


class Story:
    """The whole text of one story, with its paragraphs and a line index."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._derived: dict = {}

    def derived(self, build):
        """``build(self)`` once per story, so that rules reading the story the same way share it."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return split_paragraphs(self.text)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [match.end() for match in _LINE_BREAK.finditer(self.text)]

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1
