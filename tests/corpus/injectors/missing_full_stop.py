"""A body paragraph that lost its closing full stop: "... the Fed said" with no stop."""

from __future__ import annotations

import random
import re

from editor.engine.story import split_paragraphs
from tests.corpus.injection import Injection, Injector
from tests.corpus.noise import CorpusStory

# A paragraph of running text (six words or more) that ends on a word or figure and its full stop.
_ENDS_ON_STOP = re.compile(r"[\w%]\.$")
_MIN_WORDS = 6
# List items may end without a stop; an injector must only damage.
_LIST_ITEM = re.compile(r"\s*(?:[-*•]|\d+[.)])\s")


def inject(story: CorpusStory, rng: random.Random) -> Injection | None:
    paragraphs = split_paragraphs(story.text)
    # Not the headline; the stop of the paragraph's last sentence.
    ends = [
        paragraph.start + len(paragraph.text.rstrip()) - 1
        for paragraph in paragraphs[1:]
        if _ENDS_ON_STOP.search(paragraph.text.rstrip())
        and len(paragraph.text.split()) >= _MIN_WORDS
        and not _LIST_ITEM.match(paragraph.text)
    ]
    if not ends:
        return None
    stop = rng.choice(ends)
    return Injection(story.text[:stop] + story.text[stop + 1 :], stop, stop)


INJECTOR = Injector(name="missing full stop", rule="missing-full-stop", inject=inject)
