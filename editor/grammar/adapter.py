"""LanguageTool's matches as Copydesk issues, and what Copydesk does not take from it.

LanguageTool is a general grammar checker; wire copy is not its home ground.
Its spell checker does not know most names in the news ("Gennady" becomes
"Kennedy", "Mattis" becomes "Mathis") nor the house style's words, so it is
always off: Copydesk spells with its own dictionary, with or without
LanguageTool, and decides there what is a name. A request switches the
speller off, and a speller's match that comes back anyway is dropped.
Where a built-in rule flags the same span, or offers a fix for any of the
same text, it speaks for it: it knows the house style, and two underlines
with different fixes on one word would only confuse.
"""

from __future__ import annotations

import bisect
import re

from editor.engine.issues import Issue
from editor.engine.style import LanguageToolSettings

RULE_PREFIX = "lt:"

# LanguageTool's spell checkers: Morfologik for English, Hunspell and the
# named spellers for other languages.
_SPELLER = re.compile(r"MORFOLOGIK|HUNSPELL|SPELLER|SPELLING_RULE")

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


def disabled_rules(profile: LanguageToolSettings) -> frozenset[str]:
    """The rules a request switches off: the house style's, and the spell checker of its language."""
    speller = "MORFOLOGIK_RULE_" + profile.language.upper().replace("-", "_")
    return frozenset(profile.disabled_rules) | {speller}


def is_speller(rule_id: str) -> bool:
    return bool(_SPELLER.search(rule_id))


def category_of(issue_type: str, category_id: str) -> str:
    return _BY_CATEGORY.get(category_id) or _BY_ISSUE_TYPE.get(issue_type, "style")


def issue_from_match(match, start: int, end: int, text: str) -> Issue:
    """An issue for a ``language_tool_python.Match`` found at ``text[start:end]`` (code points).

    Issues with the same rule, the same flagged text and the same first fix
    share a group, so "fix all" corrects one mistake everywhere it recurs.
    """
    category = category_of(match.rule_issue_type, match.category)
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
