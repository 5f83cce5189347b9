"""Percentages written several ways in one story: "5 percent", "5 per cent", "5%", "5 pct".

The house style names its form (``[forms] percent``: AP "percent", British
"%") and the word used after a number in words, where a sign cannot follow
("Sixteen per cent"); a style that names none keeps the form the story uses
most. Every other form is flagged with the house form as its fix, and all of
a story's share one group, so they can be fixed at once.

The wire's own "pct" (resources/wordlists/wire-abbreviations.toml) is the
house style's choice (``[forms] wire_abbreviations``): where a style accepts
it, a story written in "pct" keeps it, and a story that mixes "pct" and the
house form is made one or the other by its majority; where a style expands
it, every "pct" becomes the house form. A form hyphenated into a compound
("a 5-percent rise") is left alone.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from editor.engine.issues import first_places
from editor.engine.rule import StoryRule
from editor.engine.story import Story, needing
from editor.engine.style import HouseStyle
from editor.engine.words import INNER_SPACE, last_before, match_case

WIRE_FORM = "pct"
# A word form anywhere, or a sign (after a figure: "5%", "5 %"); each starts with a literal, so the
# scan skips the text between them fast. A word form that is part of a compound is left out.
_WORD_FORM = re.compile(rf"[pP](?i:ercent|er{INNER_SPACE}cent|ct)(?![\w-])")
_SIGN = re.compile("%")
# A sign or a word form, as the paragraph reading's own first test: every percent it reads is one of
# them. The word form's look-ahead sees a line break after a paragraph as it sees the text's end.
_SIGN_OR_WORD_FORM = re.compile(f"%|{_WORD_FORM.pattern}")
# How far back a figure before a percent form is looked for.
_FIGURE_REACH = 24
# A figure before a form: "5", "0.5", "1,000", "1-1/2", "5-6".
_FIGURE_BEFORE = re.compile(rf"(?<![\w.,/-])(?P<figure>\d(?:[\d,./-]*\d)?)(?:{INNER_SPACE})?$")


# A named tuple: a hostile text has a percent form every few characters, and a dataclass is several times as slow to make.
class _Percent(NamedTuple):
    """A percent form at ``start:end``; ``figure`` is where its figure starts, or -1 when none stands before it."""

    start: int
    end: int
    form: str
    figure: int

    def shifted(self, offset: int) -> _Percent:
        figure = self.figure + offset if self.figure >= 0 else -1
        return _Percent(self.start + offset, self.end + offset, self.form, figure)


def _canonical(written: str) -> str:
    return "%" if written.endswith("%") else " ".join(written.casefold().split())


@needing(_SIGN_OR_WORD_FORM, nothing=())
def _paragraph_percents(text: str, style: HouseStyle) -> tuple[_Percent, ...]:
    if "%" not in text and not _WORD_FORM.search(text):
        return ()  # most paragraphs: one search in C, not the readings' merge
    return first_places(_percents(text), text)


def _percents(text: str) -> Iterator[_Percent]:
    words = (match for match in _WORD_FORM.finditer(text) if not _joined_before(text, match.start()))
    for match in heapq.merge(words, _SIGN.finditer(text), key=re.Match.start):
        before = _figure_before(text, match.start())
        if before is None and match.group() == "%":
            continue  # a sign with no figure before it ("%20") is no percentage
        yield _Percent(match.start(), match.end(), _canonical(match.group()), before.start() if before else -1)


def _figure_before(text: str, start: int) -> re.Match | None:
    """``_FIGURE_BEFORE`` in the ``_FIGURE_REACH`` characters before ``start``. A figure ends in a digit with only
    spaces after it: where no digit comes last before the spaces, the slow search back would find none."""
    if not last_before(text, start, _FIGURE_REACH).isdecimal():
        return None
    return _FIGURE_BEFORE.search(text, max(0, start - _FIGURE_REACH), start)


def _joined_before(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-")


def _target(style: HouseStyle, counts: Counter) -> str:
    """The form the story should use after a figure."""
    house = style.forms.percent
    if not house:
        return max(counts, key=counts.get)  # counts keep first-use order, so a tie goes to the first form
    # An accepted wire form stays where the story is written in it: it is the form used most.
    wire_count = counts[WIRE_FORM]
    if style.forms.wire_abbreviations == "accept" and wire_count > counts[house] and wire_count == max(counts.values()):
        return WIRE_FORM
    return house


def find(story: Story, style: HouseStyle) -> Iterator:
    percents, notices = story.found_in_paragraphs(_paragraph_percents, style, RULE.id)
    yield from notices
    if not percents:
        return
    counts = Counter(percent.form for percent in percents)
    target = _target(style, counts)
    # After a number in words or none, a sign cannot stand: "Sixteen per cent".
    word_target = style.forms.percent_after_words if target == "%" else target
    why = f"{style.name} style" if target == style.forms.percent else "as elsewhere in this story"
    explanation = _explanation(style, target)
    text = story.text
    for percent in percents:
        wanted = target if percent.figure >= 0 else word_target
        if percent.form == wanted:
            continue
        start = percent.start
        original = text[start : percent.end]
        if percent.form == "%" or wanted == "%":
            # The gap between figure and form changes too: "5 per cent" <-> "5%".
            start = percent.figure
            figure = _FIGURE_BEFORE.search(text, start, percent.start).group("figure")
            replacement = figure + ("%" if wanted == "%" else " " + wanted)
        else:
            replacement = match_case(wanted, original)
        yield RULE.issue(
            start,
            percent.end,
            f"Write “{replacement.strip()}” ({why}), not “{text[start:percent.end]}”",
            explanation=explanation,
            replacements=[replacement],
            group="percent-form",
        )


def _explanation(style: HouseStyle, target: str) -> str:
    forms = style.forms
    if target != forms.percent:
        if forms.percent:
            return (
                f"This story mostly writes “5 {target}”, the wire's abbreviation, which {style.name} style "
                f"accepts in a story that uses it throughout; a story should use one form."
            )
        return f"This story mostly writes “5{target if target == '%' else ' ' + target}”; a story should use one form."
    sign = "5%" if target == "%" else f"5 {target}"
    text = f"{style.name} style writes percentages as “{sign}”"
    if target == "%":
        text += f", and “{forms.percent_after_words}” after a number in words (“Sixteen {forms.percent_after_words}”)"
    if forms.wire_abbreviations == "expand":
        text += "; the wire's “pct” is written out"
    return text + "."


RULE = StoryRule(
    id="percent-form",
    category="style",
    severity="warning",
    find=find,
    doc=__doc__,
    must_flag=(
        "Prices rose 5 per cent in May.",
        "Prices rose 5% in May and 3 percent in June.",
        "Output rose 2 pct, 3 pct and 4 pct, after a 1 percent fall and a 2 per cent gain.",
        "Prices rose 5 percent in May and 3 per cent in June.",
    ),
    must_pass=(
        "Prices rose 5 percent in May, and five percent of the rise was fuel.",
        "Output rose 2 pct in May and 3 pct in June, and 0.5 pct in July.",
        "The percentage of voters rose; a 5-percent rise was forecast.",
        "The address ended in %20 and was wrong.",
    ),
)
