"""What several story rules read from each paragraph's words, read once per paragraph and shared.

Each reader takes a paragraph's text (and the style, which it ignores, as
``Story.per_paragraph`` passes it), so the rules that call it through
``story.per_paragraph`` share one result per paragraph and a re-check reads
only the paragraphs that changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import compress
from typing import Any, TypeVar

from editor.engine.story import Paragraph, Story

Result = TypeVar("Result")

# A capitalised word (letters joined by an apostrophe stay one word: "O'Brien") that starts a
# word: no letter, digit, apostrophe or hyphen before it (``\w`` is ``isalnum`` or "_"). That is
# asked after the capital, which lets the scan jump from capital to capital.
CAPITAL_STARTING_WORD = r"[A-Z](?<![\w'’-].)"
REST_OF_CAPITALISED_WORD = r"[^\W\d_]*(?:['’][A-Z][^\W\d_]*)*"
CAPITALISED_WORD = CAPITAL_STARTING_WORD + REST_OF_CAPITALISED_WORD
# Right after the capital: a letter other than A to Z comes before the word ends, or just after it.
# A word that fails is ALL CAPS ("US"), so a scan for words that are not can pass over it in C.
NOT_A_TO_Z_ONLY = r"(?=[A-Z'’]*[^\W\d_A-Z])"
_CAPITALISED = re.compile(CAPITALISED_WORD)
_LOWERCASE = re.compile(r"\b[a-z]+\b")
_WORD = re.compile(r"[^\W\d_]+")
# Up to this many phrases are looked for one by one in a paragraph; more, in one reading of its words.
_FEW_PHRASES = 8
_GAP = re.compile(r"[^\S\r\n]+|[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*")


def capitalised_words(text: str, style: Any = None) -> tuple[tuple[str, int], ...]:
    """Each word that starts with a capital and is not ALL CAPS, with where it starts."""
    return tuple([(word, match.start()) for match in _CAPITALISED.finditer(text) if not (word := match.group()).isupper()])


def found_per_paragraph(story: Story, build: Callable[[str, Any], Result], style: Any) -> Iterator[tuple[Paragraph, Result]]:
    """Each paragraph where ``story.per_paragraph(build, style)`` found anything, with what it found.

    The paragraphs with nothing are passed over in C: a hostile story has hundreds of thousands.
    """
    found = story.per_paragraph(build, style)
    return compress(zip(story.paragraphs, found), found)


def lowercase_words(text: str, style: Any = None) -> frozenset[str]:
    """The words written in lowercase (the parts of a hyphenated word count as words)."""
    return frozenset(_LOWERCASE.findall(text))


def _paragraphs_using(story: Story, style: Any, words: Iterable[str]) -> dict[str, list[int]]:
    """For each of ``words``, the paragraphs (by index) that write it in lowercase."""
    wanted = frozenset(words)
    found: dict[str, list[int]] = {}
    if not wanted:
        return found
    for index, used in enumerate(story.per_paragraph(lowercase_words, style)):
        for word in wanted & used:
            found.setdefault(word, []).append(index)
    return found


def find_in_story(story: Story, style: Any, phrases: Mapping[tuple[str, ...], Any]) -> Iterator[tuple[int, int, int, Any]]:
    """Where each phrase of lowercase words stands in the story: (paragraph index, start, end, the
    phrase's value). Only a paragraph that writes every word of a phrase is read for it, and each
    paragraph once for all the phrases it may hold."""
    where = _paragraphs_using(story, style, {word for phrase in phrases for word in phrase})
    by_paragraph: dict[int, dict[tuple[str, ...], Any]] = {}
    for phrase, value in phrases.items():
        indexes = set(where.get(phrase[0], ()))
        for word in phrase[1:]:
            indexes &= set(where.get(word, ()))
        for index in indexes:
            by_paragraph.setdefault(index, {})[phrase] = value
    for index in sorted(by_paragraph):
        paragraph = story.paragraphs[index]
        for start, end, value in find_phrases(story.text, paragraph.start, paragraph.end, by_paragraph[index]):
            yield index, start, end, value


def find_phrases(text: str, start: int, end: int, phrases: Mapping[tuple[str, ...], Any]) -> Iterator[tuple[int, int, Any]]:
    """Where each phrase of ``phrases`` (its words, as written) stands in ``text[start:end]``, as whole
    words with spaces or one line break between them: (start, end, the phrase's value).

    A few phrases are each looked for with ``str.find``; more, by reading the span's words once,
    so the time stays linear in the span whatever the number of phrases.
    """
    if len(phrases) <= _FEW_PHRASES:
        for phrase, value in phrases.items():
            for found_start, found_end in _find_phrase(text, start, end, phrase):
                yield found_start, found_end, value
        return
    longest = max(len(phrase) for phrase in phrases)
    words = [(match.group(), match.start(), match.end()) for match in _WORD.finditer(text, start, end)]
    for first in range(len(words)):
        if first and text[words[first][1] - 1] in "-'’":
            continue  # the second part of "anti-war" or "O'Brien"
        for count in range(1, min(longest, len(words) - first) + 1):
            last = first + count - 1
            if count > 1 and not _GAP.fullmatch(text, words[last - 1][2], words[last][1]):
                break
            value = phrases.get(tuple(word for word, _, _ in words[first : last + 1]))
            after = words[last][2]
            if value is not None and (after == end or text[after] not in "-'’"):
                yield words[first][1], after, value


def _find_phrase(text: str, start: int, end: int, phrase: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    first = phrase[0]
    position = text.find(first, start, end)
    while position != -1:
        cursor = position + len(first)
        whole = position == start or not (text[position - 1].isalnum() or text[position - 1] in "_-'’")
        for word in phrase[1:]:
            gap = _GAP.match(text, cursor, end) if whole else None
            if gap is None or not text.startswith(word, gap.end(), end):
                whole = False
                break
            cursor = gap.end() + len(word)
        if whole and (cursor == end or not (text[cursor].isalnum() or text[cursor] in "_-'’")):
            yield position, cursor
        position = text.find(first, position + 1, end)
