"""One percentage written another way than the rest of the story: "rose 5 pct ... 3 per cent"."""

from __future__ import annotations

import random
import re
from collections import Counter

from editor.engine import builtin_style
from tests.corpus.injection import Injection, Injector
from tests.corpus.noise import CorpusStory

# A figure and its percent form in running text (lowercase: a headline in capitals is left alone).
_PERCENT = re.compile(r"(?<![\w.,/-])\d(?:[\d,./-]*\d)?(?P<form> ?%| percent\b| per cent\b| pct\b)")
_WRITTEN = {"%": "%", "percent": " percent", "per cent": " per cent", "pct": " pct"}


def inject(story: CorpusStory, rng: random.Random) -> Injection | None:
    found = list(_PERCENT.finditer(story.text))
    counts = Counter(match.group("form").strip() for match in found)
    if not counts:
        return None
    usual, times = counts.most_common(1)[0]
    if times < 2:
        return None
    # Only forms the story does not use and the house does not write, so the injection only damages.
    house = builtin_style(story.style).forms.percent
    others = sorted(set(_WRITTEN) - {usual, house} - set(counts))
    if not others:
        return None
    match = rng.choice([match for match in found if match.group("form").strip() == usual])
    written = _WRITTEN[rng.choice(others)]
    start, end = match.start("form"), match.end("form")
    return Injection(story.text[:start] + written + story.text[end:], start, start + len(written))


INJECTOR = Injector(name="percent form mixed", rule="percent-form", inject=inject)
