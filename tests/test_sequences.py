"""shared_ends: what two versions share at either end, as the issue panel uses it."""

from hypothesis import given
from hypothesis import strategies as st

from editor.engine.sequences import shared_ends


def test_shared_ends_of_words_and_rows():
    assert shared_ends("tomorow", "tomorrow") == (5, 2)
    assert shared_ends("aa", "aaa") == (2, 0)  # the end never counts what the start took
    assert shared_ends([1, 2, 3], [1, 9, 3]) == (1, 1)
    assert shared_ends("", "abc") == (0, 0)


@given(st.lists(st.integers(0, 3)), st.lists(st.integers(0, 3)))
def test_the_middles_are_what_changed(old, new):
    start, end = shared_ends(old, new)
    assert start + end <= min(len(old), len(new))
    assert old[:start] == new[:start] and old[len(old) - end :] == new[len(new) - end :]

