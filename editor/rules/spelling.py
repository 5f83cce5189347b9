"""Misspelt words: "goverment", "recieve", a word run into the next ("inthe") or split ("exch ange").

Words are looked up in the Hunspell dictionary of the house style's locale,
with the style's own words (``[words] house_words``), the wire abbreviations
of ``resources/wordlists/wire-abbreviations.toml`` where the style accepts
them (``[forms] wire_abbreviations``; where it expands them, each is flagged
with its written-out form as the fix, but "pct", which the percent-form rule
writes out), the name particles and words of
``resources/wordlists/spelling.toml``, and the prefixes of ``prefixes.toml``
before a hyphen. Words the user added to the dictionary are dropped
afterwards, like every ignored issue.

A lowercase word the dictionary does not know is flagged, unless it is two
dictionary words closed up the way news copy coins them ("carmaking",
"noteholders") and no slip of one letter explains it better. A capitalised
word (or one in capitals, in a wire headline) the dictionary does not know
is taken as a name, since news copy is full of them, unless everything says
it is a slip: the story uses it once, it stands apart from other names
("Abu Bakr", "Lib Dems", "Stade de France" are names), and one slip of the
keys turns it into a common word or place ("Goverment", "Mondy", "Toyko").
A capitalised word one or two edits from a name the story uses more often
("Gorbachov" beside "Gorbachev") is left to the name-consistency rule.
Words in capitals in running text are abbreviations ("IAAF"). Words spelled
the other locale's way are left to ``spelling-locale``, forms of a variant
group ("usa") to ``variant-consistency`` and days and months in lowercase
("february") to ``date-form``; a capitalised word the other locale's
dictionary knows ("Center" in a British story) is a name.
Hyphenated words with a capitalised part ("Shihab-Eldin", "Dai-ichi") are
names; words with figures, in addresses and in tickers ("<TWA.N>") are not read.

Suggestions are ranked for typing and transmission damage (see
``editor.engine.dictionary``). A lowercase word's fix joins a "fix all" group
when it is one slip or one space away; a capitalised word's never does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, partial
from itertools import compress, repeat
from operator import add, is_, itemgetter, not_
from typing import NamedTuple

from editor.engine.dictionary import (
    RARE,
    SLIP,
    DictionaryUnavailable,
    KeptAnswers,
    SpellingDictionary,
    edit_distance,
    edits,
    grade,
    shape,
    spelling_dictionary,
)
from editor.engine.issues import Issue
from editor.engine.resources import word_list
from editor.engine.rule import StoryRule
from editor.engine.story import Story, needing
from editor.engine.style import HouseStyle
from editor.engine.words import PREFIXES, starts_sentence
from editor.rules.percent_form import WIRE_FORM as PERCENT_WIRE_FORM

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Runs of text that are not prose: tickers, web and email addresses, handles, anything with figures.
# Each run of non-spaces is tried once, from its start.
# A run without "@", a figure, "." or ":" (one of which each sign has) is passed over at once.
_NOT_PROSE = re.compile(r"<[^<>\n]{1,80}>|(?<!\S)(?=[^\s@\d.:]*[@\d.:])\S*?(?:@|://|www\.|\w\.\w|\d)\S*|[#@]\w+")
# Every run _NOT_PROSE masks holds one of these: a paragraph with none has nothing to mask,
# which one search says sooner than trying _NOT_PROSE at each character.
_NOT_PROSE_SIGN = re.compile(r"[<@#\d]|://|www\.|\.(?<=\w\.)\w")
_START = re.Match.start
_GROUP = re.Match.group
_POSSESSIVE = ("'s", "’s", "'S", "’S")
_LINE = re.compile(r"[^\r\n]*")
# A paragraph with more unknown lowercase words than this, and this share of its words, is not prose.
NOT_PROSE_WORDS = 5
NOT_PROSE_SHARE = 0.3
# A run of letters longer than any word is no word to spell ("aaaa..." in a table or a scrape).
LONGEST_WORD = 45
# Words whose answer (fine alone or not) is kept per style.
KEPT_WORDS = 200_000
# Unknown words whose fixes are kept per style: a story repeats its misspellings and its names.
KEPT_FIXES = 5_000
# Readings kept per style by masked text: a table's rows that differ only in their figures.
KEPT_MASKED_READINGS = 5_000
# A name the story uses more often than a word this many edits from it owns that word (issue 9's name rule).
NAME_REACH = 2
# Capitalised words this short are mostly abbreviations and initials.
SHORTEST_NAME_TYPO = 4
# How common (SCOWL's grade) a word must be for a capitalised word one slip from it to be taken as a slip.
COMMON_WORD = 20
COMMON_PROPER_NOUN = 50
# How many of an unknown word's first fixes are weighed by whether the story uses them.
FIXES_WEIGHED = 3
# Run-together words shorter than this are mostly abbreviations.
SHORTEST_RUN_TOGETHER = 5
_OTHER_LOCALE = {"en-US": "en-GB", "en-GB": "en-US"}


class _Token(NamedTuple):
    start: int
    end: int
    word: str


@dataclass(frozen=True, slots=True)
class _Unknown:
    """A word of a paragraph the dictionary does not know; offsets relative to the paragraph."""

    start: int
    end: int
    word: str
    fixes: tuple[str, ...] = ()
    # A space too many ("exch ange"): a sure fix.
    spacing: bool = False
    # A capitalised word's place: where a sentence or headline starts, or beside another name.
    opens_sentence: bool = False
    beside_name: bool = False


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the rule reads from one paragraph: its unknown words and how often it uses each capitalised word."""

    unknown: tuple[_Unknown, ...]
    capitalised: dict[str, int]
    # Every word as written, for choosing among fixes the one the story itself uses.
    used: frozenset[str]


