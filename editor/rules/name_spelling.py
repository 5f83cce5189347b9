"""A name spelled two ways in one story: "Trofimov ... Trofimow", "Pelletier ... Peletier".

A capitalised word one edit (a letter added, dropped, changed, or two
neighbours swapped; two edits in names of eight letters or more) from another
capitalised word of the story, used once where the other is used more, is
most likely the same name mistyped. The fix is the form the story uses most
(a tie goes to the form of the first full reference, "Sergei Trofimov", or
else to the one used first), and every misspelling of one name is fixed
together.

Two different names are never merged, judged by what the story shows:
- a word used twice or more is a name in its own right ("Brown" three times
  and "Browne" twice are two people);
- a different first name before it ("Gordon Brown ... James Browne"), or a
  surname after it that the story uses on its own ("Jonas Store ... Store
  said"): another person. Where the evidence is weaker (a tie, two edits, a
  four-letter word), any name beside it that the other form never has keeps
  them apart ("Linux ... Linus Torvalds", "David Davis");
- a place, nationality, month, weekday, common first name or a surname with
  a real twin that the shared word list knows
  (``resources/wordlists/known-names.toml``: "Iran" and "Iraq", "Greene ...
  in Greece", "Thompson / Thomson") is never taken for a misspelling;
- a word and its derived forms ("German / Germany", "Kuwait / Kuwaiti",
  "Democrat / Democrats");
- a first letter changed ("Brown / Crown"), a last letter changed in a word
  of under seven letters ("Shell / Shelf", "Davis / David"), and names of
  under five letters ("Iran / Iraq"), where one letter makes another name too
  often;
- words that differ only in capitals ("PaineWebber / Painewebber"). A capital
  only a sentence start or the headline gives shows nothing: the form kept
  must be capitalised somewhere else, and the form fixed must not be a word
  the story writes in lowercase ("Sales rose ... sales").

Article and prefix variants of one place name ("al-Tanf / Al Tanf / At
Tanf / Tanf") are one name too; the bare form counts only where the name is
not a person's ("Bashar al-Assad ... Assad" is right), and a spaced "Al" or
"El" only beside a hyphenated form, since "Al Gore" is a first name; an
article that takes the sound of the name's first letter ("At Tanf", "Ash
Sharqat") is never one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from editor.engine.names import close_pairs
from editor.engine.paragraph_words import (
    CAPITAL_STARTING_WORD,
    NOT_A_TO_Z_ONLY,
    REST_OF_CAPITALISED_WORD,
    lowercase_words,
)
from editor.engine.resources import word_list
from editor.engine.rule import StoryRule
from editor.engine.story import Story, needing
from editor.engine.style import HouseStyle
from editor.engine.words import starts_sentence

_KNOWN = word_list("known-names")
# Words a name is never misspelt into: places, nationalities, months, weekdays, first names and
# surnames with a real surname a letter away.
_KNOWN_NAMES = frozenset(name for key in ("places", "nationalities", "calendar", "given_names", "surnames") for name in _KNOWN[key])
_GIVEN_NAMES = frozenset(_KNOWN["given_names"])
# Words capitalised only because they start a sentence: never a name.
_FUNCTION_WORDS = frozenset(_KNOWN["capitalised_function_words"])
# Capitalised words beside a name that say nothing about whose name it is.
_NOT_NAME_WORDS = frozenset(_KNOWN["titles"]) | _FUNCTION_WORDS | frozenset(_KNOWN["calendar"])
_SUFFIXES = frozenset(_KNOWN["derivational_suffixes"])
_CHANGES = frozenset(frozenset(change.split()) for change in _KNOWN["derivational_changes"])

# The shortest name kept, and the shortest misspelling of it: in shorter words one
# letter makes another name too often ("Iran / Iraq", "Tony / Tory").
_SHORTEST = 5
_SHORTEST_MISSPELLING = 4
# No name is longer; a longer word is not compared (its deletions would grow with its square).
_LONGEST = 30
# Two edits apart only in names this long; a last letter changed only in names this long
# ("Trofimov / Trofimow"): in shorter words it makes another word ("Shell / Shelf", "Davis / David").
_LONG = 8
_LAST_LETTER = 7

# A capitalised word that starts a word (``CAPITALISED_WORD``) with, after it, its possessive or nothing
# that would make it part of a longer word. Atomic: a shorter part of the word is never read. A word
# shorter than a name or in capitals A to Z alone ("US") is passed over in C.
_NAME = re.compile(
    rf"(?>{CAPITAL_STARTING_WORD}(?=(?:[^\W\d_]|['’]){{{_SHORTEST_MISSPELLING - 1}}}){NOT_A_TO_Z_ONLY}"
    rf"{REST_OF_CAPITALISED_WORD})(?=(?:['’]s?)?(?![\w'’]))"
)
_JOINED_BEFORE = re.compile(r"([A-Z][^\W\d_]*)(?:[^\S\r\n]+|-)$")
_JOINED_AFTER = re.compile(r"(?:[^\S\r\n]+|-)([A-Z][^\W\d_]*)")
# An Arabic article before a place name: "al-Tanf", "At Tanf", "ash-Sharqat". A
# spaced article counts only with its capital ("in at Tanf" is English).
# The look-behind after the first letter keeps the scan jumping from letter to letter
# while it asks that the article start a word.
_ARTICLE = re.compile(
    r"(?P<article>[AaEe](?<![\w'’-].)(?:l|[dnrstz]|sh|th))(?P<joint>[- ])(?P<name>[A-Z][a-z][^\W\d_]*)(?![\w-])"
)
# What ``_paragraph_reading`` needs: a part of what each of its scans asks for, from a capital A to
# Z, so that the search jumps from capital to capital. A name is a capital with the letters (or
# apostrophes) its look-ahead asks for after it; a name after an article, a capital after a hyphen
# or a space and before a lowercase letter. Neither looks past the match's own characters.
_NAME_OR_ARTICLE = re.compile(rf"[A-Z](?:(?:[^\W\d_]|['’]){{{_SHORTEST_MISSPELLING - 1}}}|(?<=[- ][A-Z])[a-z])")
_SPACED_ARTICLES = frozenset(("Al", "El", "Ad", "An", "Ar", "As", "At", "Az", "Ash", "Ath"))
# Spaced articles that are also first names ("Al Gore", "El Greco").
_FIRST_NAME_ARTICLES = frozenset(("Al", "El"))


@dataclass(frozen=True, slots=True)
class _ArticleForm:
    """A name with its article ("al-Tanf"); offsets relative to the paragraph."""

    form: str
    name: str
    start: int
    end: int
    given_name_before: bool


def _neighbour(word: str | None) -> str | None:
    return None if word is None or word in _NOT_NAME_WORDS else word


@needing(_NAME_OR_ARTICLE, nothing=())
def _paragraph_reading(text: str, style: HouseStyle) -> tuple[tuple[tuple[str, int], ...], tuple[_ArticleForm, ...]] | tuple[()]:
    """The paragraph's words that may be names and its names with an article, read once for both;
    nothing where it has neither. A paragraph without what both need (a short one often) is passed
    over on the story's one search."""
    names, articles = _paragraph_names(text), _articles(text)
    return (names, articles) if names or articles else ()


