"""A sentence that starts with a lowercase letter: "sovereignty. this is", a paragraph "the talks failed.".

Retyping and transmission damage loses capitals after a full stop, and at the
start of a paragraph or story (after any opening quotation mark). A full stop
that ends an abbreviation ("U.S.", "Gen.", "a.m.", "Mr.", "(D-Calif.)",
initials) does not end a sentence; the list is
``resources/wordlists/abbreviations.toml``. Where the stop is more likely the
error, mending it is the first fix: it goes before a word that carries a
sentence on ("was approved. because", "the plan. which"), and becomes a comma
before the attribution after a quote (``ended." she said`` to ``ended," she
said``); the capital is the second fix. Left alone:
words after an ellipsis, a question or exclamation inside a quotation followed
by its attribution ('"Why?" he asked'), a title or name that ends in one
("Who Wants to Be a Millionaire? drew", "Yahoo! said"), words that are not
written with a capital ("iPhone", "eBay", web addresses), and a paragraph that
carries on one broken off mid-sentence (the paragraph before ends on a comma,
a colon or a word).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from heapq import merge
from itertools import compress

from editor.engine.issues import Issue
from editor.engine.rule import StoryRule
from editor.engine.story import Story, needing
from editor.engine.style import HouseStyle
from editor.engine.words import CLOSERS, ends_sentence, token_before

# Starts at the mark, so the scan jumps from mark to mark; the word before is read after.
# The word is atomic: giving back its letters one by one to retry the look-ahead made a long word quadratic.
# A full stop after a lone ASCII letter, an initial ("J. smith"), ends no sentence (``ends_sentence``):
# the look-behind passes over it in C.
_AFTER_SENTENCE_END = re.compile(
    r"([.?!])(?<!(?<!\S)[A-Za-z]\.)([\"”’')\]]*)[^\S\r\n]+((?>[a-z][a-z'’]*))(?![\w./@-]*[A-Z./@])"
)
# The first word of a paragraph, after any opening quotation mark, followed by a space or punctuation.
_FIRST_WORD = re.compile(r"[\"“‘]?[^\S\r\n]*([a-z][a-z'’]*)(?=[\s,;:!?\"”’—–-]|\.(?!\w))")
# The same, but a line break after the word counts only with more of the paragraph after it. In a
# paragraph the story goes on after, every line break has more after it (a blank line would have
# ended the paragraph), so the two read it alike; only the story's last paragraph may end in a line
# break ("the\n"), and ``find`` reads that one with ``_FIRST_WORD``. So a paragraph of one word
# ("a") needs nothing of the line break the story puts after it.
_WORD_GOES_ON = r"(?=[^\S\r\n]|(?:\r\n|\r|\n)[^\S\r\n]*\S|[,;:!?\"”’—–-]|\.(?!\w))"
_FIRST_WORD_GOING_ON = re.compile(rf"[\"“‘]?[^\S\r\n]*([a-z][a-z'’]*){_WORD_GOES_ON}")
# What ``_first`` needs: its first word where a paragraph starts, after nothing or a line break
# (a paragraph of the story always stands after one or the other). Given back letter by letter, a
# word only meets the look-ahead again at a "’" inside it, so the word is read once, not given back
# (a paragraph of one long word): up to its first "’", or whole with the look-ahead after it. It may
# also match where a line starts inside a paragraph: that paragraph is read for nothing.
_STARTING_FIRST_WORD = re.compile(rf"(?<![^\r\n])[\"“‘]?[^\S\r\n]*[a-z](?:[a-z']*+’|[a-z'’]*+{_WORD_GOES_ON})")
_DOUBLE_CLOSING = "\"”"
_ENDS_SENTENCE = ".?!…"
# Words that carry a sentence on and hardly ever start one: a stop before them is the error.
_CARRIES_ON = frozenset("because which whom whose than whereas whereby nor".split())


def _capitalised(word: str) -> str:
    return word[0].upper() + word[1:]


def _after_a_stop(text: str, match: re.Match[str]) -> Issue | None:
    mark, closers, word = match.groups()
    if not ends_sentence(token_before(text, match.start()), mark, closers):
        return None
    # A title or name that ends in "?" or "!": "Who Wants to Be a Millionaire? drew", "Yahoo! said".
    if mark in "?!" and token_before(text, match.start())[:1].isupper():
        return None
    start, end = match.start(3), match.end(3)
    fixes = [_capitalised(word)]
    if mark == "." and closers in _DOUBLE_CLOSING and (closers or word in _CARRIES_ON):
        start = match.start(1)
        gap = text[match.end(2) : match.start(3)]
        capitalised = f".{closers}{gap}{_capitalised(word)}"
        if closers:
            # '"We are done." she said': the attribution follows, so the stop was a comma.
            fixes = [f",{closers}{gap}{word}", capitalised]
        else:
            fixes = [f"{gap}{word}", capitalised]
    return RULE.issue(
        start,
        end,
        f"Sentence starts with a lowercase letter: “{word}”",
        "A capital was lost after the end of the previous sentence, or the full stop before it is a slip.",
        fixes,
    )


# Every issue is a match of the scan, which reads the text's edge and a line break alike: the
# look-behind asks for no other character than a space before an initial, the look-ahead for none
# that goes on a word.
@needing(_AFTER_SENTENCE_END, nothing=())
def _inside(text: str, style: HouseStyle) -> tuple[Issue, ...]:
    """The paragraph's own sentences that start in lowercase, after its first."""
    found = (_after_a_stop(text, match) for match in _AFTER_SENTENCE_END.finditer(text))
    return tuple(issue for issue in found if issue is not None)


