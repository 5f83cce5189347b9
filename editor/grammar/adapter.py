"""LanguageTool's matches as Copydesk issues, and what Copydesk does not take from it.

LanguageTool is a general grammar checker; wire copy is not its home ground.
Its spell checker does not know most names in the news ("Gennady" becomes
"Kennedy", "Mattis" becomes "Mathis"). So a capitalised word the story itself
uses twice or more is taken as a name and not flagged; a capitalised word
used once is flagged, but offered only replacements the story itself spells
elsewhere ("Washingotn" to "Washington"), and never joins a "fix all" group.
Where a built-in rule flags the same span, or offers a fix for any of the
same text, it speaks for it: it knows the house style, and two underlines
with different fixes on one word would only confuse.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace

from editor.engine.issues import Issue
from editor.engine.sequences import shared_ends
from editor.engine.words import bounded_phrase

RULE_PREFIX = "lt:"

# LanguageTool's spell checkers: Morfologik for English, Hunspell and the
# named spellers for other languages.
_SPELLER = re.compile(r"MORFOLOGIK|HUNSPELL|SPELLER")

# LanguageTool's rule categories (rule.category.id), as Copydesk's.
_BY_CATEGORY = {
    "TYPOS": "typo",
    "CASING": "typo",
    "PUNCTUATION": "punctuation",
    "TYPOGRAPHY": "punctuation",
    "GRAMMAR": "grammar",
    "CONFUSED_WORDS": "grammar",
    "COLLOCATIONS": "grammar",
    "STYLE": "style",
    "REDUNDANCY": "style",
    "PLAIN_ENGLISH": "style",
    "REPETITIONS_STYLE": "style",
    "AMERICAN_ENGLISH": "style",
    "BRITISH_ENGLISH": "style",
    "NONSTANDARD_PHRASES": "style",
    "GENDER_NEUTRALITY": "style",
}
# Categories such as MISC hold rules of every kind; their issue type says which.
_BY_ISSUE_TYPE = {
    "misspelling": "grammar",  # word choice: "a official", "their is"
    "grammar": "grammar",
    "duplication": "typo",
    "typographical": "punctuation",
    "whitespace": "punctuation",
}

_NAME_EXPLANATION = (
    "LanguageTool does not know this capitalised word. It may well be a name, so "
    "Copydesk offers only spellings this story uses elsewhere; add it to the "
    "dictionary if it is right."
)


def category_of(rule_id: str, issue_type: str, category_id: str) -> str:
    if issue_type == "misspelling" and _SPELLER.search(rule_id):
        return "spelling"
    return _BY_CATEGORY.get(category_id) or _BY_ISSUE_TYPE.get(issue_type, "style")


def issue_from_match(match, start: int, end: int, text: str) -> Issue:
    """An issue for a ``language_tool_python.Match`` found at ``text[start:end]`` (code points).

    Issues with the same rule, the same flagged text and the same first fix
    share a group, so "fix all" corrects one mistake everywhere it recurs.
    """
    category = category_of(match.rule_id, match.rule_issue_type, match.category)
    replacements = tuple(match.replacements)
    flagged = text[start:end]
    return Issue(
        rule=RULE_PREFIX + match.rule_id,
        category=category,
        severity="info" if category == "style" else "warning",
        start=start,
        end=end,
        message=match.message,
        explanation=f"Found by LanguageTool (rule {match.rule_id}).",
        replacements=replacements,
        group=f"{RULE_PREFIX}{match.rule_id}:{flagged}→{replacements[0]}" if replacements else None,
    )


def screen_spelling(issues: Iterable[Issue], text: str, exceptions: frozenset[str] = frozenset()) -> list[Issue]:
    """LanguageTool's spelling issues as far as Copydesk trusts them.

    Dropped: words the house style accepts (``spelling_exceptions``), and
    capitalised words the story uses twice or more (names it spells the same
    way each time). Other capitalised words keep only the suggestions the
    story uses as words elsewhere, and no "fix all" group; so do lowercase
    words whose suggestion is more than one edit away ("de-confliction" to
    "confliction"): the editor chooses those one at a time.
    """
    uses: dict[str, int] = {}
    kept = []
    for issue in issues:
        word = text[issue.start : issue.end]
        if issue.category == "spelling":
            if word.casefold() in exceptions:
                continue
            if word[:1].isupper():
                if _uses(word, text, uses) >= 2:
                    continue
                vouched = tuple(other for other in issue.replacements if _uses(other, text, uses) > 0)
                issue = replace(issue, replacements=vouched, group=None, explanation=_NAME_EXPLANATION)
            elif issue.replacements and not _one_edit_apart(word, issue.replacements[0]):
                issue = replace(issue, group=None)
        kept.append(issue)
    return kept


def _uses(word: str, text: str, counted: dict[str, int]) -> int:
    """How often ``word`` stands as a word of its own in ``text`` (case-sensitive), remembered in ``counted``."""
    if word not in counted:
        counted[word] = sum(1 for _ in bounded_phrase(word, case_sensitive=True).finditer(text))
    return counted[word]


def _one_edit_apart(word: str, other: str) -> bool:
    """Whether one letter added, removed, changed or swapped with its neighbour turns ``word`` into ``other``."""
    if abs(len(word) - len(other)) > 1:
        return False
    start, end = shared_ends(word, other)
    left, right = word[start : len(word) - end], other[start : len(other) - end]
    return len(left) <= 1 and len(right) <= 1 or (len(left) == len(right) == 2 and left == right[::-1])


def merge_issues(builtin: list[Issue], grammar: list[Issue]) -> list[Issue]:
    """Built-in and LanguageTool issues in one list, in text order.

    A LanguageTool issue is dropped where a built-in issue has the same span
    (it says the same thing: "the the") or where it shares a character with a
    built-in issue that offers a fix (it would contradict the house style,
    "usa" to "USA" where the style wants "U.S.", or undo the built-in fix).
    A built-in issue with no fix, such as an unattributed quote, leaves the
    grammar inside its span to LanguageTool.
    """
    if not grammar:
        return builtin
    spans = {(issue.start, issue.end) for issue in builtin}
    fixable = sorted((issue for issue in builtin if issue.replacements), key=Issue.sort_key)
    ends = _running_max_ends(fixable)
    merged = list(builtin)
    merged.extend(
        issue
        for issue in grammar
        if (issue.start, issue.end) not in spans and not _overlaps_any(issue, fixable, ends)
    )
    merged.sort(key=Issue.sort_key)
    return merged


def _running_max_ends(ordered: list[Issue]) -> list[int]:
    ends, furthest = [], -1
    for issue in ordered:
        furthest = max(furthest, issue.end)
        ends.append(furthest)
    return ends


def _overlaps_any(issue: Issue, ordered: list[Issue], ends: list[int]) -> bool:
    """Whether ``issue`` shares a character with any of ``ordered`` (sorted by start)."""
    # Issues starting before issue.end; the furthest end among them decides.
    count = bisect.bisect_left(ordered, issue.end, key=lambda other: other.start)
    return count > 0 and ends[count - 1] > issue.start