@dataclass(frozen=True)
class _Words:
    """The style's dictionary, the words it accepts besides, and the abbreviations it writes out."""

    dictionary: SpellingDictionary
    locale: str
    accepted: frozenset[str]
    particles: frozenset[str]
    expand: dict[str, str]
    never_suggested: frozenset[str]
    prefixes: frozenset[str]
    joining: frozenset[str]
    # Words another rule flags: the other locale's spellings, variant forms.
    owned_elsewhere: frozenset[str]
    # Per word, whether it is fine alone, and an unknown word's fixes; filled as stories are read.
    alone: KeptAnswers[str, bool]
    fixes: KeptAnswers[str, tuple[str, ...] | None]
    # Readings by masked text, of paragraphs that masked text alone reads (see _read).
    masked_readings: KeptAnswers[str, _Reading]

    def knows(self, word: str) -> bool:
        word = word.replace("’", "'")
        return word in self.accepted or word.lower() in self.accepted or self.dictionary.knows(word)

    def other_locale_knows(self, word: str) -> bool:
        """Whether the other locale's dictionary knows ``word``; loaded only when a word needs it."""
        try:
            return spelling_dictionary(_OTHER_LOCALE[self.locale]).knows(word)
        except DictionaryUnavailable:
            return False  # only the courtesy to the other locale's names is lost; the load logged why


@cache
def _shared_lists() -> dict:
    return {
        **word_list("spelling"),
        "abbreviations": word_list("wire-abbreviations")["expansions"],
        "calendar": word_list("calendar"),
    }


def _style_words(style: HouseStyle) -> _Words:
    lists = _shared_lists()
    particles = frozenset(lists["name_particles"])
    accepted = set(style.house_words) | particles | set(lists["words"])
    # "pct" is the percent-form rule's, in either case.
    expand = {}
    if style.forms.wire_abbreviations == "accept":
        accepted |= set(lists["abbreviations"])
    else:
        expand = {short: full for short, full in lists["abbreviations"].items() if short != PERCENT_WIRE_FORM}
        accepted.add(PERCENT_WIRE_FORM)
    # Forms of the style's variant groups ("usa", "Hizbullah") are the variant rule's to flag, and
    # days and months in lowercase ("on tuesday", "february") the date-form rule's.
    owned = {form.lower() for group in style.variants for form in group.forms if form.isalpha()}
    owned |= {name.lower() for key in ("months", "days") for name in lists["calendar"][key]}
    return _Words(
        dictionary=spelling_dictionary(style.locale),
        locale=style.locale,
        accepted=frozenset(accepted),
        particles=particles,
        expand=expand,
        never_suggested=frozenset(lists["never_suggested"]),
        prefixes=PREFIXES,
        joining=frozenset(lists["joining_words"]),
        owned_elsewhere=frozenset(style.foreign_spellings) | owned,
        alone=KeptAnswers(KEPT_WORDS),
        fixes=KeptAnswers(KEPT_FIXES),
        masked_readings=KeptAnswers(KEPT_MASKED_READINGS),
    )


