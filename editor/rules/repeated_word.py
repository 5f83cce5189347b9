"""Repeated words: "Gatilov Gatilov", "the the", also across a line break.

Transmission and editing damage often leaves a word written twice. The fix
keeps the first copy and deletes the second with the space before it.
Doubles written on purpose ("had had", "that that", "Walla Walla", "Sirhan
Sirhan") are listed in ``resources/wordlists/legitimate-repeats.toml`` and
the house style's ``[words] legitimate_repeats``; hyphenated names such as
"Boutros Boutros-Ghali" are one word and never a repeat. Numbers are left
alone ("the score was 10 10" is rare, but tables of figures are not).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.rule import ParagraphRule
from editor.engine.style import HouseStyle

# A word, then spaces or one line break and the same word (any case), once or
# more, with no hyphen or apostrophe joining a copy to a longer word. The first
# word is atomic: a shorter part of it is never a repeat, so no backtracking.
_REPEAT = re.compile(
    r"(?<![\w'’-])((?>[^\W\d_]+))(?:(?:[^\S\r\n]+|[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*)(\1))+(?![\w'’-])",
    re.IGNORECASE,
)


def find(text: str, style: HouseStyle) -> Iterator:
    for match in _REPEAT.finditer(text):
        first, second = match.group(1), match.group(2)
        if f"{first} {second}".casefold() in style.legitimate_repeats:
            continue
        yield RULE.issue(
            match.start(),
            match.end(),
            f"“{first}” is repeated",
            explanation="A repeated word is usually typing or transmission damage; the fix deletes the second copy.",
            replacements=[first],
        )


RULE = ParagraphRule(
    id="repeated-word",
    category="typo",
    severity="error",
    find=find,
    doc=__doc__,
    must_flag=(
        "Deputy Foreign Minister Ivan Petrov Petrov said.",
        "He said the the talks failed.",
        "He said the the the talks failed.",
        "The the talks failed.",
        "officials said the\nthe talks failed",
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
    ),
)
