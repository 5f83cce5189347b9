"""A space on one side of a compound's hyphen: "usa -backed", "pro- Assad".

Transmission and retyping damage splits compounds; the fix closes the gap.
Left alone: suspended hyphens ("pro- and anti-war", "two- or three-day"),
hyphens used as dashes ("war - and peace", "war -and peace", "he said- the"),
minus signs ("-5 degrees"), list bullets at the start of a line, command
options ("ls -la", "rm -rf", "tar -x -f file", anything in `code` or on a
"$ " line) and datelines ("LONDON -Britain").

The fix is offered only where the compound is clear: a suffix such as
"-backed" or "-led", or a first part that is a prefix ("pro-", "anti-",
"well-"), a single letter ("e-mail"), an abbreviation ("U.S.-") or a name
("Syria-"). "govern- ment" may be a word broken at a line end rather than a
compound, so it is flagged without a fix.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from editor.engine.rule import ParagraphRule
from editor.engine.style import HouseStyle
from editor.engine.words import token_before

# Each pattern starts with a space or the hyphen so that the scan can jump to them; the
# letter, or the last point of an abbreviation, before is checked by a look-behind after it.
_SPACE_BEFORE = re.compile(r" (?:(?<=[^\W\d_] )|(?<=[^\W\d_]\.[^\W\d_]\. )) *-(?=([^\W\d_]{2,})\b)")
_SPACE_AFTER = re.compile(r"-(?:(?<=[^\W\d_]-)|(?<=[^\W\d_]\.[^\W\d_]\.-)) +(?=([^\W\d_]+)\b)")
_LAST_WORD = re.compile(r"([^\W\d_]+)\.?$")
_OPTION_OR_PATH_FOLLOWS = re.compile(r" +[-/~]")
_CODE = re.compile(r"`[^`\r\n]*`|^[^\S\r\n]*\$ [^\r\n]*", re.MULTILINE)
_VOWEL = re.compile(r"[aeiouy]", re.IGNORECASE)

# Words that follow a suspended hyphen ("pro- and anti-war") or a hyphen used as a dash.
_NOT_COMPOUND_PARTS = frozenset(
    """and or nor to through but versus vs than as plus the a an he she it they we i you his her
    its their our this that these those which who not no so yet if is was are were in on at of
    for with by from there then even just only am""".split()
)
_PREFIXES = frozenset(
    """pro anti non self ex co pre post semi multi mid well half cross counter all so far ultra neo
    quasi pan un ill full part long short high low hard left right""".split()
)


def _code_spans(text: str) -> list[int]:
    """Starts and ends of `code` and "$ " command lines, flattened, for bisect."""
    if "`" not in text and "$ " not in text:
        return []
    return [edge for match in _CODE.finditer(text) for edge in match.span()]


def _in_code(spans: list[int], position: int) -> bool:
    return bisect.bisect_right(spans, position) % 2 == 1


def _names_a_compound(before: str) -> bool:
    """Whether a word before a hyphen makes the hyphen a compound's: a prefix, a letter, a name."""
    return before.casefold() in _PREFIXES or len(before) == 1 or before[0].isupper()


def _is_dateline(before: str, after: str) -> bool:
    return len(before) > 1 and before.isupper() and after[0].isupper()


def _command_option(text: str, token: str, before: str, after: str, after_end: int) -> bool:
    """"ls -la", "rm -rf", "find /data -name", "tar -x -f file": options have no vowel, follow a
    command without one or a path, or run on into another option or a path."""
    return (
        not _VOWEL.search(after)
        or (before.islower() and not _VOWEL.search(before))
        or "/" in token
        or "\\" in token
        or _OPTION_OR_PATH_FOLLOWS.match(text, after_end) is not None
    )


def _gaps(text: str) -> Iterator[tuple[re.Match[str], bool]]:
    """Each gap beside a compound's hyphen, with whether closing it is a safe fix."""
    if " -" not in text and "- " not in text:
        return
    code = _code_spans(text)
    for match in _SPACE_BEFORE.finditer(text):
        token = token_before(text, match.start())
        before = _LAST_WORD.search(token).group(1)
        after = match.group(1)
        if (
            after.casefold() in _NOT_COMPOUND_PARTS
            or _is_dateline(before, after)
            or _command_option(text, token, before, after, match.end(1))
            or _in_code(code, match.start())
        ):
            continue
        yield match, after.islower() or _names_a_compound(before)
    for match in _SPACE_AFTER.finditer(text):
        before = _LAST_WORD.search(token_before(text, match.start())).group(1)
        after = match.group(1)
        if after.casefold() in _NOT_COMPOUND_PARTS or _is_dateline(before, after) or _in_code(code, match.start()):
            continue
        yield match, _names_a_compound(before)


def find(text: str, style: HouseStyle) -> Iterator:
    for match, safe in _gaps(text):
        yield RULE.issue(
            match.start(),
            match.end(),
            "Space on one side of a hyphen",
            "A compound such as “U.S.-backed” or “pro-government” is written without spaces "
            "around its hyphen; the gap is usually transmission damage."
            + ("" if safe else " If a word was broken at a line end, remove the hyphen too."),
            ["-"] if safe else [],
            group=RULE.id if safe else None,
        )


RULE = ParagraphRule(
    id="hyphen-spacing",
    category="punctuation",
    severity="error",
    find=find,
    doc=__doc__,
    must_flag=(
        "Fighters backed by usa -backed groups advanced.",
        "A pro- Assad militia attacked.",
        "The U.S. -led coalition struck.",
        "The war- torn city was quiet.",
    ),
    must_pass=(
        "Both pro- and anti-war groups marched.",
        "A two- or three-day visit is planned.",
        "The war - and the peace - changed everything.",
        "Temperatures fell to -5 degrees.",
        "- a list item",
        "U.S.-backed fighters advanced.",
        "Run ls -la to see the files, or `git commit -am message`.",
        "LONDON -Britain said on Monday it would act.",
    ),
)