def words_of(style: HouseStyle) -> _Words:
    """The style's words and dictionary, built once per style; ``DictionaryUnavailable`` without one."""
    return style.compiled("spelling-words", _style_words)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and (word[1:].islower() or word.isupper())


# ---------------------------------------------------------------- one paragraph


# A paragraph with no word to spell (a row of figures), or no prose.
_NOTHING_READ = _Reading((), {}, frozenset())
# Each word the reading spells starts with two letters, or a letter, an apostrophe and a letter
# (it keeps two characters once "'s" is cut), or is one capital, which is no a-z; masking only
# blanks letters out. A paragraph with none of these ("a0", a row of figures) reads as nothing.
_SPELT = re.compile(r"[^\W\d_]['’]?[^\W\d_]|[^\W\d_a-z]")
_new_token = partial(tuple.__new__, _Token)


@needing(_SPELT, nothing=_NOTHING_READ)
def _read(text: str, style: HouseStyle) -> _Reading:
    words = words_of(style)
    masked = _masked(text)
    if masked is text:
        return _read_masked(text, masked, words)[0]
    # A table's rows differ in the figures masking blanks out: most read the same as the masked
    # text, and share its reading.
    reading = words.masked_readings.get(masked)
    if reading is None:
        reading, masked_alone = _read_masked(text, masked, words)
        if masked_alone:
            words.masked_readings.keep(masked, reading)
    return reading


def _read_masked(text: str, masked: str, words: _Words) -> tuple[_Reading, bool]:
    """The paragraph's reading, and whether any paragraph with the same masked text reads the same.
    It does unless an unknown word not in lowercase is weighed, which reads the text around it
    (its line, the sentence before it, its neighbours) as written. Elsewhere the text is read only
    right after a word, where no masked run starts, and to see whether two words stand one space
    apart, which they do as masked or not at all."""
    # Most paragraphs hold no word to flag: counting their words (in C) and looking up each
    # distinct one is enough to say so.
    counts = Counter(_WORD.findall(masked))
    uses = _uses(counts)
    if not uses:
        return _NOTHING_READ, True
    capitalised = _capitalised(uses)
    # The answers kept for words read before settle most paragraphs in C.
    answers = list(map(words.alone.get, uses))
    if all(answers):
        return _Reading((), capitalised, frozenset(uses)), True
    fine = dict(zip(uses, answers))
    for word in compress(uses, map(is_, answers, repeat(None))):
        fine[word] = _fine_alone(word, words)
    doubtful = list(compress(uses, map(not_, fine.values())))
    if not doubtful:
        return _Reading((), capitalised, frozenset(uses)), True
    if _is_not_prose(_surely_unknown_lowercase(doubtful, uses, words), sum(uses.values())):
        return _NOTHING_READ, True
    # Each word's place, made in C: its start, and its end from the word to spell.
    matches = list(_WORD.finditer(masked))
    starts = list(map(_START, matches))
    spelt = list(map(_GROUP, matches))
    if uses is not counts:  # not every word is spelt as written
        spelt = list(map({written: _spelt(written) for written in counts}.__getitem__, spelt))
        starts = list(compress(starts, spelt))
        spelt = list(compress(spelt, spelt))
    tokens = list(map(_new_token, zip(starts, map(add, starts, map(len, spelt)), spelt)))
    known = list(map(fine.__getitem__, spelt))
    count = len(tokens)
    unknown_lowercase = 0
    # Only an unknown word, the word before it and a hyphenated word need reading in place;
    # the others are known, and so is the word after them.
    places = set()
    for index in compress(range(count), map(not_, known)):
        token = tokens[index]
        if text.startswith(".", token.end) and words.knows(token.word + "."):  # "etc."
            known[index] = True
            continue
        unknown_lowercase += token.word.islower()
        places.add(index)
        if index:
            places.add(index - 1)
    if _is_not_prose(unknown_lowercase, count):
        return _NOTHING_READ, True
    if "-" in text:
        places.update(
            index
            for index in range(count - 1)
            if text.startswith("-", tokens[index].end) and tokens[index + 1].start == tokens[index].end + 1
        )
    unknown: list[_Unknown] = []
    masked_alone = True
    index = 0
    for place in sorted(places):
        if place < index:
            continue  # read with the words before it
        index = place
        token = tokens[index]
        if text.startswith("-", token.end) and index + 1 < count and tokens[index + 1].start == token.end + 1:
            compound = _compound_end(text, tokens, index)
            unknown.extend(_compound_unknown(text, tokens[index:compound], words))
            index = compound
            continue
        # Most words and their neighbours are known: no join to look for.
        lone = known[index] and (index + 1 == count or known[index + 1])
        joined = None if lone else _joined(text, tokens, index, known, words)
        if joined is not None:
            unknown.append(joined)
            index += 2
            continue
        if not known[index] and not _surely_name(token.word, capitalised, words):
            masked_alone = masked_alone and token.word.islower()
            found = _unknown(text, tokens, index, words)
            if found is not None:
                unknown.append(found)
        index += 1
    return _Reading(tuple(unknown), capitalised, frozenset(uses)), masked_alone


