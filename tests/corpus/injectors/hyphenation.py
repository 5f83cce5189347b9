"""A compound written another way once, after the story has written it one way:
"vice-president ... vice-president ... vicepresident", "shareholders ... share-holders"."""

from __future__ import annotations

import random
import re

from editor.engine import builtin_style
from editor.engine.resources import word_list
from tests.corpus.injection import Injection, Injector
from tests.corpus.noise import CorpusStory

_WORDS = word_list("hyphenation")
_NOT_APART = frozenset(_WORDS["function_words"]) | frozenset(_WORDS["particles"])
_MEANING_DIFFERS = tuple(_WORDS["meaning_differs"])
# Lowercase words in running text, a hyphenated pair among them; not at a sentence start.
_WORD = re.compile(r"(?<=[a-z,] )([a-z]+(?:-[a-z]+)?)(?=[ ,.;:])")
_NEXT = re.compile(r" ([a-z]+)\b")


def _reserved(style_name: str) -> frozenset[str]:
    """Compounds the style decides (its house forms and variant groups): their fix is the style's, not the story's."""
    style = builtin_style(style_name)
    forms = [*style.compounds, *(form for group in style.variants for form in group.forms)]
    return frozenset(re.sub(r"[^a-z]", "", form.lower()) for form in forms)


def _changes(word: str, words: set[str], before_noun: bool) -> list[str]:
    """Other ways to write ``word``: a hyphenated word closed up or written apart, a closed one hyphenated."""
    if "-" in word:
        first, second = word.split("-")
        changes = [first + second]
        if before_noun and first not in _NOT_APART and second not in _NOT_APART:
            changes.append(f"{first} {second}")  # apart only where it stands before a noun
        return changes
    # A closed word splits where both halves are words the story writes.
    return [
        f"{word[:i]}-{word[i:]}"
        for i in range(3, len(word) - 2)
        if word[:i] in words and word[i:] in words and word[:i] not in _NOT_APART and word[i:] not in _NOT_APART
    ]


def _written_otherwise(word: str, text: str, words: set[str]) -> bool:
    """Whether the story already writes the compound another way (closed, hyphenated or apart)."""
    letters = word.replace("-", "")
    if "-" in word and letters in words:
        return True
    return any(f"{letters[:i]}{joint}{letters[i:]}" in text for i in range(1, len(letters)) for joint in " -" if f"{letters[:i]}{joint}{letters[i:]}" != word)


def inject(story: CorpusStory, rng: random.Random) -> Injection | None:
    body = story.text.find("\n\n") + 2  # after the headline
    text = story.text
    words = set(re.findall(r"(?<![\w-])[a-z]+(?![\w-])", text))
    reserved = _reserved(story.style)
    uses: dict[str, list[re.Match]] = {}
    for match in _WORD.finditer(text, body):
        word = match.group(1)
        if ("-" in word or len(word) >= 7) and word.replace("-", "") not in reserved and not word.startswith(_MEANING_DIFFERS):
            uses.setdefault(word, []).append(match)
    # A later use of a compound the story writes one way, and no other way (a tie goes to the first use).
    places = []
    for word, matches in uses.items():
        if len(matches) < 2 or _written_otherwise(word, text, words):
            continue
        for match in matches[1:]:
            after = _NEXT.match(text, match.end())
            before_noun = bool(after) and after.group(1) not in _NOT_APART
            changes = [change for change in _changes(word, words, before_noun) if not re.search(rf"\b{change}\b", text)]
            places += [(match, change) for change in changes]
    if not places:
        return None
    match, change = rng.choice(places)
    return Injection(text[: match.start(1)] + change + text[match.end(1) :], match.start(1), match.start(1) + len(change))


INJECTOR = Injector(name="compound hyphenated two ways", rule="hyphenation-consistency", inject=inject)
