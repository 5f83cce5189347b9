"""Sending a story to LanguageTool by paragraph, and only the paragraphs that changed.

LanguageTool checks paragraph by paragraph, so what it finds in a paragraph
can be kept by the paragraph's text: after an edit only the changed
paragraphs are sent again. They go together, separated by a blank line as
LanguageTool separates paragraphs, in requests of at most ``BATCH_CHARS``
characters, so that a newer check can take over between two requests.
Matches come back with UTF-16 lengths and are mapped to code points here.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator

from editor.engine.issues import Issue
from editor.engine.story import split_paragraphs
from editor.engine.utf16 import Utf16Offsets
from editor.grammar.adapter import is_speller, issue_from_match

BATCH_CHARS = 15_000
CACHE_SIZE = 20_000
SEPARATOR = "\n\n"

# Text in, language_tool_python.Match objects out (offsets in code points, lengths in UTF-16 units).
Send = Callable[[str], list]


class ParagraphCache:
    """LanguageTool's issues per paragraph text (offsets relative to the paragraph), per set of settings."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[Hashable, str], tuple[Issue, ...]] = OrderedDict()

    def check(self, text: str, profile: Hashable, send: Send, superseded: Callable[[], bool]) -> list[Issue] | None:
        """The issues in ``text``, asking ``send`` only about paragraphs not seen under ``profile``;
        ``None`` if ``superseded()`` turns true before the last request."""
        paragraphs = split_paragraphs(text)
        found: dict[str, tuple[Issue, ...]] = {}
        for paragraph in paragraphs:
            cached = self._entries.get((profile, paragraph.text))
            if cached is not None:
                self._entries.move_to_end((profile, paragraph.text))
                found[paragraph.text] = cached
        missing = list(dict.fromkeys(p.text for p in paragraphs if p.text not in found))
        for batch in _batches(missing):
            if superseded():
                return None
            for paragraph_text, issues in zip(batch, _ask(batch, send)):
                found[paragraph_text] = issues
                self._store((profile, paragraph_text), issues)
        return [issue.shifted(paragraph.start) for paragraph in paragraphs for issue in found[paragraph.text]]

    def _store(self, key: tuple[Hashable, str], issues: tuple[Issue, ...]) -> None:
        self._entries[key] = issues
        if len(self._entries) > self._size:
            self._entries.popitem(last=False)


def _batches(texts: list[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and size + len(text) > BATCH_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text) + len(SEPARATOR)
    if batch:
        yield batch


def _ask(batch: list[str], send: Send) -> list[tuple[Issue, ...]]:
    """Each paragraph's issues, from one request with the paragraphs of ``batch``."""
    joined = SEPARATOR.join(batch)
    starts = []
    position = 0
    for text in batch:
        starts.append(position)
        position += len(text) + len(SEPARATOR)
    offsets = Utf16Offsets(joined)
    found: list[list[Issue]] = [[] for _ in batch]
    for match in send(joined):
        if is_speller(match.rule_id):
            continue  # Copydesk spells on its own; see adapter
        start = match.offset
        end = offsets.from_utf16(offsets.to_utf16(start) + match.error_length)
        index = bisect.bisect_right(starts, start) - 1
        # A match reaching into the separator is about the joint, not the story.
        if start < 0 or end > starts[index] + len(batch[index]):
            continue
        paragraph_start = starts[index]
        found[index].append(issue_from_match(match, start - paragraph_start, end - paragraph_start, batch[index]))
    return [tuple(issues) for issues in found]


class IssuesByParagraph:
    """LanguageTool's last answer, kept by paragraph text so that it can be shown on newer text at once.

    LanguageTool answers in a fraction of a second to several; until then the
    paragraphs an edit did not touch keep their underlines where they moved to,
    and the changed ones wait for the new answer.
    """

    def __init__(self, text: str = "", issues: list[Issue] = ()) -> None:
        self._by_text: dict[str, list[Issue]] = {}
        paragraphs = split_paragraphs(text)
        starts = [paragraph.start for paragraph in paragraphs]
        # A paragraph that recurs word for word has the same issues each time: keep its first.
        first = {}
        for paragraph in paragraphs:
            first.setdefault(paragraph.text, paragraph.start)
            self._by_text.setdefault(paragraph.text, [])
        for issue in issues:
            paragraph = paragraphs[bisect.bisect_right(starts, issue.start) - 1]
            if first[paragraph.text] == paragraph.start:
                self._by_text[paragraph.text].append(issue.shifted(-paragraph.start))

    def in_text(self, text: str) -> list[Issue]:
        """The kept issues of every paragraph of ``text`` that LanguageTool has seen unchanged."""
        if not self._by_text:
            return []
        return [
            issue.shifted(paragraph.start)
            for paragraph in split_paragraphs(text)
            for issue in self.of_paragraph(paragraph.text)
        ]

    def of_paragraph(self, text: str) -> list[Issue]:
        """The kept issues of a paragraph with this text (offsets relative to it); none if not seen."""
        return self._by_text.get(text, [])
