"""The record of changes: a story's text as opened (its base) and every change made to it since.

No Qt. The window keeps the base and where each fix it applied put its text
(``Fix``), and asks for the changes when they are shown or exported:
``find_changes`` compares the base with the text as it is now, so the record
follows the text (an undone fix or deleted typing is no change), whatever
was done to get there.

The comparison goes by paragraph first, then by word inside the paragraphs
that differ (difflib both times), so a long story costs the paragraphs that
changed, not its length squared. Each difference is a ``Change``, told with
a few words of its paragraph either side; a difference that lies where a fix
in effect put its text is that fix's, and one that runs past it was typed
too. Typed differences with no more than a word between them in one
paragraph are one change, as an editor thinks of retyping a phrase.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

TYPED = "typed"
ELLIPSIS = "…"

# How texts are cut to be compared, coarsest first; at each level every character is in one piece.
_LINES = re.compile(r"[^\n]*\n|[^\n]+")
_SENTENCES = re.compile(r"[^.!?]*[.!?]+[\"'”’)\]]*\s*|[^.!?]+")
_WORDS = re.compile(r"\w+|\s+|[^\w\s]")  # words, runs of white space, single other characters
_LEVELS = (_LINES, _SENTENCES, _WORDS)
# Comparing words costs the square of their number where they differ: a run of sentences that
# differ with more words and spaces than this, the two sides together, is one change (some 15 ms).
MOST_WORDS_COMPARED = 8000
# Context: this many words either side of a change, from its own paragraph.
CONTEXT_WORDS = 6
_CONTEXT_REACH = 120  # characters looked at for them
_BEFORE_REVERSED = re.compile(r"\S*(?:\s+\S+){0,%d}" % CONTEXT_WORDS)  # read backwards from the change
_AFTER = re.compile(r"\S*(?:\s+\S+){0,%d}" % CONTEXT_WORDS)
# White space alone is shown with signs: a space struck through must still be seen.
_VISIBLE = str.maketrans({" ": "␣", "\n": "¶", "\t": "→", "\u00a0": "°"})


@dataclass(frozen=True)
class Fix:
    """A fix in effect: it put ``text`` in place of ``replaced`` and ``text`` is now at ``start:end``
    of the story (code points); the issue it fixed was ``rule``'s and said ``message``."""

    start: int
    end: int
    rule: str
    message: str
    text: str
    replaced: str


@dataclass(frozen=True)
class Record:
    """What a record of changes keeps: the base text, the fixes in effect, and when the base was
    taken (ISO 8601), when the story was opened or, if ``accepted``, when it was accepted."""

    base: str
    fixes: tuple[Fix, ...] = ()
    since: str = ""
    accepted: bool = False

    @classmethod
    def from_dict(cls, data: dict) -> Record:
        """A record from its JSON form (``dataclasses.asdict``); TypeError or KeyError if it is not one."""
        fixes = tuple(Fix(**fix) for fix in data["fixes"])
        texts = [data["base"]] + [piece for fix in fixes for piece in (fix.rule, fix.message, fix.text, fix.replaced)]
        places = [place for fix in fixes for place in (fix.start, fix.end)]
        if not all(isinstance(piece, str) for piece in texts) or not all(type(place) is int for place in places):
            raise TypeError("a record of changes holds texts and offsets")
        return cls(data["base"], fixes, str(data["since"]), bool(data["accepted"]))


@dataclass(frozen=True)
class Change:
    """``removed`` (base text) became ``inserted`` at ``start:end`` of the text now, on ``line``
    (from 1), between ``before`` and ``after`` (a few words of its paragraph). ``fixes`` made it,
    with typing too if ``typed``; no fixes: typed alone."""

    start: int
    end: int
    removed: str
    inserted: str
    before: str
    after: str
    line: int
    fixes: tuple[Fix, ...] = ()
    typed: bool = True

    @property
    def source(self) -> str:
        """Who made it: the rules of its fixes, "typed", or both."""
        rules = list(dict.fromkeys(fix.rule for fix in self.fixes))
        if not rules:
            return TYPED
        return ", ".join(rules) + (" and typing" if self.typed else "")


# ------------------------------------------------------------ finding the changes


@dataclass(frozen=True)
class _Hunk:
    base_start: int
    base_end: int
    start: int
    end: int


def find_changes(base: str, text: str, fixes: Sequence[Fix] = ()) -> list[Change]:
    """The changes that turn ``base`` into ``text``, in text order; ``fixes`` say which a fix made."""
    index = _FixIndex(text, fixes)
    hunks = _merge_typing(text, [(hunk, index.of(hunk)) for hunk in _hunks(base, text)])
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
    changes = []
    for hunk, made_by in hunks:
        hunk = _narrowed(base, text, hunk)
        removed = base[hunk.base_start : hunk.base_end]
        inserted = text[hunk.start : hunk.end]
        typed = not made_by or _typed_too(hunk, removed, made_by)
        before, after = _context(text, hunk.start, hunk.end)
        line = bisect_right(line_starts, hunk.start)
        changes.append(Change(hunk.start, hunk.end, removed, inserted, before, after, line, tuple(made_by), typed))
    return changes


def _hunks(base: str, text: str) -> list[_Hunk]:
    """Where the two texts differ, in text order."""
    return [] if base == text else _differences(base, (0, len(base)), text, (0, len(text)), 0)


