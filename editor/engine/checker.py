"""Runs the registered rules over a story under one house style.

Paragraph rules are cached by paragraph text, so re-checking a story after an
edit only runs them on the paragraphs that changed; story rules always see the
whole story, since one changed word can change which form is the majority.
"""

from __future__ import annotations

from collections import OrderedDict

from editor.engine.issues import Issue
from editor.engine.rule import PARAGRAPH, Rule
from editor.engine.story import Story
from editor.engine.style import HouseStyle, builtin_style, DEFAULT_STYLE

PARAGRAPH_CACHE_SIZE = 20_000


class Checker:
    """Checks stories under one house style; keep one per style to reuse its cache."""

    def __init__(self, style: HouseStyle | None = None, rules: tuple[Rule, ...] | None = None) -> None:
        from editor.rules import all_rules

        self.style = style or builtin_style(DEFAULT_STYLE)
        chosen = all_rules() if rules is None else rules
        active = [rule for rule in chosen if rule.id not in self.style.disabled_rules]
        self._paragraph_rules = [rule for rule in active if rule.scope == PARAGRAPH]
        self._story_rules = [rule for rule in active if rule.scope != PARAGRAPH]
        self._paragraph_cache: OrderedDict[str, tuple[Issue, ...]] = OrderedDict()

    def check(self, text: str) -> list[Issue]:
        story = Story(text)
        issues: list[Issue] = []
        for paragraph in story.paragraphs:
            issues.extend(issue.shifted(paragraph.start) for issue in self._check_paragraph(paragraph.text))
        for rule in self._story_rules:
            issues.extend(rule.find(story, self.style))
        issues.sort(key=Issue.sort_key)
        return issues

    def _check_paragraph(self, text: str) -> tuple[Issue, ...]:
        cached = self._paragraph_cache.get(text)
        if cached is not None:
            self._paragraph_cache.move_to_end(text)
            return cached
        found = tuple(issue for rule in self._paragraph_rules for issue in rule.find(text, self.style))
        self._paragraph_cache[text] = found
        if len(self._paragraph_cache) > PARAGRAPH_CACHE_SIZE:
            self._paragraph_cache.popitem(last=False)
        return found


def check(text: str, style: HouseStyle | None = None) -> list[Issue]:
    """All issues in ``text`` under ``style`` (the default house style if none)."""
    return Checker(style).check(text)
