"""A comma with no space after it between two words: "ships,which", "Monday,the".

Joined words are typing or transmission damage; the fix puts the space back.
Only a comma between two words counts (the one after may be "I" or "a"), so
figures ("1,000", "1,2-dichloroethane"), single letters ("a,b"), codes in
capitals on both sides ("NYSE,AMEX", "NEW YORK,MARCH 31") and tickers
("AAPL.O,MSFT.O", "<TWA>,<PAN>") are left alone, and so is anything in a web
or e-mail address, a path, a query or code (a run of characters that holds
"/", "@", "=", ":", "<", "_", "(", "\\" and the like). An abbreviation with
points before the comma ("U.S.,which") is left to the editor; one after it
("Iran,U.S. officials") is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.rule import ParagraphRule
from editor.engine.style import HouseStyle

# Starts at the comma (the scan jumps from comma to comma); the words either side are checked around it.
_JOINED = re.compile(r",(?<=[^\W\d_],)(?=[^\W\d_])")
_WORDS = re.compile(r"[^\W_][\w'’]*")
# An abbreviation with points after the comma ("Iran,U.S. officials") is a word, not an address.
_POINTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?")
# One-letter words that can follow a comma in prose.
_ONE_LETTER_WORDS = frozenset("I a A".split())
# The run of non-space characters around the comma: an address, a path or code if it holds any of these.
_NOT_PROSE = re.compile(r"[/@=:<>_()\[\]{}\\|#&~`*+$%.]")
_RUN_AFTER = re.compile(r"\S{0,60}")
_REACH = 60


def _run_before(text: str, comma: int) -> str:
    """The non-space characters right before the comma, at most ``_REACH`` of them."""
    window = text[max(0, comma - _REACH) : comma]
    return window[max(window.rfind(space) for space in " \t\r\n") + 1 :]


def _between_words(before: str, after: str) -> bool:
    """Whether the runs either side are words of prose, not letters of a list or codes in capitals."""
    first = _WORDS.findall(before)[-1]
    if _POINTED.fullmatch(after):
        return len(first) > 1
    if _NOT_PROSE.search(after):
        return False
    second = _WORDS.match(after).group()
    if len(first) < 2 or (len(second) < 2 and second not in _ONE_LETTER_WORDS):
        return False
    return not (first.isupper() and second.isupper() and len(second) > 1)


def find(text: str, style: HouseStyle) -> Iterator:
    if "," not in text:
        return
    for match in _JOINED.finditer(text):
        comma = match.start()
        before = _run_before(text, comma)
        after = _RUN_AFTER.match(text, comma + 1).group().rstrip(",;:!?\"”’')]")
        after = after if _POINTED.fullmatch(after) else after.rstrip(".")
        if _NOT_PROSE.search(before) or not _between_words(before, after):
            continue
        yield RULE.issue(
            comma,
            comma + 1,
            "No space after a comma",
            "Two words run together at a comma; a space belongs after it.",
            [", "],
            group=RULE.id,
        )


RULE = ParagraphRule(
    id="missing-space-after-comma",
    category="punctuation",
    severity="error",
    find=find,
    doc=__doc__,
    # Each issue is at a match of _JOINED, whose look-arounds read only the letters either side of
    # the comma (a line break is none, nor is the paragraph's edge).
    needs=_JOINED,
    must_flag=(
        "Rescuers reached the ships,which had run aground.",
        "The talks ended on Monday,The delegates said.",
    ),
    must_pass=(
        "About 1,000 people and 3.5 pct of 1,2-dichloroethane.",
        "U.S. officials met, and the U.S.,which is rare, agreed.",
        "See www.example.com/a,b or mail news,desk@example.org.",
        "Prices for AAPL.O,MSFT.O and <TWA>,<PAN> rose.",
        "Call f(x,y) with a,b set.",
        "Rescuers reached the ships, which had run aground.",
    ),
)
