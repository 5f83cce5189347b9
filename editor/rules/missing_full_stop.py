"""A body paragraph that ends without its full stop: "... was up 0.4 pct in January".

A paragraph of running text ends a sentence, so a paragraph that stops on a
word, a figure or a closing quote has lost its mark; the fix adds the full
stop (inside a closing quotation mark under AP, and under the British style
outside a quoted fragment: ``called it "brazen".``). Only running text counts,
so these are left alone: the headline (the story's first paragraph), datelines
and bylines ("WASHINGTON, March 13 -", "By Jane Smith", "Reporting by ..."),
list items (a bullet or number first, or anything after a paragraph ending in
a colon), an editor's note after the last sentence ("... -- corrects date"),
crossheads, labels and captions (fewer than six words, or in Title Case),
notes in brackets, tables (short lines or columns of spaces), and a paragraph
that ends on a comma or runs on into a next one that starts in lowercase:
there the paragraph was broken mid-sentence, and a full stop would be the
wrong fix.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from bisect import bisect_right
from itertools import compress, count, islice, repeat
from operator import itemgetter
from typing import NamedTuple

from editor.engine.issues import Issue
from editor.engine.quotes import CLOSING, is_fragment, read_quotes
from editor.engine.rule import StoryRule
from editor.engine.story import Story, needing
from editor.engine.style import HouseStyle
from editor.engine.words import CLOSERS, TITLE_CASE_MINOR_WORDS

# The paragraph's last word or figure, up to 40 characters, matched from its end in the reversed
# text (a search from the left would try every start before it).
_LAST_WORD_REVERSED = re.compile(r"[\w%]{1,40}")
# How far back from the end the last word and its closing marks are looked for.
_LAST_WORD_REACH = 60
_LIST_ITEM = re.compile(r"\s*(?:[-*•·–—]|\d{1,3}[.)]|[a-z][.)])\s")
_BYLINE = re.compile(
    r"\s*\(?(?:(?:By|BY)\s+[A-Z][\w.'’-]*\s+[A-Z]|(?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled) by\b)"
)
# A note after the last sentence: "... misapplication. -- corrects warner's conviction".
_TRAILING_NOTE = re.compile(r"[.?!][\"”’')\]]*\s+-{1,2}\s[^.?!]*$")
# Spaces that align columns: not the two spaces some wires put after a sentence.
_COLUMN_GAP = re.compile(r"[^\s.?!:;,\"”’')\]](?:\t|  +)\S")
_LINE = re.compile(r"[^\r\n]+")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_DOUBLE_CLOSING = "\"”"
_MIN_WORDS = 6
# The shortest text with _MIN_WORDS words: one letter each, and a character between each two
# (a word runs on over letters, so the next starts after a character the word pattern stops at).
_SHORTEST_PROSE = 2 * _MIN_WORDS - 1
# Prose has lowercase words besides the ones Title Case leaves lowercase.
_MIN_LOWERCASE = 2
# Words read one by one before a paragraph is counted whole (see _has_prose_words).
_WORDS_READ_ONE_BY_ONE = 50
# A hard-wrapped line of prose is longer than this; shorter lines before the last are a table or a list.
_MIN_WRAPPED_LINE = 40


# A paragraph of running text has _MIN_WORDS words on its one line, or a wrapped line of
# _MIN_WRAPPED_LINE characters before its last: either way _SHORTEST_PROSE characters with no line
# break between them. A paragraph without such a run ("a0", a row of figures) has no stop to miss.
_PROSE_RUN = re.compile(rf"[^\r\n]{{{_SHORTEST_PROSE}}}")
_SENTENCE_ENDS = ".?!…"


# A named tuple: a story of many short paragraphs makes one for each, and a dataclass is
# slower to make.
class _Missing(NamedTuple):
    """A paragraph's missing stop, offsets in the paragraph: the issue is made once it is known
    to stand (most paragraphs of a table of rows are flagged)."""

    start: int
    end: int
    fixed: str


def _is_running_text(text: str) -> bool:
    """Whether the paragraph is prose rather than a label, a byline, a list item, a note or a table."""
    if len(text) < _SHORTEST_PROSE:
        return False  # too short to hold _MIN_WORDS words (a row of a table): no need to read it
    if _LIST_ITEM.match(text) or _BYLINE.match(text) or _TRAILING_NOTE.search(text):
        return False
    # Most paragraphs have no column gap to look for, which a look for its spaces says sooner.
    if ("  " in text or "\t" in text) and _COLUMN_GAP.search(text):
        return False
    stripped = text.strip()
    if stripped[0] in "([" and stripped[-1] in ")]":
        return False
    if "\n" in stripped or "\r" in stripped:
        lines = _LINE.findall(stripped)
        if any(len(line.strip()) < _MIN_WRAPPED_LINE for line in lines[:-1]):
            return False
    return _has_prose_words(stripped)


def _has_prose_words(text: str) -> bool:
    """Whether ``text`` has _MIN_WORDS words, _MIN_LOWERCASE of them lowercase besides the ones Title
    Case leaves lowercase. Prose shows it in its first words, which are read one by one; a long
    paragraph that has not shown it by then (a table, a page of names in capitals) is counted
    whole, in C: both counts only grow, so the whole says what some first part would."""
    words = lowercase = 0
    for match in islice(_WORD.finditer(text), _WORDS_READ_ONE_BY_ONE):
        word = match.group()
        words += 1
        lowercase += word[0].islower() and word not in TITLE_CASE_MINOR_WORDS
        if words >= _MIN_WORDS and lowercase >= _MIN_LOWERCASE:
            return True
    if words < _WORDS_READ_ONE_BY_ONE:
        return False
    counts = Counter(_WORD.findall(text))
    lowercase = sum(count for word, count in counts.items() if word[0].islower() and word not in TITLE_CASE_MINOR_WORDS)
    return lowercase >= _MIN_LOWERCASE  # its words, more than _WORDS_READ_ONE_BY_ONE, are enough


def _stop_inside_quote(text: str, style: HouseStyle) -> bool:
    """Where the paragraph ends on a closing double quote: whether the stop goes inside it."""
    if style.quote_punctuation == "inside":
        return True
    quotations = read_quotes(text).quotations
    last = quotations[-1] if quotations else None
    if last is None or last.close is None or last.close.role != CLOSING:
        return True
    return not is_fragment(text, last)


@needing(_PROSE_RUN, nothing=None)
def _read_ending(text: str, style: HouseStyle) -> _Missing | None:
    """The full stop a paragraph of running text lacks after its last word or figure, if it does."""
    end = len(text.rstrip())
    reach = max(0, end - _LAST_WORD_REACH)
    # The last word and the closing marks after it, which hold no word character.
    before_closers = text[reach:end].rstrip(CLOSERS)
    word = _LAST_WORD_REVERSED.match(before_closers[::-1])
    if word is None or not _is_running_text(text):
        return None
    closed = reach + len(before_closers)
    start = closed - word.end()
    closers = text[closed:end]
    if closers and closers in _DOUBLE_CLOSING and _stop_inside_quote(text, style):
        fixed = text[start:closed] + "." + closers
    else:
        fixed = text[start:end] + "."
    return _Missing(start, end, fixed)


def find(story: Story, style: HouseStyle) -> Iterator[Issue]:
    missing = story.per_paragraph(_read_ending, style)
    # The headline is never flagged.
    flagged = list(compress(range(1, len(missing)), islice(missing, 1, None)))
    if not flagged:
        return
    stripped = list(map(str.strip, story.paragraph_texts))
    # After a paragraph ending in a colon, paragraphs without a stop are the items of a list: a
    # flagged paragraph is one where no paragraph since the last colon ends a sentence.
    colons = list(compress(count(), map(str.endswith, stripped, repeat(":"))))
    if colons:
        last_marks = map(itemgetter(slice(-1, None)), map(str.rstrip, stripped, repeat(CLOSERS)))
        ended = list(compress(count(), map(_SENTENCE_ENDS.__contains__, last_marks)))
    for index in flagged:
        if colons:
            colon = bisect_right(colons, index) - 1
            if colon >= 0 and bisect_right(ended, index) == bisect_right(ended, colons[colon]):
                continue
        # A paragraph that runs on into a next one starting in lowercase was broken mid-sentence.
        if index + 1 < len(stripped) and stripped[index + 1][0].islower():
            continue
        found = missing[index]
        yield RULE.issue(
            story.paragraphs[index].start + found.start,
            story.paragraphs[index].start + found.end,
            "Paragraph ends without a full stop",
            "A paragraph of running text ends a sentence; its closing full stop was lost.",
            (found.fixed,),
            group=RULE.id,
        )


RULE = StoryRule(
    id="missing-full-stop",
    category="punctuation",
    severity="warning",
    find=find,
    doc=__doc__,
    must_flag=(
        "FED SAYS OUTPUT ROSE\n\nIndustrial production rose 0.5 pct in February, the Fed said",
        "Talks fail\n\nA lawyer argued that the ruling would \"kill the offer\"\n\nThe judge disagreed.",
    ),
    must_pass=(
        "Talks fail\n\nThe talks failed on Monday, officials said.",
        "Talks fail\n\nBy Jane Smith, Reuters\n\nThe talks failed on Monday, officials said.",
        "Talks fail\n\nWASHINGTON, March 13 -\n\nThe talks failed on Monday, officials said.",
        "Talks fail\n\nThe plan includes:\n\nhigher taxes on fuel and on tobacco for everyone\n\nlower spending on roads",
        "Talks fail\n\n- a list item that runs on for a few more words",
        "Talks fail\n\nQuestions for the minister\n\nThe talks failed.",
        "Talks fail\n\n(Index of economic spotlights, see page ECRA)",
        "Talks fail\n\nOfficials said the bank, France's sixth largest,\n\nplanned a share split.",
        "Talks fail\n\nHe said: \"The talks failed.\"",
        "Talks fail\n\nShr 1.20 dlrs vs 1.10 dlrs\nNet 12.3 mln vs 11.2 mln\nRevs 500 mln vs 450 mln",
    ),
)
