"""The shape every rule module fills in; the registry in ``editor.rules`` collects them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editor.engine.issues import CATEGORIES, SEVERITIES, Issue

if TYPE_CHECKING:
    from editor.engine.story import Story
    from editor.engine.style import HouseStyle

# A paragraph rule sees one paragraph at a time, so its results can be cached
# by paragraph text; a story rule needs the whole story (consistency, quotes
# that run on into the next paragraph).
PARAGRAPH = "paragraph"
STORY = "story"


@dataclass(frozen=True)
class Rule:
    """One check.

    ``find`` takes ``(paragraph_text, style)`` for a paragraph rule, with
    offsets relative to the paragraph, or ``(story, style)`` for a story rule,
    and yields issues made with ``issue``. ``must_flag`` and ``must_pass`` are
    example texts, checked under the default house style by the test suite.
    """

    id: str
    category: str
    severity: str
    scope: str
    find: Callable[..., Iterable[Issue]]
    doc: str
    must_flag: tuple[str, ...] = field(default=())
    must_pass: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"rule {self.id}: unknown category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"rule {self.id}: unknown severity {self.severity!r}")
        if self.scope not in (PARAGRAPH, STORY):
            raise ValueError(f"rule {self.id}: unknown scope {self.scope!r}")

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