def _spelt(written: str) -> str | None:
    """The word to spell in a written word: without a possessive "'s"; None for a single letter
    in lowercase or a run of letters longer than any word."""
    word = written[:-2] if written.endswith(_POSSESSIVE) else written
    return word if (len(word) > 1 or word.isupper()) and len(word) <= LONGEST_WORD else None


def _uses(counts: Counter) -> dict[str, int]:
    """How often a paragraph uses each word to spell, from how often it writes each word: ``counts``
    itself where each is spelt as written, which the words' lengths and endings say in C."""
    lengths = list(map(len, counts))
    if (
        lengths
        and min(lengths) > 1
        and max(lengths) <= LONGEST_WORD
        and not any(map(str.endswith, counts, repeat(_POSSESSIVE)))
    ):
        return counts
    uses: dict[str, int] = {}
    for written, count in counts.items():
        word = _spelt(written)
        if word is not None:
            uses[word] = uses.get(word, 0) + count
    return uses


def _capitalised(uses: dict[str, int]) -> dict[str, int]:
    """How often a paragraph uses each capitalised word; the words with a capital first are picked in C."""
    heads = compress(uses, map(str.isupper, map(itemgetter(0), uses)))
    return {word: uses[word] for word in heads if _is_capitalised(word)}


def _masked(text: str) -> str:
    """The paragraph with its runs that are not prose blanked out, offsets kept."""
    if _NOT_PROSE_SIGN.search(text):
        return _NOT_PROSE.sub(lambda match: " " * len(match.group()), text)
    return text


def _is_not_prose(unknown_lowercase: int, word_count: int) -> bool:
    """A table of codes, a foreign language, a pasted blob: not English prose to spell."""
    return unknown_lowercase > max(NOT_PROSE_WORDS, NOT_PROSE_SHARE * word_count)


def _surely_unknown_lowercase(doubtful: list[str], uses: dict[str, int], words: _Words) -> int:
    """How many of a paragraph's words are lowercase and unknown wherever they stand (not "etc"
    before its stop): at most as many as its reading finds, so that a paragraph these make no
    prose is known to be none before its words are read one by one. ``doubtful`` are its words
    not fine alone."""
    return sum(uses[word] for word in doubtful if word.islower() and not words.knows(word + "."))


def _surely_name(word: str, capitalised: dict[str, int], words: _Words) -> bool:
    """A capitalised word the paragraph itself uses twice: taken for a name whatever its neighbours
    (``_name_slips``), so not weighed at each use (a table of one name is read in linear time)."""
    return capitalised.get(word, 0) >= 2 and word.lower() not in words.expand


def _fine_alone(word: str, words: _Words) -> bool:
    """Whether a word is fine on its own, wherever it stands: the answer is kept, as most words recur."""
    known = words.alone.get(word)
    if known is None:
        known = (
            words.knows(word)
            or word.lower() in words.owned_elsewhere
            or _is_plural(word, words)
            or (not word.islower() and not _is_capitalised(word))  # "McDonald", "iPhone": a name or a brand
        )
        words.alone.keep(word, known)
    return known


def _is_plural(word: str, words: _Words) -> bool:
    """A plural the dictionary lacks of a word it knows ("crudes", "bourses"); not "wass" or "statess"."""
    stem = word[:-1]
    return word.endswith("s") and len(stem) >= 4 and not stem.endswith("s") and words.knows(stem)


def _compound_end(text: str, tokens: list[_Token], index: int) -> int:
    """The index after the last word joined to ``tokens[index]`` by single hyphens ("hodge-podge")."""
    end = index + 1
    while end < len(tokens) and tokens[end].start == tokens[end - 1].end + 1 and text[tokens[end - 1].end] == "-":
        end += 1
    return end


