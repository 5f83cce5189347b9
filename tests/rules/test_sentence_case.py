"""Sentences and paragraphs that start in lowercase, and the stops and capitals that are not an error."""

import pytest

RULE_ID = "sentence-case"


@pytest.mark.parametrize(
    ("text", "flagged", "fixes"),
    [
        ("It was a breach. this is unacceptable.", "this", ("This",)),
        ("The bill was approved. because it was urgent.", ". because", (" because", ". Because")),
        ("It is the plan. which nobody likes.", ". which", (" which", ". Which")),
        ('"The talks have ended." she said.', '." she', ('," she', '." She')),
        ("“The talks have ended.” the minister said.", ".” the", (",” the", ".” The")),
    ],
)
def test_the_flag_and_its_fixes_put_the_likelier_one_first(ap_rule, text, flagged, fixes):
    assert ap_rule.flags(text) == [(flagged, fixes)]


def test_the_message_shows_the_word_as_written(ap_rule):
    (issue,) = ap_rule.issues("It was a breach. this is unacceptable.")
    assert "“this”" in issue.message and "“This”" not in issue.message


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("the talks failed on Monday.", "The talks failed on Monday."),
        ("Talks fail\n\nthe talks failed on Monday.", "Talks fail\n\nThe talks failed on Monday."),
        ('Talks fail\n\n"the talks failed," he said.', 'Talks fail\n\n"The talks failed," he said.'),
        ("Talks fail\n\nThey met.\n\n“we will go on,” he said.", "Talks fail\n\nThey met.\n\n“We will go on,” he said."),
    ],
)
def test_the_first_word_of_a_story_or_paragraph_takes_a_capital(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Who Wants to Be a Millionaire? drew 10 million viewers.",
        "Yahoo! said its profit rose.",
        "The woman behind Mamma Mia! has joined the list.",
        "Sen. Phil Gramm (R-Tex.) said so.",
        "Rep. Jane Doe (D-Calif.) agreed.",
        "Talks fail\n\nOfficials said the bank, the sixth largest,\n\nplanned a share split.",
        "Talks fail\n\nThe plan includes:\n\nhigher taxes",
        "iPhone sales soar\n\neBay said sales rose.",
        "Talks fail\n\n(corrects spelling of name in second paragraph)",
        "Talks fail\n\na.m. trading was quiet, officials said.",
    ],
)
def test_names_titles_abbreviations_and_broken_paragraphs_are_left_alone(ap_rule, text):
    assert ap_rule.issues(text) == []
