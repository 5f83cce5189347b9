"""A space on one side of a compound's hyphen: "usa -backed", "pro- Assad".

Transmission and retyping damage splits compounds; the fix closes the gap.
Left alone: suspended hyphens ("pro- and anti-war", "two- or three-day"),
hyphens used as dashes ("war - and peace", "war -and peace", "he said- the"),
minus signs ("-5 degrees"), list bullets at the start of a line, command
options ("ls -la", "rm -rf", "tar -x -f file", anything in `code` or on a
"$ " line) and datelines ("LONDON -Britain").

The fix is offered only where the compound is clear: a suffix such as
"-backed" or "-led", or a first part that is a prefix ("pro-", "anti-",
"well-"), a single letter ("e-mail"), an abbreviation ("U.S.-") or a name
("Syria-"). Elsewhere ("year- old", "stem- cell", "10- year", "govern-
ment") the story itself decides: where it writes the closed-up compound
("year-old") elsewhere, that is the fix, and where it writes the joined word
("government") instead, joining is; a gap with no such evidence is flagged
without a fix, since "war- torn" may as well be a word broken at a line
end. After a figure ("10- year"), between capitals ("HD- DVD", which may be
a dateline) and before a word that more often follows a dash ("one- for-five",
"said- the") a gap is flagged only with that evidence.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterator
from functools import cached_property
from operator import attrgetter
from typing import NamedTuple

from editor.engine.issues import first_places
from editor.engine.rule import StoryRule
from editor.engine.story import Story, needing
from editor.engine.style import HouseStyle
from editor.engine.words import PREFIXES, REACH

# Each pattern starts with a space or the hyphen so that the scan can jump to them; the
# letter, or the last point of an abbreviation, before is checked by a look-behind after it.
# Before a word with no vowel the hyphen leads a command's option ("ls -la"): passed over in the scan.
# The second group is an option or a path after the word, for ``_command_option``.
_SPACE_BEFORE = re.compile(
    r" (?:(?<=[^\W\d_] )|(?<=[^\W\d_]\.[^\W\d_]\. )) *-"
    r"(?=[^\W\d_]*?(?i:[aeiouy]))(?=([^\W\d_]{2,})\b( +[-/~])?)"
)
_SPACE_AFTER = re.compile(r"-(?:(?<=[^\W_]-)|(?<=[^\W\d_]\.[^\W\d_]\.-)) +(?=([^\W\d_]+)\b)")
_LAST_WORD = re.compile(r"([^\W_]+)\.?$")
# Compounds written closed up, as pairs of the parts on either side of a hyphen ("10-year-old"
# gives "10-year" and "year-old"), and words, both casefolded: the story's evidence for a fix.
_HYPHENATED = re.compile(r"(?<![\w-])(?>\w+)(?:-(?>\w+))+")
_WORD = re.compile(r"[^\W\d_]+")
# Where ``_HYPHENATED`` may match: led by the hyphen, so that the search jumps from hyphen to hyphen.
_JOINED = re.compile(r"-(?<=\w-)\w")
_CODE = re.compile(r"`[^`\r\n]*`|^[^\S\r\n]*\$ [^\r\n]*", re.MULTILINE)
_VOWEL = re.compile(r"[aeiouy]", re.IGNORECASE)
# What a gap's words alone decide, not yet read.
_UNREAD = object()
# A hyphen with a space before or after it: every gap has one (``_SPACE_BEFORE`` ends in " -", as its
# spaces run up to the hyphen, and ``_SPACE_AFTER`` starts with "- "). Led by the hyphen, so that the
# scan jumps from hyphen to hyphen; the look-behind sees no space at a paragraph's start, whether a
# line break or the text's edge stands before it.
_HYPHEN_BESIDE_SPACE = re.compile(r"-(?: |(?<= -))")
# A compound's parts either side of a hyphen, or a word: all the evidence a paragraph can give.
_EVIDENCE = re.compile(r"[^\W\d_]|\w-\w")

# Words a suspended hyphen leads to ("pro- and anti-war", "first- through third-grade"): never a gap.
_SUSPENDED_BEFORE = frozenset("and or nor to through versus vs".split())
# Words that more often follow a hyphen used as a dash ("he said- the army"): a gap only where the
# story writes the compound closed up elsewhere ("one-for-five", "B-plus").
_DASH_BEFORE = frozenset(
    """but than as plus the a an he she it they we i you his her its their our this that these those
    which who not no so yet if is was are were in on at of for with by from there then even just only
    am""".split()
)


def _outside_code(gaps: Iterator[_Gap], text: str) -> Iterator[_Gap]:
    """The gaps outside `code` and "$ " command lines, whose spans are found at the first gap."""
    spans = None
    for gap in gaps:
        if spans is None:
            # Starts and ends, flattened, for bisect.
            spans = [edge for match in _CODE.finditer(text) for edge in match.span()]
        if bisect.bisect_right(spans, gap.start) % 2 == 0:
            yield gap


def _names_a_compound(before: str) -> bool:
    """Whether a word before a hyphen makes the hyphen a compound's: a prefix, a letter, a name."""
    return before.casefold() in PREFIXES or len(before) == 1 or before[0].isupper()


