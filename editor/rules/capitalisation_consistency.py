"""A term capitalised two ways in one story: "Foreign Ministry ... foreign ministry",
"Federal Reserve ... federal reserve".

A term of two or three words that the story capitalises in one place and
writes in lowercase in another is flagged where it is in the minority, with
the majority's capitals as the fix (a tie goes to the form used first); all
uses of one term are fixed together.

Only a capitalised term that stands on its own counts: one that runs on into
a longer name is that name's part, and a generic use elsewhere is right
("the Central Bank of Kenya ... the central bank", "the Commodity Futures
Trading Commission ... futures trading"), as is a formal title before a name
("Prime Minister Yasuhiro Nakasone ... the prime minister", which the title
rule checks). Capitals that show nothing are not counted either: a sentence's
first word, a headline (Reuters writes them in capitals, the BBC in title
case) and a quoted title ("the film \\"Foreign Affairs\\"").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from editor.engine.paragraph_words import (
    CAPITAL_STARTING_WORD,
    CAPITALISED_WORD,
    NOT_A_TO_Z_ONLY,
    REST_OF_CAPITALISED_WORD,
    find_in_story,
    lowercase_words,
)
from editor.engine.quotes import read_quotes
from editor.engine.resources import word_list
from editor.engine.rule import StoryRule
from editor.engine.story import Story, needing
from editor.engine.style import HouseStyle
from editor.engine.words import starts_sentence

_KNOWN = word_list("known-names")
# Words before a capitalised term that are not part of it: "The Foreign Ministry said". A
# place or nationality before it is part of it ("the Asian Development Bank", not a
# capitalised "development bank").
_NOT_PART = frozenset(_KNOWN["capitalised_function_words"])
# Small words inside a longer name: "Bank of England", "Bank for International Settlements".
# ("and" joins two names as often as it makes one: "Canada and New Zealand".)
_NAME_LINKS = frozenset(("of", "for", "de", "del", "da", "du", "der", "von", "van", "la", "le"))
_LONGEST = 3
# A name right after a lowercase term makes it a title before a name ("foreign secretary
# Michael Ancram"): the title rule's to judge, not this one.
_NAME_AFTER = re.compile(r"[^\S\r\n]+[A-Z][a-z]")
# Capitalised words that start a word, and a chain of two or more with one to four spaces between
# (one line break at most): a lone capitalised word, as most are, is passed over in C. An ALL CAPS
# word parts a run, so no chain holds one of capitals A to Z alone ("US US US" makes none); another
# ("ÉTÉ") is parted on after the scan.
_CAPITALISED = re.compile(CAPITALISED_WORD)
_CHAIN_WORD = CAPITAL_STARTING_WORD + NOT_A_TO_Z_ONLY + REST_OF_CAPITALISED_WORD
_GAP = r"(?=\s{1,4}(?!\s))[^\S\n]*\n?[^\S\n]*"
_CHAIN = re.compile(rf"{_CHAIN_WORD}(?:{_GAP}{_CHAIN_WORD})+")
# What ``_paragraph_chains`` needs: a chain's start, up to its second word's first letter. A chain
# word may end there, so a chain starts wherever this matches; and the search does not read a long
# chain ("Latest News" a line, over and over) to its end, as the reading then does.
_CHAIN_START = re.compile(rf"{_CHAIN_WORD}{_GAP}{CAPITAL_STARTING_WORD}{NOT_A_TO_Z_ONLY}")


@dataclass(frozen=True, slots=True)
class _Use:
    start: int
    end: int
    capitalised: bool
    sentence_start: bool


def _goes_on(text: str, end: int, limit: int) -> bool:
    """Whether a name continues after ``end``: "Central Bank of Kenya", "Bank for International Settlements"."""
    rest = text[end : min(limit, end + 30)].split(None, 2)
    return len(rest) >= 2 and rest[0] in _NAME_LINKS and rest[1][:1].isupper()


def _ends_longer_name(text: str, floor: int, start: int) -> bool:
    """Whether the words before ``start`` are a capitalised word and a small word: "Bank of Foreign Trade"."""
    previous = text[max(floor, start - 40) : start].split()
    return len(previous) >= 2 and previous[-1] in _NAME_LINKS and previous[-2][:1].isupper()


class _QuotedTitles:
    """Which quotations of a paragraph are titles: short, with every long word capitalised ("Foreign Affairs")."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotations = read_quotes(text).quotations
        self.opens = [quotation.open.offset for quotation in self.quotations]
        self.verdicts: dict[int, bool] = {}

    def covers(self, start: int) -> bool:
        """Whether ``start`` is inside a quoted title. Quotations do not nest: only the last one opened before can hold it."""
        index = bisect.bisect_left(self.opens, start) - 1
        if index < 0:
            return False
        quotation = self.quotations[index]
        close = quotation.close.offset if quotation.close else None
        if close is not None and close < start:
            return False
        if index not in self.verdicts:
            inside = self.text[quotation.open.offset + 1 : close if close is not None else quotation.open.offset + 80].split()
            self.verdicts[index] = len(inside) <= 10 and all(word[:1].isupper() for word in inside if len(word) > 3)
        return self.verdicts[index]


