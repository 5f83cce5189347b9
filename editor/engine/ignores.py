"""What the editor has chosen not to see: single issues, rules for a story, dictionary words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.engine.issues import Issue

_WORD_BEFORE = re.compile(r"(?:\S+\s+)?$")
_WORD_AFTER = re.compile(r"(?:\s+\S+)?")


# An ignored occurrence: its rule, the word before it, its text and the word after it.
OccurrenceKey = tuple[str, str, str, str]


def occurrence_key(issue: Issue, text: str) -> OccurrenceKey:
    """Names one occurrence by its rule, its text and the word either side, so it survives edits elsewhere."""
    before = _WORD_BEFORE.search(text, max(0, issue.start - 60), issue.start).group()
    after = _WORD_AFTER.match(text, issue.end, issue.end + 60).group()
    return issue.rule, before, text[issue.start : issue.end], after


@dataclass
class Ignores:
    rules: set[str] = field(default_factory=set)
    # Each occurrence ignored, with the message it had, to list it.
    occurrences: dict[OccurrenceKey, str] = field(default_factory=dict)
    dictionary: set[str] = field(default_factory=set)

    def ignore(self, issue: Issue, text: str) -> None:
        self.occurrences[occurrence_key(issue, text)] = issue.message

    def visible(self, issues: list[Issue], text: str) -> list[Issue]:
        # Runs on the UI thread after every check: the costly occurrence key
        # is built only when something was ignored one by one.
        if not (self.rules or self.occurrences or self.dictionary):
            return issues
        return [
            issue
            for issue in issues
            if issue.rule not in self.rules
            and not (issue.category == "spelling" and text[issue.start : issue.end] in self.dictionary)
            and not (self.occurrences and occurrence_key(issue, text) in self.occurrences)
        ]