def _is_dateline(before: str, after: str) -> bool:
    return len(before) > 1 and before.isupper() and after[0].isupper()


def _command_option(token: str, before: str, option_follows: bool) -> bool:
    """"rm -rf", "find /data -name", "tar -x -f file": options with a vowel (one without is passed
    over before this is asked) follow a command without one or a path, or run on into another
    option or a path."""
    return (before.islower() and not _VOWEL.search(before)) or "/" in token or "\\" in token or option_follows


def _token_before(text: str, start: int) -> str:
    """``token_before`` where a letter or a point stands just before ``start``, as it does at a gap:
    read inline, as there may be a gap every few characters."""
    return text[max(0, start - REACH) : start].rsplit(None, 1)[-1]


# A named tuple: a paragraph may have a gap every few characters, and a dataclass is slower to make.
class _Gap(NamedTuple):
    """A gap beside a hyphen, in paragraph offsets, with the words on either side."""

    start: int
    end: int
    before: str
    after: str
    # A prefix, a suffix, a letter, an abbreviation or a name: closing the gap is safe without evidence.
    clear: bool
    # After a figure, in capitals ("LONDON- Britain") or before a word a dash leads to: a gap only
    # where the story's evidence shows the compound.
    doubtful: bool = False


@needing(_HYPHEN_BESIDE_SPACE, nothing=())
def _paragraph_gaps(text: str, style: HouseStyle) -> tuple[_Gap, ...]:
    """Each gap beside what may be a compound's hyphen, in text order."""
    if " -" not in text and "- " not in text:
        return ()
    gaps = heapq.merge(_gaps_before(text), _gaps_after(text), key=attrgetter("start"))
    return first_places(_outside_code(gaps, text) if "`" in text or "$ " in text else gaps, text)


def _gaps_before(text: str) -> Iterator[_Gap]:
    # What the words decide (a gap's words, ``clear`` and ``doubtful``, or None where there is no gap),
    # kept per token before and word after: a paragraph dense with gaps repeats them.
    decided: dict[tuple[str, str, bool], tuple[str, str, bool, bool] | None] = {}
    for match in _SPACE_BEFORE.finditer(text):
        start = match.start()
        after, option_follows = match.groups()
        token = _token_before(text, start)
        key = (token, after, option_follows is not None)
        words = decided.get(key, _UNREAD)
        if words is _UNREAD:
            words = decided[key] = _before_words(*key)
        if words is not None:
            yield _Gap(start, match.end(), *words)


def _before_words(token: str, after: str, option_follows: bool) -> tuple[str, str, bool, bool] | None:
    if after.casefold() in _SUSPENDED_BEFORE:
        return None
    before = _LAST_WORD.search(token).group(1)
    if _command_option(token, before, option_follows):
        return None
    doubtful = after.casefold() in _DASH_BEFORE or _is_dateline(before, after)
    return before, after, not doubtful and (after.islower() or _names_a_compound(before)), doubtful


