"""A word written twice, as transmission damage leaves it: "said the the talks"."""

from __future__ import annotations

import random
import re

from editor.engine import builtin_style
from tests.corpus.injection import Injection, Injector
from tests.corpus.noise import CorpusStory

# A lowercase word of two letters or more in running text, not at a paragraph's start.
_WORD = re.compile(r"(?<=[a-z,] )([a-z]{2,})(?= [a-z])")


def inject(story: CorpusStory, rng: random.Random) -> Injection | None:
    # Doubles written on purpose ("had had", "that that") are not damage.
    allowed = builtin_style(story.style).legitimate_repeats
    words = [word for word in _WORD.finditer(story.text) if f"{word.group(1)} {word.group(1)}" not in allowed]
    if not words:
        return None
    word = rng.choice(words)
    copy = " " + word.group(1)
    text = story.text[: word.end()] + copy + story.text[word.end() :]
    return Injection(text, word.end(), word.end() + len(copy))


INJECTOR = Injector(name="doubled word", rule="repeated-word", inject=inject)
