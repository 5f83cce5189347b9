"""What several story rules read from each paragraph's words, read once per paragraph and shared.

Each reader takes a paragraph's text (and the style, which it ignores, as
``Story.per_paragraph`` passes it), so the rules that call it through
``story.per_paragraph`` share one result per paragraph and a re-check reads
only the paragraphs that changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from editor.engine.story import Story, needing

# A capitalised word (letters joined by an apostrophe stay one word: "O'Brien") that starts a
# word: no letter, digit, apostrophe or hyphen before it (``\w`` is ``isalnum`` or "_"). That is
# asked after the capital, which lets the scan jump from capital to capital.
CAPITAL_STARTING_WORD = r"[A-Z](?<![\w'’-].)"
REST_OF_CAPITALISED_WORD = r"[^\W\d_]*(?:['’][A-Z][^\W\d_]*)*"
CAPITALISED_WORD = CAPITAL_STARTING_WORD + REST_OF_CAPITALISED_WORD
# Right after the capital: a letter other than A to Z comes before the word ends, or just after it.
# A word that fails is ALL CAPS ("US"), so a scan for words that are not can pass over it in C.
NOT_A_TO_Z_ONLY = r"(?=[A-Z'’]*[^\W\d_A-Z])"
_LOWERCASE = re.compile(r"\b[a-z]+\b")
_WORD = re.compile(r"[^\W\d_]+")
# Up to this many phrases are looked for one by one in a paragraph; more, in one reading of its words.
_FEW_PHRASES = 8
_GAP = re.compile(r"[^\S\r\n]+|[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*")


@needing(_LOWERCASE, nothing=frozenset())
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
        for start, end, value in find_phrases(paragraph.text, by_paragraph[index]):
            yield index, paragraph.start + start, paragraph.start + end, value


def find_phrases(text: str, phrases: Mapping[tuple[str, ...], Any]) -> Iterator[tuple[int, int, Any]]:
    """Where each phrase of ``phrases`` (its words of letters, as written) stands in ``text``, as whole
    words with spaces or one line break between them: (start, end, the phrase's value).

    A few phrases are each looked for with a pattern of their own; more, by reading the text's words
    once, so the time stays linear in the text whatever the number of phrases.
    """
    if len(phrases) <= _FEW_PHRASES:
        for phrase, value in phrases.items():
            for found in _phrase_pattern(phrase).finditer(text):
                yield found.start(), found.end("rest"), value
        return
    end = len(text)
    longest = max(len(phrase) for phrase in phrases)
    words = [(match.group(), match.start(), match.end()) for match in _WORD.finditer(text)]
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


@lru_cache(maxsize=1024)
def _phrase_pattern(phrase: tuple[str, ...]) -> re.Pattern[str]:
    """The phrase as whole words: no letter, digit, apostrophe or hyphen either side, and between its
    words the gap ``_GAP`` takes (atomic: its first way that matches, as ``_GAP.match`` would).

    Only the first word is taken, and the rest looked ahead for: a phrase may start inside the one
    before ("bye bye bye"). The scan jumps to the first word's letters in C.
    """
    first = re.escape(phrase[0])
    rest = "".join(f"(?>{_GAP.pattern}){re.escape(word)}" for word in phrase[1:])
    return re.compile(rf"{first}(?<![\w'’-]{first})(?=(?P<rest>{rest})(?![\w'’-]))")