def _gaps_after(text: str) -> Iterator[_Gap]:
    decided: dict[tuple[str, str], tuple[str, str, bool, bool] | None] = {}
    for match in _SPACE_AFTER.finditer(text):
        start = match.start()
        key = (_token_before(text, start), match.group(1))
        words = decided.get(key, _UNREAD)
        if words is _UNREAD:
            words = decided[key] = _after_words(*key)
        if words is not None:
            yield _Gap(start, match.end(), *words)


def _after_words(token: str, after: str) -> tuple[str, str, bool, bool] | None:
    if after.casefold() in _SUSPENDED_BEFORE:
        return None
    before = _LAST_WORD.search(token).group(1)
    doubtful = after.casefold() in _DASH_BEFORE or _is_dateline(before, after) or before[0].isdigit()
    return before, after, not doubtful and _names_a_compound(before), doubtful


# Without a letter ``_WORD`` finds no word, and without ``\w-\w`` ``_HYPHENATED`` no compound.
@needing(_EVIDENCE, nothing=(frozenset(), frozenset()))
def _paragraph_evidence(text: str, style: HouseStyle) -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
    """The paragraph's compounds, as pairs of the parts either side of a hyphen, and its words."""
    compounds = set()
    # Gaps without a compound ("war- torn" again and again) are told at once, not word by word.
    for hyphenated in _HYPHENATED.finditer(text) if _JOINED.search(text) else ():
        parts = hyphenated.group().casefold().split("-")
        compounds.update(zip(parts, parts[1:]))
    # Each distinct word casefolded once, in C: a long paragraph repeats its words.
    return frozenset(compounds), frozenset(map(str.casefold, set(_WORD.findall(text))))


class _Evidence:
    """The compounds and words of the whole story, gathered the first time a gap needs them."""

    def __init__(self, story: Story, style: HouseStyle) -> None:
        self.story = story
        self.style = style

    @cached_property
    def _read(self) -> tuple[set[tuple[str, str]], set[str]]:
        compounds: set[tuple[str, str]] = set()
        words: set[str] = set()
        for paragraph_compounds, paragraph_words in self.story.per_paragraph(_paragraph_evidence, self.style):
            compounds |= paragraph_compounds
            words |= paragraph_words
        return compounds, words

    def fixes(self, gap: _Gap) -> list[str]:
        """Closing up where the story writes the compound elsewhere, joining where it writes the word."""
        # A dictionary's compounds and words would be further evidence here, beside the story's own.
        compounds, words = self._read
        fixes = []
        if (gap.before.casefold(), gap.after.casefold()) in compounds:
            fixes.append("-")
        if (gap.before + gap.after).casefold() in words:
            fixes.append("")
        return fixes


def find(story: Story, style: HouseStyle) -> Iterator:
    evidence = _Evidence(story, style)
    for paragraph, gaps, notice in story.weighed_paragraphs(_paragraph_gaps, style, RULE.id):
        if notice is not None:
            yield notice
        for gap in gaps:
            fixes = ["-"] if gap.clear else evidence.fixes(gap)
            if not fixes and gap.doubtful:
                continue
            yield RULE.issue(
                paragraph.start + gap.start,
                paragraph.start + gap.end,
                "Space on one side of a hyphen",
                "A compound such as “U.S.-backed” or “pro-government” is written without spaces "
                "around its hyphen; the gap is usually transmission damage."
                + ("" if fixes else " If a word was broken at a line end, remove the hyphen too."),
                fixes,
                group=RULE.id if fixes else None,
            )


RULE = StoryRule(
    id="hyphen-spacing",
    category="punctuation",
    severity="error",
    find=find,
    doc=__doc__,
    must_flag=(
        "Fighters backed by usa -backed groups advanced.",
        "A pro- Assad militia attacked.",
        "The U.S. -led coalition struck.",
        "The war- torn city was quiet.",
        "The 10-year bond fell. The 10- year note rose.",
    ),
    must_pass=(
        "Both pro- and anti-war groups marched.",
        "A two- or three-day visit is planned.",
        "The war - and the peace - changed everything.",
        "Temperatures fell to -5 degrees.",
        "- a list item",
        "U.S.-backed fighters advanced.",
        "Run ls -la to see the files, or `git commit -am message`.",
        "LONDON -Britain said on Monday it would act.",
    ),
)