def _compound_unknown(text: str, parts: list[_Token], words: _Words) -> Iterator[_Unknown]:
    """The misspelt parts of a hyphenated word; none where a part is capitalised (a name) or the whole is known."""
    if any(not part.word.islower() for part in parts):
        return
    whole = text[parts[0].start : parts[-1].end]
    if words.knows(whole) or words.knows(whole.replace("-", "")):
        return
    for number, part in enumerate(parts):
        word = part.word
        if words.knows(word) or word in words.owned_elsewhere:
            continue
        if number < len(parts) - 1 and word in words.prefixes:
            continue
        if number > 0 and word.endswith("s") and words.knows(word[:-1]):  # "sell-offs", "have-nots"
            continue
        fixes = _fixes(word, words)
        if fixes is not None:
            yield _Unknown(part.start, part.end, word, fixes)


def _joined(text: str, tokens: list[_Token], index: int, known: list[bool], words: _Words) -> _Unknown | None:
    """Two words that are one with a space in it ("exch ange"): not both known, and known as one."""
    if index + 1 >= len(tokens) or (known[index] and known[index + 1]):
        return None
    first, second = tokens[index], tokens[index + 1]
    if text[first.end : second.start] != " " or not second.word.islower() or not first.word.isalpha():
        return None
    if _compound_end(text, tokens, index + 1) > index + 2:
        return None
    whole = first.word + second.word
    if whole.lower() in words.expand or not words.knows(whole):
        return None
    return _Unknown(first.start, second.end, text[first.start : second.end], (whole,), spacing=True)


def _unknown(text: str, tokens: list[_Token], index: int, words: _Words) -> _Unknown | None:
    token = tokens[index]
    word = token.word
    if word.islower():
        fixes = _fixes(word, words)
        return None if fixes is None else _Unknown(token.start, token.end, word, fixes)
    if word.isupper():
        line = _LINE.match(text, text.rfind("\n", 0, token.start) + 1).group()
        if any(char.islower() for char in line):
            return None  # capitals in running text: an abbreviation ("IAAF")
        opens = True
    else:
        opens = starts_sentence(text, token.start)
    # A capitalised word's fixes wait until it is known not to be a name.
    beside = any(_is_name_beside(text, tokens, index, step, opens, words) for step in (-1, 1))
    return _Unknown(token.start, token.end, word, opens_sentence=opens, beside_name=beside)


def _is_name_beside(text: str, tokens: list[_Token], index: int, step: int, opens: bool, words: _Words) -> bool:
    """Whether the word next to ``tokens[index]`` (before it for -1, after for 1, past particles such as
    "de") is part of a name with it: capitalised, with only spaces between, and not a common word opening the sentence."""
    other = index + step
    while 0 <= other < len(tokens) and tokens[other].word in words.particles:
        other += step
    if not 0 <= other < len(tokens):
        return False
    near, far = sorted((index, other))
    if not all(text[tokens[i].end : tokens[i + 1].start].isspace() for i in range(near, far)):
        return False
    neighbour = tokens[other].word
    if not _is_capitalised(neighbour):
        return False
    if neighbour.isupper() and len(neighbour) > 1 or (step < 0 and opens):
        # In a headline every word is in capitals, and the word before one that opens a sentence is
        # in the sentence before: only a word no dictionary knows says "name" there.
        return not words.knows(neighbour)
    return not (starts_sentence(text, tokens[other].start) and words.dictionary.knows(neighbour.lower()))


def _fixes(word: str, words: _Words) -> tuple[str, ...] | None:
    """Fixes for an unknown lowercase word, best first; None when it is no mistake but a closed compound.

    The answer is kept: weighing every string one edit away takes a millisecond, and a table's
    rows may each hold the same unknown word.
    """
    if word in words.fixes:
        return words.fixes[word]
    return words.fixes.keep(word, _weigh_fixes(word, words))


