"""The shared text helpers: where sentences start and end."""

import pytest

from editor.engine.words import REACH, ends_sentence, starts_sentence, token_before, word_after, word_before


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Defence said so.", True),
        ('  "Defence said so."', True),
        ("He left. Defence said so.", True),
        ('He left." Defence said so.', True),
        ("It rose in 2020. Defence said so.", True),
        ("Why? Defence said so.", True),
        ("the U.S. Defence report", False),
        ("Gen. Defence spoke", False),
        ('"Why?" Defence asked.', False),
        ("He paused... Defence spoke", False),
        ("He said: Defence spoke", False),
        ("the Ministry of\nDefence", False),
    ],
)
def test_starts_sentence(text, starts):
    assert starts_sentence(text, text.index("Defence")) is starts


def test_ends_sentence_knows_abbreviations_initials_and_quoted_questions():
    assert ends_sentence("town", ".", "")
    assert not ends_sentence("Gen", ".", "")
    assert not ends_sentence("U.S", ".", "")
    assert not ends_sentence("J", ".", "")
    assert ends_sentence("Why", "?", "")
    assert not ends_sentence('"Why', "?", '"')


def test_token_before_stops_at_a_space_and_at_its_reach():
    assert token_before("see www.example.org", 19) == "www.example.org"
    assert token_before("x " + "a" * 60, 62, reach=10) == "a" * 10


def test_word_before_and_after_read_across_spaces_within_reach():
    text = "can  not only"
    assert word_after(text, len("can")) == "not"
    assert word_before(text, text.index("only")) == "not"
    assert word_after(text, len(text)) == "" and word_before(text, 0) == ""


def test_a_word_running_past_the_reach_is_no_word():
    long_word = "x" * (REACH + 5)
    assert word_after("can " + long_word, 3) == ""
    assert word_before(long_word + " can", len(long_word) + 1) == ""


def test_a_word_opens_the_text_after_spaces_and_opening_marks_only():
    assert starts_sentence('  "(Defence', 4)
    assert not starts_sentence('( "Defence', 3)
