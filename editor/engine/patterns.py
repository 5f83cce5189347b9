"""Regular expressions a user writes, run on RE2, and their replacement templates.

Python's ``re`` backtracks: ``(?:a|aa){1,60}b`` or ``.*.*.*x`` takes minutes
on a paragraph of a's, and refusing such shapes one by one never ends. A
house style's patterns are edited by hand, and the find bar's are typed into
it, so they run on RE2 (``google-re2``), which matches in time linear in the
text whatever the pattern: the guarantee Vale's Go patterns have. What RE2
cannot run (back-references, look-ahead and look-behind) is refused with the
reason (when the style loads, or as the pattern is typed), and so is a
repeat count over RE2's limit of 1,000 (a count too large for RE2 to read would
otherwise be taken as the literal text ``{4294967295}``). As in RE2, ``\\w``,
``\\d`` and ``\\b`` are ASCII; ``\\pL`` is any letter. The built-in rules keep
Python's ``re``: their patterns are ours and tested.

A replacement may use ``\\1`` to ``\\99``, ``\\g<1>``, ``\\g<name>`` and ``\\g<0>`` for
what the groups matched, ``\\\\`` for a backslash and ``\\n`` or ``\\t``; anything
else after a backslash, or a group the pattern does not have, is refused when
the style loads rather than failing on the first match.
"""

from __future__ import annotations

import re

import re2

MAX_PATTERN_LENGTH = 200
MAX_REPEAT = 1_000

# The pieces of a pattern that matter when looking for repeat counts: escapes and
# character classes are passed over whole, so a "{" in them is no repeat.
_PATTERN_PIECE = re.compile(r"\\.|\[\^?\]?(?:\\.|\[:\w+:\]|[^\]])*\]|\{(\d+)(?:,(\d*))?\}|.", re.DOTALL)
# Reasons RE2 gives, in words a style's author can act on.
_RE2_REASONS = (
    ("invalid perl operator: (?=", "look-ahead (?=...) is not supported"),
    ("invalid perl operator: (?!", "look-ahead (?!...) is not supported"),
    ("invalid perl operator: (?<=", "look-behind (?<=...) is not supported"),
    ("invalid perl operator: (?<!", "look-behind (?<!...) is not supported"),
    ("invalid perl operator: (?>", "atomic groups (?>...) are not supported"),
)
_BACK_REFERENCE = re.compile(r"invalid escape sequence: \\[1-9]")
_NESTED_REPEATS = "invalid repetition size"
_TEMPLATE_PIECE = re.compile(r"\\(?:(\d\d?)|g<([^>]*)>|(.))|\\$|[^\\]+", re.DOTALL)
_TEMPLATE_ESCAPES = {"\\": "\\", "n": "\n", "t": "\t"}


class PatternError(ValueError):
    pass


Template = tuple[str | int, ...]


def compile_user_pattern(
    pattern: str, case_sensitive: bool = True, *, literal: bool = False, max_length: int = MAX_PATTERN_LENGTH
):
    """``pattern`` compiled for RE2 (``finditer``, ``start``, ``end``, ``group`` as in ``re``), or
    PatternError saying why not; with ``literal``, it matches its own text, character for character."""
    if len(pattern) > max_length:
        raise PatternError(f"pattern is longer than {max_length:,} characters")
    if not literal:
        _refuse_large_repeats(pattern)
    options = re2.Options()
    options.log_errors = False  # the refusal names the reason; RE2's own log would go to standard error
    options.case_sensitive = case_sensitive
    options.literal = literal
    try:
        return re2.compile(pattern, options)
    except re2.error as error:
        raise PatternError(_reason(error, pattern)) from None


def _refuse_large_repeats(pattern: str) -> None:
    for piece in _PATTERN_PIECE.finditer(pattern):
        counts = [int(count) for count in piece.groups() if count]
        if any(count > MAX_REPEAT for count in counts):
            raise PatternError(f"repeat count {piece.group()} is over {MAX_REPEAT:,}, the most a pattern may have")


def _reason(error: Exception, pattern: str) -> str:
    message = error.args[0] if error.args else str(error)
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    message = message.removesuffix(f": {pattern}")  # RE2 quotes the whole pattern after some reasons
    if _BACK_REFERENCE.search(message):
        return "back-references (\\1) are not supported"
    if message.startswith(_NESTED_REPEATS):
        return f"repeats nested inside repeats come to more than {MAX_REPEAT:,} in all ({message})"
    for start, reason in _RE2_REASONS:
        if message.startswith(start):
            return reason
    return f"not a pattern RE2 can run: {message}"


def read_template(template: str, pattern) -> Template:
    """``template`` as literal text and group numbers, checked against ``pattern``'s groups, or PatternError."""
    pieces: list[str | int] = []
    for piece in _TEMPLATE_PIECE.finditer(template):
        number, name, escaped = piece.groups()
        text = piece.group()
        if not text.startswith("\\"):
            pieces.append(text)
        elif text == "\\":
            raise PatternError("ends with a lone backslash (write \\\\ for a backslash)")
        elif number is not None:
            pieces.append(_group(int(number), text, pattern))
        elif name is not None:
            pieces.append(_group(int(name) if name.isdigit() else name, text, pattern))
        elif escaped in _TEMPLATE_ESCAPES:
            pieces.append(_TEMPLATE_ESCAPES[escaped])
        else:
            raise PatternError(f"unknown escape {text} (write \\\\ for a backslash, \\1 or \\g<name> for a group)")
    return tuple(pieces)


def _group(reference: int | str, written: str, pattern) -> int:
    if isinstance(reference, str):
        if reference not in pattern.groupindex:
            raise PatternError(f"{written} names a group the pattern does not have")
        return pattern.groupindex[reference]
    if written[1:].isdigit() and reference == 0:
        raise PatternError("\\0 is no group (write \\g<0> for the whole match)")
    if reference > pattern.groups:
        raise PatternError(f"{written} refers to group {reference}, but the pattern has {pattern.groups}")
    return reference


def expand(template: Template, match) -> str:
    """The replacement for ``match``: a group that took no part in the match gives ""."""
    return "".join(piece if isinstance(piece, str) else (match.group(piece) or "") for piece in template)
