"""Spelling distance between words, and finding the close pairs among many without comparing every pair."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import combinations

# A key shared by more words than this says little about any of them (and
# comparing all its words would grow with the square of the story).
_BUCKET_LIMIT = 12


def edit_distance(first: str, second: str, limit: int) -> int:
    """Edits (insert, delete, replace a letter, swap two neighbours) from one word to the other.

    Stops counting past ``limit`` and returns ``limit + 1`` there.
    """
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    before_previous: list[int] = []
    previous = list(range(len(second) + 1))
    for i, char in enumerate(first, 1):
        current = [i]
        for j, other in enumerate(second, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if i > 1 and j > 1 and char == second[j - 2] and first[i - 2] == other:
                cost = min(cost, before_previous[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        before_previous, previous = previous, current
    return min(previous[-1], limit + 1)


def within_one_edit(first: str, second: str) -> bool:
    """Whether one edit (insert, delete, replace, swap two neighbours) or none turns one word into the other."""
    if len(first) < len(second):
        first, second = second, first
    if len(first) - len(second) > 1:
        return False
    i = 0
    while i < len(second) and first[i] == second[i]:
        i += 1
    if len(first) != len(second):
        return first[i + 1 :] == second[i:]
    if first[i + 1 :] == second[i + 1 :]:
        return True
    swapped = i + 1 < len(first) and first[i] == second[i + 1] and first[i + 1] == second[i]
    return swapped and first[i + 2 :] == second[i + 2 :]


def _deletions(word: str, depth: int) -> set[str]:
    """The word with up to ``depth`` letters left out, the word itself included."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {item[:i] + item[i + 1 :] for item in frontier for i in range(len(item))}
        found |= frontier
    return found


@lru_cache(maxsize=16)
def close_pairs(words: frozenset[str], long: int) -> tuple[tuple[str, str, int], ...]:
    """Pairs of different words one edit apart, or two where both have ``long`` letters or more, each pair once.

    Kept for the last few sets of words asked about: while a story is edited,
    its names rarely change from one check to the next.

    Words are put in buckets by the words they give with one or two letters
    left out: two words within two edits share a bucket, so only words in the
    same bucket are compared, and a bucket shared by very many words is passed
    over. The time grows with the number of words, not its square.
    """
    return tuple(_close_pairs(sorted(words), long))


def _close_pairs(words: list[str], long: int) -> Iterator[tuple[str, str, int]]:
    buckets: dict[str, list[str]] = {}
    for word in words:
        for key in _deletions(word, 2 if len(word) >= long else 1):
            buckets.setdefault(key, []).append(word)
    seen: set[tuple[str, str]] = set()
    for bucket in buckets.values():
        if len(bucket) < 2 or len(bucket) > _BUCKET_LIMIT:
            continue
        for first, second in combinations(bucket, 2):
            pair = (first, second) if first < second else (second, first)
            if pair in seen:
                continue
            seen.add(pair)
            if within_one_edit(*pair):
                yield (*pair, 1)
            elif min(len(first), len(second)) >= long and edit_distance(*pair, 2) <= 2:
                yield (*pair, 2)