def _first_word(match: re.Match[str] | None) -> Issue | None:
    """The issue of a paragraph's first word in lowercase, matched at its start, if any."""
    if match is None:
        return None
    word = match.group(1)
    return RULE.issue(
        match.start(1),
        match.end(1),
        f"Paragraph starts with a lowercase letter: “{word}”",
        "The first word of a paragraph starts a sentence and takes a capital.",
        [_capitalised(word)],
    )


# An issue only where ``_FIRST_WORD_GOING_ON`` matches at the paragraph's start.
@needing(_STARTING_FIRST_WORD, nothing=None)
def _first(text: str, style: HouseStyle) -> Issue | None:
    """The first word of a paragraph the story goes on after, if it starts in lowercase."""
    return _first_word(_FIRST_WORD_GOING_ON.match(text))


def _opens_a_sentence(paragraphs: list, index: int) -> bool:
    """Whether the paragraph at ``index`` starts a sentence: first, after the headline, or after a sentence's end.

    After a comma, a colon or a word the paragraph carries on one broken off mid-sentence, or is a list item.
    """
    if index == 0:
        return True
    last = paragraphs[index - 1].text.rstrip().rstrip(CLOSERS)[-1:]
    return last in _ENDS_SENTENCE or (index == 1 and last.isalnum())


def find(story: Story, style: HouseStyle) -> Iterator:
    paragraphs = story.paragraphs
    if not paragraphs:
        return
    inside = story.per_paragraph(_inside, style)
    firsts = story.per_paragraph(_first, style)
    last = len(paragraphs) - 1
    # The last paragraph may end in the story's last line break: its first word is read as ever.
    last_first = _first_word(_FIRST_WORD.match(paragraphs[last].text))
    # Only the paragraphs with an issue, in order: a story of many short paragraphs has few.
    # (An issue is true, and so is a tuple of them; None and an empty tuple are false.)
    indexes = range(last)
    for index in dict.fromkeys(merge(compress(indexes, firsts), compress(indexes, inside), (last,))):
        paragraph = paragraphs[index]
        first = last_first if index == last else firsts[index]
        if first is not None and _opens_a_sentence(paragraphs, index):
            yield first.shifted(paragraph.start)
        for issue in inside[index]:
            yield issue.shifted(paragraph.start)


RULE = StoryRule(
    id="sentence-case",
    category="typo",
    severity="error",
    find=find,
    doc=__doc__,
    must_flag=(
        "It was a breach of sovereignty. this is unacceptable.",
        "Why did it fail? nobody knows.",
        "The talks ended. the delegates left.",
        "Talks fail\n\nthe talks failed on Monday.",
        'Talks fail\n\n"the talks failed," he said.',
        "The bill was approved. because it was urgent.",
        '"The talks have ended." she said.',
    ),
    must_pass=(
        "U.S. officials met at 9 a.m. on Tuesday.",
        "Lt. Gen. Smith and Mr. jones met.",
        "He paused... then spoke.",
        '"Why?" he asked.',
        '"Go home!" she shouted.',
        "Apple sold more phones. iPhone sales rose.",
        "The report is online. www.example.org has it.",
        "Author J. smith wrote it.",
        "It was cold. This is normal.",
        "Who Wants to Be a Millionaire? drew 10 million viewers, and Yahoo! said so.",
        "Sen. Phil Gramm (R-Tex.) said, and Rep. Jane Doe (D-Calif.) agreed.",
        "Talks fail\n\nOfficials said the bank, the sixth largest,\n\nplanned a share split.",
        "Talks fail\n\nThe plan includes:\n\nhigher taxes",
        "iPhone sales soar\n\neBay said sales rose.",
    ),
)
