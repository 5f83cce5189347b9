"""A word written twice where the second copy carries a possessive or a compound: "Apple Apple's", "non non-binding"."""

from __future__ import annotations

import random
import re

from editor.engine import builtin_style
from tests.corpus.injection import Injection, Injector
from tests.corpus.noise import CorpusStory

# A word with a possessive, or the lowercase first part of a hyphenated compound, after a space.
# A capitalised first part ("Boutros-Ghali") may be a name written that way, so it is not damaged.
_JOINED = re.compile(r"(?<= )([^\W\d_]{2,})(?=['’]s\b)|(?<= )([a-z]{2,})(?=-[a-z])")


def inject(story: CorpusStory, rng: random.Random) -> Injection | None:
    allowed = builtin_style(story.style).legitimate_repeats
    words = [match for match in _JOINED.finditer(story.text) if f"{match.group()} {match.group()}".casefold() not in allowed]
    if not words:
        return None
    word = rng.choice(words)
    copy = word.group() + " "
    text = story.text[: word.start()] + copy + story.text[word.start() :]
    return Injection(text, word.start(), word.start() + len(copy))


INJECTOR = Injector(name="doubled word, possessive/prefix", rule="repeated-word", inject=inject)
