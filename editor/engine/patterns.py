"""Regular expressions from style files, refused when they could hang the checker.

Python's ``re`` backtracks, so a pattern such as ``(a+)+b`` takes exponential
time on a line of a's. Style files are edited by hand, so before a pattern is
used it is parsed and refused if it has the shapes that backtrack badly: a
repeat or an alternation inside an unbounded repeat, or a back-reference.
What remains runs in time polynomial in the paragraph, and paragraphs are short.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse

MAX_PATTERN_LENGTH = 200


class PatternError(ValueError):
    pass


def compile_style_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise PatternError(f"pattern is longer than {MAX_PATTERN_LENGTH} characters")
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error as error:
        raise PatternError(f"not a valid regular expression: {error}") from None
    _refuse_slow_shapes(parsed, inside_unbounded=False)
    return re.compile(pattern, flags)


def _refuse_slow_shapes(items, inside_unbounded: bool) -> None:
    for op, argument in items:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, body = argument
            if inside_unbounded and high > 1:
                raise PatternError("a repeat inside an unbounded repeat could make checking hang")
            _refuse_slow_shapes(body, inside_unbounded or high == sre.MAXREPEAT)
        elif op == sre.BRANCH:
            if inside_unbounded:
                raise PatternError("alternatives inside an unbounded repeat could make checking hang")
            for branch in argument[1]:
                _refuse_slow_shapes(branch, inside_unbounded)
        elif op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
            raise PatternError("back-references are not allowed in style patterns")
        elif op == sre.SUBPATTERN:
            _refuse_slow_shapes(argument[3], inside_unbounded)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            _refuse_slow_shapes(argument[1], inside_unbounded)
        elif op == sre.ATOMIC_GROUP:
            _refuse_slow_shapes(argument, inside_unbounded)