def _differences(base: str, old: tuple[int, int], text: str, new: tuple[int, int], level: int) -> list[_Hunk]:
    """The differences between ``base[old]`` and ``text[new]``, found by comparing the pieces of
    ``_LEVELS[level]`` and then, within each pair of runs that differ, the next level's."""
    old_pieces = _LEVELS[level].findall(base, *old)
    new_pieces = _LEVELS[level].findall(text, *new)
    if level + 1 == len(_LEVELS) and len(old_pieces) + len(new_pieces) > MOST_WORDS_COMPARED:
        # Thousands of words in a row changed, sentences and all: one change, not a long wait.
        return [_Hunk(old[0], old[1], new[0], new[1])]
    old_starts, new_starts = _starts(old_pieces, old[0]), _starts(new_pieces, new[0])
    hunks: list[_Hunk] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_pieces, new_pieces).get_opcodes():
        if tag == "equal":
            continue
        if level + 1 == len(_LEVELS) or not (i1 < i2 and j1 < j2):
            hunks.append(_Hunk(old_starts[i1], old_starts[i2], new_starts[j1], new_starts[j2]))
        elif i2 - i1 == j2 - j1:
            # Pieces edited in place: each against its own, not all against all.
            for i, j in zip(range(i1, i2), range(j1, j2)):
                old_piece, new_piece = (old_starts[i], old_starts[i + 1]), (new_starts[j], new_starts[j + 1])
                hunks += _differences(base, old_piece, text, new_piece, level + 1)
        else:
            old_run, new_run = (old_starts[i1], old_starts[i2]), (new_starts[j1], new_starts[j2])
            hunks += _differences(base, old_run, text, new_run, level + 1)
    return hunks


def _starts(pieces: list[str], start: int) -> list[int]:
    """Each piece's offset, and the offset after the last."""
    starts = [start]
    for piece in pieces:
        starts.append(starts[-1] + len(piece))
    return starts


class _FixIndex:
    """The fixes by place: which lie in a hunk's text, or, where either is empty (a deletion),
    touch it but for spaces (words compared one by one may take a deletion's space from either side)."""

    def __init__(self, text: str, fixes: Sequence[Fix]) -> None:
        reaches = sorted(((_widened(text, fix), fix) for fix in fixes), key=lambda reach: reach[0])
        self._starts = [start for (start, _), _ in reaches]
        self._reaches = reaches
        # The furthest any fix so far reaches: rises, so the first that could touch a hunk is found by halving.
        self._furthest, furthest = [], -1
        for (_, end), _ in reaches:
            furthest = max(furthest, end)
            self._furthest.append(furthest)

    def of(self, hunk: _Hunk) -> list[Fix]:
        found = []
        first, last = bisect_left(self._furthest, hunk.start), bisect_right(self._starts, hunk.end)
        for (start, end), fix in self._reaches[first:last]:
            if fix.start < hunk.end and hunk.start < fix.end:
                found.append(fix)
            elif (fix.start == fix.end or hunk.start == hunk.end) and start <= hunk.end and hunk.start <= end:
                found.append(fix)
        return found


def _widened(text: str, fix: Fix) -> tuple[int, int]:
    """The fix's span with the spaces either side of it (not line breaks)."""
    start, end = fix.start, fix.end
    while start > 0 and text[start - 1] in " \t\u00a0":
        start -= 1
    while end < len(text) and text[end] in " \t\u00a0":
        end += 1
    return start, end


def _typed_too(hunk: _Hunk, removed: str, fixes: list[Fix]) -> bool:
    """Whether the hunk has more in it than its fixes: text put in outside theirs, or more taken
    away than they replaced."""
    covered = sum(max(0, min(fix.end, hunk.end) - max(fix.start, hunk.start)) for fix in fixes)
    return hunk.end - hunk.start > covered or len(removed) > sum(len(fix.replaced) for fix in fixes)


def _narrowed(base: str, text: str, hunk: _Hunk) -> _Hunk:
    """White space changed into other white space, less what the two share: two spaces made one
    is one space deleted."""
    removed, inserted = base[hunk.base_start : hunk.base_end], text[hunk.start : hunk.end]
    if not (removed.isspace() and inserted.isspace()):
        return hunk
    same = len(os.path.commonprefix([removed, inserted]))
    end = len(os.path.commonprefix([removed[same:][::-1], inserted[same:][::-1]]))
    return _Hunk(hunk.base_start + same, hunk.base_end - end, hunk.start + same, hunk.end - end)


def _merge_typing(text: str, hunks: list[tuple[_Hunk, list[Fix]]]) -> list[tuple[_Hunk, list[Fix]]]:
    """Typed hunks in one paragraph with at most one word between them become one."""
    merged: list[tuple[_Hunk, list[Fix]]] = []
    for hunk, fixes in hunks:
        if merged and not fixes and not merged[-1][1]:
            last = merged[-1][0]
            between = text[last.end : hunk.start]
            if "\n" not in between and len(_WORDS.findall(between.strip())) <= 1:
                merged[-1] = (_Hunk(last.base_start, hunk.base_end, last.start, hunk.end), [])
                continue
        merged.append((hunk, fixes))
    return merged


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """A few words of the paragraph before ``start`` and after ``end``, with … where they stop short of it."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    reach_start = max(paragraph_start, start - _CONTEXT_REACH)
    before = _BEFORE_REVERSED.match(text[reach_start:start][::-1]).group()[::-1]
    after = _AFTER.match(text, end, min(paragraph_end, end + _CONTEXT_REACH)).group()
    before = before if start - len(before) == paragraph_start else ELLIPSIS + before
    after = after if end + len(after) == paragraph_end else after + ELLIPSIS
    return before, after


def visible(piece: str) -> str:
    """White space alone made visible (␣ for a space, ¶ for a paragraph break); other text as it is."""
    return piece.translate(_VISIBLE) if piece.isspace() else piece