def _weigh_fixes(word: str, words: _Words) -> tuple[str, ...] | None:
    lower = word.lower()
    if lower in words.expand:
        return (shape(words.expand[lower], word),)
    corrections = words.dictionary.corrections(word)
    suggestions = words.dictionary.suggestions(word)
    # A house word one slip away ("dlrrs", "ldrs") is what was meant; then a proper noun in lowercase
    # ("peruvian", "gmt"), unless a letter swapped, doubled or dropped makes a word.
    house: dict[str, int] = {}
    for edit in edits(lower):
        if edit.word in words.accepted and edit.cost < house.get(edit.word, SLIP + 2):
            house[edit.word] = edit.cost
    costs = {**house, **corrections}
    proper = [form for form in (word.capitalize(), word.upper()) if words.dictionary.knows(form)][:1]
    # A proper noun comes after a word one swap or dropped letter away ("sid": "said", then "Sid").
    lowercase_slip = any(cost <= 1 and fix.islower() for fix, cost in corrections.items())
    costs.update((form, 1.5 if lowercase_slip else -1) for form in proper)
    offered = (fix for fix in (*proper, *house, *suggestions) if fix.lower() not in words.never_suggested)
    order = {fix: rank for rank, fix in enumerate(offered)}
    suggestions = tuple(sorted(order, key=lambda fix: (costs.get(fix, SLIP + 2), order[fix])))
    slips = any(cost <= SLIP for cost in corrections.values())
    split = _split(lower, words)
    if split is not None and not slips:
        left, right = split
        if left not in words.joining and right not in words.joining:
            return None  # "carmaking", "noteholders"
        return tuple(dict.fromkeys((f"{left} {right}", *suggestions)))
    # A word nothing in the dictionary is near is a rare, foreign or new word more often than a typo.
    return suggestions or None


def _split(word: str, words: _Words) -> tuple[str, str] | None:
    """``word`` as the pair of dictionary words it is likeliest made of ("in the", not "int he"):
    the pair of the most common words, where one pair is commoner than the others."""
    if len(word) < SHORTEST_RUN_TOGETHER:
        return None
    splits = [
        (word[:cut], word[cut:])
        for cut in range(1, len(word))
        if _part(word[:cut], words) and _part(word[cut:], words)
    ]
    commonness = sorted(((grade(left) or RARE) + (grade(right) or RARE), left, right) for left, right in splits)
    if not commonness or (len(commonness) > 1 and commonness[0][0] == commonness[1][0]):
        return None
    return commonness[0][1], commonness[0][2]


def _part(word: str, words: _Words) -> bool:
    return (len(word) >= 3 or word in words.joining) and words.dictionary.knows(word)


# ---------------------------------------------------------------- the story


def find(story: Story, style: HouseStyle) -> Iterator[Issue]:
    try:
        words = words_of(style)
    except DictionaryUnavailable:
        return  # dictionary_problem says why, once, where the user sees it
    readings = story.per_paragraph(_read, style)
    uses: Counter = Counter()
    used: set[str] = set()
    for reading in readings:
        if reading.capitalised:
            uses.update(reading.capitalised)
        used.update(reading.used)
    # A lowercase word's fixes as the story orders them, weighed once per word: a table's rows
    # may each hold the same unknown word.
    weighed: dict[tuple[str, tuple[str, ...]], tuple[tuple[str, ...], bool]] = {}
    for paragraph, reading in zip(story.paragraphs, readings):
        for unknown in reading.unknown:
            issue = _issue(unknown, words, uses, used, weighed)
            if issue is not None:
                yield issue.shifted(paragraph.start)


def _issue(
    unknown: _Unknown,
    words: _Words,
    uses: Counter,
    used: set[str],
    weighed: dict[tuple[str, tuple[str, ...]], tuple[tuple[str, ...], bool]],
) -> Issue | None:
    word = unknown.word
    if unknown.spacing:
        message = f"“{word}” is one word: “{unknown.fixes[0]}”"
        return _sure_fix(unknown, message, "A space inside a word is typing or transmission damage.")
    if word.lower() in words.expand:
        # A capitalised abbreviation ("Mln") is read as a name would be, without its fixes yet.
        unknown = replace(unknown, fixes=unknown.fixes or _fixes(word, words))
        message = f"Write out “{word}”: “{unknown.fixes[0]}”"
        return _sure_fix(unknown, message, "The house style writes wire abbreviations out.")
    if word.islower():
        key = (word, unknown.fixes)
        found = weighed.get(key)
        if found is None:
            found = weighed[key] = _weigh(word, unknown.fixes, words, used)
        fixes, sure = found
        return _misspelt(unknown, fixes, group=sure)
    slips = _name_slips(unknown, words, uses)
    if not slips:
        return None
    return _misspelt(unknown, slips, group=False)


