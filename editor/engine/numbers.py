"""Whole numbers written in words, from zero to ninety-nine: reading them and writing them."""

from __future__ import annotations

import re

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_VALUES = {word: value for value, word in enumerate(_ONES)} | {word: 20 + 10 * i for i, word in enumerate(_TENS)}

# "seven", "twelve", "forty", "forty-two", "fifty nine": longer words first, so "seventeen" is not read as "seven".
NUMBER_WORDS = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES[9:0:-1])})(?![\w-]))?"
    rf"|{'|'.join(sorted(_ONES, key=len, reverse=True))})"
)
_SEPARATOR = re.compile(r"[- ]")


def value_of(words: str) -> int | None:
    """The value of a number in words ("Forty-two" -> 42), or None if it is not one."""
    parts = _SEPARATOR.split(words.casefold())
    if not all(part in _VALUES for part in parts):
        return None
    if len(parts) == 1:
        return _VALUES[parts[0]]
    if len(parts) == 2 and parts[0] in _TENS and 0 < _VALUES[parts[1]] < 10:
        return _VALUES[parts[0]] + _VALUES[parts[1]]
    return None


def in_words(value: int) -> str:
    """``value`` (0 to 99) in words, hyphenated as "forty-two"."""
    if not 0 <= value < 100:
        raise ValueError(f"no words for {value}")
    if value < 20:
        return _ONES[value]
    tens, ones = divmod(value, 10)
    return _TENS[tens - 2] + (f"-{_ONES[ones]}" if ones else "")
