"""Numbers in words or figures against the house style, only where the style is unambiguous.

The house style spells out whole numbers below ``[forms] spell_out_below``
(AP and British: one to nine) and writes the rest in figures. This rule
flags only counts of things, where no exception of the style can apply:

- a figure below the limit before a plural noun: "3 companies" -> "three";
- a number in words from the limit up to ninety-nine before a plural noun:
  "twelve companies" -> "12";
- a figure that starts a sentence, before a plural noun: "12 banks failed"
  -> "Twelve";
- a number in words before a percent form: "six pct" -> "6" (percentages
  are always figures), except at a sentence start.

Figures stay where the styles keep them: ages ("a 7-year-old", "aged 5",
"5 years old"), percentages, money and millions ("$4 million", "3 mln
dlrs"), measures ("6 feet", "3 tonnes"), scores and votes ("the 4-3 win",
"5 points"), times ("3 hours", "2 p.m."), dates, ordinals, figures in a
series or range ("3 to 12 banks", "3, 10 and 12"), figures after a name or
a label ("Channel 4 viewers", "No. 2", "page 3"), and anything in a line
of capitals (a headline).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from operator import attrgetter

from editor.engine.issues import Issue
from editor.engine.numbers import NUMBER_WORDS, in_words, value_of
from editor.engine.rule import ParagraphRule
from editor.engine.style import HouseStyle
from editor.engine.words import INNER_SPACE, is_word_char, last_before, starts_sentence, word_trie

# Words after a number that make it a measure, money, a score or a time: figures in every style.
_MEASURES = frozenset(
    """percent pct per cent percentage percentages million millions billion billions trillion trillions
    mln bln bn thousand thousands hundred hundreds dozen dozens lakh crore
    dollars dlrs dlr cents cts pounds pence euros yen marks francs yuan rupees pesos lire riyals
    crowns kronor krona rand dinars shillings roubles rubles stg
    feet foot inches yards miles metres meters kilometres kilometers centimetres centimeters
    millimetres millimeters km kms cm mm acres hectares sq square cubic ounces tons tonnes grams
    kilograms kilos kg kgs lbs gallons litres liters barrels bushels carats degrees volts watts
    megawatts kilowatts gigawatts bytes kilobytes megabytes gigabytes terabytes bits megabits
    megapixels pixels mph kph knots storeys stories floors
    hours hrs minutes mins seconds secs points pts goals runs wickets sets games strokes shots laps
    tries votes innings rebounds assists sacks touchdowns seeds wins losses draws stars times""".split()
)
# Words that make the figure a label or a rank rather than a count ("page 3", "No. 2").
_LABELS = frozenset(
    """no nos number numbers page pages chapter chapters section sections article articles item
    items level levels grade grades class stage phase step steps type model size version room gate
    platform route channel category round game day week act scene verse part volume vol figure fig
    table row seat flight lane exit division group league series formula windows aged age ages
    top tier term rule rules box""".split()
)
# Words that open a sentence before a count ("About 3 banks", "Only 3 were").
_OPENING_WORDS = frozenset(
    """about only some all nearly almost just over under around roughly the and but with for of in on at
    by to from after before since when while another other those these his her their its our at least""".split()
)
# Plural nouns without an -s.
_IRREGULAR_PLURALS = frozenset("people men women children police cattle sheep fish staff mice geese teeth personnel".split())
# Plurals that are also the word before a measure or the start of a phrase that is not a count.
_NOT_COUNTS = frozenset("is was has does this thus us its his yes less unless plus bus gas".split())

# A count: a number, then a lowercase word. Figures and numbers in words are found apart, each
# pattern starting on its own characters, so the scan passes over the text between them fast.
_NOUN = r"(?P<noun>[a-z][a-z']*+)"
_NOUN_AFTER = rf"(?P<gap>{INNER_SPACE}){_NOUN}(?![\w'-])"
# Only a word ending in "s" or an irregular plural can be a count noun (``_is_count_noun``), so the
# figures' scan passes over the rest in C ("5 pct"). Where it passes over a figure of two digits,
# it reads the second with the same word after it, and passes over that too.
_PLURAL_END = "|".join(f"(?<={plural})" for plural in ("s", *sorted(_IRREGULAR_PLURALS)))
_AFTER_FIGURE = rf"(?P<gap>{INNER_SPACE}){_NOUN}(?:{_PLURAL_END})(?![\w'-])"
_FIGURE_COUNT = re.compile(rf"(?P<number>[0-9][0-9]?){_AFTER_FIGURE}")
_NOT_BEFORE_FIGURE = set("$£€¥#.,:/+-_")
# A percent form, to read back from for a number in words before it ("six pct").
_PERCENT_WORD = re.compile(rf"[pP](?i:ercent|er{INNER_SPACE}cent|ct)(?![\w-])")
# How far back a number in words before a percent form is looked for.
_WORDS_REACH = 24
_WORDS_BEFORE = re.compile(rf"(?<![\w-])(?P<number>(?i:{NUMBER_WORDS})){INNER_SPACE}$")
_SERIES_BEFORE = re.compile(
    r"(?:\d[\d,./%]*|\b" + NUMBER_WORDS + r")\s*(?:,|and|or|to|by|-|–|/|in|of|out of|x)?\s*$", re.IGNORECASE
)
# How far back a number joined to this one is looked for.
_SERIES_REACH = 12
# The last character ``_SERIES_BEFORE`` can find before the spaces: a figure's (or a decimal digit
# beyond ASCII), a number word's or a joining word's, in either case (no other character matches
# these letters case-insensitively).
_SERIES_LAST = frozenset("0123456789,./%-–eorxntydfEORXNTYDF")
_SERIES_AFTER = re.compile(r"\s*(?:,|and|or|to|by|-|–|/|x)\s*(?:\d|" + NUMBER_WORDS + r"\b)", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(?P<word>[\w.'’]+)[^\S\r\n]*$")
_AGE_AFTER = re.compile(r"\s+(?:old|older|younger|of age)\b")
_LOWERCASE = re.compile("[a-z]")


def _is_count_noun(noun: str) -> bool:
    if noun in _MEASURES or noun in _NOT_COUNTS:
        return False
    if noun in _IRREGULAR_PLURALS:
        return True
    return len(noun) > 3 and noun.endswith("s") and not noun.endswith(("ss", "us", "is", "'s"))


def _labelled(text: str, start: int) -> bool:
    """The number follows a label, a name or a currency, so it is not a count ("Channel 4", "No. 2")."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group("word")
    if word.rstrip(".").casefold() in _LABELS:
        return True
    # A capitalised word is a name ("Halo 2 heralds"), unless it is an ordinary word opening the sentence.
    return word[0].isupper() and not (starts_sentence(text, before.start()) and word.casefold() in _OPENING_WORDS)


