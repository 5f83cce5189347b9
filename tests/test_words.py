"""The shared text helpers: where sentences start and end, and phrases as patterns."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.engine.words import (
    REACH,
    bounded_phrase,
    class_led_phrase,
    last_before,
    ends_sentence,
    starts_sentence,
    token_before,
    word_after,
    word_before,
)


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


def test_token_before_reads_past_one_line_break_at_the_position_as_a_pattern_ending_in_dollar_does():
    for text in ("a b\n", "word\n", "a\n\n", "a \n", "a\n b", "\n"):
        expected = re.search(r"\S*$", text).group()
        assert token_before(text, len(text)) == expected, text


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


# Each character on its own, between characters that are no word's.
EVERY_CHARACTER = "\0".join(chr(point) for point in range(0x110000) if not 0xD800 <= point <= 0xDFFF)


@pytest.mark.parametrize("letter", ["a", "i", "K", "s", "é", "5", "."])
def test_a_class_led_phrase_takes_as_its_first_character_what_case_insensitive_matching_does(letter):
    led = re.compile(class_led_phrase(letter, case_sensitive=False))
    found = led.findall(EVERY_CHARACTER)
    assert found == bounded_phrase(letter, case_sensitive=False).findall(EVERY_CHARACTER)
    assert len(found) >= 1 + letter.isalpha()


PHRASE_PIECES = ["can not", "a lot", "Kilo", "sh", "US Air", "U.S.", "é u", "5 pct", "-backed", "ſh"]
TEXT_PIECES = PHRASE_PIECES + [" ", "  ", "\n", "\n\n", "a", "CAN\nNOT", "KILO", "Ilo", "x", "_", ".", "ÉU", "É u"]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(PHRASE_PIECES),
    st.booleans(),
    st.lists(st.sampled_from(TEXT_PIECES), max_size=12).map("".join),
)
def test_a_class_led_phrase_matches_where_the_bounded_phrase_does(phrase, case_sensitive, text):
    led = re.compile(class_led_phrase(phrase, case_sensitive))
    spans = [match.span() for match in led.finditer(text)]
    assert spans == [match.span() for match in bounded_phrase(phrase, case_sensitive).finditer(text)]


def test_last_before_reads_past_spaces_within_its_reach_only():
    assert last_before("rose 5  ", 8, 24) == "5"
    assert last_before("rose 5\n ", 8, 24) == "5"
    assert last_before("rose", 4, 2) == "e"
    assert last_before("5" + " " * 30, 31, 24) == ""
    assert last_before("", 0, 24) == ""
