"""A story's text split the way the rules read it: paragraphs and lines.

Paragraphs are separated by one or more blank lines; a single line break
inside a paragraph is hard wrapping, as wire copy often has.

A paragraph reading (and a paragraph rule) may say what it ``needs``: a pattern
that matches in every paragraph where it could find anything. The short
paragraphs where it matches are found with one search (of the story on a first
check, of the texts the memo has no result for after an edit), and the others
are given nothing without a call in Python. A story of a hundred thousand
short paragraphs is read in about the time its text takes to search, and a
re-check after an edit searches only the paragraphs that changed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property, partial
from itertools import accumulate, compress, islice, repeat
from operator import add
from typing import Any, NamedTuple, TypeVar, Union

from editor.engine.issues import Issue, places_notice, weighed

Result = TypeVar("Result")
# What a reading or rule needs in a paragraph: a pattern, a function of the house style that gives
# one (for a style's own phrases), or None (every paragraph is read).
Needs = Union["re.Pattern[str]", Callable[[Any], "re.Pattern[str] | None"], None]

# A separator in a group, so that splitting keeps it: the paragraphs' offsets are counted from it.
_PARAGRAPH_SPLIT = re.compile(r"((?:\r\n|\r|\n)(?:[^\S\r\n]*(?:\r\n|\r|\n))+)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SENTENCE_END = re.compile(r"[.?!:][\"”’')\]]*\s*$")
# Only a paragraph shorter than this is searched for what a reading needs: a reading costs a call
# or two in Python more than the search, which matters where the paragraphs are a few words long,
# but on a longer paragraph it costs about what the search would.
SHORT_PARAGRAPH = 100
# Matches found one at a time before ``matching_paragraphs`` asks whether most paragraphs match.
_DENSE_AFTER = 256


# A named tuple: a hostile text has a paragraph every few characters, and a dataclass is
# several times as slow to make.
class Paragraph(NamedTuple):
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


_new_paragraph = partial(tuple.__new__, Paragraph)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs in order, each without its surrounding blank lines."""
    # Line breaks at the top of the text are not part of a paragraph; after a separator there
    # are none, since the separator takes every blank line.
    lead = len(text) - len(text.lstrip("\r\n"))
    # Split in C, bodies and separators in turn, each body's offset summed from the lengths
    # before it: a hostile text has a paragraph every few characters.
    pieces = _PARAGRAPH_SPLIT.split(text[lead:] if lead else text)
    bodies = pieces[::2]
    starts = islice(accumulate(map(len, pieces), initial=lead), 0, None, 2)
    # A body of blanks (before the first separator or after the last) is no paragraph. Each
    # paragraph is made the way NamedTuple makes one, without its constructor's call in Python.
    return list(map(_new_paragraph, compress(zip(starts, bodies), map(str.strip, bodies))))


def needing(needs: Needs, nothing: Any = ()) -> Callable[[Callable], Callable]:
    """Marks a paragraph reading, ``build(text, style)``, as finding ``nothing`` in a paragraph
    where ``needs`` does not match (see ``needed_pattern``): ``Story.per_paragraph`` then gives
    ``nothing`` for such a paragraph without calling ``build``."""

    def mark(build: Callable) -> Callable:
        build.needs, build.nothing = needs, nothing
        return build

    return mark


def needed_pattern(needs: Needs, style: Any) -> re.Pattern[str] | None:
    """The pattern ``needs`` stands for under ``style``.

    It must match no empty text, and wherever it matches in a paragraph on its own it must also
    match in the story, where line breaks stand either side of the paragraph: no ``^``, ``$``,
    ``\\A`` or ``\\Z``, and no look-around that tells a line break from the text's edge.
    """
    if needs is None or isinstance(needs, re.Pattern):
        return needs
    return needs(style)