def _in_series(text: str, start: int, end: int) -> bool:
    """Another number joined to this one: "3 to 12", "3, 10 and 12", "2 in 5", "3-2"."""
    if _SERIES_AFTER.match(text, end):
        return True
    last = last_before(text, start, _SERIES_REACH)
    # The slow search back, only where the text before ends as a series could ("banks 3" cannot).
    window = max(0, start - _SERIES_REACH)
    return (last in _SERIES_LAST or last.isdecimal()) and bool(_SERIES_BEFORE.search(text, window, start))


def _words_from_limit(style: HouseStyle) -> str:
    """A pattern for the numbers in words from the house limit to ninety-nine, in lowercase."""
    words = {in_words(value) for value in range(max(style.forms.spell_out_below, 0), 100)}
    return word_trie(words | {word.replace("-", " ") for word in words})


def _words_at_or_above(style: HouseStyle) -> re.Pattern[str]:
    """Numbers in words from the house limit to ninety-nine, in lowercase, before a word."""
    return re.compile(rf"(?P<number>{_words_from_limit(style)}){_NOUN_AFTER}")


def _needs(style: HouseStyle) -> re.Pattern[str]:
    return style.compiled("number-form:needs", _counts)


def _counts(style: HouseStyle) -> re.Pattern[str]:
    """What each of the three readings makes an issue of: a ``_FIGURE_COUNT`` with none of the
    characters before it that ``_figures`` passes over (a line break, before a paragraph in the
    story, is none; the look-behind comes after the first digit so that the scan jumps from digit
    to digit), the start of a ``_words_at_or_above`` match, or a ``_PERCENT_WORD``. At the
    paragraph's end their ``(?!...)`` holds beside a line break too."""
    not_before = re.escape("".join(sorted(_NOT_BEFORE_FIGURE)))
    readings = [rf"[0-9](?<![\w{not_before}].)[0-9]?{_AFTER_FIGURE}", _PERCENT_WORD.pattern]
    if style.forms.spell_out_below < 100:
        readings.append(rf"{_words_from_limit(style)}{INNER_SPACE}[a-z]")
    return re.compile("|".join(readings))