def _articles(text: str) -> tuple[_ArticleForm, ...]:
    """The paragraph's names written with an article."""
    articles = []
    for match in _ARTICLE.finditer(text):
        article, name = match.group("article"), match.group("name")
        if match.group("joint") == " " and not _spaced_article(text, match.start(), article, name):
            continue
        before = _JOINED_BEFORE.search(text, max(0, match.start() - 40), match.start())
        articles.append(
            _ArticleForm(
                form=match.group(),
                name=name,
                start=match.start(),
                end=match.end(),
                given_name_before=bool(before and _neighbour(before.group(1))),
            )
        )
    return tuple(articles)


def _spaced_article(text: str, start: int, article: str, name: str) -> bool:
    """Whether "At Tanf" is an article and a name: a capital no sentence start gives, before the letter it is said as."""
    if article not in _SPACED_ARTICLES or starts_sentence(text, start):
        return False
    # "At Tanf", "As Sukhnah": the article takes the sound of a name's first letter; "Al" keeps its own.
    return article in ("Al", "El") or article[-1] == name[0].lower()


def _derived(first: str, second: str) -> bool:
    """Whether the words differ only in endings that make one word from another ("German / Germany")."""
    common = 0
    while common < min(len(first), len(second)) and first[common] == second[common]:
        common += 1
    endings = (first[common:], second[common:])
    if "" in endings:
        return (endings[0] or endings[1]) in _SUFFIXES
    return frozenset(endings) in _CHANGES


