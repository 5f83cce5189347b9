"""What the engine reports: one ``Issue`` per problem found in a story."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice
from typing import TypeVar

Found = TypeVar("Found")

CATEGORIES = ("consistency", "typo", "punctuation", "quotes", "style", "grammar", "spelling")
SEVERITIES = ("error", "warning", "info")
# The rule id of a notice that issues were left out: too many to show, or text no rule could read as copy.
LIMIT_RULE = "issue-limit"
# One issue in every 40 characters is far more than copy has (real copy has one in several
# hundred; the tests' file of a doubled word on every line one in 47); a short text may have more.
CHARACTERS_PER_ISSUE = 40
MIN_PARAGRAPH_LIMIT = 100
MIN_STORY_LIMIT = 1_000


def issue_limit(text: str, least: int) -> int:
    """How many issues a paragraph or story of ``text`` shows at most: ``least``, or more in a long one."""
    return max(least, len(text) // CHARACTERS_PER_ISSUE)


def first_places(places: Iterable[Found], paragraph: str) -> tuple[Found, ...]:
    """The places a story rule weighs in ``paragraph``: its first ``issue_limit``, and one more if
    there are more (``weighed`` tells them apart).

    A rule that counts forms across the story before it decides reads every
    place it counts, not only those it flags. A paragraph denser with them than
    it may have issues is no copy (a table, a dump, a hostile file), and reading
    them all is what would take the time.
    """
    return tuple(islice(places, issue_limit(paragraph, MIN_PARAGRAPH_LIMIT) + 1))


def weighed(places: tuple[Found, ...], paragraph: str) -> tuple[tuple[Found, ...], Found | None]:
    """The places of ``first_places`` a rule weighs, and the first one it leaves unread, if any:
    where the rule says so with ``places_notice``."""
    limit = issue_limit(paragraph, MIN_PARAGRAPH_LIMIT)
    return (places[:limit], places[limit]) if len(places) > limit else (places, None)


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem at ``text[start:end]`` (code-point offsets, end exclusive).

    ``replacements`` replace exactly that span, best first; an empty tuple
    means no fix is safe to offer. Issues sharing a ``group`` key can be fixed
    together ("fix all").
    """

    rule: str
    category: str
    severity: str
    start: int
    end: int
    message: str
    explanation: str = ""
    replacements: tuple[str, ...] = ()
    group: str | None = None

    def shifted(self, offset: int) -> Issue:
        if not offset:
            return self
        # Positional, not dataclasses.replace (twice as slow): a story's issues are all shifted.
        return Issue(
            self.rule,
            self.category,
            self.severity,
            self.start + offset,
            self.end + offset,
            self.message,
            self.explanation,
            self.replacements,
            self.group,
        )

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)


@dataclass(frozen=True)
class RuleFailure:
    """A rule, or another step of checking, that raised instead of answering.

    ``rule`` names it (a rule id, or a step such as LanguageTool's merge);
    ``reason`` is the exception in one line; ``error`` is the exception itself,
    for a log with its traceback.
    """

    rule: str
    reason: str
    error: BaseException | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, rule: str, error: BaseException) -> RuleFailure:
        words = " ".join(str(error).split())
        reason = f"{type(error).__name__}: {words}" if words else type(error).__name__
        return cls(rule, reason if len(reason) <= 160 else reason[:159] + "…", error)


class RuleError(Exception):
    """A rule raised; ``Checker.check`` says which (``Checker.run`` returns the failure instead)."""

    def __init__(self, failure: RuleFailure) -> None:
        super().__init__(f"rule {failure.rule} failed: {failure.reason}")
        self.failure = failure


def limit_notice(start: int, end: int, message: str) -> Issue:
    """A notice, at ``text[start:end]``, that issues from there on were left out, and why (``message``)."""
    return Issue(
        rule=LIMIT_RULE,
        category="style",
        severity="info",
        start=start,
        end=end,
        message=message,
        explanation="Text this dense with problems is seldom copy (a table, a dump, a damaged file): "
        "not all of its issues were looked for, and not all that were found are shown.",
    )


def places_notice(start: int, end: int, rule: str) -> Issue:
    """A notice at ``text[start:end]`` that ``rule`` read no further in its paragraph (see ``first_places``)."""
    return limit_notice(start, end, f"Too many places for {rule} to weigh in this paragraph; not read from here on")


def apply_fixes(text: str, fixes: list[tuple[int, int, str]]) -> str:
    """Apply (start, end, replacement) edits; overlapping ones after the first are skipped."""
    pieces: list[str] = []
    position = 0
    for start, end, replacement in sorted(fixes, key=lambda fix: (fix[0], fix[1])):
        if start < position:
            continue
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
