"""Date forms: order, AP's month abbreviations, ordinals and capitals."""

import pytest

RULE_ID = "date-form"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Talks began on 6 March.", "Talks began on March 6."),
        ("Talks began on January 6 and ended on Sept 9.", "Talks began on Jan. 6 and ended on Sept. 9."),
        ("WASHINGTON, Oct 20 - The Fed said.", "WASHINGTON, Oct. 20 - The Fed said."),
        ("The deal, signed on 19 October 1987, stood.", "The deal, signed on Oct. 19, 1987, stood."),
        ("It opens on Mar. 6 and Sep. 3.", "It opens on March 6 and Sept. 3."),
        ("The vote was on March 6th and 2nd June.", "The vote was on March 6 and June 2."),
        ("They met on tuesday and again on mondays.", "They met on Tuesday and again on Mondays."),
        ("It resigned on february 17 and again by march 9.", "It resigned on Feb. 17 and again by March 9."),
        ("Prices rose in the year to end-february. Rates fell in june.", "Prices rose in the year to end-February. Rates fell in June."),
        ("The talks on September 11-12 ended.", "The talks on Sept. 11-12 ended."),
        ("The talks ended on 6 Oct. Nothing followed.", "The talks ended on Oct. 6. Nothing followed."),
    ],
)
def test_ap_dates(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Talks began on March 6.", "Talks began on 6 March."),
        ("Signed on Oct. 19, 1987, it stood.", "Signed on 19 October 1987, it stood."),
        ("The vote was on 6th March.", "The vote was on 6 March."),
        ("The vote was on 6 Jan. in Rome.", "The vote was on 6 January in Rome."),
    ],
)
def test_british_dates(british_rule, text, fixed):
    assert british_rule.fixed(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "In March 12 banks failed, and during May 3 more.",
        "Troops march 6 miles a day and they may 2 times over.",
        "THE TALKS BEGAN ON MARCH 6 AND ENDED FEB 9.",
        "Output in March 1987 fell; March 1,000 and a 6.5 March rise.",
        "The May Day parade, an august body and the April fool were on Monday.",
        "He will mar 6 lives; the sep 3 field.",
        "A range of 5-6 March, and March 6-7 stays.",
        "The 20th Century Fox film and the 10th District Court.",
        "The vote was on the 2nd June.",
    ],
)
def test_look_alikes_are_left_alone(ap_rule, british_rule, text):
    assert ap_rule.flags(text) == []
    if "March 6-7" not in text:
        assert british_rule.flags(text) == []


def test_a_range_is_not_reordered(british_rule):
    assert british_rule.flags("The talks on March 6-7 ended.") == []


def test_every_flag_shares_one_fix_all_group_and_says_why(ap_rule):
    issues = ap_rule.issues("Talks began on 6 March and on January 9th.")
    assert {issue.group for issue in issues} == {"date-form"}
    assert "the month comes first" in issues[0].explanation
    assert "abbreviates January" in issues[1].explanation and "no ordinal" in issues[1].explanation


def test_a_style_that_names_no_order_keeps_the_story_majority(rule_with_forms):
    rule = rule_with_forms('date_order = ""', extends="british")
    assert rule.flags("On 6 March, 7 March and April 9.") == [("April 9", ("9 April",))]
    assert rule.flags("On March 6, March 7 and 9 April.") == [("9 April", ("April 9",))]
