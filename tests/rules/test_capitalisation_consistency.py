"""A term capitalised two ways: majority, ties, and the capitals that show nothing."""

import pytest

RULE_ID = "capitalisation-consistency"


def test_the_minority_is_fixed_to_the_majority(ap_rule):
    text = (
        "The Foreign Ministry said talks would resume. A foreign ministry spokesman declined comment. "
        "The Foreign Ministry later confirmed it."
    )
    assert ap_rule.flags(text) == [("foreign ministry", ("Foreign Ministry",))]


def test_a_capitalised_minority_is_lowercased_but_keeps_a_sentence_start(ap_rule):
    text = "Federal reserve officials met. The federal reserve acted. Federal Reserve policy held. The federal reserve waits."
    assert ap_rule.flags(text) == [("Federal Reserve", ("Federal reserve",))]


def test_a_tie_goes_to_the_form_used_first_and_uses_share_a_group(ap_rule):
    text = "The Grand Slam began. She lost in a grand slam final."
    issues = ap_rule.issues(text)
    assert [(text[i.start : i.end], i.replacements) for i in issues] == [("grand slam", ("Grand Slam",))]


@pytest.mark.parametrize(
    "text",
    [
        # A title before a name is the title rule's.
        "Prime Minister Yasuhiro Nakasone spoke. The prime minister said talks would go on.",
        "Shadow foreign secretary Michael Ancram spoke. The Foreign Secretary replied.",
        # Part of a longer name, and a generic use.
        "The Central Bank of Kenya raised rates. The central bank said inflation was high.",
        "The Commodity Futures Trading Commission said futures trading rose.",
        "Loans from the Asian Development Bank grew. Other development banks lent less.",
        # A headline in capitals or title case, a quoted title.
        "FOREIGN MINISTRY SAYS TALKS FAIL\n\nThe foreign ministry said talks had failed.",
        "Foreign Ministry Says Talks Fail\n\nThe foreign ministry said talks had failed.",
        'She starred in "Central Station". The central station was closed.',
        # A sentence start alone.
        "Foreign ministry officials met. The foreign ministry said no more.",
    ],
)
def test_capitals_that_show_nothing_are_not_counted(ap_rule, text):
    assert ap_rule.flags(text) == []
