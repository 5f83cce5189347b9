"""A compound written two ways in one story: "co-founder / cofounder", "takeover / take-over",
"stockholders / stock holders", "north-east / north east", "anti-war / anti war".

Any compound counts, not only a list: a hyphenated word, the same letters
written as one word, and the same words written apart are one compound. The
fix is the house form where the style names one (``[words] compounds``), else
the form the story uses most (a tie goes to the form used first); a plural is
the same compound ("co-founder ... cofounders"), and all of one compound are
fixed together.

Left alone, as PerfectIt leaves them:
- a compound before a noun and the same words elsewhere: "long-term debt" and
  "in the long term", "a well-known author" and "he is well known" are both
  right. Hyphenated and open forms are compared only where both stand before
  a noun, or neither does; a prefix ("anti war") or a compass point ("north
  east") is one word wherever it stands;
- pairs whose meaning differs: "re-sign / resign", "re-creation / recreation"
  (``resources/wordlists/hyphenation.toml``);
- a phrasal verb and its noun ("to take over" and "the takeover"), and words
  that make no compound apart ("every day / everyday", "may be / maybe");
- compounds written with a capital (names: "Boutros-Ghali"; a sentence's
  first word in any form), and compounds the style's ``[[variants]]`` list,
  which variant-consistency checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from editor.engine.paragraph_words import find_in_story, lowercase_words
from editor.engine.resources import word_list
from editor.engine.rule import StoryRule
from editor.engine.story import Story, needing
from editor.engine.style import HouseStyle

_WORDS = word_list("hyphenation")
_BOUND_PREFIXES = frozenset(_WORDS["bound_prefixes"])
_COMPASS_FIRST = frozenset(_WORDS["compass_first"])
_COMPASS_SECOND = frozenset(_WORDS["compass_second"])
_PARTICLES = frozenset(_WORDS["particles"])
_FUNCTION_WORDS = frozenset(_WORDS["function_words"])
_MEANING_DIFFERS = tuple(_WORDS["meaning_differs"])

_HYPHEN = re.compile(r"-")
# What ``_hyphenated`` needs: a hyphen with a letter either side (``[^\W\d_]`` holds every letter
# ``str.isalpha`` does). Starting at the hyphen, the search jumps from hyphen to hyphen.
_HYPHEN_BETWEEN_LETTERS = re.compile(r"-(?<=[^\W\d_]-)[^\W\d_]")
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_NEXT_WORD = re.compile(r"[^\S\r\n]+([a-z]+)\b(?!['’-])")
# A closed compound has at least this many letters and at most (a longer word is no compound,
# and splitting it would take time growing with its square).
_SHORTEST_CLOSED = 6
_LONGEST_CLOSED = 30
_MOST_PARTS = 3

CLOSED, HYPHENATED, OPEN = "", "-", " "


# A named tuple: a hostile story writes a compound every few characters, and a dataclass is several times as slow to make.
class _Use(NamedTuple):
    """One compound as written: its letters (case kept), where its parts meet, and how."""

    start: int
    end: int
    letters: str
    joints: tuple[int, ...]
    joint: str
    place: str

    @property
    def shape(self) -> tuple[str, tuple[int, ...]]:
        return (self.joint, self.joints if self.joint else ())

    def shifted(self, offset: int) -> _Use:
        return _Use(self.start + offset, self.end + offset, self.letters, self.joints, self.joint, self.place)


BEFORE_NOUN, ELSEWHERE, UNKNOWN = "before a noun", "elsewhere", "unknown"


def _place(text: str, end: int) -> str:
    """Whether the compound stands before a word it modifies (a lowercase word that is no function
    word or adverb), or before a function word, an adverb or punctuation; a number or a name after
    it leaves that unknown ("fourth-quarter 2004 profits")."""
    after = _NEXT_WORD.match(text, end)
    if after is not None:
        word = after.group(1)
        return ELSEWHERE if word in _FUNCTION_WORDS or word.endswith("ly") else BEFORE_NOUN
    rest = text[end : end + 2].lstrip()
    return UNKNOWN if rest[:1].isalnum() else ELSEWHERE


def _joints(parts: list[str]) -> tuple[int, ...]:
    return tuple(accumulate(map(len, parts[:-1])))


@needing(_HYPHEN_BETWEEN_LETTERS, nothing=())
def _hyphenated(text: str, style: HouseStyle) -> tuple[_Use, ...]:
    """The paragraph's hyphenated compounds of lowercase words (the first may be capitalised at a sentence start)."""
    found = []
    reached = 0
    for hyphen in _HYPHEN.finditer(text):
        at = hyphen.start()
        if at < reached or not (0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha()):
            continue
        # Back over the letters before it. No hyphen stands among them: one with letters either side
        # would have come first, and its compound would have reached past this one.
        start = at - 1
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        match = _COMPOUND.match(text, start)
        reached = match.end()
        if start and (text[start - 1].isalnum() or text[start - 1] in "'’-"):
            continue  # joined to a number or more: "11.0-billion-dlr"
        if reached < len(text) and (text[reached].isalnum() or text[reached] == "-"):
            continue
        parts = match.group().split("-")
        if len(parts) > _MOST_PARTS:
            continue
        letters = "".join(parts)
        if not letters.islower():
            continue  # a name ("Boutros-Ghali"), or a sentence's first word, read in lowercase only
        found.append(_Use(start, reached, letters, _joints(parts), HYPHENATED, _place(text, reached)))
    return tuple(found)


