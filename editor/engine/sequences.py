"""What two versions of a sequence share, for redoing only the part that changed."""

from __future__ import annotations

from collections.abc import Sequence


def shared_ends(old: Sequence, new: Sequence) -> tuple[int, int]:
    """How many items ``old`` and ``new`` share at the start, then how many more at the end;
    the two never overlap, so ``old[start:len(old) - end]`` is what ``new[start:len(new) - end]`` replaced."""
    shorter = min(len(old), len(new))
    start = 0
    while start < shorter and old[start] == new[start]:
        start += 1
    end = 0
    while end < shorter - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return start, end