@dataclass(frozen=True, slots=True)
class _Mention:
    """One use of a capitalised word, with the capitalised words joined to it; offsets into the story."""

    start: int
    end: int
    uninformative: bool
    before: str | None
    after: str | None


def _mention(story: Story, paragraph_start: int, start: int, word: str) -> _Mention:
    text = story.text
    end = start + len(word)
    before = _JOINED_BEFORE.search(text, max(paragraph_start, start - 40), start)
    after = _JOINED_AFTER.match(text, end)
    in_headline = story.headline is not None and start < story.headline.end
    return _Mention(
        start=start,
        end=end,
        uninformative=in_headline or starts_sentence(text, start, paragraph_start),
        before=_neighbour(before.group(1) if before else None),
        after=_neighbour(after.group(1) if after and not starts_sentence(text, after.start(1), paragraph_start) else None),
    )


class _Form:
    """Every use of one capitalised word in the story; what is read around each use is read only when asked."""

    def __init__(self, story: Story, word: str) -> None:
        self.story = story
        self.word = word
        self.uses: list[tuple[int, int]] = []  # (paragraph start, start), offsets into the story

    @cached_property
    def mentions(self) -> list[_Mention]:
        return [_mention(self.story, paragraph, start, self.word) for paragraph, start in self.uses]

    @cached_property
    def informative(self) -> bool:
        """Whether it is capitalised somewhere no sentence starts, which shows it is a name."""
        return any(not mention.uninformative for mention in self.mentions)

    @cached_property
    def neighbours(self) -> set[str]:
        return {word for mention in self.mentions for word in (mention.before, mention.after) if word}

    @cached_property
    def names_after(self) -> set[str]:
        return {mention.after for mention in self.mentions if mention.after}

    @cached_property
    def given_names(self) -> set[str]:
        return {mention.before for mention in self.mentions if mention.before in _GIVEN_NAMES}

    def first_use(self) -> tuple[int, int]:
        """Sorts the first full reference ("Sergei Trofimov") first, then the first use."""
        for mention in self.mentions:
            if mention.before:
                return (0, mention.start)
        return (1, self.mentions[0].start)


def _house_form(first: _Form, second: _Form) -> tuple[_Form, _Form]:
    """The form to keep and the form to fix: the one used more, or on a tie, the first full reference's."""
    if len(first.uses) != len(second.uses):
        return (first, second) if len(first.uses) > len(second.uses) else (second, first)
    return (first, second) if first.first_use() < second.first_use() else (second, first)


