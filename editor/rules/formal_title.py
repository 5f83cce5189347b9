"""A formal title in lowercase directly before a name: "prime minister Yasuhiro Nakasone".

A formal title used as part of a name is capitalised ("Prime Minister
Yasuhiro Nakasone", "Defense Secretary Jim Mattis"); after the name, set off
by a comma, or on its own it stays lowercase ("Jim Mattis, the defense
secretary", "the prime minister said"). The titles are the house style's list
(``[forms] formal_titles``); job descriptions ("chief executive", "spokesman",
"coach") are not on it and are never flagged.

Only a title the words around it show to be part of the name is flagged:
the word before it is a verb, a preposition or a conjunction ("said prime
minister Nakasone", "met president Alan Garcia"), a nationality ("Japanese
prime minister ..."), punctuation or the start of a sentence. Left alone:
a title after "the", "a" or a possessive, which is an appositive the desk
may want set off with commas instead; one qualified by an organisation
("Soffex president Rudolf Mueller": newsrooms differ on company titles) or by
a word that may belong to the title ("deputy finance minister", "farm
commissioner"); one after a word that makes it a description in the house
style (``descriptive_before_title``: AP "shadow", British also "former");
and one before an honorific ("Mr", "Sir").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from editor.engine.rule import ParagraphRule
from editor.engine.style import HouseStyle
from editor.engine.words import INNER_SPACE, NOTHING, TITLE_CASE_MINOR_WORDS, skip_space, spaced_phrase, starts_sentence, word_trie

# Capitalised words after a title that are not the start of a name.
_NOT_NAMES = frozenset(
    """The A An And But Or Nor In On At By For Of To From With As He She It They We I You His Her Its
    Their Our This That These Those There Then When While If Who What Which Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April May June July August September
    October November December Mr Mrs Ms Miss Dr Sir Lord Lady Dame Rev Prof Professor Mister""".split()
)
# Words before a title that tie it to the name after it: verbs, prepositions, conjunctions.
_LEADS = frozenset(
    """said says say told tells tell met meets meet by with to from for of on at in into upon over but that
    when after before between against about like including under since while as than because if where
    although though whereas unless until once so yet toward towards despite during without within
    among amid via besides
    whom urged urges asked asks called calls thanked visited visits succeeded replaced replaces
    accused accuses warned warns quoted quotes joined joins backed backs named names appointed
    former acting late outgoing incoming then new newly later""".split()
)
_JOINING = frozenset({"and", "or", "nor"})
_NATIONALITY_WORDS = frozenset(
    """French Dutch Swiss Greek Thai Czech Welsh Scots Irish Israeli Iraqi Saudi Pakistani Kuwaiti
    Yemeni Omani Qatari Bahraini Emirati Somali Bangladeshi Nepali Azerbaijani US UK EU UN""".split()
)
_NATIONALITY = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][a-z]+(?:ian|an|ese|ish)")
_NAME_AFTER = re.compile(r"[A-Z](?:[a-z’']*[a-z]|\.)")
_WORD_BEFORE = re.compile(r"(?P<word>[\w.'’-]+)[^\S\r\n]+$")


@dataclass(frozen=True)
class _Titles:
    """The style's titles: ``heads`` finds the last word of one before a capital, ``ending`` the whole title."""

    heads: re.Pattern[str]
    ending: re.Pattern[str]
    longest: int


def _compile(style: HouseStyle) -> _Titles | None:
    titles = style.forms.formal_titles
    if not titles:
        return None
    # A title flagged is lowercase but for a sentence's first letter, so its last word is lowercase:
    # the scan looks for those few words (fast), then reads back for the whole title.
    heads = word_trie({re.split(r"[\s-]", title)[-1] for title in titles})
    alternatives = "|".join(
        spaced_phrase(title) for title in sorted(titles, key=len, reverse=True)
    )
    return _Titles(
        heads=re.compile(rf"{heads}(?={INNER_SPACE}[A-Z])"),
        ending=re.compile(rf"(?<![\w-])(?P<title>(?i:{alternatives}))$"),
        longest=max(map(len, titles)) + 10,
    )


def _needs(style: HouseStyle) -> re.Pattern[str]:
    """Every title flagged ends at a match of ``heads`` (``find`` reads no other), whose look-ahead
    reads only characters of the paragraph; a style without titles flags nothing."""
    titles = style.compiled("formal-title", _compile)
    return NOTHING if titles is None else titles.heads


