"""A comma between two words that lost the space after it: "ships,which"."""

from __future__ import annotations

import random
import re

from tests.corpus.injection import Injection, Injector
from tests.corpus.noise import CorpusStory

# A comma right after a word and before a word, with its one space.
_COMMA_SPACE = re.compile(r"(?<=[^\W\d_]), (?=[^\W\d_])")


def inject(story: CorpusStory, rng: random.Random) -> Injection | None:
    commas = [match.start() for match in _COMMA_SPACE.finditer(story.text)]
    if not commas:
        return None
    comma = rng.choice(commas)
    text = story.text[: comma + 1] + story.text[comma + 2 :]
    return Injection(text, comma, comma + 1)


INJECTOR = Injector(name="missing space after a comma", rule="missing-space-after-comma", inject=inject)