def _same_name(house: _Form, other: _Form, distance: int, names: dict[str, _Form]) -> bool:
    """Whether the story shows ``other`` as a misspelling of ``house`` rather than a name of its own."""
    first, second = house.word, other.word
    if len(first) < _SHORTEST or len(other.uses) > 1 or second in _KNOWN_NAMES or first.lower() == second.lower():
        return False
    if first[0] != second[0] or _derived(first.lower(), second.lower()):
        return False
    if len(first) == len(second) and first[:-1] == second[:-1] and len(first) < _LAST_LETTER:
        return False
    if not house.informative:
        return False  # the form kept must be a name: capitalised where no sentence starts
    if distance > 1 or len(house.uses) == len(other.uses) or len(second) < _SHORTEST:
        # Weaker evidence: every name beside it must also stand beside the house form somewhere.
        return other.neighbours <= house.neighbours
    # Another first name: another person ("Gordon Brown ... James Browne", "Donald Regan ... Reagan").
    if other.given_names - house.given_names:
        return False
    # Before another name than any the house form stands before: two first names ("Martin Johnson ...
    # Martyn Williams"), or a first name before a surname the story uses on its own ("Jonas Store ...
    # Store said").
    after = other.names_after - house.neighbours
    return not (after and (house.names_after or any(_surname(names, other.word, word) for word in after)))


def _surname(names: dict[str, _Form], first_name: str, word: str) -> bool:
    """Whether the story uses ``word`` as a name without ``first_name`` before it."""
    form = names.get(word)
    return form is not None and any(mention.before != first_name for mention in form.mentions)


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _paragraph_names(text: str) -> tuple[tuple[str, int], ...]:
    """The paragraph's capitalised words that may be names, with where each starts."""
    return tuple(
        [
            (word, match.start())
            for match in _NAME.finditer(text)
            if _SHORTEST_MISSPELLING <= len(word := match.group()) <= _LONGEST
            and word not in _FUNCTION_WORDS
            and not word.isupper()
        ]
    )


def _names(story: Story, style: HouseStyle) -> dict[str, _Form]:
    """Every capitalised word that may be a name, with its uses."""
    names: dict[str, _Form] = {}
    for paragraph, (words, _) in story.found_per_paragraph(_paragraph_reading, style):
        offset = paragraph.start
        for word, start in words:
            form = names.get(word)
            if form is None:
                form = names[word] = _Form(story, word)
            form.uses.append((offset, offset + start))
    return names


def _spelling_issues(story: Story, style: HouseStyle, names: dict[str, _Form]) -> Iterator:
    # The names each misspelling is closest to, with how close.
    fixes: dict[str, tuple[int, set[str]]] = {}
    for first, second, distance in close_pairs(frozenset(names), _LONG):
        house, other = _house_form(names[first], names[second])
        if _same_name(house, other, distance, names):
            closest, houses = fixes.get(other.word, (distance, set()))
            if distance < closest:
                houses = set()
            if distance <= closest:
                fixes[other.word] = (distance, houses | {house.word})
    # A capital that only a sentence start gives, on a word the story also writes in
    # lowercase, is not a name: "Sales rose" beside "sales".
    common: set[str] = set()
    if any(not names[word].informative for word in fixes):
        common = set().union(*story.per_paragraph(lowercase_words, style))
    for word, (_, houses) in fixes.items():
        if len(houses) != 1 or (word.lower() in common and not names[word].informative):
            continue  # close to two names, which one is meant is a guess
        (house,) = houses
        if house in fixes:
            continue  # the house form is itself in doubt
        for mention in names[word].mentions:
            yield RULE.issue(
                mention.start,
                mention.end,
                f"“{word}” is spelled “{house}” elsewhere in this story",
                explanation=f"A name should be spelled one way throughout; this story writes “{house}” "
                f"{_times(len(names[house].uses))} and “{word}” once.",
                replacements=[house],
                group=f"name-spelling:{house}",
            )


def _article_form(form: str) -> str:
    """A name with its article as compared: the article's capital ("Al-Tanf" opening a sentence) is no difference."""
    return form[:1].lower() + form[1:] if "-" in form else form


def _variant_forms(style: HouseStyle) -> frozenset[str]:
    return frozenset(form.lower() for group in style.variants for form in group.forms)


