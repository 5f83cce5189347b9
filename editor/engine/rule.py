"""The shape every rule module fills in; the registry in ``editor.rules`` collects them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from editor.engine.issues import CATEGORIES, SEVERITIES, Issue

if TYPE_CHECKING:
    from editor.engine.story import Needs, Story
    from editor.engine.style import HouseStyle


@dataclass(frozen=True)
class Rule:
    """One check; a rule module defines a ``ParagraphRule`` or a ``StoryRule`` as ``RULE``.

    ``find`` yields issues made with ``issue``. ``must_flag`` and
    ``must_pass`` are example texts, checked under the default house style by
    the test suite.
    """

    id: str
    category: str
    severity: str
    find: Callable[[Any, HouseStyle], Iterable[Issue]]
    doc: str
    must_flag: tuple[str, ...] = field(default=())
    must_pass: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if type(self) is Rule:
            raise TypeError(f"rule {self.id}: define a ParagraphRule or a StoryRule")
        if self.category not in CATEGORIES:
            raise ValueError(f"rule {self.id}: unknown category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"rule {self.id}: unknown severity {self.severity!r}")

    def issue(
        self,
        start: int,
        end: int,
        message: str,
        explanation: str = "",
        replacements: Iterable[str] = (),
        group: str | None = None,
    ) -> Issue:
        return Issue(
            rule=self.id,
            category=self.category,
            severity=self.severity,
            start=start,
            end=end,
            message=message,
            explanation=explanation,
            replacements=tuple(replacements),
            group=group,
        )


@dataclass(frozen=True)
class ParagraphRule(Rule):
    """A rule that reads one paragraph at a time: ``find(paragraph_text, style)``.

    Offsets are relative to the paragraph. Since the rule sees nothing else,
    its results are kept by paragraph text and a re-check after an edit runs it
    only on the paragraphs that changed. ``needs``, if given, matches in every
    paragraph where the rule could flag anything (see ``needed_pattern``); the
    checker does not run the rule on the others.
    """

    find: Callable[[str, HouseStyle], Iterable[Issue]]
    needs: Needs = None


@dataclass(frozen=True)
class StoryRule(Rule):
    """A rule that needs the whole story (consistency, quotes that run on): ``find(story, style)``.

    Offsets are into ``story.text``. What it reads from each paragraph it may
    keep with ``story.per_paragraph``, redoing only the decisions across them.
    """

    find: Callable[[Story, HouseStyle], Iterable[Issue]]


def pattern_issues(
    rule: Rule,
    pattern: re.Pattern[str],
    text: str,
    message: str,
    explanation: str,
    fix: Callable[[re.Match[str]], str],
) -> Iterator[Issue]:
    """An issue for every match of ``pattern``, fixed by ``fix(match)``: the shape of most damage rules.

    The fixes are safe one by one, so they share the rule's id as their "fix all" group.
    """
    for match in pattern.finditer(text):
        yield rule.issue(match.start(), match.end(), message, explanation, [fix(match)], group=rule.id)
