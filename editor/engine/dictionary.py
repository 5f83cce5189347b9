"""Hunspell dictionaries for the spelling rule, and suggestions ranked for typing damage.

The dictionaries are the system's Hunspell files (Debian's ``hunspell-en-us``
and ``hunspell-en-gb``; the standalone bundle carries its own), read in the
process by Hunspell itself through chunspell, from the folder named, so the
same files answer whatever else the machine has. Every answer is kept per
word, so a story checked again while it is typed costs a lookup per new word only.

Suggestions are the words one edit away that the dictionary knows, sought
first among SCOWL's graded lists (``common-words.txt``, some 75,000 words),
ranked by how typing and transmission damage a word: two letters swapped or
one typed twice first, then a dropped letter, then a neighbouring key, then
any other letter; among equals, the commoner word by SCOWL's grade.
Hunspell's own suggestions are not used: they take 15 to 70 ms a word, with
the interpreter held all the while (chunspell does not release it), which
would stall the window's typing; and they are ranked without regard to typing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from editor.engine.resources import resource

logger = logging.getLogger(__name__)

# The dictionaries' names for the house styles' locales.
LANGUAGE_TAGS = {"en-US": "en_US", "en-GB": "en_GB"}
# Debian's and most distributions' folders of Hunspell dictionaries.
SYSTEM_DICTIONARY_FOLDERS = ("/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
# The dearest edit that typing makes (a neighbouring key); dearer ones change a letter for any other.
SLIP = 2
# Answers kept per dictionary: every word of a long story and the candidates tried for its typos.
KEPT_ANSWERS = 500_000

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbour_keys() -> dict[str, frozenset[str]]:
    """Keys next to each letter on a QWERTY keyboard, within its row and the rows above and below."""
    position = {key: (row, column + 0.5 * row) for row, keys in enumerate(_ROWS) for column, key in enumerate(keys)}
    return {
        key: frozenset(
            other
            for other, (row2, column2) in position.items()
            if other != key and abs(row - row2) <= 1 and abs(column - column2) <= 1
        )
        for key, (row, column) in position.items()
    }


NEIGHBOUR_KEYS = _neighbour_keys()


@cache
def _grades() -> dict[str, int]:
    grades: dict[str, int] = {}
    grade = 0
    for line in resource("wordlists", "common-words.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            grade = int(line.strip("[]"))
        elif line and not line.startswith("#"):
            grades.setdefault(line, grade)
    return grades


@cache
def _trigrams() -> frozenset[str]:
    return frozenset(word[i : i + 3] for word in _grades() if word.islower() for i in range(len(word) - 2))


def looks_english(word: str) -> bool:
    """Whether most of ``word``'s runs of three letters occur in common English words: "ceremenony"
    does, "xqzvbnmk" (a code, a foreign word, a key pressed at random) does not."""
    lower = word.lower()
    runs = [lower[i : i + 3] for i in range(len(lower) - 2)]
    return bool(runs) and sum(run in _trigrams() for run in runs) >= ENGLISH_SHARE * len(runs)


# Of a word's runs of three letters, this share must occur in common words for it to look English.
ENGLISH_SHARE = 0.8


def grade(word: str) -> int | None:
    """How common ``word`` is in English: 10 for the most common words, then 20, 35 and 50; None for rarer.

    A capitalised word counts as common when its lowercase form is ("Government").
    """
    grades = _grades()
    found = grades.get(word)
    if found is None and not word.islower():
        found = grades.get(word.lower())
    return found


# Words this long are searched for two letters too many when nothing is one edit away.
TWO_SLIPS_LENGTH = 8
# The grade of a word rarer than the graded lists hold, for ranking.
RARE = 100


class DictionaryUnavailable(Exception):
    """No Hunspell dictionary for a locale; the message says what to install."""


@dataclass(frozen=True, slots=True)
class Edit:
    """One candidate correction: the word, and how likely typing made the written word from it (0 likeliest)."""

    word: str
    cost: int


def edits(word: str) -> Iterable[Edit]:
    """Every string one edit from ``word`` (lowercase letters), with the edit's cost as typing damage.

    0: two neighbouring letters swapped, a letter typed twice;
    1: a letter dropped;
    2: a key's neighbour struck instead or as well (SLIP and below: what typing does);
    3: any other letter changed or added.
    """
    length = len(word)
    for index in range(length - 1):
        if word[index] != word[index + 1]:
            yield Edit(word[:index] + word[index + 1] + word[index] + word[index + 2 :], 0)
    for index in range(length):
        # The written word has a letter the right one lacks: typed twice, a neighbour's, or any.
        letter = word[index]
        before = word[index - 1] if index else ""
        after = word[index + 1] if index + 1 < length else ""
        if letter in (before, after):
            cost = 0
        elif before in NEIGHBOUR_KEYS.get(letter, ()) or after in NEIGHBOUR_KEYS.get(letter, ()):
            cost = SLIP
        else:
            cost = SLIP + 1
        yield Edit(word[:index] + word[index + 1 :], cost)
    for index in range(length + 1):
        # The written word lacks a letter.
        for letter in LETTERS:
            yield Edit(word[:index] + letter + word[index:], 1)
    for index in range(length):
        neighbours = NEIGHBOUR_KEYS.get(word[index], frozenset())
        for letter in LETTERS:
            if letter != word[index]:
                yield Edit(word[:index] + letter + word[index + 1 :], SLIP if letter in neighbours else SLIP + 1)


def edit_distance(first: str, second: str, limit: int) -> int:
    """Letters added, removed, changed or swapped with a neighbour to turn ``first`` into ``second``;
    ``limit + 1`` as soon as it is clear to be more than ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        row = [i] + [0] * len(second)
        for j, b in enumerate(second, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return previous[-1]


def shape(word: str, model: str) -> str:
    """``word`` (lowercase) written the way ``model`` is: in capitals, with a capital first, or as it is."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class KeptAnswers(dict):
    """Answers kept by what was asked, up to ``limit``, and all forgotten at once when it is
    reached: a text of ever new words cannot make them grow without bound, and forgetting all
    costs less than choosing what to forget. A dict, so that looking up stays in C."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def keep(self, question, answer):
        """Keeps ``answer`` to ``question`` and gives it back."""
        if len(self) >= self.limit:
            self.clear()
        self[question] = answer
        return answer


class SpellingDictionary:
    """One locale's Hunspell dictionary; safe to share between threads."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self._lock = threading.Lock()
        self._dictionary = _request_dictionary(locale)
        self._known: KeptAnswers[str, bool] = KeptAnswers(KEPT_ANSWERS)
        self._corrections: KeptAnswers[str, dict[str, int]] = KeptAnswers(KEPT_ANSWERS // 100)

    def knows(self, word: str) -> bool:
        """Whether Hunspell accepts ``word`` as written (a capital first or all capitals are fine for any word)."""
        known = self._known.get(word)
        if known is None:
            try:
                with self._lock:
                    known = self._dictionary.spell(word)
            except UnicodeError:  # not writable in the dictionary's encoding (a lone surrogate): no word
                known = True
            self._known.keep(word, known)
        return known

    def corrections(self, word: str) -> dict[str, int]:
        """Words the dictionary knows one edit from ``word``, written as ``word`` is, with each edit's cost.

        A lowercase word gets proper nouns ("mondy" to "Monday") only when no
        lowercase word is one edit away, and rare words only when no common one is.
        """
        found = self._corrections.get(word)
        if found is None:
            found = self._corrections.keep(word, self._find_corrections(word))
        return found

    def suggestions(self, word: str) -> tuple[str, ...]:
        """Fixes for ``word``, likeliest first: its corrections by cost, then the commoner word."""
        corrections = self.corrections(word)
        return tuple(sorted(corrections, key=lambda fix: (corrections[fix], grade(fix) or RARE, fix)))

    def _find_corrections(self, word: str) -> dict[str, int]:
        lower = word.lower()
        if not lower.isalpha() or not lower.isascii():
            return {}
        # Common words first, then any word the dictionary knows ("protecionist"), for a word that
        # looks English: gibberish would cost hundreds of lookups for nothing.
        for graded in (True, False):
            if not graded and not looks_english(word):
                break
            for model in (word, "A") if word.islower() else (word,):
                best = self._known_edits(lower, model, graded)
                if best:
                    return {shape(candidate, model): cost for candidate, cost in best.items()}
        return self._two_extra_letters(lower, word)

    def _two_extra_letters(self, lower: str, model: str) -> dict[str, int]:
        """Common words the written word is with two letters too many ("ceremenony"), for a word long
        enough that two slips in it are likelier than a word nothing is near."""
        if len(lower) < TWO_SLIPS_LENGTH or not looks_english(lower):
            return {}
        grades = _grades()
        shorter = {
            lower[:first] + lower[first + 1 : second] + lower[second + 1 :]
            for first in range(len(lower))
            for second in range(first + 1, len(lower))
        }
        return {shape(word, model): SLIP + 2 for word in shorter if word in grades and self.knows(shape(word, model))}

    def _known_edits(self, lower: str, model: str, graded: bool) -> dict[str, int]:
        # The graded list keeps most of the hundreds of strings one edit away to a set lookup
        # rather than a call into Hunspell; Hunspell confirms the locale.
        grades = _grades()
        best: dict[str, int] = {}
        for edit in edits(lower):
            if edit.cost < best.get(edit.word, SLIP + 2) and edit.word:
                if not graded or shape(edit.word, model) in grades or edit.word in grades:
                    best[edit.word] = edit.cost
        return {word: cost for word, cost in best.items() if self.knows(shape(word, model))}


def dictionary_folder(locale: str) -> Path | None:
    """The first of ``dictionary_folders()`` that holds the locale's ``.dic`` and ``.aff``, or None."""
    tag = LANGUAGE_TAGS[locale]
    for folder in dictionary_folders():
        if (folder / f"{tag}.dic").is_file() and (folder / f"{tag}.aff").is_file():
            return folder
    return None


def dictionary_folders() -> list[Path]:
    """Where Hunspell dictionaries are looked for, first found first used: the ones shipped inside
    Copydesk (the standalone bundle), the system's, then the American one that comes with chunspell."""
    import hunspell

    return [
        Path(str(resource("hunspell"))),
        *(Path(folder) for folder in SYSTEM_DICTIONARY_FOLDERS),
        Path(hunspell.__file__).parent / "dictionaries",
    ]


def _request_dictionary(locale: str):
    try:
        import hunspell
    except ImportError as error:
        raise DictionaryUnavailable(f"chunspell, which reads the dictionaries, is missing ({error})") from None
    folder = dictionary_folder(locale)
    if folder is None:
        package = "hunspell-" + LANGUAGE_TAGS[locale].lower().replace("_", "-")
        raise DictionaryUnavailable(f"no Hunspell dictionary for {locale}; install {package}")
    try:
        return hunspell.Hunspell(LANGUAGE_TAGS[locale], hunspell_data_dir=str(folder))
    except (OSError, UnicodeError) as error:  # chunspell's HunspellFilePathError is an OSError
        raise DictionaryUnavailable(f"the Hunspell dictionary for {locale} in {folder} cannot be read: {error}") from None


@cache
def _loaded(locale: str) -> SpellingDictionary | DictionaryUnavailable:
    try:
        return SpellingDictionary(locale)
    except DictionaryUnavailable as error:
        logger.warning("%s", error)
        return error


def spelling_dictionary(locale: str) -> SpellingDictionary:
    """The dictionary for a house style's locale, loaded once; ``DictionaryUnavailable`` when there is none."""
    loaded = _loaded(locale)
    if isinstance(loaded, DictionaryUnavailable):
        raise loaded
    return loaded


def prepare_spelling(locales: tuple[str, ...]) -> None:
    """Loads the dictionaries of ``locales`` and the word tables now, where nothing is typed: a
    dictionary's load holds the interpreter for 50-70 ms, which a keystroke would otherwise wait for
    the first time a story needs it (the other locale's, for a capitalised word)."""
    for locale in locales:
        _loaded(locale)
    _trigrams()


def dictionary_problem(locale: str) -> str | None:
    """Why words cannot be spelled in ``locale`` (for the status bar or standard error), or None."""
    loaded = _loaded(locale)
    return f"spelling not checked: {loaded}" if isinstance(loaded, DictionaryUnavailable) else None
