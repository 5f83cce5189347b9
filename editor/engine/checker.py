"""Runs the registered rules over a story under one house style.

Paragraph rules' results are kept by paragraph text, so re-checking a story
after an edit only runs them on the paragraphs that changed. Story rules see
the whole story each time, since one changed word can change which form is the
majority, but may keep what they read from each paragraph in the same memo
(``Story.per_paragraph``) and redo only the decisions across paragraphs.

Text dense with what the rules look at (a million quote marks, a table of
stops) would yield an issue for nearly every character: no one reads those, and
making them is what would take the time. So a paragraph and a story each have
an issue limit (``issue_limit``): each rule stops once past it, the first that
many issues are kept, and one more issue (rule ``issue-limit``) says where the
rest begin.

Each rule runs by itself: a rule that raises becomes a ``RuleFailure`` in
the result, and every other rule's issues are still there. A house style
that breaks one rule must not make every story look clean.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import compress, islice, repeat
from operator import is_not

from editor.engine.issues import (
    MIN_PARAGRAPH_LIMIT,
    MIN_STORY_LIMIT,
    Issue,
    RuleError,
    RuleFailure,
    issue_limit,
    limit_notice,
)
from editor.engine.rule import ParagraphRule, Rule, StoryRule
from editor.engine.story import SHORT_PARAGRAPH, Paragraph, ParagraphMemo, Story, needed_pattern
from editor.engine.style import HouseStyle, builtin_style, DEFAULT_STYLE

# Results kept from one check to the next, a few per paragraph: enough for the
# longest story the window opens (1 MB); a longer file is checked once through.
KEPT_RESULTS = 100_000
# Paragraphs read together (see ``ParagraphMemo.results``); the most read past the story's issue limit.
PIECE = 1_000
# What a paragraph with no issues and no failures gives.
_NOTHING: tuple[tuple[Issue, ...], tuple[RuleFailure, ...]] = ((), ())


@dataclass(frozen=True)
class CheckResult:
    """The issues of one text in text order, the rules that failed on it (one record per
    rule), and its paragraphs, as the rules read them."""

    issues: list[Issue]
    failures: tuple[RuleFailure, ...]
    paragraphs: list[Paragraph]


class Checker:
    """Checks stories under one house style; keep one per style to reuse its cache."""

    def __init__(self, style: HouseStyle | None = None, rules: tuple[Rule, ...] | None = None) -> None:
        from editor.rules import all_rules

        self.style = style or builtin_style(DEFAULT_STYLE)
        chosen = all_rules() if rules is None else rules
        active = [rule for rule in chosen if rule.id not in self.style.disabled_rules]
        # Each paragraph rule with the pattern it needs in a paragraph (None: no pattern), made
        # for the first story of many paragraphs (``_use_needs``).
        self._paragraph_rules = [(rule, None) for rule in active if isinstance(rule, ParagraphRule)]
        # A paragraph none of these match has no paragraph issues; empty: every paragraph is read.
        self._paragraph_needs: tuple[re.Pattern[str], ...] = ()
        self._needs_made = False
        self._needs_failures: list[RuleFailure] = []
        self._story_rules = [rule for rule in active if isinstance(rule, StoryRule)]
        self._memo = ParagraphMemo(KEPT_RESULTS)
        # The last check's paragraph issues in place, by paragraph offset and text.
        self._placed: dict[tuple[int, str], tuple[Issue, ...]] = {}

    def run(self, text: str) -> CheckResult:
        """Every rule over ``text``; a rule that raises is reported, not fatal."""
        with _collector_paused():
            return self._run(text)

    def check(self, text: str) -> list[Issue]:
        """All issues in ``text``; ``RuleError`` if a rule raised."""
        result = self.run(text)
        if result.failures:
            raise RuleError(result.failures[0]) from result.failures[0].error
        return result.issues

    def _run(self, text: str) -> CheckResult:
        self._memo.next_check()
        story = Story(text, self._memo)
        limit = issue_limit(text, MIN_STORY_LIMIT)
        issues: list[Issue] = []
        failures: dict[str, RuleFailure] = {}
        placed = {}
        if not self._needs_made and len(story.paragraphs) >= PIECE:
            self._use_needs()
        for failure in self._needs_failures:
            failures.setdefault(failure.rule, failure)
        paragraphs, texts, needs = story.paragraphs, story.paragraph_texts, self._paragraph_needs
        indexes = story.paragraphs_needed(self._paragraph_issues, needs)
        if indexes is not None:
            paragraphs, texts, needs = [paragraphs[index] for index in indexes], [texts[index] for index in indexes], ()
        for first in range(0, len(paragraphs), PIECE):
            piece = paragraphs[first : first + PIECE]
            if len(issues) > limit:
                break
            results = self._memo.results(self._paragraph_issues, texts[first : first + PIECE], self.style, needs, _NOTHING)
            # The paragraphs with nothing are passed over in C: a hostile story has hundreds of thousands.
            for paragraph, (found, failed) in compress(zip(piece, results), map(is_not, results, repeat(_NOTHING))):
                if len(issues) > limit:
                    break  # the paragraphs after these hold none of the story's first ``limit`` issues
                for failure in failed:
                    failures.setdefault(failure.rule, failure)
                if not found:
                    continue
                key = (paragraph.start, paragraph.text)
                # An edit moves only the paragraphs after it; the others' issues are where they were.
                shifted = self._placed.get(key)
                if shifted is None:
                    shifted = tuple(issue.shifted(paragraph.start) for issue in found)
                if len(placed) < KEPT_RESULTS:
                    placed[key] = shifted
                issues.extend(shifted)
        self._placed = placed
        for rule in self._story_rules:
            try:
                issues.extend(list(islice(rule.find(story, self.style), limit + 1)))
            except Exception as error:  # noqa: BLE001 - reported as the rule's failure
                failures.setdefault(rule.id, RuleFailure.of(rule.id, error))
        return CheckResult(_first(issues, limit, "story"), tuple(failures.values()), story.paragraphs)

    def _use_needs(self) -> None:
        """Makes what each paragraph rule needs, to pass over the paragraphs without it. Only a
        story of many paragraphs gains by it, and making the patterns takes a start of
        ``copydesk check`` some 50 ms (the other locale's spellings are a thousand words).

        Where making a rule's pattern raises, the rule reads every paragraph and the error is
        reported with each check as the rule's failure."""
        made = []
        for rule, _ in self._paragraph_rules:
            try:
                made.append((rule, needed_pattern(rule.needs, self.style)))
            except Exception as error:  # noqa: BLE001 - reported as the rule's failure
                self._needs_failures.append(RuleFailure.of(rule.id, error))
                made.append((rule, None))
        self._paragraph_rules = made
        needs = [needs for _, needs in made]
        self._paragraph_needs = () if None in needs else tuple(needs)
        self._needs_made = True

    def _paragraph_issues(self, text: str, style: HouseStyle) -> tuple[tuple[Issue, ...], tuple[RuleFailure, ...]]:
        limit = issue_limit(text, MIN_PARAGRAPH_LIMIT)
        found: list[Issue] = []
        failures = []
        # A short paragraph may lack what a rule needs; a long one is read by each rule at once,
        # since a search through it costs about what the rule's own reading does.
        short = len(text) < SHORT_PARAGRAPH
        for rule, needs in self._paragraph_rules:
            if short and needs is not None and needs.search(text) is None:
                continue
            try:
                found.extend(islice(rule.find(text, style), limit + 1))
            except Exception as error:  # noqa: BLE001 - reported as the rule's failure
                failures.append(RuleFailure.of(rule.id, error))
        if not found and not failures:
            return _NOTHING
        return tuple(_first(found, limit, "paragraph")), tuple(failures)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the length of a check, as it was before after it.

    A check makes an object or more per issue, quote mark and paragraph, none of
    them in cycles; on a text of a million of them the collector, woken every 700
    objects, took a third of the time to find nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _first(issues: list[Issue], limit: int, where: str) -> list[Issue]:
    """The first ``limit`` of ``issues`` in text order, and a notice where the rest begin if there are more."""
    issues.sort(key=Issue.sort_key)
    if len(issues) <= limit:
        return issues
    first_left_out = issues[limit]
    message = f"More than {limit:,} issues in this {where}; showing the first {limit:,}"
    return issues[:limit] + [limit_notice(first_left_out.start, first_left_out.end, message)]


def check(text: str, style: HouseStyle | None = None) -> list[Issue]:
    """All issues in ``text`` under ``style`` (the default house style if none)."""
    return Checker(style).check(text)