class ParagraphMemo:
    """Results read from one paragraph's text, kept from one check of a story to the next.

    An edit changes a paragraph or two, so a re-check finds the others' results
    here. A result has offsets relative to its paragraph, so it holds wherever
    the paragraph has moved. A result no check has used since the one before
    last is dropped, so the memo holds about one story's worth: the versions of
    a paragraph being typed do not pile up (nor keep the garbage collector
    busy). At most ``limit`` results are kept: a text longer than any story
    being edited is read once through and needs none kept. A Checker owns one,
    for its one house style, and uses it from one thread, calling
    ``next_check`` before each check.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._kept = 0
        # The ways of reading a paragraph this check and the one before used.
        self._read_now: set[Callable] = set()
        self._read_before: set[Callable] = set()
        # For each way of reading a paragraph, its results by paragraph text.
        self._used: dict[Callable, dict[str, Any]] = {}
        self._unused: dict[Callable, dict[str, Any]] = {}

    def next_check(self) -> None:
        self._unused, self._used = self._used, {}
        self._kept = 0
        self._read_before, self._read_now = self._read_now, set()

    def read_before(self, build: Callable) -> bool:
        """Whether the check before read paragraphs with ``build``."""
        return build in self._read_before

    def results(
        self,
        build: Callable[[str, Any], Result],
        texts: Sequence[str],
        style: Any,
        needs: Sequence[re.Pattern[str]] = (),
        nothing: Any = None,
    ) -> list[Result]:
        """``build(text, style)`` for each of ``texts``, each distinct text read once, from the memo
        where this check or the one before read it. With ``needs``, a text where none of the
        patterns matches is given ``nothing`` instead, and kept like any other result (a text of
        ``SHORT_PARAGRAPH`` characters or more is read without looking)."""
        self._read_now.add(build)
        used = self._used.get(build)
        if used is None:
            used = self._used[build] = {}
        unused = self._unused.get(build) or {}
        distinct = dict.fromkeys(texts)
        # Comprehensions and ``map`` rather than a loop of calls: a hostile text has hundreds of
        # thousands of paragraphs, and a loop in Python costs more than many builds do.
        new = [text for text in distinct if text not in used]
        unread = [text for text in new if text not in unused]
        if needs:
            searched = [text for text in unread if len(text) < SHORT_PARAGRAPH]
            found = dict.fromkeys(searched, nothing)
            unread = [text for text in unread if len(text) >= SHORT_PARAGRAPH] + _matching_any(needs, searched)
            found.update(zip(unread, map(build, unread, repeat(style))))
        else:
            found = dict(zip(unread, map(build, unread, repeat(style))))
        if len(found) < len(new):
            found.update((text, unused.pop(text)) for text in new if text in unused)
        room = self.limit - self._kept
        if room >= len(found):
            used.update(found)
            self._kept += len(found)
        elif room > 0:
            used.update(islice(found.items(), room))
            self._kept = self.limit
        if len(new) < len(distinct):
            old = [text for text in distinct if text not in found]
            found.update(zip(old, map(used.__getitem__, old)))
        return list(map(found.__getitem__, texts))


def _matching_any(patterns: Sequence[re.Pattern[str]], texts: list[str]) -> list[str]:
    """Those of ``texts`` (paragraphs' texts) where one of ``patterns`` may match, in order: each
    pattern searches them all joined with blank lines, as they would stand in a story."""
    # Each text starts after those before it and a blank line (two characters) after each.
    starts = list(map(add, accumulate(map(len, texts), initial=0), range(0, 2 * len(texts), 2)))
    joined = "\n\n".join(texts)
    chosen: set[int] = set()
    for pattern in patterns:
        chosen.update(matching_paragraphs(pattern, joined, starts, texts))
    if len(chosen) == len(texts):
        return texts
    return [texts[index] for index in sorted(chosen)]


def matching_paragraphs(pattern: re.Pattern[str], text: str, starts: Sequence[int], bodies: Sequence[str]) -> list[int]:
    """The paragraphs (by index, in order) of ``text`` where ``pattern`` matches, each paragraph
    given by its start and its text, with one search of ``text`` run on from paragraph to paragraph.

    Every paragraph where it matches on its own is among them (as ``needed_pattern`` asks of the
    pattern). A match that starts in one paragraph and runs on into the next may name a paragraph
    where it does not match on its own: reading that one too changes nothing. Where most paragraphs
    match, the rest are searched one by one in C instead, which costs less than a step of the loop
    for each.
    """
    found: list[int] = []
    search = pattern.search
    match = search(text)
    while match is not None:
        index = bisect.bisect_right(starts, match.start()) - 1
        after = index + 1
        if index >= 0 and match.start() < starts[index] + len(bodies[index]):
            found.append(index)
            if len(found) % _DENSE_AFTER == 0 and len(found) * 2 > after:
                found.extend(compress(range(after, len(bodies)), map(search, islice(bodies, after, None))))
                break
        if after == len(starts):
            break
        # A match in this paragraph is enough; the next may have one of its own.
        match = search(text, starts[after])
    return found


class Story:
    """The whole text of one story, with its paragraphs and a line index."""

    def __init__(self, text: str, memo: ParagraphMemo | None = None) -> None:
        self.text = text
        self._memo = memo or ParagraphMemo(0)
        self._derived: dict = {}
        self._per_paragraph: dict[Callable, list] = {}

    def derived(self, build):
        """``build(self)`` once per story, so that rules reading the story the same way share it."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return split_paragraphs(self.text)

    def per_paragraph(self, build: Callable[[str, Any], Result], style: Any) -> list[Result]:
        """``build(paragraph_text, style)`` for each paragraph, from the memo where the story has one.

        ``build`` must read nothing but the paragraph's text and the style. Rules that read
        paragraphs the same way share the one list, which none may change. A reading marked with
        ``needing`` is given its ``nothing`` for the paragraphs where what it needs is not found.
        """
        if build not in self._per_paragraph:
            needs = needed_pattern(getattr(build, "needs", None), style)
            patterns = () if needs is None else (needs,)
            nothing = getattr(build, "nothing", None)
            indexes = self.paragraphs_needed(build, patterns)
            if indexes is None:
                results = self._memo.results(build, self.paragraph_texts, style, patterns, nothing)
            else:
                results = [nothing] * len(self.paragraphs)
                texts = self.paragraph_texts
                read = self._memo.results(build, [texts[index] for index in indexes], style)
                for index, result in zip(indexes, read):
                    results[index] = result
            self._per_paragraph[build] = results
        return self._per_paragraph[build]

    def paragraphs_needed(self, build: Callable, needs: Sequence[re.Pattern[str]]) -> list[int] | None:
        """The paragraphs (by index, in order) where one of the patterns ``build`` needs matches,
        found with one search of the story for each; or None where the memo should sort them out
        (``ParagraphMemo.results`` with ``needs``): the check before read with ``build``, and
        after an edit all but a paragraph or two are in the memo (the paragraphs a first search
        passed over are kept with their nothing by the second check); the story repeats its
        paragraphs so much that searching each distinct text once costs less than the story; or
        its paragraphs are not short on the whole."""
        if not needs or self._memo.read_before(build) or self._repeats_paragraphs:
            return None
        if len(self.text) >= SHORT_PARAGRAPH * len(self.paragraphs):
            return None  # paragraphs long on the whole: the memo searches only the short ones
        indexes: set[int] = set()
        for pattern in needs:
            indexes.update(self.paragraphs_matching(pattern))
        return sorted(indexes)

    @cached_property
    def _repeats_paragraphs(self) -> bool:
        """Whether its distinct paragraphs come to less than half its text (a table of rows alike)."""
        return sum(map(len, dict.fromkeys(self.paragraph_texts))) * 2 < len(self.text)

    def paragraphs_matching(self, pattern: re.Pattern[str]) -> list[int]:
        """The paragraphs (by index, in order) where ``pattern`` may match (see ``matching_paragraphs``)."""
        return matching_paragraphs(pattern, self.text, self._paragraph_starts, self.paragraph_texts)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [paragraph.start for paragraph in self.paragraphs]

    @cached_property
    def paragraph_texts(self) -> list[str]:
        return [paragraph.text for paragraph in self.paragraphs]

    def found_per_paragraph(self, build: Callable[[str, Any], Result], style: Any) -> Iterator[tuple[Paragraph, Result]]:
        """Each paragraph where ``per_paragraph(build, style)`` found anything, with what it found.

        The paragraphs with nothing are passed over in C: a hostile story has hundreds of thousands.
        """
        found = self.per_paragraph(build, style)
        return compress(zip(self.paragraphs, found), found)

    def weighed_paragraphs(
        self, build: Callable[[str, Any], tuple], style: Any, rule: str
    ) -> Iterator[tuple[Paragraph, tuple, Issue | None]]:
        """For each paragraph where ``build`` finds places (reading them with ``first_places``): the
        paragraph, the places ``rule`` weighs (offsets into the paragraph), and a notice where it
        left some unread, or None.

        Paragraphs with no places are passed over: a story of many short ones is read in linear time.
        """
        for paragraph, places in self.found_per_paragraph(build, style):
            read, left = weighed(places, paragraph.text)
            notice = None
            if left is not None:
                notice = places_notice(paragraph.start + left.start, paragraph.start + left.end, rule)
            yield paragraph, read, notice

    def found_in_paragraphs(self, build: Callable[[str, Any], tuple], style: Any, rule: str) -> tuple[list, list[Issue]]:
        """What ``build`` finds in each paragraph (as ``weighed_paragraphs``), moved to offsets into
        the story, and the notices. Each finding has ``start``, ``end`` and a ``shifted(offset)``
        method, as an ``Issue`` has."""
        found, notices = [], []
        for paragraph, read, notice in self.weighed_paragraphs(build, style, rule):
            found.extend(place.shifted(paragraph.start) for place in read)
            if notice is not None:
                notices.append(notice)
        return found, notices

    @cached_property
    def headline(self) -> Paragraph | None:
        """The first paragraph where it is a headline: one line, not ended by a sentence's mark."""
        if not self.paragraphs:
            return None
        first = self.paragraphs[0]
        if _LINE_BREAK.search(first.text) or _SENTENCE_END.search(first.text):
            return None
        return first

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [match.end() for match in _LINE_BREAK.finditer(self.text)]

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def shown_at(self, start: int, end: int) -> tuple[int, int]:
        """The line and column where the span from ``start`` to ``end`` is seen: its first character
        that is not a line break. A span may start with line breaks that its fix deletes (a web-page
        leftover's starts at the end of the line above it), and an editor looks for the words."""
        seen = start
        while seen < end and self.text[seen] in "\r\n":
            seen += 1
        return self.line_column(seen if seen < end else start)
