"""A count written against the house style: "3 companies" for "three companies", "twelve banks" for
"12 banks", "five pct" for "5 pct"."""

from __future__ import annotations

import random
import re

from tests.corpus.injection import Injection, Injector
from tests.corpus.noise import CorpusStory

_WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
# Plurals after a number that are measures, money or scores, where the styles keep figures anyway.
_NOT_COUNTS = set(
    """percent pct million billion mln bln dlrs dollars cents cts pounds pence yen marks francs stg points
    goals runs sets games times hours minutes seconds feet inches yards miles metres meters kilometres
    tonnes tons barrels acres hectares degrees megapixels pixels megabytes gigabytes votes seats basis ounces
    grams kilos litres gallons""".split()
)
# Words before a number that make it a rank or a label: "top forty", "page 3".
_NOT_COUNTED_AFTER = {"top", "no", "number", "page", "aged", "the"}
# A number after a lowercase word in running text (so not a date: "June 30") before a plural noun
# (not "business", "various", "unless").
_PLURAL = r"(?P<noun>[a-z]{2,}[^su\W]s)\b(?![-'’]| old| of age)"
_SMALL = re.compile(rf"\b(?P<before>[a-z]+) (?P<number>two|three|four|five|six|seven|eight|nine) {_PLURAL}")
_LARGE = re.compile(rf"\b(?P<before>[a-z]+) (?P<number>[1-9]\d) {_PLURAL}")
_PERCENT = re.compile(r"(?<=[a-z] )(?P<number>[2-9]) pct\b")
_NUMBER_NEAR = re.compile(r"\d|\b(?:" + "|".join(_WORDS + _TENS) + r")\b", re.IGNORECASE)


def _words(value: int) -> str:
    if value < 20:
        return _WORDS[value]
    tens, ones = divmod(value, 10)
    return _TENS[tens - 2] + (f"-{_WORDS[ones]}" if ones else "")


def _alone(text: str, match: re.Match) -> bool:
    """No other number within a few words, so the count is not part of a series or a range."""
    return not _NUMBER_NEAR.search(text, max(0, match.start() - 16), match.start()) and not _NUMBER_NEAR.search(
        text, match.end(), match.end() + 16
    )


def _counted(text: str, match: re.Match) -> bool:
    return match.group("noun") not in _NOT_COUNTS and match.group("before") not in _NOT_COUNTED_AFTER and _alone(text, match)


def inject(story: CorpusStory, rng: random.Random) -> Injection | None:
    text = story.text
    places = [
        (match, str(_WORDS.index(match.group("number"))))
        for match in _SMALL.finditer(text)
        if _counted(text, match)
    ]
    places += [(match, _words(int(match.group("number")))) for match in _LARGE.finditer(text) if _counted(text, match)]
    if story.style == "ap":  # percentages in figures; British copy writes "5%", which has no word form
        places += [(match, _words(int(match.group("number")))) for match in _PERCENT.finditer(text) if _alone(text, match)]
    if not places:
        return None
    match, written = rng.choice(places)
    start, end = match.start("number"), match.end("number")
    return Injection(text[:start] + written + text[end:], start, start + len(written))


INJECTOR = Injector(name="number form", rule="number-form", inject=inject)
