"""Offsets in UTF-16 code units (Qt, LanguageTool) and in code points (Python strings).

A character outside the Basic Multilingual Plane (most emoji, flags) is one
code point but two UTF-16 units, so every offset after it differs by one.
"""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Offsets:
    """Converts offsets for one text; free when the text has no astral character."""

    def __init__(self, text: str) -> None:
        # Code-point offsets of the astral characters, in order (found by a regular expression:
        # a loop over every character costs milliseconds on a long story).
        self._astral = [match.start() for match in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._astral_units = [index + number for number, index in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)

    def from_utf16(self, unit: int) -> int:
        """The code-point offset of a UTF-16 offset (one inside a surrogate pair rounds down)."""
        before = bisect.bisect_left(self._astral_units, unit)
        if before and unit == self._astral_units[before - 1] + 1:
            return self._astral[before - 1]
        return unit - before