def _open_allowed(parts: tuple[str, ...]) -> bool:
    """Whether these words written apart can be the compound: no function word, no verb and particle."""
    return (
        all(len(part) >= 2 and part not in _FUNCTION_WORDS for part in parts)
        and parts[-1] not in _PARTICLES
    )


def _one_word_anywhere(parts: tuple[str, ...]) -> bool:
    """A prefix or a compass point: one word wherever it stands, so its open form is wrong anywhere."""
    first = parts[0].lower()
    return first in _BOUND_PREFIXES or (first in _COMPASS_FIRST and parts[1].lower() in _COMPASS_SECOND)


def _meaning_differs(hyphenated: str) -> bool:
    return hyphenated.lower().startswith(_MEANING_DIFFERS)


def _base(letters: str) -> str:
    """The compound without a plural's s, so that "co-founder" and "cofounders" are one compound."""
    return letters[:-1] if letters.endswith("s") and len(letters) > _SHORTEST_CLOSED else letters


@dataclass
class _Compound:
    """Every use of one compound in the story, whatever its shape."""

    parts: tuple[str, ...]
    uses: list[_Use]


def _split(word: str, joints: tuple[int, ...]) -> tuple[str, ...]:
    bounds = (0, *joints, len(word))
    return tuple(word[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1))