def _article_issues(story: Story, style: HouseStyle, names: dict[str, _Form]) -> Iterator:
    variants = style.compiled("name-spelling:variants", _variant_forms)
    by_name: dict[str, list[tuple[int, int, str]]] = {}
    people: set[str] = set()
    for paragraph, (_, articles) in story.found_per_paragraph(_paragraph_reading, style):
        for article in articles:
            if article.form.lower() in variants:
                continue  # variant-consistency checks the style's own groups ("al-Qaida")
            start = paragraph.start + article.start
            by_name.setdefault(article.name, []).append((start, paragraph.start + article.end, article.form))
            if article.given_name_before:
                people.add(article.name)
    # "Al Gore" alone is a first name and a surname: a name with only a spaced "Al" or "El" counts
    # only beside a hyphenated form. An article that takes the sound of the name ("At Tanf") is one.
    by_name = {
        name: uses
        for name, uses in by_name.items()
        if any("-" in form or form.split(" ", 1)[0] not in _FIRST_NAME_ARTICLES for _, _, form in uses)
    }
    after_article = {end for uses in by_name.values() for _, end, _ in uses}
    text = story.text
    # Read only for an issue: a story of many short paragraphs has few.
    starts: list[int] | None = None
    for name, uses in by_name.items():
        # "Bashar al-Assad ... Assad" is right: the bare form counts only for a place.
        if name not in people and name in names:
            for mention in names[name].mentions:
                if mention.end not in after_article and mention.before is None:
                    uses.append((mention.start, mention.end, name))
        uses.sort()
        counts: dict[str, int] = {}
        for _, _, form in uses:
            counts[_article_form(form)] = counts.get(_article_form(form), 0) + 1
        if len(counts) < 2:
            continue
        house = max(counts, key=counts.get)  # a tie goes to the form used first
        for start, end, form in uses:
            if _article_form(form) == house:
                continue
            if starts is None:
                starts = [paragraph.start for paragraph in story.paragraphs]
            paragraph_start = starts[bisect.bisect_right(starts, start) - 1]
            opens = starts_sentence(text, start, paragraph_start)
            fixed = house[:1].upper() + house[1:] if opens else house
            yield RULE.issue(
                start,
                end,
                f"“{form}” is written “{house}” elsewhere in this story",
                explanation=f"A place name should be written one way throughout, with or without its article; "
                f"this story mostly writes “{house}”.",
                replacements=[fixed],
                group=f"name-spelling:{house}",
            )


def find(story: Story, style: HouseStyle) -> Iterator:
    names = _names(story, style)
    yield from _spelling_issues(story, style, names)
    yield from _article_issues(story, style, names)


RULE = StoryRule(
    id="name-spelling",
    category="consistency",
    severity="warning",
    find=find,
    doc=__doc__,
    must_flag=(
        "Sergei Trofimov arrived on Monday. Officials said Trofimow would meet the minister.",
        "Anne Pelletier said the plan would fail. Pelletier, 54, is an economist. Peletier added that talks go on.",
        "Kenji Nakamura said he would resign. Nakamura's party lost. Critics said Nakamrua's plan failed.",
        "The strike hit al-Tanf. Troops near At Tanf were moved. The base at al-Tanf is small.",
    ),
    must_pass=(
        "Gordon Brown met James Browne. Brown said the talks went well.",
        "Iran and Iraq fought for eight years. Iran said the war was over.",
        "Maurice Greene won bronze in Greece. Greene said he was disappointed.",
        "Germany said German exports rose. Germany expects more.",
        "Brown said so. Browne said no. Brown left and Browne stayed.",
        "Linux founder Linus Torvalds spoke. Linux is free. Linux runs everywhere.",
        "Sales rose. Seles won the final, and sales of tickets doubled.",
        "PaineWebber said so. Painewebber shares rose. PaineWebber declined comment.",
        "Bashar al-Assad spoke. Assad said the war would go on.",
        "Al Gore spoke. Gore said the vote was close.",
    ),
)
