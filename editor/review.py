"""What the review desk says about an issue, without Qt: what each fix does, the words around it.

The issue cards, the editor's context menu, its hover card and the status
line all describe an issue with these, so a fix reads the same wherever it is
offered: "Change to “U.S.”", "Delete the repeated word", "Add the full stop",
never a bare replacement whose effect the editor has to work out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from editor.engine.issues import Issue

# How much of the paragraph a card shows either side of the flagged words.
CONTEXT_WORDS = 4
CONTEXT_CHARS = 48
# How far from an issue an edit can change its card (its context reads this far).
CONTEXT_REACH = 2 * CONTEXT_CHARS + 1
# Longer flagged text, or a longer replacement in a label, is shown by its ends.
FLAGGED_CHARS = 90
LABEL_CHARS = 40

_CHARACTER_NAMES = {
    " ": "space",
    "\xa0": "no-break space",
    "\u202f": "narrow no-break space",
    "\t": "tab",
    "\n": "line break",
    "\ufeff": "byte-order mark",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    ",": "comma",
    ".": "full stop",
    ":": "colon",
    ";": "semicolon",
    "?": "question mark",
    "!": "exclamation mark",
    "-": "hyphen",
    "\u2013": "en dash",
    "\u2014": "em dash",
    '"': "straight quotation mark",
    "'": "straight apostrophe",
    "\u201c": "opening quotation mark",
    "\u201d": "closing quotation mark",
    "\u2018": "opening single quotation mark",
    "\u2019": "apostrophe",
    "(": "opening bracket",
    ")": "closing bracket",
}
_QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")
_WORD_AND_SPACE = re.compile(r"\S+\s*|\s+")
_SPACE_AND_WORD = re.compile(r"\s*\S+|\s+")


@dataclass(frozen=True, slots=True)
class Context:
    """The flagged words with a few either side, from the issue's paragraph, as a card shows them.

    ``before`` starts and ``after`` ends with "…" where the paragraph goes on.
    """

    before: str
    flagged: str
    after: str


@dataclass(frozen=True, slots=True)
class Card:
    """What the issue panel shows of one issue: where, what, why, and what each fix does."""

    line: int
    context: Context
    message: str
    explanation: str
    fixes: tuple[str, ...]
    group: str | None  # the issues it can be fixed with ("Fix all N")


def card_of(issue: Issue, text: str, line: int) -> Card:
    """The card of ``issue``, found on ``text`` at 1-based ``line``."""
    return Card(line, context_of(issue, text), issue.message, issue.explanation, fix_labels(issue, text), issue.group)


def fix_label(issue: Issue, text: str, replacement: str) -> str:
    """What applying ``replacement`` to ``issue`` (found on ``text``) does, said as a button would."""
    old = text[issue.start : issue.end]
    if old == replacement:
        return "Leave as it is"
    same_start = _common_start(old, replacement)
    same_end = _common_start(old[same_start:][::-1], replacement[same_start:][::-1])
    removed = old[same_start : len(old) - same_end]
    added = replacement[same_start : len(replacement) - same_end]
    kept_before, kept_after = replacement[:same_start], replacement[len(replacement) - same_end :]
    if removed and added and removed.casefold() == added.casefold():
        start = _word_start(replacement, same_start)
        end = _word_end(replacement, len(replacement) - same_end)
        words = _visible(replacement[start:end])
        return f"Capitalise: “{words}”" if added != added.lower() else f"Lowercase: “{words}”"
    changed = removed or added
    if (kept_before[-1:].isalnum() and changed[0].isalnum()) or (kept_after[:1].isalnum() and changed[-1].isalnum()):
        return _change_to(replacement)  # part of a word: "towards" to "toward", "USA" to "US"
    if kept_before[-1:].isalnum() and kept_after[:1].isalnum():
        return _change_to(replacement)  # a space or hyphen inside a compound: "cofounder" to "co-founder"
    if not added:
        return _deletion(removed, kept_before, kept_after)
    if not removed:
        return _insertion(added, kept_before)
    moved = _moved_mark(old, replacement)
    if moved:
        return moved
    if len(removed) == 1 and len(added) == 1 and _named(removed) and _named(added):
        return f"Change the {_name(removed)} to {_a(added)}"
    return _change_to(replacement)


def fix_labels(issue: Issue, text: str) -> tuple[str, ...]:
    """The label of each of ``issue``'s fixes, in order."""
    return tuple(fix_label(issue, text, replacement) for replacement in issue.replacements)


def fix_all_label(count: int) -> str:
    return f"Fix all {count}"


def context_of(issue: Issue, text: str) -> Context:
    """The words around ``issue`` in its paragraph: at most ``CONTEXT_WORDS`` either side, and
    ``CONTEXT_CHARS`` unless one word is longer."""
    line_start = text.rfind("\n", 0, issue.start) + 1
    line_end = text.find("\n", issue.end)
    line_end = len(text) if line_end < 0 else line_end
    window_start = max(line_start, issue.start - CONTEXT_REACH + 1)
    words_before = _WORD_AND_SPACE.findall(text, window_start, issue.start)
    if window_start > line_start and not text[window_start - 1].isspace():
        words_before = words_before[1:]  # the window cut it
    before = "".join(_fitting(reversed(words_before))[::-1])
    after = "".join(_fitting(_SPACE_AND_WORD.findall(text, issue.end, min(line_end, issue.end + CONTEXT_REACH - 1))))
    return Context(
        ("…" if issue.start - len(before) > line_start else "") + before,
        _visible(text[issue.start : issue.end]),
        after + ("…" if issue.end + len(after) < line_end else ""),
    )


