"""Find and replace in a story's text: plain text or a regular expression, matching case or not,
whole words or not. No Qt: text and a query in, matches (code-point offsets) and replacements out.

Every query runs on RE2 (``editor.engine.patterns``), plain text included
(as a literal), so no pattern a user types can make the window wait longer
than the text's length allows. In a regular expression, ``^`` and ``$`` match
at the start and end of each line, as editors expect; a replacement may use
``\\1`` or ``\\g<name>`` for what a group matched. A plain-text replacement is
taken as it is written. A whole word is a match with no letter, digit or
underscore just before or after it (Unicode's, not only ASCII's, as RE2's
``\\b`` would be). A match of no characters (``^``, ``x*``) is not counted: there
is nothing to select or replace.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from editor.engine.patterns import Template, compile_user_pattern, expand, read_template

# A query is typed, or a sentence pasted: long enough for that, short enough to compile at once.
MAX_QUERY_LENGTH = 1_000
# Replace All stops short of this many matches: a million one-character replacements take
# seconds to find and make, and no story needs them.
MAX_REPLACEMENTS = 100_000


class TooManyMatches(ValueError):
    pass


@dataclass(frozen=True)
class Query:
    text: str
    match_case: bool = False
    whole_words: bool = False
    regular_expression: bool = False


class Search:
    """A query compiled: its matches in a text, and what replaces each. PatternError when it cannot run."""

    def __init__(self, query: Query) -> None:
        self.query = query
        pattern = query.text if not query.regular_expression else "(?m)" + query.text
        self._pattern = compile_user_pattern(
            pattern, query.match_case, literal=not query.regular_expression, max_length=MAX_QUERY_LENGTH
        )

    def matches(self, text: str, limit: int | None = None) -> list[tuple[int, int]]:
        """The (start, end) of each match in ``text``, in order; at most ``limit`` of them."""
        found = []
        for match in self._matches(text):
            if limit is not None and len(found) >= limit:
                break
            found.append((match.start(), match.end()))
        return found

    def replacement(self, text: str, start: int, end: int, replacement: str) -> str | None:
        """What replaces the match from ``start`` to ``end`` of ``text`` (the one the query finds when
        it looks from ``start``); None when that is no match."""
        template = self._template(replacement)
        for match in self._matches(text, start):
            if (match.start(), match.end()) == (start, end):
                return expand(template, match)
            if match.start() >= start:
                return None
        return None

    def replace_all(self, text: str, replacement: str) -> list[tuple[int, int, str]]:
        """Every match in ``text`` as (start, end, what replaces it), in order. TooManyMatches past
        ``MAX_REPLACEMENTS``; PatternError for a replacement that cannot work."""
        template = self._template(replacement)
        replaced = []
        for match in self._matches(text):
            if len(replaced) == MAX_REPLACEMENTS:
                raise TooManyMatches(f"more than {MAX_REPLACEMENTS:,} matches: too many to replace at once")
            replaced.append((match.start(), match.end(), expand(template, match)))
        return replaced

    def _template(self, replacement: str) -> Template:
        if self.query.regular_expression:
            return read_template(replacement, self._pattern)
        return (replacement,)

    def _matches(self, text: str, position: int = 0) -> Iterator:
        for match in self._pattern.finditer(text, position):
            start, end = match.start(), match.end()
            if start == end:
                continue
            if self.query.whole_words and (_word_at(text, start - 1) or _word_at(text, end)):
                continue
            yield match


def _word_at(text: str, index: int) -> bool:
    """Whether the character at ``index`` is part of a word (a letter, digit, underscore or combining mark)."""
    if index < 0 or index >= len(text):
        return False
    character = text[index]
    return character.isalnum() or character == "_" or unicodedata.category(character).startswith("M")