def find(text: str, style: HouseStyle) -> Iterator[Issue]:
    if not _LOWERCASE.search(text):
        return iter(())  # a line in capitals: a headline
    # Each reading goes in text order; merged, they are read only as far as the issues taken. A
    # reading whose pattern the paragraph never matches, as most do not, is left out on one search.
    readings = []
    if _FIGURE_COUNT.search(text):
        readings.append(_figures(text, style))
    if style.forms.spell_out_below < 100 and style.compiled("number-form", _words_at_or_above).search(text):
        readings.append(_numbers_in_words(text, style))
    if _PERCENT_WORD.search(text):
        readings.append(_percentages_in_words(text))
    return heapq.merge(*readings, key=attrgetter("start")) if readings else iter(())


def _figures(text: str, style: HouseStyle) -> Iterator[Issue]:
    limit = style.forms.spell_out_below
    for match in _FIGURE_COUNT.finditer(text):
        start, end = match.span("number")
        if (start and (is_word_char(text[start - 1]) or text[start - 1] in _NOT_BEFORE_FIGURE)) or text[start] == "0":
            continue
        if not _is_count_noun(match.group("noun")) or _AGE_AFTER.match(text, match.end()) or _in_series(text, start, end):
            continue
        value = int(match.group("number"))
        if starts_sentence(text, start):
            words = in_words(value)
            yield _issue(start, end, text, words[0].upper() + words[1:], "starts")
        elif value < limit and not _labelled(text, start):
            yield _issue(start, end, text, in_words(value), "small", limit)


def _numbers_in_words(text: str, style: HouseStyle) -> Iterator[Issue]:
    limit = style.forms.spell_out_below
    for match in style.compiled("number-form", _words_at_or_above).finditer(text):
        start, end = match.span("number")
        if (start and is_word_char(text[start - 1])) or not _is_count_noun(match.group("noun")):
            continue
        if _AGE_AFTER.match(text, match.end()) or _in_series(text, start, end) or _labelled(text, start):
            continue
        yield _issue(start, end, text, str(value_of(match.group("number"))), "large", limit)


def _percentages_in_words(text: str) -> Iterator[Issue]:
    for percent in _PERCENT_WORD.finditer(text):
        # A number in words ends in a letter, and only spaces follow it: where no letter comes
        # last before the spaces ("5 pct"), the slow search back would find none.
        if not last_before(text, percent.start(), _WORDS_REACH).isalpha():
            continue
        words = _WORDS_BEFORE.search(text, max(0, percent.start() - _WORDS_REACH), percent.start())
        if words is None:
            continue
        start, end = words.span("number")
        if starts_sentence(text, start) or _in_series(text, start, end) or _labelled(text, start):
            continue
        yield _issue(start, end, text, str(value_of(words.group("number"))), "percent")


_EXPLANATIONS = {
    "small": "Whole numbers below {limit} are spelled out in running text; figures from {limit} up.",
    "large": "Figures from {limit} up; only numbers below {limit} are spelled out.",
    "starts": "A number that starts a sentence is spelled out (or the sentence is recast).",
    "percent": "Percentages are written in figures.",
}


def _issue(start: int, end: int, text: str, replacement: str, reason: str, limit: int = 10):
    original = text[start:end]
    return RULE.issue(
        start,
        end,
        f"Write “{replacement}”, not “{original}”",
        explanation=_EXPLANATIONS[reason].format(limit=limit),
        replacements=[replacement],
        group="number-form",
    )


RULE = ParagraphRule(
    id="number-form",
    category="style",
    severity="warning",
    find=find,
    doc=__doc__,
    needs=_needs,
    must_flag=(
        "The bank said 3 companies had bid.",
        "The bank said twelve companies had bid.",
        "12 banks failed in the crisis.",
        "Output was still six pct lower than a year ago.",
        "Police said 2 people were hurt.",
    ),
    must_pass=(
        "Prices rose 5 percent; a 7-year-old and 3 mln dlrs were found.",
        "The company lost $4 million after the 4-3 win.",
        "Channel 4 viewers saw page 3 and No. 2 seeds.",
        "Between 3 and 12 banks failed; 3, 10 and 12 companies bid.",
        "Ten companies bid. Six pct of them won.",
        "THE BANK SAID 3 COMPANIES HAD BID.",
        "The 3 hours, 5 points and 6 feet were measured; he was 5 years old.",
        "The bank said three companies and 12 banks had bid.",
    ),
)