@lru_cache(maxsize=16)
def _open_splits(words: frozenset[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Closed words that split into two words the story also writes: "stockholders" into "stock", "holders".

    Kept for the last few vocabularies: while a story is edited, its words rarely change from one check to the next.
    """
    return tuple(_splits(words))


def _splits(words: frozenset[str]) -> Iterator[tuple[str, tuple[str, ...]]]:
    for word in words:
        if not _SHORTEST_CLOSED <= len(word) <= _LONGEST_CLOSED:
            continue
        for joint in range(2, len(word) - 1):
            first, second = word[:joint], word[joint:]
            if first in words and second in words and _open_allowed((first, second)):
                yield word, (first, second)


def _compounds(story: Story, style: HouseStyle) -> dict[str, _Compound]:
    """Compounds the story writes in more than one shape, with every use of each."""
    compounds: dict[str, _Compound] = {}
    for paragraph, uses in story.found_per_paragraph(_hyphenated, style):
        for use in uses:
            letters = use.letters.lower()
            base = _base(letters)
            compound = compounds.get(base)
            if compound is None:
                compound = compounds[base] = _Compound(_split(letters, use.joints), [])
            compound.uses.append(use.shifted(paragraph.start))
    words = frozenset().union(*story.per_paragraph(lowercase_words, style))
    # The closed and open forms to look for: closed word or parts apart, and the compound's base.
    wanted: dict[tuple[str, ...], str] = {}
    # Written apart, only as the hyphenated form's own words: "a five-year plan" and "five years ago"
    # are not one compound, though "co-founder" and "cofounders" are.
    for base, compound in compounds.items():
        for closed in (base, base + "s"):
            if closed in words:
                wanted[(closed,)] = base
        # Each way the compound is written once: a hostile story writes one a hundred thousand times.
        for letters, joints in dict.fromkeys((use.letters, use.joints) for use in compound.uses):
            apart = _split(letters, joints)
            if _open_allowed(apart):
                wanted[apart] = base
    for closed, apart in _open_splits(words):
        base = _base(closed)
        compounds.setdefault(base, _Compound(apart, []))
        wanted[(closed,)] = wanted[apart] = base
    text = story.text
    for _, start, end, base in find_in_story(story, style, wanted):
        parts = text[start:end].split()
        joint = OPEN if len(parts) > 1 else CLOSED
        compounds[base].uses.append(_Use(start, end, "".join(parts), _joints(parts), joint, _place(text, end)))
    return {base: compound for base, compound in compounds.items() if len({use.joint for use in compound.uses}) > 1}


def _in_play(compound: _Compound) -> list[_Use]:
    """The uses that disagree with another use of the same compound in the same place in a sentence."""
    uses = compound.uses
    closed = any(use.joint == CLOSED for use in uses)
    if closed or _one_word_anywhere(compound.parts):
        return uses
    # Hyphenated and open forms: "long-term debt" against "long term debt", never against "in the long term".
    shapes_by_place: dict[str, set[str]] = {}
    for use in uses:
        shapes_by_place.setdefault(use.place, set()).add(use.joint)
    return [use for use in uses if use.place != UNKNOWN and len(shapes_by_place[use.place]) > 1]


def _house_shapes(style: HouseStyle) -> dict[str, tuple[str, tuple[int, ...]]]:
    """The style's house form of each compound, by its letters; a later style's form replaces its base's."""
    shapes = {}
    for form in style.compounds:
        parts = re.split(r"([- ])", form.lower())
        words, joints = parts[0::2], parts[1::2]
        shape = (joints[0] if joints else CLOSED, _joints(words) if joints else ())
        shapes[_base("".join(words))] = shape
    return shapes


def _variant_letters(style: HouseStyle) -> frozenset[str]:
    return frozenset(_base(re.sub(r"[^\w]", "", form.lower())) for group in style.variants for form in group.forms)


def _written(letters: str, shape: tuple[str, tuple[int, ...]]) -> str:
    joint, joints = shape
    return joint.join(_split(letters, joints)) if joint else letters


def find(story: Story, style: HouseStyle) -> Iterator:
    houses = style.compiled("hyphenation-consistency:houses", _house_shapes)
    variants = style.compiled("hyphenation-consistency:variants", _variant_letters)
    for base, compound in _compounds(story, style).items():
        if base in variants:
            continue  # variant-consistency checks the style's own groups
        uses = sorted(_in_play(compound), key=lambda use: use.start)
        if len({use.shape for use in uses}) < 2:
            continue
        if any(use.joint == HYPHENATED and _meaning_differs(_written(use.letters, use.shape)) for use in uses):
            continue
        house = houses.get(base)
        if house is not None:
            why = f"{style.name} style"
        else:
            counts: dict[tuple, int] = {}
            for use in uses:
                counts[use.shape] = counts.get(use.shape, 0) + 1
            house = max(counts, key=counts.get)  # a tie goes to the shape used first
            why = "as elsewhere in this story"
        for use in uses:
            if use.shape == house:
                continue
            written = story.text[use.start : use.end]
            fixed = _written(use.letters, house)
            yield RULE.issue(
                use.start,
                use.end,
                f"Write “{fixed}” ({why}), not “{written}”",
                explanation="A compound should be written the same way throughout a story: closed, hyphenated or open.",
                replacements=[fixed],
                group=f"hyphenation:{base}",
            )


RULE = StoryRule(
    id="hyphenation-consistency",
    category="consistency",
    severity="warning",
    find=find,
    doc=__doc__,
    must_flag=(
        "The co-founder spoke first. Another cofounder left the firm.",
        "The takeover failed. A second take-over bid followed. The takeover was blocked.",
        "Stockholders met. The stock holders voted against it, and stockholders left.",
        "Rain fell in the north-east. The north east had floods.",
        "An anti-war march began. The anti war protest grew.",
        "The long-term debt rose. Its long term debt is large.",
    ),
    must_pass=(
        "The long-term debt rose, but in the long term it will fall.",
        "She is a well-known author. Her work is well known.",
        "He will re-sign the contract. He did not resign.",
        "They set up a fund. The set-up was costly.",
        "They meet every day. It is an everyday task.",
        "Boutros Boutros-Ghali spoke. Boutros Ghali left.",
        "The ceasefire held. The cease-fire was agreed.",
    ),
)
