"""Small text helpers the rules share: word boundaries, case matching, sentence starts."""

from __future__ import annotations

import re
from collections.abc import Iterable

from editor.engine.resources import word_list

# Between the words of a phrase: spaces, or one line break with spaces around it.
INNER_SPACE = r"(?:[^\S\r\n]+|[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*)"
# A pattern that matches no text: what a rule ``needs`` where the house style gives it nothing to
# look for (an empty character class, which the regex engine scans for in C).
NOTHING = re.compile(r"[^\s\S]")

# Quotation marks and brackets that close a sentence after its mark, or open one before its first word.
CLOSERS = "\"”’')]"
OPENERS = "\"“‘'(["

_ABBREVIATIONS = frozenset(word_list("abbreviations")["abbreviations"])
PREFIXES = frozenset(word_list("prefixes")["prefixes"])
# The small words Title Case leaves lowercase ("Economical Travel in Japan").
TITLE_CASE_MINOR_WORDS = frozenset("a an and as at but by for from in into nor of on or the to vs via with".split())
_MARK_BEFORE = re.compile(rf"([.?!])([{re.escape(CLOSERS)}]*)\s+[{re.escape(OPENERS)}]*$")
_WORD_AFTER = re.compile(r"\s*(\w+)")
_WORD_BEFORE = re.compile(r"(\w+)\s*$")
# How far from a position its neighbouring token or word is looked for: reading
# further for every match would make text of many matches quadratic.
REACH = 40


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def spaced_phrase(phrase: str) -> str:
    """A pattern for ``phrase`` as written, its inner spaces any run of spaces or one line break."""
    return INNER_SPACE.join(re.escape(part) for part in phrase.split())


def bounded_phrase(phrase: str, case_sensitive: bool) -> re.Pattern[str]:
    """A pattern for ``phrase`` as whole words; inner spaces match any run of spaces or one line break."""
    body = spaced_phrase(phrase)
    before = r"(?<![\w])" if is_word_char(phrase[0]) else ""
    after = r"(?![\w])" if is_word_char(phrase[-1]) else ""
    return re.compile(before + body + after, 0 if case_sensitive else re.IGNORECASE)


# What Python's case-insensitive matching takes for an ASCII letter beyond its two cases.
_OTHER_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def class_led_phrase(phrase: str, case_sensitive: bool, then: str = "", boundary_before: bool = True) -> str:
    """``bounded_phrase``'s pattern, written so that its first operation reads one character
    against a plain character class, with case-insensitivity written inline.

    In an alternation of such phrases the regex engine passes over each phrase
    that cannot start at the character it stands on with one comparison, where
    a phrase led by a group or a look-behind is entered and tried: three times as
    fast over a text of many candidate positions. The word boundary before the
    phrase is checked after its first character ("(?<!\\w.)"), which is the same test.
    ``then`` is a pattern read after the phrase, before the word boundary after it (a suffix).
    Without ``boundary_before`` the boundary before is left to the caller, which may check it
    once for a whole alternation.
    """
    first = phrase[0]
    rest = spaced_phrase(phrase)[len(re.escape(first)) :]
    if case_sensitive or not first.isalpha():
        lead = re.escape(first)
    elif first.isascii():
        lead = f"[{first.lower()}{first.upper()}{_OTHER_CASES.get(first.lower(), '')}]"
    else:  # a letter whose other cases are many and Unicode's to know: read as the engine reads it
        lead = f"(?i:{first})"
    if not case_sensitive and rest:
        rest = f"(?i:{rest})"
    before = r"(?<!\w.)" if boundary_before and is_word_char(first) else ""
    after = r"(?![\w])" if is_word_char(phrase[-1]) else ""
    return lead + before + rest + then + after


