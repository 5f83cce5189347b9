"""A space after a compound's hyphen, where the story writes the compound closed up elsewhere: "year- old"."""

from __future__ import annotations

import random
import re
from collections import Counter

from tests.corpus.injection import Injection, Injector
from tests.corpus.noise import CorpusStory

# A hyphen between two words of a compound ("year-old", "10-year", "stem-cell").
_HYPHEN = re.compile(r"(?<=[^\W_])-(?=([^\W\d_]+)\b)")
_COMPOUND = re.compile(r"[^\W_]+-[^\W\d_]+\b")
# Words that follow a suspended hyphen ("pro- and anti-war") make the gap right, not damage.
_SUSPENDED_BEFORE = frozenset({"and", "or", "to", "nor", "through", "versus", "than"})


def inject(story: CorpusStory, rng: random.Random) -> Injection | None:
    text = story.text
    uses = Counter(match.group().casefold() for match in _COMPOUND.finditer(text))
    # One occurrence is damaged; another is left as the story's evidence.
    hyphens = [
        match.start()
        for match in _HYPHEN.finditer(text)
        if match.group(1).casefold() not in _SUSPENDED_BEFORE and uses[_compound_at(text, match.start())] >= 2
    ]
    if not hyphens:
        return None
    hyphen = rng.choice(hyphens)
    return Injection(text[: hyphen + 1] + " " + text[hyphen + 1 :], hyphen, hyphen + 2)


def _compound_at(text: str, hyphen: int) -> str:
    start = hyphen
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    match = _COMPOUND.match(text, start)
    return match.group().casefold() if match else ""


INJECTOR = Injector(name="space after a hyphen", rule="hyphen-spacing", inject=inject)
