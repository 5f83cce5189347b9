"""A formal title lowercased directly before a name: "Prime Minister Yasuhiro Nakasone" -> "prime minister ..."."""

from __future__ import annotations

import random
import re

from editor.engine import builtin_style
from tests.corpus.injection import Injection, Injector
from tests.corpus.noise import CorpusStory

# Qualifiers before a title that leave it part of the name: a nationality or a country's initials.
_NATIONALITY = re.compile(r"(?:[A-Z]\.){2,}|US|UK|EU|UN|[A-Z][a-z]+(?:an|ese|ish)|French|Dutch|Swiss|Greek|Israeli|Saudi")
# A name after the title: a capitalised word that is not a day, a month or a word that opens a clause.
_NOT_NAMES = set(
    """The A An And But In On At By For Of To He She It They This That Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November December
    Mr Mrs Ms Dr Sir Lord""".split()
)
# Words before a title after which the rule rightly says nothing: an appositive ("the president
# Reagan"), a title the lowercase words before it may be part of ("deputy"), a description.
_NOT_AFTER = set("the a an his her its their our this deputy vice assistant acting junior senior shadow".split())


def _title_pattern(style: str) -> re.Pattern[str]:
    titles = sorted(builtin_style(style).forms.formal_titles, key=len, reverse=True)
    written = "|".join(re.escape(" ".join(word if word in {"of", "and", "the"} else word.capitalize() for word in title.split()))
                       for title in titles)
    return re.compile(rf"(?<![\w-])(?P<title>{written}) (?P<name>[A-Z][a-z]+)\b")


_PATTERNS = {style: _title_pattern(style) for style in ("ap", "british")}
_WORD_BEFORE = re.compile(r"(?P<word>[\w.'’]+) $")


def _part_of_name(text: str, match: re.Match, style: str) -> bool:
    if match.group("name") in _NOT_NAMES:
        return False
    before = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
    if before is None:
        return match.start() > 0 and text[match.start() - 2 : match.start()] in {", ", "; ", ': ', '" '}
    word = before.group("word")
    descriptive = _NOT_AFTER | builtin_style(style).forms.descriptive_before_title
    if word[0].isupper():
        # "former US President": the word before the nationality may make the title a description.
        earlier = _WORD_BEFORE.search(text, max(0, before.start() - 30), before.start())
        return _NATIONALITY.fullmatch(word) is not None and not (earlier and earlier.group("word").casefold() in descriptive)
    return word.casefold() not in descriptive


def inject(story: CorpusStory, rng: random.Random) -> Injection | None:
    text = story.text
    places = [match for match in _PATTERNS[story.style].finditer(text) if _part_of_name(text, match, story.style)]
    if not places:
        return None
    match = rng.choice(places)
    start, end = match.span("title")
    return Injection(text[:start] + match.group("title").lower() + text[end:], start, end)


INJECTOR = Injector(name="formal title lowercased", rule="formal-title", inject=inject)
