"""House-style substitutions: phrases the style always writes another way.

Flags each phrase listed under ``[[substitutions]]`` in the house style
("can not" -> "cannot", "alot" -> "a lot") and offers the house wording, with
the style's reason. An entry can name words that make the phrase correct when
they follow or precede it ("can not only ... but also" stays). Words inside a
direct quotation are the speaker's ("we are moving towards a deal" in a quote
keeps its "towards"); only an entry marked ``edit_in_quotes``, which respells
the same spoken words ("can not" -> "cannot"), applies there too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.engine.patterns import Template, compile_user_pattern, expand, read_template
from editor.engine.quotes import inside_quotation, read_quotes
from editor.engine.rule import ParagraphRule
from editor.engine.style import HouseStyle, Substitution
from editor.engine.words import NOTHING, class_led_phrase, match_case, word_after, word_before


def _compile(style: HouseStyle) -> list[tuple[re.Pattern[str], list[Substitution], Template | None]]:
    """Every ``find`` phrase in one alternation, each ending in an empty group of its own that says
    which matched, so a paragraph is read once; each ``pattern`` on its own (on RE2, see
    ``editor.engine.patterns``), with its replacement template, since its groups belong to its
    replacement."""
    phrases = [substitution for substitution in style.substitutions if substitution.find is not None]
    compiled = []
    if phrases:
        alternatives = [class_led_phrase(p.find, p.case_sensitive) + "()" for p in phrases]
        first_letters = set()
        for substitution in phrases:
            first = substitution.find[0]
            first_letters.update(first if substitution.case_sensitive else (first.lower(), first.upper()))
        # The look-ahead lets the scan skip positions no phrase can start at (twice as fast).
        candidates = re.escape("".join(sorted(first_letters)))
        compiled.append((re.compile(f"(?=[{candidates}])(?:{'|'.join(alternatives)})"), phrases, None))
    for substitution in style.substitutions:
        if substitution.pattern is not None:
            pattern = compile_user_pattern(substitution.pattern, substitution.case_sensitive)
            compiled.append((pattern, [substitution], read_template(substitution.replace, pattern)))
    return compiled


def _needs(style: HouseStyle) -> re.Pattern[str] | None:
    """The alternation of the ``find`` phrases, where every issue is a match of it: its look-arounds
    at a phrase's ends hold beside a line break as at the paragraph's edge. A ``pattern`` entry is
    RE2's, with no counterpart in ``re`` to search the story with, so with one every paragraph is read."""
    if any(substitution.pattern is not None for substitution in style.substitutions):
        return None
    compiled = style.compiled("substitutions", _compile)
    return compiled[0][0] if compiled else NOTHING


def _excepted(substitution: Substitution, text: str, start: int, end: int) -> bool:
    if substitution.unless_followed_by:
        following = word_after(text, end).casefold()
        if following and following in {w.casefold() for w in substitution.unless_followed_by}:
            return True
    if substitution.unless_preceded_by:
        preceding = word_before(text, start).casefold()
        return bool(preceding) and preceding in {w.casefold() for w in substitution.unless_preceded_by}
    return False


def find(text: str, style: HouseStyle) -> Iterator:
    quoted: list[int] | None = None
    for pattern, substitutions, template in style.compiled("substitutions", _compile):
        for match in pattern.finditer(text):
            substitution = substitutions[match.lastindex - 1] if len(substitutions) > 1 else substitutions[0]
            if match.start() == match.end() or _excepted(substitution, text, match.start(), match.end()):
                continue
            if not substitution.edit_in_quotes:
                if quoted is None:
                    quoted = read_quotes(text).quoted_edges()
                if inside_quotation(quoted, match.start()):
                    continue
            original = match.group()
            replacement = expand(template, match) if template is not None else substitution.replace
            yield RULE.issue(
                match.start(),
                match.end(),
                f"{style.name} style: write “{match_case(replacement, original)}”, not “{original}”",
                explanation=substitution.reason,
                replacements=[match_case(replacement, original)],
                group=f"substitution:{substitution.key}",
            )


RULE = ParagraphRule(
    id="house-substitution",
    category="style",
    severity="warning",
    find=find,
    doc=__doc__,
    needs=_needs,
    must_flag=(
        "You can not consider it an accident.",
        '"You can not consider it an accident," he said, moving towards the door.',
        "There were alot of casualties.",
        "He could of stopped it.",
    ),
    must_pass=(
        '"We are moving towards a deal," he said.',
        "You cannot consider it an accident.",
        "The army can not only hold the town but also advance.",
        "He could, of course, stop it.",
        "He could of course stop it.",
        "The scan noted no damage.",
    ),
)
