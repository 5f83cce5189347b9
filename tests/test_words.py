"""The shared text helpers: where sentences start and end."""

import pytest

from editor.engine.words import ends_sentence, starts_sentence, token_before


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
