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
from dataclasses import dataclass, replace
from operator import attrgetter

from editor.engine.issues import first_places
from editor.engine.resources import word_list
from editor.engine.rule import StoryRule
from editor.engine.story import Story
from editor.engine.style import HouseStyle
from editor.engine.words import is_word_char, word_before, word_trie

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

_DAY = r"(?P<day>3[01]|[12]\d|[1-9])(?P<ordinal>st|nd|rd|th)?"
# A day ends where no digit, letter, percent sign or decimal part follows ("March 1,000" is no date).
_DAY_AFTER = re.compile(rf"[^\S\r\n]+{_DAY}(?![\w%]|[.,]\d)")
_DAY_BEFORE = re.compile(rf"(?<![\w.,$£€/-]){_DAY}[^\S\r\n]+$")
# The scan looks for month names as written (capitalised, lowercase, shortened with a capital); a
# trie of them lets it pass over most of the text on the first letter. The days of the week in
# lowercase all end in "day", which the scan finds fast, and reads back from.
_MONTH_TOKEN = re.compile(
    word_trie({*MONTHS, *(month.casefold() for month in MONTHS), *(short.capitalize() for short in _MONTH_OF)})
    + r"(?P<point>\.)?"
)
_DAY_NAMES = frozenset(day.casefold() for day in DAYS)
_LONGEST_DAY_PREFIX = max(len(day) for day in DAYS) - len("day")
_LOWER_DAY = re.compile(r"day(?P<plural>s?)")
# After a shortened month, a point that may end the sentence ("on 6 Oct. The") is the sentence's.
_SENTENCE_AFTER_POINT = re.compile(r"\s*$|\s+[A-Z\"“]")
_RANGE_AFTER = re.compile(r"[-–/]\d")
_YEAR_AFTER = re.compile(r",?[^\S\r\n]+(?P<year>\d{4})(?!\d)")
_ONLY_PUNCTUATION_AFTER = re.compile(r"\s*(?:[.,;:)\-–]|$)")


@dataclass(frozen=True)
class _Date:
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
        return replace(
            self,
            start=self.start + offset,
            end=self.end + offset,
            month_start=self.month_start + offset,
            month_end=self.month_end + offset,
        )


def _month_day(text: str, start: int, end: int, day: re.Match) -> _Date | None:
    written = text[start:end]
    key = written.rstrip(".").casefold()
    before = word_before(text, start).casefold()
    year = _YEAR_AFTER.match(text, day.end())
    if before in _COUNT_PREPOSITIONS and not year:
        return None
    if written.islower() and key in _ALSO_WORDS and not (
        before in _DATE_PREPOSITIONS and _ONLY_PUNCTUATION_AFTER.match(text, day.end())
    ):
        return None
    return _Date(
        start, day.end(), _MONTH_OF[key], day.group("day"), bool(day.group("ordinal")), "month-day", start, end,
        year.group("year") if year else "", bool(_RANGE_AFTER.match(text, day.end())),
    )


def _day_month(text: str, start: int, end: int, day: re.Match) -> _Date | None:
    written = text[start:end]
    key = written.rstrip(".").casefold()
    if written.islower() and key in _ALSO_WORDS:
        return None
    if day.group("ordinal") and word_before(text, day.start()).casefold() == "the":
        return None  # "on the 2nd June": the fix would have to rewrite the words around it
    year = _YEAR_AFTER.match(text, end)
    # A range before the day ("5-6 March") is never read: the day must not follow a dash.
    return _Date(
        day.start(), end, _MONTH_OF[key], day.group("day"), bool(day.group("ordinal")), "day-month", start, end,
        year.group("year") if year else "", False,
    )


def _skipped_month(written: str) -> bool:
    """A shortened month in lowercase ("mar", "sep": words too); capitals (a headline) are never read."""
    letters = written.rstrip(".")
    return letters.islower() and letters not in _LOWER_MONTHS


def _paragraph_dates(text: str, style: HouseStyle) -> tuple[_Date, ...]:
    dates = first_places(heapq.merge(_month_dates(text), _lowercase_days(text), key=attrgetter("start")), text)
    return tuple(sorted(dates, key=attrgetter("start")))


def _month_dates(text: str) -> Iterator[_Date]:
    """Dates read from their months, in text order."""
    for token in _MONTH_TOKEN.finditer(text):
        start, end = token.start(), token.end()
        point = bool(token.group("point"))
        if point and text[start : end - 1].casefold() in _LOWER_MONTHS:
            end, point = end - 1, False  # only a shortened month takes a point
        if (start and is_word_char(text[start - 1])) or (end < len(text) and is_word_char(text[end])):
            continue
        if _skipped_month(text[start:end]):
            continue
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
    for ending in _LOWER_DAY.finditer(text):
        start = ending.start()
        # At most "wednes" before "day": reading further back would make a long run of letters quadratic.
        while start and text[start - 1].isalpha() and ending.start() - start < _LONGEST_DAY_PREFIX:
            start -= 1
        end = ending.end()
        if text[start : ending.start() + len("day")] in _DAY_NAMES and not _in_other_text(text, start, end):
            yield _lower_name(start, end, text[start:end])


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
