"""Numbers: words below the house limit, figures from it, only where no exception applies."""

import pytest

from editor.engine.story import needed_pattern
from editor.rules.number_form import RULE

RULE_ID = "number-form"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("The bank said 3 companies had bid.", "The bank said three companies had bid."),
        ("Police said 2 people and 4 children were hurt.", "Police said two people and four children were hurt."),
        ("The bank said twelve companies had bid.", "The bank said 12 companies had bid."),
        ("It took forty-two days and twenty five weeks.", "It took 42 days and 25 weeks."),
        ("12 banks failed. 3 firms closed.", "Twelve banks failed. Three firms closed."),
        ("Output was still six pct lower, and five per cent up.", "Output was still 6 pct lower, and 5 per cent up."),
        ("He was jailed for ten years.", "He was jailed for 10 years."),
    ],
)
def test_ap_numbers(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 5 percent and a 7-year-old boy, aged 5, was 5 years old.",
        "The company lost $4 million, 3 mln dlrs and 2 billion yen after the 4-3 win.",
        "Channel 4 viewers saw page 3, No. 2 seeds and Halo 2 heralds.",
        "Between 3 and 12 banks failed; 3, 10 and 12 companies bid; 1 in 5 adults.",
        "Ten companies bid. Six pct of them won. Fifty nine percent agreed.",
        "THE BANK SAID 3 COMPANIES HAD BID.",
        "It took 3 hours, 5 points, 6 feet and 2 goals at 3 p.m. on March 3.",
        "The bank said three companies and 12 banks had bid, on the 3rd floor.",
        "He said 2 was enough, and 3 of them left; 07 agents.",
        "The Ten Commandments and twenty-first century and twelve-year-old girls.",
        "Inflation was six to seven pct.",
    ],
)
def test_exceptions_and_look_alikes_are_left_alone(ap_rule, text):
    assert ap_rule.flags(text) == []


def test_british_follows_the_same_limit(british_rule):
    assert british_rule.fixed("A report said ten users and 3 firms.") == "A report said 10 users and three firms."


def test_the_limit_is_the_house_style_s(rule_with_forms):
    rule = rule_with_forms("spell_out_below = 11")
    assert rule.flags("They said ten banks and 10 firms.") == [("10", ("ten",))]


def test_every_flag_is_one_fix_all_group(ap_rule):
    issues = ap_rule.issues("The bank said 3 companies and twelve banks had bid.")
    assert len(issues) == 2 and {issue.group for issue in issues} == {"number-form"}


# ---------------------------------------------------------------- what the rule needs in a paragraph


@pytest.mark.parametrize(
    ("limit", "needed"),
    [
        (0, {"zero banks", "ten banks", "twelve banks", "3 banks", "six pct"}),
        (11, {"twelve banks", "3 banks", "six pct"}),
        (100, {"3 banks", "six pct"}),
    ],
)
def test_what_the_rule_needs_follows_the_house_limit(rule_with_forms, limit, needed):
    style = rule_with_forms(f"spell_out_below = {limit}").checker.style
    needs = needed_pattern(RULE.needs, style)
    for phrase in ("zero banks", "ten banks", "twelve banks", "3 banks", "six pct", "x3 banks", "$3 banks"):
        text = f"They said {phrase} failed."
        assert bool(needs.search(text)) == (phrase in needed), phrase
        assert phrase in needed or not any(True for _ in RULE.find(text, style)), phrase
