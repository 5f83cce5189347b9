"""A date written against the house style: "13 March" or "March 13th" in AP copy, "March 6" in British,
"april 6", "Apr. 6", "on tuesday"."""

from __future__ import annotations

import random
import re

from editor.engine import builtin_style
from tests.corpus.injection import Injection, Injector
from tests.corpus.noise import CorpusStory

_MONTHS = "January February March April May June July August September October November December".split()
# Months AP spells out next to a day, so a date with one of them is written the AP way in the corpus.
_AP_IN_FULL = "March April May June July".split()
_SHORT = {"March": "Mar.", "April": "Apr.", "June": "Jun.", "July": "Jul."}
_ALSO_WORDS = {"March", "May", "August"}
# A day that is not part of a range, a decimal or a count, and no year after it.
_DAY = r"(?P<day>[1-9]|[12]\d|3[01])(?![\w%]|[.,]\d|[-/–]\d|,? \d{4})"
_MONTH_DAY = re.compile(rf"(?<=[a-z,] )(?P<month>{'|'.join(_AP_IN_FULL)}) {_DAY}")
_DAY_MONTH = re.compile(rf"(?<=[a-z,] ){_DAY} (?P<month>{'|'.join(_MONTHS)})\b(?!\.)")
_WEEKDAY = re.compile(r"\b(?:on|On|by|until|since|last|next) (?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WORD_BEFORE = re.compile(r"(\w+) $")


def _damaged(story: CorpusStory, match: re.Match, rng: random.Random) -> str:
    month, day = match.group("month"), match.group("day")
    british = builtin_style(story.style).forms.date_order == "day-month"
    ways = [f"{month} {day}" if british else f"{day} {month}", f"{month} {day}th" if not british else f"{day}th {month}"]
    if month not in _ALSO_WORDS:
        ways.append(f"{day} {month.lower()}" if british else f"{month.lower()} {day}")
    if not british and month in _SHORT:
        ways.append(f"{_SHORT[month]} {day}")
    return rng.choice(ways)


def inject(story: CorpusStory, rng: random.Random) -> Injection | None:
    pattern = _DAY_MONTH if builtin_style(story.style).forms.date_order == "day-month" else _MONTH_DAY
    dates = [
        match
        for match in pattern.finditer(story.text)
        # "in March 12 banks": the rule leaves a month after "in" alone, as it may start a count.
        if (_WORD_BEFORE.search(story.text, 0, match.start()) or [None, ""])[1] not in {"in", "during", "throughout", "the"}
    ]
    weekdays = list(_WEEKDAY.finditer(story.text))
    if not dates and not weekdays:
        return None
    if weekdays and (not dates or rng.random() < 0.2):
        match = rng.choice(weekdays)
        start, end, written = match.start("day"), match.end("day"), match.group("day").lower()
    else:
        match = rng.choice(dates)
        start, end, written = match.start(), match.end(), _damaged(story, match, rng)
    text = story.text[:start] + written + story.text[end:]
    return Injection(text, start, start + len(written))


INJECTOR = Injector(name="date form", rule="date-form", inject=inject)
