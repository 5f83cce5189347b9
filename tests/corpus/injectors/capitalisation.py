"""A term the story capitalises written once in lowercase: "the Foreign Ministry ... the foreign ministry"."""

from __future__ import annotations

import random
import re

from tests.corpus.injection import Injection, Injector
from tests.corpus.noise import CorpusStory

# Two or three capitalised words in running text: a lowercase word before, a lowercase
# word or a mark after, so the term stands on its own (not "Bank of England", not a
# title before a name, not a sentence's first word).
_TERM = re.compile(r"(?<=[a-z] )((?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+)(?=[,.;:]| (?!of |for )[a-z])")


def inject(story: CorpusStory, rng: random.Random) -> Injection | None:
    body = story.text.find("\n\n") + 2  # after the headline
    uses: dict[str, list[re.Match]] = {}
    for match in _TERM.finditer(story.text, body):
        uses.setdefault(match.group(1), []).append(match)
    # A later use of a term the story capitalises at least twice and never writes in lowercase.
    places = [
        match
        for term, matches in uses.items()
        if len(matches) >= 2 and term.lower() not in story.text
        for match in matches[1:]
    ]
    if not places:
        return None
    match = rng.choice(places)
    lowered = match.group(1).lower()
    text = story.text[: match.start(1)] + lowered + story.text[match.end(1) :]
    return Injection(text, match.start(1), match.start(1) + len(lowered))


INJECTOR = Injector(name="term capitalised two ways", rule="capitalisation-consistency", inject=inject)
