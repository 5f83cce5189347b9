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

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from editor.engine.resources import word_list
from editor.engine.rule import StoryRule
from editor.engine.story import Story
from editor.engine.style import HouseStyle

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
_DATE_PREPOSITIONS = frozenset("on by since until till from before after through between dated of".split())
_COUNT_PREPOSITIONS = frozenset("in during throughout".split())

_FULL_MONTH = "|".join(MONTHS)
_SHORT_MONTH = "|".join(sorted({*_MONTH_OF} - {month.casefold() for month in MONTHS}, key=len, reverse=True))
_DAY = r"(?P<day>3[01]|[12]\d|[1-9])(?P<ordinal>st|nd|rd|th)?"
# A day ends where no digit, letter, percent sign or decimal part follows ("March 1,000" is no date).
_DAY_END = r"(?![\w%]|[.,]\d)"
_MONTH_DAY = re.compile(
    rf"(?<![\w.-])(?P<month>(?i:{_FULL_MONTH}|(?:{_SHORT_MONTH})\.?))(?P<gap>[^\S\r\n]+){_DAY}{_DAY_END}"
)
# After a day, a shortened month's point may end the sentence ("on 6 Oct."): it is left out of the date there.
_DAY_MONTH = re.compile(
    rf"(?<![\w.,$£€/-]){_DAY}(?P<gap>[^\S\r\n]+)"
    rf"(?P<month>(?i:{_FULL_MONTH})|(?i:{_SHORT_MONTH})(?:\.(?!\s*$|\s+[A-Z\"“]))?)(?!\w)"
)
_LOWER_NAME = re.compile(
    r"(?<![\w@#/.])(?P<name>"
    + "|".join(name.casefold() for name in (*DAYS, *MONTHS) if name.casefold() not in _ALSO_WORDS)
    + r")(?P<plural>s?)(?![\w@/])"
)
_WORD_BEFORE = re.compile(r"(\w+)[^\S\r\n]+$")
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


def _word_before(text: str, position: int) -> str:
    found = _WORD_BEFORE.search(text, max(0, position - 30), position)
    return found.group(1).casefold() if found else ""


def _month_day(text: str, match: re.Match) -> _Date | None:
    written = match.group("month")
    key = written.rstrip(".").casefold()
    if _skipped_month(written, key):
        return None
    before = _word_before(text, match.start())
    year = _YEAR_AFTER.match(text, match.end())
    if before in _COUNT_PREPOSITIONS and not year:
        return None
    if written.islower() and key in _ALSO_WORDS and not (
        before in _DATE_PREPOSITIONS and _ONLY_PUNCTUATION_AFTER.match(text, match.end())
    ):
        return None
    return _Date(
        match.start(), match.end(), _MONTH_OF[key], match.group("day"), bool(match.group("ordinal")),
        "month-day", match.start("month"), match.end("month"), year.group("year") if year else "",
        bool(_RANGE_AFTER.match(text, match.end())),
    )


def _day_month(text: str, match: re.Match) -> _Date | None:
    written = match.group("month")
    key = written.rstrip(".").casefold()
    if _skipped_month(written, key) or (written.islower() and key in _ALSO_WORDS):
        return None
    if match.group("ordinal") and _word_before(text, match.start()) == "the":
        return None  # "on the 2nd June": the fix would have to rewrite the words around it
    year = _YEAR_AFTER.match(text, match.end())
    # A range before the day ("5-6 March") is never matched: the day must not follow a dash.
    return _Date(
        match.start(), match.end(), _MONTH_OF[key], match.group("day"), bool(match.group("ordinal")),
        "day-month", match.start("month"), match.end("month"), year.group("year") if year else "", False,
    )


def _skipped_month(written: str, key: str) -> bool:
    """A month in capitals (a headline), or a shortened one in lowercase ("mar", "sep": words too)."""
    letters = written.rstrip(".")
    if letters.isupper() and len(letters) > 1:
        return True
    return letters.islower() and key not in {month.casefold() for month in MONTHS}


def _paragraph_dates(text: str, style: HouseStyle) -> tuple[_Date, ...]:
    dates = [date for match in _MONTH_DAY.finditer(text) if (date := _month_day(text, match))]
    taken = [(date.start, date.end) for date in dates]
    for match in _DAY_MONTH.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        date = _day_month(text, match)
        if date:
            dates.append(date)
            taken.append((date.start, date.end))
    for match in _LOWER_NAME.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        name = match.group("name")
        dates.append(_Date(match.start(), match.end(), name.capitalize(), "", False, "", match.start(), match.end(), "", False))
    return tuple(sorted(dates, key=lambda date: date.start))


def _house_month(style: HouseStyle, month: str) -> str:
    if style.forms.abbreviate_months:
        return _ABBREVIATIONS.get(month, month)
    return month


def find(story: Story, style: HouseStyle) -> Iterator:
    dates = story.found_in_paragraphs(_paragraph_dates, style)
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
        elif month in _ABBREVIATIONS.values():
            reasons.append(f"{style.name} style abbreviates {date.month} next to a day: “{month}”.")
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
