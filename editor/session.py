"""One open story's checking, without Qt and without threads.

A ``CheckSession`` holds what checking one story needs from one check to the
next: the house style's ``Checker`` (and its paragraph memo), LanguageTool's
last answer (carried over to the paragraphs it still fits and merged with the
built-in issues), what the editor chose to ignore, and which failures were
already logged. ``check(revision, text)`` returns a ``Checked``: the issues,
the rules that failed, and, given what the window shows now (``Shown``), the
``Changes`` that turn it into the new result: which underlines stay (their
text was not touched, so Qt's cursors still hold them), which are new, and
which panel rows changed. The window applies only those, so the work done for
each issue happens here, off the UI thread.

``copydesk check`` uses the same session for what it shares with the window
(rules, LanguageTool's merge, the dictionary, failures); it shows nothing, so
it asks for no changes.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from editor.engine import Checker, HouseStyle
from editor.engine.ignores import Ignores, OccurrenceKey
from editor.engine.issues import Issue, RuleFailure
from editor.engine.sequences import shared_ends
from editor.engine.story import Paragraph, Story
from editor.engine.utf16 import Utf16Offsets
from editor.grammar.adapter import merge_issues
from editor.grammar.paragraphs import IssuesByParagraph
from editor.review import CONTEXT_REACH, Card, card_of

_log = logging.getLogger(__name__)

# The names failures carry where no rule of the registry failed.
LANGUAGETOOL = "languagetool"
MERGE = "languagetool-merge"

# Unicode's paragraph separator: what Qt's raw text has between blocks where the story has a
# line break, and what some word processors write between paragraphs.
PARAGRAPH_SEPARATOR = "\u2029"
# A panel row is an issue's card.
Row = Card


@dataclass(frozen=True)
class Shown:
    """What the window shows: the text its underlines were drawn on (Qt's cursors have followed
    every edit since), the issues underlined, in order, and the panel's rows by category."""

    text: str = ""
    issues: tuple[Issue, ...] = ()
    rows: Mapping[str, tuple[Row, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Edited:
    """Where the text changed since it was shown, in UTF-16 units as Qt counts: nothing before
    ``start``, and nothing in the last ``unchanged_end`` units."""

    start: int
    unchanged_end: int


@dataclass(frozen=True)
class Placed:
    """Where a new underline goes: its span in UTF-16 units, and its text as Qt reads it."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class RowChange:
    """In the panel's rows of ``category`` (none if it is new), ``rows`` replace those from
    ``first`` to ``last``; a category with no rows left goes."""

    category: str
    first: int
    last: int
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Changes:
    """What turns the window's ``Shown`` into a new result.

    ``sources[i]`` is the index of the shown issue whose underline the new
    issue ``i`` takes over, or -1; ``placed[i]`` says where to draw a new one.
    ``removed`` shown underlines have no successor.
    """

    sources: tuple[int, ...]
    placed: Mapping[int, Placed]
    removed: int
    rows: tuple[RowChange, ...]
    # What they were worked out against: the window's issues and rows at the time.
    base: tuple[Issue, ...] = field(default=(), compare=False, repr=False)
    base_rows: Mapping[str, tuple[Row, ...]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def underlines_changed(self) -> bool:
        return bool(self.placed) or self.removed > 0


@dataclass(frozen=True)
class Checked:
    """One check of one revision of the story."""

    revision: int
    text: str
    issues: tuple[Issue, ...]
    failures: tuple[RuleFailure, ...]
    # What the window needs, when it said what it shows:
    changes: Changes | None = None
    rows: Mapping[str, tuple[Row, ...]] = field(default_factory=dict)
    by_category: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    words: int = 0
    # Whether LanguageTool's answer is for this very text (else it is to be asked again).
    grammar_answered: bool = False
    # How many issues each fix-all group can fix.
    group_sizes: Mapping[str, int] = field(default_factory=dict)
    # What the editor ignored in this story, to list and restore: single issues (by their
    # occurrence key, with their message), then whole rules.
    ignored: tuple[tuple[OccurrenceKey, str], ...] = ()
    ignored_rules: tuple[str, ...] = ()

    def shown(self) -> Shown:
        return Shown(self.text, self.issues, self.rows)


class CheckSession:
    """Checks one story, revision after revision; use it from one thread at a time."""

    def __init__(self, style: HouseStyle, dictionary: set[str] | None = None) -> None:
        self.ignores = Ignores(dictionary=set(dictionary or ()))
        self._checker = Checker(style)
        self._answer = IssuesByParagraph()
        self._answered_text: str | None = None
        self._grammar_failure: RuleFailure | None = None
        # LanguageTool's issues in place, by paragraph offset and text, from the last check.
        self._placed_grammar: dict[tuple[int, str], list[Issue]] = {}
        self._logged: set[RuleFailure] = set()
        self._view = _WindowView()

    @property
    def style(self) -> HouseStyle:
        return self._checker.style

    def set_style(self, style: HouseStyle) -> None:
        """Checks under ``style`` from now on; LanguageTool's answer was for the old one."""
        self._checker = Checker(style)
        self.forget_grammar()

    # ------------------------------------------------------------ LanguageTool

    def take_grammar(self, text: str, answer: IssuesByParagraph) -> None:
        """LanguageTool's answer for ``text``: shown on the paragraphs it still fits from now on."""
        self._answer, self._answered_text = answer, text
        self._placed_grammar = {}
        self._grammar_failure = None

    def grammar_failed(self, failure: RuleFailure) -> None:
        """LanguageTool's adapter raised: reported with every check until the next answer."""
        self._grammar_failure = failure

    def forget_grammar(self) -> None:
        self.take_grammar("", IssuesByParagraph())
        self._answered_text = None

    # ------------------------------------------------------------ what the editor ignores

    def ignore(self, issue: Issue, text: str) -> None:
        self.ignores.ignore(issue, text)

    def ignore_rule(self, rule: str) -> None:
        self.ignores.rules.add(rule)

    def restore(self, key: OccurrenceKey) -> None:
        """Shows an issue ignored with ``ignore`` again."""
        self.ignores.occurrences.pop(key, None)

    def restore_rule(self, rule: str) -> None:
        self.ignores.rules.discard(rule)

    def add_word(self, word: str) -> None:
        self.ignores.dictionary.add(word)

    def new_story(self) -> None:
        """Another story in the window: what was ignored in this one no longer holds."""
        self.ignores.rules.clear()
        self.ignores.occurrences.clear()

    # ------------------------------------------------------------ checking

    def check(self, revision: int, text: str, shown: Shown | None = None, edited: Edited | None = None) -> Checked:
        """The issues of ``text``; with ``shown``, also what changes in the window (``edited``
        says where the text changed since, else the two texts are compared)."""
        result = self._checker.run(text)
        failures = list(result.failures)
        issues = result.issues
        grammar = self._grammar_in(result.paragraphs)
        if grammar:
            try:
                issues = merge_issues(issues, grammar)
            except Exception as error:  # noqa: BLE001 - reported; the built-in issues still stand
                failures.append(RuleFailure.of(MERGE, error))
        if self._grammar_failure is not None:
            failures.append(self._grammar_failure)
        visible = tuple(self.ignores.visible(issues, text))
        self._log_new(failures)
        checked = Checked(
            revision,
            text,
            visible,
            tuple(failures),
            grammar_answered=text == self._answered_text,
            ignored=tuple(self.ignores.occurrences.items()),
            ignored_rules=tuple(sorted(self.ignores.rules)),
        )
        if shown is None:
            return checked
        return self._view.changes(checked, result.paragraphs, shown, edited)

    def _grammar_in(self, paragraphs: list[Paragraph]) -> list[Issue]:
        """LanguageTool's issues on the paragraphs it has seen as they are now; the ones that
        did not move keep their issues from the last check."""
        if self._answered_text is None:
            return []
        placed: dict[tuple[int, str], list[Issue]] = {}
        issues: list[Issue] = []
        for paragraph in paragraphs:
            key = (paragraph.start, paragraph.text)
            found = self._placed_grammar.get(key)
            if found is None:
                found = [issue.shifted(paragraph.start) for issue in self._answer.of_paragraph(paragraph.text)]
            if found:
                placed[key] = found
                issues.extend(found)
        self._placed_grammar = placed
        return issues

    def _log_new(self, failures: list[RuleFailure]) -> None:
        """Logs each failure once, with its traceback, while it lasts; a failure that went and
        came back is logged again."""
        for failure in failures:
            if failure not in self._logged:
                _log.error("checking failed in %s: %s", failure.rule, failure.reason, exc_info=failure.error)
        self._logged = set(failures)


# ------------------------------------------------------------ what changes in the window


class _WindowView:
    """What the window shows of a check besides the issues: where underlines go, the panel's rows,
    the word count. Rows and word counts are kept from the last check and reused where the
    text they were made from did not change, so a keystroke costs the rows around it only."""

    def __init__(self) -> None:
        self._rows_text = ""
        self._rows: dict[tuple, Row] = {}
        self._words: dict[str, int] = {}

    def changes(self, checked: Checked, paragraphs: list[Paragraph], shown: Shown, edited: Edited | None) -> Checked:
        text = checked.text
        offsets = Utf16Offsets(text)
        start, unchanged_end = _unchanged_ends(shown.text, text, edited, offsets)
        sources, removed = _underline_sources(shown.issues, len(shown.text), checked.issues, len(text), start, unchanged_end)
        placed = {
            index: Placed(
                offsets.to_utf16(issue.start),
                offsets.to_utf16(issue.end),
                text[issue.start : issue.end].replace("\n", PARAGRAPH_SEPARATOR),
            )
            for index, (issue, source) in enumerate(zip(checked.issues, sources))
            if source < 0
        }
        by_category: dict[str, list[int]] = {}
        for index, issue in enumerate(checked.issues):
            by_category.setdefault(issue.category, []).append(index)
        all_rows = self._all_rows(checked.issues, text)
        rows = {
            category: tuple(all_rows[index] for index in indices) for category, indices in sorted(by_category.items())
        }
        group_sizes: dict[str, int] = {}
        for issue in checked.issues:
            if issue.group is not None and issue.replacements:
                group_sizes[issue.group] = group_sizes.get(issue.group, 0) + 1
        return replace(
            checked,
            changes=Changes(tuple(sources), placed, removed, row_changes(shown.rows, rows), shown.issues, shown.rows),
            rows=rows,
            by_category={category: tuple(indices) for category, indices in by_category.items()},
            words=self._count_words(paragraphs),
            group_sizes=group_sizes,
        )

    def _all_rows(self, issues: tuple[Issue, ...], text: str) -> list[Row]:
        """Each issue's row; a row whose snippet lies where the text did not change since the last
        check is the row made then (its line moved by the lines added or taken away before it)."""
        old = self._rows_text
        same_start, same_end = _unchanged_ends(old, text, None, None)
        changed_end = len(text) - same_end
        shift = len(text) - len(old)
        # A CR LF cut in two by the edit would throw the count out; a window's text has no CR anyway.
        lines_shift = None if "\r" in text or "\r" in old else text.count("\n", same_start, changed_end) - old.count(
            "\n", same_start, len(old) - same_end
        )
        story = Story(text)
        rows: list[Row] = []
        kept: dict[tuple, Row] = {}
        for issue in issues:
            key = (issue.start, issue.end, issue.rule, issue.message, issue.replacements, issue.group)
            row = None
            if issue.end + CONTEXT_REACH <= same_start:
                row = self._rows.get(key)
            elif issue.start - CONTEXT_REACH >= changed_end and lines_shift is not None:
                before = self._rows.get((issue.start - shift, issue.end - shift, *key[2:]))
                row = None if before is None else replace(before, line=before.line + lines_shift)
            if row is None or row.explanation != issue.explanation:
                row = card_of(issue, text, story.shown_at(issue.start, issue.end)[0])
            rows.append(row)
            kept[key] = row
        self._rows_text, self._rows = text, kept
        return rows

    def _count_words(self, paragraphs: list[Paragraph]) -> int:
        words = {paragraph.text: self._words.get(paragraph.text) for paragraph in paragraphs}
        for paragraph_text, count in words.items():
            if count is None:
                words[paragraph_text] = len(paragraph_text.split())
        self._words = words
        return sum(words[paragraph.text] for paragraph in paragraphs)


def _unchanged_ends(old: str, new: str, edited: Edited | None, offsets: Utf16Offsets | None) -> tuple[int, int]:
    """How many code points at the start of ``new``, then at its end, no edit touched."""
    if edited is None:
        same_start = _common_prefix(old, new)
        limit = min(len(old), len(new)) - same_start
        return same_start, _common_prefix(old[::-1], new[::-1], limit)
    start = offsets.from_utf16(edited.start)
    units = offsets.to_utf16(len(new))
    end = offsets.from_utf16(max(edited.start, units - edited.unchanged_end))
    return start, len(new) - end


def _common_prefix(a: str, b: str, limit: int | None = None) -> int:
    """The length of the longest common start of ``a`` and ``b`` (at most ``limit``), by halving."""
    low, high = 0, min(len(a), len(b), len(a) if limit is None else limit)
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _underline_sources(
    shown: tuple[Issue, ...], shown_length: int, issues: tuple[Issue, ...], length: int, start: int, unchanged_end: int
) -> tuple[list[int], int]:
    """For each of ``issues``, the shown issue whose underline it takes over (-1 for none), and
    how many shown underlines have no successor.

    An underline is taken over where the new issue covers the same text with the same colour:
    text before the first edit, or after the last, which Qt's cursors followed (an underline
    ending where text was typed grew with it, so it is not kept). Both lists are in text order,
    so one walk through them pairs them.
    """
    shift = length - shown_length
    first_after = shown_length - unchanged_end
    sources = [-1] * len(issues)
    kept = 0
    old_index = 0
    for new_index, issue in enumerate(issues):
        while old_index < len(shown):
            old = shown[old_index]
            if old.end < start:
                span = (old.start, old.end)
            elif old.start >= first_after:
                span = (old.start + shift, old.end + shift)
            else:
                old_index += 1  # its text was edited
                continue
            if span < (issue.start, issue.end) or (span == (issue.start, issue.end) and old.rule < issue.rule):
                old_index += 1
                continue
            if span == (issue.start, issue.end) and old.category == issue.category:
                sources[new_index] = old_index
                kept += 1
                old_index += 1
            break
    return sources, len(shown) - kept


def row_changes(shown: Mapping[str, tuple[Row, ...]], rows: Mapping[str, tuple[Row, ...]]) -> tuple[RowChange, ...]:
    """What turns the panel's ``shown`` rows into ``rows``: per category, the rows between the
    ones the two share at the start and at the end."""
    changes = [RowChange(category, 0, len(old), ()) for category, old in shown.items() if category not in rows]
    for category, new in rows.items():
        old = shown.get(category, ())
        if old is new:
            continue
        same_start, same_end = shared_ends(old, new)
        if same_start == len(old) == len(new):
            continue
        changes.append(RowChange(category, same_start, len(old) - same_end, new[same_start : len(new) - same_end]))
    return tuple(changes)
