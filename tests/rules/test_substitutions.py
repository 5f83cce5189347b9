"""House substitutions, and the words of a direct quotation that are the speaker's."""

import pytest

RULE_ID = "house-substitution"


@pytest.mark.parametrize(
    "text",
    [
        '"We are moving towards a deal," he said.',
        'He said they were "moving towards a deal".',
        "“Whilst we talk, they fight,” she said.",
        '"We will fight on," he said. "We are moving towards a deal.\n\n"Amongst us there is no doubt."',
    ],
)
def test_words_inside_a_quotation_are_the_speakers(ap_rule, text):
    assert ap_rule.issues(text) == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ('He said "we can not go" and left.', 'He said "we cannot go" and left.'),
        ('"There were alot of them," he said.', '"There were a lot of them," he said.'),
        ('"We are moving," he said, moving towards the door.', '"We are moving," he said, moving toward the door.'),
    ],
)
def test_a_respelling_applies_inside_quotes_and_any_change_outside(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed
