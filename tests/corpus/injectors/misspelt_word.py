"""A common word damaged by one slip of typing or transmission: two letters swapped ("teh"), a letter
dropped ("goverment"), typed twice ("commmittee") or struck on a neighbouring key ("markst")."""

from __future__ import annotations

import random
import re
from collections import Counter
from functools import cache

from editor.engine import builtin_style
from editor.engine.dictionary import NEIGHBOUR_KEYS, spelling_dictionary
from tests.corpus.injection import Injection, Injector
from tests.corpus.noise import CorpusStory, corpus_stories

# A lowercase word of four letters or more in running text.
_WORD = re.compile(r"(?<=[a-z,] )([a-z]{4,})(?=[ ,.])")
# Common: used in this many stories of the corpus or more.
COMMON_IN_STORIES = 10


@cache
def _common_words() -> frozenset[str]:
    stories = Counter(word for story in corpus_stories() for word in set(_WORD.findall(story.text)))
    return frozenset(word for word, count in stories.items() if count >= COMMON_IN_STORIES)


def _damage(word: str, rng: random.Random) -> str:
    index = rng.randrange(len(word) - 1)
    kind = rng.choice(("swap", "drop", "double", "neighbour"))
    if kind == "swap":
        return word[:index] + word[index + 1] + word[index] + word[index + 2 :]
    if kind == "drop":
        return word[:index] + word[index + 1 :]
    if kind == "double":
        return word[: index + 1] + word[index:]
    return word[:index] + rng.choice(sorted(NEIGHBOUR_KEYS[word[index]])) + word[index + 1 :]


def inject(story: CorpusStory, rng: random.Random) -> Injection | None:
    common = _common_words()
    places = [match for match in _WORD.finditer(story.text) if match.group(1) in common]
    if not places:
        return None
    place = rng.choice(places)
    damaged = _damage(place.group(1), rng)
    # A slip that makes another word ("form" for "from") is no spelling mistake.
    if spelling_dictionary(builtin_style(story.style).locale).knows(damaged):
        return None
    text = story.text[: place.start()] + damaged + story.text[place.end() :]
    return Injection(text, place.start(), place.start() + len(damaged))


INJECTOR = Injector(name="misspelt common word", rule="spelling", inject=inject)
