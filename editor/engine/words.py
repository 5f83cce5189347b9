"""Small text helpers the rules share: word boundaries and case matching."""

from __future__ import annotations

import re

# Between the words of a phrase: spaces, or one line break with spaces around it.
INNER_SPACE = r"(?:[^\S\r\n]+|[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*)"


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def bounded_phrase(phrase: str, case_sensitive: bool) -> re.Pattern[str]:
    """A pattern for ``phrase`` as whole words; inner spaces match any run of spaces or one line break."""
    parts = [re.escape(part) for part in phrase.split()]
    body = INNER_SPACE.join(parts)
    before = r"(?<![\w])" if is_word_char(phrase[0]) else ""
    after = r"(?![\w])" if is_word_char(phrase[-1]) else ""
    return re.compile(before + body + after, 0 if case_sensitive else re.IGNORECASE)


def match_case(replacement: str, original: str) -> str:
    """``replacement`` with the capitalisation of ``original`` (Title or UPPER), where that is clear."""
    if original.isupper() and len(original) > 1 and not replacement.isupper():
        return replacement.upper()
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement

