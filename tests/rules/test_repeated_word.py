"""Repeated words: doubles joined to a possessive or a compound, names before a common word, triples."""

import pytest

RULE_ID = "repeated-word"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Shares of Apple Apple's rivals fell.", "Shares of Apple's rivals fell."),
        ("Shares of Apple Apple’s rivals fell.", "Shares of Apple’s rivals fell."),
        ("The non non-binding vote passed.", "The non-binding vote passed."),
        ("Anti anti-war protesters marched.", "Anti-war protesters marched."),
        ("A well well-known lawyer spoke.", "A well-known lawyer spoke."),
        ("He said that that that was wrong.", "He said that that was wrong."),
        ("He had had had enough.", "He had had enough."),
        ("Prime Minister Theresa May may may face a vote.", "Prime Minister Theresa May may face a vote."),
        ("He said the the the talks failed.", "He said the talks failed."),
        ("May may be the month, he said.", "May be the month, he said."),
    ],
)
def test_the_extra_copies_are_deleted(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


def test_a_triple_says_how_many_times_it_is_written(ap_rule):
    (issue,) = ap_rule.issues("He said that that that was wrong.")
    assert issue.message == "“that” is written 3 times"


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Theresa May may face a vote.",
        "Columnist George Will will speak on Monday.",
        "Boutros Boutros-Ghali was secretary-general.",
        "He met Boutros Boutros-Ghali.",
        "They flew to Bora Bora's main island.",
        "The well is two km south south east of the town.",
        "The storm is north north-west of the coast.",
    ],
)
def test_names_before_common_words_and_doubles_on_purpose_are_left_alone(ap_rule, text):
    assert ap_rule.issues(text) == []
