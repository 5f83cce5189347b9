"""Dates written against the house style, or two ways in one story.

A date is a month next to a day ("March 6", "6 March", "Oct 20", "March
6th"). The house style names its order (``[forms] date_order``: AP "March 6",
British "6 March"); a style that names none keeps the order the story uses
most. Where the style abbreviates months next to a day (``abbreviate_months``,
AP's way) a month is written as resources/wordlists/calendar.toml abbreviates
it ("Jan. 6", "Sept. 11"; March to July spelled out), and otherwise in full. A
date takes no ordinal ("March 6th"), and days and months are capitalised ("on
tuesday", "march 6"). The fix writes the date the house way, and all of a
story's share one group.

Left alone: a month in capitals (a headline); "March" after "in", "during" or
"throughout" with a figure after it, which may start a count ("in March 12
banks failed"); "may", "march" and "august" in lowercase unless a
preposition before them and nothing but punctuation after the day make them a
date ("by march 6."), and a shortened month in lowercase ("mar", "sep"); the
order of a range ("March 6-7"); "the 2nd June", whose fix would have to
rewrite the words around it.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from operator import attrgetter
from typing import NamedTuple

from editor.engine.issues import first_places
from editor.engine.resources import word_list
from editor.engine.rule import StoryRule
from editor.engine.story import Story, needing
from editor.engine.style import HouseStyle
from editor.engine.words import REACH, is_word_char, last_before, word_before, word_trie

_CALENDAR = word_list("calendar")
MONTHS: tuple[str, ...] = tuple(_CALENDAR["months"])
DAYS: tuple[str, ...] = tuple(_CALENDAR["days"])
_ABBREVIATIONS: dict[str, str] = _CALENDAR["abbreviations"]
# Every way of writing a month, casefolded and without a full stop, to the month.
_MONTH_OF = {month.casefold(): month for month in MONTHS} | {
    short.casefold(): month for month, shorts in _CALENDAR["short_forms"].items() for short in shorts
}
# Lowercase, these are also words ("troops march 6 miles", "they may 2").
_ALSO_WORDS = frozenset({"march", "may", "august"})
_LOWER_MONTHS = frozenset(month.casefold() for month in MONTHS)
_DATE_PREPOSITIONS = frozenset("on by since until till from before after through between dated of".split())
_COUNT_PREPOSITIONS = frozenset("in during throughout".split())
_THE = frozenset(("the",))
_LAST_LETTERS = {words: frozenset(word[-1] for word in words) for words in (_DATE_PREPOSITIONS, _COUNT_PREPOSITIONS, _THE)}

_DAY = r"(?P<day>3[01]|[12]\d|[1-9])(?P<ordinal>st|nd|rd|th)?"
# A day ends where no digit, letter, percent sign or decimal part follows ("March 1,000" is no date).
_DAY_AFTER = re.compile(rf"[^\S\r\n]+{_DAY}(?![\w%]|[.,]\d)")
_DAY_BEFORE = re.compile(rf"(?<![\w.,$£€/-]){_DAY}[^\S\r\n]+$")
# A month as written (capitalised, lowercase, shortened with a capital), with the point after it;
# a trie lets a scan pass over most of the text on the first letter.
_MONTH_WORDS = frozenset({*MONTHS, *_LOWER_MONTHS, *(short.capitalize() for short in _MONTH_OF)})
_MONTH_TRIE = word_trie(_MONTH_WORDS)
_MONTH = rf"(?P<month>{_MONTH_TRIE}(?P<point>\.)?)"
# A month makes a date only with a figure after it, a figure before it, or as a month in lowercase
# that is not also a word: each is a scan of its own, so a text of months that can make no date
# ("May may") is passed over in C. The figure is a superset of the day each reading then asks for
# (where ``_DAY_BEFORE`` ends its search, its ``$`` takes a line break after the spaces too).
_MONTH_THEN_FIGURE = re.compile(rf"{_MONTH}(?=[^\S\r\n]+\d)")
_FIGURE_THEN_MONTH = re.compile(rf"\d(?:st|nd|rd|th)?[^\S\r\n]+\n?{_MONTH}")
_LOWERCASE_MONTH = re.compile(rf"(?P<month>{word_trie(_LOWER_MONTHS - _ALSO_WORDS)}(?P<point>\.)?)")
_MONTH_SCANS = (_MONTH_THEN_FIGURE, _FIGURE_THEN_MONTH, _LOWERCASE_MONTH)
_DAY_NAMES = frozenset(day.casefold() for day in DAYS)
_LOWER_DAY = re.compile(rf"{word_trie(_DAY_NAMES)}(?P<plural>s?)")
# Every date has a month or a day name in it: a paragraph without one is passed over on one search
# (one trie, which the scan can skip through on its first letters, as it cannot two).
_CALENDAR_WORD = re.compile(word_trie(_MONTH_WORDS | _DAY_NAMES))
# After a shortened month, a point that may end the sentence ("on 6 Oct. The") is the sentence's.
_SENTENCE_AFTER_POINT = re.compile(r"\s*$|\s+[A-Z\"“]")
_RANGE_AFTER = re.compile(r"[-–/]\d")
_YEAR_AFTER = re.compile(r",?[^\S\r\n]+(?P<year>\d{4})(?!\d)")
_ONLY_PUNCTUATION_AFTER = re.compile(r"\s*(?:[.,;:)\-–]|$)")


# A named tuple: a hostile text has a date every few characters, and a dataclass is several times as slow to make.
class _Date(NamedTuple):
    """A month and day at ``start:end``, or a lone day or month name in lowercase (``order`` empty)."""

    start: int
    end: int
    month: str
    day: str
    ordinal: bool
    order: str
    month_start: int
    month_end: int
    year: str
    range_after: bool

    def shifted(self, offset: int) -> _Date:
        return _Date(
            self.start + offset, self.end + offset, self.month, self.day, self.ordinal, self.order,
            self.month_start + offset, self.month_end + offset, self.year, self.range_after,
        )


def _month_day(text: str, start: int, end: int, day: re.Match) -> _Date | None:
    written = text[start:end]
    key = written.rstrip(".").casefold()
    year = _YEAR_AFTER.match(text, day.end())
    if not year and _word_before_in(text, start, _COUNT_PREPOSITIONS):
        return None
    if written.islower() and key in _ALSO_WORDS and not (
        _word_before_in(text, start, _DATE_PREPOSITIONS) and _ONLY_PUNCTUATION_AFTER.match(text, day.end())
    ):
        return None
    return _Date(
        start, day.end(), _MONTH_OF[key], day.group("day"), bool(day.group("ordinal")), "month-day", start, end,
        year.group("year") if year else "", bool(_RANGE_AFTER.match(text, day.end())),
    )


def _word_before_in(text: str, position: int, words: frozenset[str]) -> bool:
    """Whether ``word_before(text, position)``, casefolded, is one of ``words``.

    Its scan back is read only where the last character before ``position`` ends one of them as
    casefolded (a word casefolds letter by letter): "Oct" after "March" is no count's month.
    """
    last = last_before(text, position, REACH).casefold()[-1:]
    return last in _LAST_LETTERS[words] and word_before(text, position).casefold() in words


def _day_month(text: str, start: int, end: int, day: re.Match) -> _Date | None:
    written = text[start:end]
    key = written.rstrip(".").casefold()
    if written.islower() and key in _ALSO_WORDS:
        return None
    if day.group("ordinal") and _word_before_in(text, day.start(), _THE):
        return None  # "on the 2nd June": the fix would have to rewrite the words around it
    year = _YEAR_AFTER.match(text, end)
    # A range before the day ("5-6 March") is never read: the day must not follow a dash.
    return _Date(
        day.start(), end, _MONTH_OF[key], day.group("day"), bool(day.group("ordinal")), "day-month", start, end,
        year.group("year") if year else "", False,
    )


# Every date it reads has a month or a day name, and it returns () at once where ``_CALENDAR_WORD``
# (their union, a trie with no anchor or look-around) finds none.
@needing(_CALENDAR_WORD, nothing=())
def _paragraph_dates(text: str, style: HouseStyle) -> tuple[_Date, ...]:
    if not _CALENDAR_WORD.search(text):
        return ()
    dates = first_places(heapq.merge(_month_dates(text), _lowercase_days(text), key=attrgetter("start")), text)
    return tuple(sorted(dates, key=attrgetter("start")))


def _month_tokens(text: str) -> Iterator[tuple[int, int, bool]]:
    """The months that may make a date, in text order: (start, end, whether a point ends it).

    Each scan reads a month as one scan of every month would (the trie's longest match, with its
    point), and reads every such month that makes a date its way; a month one scan reads and the
    other would not follows a letter of another month, and is no date.
    """
    scans = (
        ((match.start("month"), match.end("month"), match.group("point") is not None) for match in scan.finditer(text))
        for scan in _MONTH_SCANS
    )
    previous = -1
    for token in heapq.merge(*scans):
        if token[0] != previous:  # one month read by two scans
            previous = token[0]
            yield token


def _month_dates(text: str) -> Iterator[_Date]:
    """Dates read from their months, in text order."""
    for start, end, point in _month_tokens(text):
        if point and text[start : end - 1].casefold() in _LOWER_MONTHS:
            end, point = end - 1, False  # only a shortened month takes a point
        if (start and is_word_char(text[start - 1])) or (end < len(text) and is_word_char(text[end])):
            continue  # a month read inside a word: "Octavia", "Mayor", "DecMarch"
        day = _DAY_AFTER.match(text, end)
        if day and not (start and text[start - 1] in ".-"):
            date = _month_day(text, start, end, day)
        elif day := _DAY_BEFORE.search(text, max(0, start - 8), start):
            if point and _SENTENCE_AFTER_POINT.match(text, end):
                end -= 1
            date = _day_month(text, start, end, day)
        elif text[start].islower() and text[start:end] not in _ALSO_WORDS and not _in_other_text(text, start, end):
            date = _lower_name(start, end, text[start:end])
        else:
            date = None
        if date:
            yield date


def _lowercase_days(text: str) -> Iterator[_Date]:
    for name in _LOWER_DAY.finditer(text):
        start, end = name.span()
        if not _in_other_text(text, start, end):
            yield _lower_name(start, end, name.group())


def _in_other_text(text: str, start: int, end: int) -> bool:
    """Part of a longer word, an address or a tag ("@monday", "june.pdf"), not a day or month in lowercase."""
    return (start > 0 and (is_word_char(text[start - 1]) or text[start - 1] in "@#/.")) or (
        end < len(text) and (is_word_char(text[end]) or text[end] in "@/")
    )


def _lower_name(start: int, end: int, written: str) -> _Date:
    return _Date(start, end, written.capitalize(), "", False, "", start, end, "", False)


def _house_month(style: HouseStyle, month: str) -> str:
    if style.forms.abbreviate_months:
        return _ABBREVIATIONS.get(month, month)
    return month


def find(story: Story, style: HouseStyle) -> Iterator:
    dates, notices = story.found_in_paragraphs(_paragraph_dates, style, RULE.id)
    yield from notices
    orders = [date.order for date in dates if date.order]
    order = style.forms.date_order
    order_why = f"{style.name} style"
    if not order and orders:
        order = max(dict.fromkeys(orders), key=orders.count)  # a tie goes to the order used first
        order_why = "as elsewhere in this story"
    text = story.text
    for date in dates:
        found = _issue(text, date, style, order, order_why)
        if found:
            yield found


def _issue(text: str, date: _Date, style: HouseStyle, order: str, order_why: str):
    original = text[date.start : date.end]
    if not date.order:
        name = date.month + original[len(date.month) :]
        return RULE.issue(
            date.start, date.end, f"Capitalise “{name}”", explanation="Days and months are capitalised.",
            replacements=[name], group="date-form",
        )
    month = _house_month(style, date.month)
    written_month = text[date.month_start : date.month_end]
    reasons = []
    if written_month != month:
        if written_month.rstrip(".").casefold() == month.rstrip(".").casefold() and not written_month.istitle():
            reasons.append("Months are capitalised.")
        elif written_month.casefold() == month.rstrip(".").casefold():
            reasons.append(f"{style.name} style writes {date.month} next to a day as “{month}”, with a point.")
        elif month in _ABBREVIATIONS.values():
            reasons.append(f"{style.name} style abbreviates {date.month} next to a day (“{month}”).")
        else:
            reasons.append(f"{style.name} style spells out {date.month}.")
    reorder = bool(order) and date.order != order
    if reorder:
        first = "month" if order == "month-day" else "day"
        reasons.append(f"{order_why[0].upper()}{order_why[1:]}: the {first} comes first in a date.")
    if date.ordinal:
        reasons.append("A date takes no ordinal: “6”, not “6th”.")
    if not reasons or (reorder and date.range_after):
        return None
    if not reorder and not date.ordinal:
        start, end, replacement = date.month_start, date.month_end, month
    else:
        start, end = date.start, date.end
        written_order = order if reorder else date.order
        replacement = f"{month} {date.day}" if written_order == "month-day" else f"{date.day} {month}"
        if reorder and date.year:
            # "October 19, 1987" <-> "19 October 1987": the year's comma goes with the order.
            end = _YEAR_AFTER.match(text, date.end).end()
            replacement += f", {date.year}" if written_order == "month-day" else f" {date.year}"
    return RULE.issue(
        start,
        end,
        f"Write “{replacement}”, not “{text[start:end]}”",
        explanation=" ".join(reasons),
        replacements=[replacement],
        group="date-form",
    )


RULE = StoryRule(
    id="date-form",
    category="style",
    severity="warning",
    find=find,
    doc=__doc__,
    must_flag=(
        "The talks began on 6 March.",
        "The deal was signed on January 6.",
        "The vote is on Oct 20, a week late.",
        "The vote was on March 6th.",
        "They met on tuesday.",
        "The talks resumed by march 6.",
        "Prices rose in the year to end-february.",
        "The deal was signed on Mar. 6.",
    ),
    must_pass=(
        "The talks began on March 6 and ended on Jan. 9, 1987.",
        "In March 12 banks failed and 3 pct more closed in May.",
        "Troops march 6 miles a day; prices may 2 times rise.",
        "THE TALKS BEGAN ON MARCH 6.",
        "Output in March 1987 rose; the date was Sept. 11-12.",
        "The May Day parade and the April fool were on Monday.",
        "Figures from March 1,000 people and a 6.5 March rise.",
    ),
)
