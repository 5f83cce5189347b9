"""American and British spelling mixed: "defence" in an AP story, "criticized" in a British one.

The house style's ``locale`` (en-US or en-GB) decides; the word pairs are in
``resources/wordlists/spelling-us-gb.toml``, with the house spelling offered
in the original's capitalisation. Left alone, since they are names: a
capitalised word in mid-sentence ("Department of Defense", "Pearl Harbor",
"World Trade Center", "Australian Labor Party"), and a capitalised word that
opens a sentence but runs on into a name ("Defense Secretary Lloyd Austin",
"Organization of American States"), and the few words that name one thing
in either locale ("Labour", the British party). Words in web and email addresses, words
in capitals and words the style lists under ``[words] spelling_exceptions``
are never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from editor.engine.resources import word_list
from editor.engine.rule import ParagraphRule
from editor.engine.style import HouseStyle
from editor.engine.words import NOTHING, REACH, match_case, starts_sentence, token_before, word_trie

# Reading every word and looking it up is as fast as one pattern of all the words, and a
# paragraph whose lowercase words miss the table altogether (most of them) is passed in C.
_WORD = re.compile(r"\b[^\W\d_]+\b")
_LOWERCASE_WORD = re.compile(r"[a-z]+")
_TOKEN_AFTER = re.compile(r"\S*")
_ADDRESS = re.compile(r"@|://|www\.|\w\.\w")
# A capitalised word followed by another, perhaps across "of" or "for", is part of a name.
_NAME_GOES_ON = re.compile(r"\s+(?:(?:of|for|and|on|the)\s+)*[A-Z]")
# The one character beyond "A" to "Z" whose lowercase is an ASCII letter: the Kelvin sign.
_OTHER_CAPITALS = {"k": "\u212a"}


@cache
def _proper_nouns() -> frozenset[str]:
    return frozenset(word_list("spelling-us-gb")["proper_nouns"])


def _in_address(text: str, start: int, end: int) -> bool:
    after = _TOKEN_AFTER.match(text, end, end + REACH)
    if after.end() == end + REACH and end + REACH < len(text) and not text[end + REACH].isspace():
        return True  # a token this long is an address or code, not a word of copy
    token = token_before(text, start) + text[start:end] + after.group()
    return _ADDRESS.search(token) is not None


def _needs(style: HouseStyle) -> re.Pattern[str] | None:
    return style.compiled("spelling-locale:needs", _flaggable)


def _flaggable(style: HouseStyle) -> re.Pattern[str] | None:
    """Every word ``find`` flags, whole. It is a ``_WORD`` in lowercase or capitalised whose lowercase
    is listed; the listed words are lowercase ASCII letters (as the list's test asserts), and the
    only capitals that lowercase to one are its own and, for "k", the Kelvin sign. So it is a listed
    word as written or with such a capital first. ``\\b`` and ``(?!\\w)`` hold beside a line
    break as at the paragraph's edge."""
    words = style.foreign_spellings
    if not words:
        return NOTHING
    if not all(word.isascii() and word.isalpha() and word.islower() for word in words):
        return None  # other letters have other capitals: read every paragraph
    written = {
        lead + word[1:] for word in words for lead in word[0] + word[0].upper() + _OTHER_CAPITALS.get(word[0], "")
    }
    return re.compile(rf"\b{word_trie(written)}(?!\w)")


def find(text: str, style: HouseStyle) -> Iterator:
    spellings = style.foreign_spellings
    if spellings.keys().isdisjoint(_LOWERCASE_WORD.findall(text.lower())):
        return
    locale = "American" if style.locale == "en-US" else "British"
    for match in _WORD.finditer(text):
        word = match.group()
        house = spellings.get(word.lower())
        if house is None or not (word.islower() or word.istitle()):
            continue
        start, end = match.span()
        if word[0].isupper() and (
            word in _proper_nouns() or not starts_sentence(text, start) or _NAME_GOES_ON.match(text, end)
        ):
            continue
        if _in_address(text, start, end):
            continue
        replacement = match_case(house, word)
        yield RULE.issue(
            start,
            end,
            f"{locale} spelling ({style.name} style): “{replacement}”, not “{word}”",
            explanation=f"The {style.name} house style spells in {style.locale}; “{word}” is the other locale's spelling.",
            replacements=[replacement],
            group=f"spelling-locale:{word.lower()}",
        )


RULE = ParagraphRule(
    id="spelling-locale",
    category="spelling",
    severity="warning",
    find=find,
    doc=__doc__,
    needs=_needs,
    must_flag=(
        "A defence official said the ministry had criticised the plan.",
        "Defence officials met on Monday.",
        "The programme was cancelled.",
        "The team travelled to the centre of town.",
        "Officials said self-defence was no excuse.",
    ),
    must_pass=(
        "A defense official said the ministry had criticized the plan.",
        "The Ministry of Defence said the drill was routine.",
        "He visited the World Trade Centre site.",
        "Defence Secretary Ben Wallace arrived.",
        "Details are at www.defence.example.org and press@defence.example.org.",
        "The computer program was canceled.",
        "THE DEFENCE REVIEW",
        'Budget critics spoke of "have-nots." Labour leader Neil Kinnock called it a bribe.',
    ),
)