@dataclass(frozen=True, slots=True)
class _Term:
    """A capitalised term of a paragraph: its words in lowercase, offsets relative to the paragraph."""

    words: tuple[str, ...]
    start: int
    end: int
    sentence_start: bool


# Every chain starts with a match of ``_CHAIN_START``, which reads the text's edge and a line break
# alike: its look-arounds ask only for letters, apostrophes, hyphens or spaces within the match.
@needing(_CHAIN_START, nothing=())
def _paragraph_chains(text: str, style: HouseStyle) -> tuple[tuple[int, str], ...]:
    """The paragraph's chains of capitalised words: where each starts, and its text."""
    return tuple([(chain.start(), chain.group()) for chain in _CHAIN.finditer(text)])


def _may_make_term(chain: str, lowercase: frozenset[str]) -> bool:
    """Whether a run of ``chain`` may make a term the story also writes in lowercase: its last two words
    are the run's, unless an ALL CAPS word parts it (its words are only spaces apart)."""
    words = chain.split()
    return any(map(str.isupper, words)) or (words[-1].lower() in lowercase and words[-2].lower() in lowercase)


def _runs(text: str, start: int, chain: str) -> Iterator[tuple[tuple[str, int], ...]]:
    """The runs of two or more capitalised words (not ALL CAPS) of ``chain``, at ``start`` in the paragraph
    ``text``: (word, start) for each."""
    matches = list(_CAPITALISED.finditer(text, start, start + len(chain)))
    words = list(map(re.Match.group, matches))
    starts = list(map(re.Match.start, matches))
    if any(map(str.isupper, words)):
        yield from _parted(words, starts)
    else:
        yield tuple(zip(words, starts))


def _parted(words: list[str], starts: list[int]) -> Iterator[tuple[tuple[str, int], ...]]:
    """The runs of a chain that ALL CAPS words part ("Foreign ÉTÉ Ministry" makes none)."""
    run: list[tuple[str, int]] = []
    for word, start in zip(words, starts):
        if not word.isupper():
            run.append((word, start))
            continue
        if len(run) >= 2:
            yield tuple(run)
        run = []
    if len(run) >= 2:
        yield tuple(run)


def _terms(text: str, runs: list[tuple[tuple[str, int], ...]]) -> Iterator[_Term]:
    """The capitalised terms of two or three words standing on their own that ``runs`` of the paragraph ``text`` make."""
    titles = None
    for run in runs:
        first_start = run[0][1]
        end = run[-1][1] + len(run[-1][0])
        if text[end : end + 1] == "-" or _goes_on(text, end, len(text)):
            continue  # a longer name: "White House-Iran", "Bank of England"
        if first_start and text[first_start - 1] in "'’-":
            continue
        if _ends_longer_name(text, 0, first_start):
            continue  # "Bank of Foreign Trade"
        if titles is None:
            titles = _QuotedTitles(text)
        if titles.covers(first_start):
            continue
        while run and run[0][0] in _NOT_PART:
            run = run[1:]
        if 2 <= len(run) <= _LONGEST:
            start = run[0][1]
            yield _Term(tuple(word.lower() for word, _ in run), start, end, starts_sentence(text, start))


