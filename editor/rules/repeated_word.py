"""Repeated words: "Gatilov Gatilov", "the the", also across a line break.

Transmission and editing damage often leaves a word written twice. The fix
keeps the first copy and deletes the second with the space before it. A copy
joined to a possessive or to the rest of a compound is the same damage
("Apple Apple's", "non non-binding", "anti anti-war"), and the fix keeps the
longer form; a name is never read as a prefix ("Boutros Boutros-Ghali").
Doubles written on purpose ("had had", "that that", "Walla Walla", "Sirhan
Sirhan") are listed in ``resources/wordlists/legitimate-repeats.toml`` and
the house style's ``[words] legitimate_repeats``; written three times ("that
that that") they are flagged all the same, and the fix keeps the double. A
name followed by the same word as a common word is no repeat ("Prime Minister
Theresa May may face a vote", "George Will will speak"): a capitalised copy
in mid-sentence before a lowercase one. Numbers are left alone ("the score
was 10 10" is rare, but tables of figures are not).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from editor.engine.rule import ParagraphRule
from editor.engine.style import HouseStyle
from editor.engine.words import PREFIXES, starts_sentence

# A word, then spaces or one line break and the same word (any case), once or more. The last
# copy ends the word, or carries a possessive ("Apple's") or the rest of a compound ("anti-war"),
# which ``joined`` captures. The first word is atomic: a shorter part of it is never a repeat,
# so no backtracking; nor are the spaces between copies given back, since a copy starts with a
# letter, not a space (a paragraph that is one long repeat is read several times as fast).
_REPEAT = re.compile(
    r"(?<![\w'’-])((?>[^\W\d_]+))(?:(?:[^\S\r\n]++|[^\S\r\n]*+(?:\r\n|\r|\n)[^\S\r\n]*+)\1)+"
    r"(?=(?P<joined>['’]s(?!\w)|-[^\W\d_])|(?![\w'’-]))",
    re.IGNORECASE,
)
_COPY = re.compile(r"\S+")


def _copies(text: str, match: re.Match[str]) -> tuple[list[re.Match[str]], int]:
    """The first three copies of the repeated word, and how many there are: a repeat may run on
    for the whole paragraph, whose copies are counted in C (only spaces come between them)."""
    copies = list(islice(_COPY.finditer(text, match.start(), match.end()), 3))
    count = len(text[match.start() : match.end()].split()) if len(copies) == 3 else len(copies)
    return copies, count


def find(text: str, style: HouseStyle) -> Iterator:
    for match in _REPEAT.finditer(text):
        copies, count = _copies(text, match)
        # A name, then the same word as a common word: "Theresa May may face".
        first = copies[0].group()
        if first[0].isupper() and copies[1].group()[0].islower() and not starts_sentence(text, copies[0].start()):
            copies, count = copies[1:], count - 1
            if count < 2:
                continue
        first, second = copies[0].group(), copies[1].group()
        joined = match.group("joined") or ""
        if joined.startswith("-") and not (first.islower() or first.casefold() in PREFIXES):
            continue
        allowed = f"{first} {second}".casefold() in style.legitimate_repeats
        if allowed and count < 3:
            continue
        start = copies[0].start()
        if count > 2:
            message = f"“{first}” is written {count} times"
        else:
            message = f"“{first}” is repeated"
        yield RULE.issue(
            start,
            match.end(),
            message,
            explanation="A repeated word is usually typing or transmission damage; the fix deletes the extra copies.",
            replacements=[text[start : copies[1].end()] if allowed else first],
        )


RULE = ParagraphRule(
    id="repeated-word",
    category="typo",
    severity="error",
    find=find,
    doc=__doc__,
    # Each issue is a match of _REPEAT. At the paragraph's edges its look-arounds hold as well
    # beside the line breaks around it in the story (a line break is no letter, apostrophe or hyphen).
    needs=_REPEAT,
    must_flag=(
        "Deputy Foreign Minister Ivan Petrov Petrov said.",
        "He said the the talks failed.",
        "He said the the the talks failed.",
        "The the talks failed.",
        "officials said the\nthe talks failed",
        "Shares of Apple Apple's rivals fell.",
        "The non non-binding vote passed.",
        "Anti anti-war protesters marched.",
        "He said that that that was wrong.",
    ),
    must_pass=(
        "He had had enough.",
        "He said that that was wrong.",
        "Boutros Boutros-Ghali was secretary-general.",
        "Sirhan Sirhan was convicted.",
        "They drove to Walla Walla.",
        "Bye bye, he said.",
        "No, no, she said.",
        "The vote was 10 10 in the committee.",
        "the then-president said",
        "Prime Minister Theresa May may face a vote.",
        "Columnist George Will will speak on Monday.",
        "They flew to Bora Bora's main island.",
    ),
)