def _fitting(words) -> list[str]:
    """The first words (nearest the issue) that fit in a card's context."""
    fitting: list[str] = []
    length = 0
    for word in words:
        if len(fitting) == CONTEXT_WORDS or (fitting and length + len(word) > CONTEXT_CHARS):
            break
        fitting.append(word)
        length += len(word)
    return fitting


def status_line(position: int, total: int, issue: Issue) -> str:
    """The status bar's line for the issue under review, ``position`` of ``total``."""
    said = f"Issue {position} of {total}: {issue.message}"
    return said if issue.replacements else f"{said} (no fix offered: edit it, or press Esc to ignore it)"


# ------------------------------------------------------------ the pieces of a label


def _deletion(removed: str, kept_before: str, kept_after: str) -> str:
    words = removed.split()
    neighbour = (kept_before.split() or kept_after.split() or [""])[-1 if kept_before.strip() else 0]
    if words and neighbour[:1].isalnum() and all(word.casefold() == neighbour.casefold() for word in words):
        return "Delete the repeated word" if len(words) == 1 else "Delete the repeated words"
    if not removed.strip():
        return _whitespace_deletion(removed, kept_before, kept_after)
    if _named(removed):
        name = _name(removed)
        if kept_before.endswith(removed[0]) or kept_after.startswith(removed[0]):
            return f"Delete the extra {name}"
        return f"Delete the {name}"
    return f"Delete “{_shortened(_visible(removed.strip()))}”"


def _whitespace_deletion(removed: str, kept_before: str, kept_after: str) -> str:
    if "\n" in removed:
        return "Delete the line break" if removed.count("\n") == 1 else "Delete the blank line"
    plural = "s" if len(removed) > 1 else ""
    if kept_before[-1:].isspace() or kept_after[:1].isspace():
        return f"Delete the extra space{plural}"
    if kept_after[:1] and _named(kept_after[0]) and not kept_after[0].isspace():
        return f"Delete the space{plural} before the {_name(kept_after[0])}"
    if kept_before[-1:] and _named(kept_before[-1]) and not kept_before[-1].isspace():
        return f"Delete the space{plural} after the {_name(kept_before[-1])}"
    return f"Delete the space{plural}"


def _insertion(added: str, kept_before: str) -> str:
    if added == ".":
        return "Add the full stop"
    if added == " " and kept_before[-1:] and _named(kept_before[-1]):
        return f"Add a space after the {_name(kept_before[-1])}"
    if _named(added):
        return f"Add {_a(added)}"
    return f"Add “{_shortened(_visible(added))}”"


def _moved_mark(old: str, new: str) -> str | None:
    """Two marks that change places: '",' to ',"', ' ,' to ', '."""
    if len(old) != 2 or new != old[::-1] or not (_named(old[0]) and _named(old[1])):
        return None
    first, second = old
    if first in _QUOTES and second not in _QUOTES:
        return f"Put the {_name(second)} inside the quotation mark"
    if second in _QUOTES and first not in _QUOTES:
        return f"Put the {_name(first)} outside the quotation mark"
    return f"Put the {_name(first)} after the {_name(second)}"


def _change_to(replacement: str) -> str:
    if not replacement.strip():
        return f"Change to {_a(replacement)}" if _named(replacement) else "Change to white space"
    return f"Change to “{_shortened(_visible(replacement))}”"


def _named(characters: str) -> bool:
    """A run of one character that has a name a label can use (punctuation, a kind of space)."""
    if not characters or len(set(characters)) != 1:
        return False
    character = characters[0]
    if character in _CHARACTER_NAMES:
        return True
    return unicodedata.category(character)[0] in "PZC" and unicodedata.name(character, "") != ""


def _name(characters: str) -> str:
    """The name of a run of one character: "comma", "spaces"."""
    character = characters[0]
    name = _CHARACTER_NAMES.get(character) or unicodedata.name(character).lower()
    return f"{name}s" if len(characters) > 1 else name


def _a(characters: str) -> str:
    """"a comma", "an en dash"; "spaces" for a run."""
    name = _name(characters)
    if len(characters) > 1:
        return name
    return f"an {name}" if name[0] in "aeiou" else f"a {name}"


def _visible(flagged: str) -> str:
    """The flagged text as a card can show it: line breaks as ¶, invisible characters named."""
    shown = re.sub(r"\n+", " ¶ ", flagged).strip(" ") if "\n" in flagged else flagged
    shown = "".join(
        f"‹{_name(character)}›" if unicodedata.category(character) == "Cf" else character for character in shown
    )
    if len(shown) > FLAGGED_CHARS:
        half = FLAGGED_CHARS // 2 - 1
        shown = f"{shown[:half]} … {shown[-half:]}"
    return shown


def _shortened(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _common_start(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b):
        if x != y:
            break
        length += 1
    return length


def _word_start(text: str, position: int) -> int:
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def _word_end(text: str, position: int) -> int:
    while position < len(text) and not text[position].isspace():
        position += 1
    return position