def _capitalised_terms(story: Story, style: HouseStyle) -> dict[tuple[str, ...], list[_Use]]:
    """Capitalised terms of two or three words standing on their own, by their words in lowercase, outside the
    headline, where the story writes each of their words in lowercase somewhere.

    A term is the last two or three words of a run. Its lowercase use is looked for only in a paragraph
    that writes each of its words in lowercase (``find_in_story``): a term with a word the story never
    writes so has none, and no issue, so its run is not weighed.
    """
    terms: dict[tuple[str, ...], list[_Use]] = {}
    lowercase: frozenset[str] | None = None
    for paragraph, chains in story.found_per_paragraph(_paragraph_chains, style):
        if paragraph is story.headline:
            continue
        if lowercase is None:
            lowercase = frozenset().union(*story.per_paragraph(lowercase_words, style))
        text = paragraph.text
        runs = [
            run
            for start, chain in chains
            if _may_make_term(chain, lowercase)
            for run in _runs(text, start, chain)
            if run[-1][0].lower() in lowercase and run[-2][0].lower() in lowercase
        ]
        for term in _terms(text, runs):
            use = _Use(paragraph.start + term.start, paragraph.start + term.end, True, term.sentence_start)
            terms.setdefault(term.words, []).append(use)
    return terms


def _lowercase_uses(story: Story, style: HouseStyle, terms) -> None:
    """Adds the lowercase uses of ``terms`` to them, outside the headline."""
    body = 0 if story.headline is None else 1
    found = [
        (start, end, term)
        for index, start, end, term in find_in_story(story, style, {term: term for term in terms})
        if index >= body
    ]
    found.sort(key=lambda use: (use[0], -use[1]))
    reached = -1
    for start, end, term in found:
        if end <= reached:
            continue  # inside a longer term found already
        reached = end
        if not _NAME_AFTER.match(story.text, end):
            terms[term].append(_Use(start, end, False, False))


def _written(term_text: str, capitalised: bool, sentence_start: bool) -> str:
    words = term_text.split()
    if capitalised:
        words = [word[:1].upper() + word[1:] for word in words]
    else:
        words = [word.lower() for word in words]
        if sentence_start:
            words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


def find(story: Story, style: HouseStyle) -> Iterator:
    terms = _capitalised_terms(story, style)
    candidates = {term: uses for term, uses in terms.items() if all(len(word) > 1 for word in term)}
    if not candidates:
        return
    _lowercase_uses(story, style, candidates)
    text = story.text
    for term, uses in candidates.items():
        capitalised = sum(use.capitalised for use in uses)
        if capitalised in (0, len(uses)):
            continue
        uses.sort(key=lambda use: use.start)
        lowercase = len(uses) - capitalised
        house = capitalised > lowercase or (capitalised == lowercase and uses[0].capitalised)
        for use in uses:
            if use.capitalised == house:
                continue
            written = text[use.start : use.end]
            fixed = _written(written, house, use.sentence_start)
            yield RULE.issue(
                use.start,
                use.end,
                f"“{written}” is written “{fixed}” elsewhere in this story",
                explanation="A term should be capitalised the same way throughout a story; "
                f"this story writes “{fixed}” {max(capitalised, lowercase)} times.",
                replacements=[fixed],
                group=f"capitalisation:{' '.join(term)}",
            )


RULE = StoryRule(
    id="capitalisation-consistency",
    category="consistency",
    severity="warning",
    find=find,
    doc=__doc__,
    must_flag=(
        "The Foreign Ministry said talks would resume. A foreign ministry spokesman declined comment. "
        "The Foreign Ministry later confirmed it.",
        "The Federal Reserve left rates alone. Analysts said the federal reserve would act in May. "
        "The federal reserve meets again in June.",
    ),
    must_pass=(
        "Prime Minister Yasuhiro Nakasone spoke. The prime minister said talks would go on.",
        "The Central Bank of Kenya raised rates. The central bank said inflation was high.",
        "FOREIGN MINISTRY SAYS TALKS FAIL\n\nThe foreign ministry said talks had failed.",
        "Foreign ministry officials met. The foreign ministry said no more.",
        'She starred in "Central Station". The central station was closed.',
        "The Commodity Futures Trading Commission said futures trading rose.",
    ),
)