def word_trie(words: Iterable[str]) -> str:
    """A pattern for any of ``words`` written as a trie ("t(?:en|w(?:elve|enty))"), longest first.

    The regex engine rejects most positions on a trie's first letter or two, where a flat list of
    alternatives is tried word by word at every position (five times slower on a megabyte).
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def written(node: dict) -> str:
        branches = [re.escape(char) + written(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return f"(?:{'|'.join(branches)})" + ("?" if "" in node else "")

    return f"(?:{written(tree)})"


def match_case(replacement: str, original: str) -> str:
    """``replacement`` with the capitalisation of ``original`` (Title or UPPER), where that is clear."""
    if original.isupper() and len(original) > 1 and not replacement.isupper():
        return replacement.upper()
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement



def skip_space(text: str, position: int) -> int:
    """The first position at or after ``position`` that is not white space."""
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def token_before(text: str, position: int, reach: int = REACH) -> str:
    """The run of non-space characters that ends at ``position``, at most ``reach`` long.

    As ``\\S*$`` would find it (``$`` also matches before a last line break), read with
    ``str`` methods: rules call this at every match, and a regex search tries each of
    the ``reach`` positions in turn.
    """
    before = text[max(0, position - reach) : position]
    if before.endswith("\n"):
        before = before[:-1]
    if not before or before[-1].isspace():
        return ""
    return before.rsplit(None, 1)[-1]


def last_before(text: str, position: int, reach: int) -> str:
    """The last character that is no space in the ``reach`` characters before ``position``, or "".

    A rule reads it before a search back that needs the text there to end a certain way (a digit,
    a letter): most positions are told apart at once, where the search would try each in turn.
    """
    return text[max(0, position - reach) : position].rstrip()[-1:]


def word_before(text: str, position: int) -> str:
    """The word before ``position`` across any spaces, or "" if there is none within ``REACH``
    characters or it runs on past them (a word that long is not one the rules list)."""
    floor = max(0, position - REACH)
    found = _WORD_BEFORE.search(text, floor, position)
    if found is None or (found.start() == floor and floor and is_word_char(text[floor - 1])):
        return ""
    return found.group(1)


def word_after(text: str, position: int) -> str:
    """The word after ``position`` across any spaces, or "" if there is none within ``REACH`` characters
    or it runs on past them."""
    ceiling = min(len(text), position + REACH)
    found = _WORD_AFTER.match(text, position, ceiling)
    if found is None or (found.end() == ceiling < len(text) and is_word_char(text[ceiling])):
        return ""
    return found.group(1)


def ends_sentence(token: str, mark: str, closers: str) -> bool:
    """Whether ``mark`` after ``token`` (and before the closing quotes ``closers``) ends a sentence.

    A full stop after an abbreviation ("Gen.", "U.S.", "a.m."), an initial or
    another point (an ellipsis) does not; a question or exclamation inside a
    quotation does not either, since the attribution follows ('"Why?" he asked').
    """
    if mark != ".":
        return not closers
    if "." in token:
        return False
    # The state in a party and state label: "(D-Calif.)".
    word = token.lstrip(OPENERS).casefold().rpartition("-")[2]
    return len(word) > 1 and word not in _ABBREVIATIONS


def starts_sentence(text: str, start: int, floor: int = 0) -> bool:
    """Whether the word at ``start`` opens a sentence: first in the text (or after ``floor``, where
    its paragraph starts), or after a mark that ends one."""
    if _opens_text(text, start, floor):
        return True
    gap = _MARK_BEFORE.search(text, max(floor, start - 12), start)
    if gap is None:
        return False
    return ends_sentence(token_before(text, gap.start()), gap.group(1), gap.group(2))


def _opens_text(text: str, start: int, floor: int = 0) -> bool:
    """Whether only spaces and then opening marks come between ``floor`` and ``start``.

    Read backwards from ``start``, so that each word asked about costs the run
    before it, not the whole text before it.
    """
    position = start
    while position > floor and text[position - 1] in OPENERS:
        position -= 1
    while position > floor and text[position - 1].isspace():
        position -= 1
    return position == floor
