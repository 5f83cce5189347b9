"""Two sentences run together at a full stop that lost its space: "in Syria.The minister said"."""

from __future__ import annotations

import random
import re

from editor.engine.words import ends_sentence, token_before
from tests.corpus.injection import Injection, Injector
from tests.corpus.noise import CorpusStory

# A full stop after a word, one space, and a capitalised word: a sentence's end where the word
# before is no abbreviation, initial or figure.
_STOP_SPACE = re.compile(r"(?<=[^\W\d_])\. (?=[A-Z][a-z])")


def inject(story: CorpusStory, rng: random.Random) -> Injection | None:
    text = story.text
    stops = [
        match.start()
        for match in _STOP_SPACE.finditer(text)
        if ends_sentence(token_before(text, match.start()), ".", "")
    ]
    if not stops:
        return None
    stop = rng.choice(stops)
    return Injection(text[: stop + 1] + text[stop + 2 :], stop, stop + 1)


INJECTOR = Injector(name="missing space after a full stop", rule="missing-space-after-stop", inject=inject)