def _capitalised(title: str) -> str:
    words = re.split(r"(\s+|-)", title.casefold())
    return "".join(
        word if word.isspace() or word == "-" or (index and word in TITLE_CASE_MINOR_WORDS) else word[:1].upper() + word[1:]
        for index, word in enumerate(words)
    )


def _lowercased_as_written(title: str, at_start: bool) -> bool:
    """All lowercase, or capitalised only as the first word of a sentence ("Prime minister Nakasone")."""
    if title.islower():
        return True
    return at_start and title[0].isupper() and title[1:].islower() and " " in title.strip()


def _tied_to_name(text: str, start: int, style: HouseStyle) -> bool:
    """Whether the words before the title show it is part of the name that follows."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        # Start of the paragraph, or after punctuation; a bracket may close a qualifier: "(central bank) president".
        return not text[:start].rstrip().endswith(")")
    word = before.group("word")
    if starts_sentence(text, start):
        return True
    folded = word.casefold()
    if folded in style.forms.descriptive_before_title:
        return False
    if word[0].isupper():
        if word.endswith(("'s", "’s")) or not (word in _NATIONALITY_WORDS or _NATIONALITY.fullmatch(word)):
            return False
        # "former US president": what stands before the nationality decides too.
        earlier = _WORD_BEFORE.search(text, max(0, before.start() - 40), before.start())
        return earlier is None or earlier.group("word").casefold() not in style.forms.descriptive_before_title
    if folded in _JOINING:
        # "Reagan and president X", but not "chairman and president X": a title pair the rule cannot fix whole.
        earlier = _WORD_BEFORE.search(text, max(0, before.start() - 40), before.start())
        return earlier is None or earlier.group("word")[0].isupper()
    if folded in _LEADS:
        return True
    # Verbs in the past or the -ing form: "shepherding president ...", "caused president ..."
    return folded.endswith(("ed", "ing")) and len(folded) > 4


def find(text: str, style: HouseStyle) -> Iterator:
    titles = style.compiled("formal-title", _compile)
    if titles is None:
        return
    for head in titles.heads.finditer(text):
        if text[head.end() : head.end() + 1].isalnum():
            continue
        match = titles.ending.search(text, max(0, head.end() - titles.longest), head.end())
        if match is None:
            continue
        title = match.group("title")
        name = _NAME_AFTER.match(text, skip_space(text, match.end()))
        if name is None or text[name.start() : name.end()].rstrip(".") in _NOT_NAMES:
            continue
        at_start = starts_sentence(text, match.start())
        if not _lowercased_as_written(title, at_start) or not _tied_to_name(text, match.start(), style):
            continue
        if any(word in style.foreign_spellings for word in re.split(r"[\s-]+", title.casefold())):
            # "defence secretary" in AP copy: spelling-locale fixes the word first, and one word takes one fix.
            continue
        fixed = _capitalised(title)
        yield RULE.issue(
            match.start("title"),
            match.end("title"),
            f"Capitalise the title before a name: “{fixed}”",
            explanation=(
                f"{style.name} style capitalises a formal title directly before a name (“Prime Minister "
                "Yasuhiro Nakasone”); after the name or on its own it stays lowercase (“Yasuhiro Nakasone, "
                "the prime minister”)."
            ),
            replacements=[fixed],
            group="formal-title",
        )


RULE = ParagraphRule(
    id="formal-title",
    category="style",
    severity="warning",
    find=find,
    doc=__doc__,
    needs=_needs,
    must_flag=(
        "The plan was backed by defense secretary Jim Mattis.",
        "Talks with prime minister Yasuhiro Nakasone ended.",
        "Japanese prime minister Yasuhiro Nakasone said so.",
        "He met president Alan Garcia on Monday.",
        "Prime minister Yasuhiro Nakasone said so.",
        "The letter went to secretary of state George Shultz.",
    ),
    must_pass=(
        "Jim Mattis, the defense secretary, said so.",
        "The prime minister said on Monday that talks would go on.",
        "Chief executive John Smith and spokesman Tom Jones said so.",
        "The prime minister Yasuhiro Nakasone leads was re-elected.",
        "Soffex president Rudolf Mueller and deputy finance minister Ali Khan spoke.",
        "The vice-president Dick Cheney and shadow foreign secretary Michael Ancram spoke.",
        "He served as president Monday and met prime minister Mr Abe.",
    ),
)
