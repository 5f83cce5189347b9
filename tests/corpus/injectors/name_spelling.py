"""A name mistyped once after the story has spelled it right twice: "Nakamura ... Nakamura ... Nakamrua"."""

from __future__ import annotations

import random
import re

from tests.corpus.injection import Injection, Injector
from tests.corpus.noise import CorpusStory

# A capitalised word in running text (a lowercase word before it), not ALL CAPS, with no
# hyphen or apostrophe joined to it.
_NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{4,})(?=[\s,.;:]|['’]s\b)")
_KEYBOARD = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wqrtyuiopaosdfghjklzxcvbnm"))
_NEIGHBOURS = {
    "a": "sq", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj", "i": "uo",
    "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o", "q": "w", "r": "et",
    "s": "ad", "t": "ry", "u": "yi", "v": "cb", "w": "qe", "x": "zc", "y": "tu", "z": "x",
}


def _typos(name: str) -> list[str]:
    """Ways typing damages a name, leaving its first letter and its last letter alone
    (a letter more or less at the end makes another word: "Kuwait / Kuwaiti")."""
    found = set()
    for i in range(1, len(name) - 1):
        found.add(name[:i] + name[i + 1 :])  # a letter dropped
        found.add(name[:i] + name[i] + name[i:])  # a letter doubled
        found.update(name[:i] + near + name[i + 1 :] for near in _NEIGHBOURS.get(name[i], ""))
        if i < len(name) - 2 and name[i] != name[i + 1]:
            found.add(name[:i] + name[i + 1] + name[i] + name[i + 2 :])  # two letters swapped
    found.discard(name)
    return sorted(found)


def inject(story: CorpusStory, rng: random.Random) -> Injection | None:
    body_start = story.text.find("\n\n") + 2  # after the headline
    uses: dict[str, list[re.Match]] = {}
    for match in _NAME.finditer(story.text, body_start):
        uses.setdefault(match.group(1), []).append(match)
    # The third or a later use of a name the story has written the same way twice before.
    places = [match for matches in uses.values() if len(matches) >= 3 for match in matches[2:]]
    if not places:
        return None
    match = rng.choice(places)
    name = match.group(1)
    words = set(re.findall(r"[^\W\d_]+", story.text.lower()))
    typos = [typo for typo in _typos(name) if typo.lower() not in words]
    if not typos:
        return None
    typo = rng.choice(typos)
    text = story.text[: match.start(1)] + typo + story.text[match.end(1) :]
    return Injection(text, match.start(1), match.start(1) + len(typo))


INJECTOR = Injector(name="name spelled two ways", rule="name-spelling", inject=inject)