def _weigh(word: str, fixes: tuple[str, ...], words: _Words, used: set[str]) -> tuple[tuple[str, ...], bool]:
    """A lowercase word's fixes in the order offered, and whether the first is sure for "fix all"."""
    # Of the likeliest fixes, one the story uses elsewhere ("sid": "said", not "side").
    costs = words.dictionary.corrections(word)
    first = costs.get(fixes[0]) if fixes else None
    likely = [fix for fix in fixes[:FIXES_WEIGHED] if costs.get(fix) == first]
    if len(likely) > 1:
        rest = [fix for fix in fixes if fix not in likely]
        fixes = (*sorted(likely, key=lambda fix: fix not in used), *rest)
    sure = bool(fixes) and (" " in fixes[0] or edit_distance(word, fixes[0], 1) <= 1)
    return fixes, sure


def _sure_fix(unknown: _Unknown, message: str, explanation: str) -> Issue:
    """An issue whose first fix is right wherever the same words recur, so "fix all" may apply it."""
    return RULE.issue(
        unknown.start, unknown.end, message, explanation, replacements=unknown.fixes, group=f"spelling:{unknown.word}"
    )


def _name_slips(unknown: _Unknown, words: _Words, uses: Counter) -> tuple[str, ...]:
    """The common words one slip from a capitalised word the dictionary does not know; none when it is a name."""
    word = unknown.word
    if uses[word] >= 2 or len(word) < SHORTEST_NAME_TYPO or unknown.beside_name:
        return ()
    if words.other_locale_knows(word):
        return ()
    corrections = words.dictionary.corrections(word)
    if not any(cost <= SLIP and _common(fix, words) for fix, cost in corrections.items()):
        return ()
    # A spelling of a name the story uses more often is the name rule's to flag.
    if any(count > uses[word] and edit_distance(word, other, NAME_REACH) <= NAME_REACH for other, count in uses.items()):
        return ()
    return tuple(
        fix
        for fix in words.dictionary.suggestions(word)
        if corrections.get(fix, SLIP + 1) <= SLIP and fix.lower() not in words.never_suggested
    )


def _common(word: str, words: _Words) -> bool:
    """Whether ``word`` is common enough that a slip of the keys is likelier than a name one slip from it:
    a common word ("Government"), or a proper noun a small dictionary holds ("Tokyo", "Monday")."""
    found = grade(word)
    if found is None:
        return False
    return found <= COMMON_WORD if words.dictionary.knows(word.lower()) else found <= COMMON_PROPER_NOUN


def _misspelt(unknown: _Unknown, fixes: tuple[str, ...], group: bool) -> Issue:
    word = unknown.word
    message = f"“{word}” is not in the dictionary" + (f": “{fixes[0]}”?" if fixes else "")
    return RULE.issue(
        unknown.start,
        unknown.end,
        message,
        explanation="Misspelt, or a word the dictionary does not know; add it to the dictionary if it is right.",
        replacements=fixes,
        group=f"spelling:{word}" if group else None,
    )


RULE = StoryRule(
    id="spelling",
    category="spelling",
    severity="error",
    find=find,
    doc=__doc__,
    must_flag=(
        "The goverment said on Monday it would act.",
        "Officials said they would recieve the report.",
        "Goverment officials said it would act.",
        "Talks resume on Mondy, officials said.",
        "He said inthe end it would work.",
        "The stock exch ange closed early.",
        "The gover nment fell.",
        "OIL PRICES FALL ON GOVERMENT REPORT",
        "Ministers met in Toyko on Friday.",
    ),
    must_pass=(
        "Szczesny said Hiroshige and Nakasone would meet in Tokyo.",
        "The company earned 420 mln dlrs, up 12 pct, on output of 500,000 bpd.",
        "Shares of <TWA.N> rose 5 pct to 20 dlrs in mths of trading.",
        "Gorbachev met Reagan. Later Gorbachov flew home, Gorbachev's aides said.",
        "OPEC OUTPUT RISES, SAYS SZCZESNY",
        "Details are at www.example.org and press@example.org.",
        "The defence ministry said the centre would open.",
        "Osama bin Laden and Abu Bakr al-Baghdadi were named; pre-tax profit rose.",
        "McDonald's and iPhone sales rose after the IAAF met Shihab-Eldin of Dai-ichi.",
        "US carmaking and the noteholders, said Lord Tebbit and Martin Corry at Stade de France.",
    ),
)
