"""Percent forms: the house form, the story's majority, and the wire's "pct"."""

import pytest

RULE_ID = "percent-form"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Prices rose 5 per cent and 3% in May.", "Prices rose 5 percent and 3 percent in May."),
        ("Prices rose 5 PER CENT.", "Prices rose 5 PERCENT."),
        ("Prices rose 1,200 %, then 0.5 per\ncent.", "Prices rose 1,200 percent, then 0.5 percent."),
    ],
)
def test_ap_writes_percent(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Prices rose 5 per cent and 3 percent in May.", "Prices rose 5% and 3% in May."),
        ("Output rose 2 pct and 1-1/2 pct.", "Output rose 2% and 1-1/2%."),
        ("Sixteen percent of voters agreed.", "Sixteen per cent of voters agreed."),
        ("Not a single percent of it, and 5% of them.", "Not a single per cent of it, and 5% of them."),
    ],
)
def test_british_writes_the_sign_and_per_cent_after_words(british_rule, text, fixed):
    assert british_rule.fixed(text) == fixed


def test_a_story_written_in_pct_keeps_it_under_ap(ap_rule):
    assert ap_rule.flags("Output rose 0.5 pct in May, 2 pct in June and six pct in July.") == []


def test_a_mixed_wire_story_is_made_one_form_by_its_majority(ap_rule):
    text = "Output rose 0.5 pct in May, 2 pct in June and 3 per cent in July, after a 1 percent fall."
    assert ap_rule.flags(text) == [("per cent", ("pct",)), ("percent", ("pct",))]
    # Where the house form is used as much as pct, the house form wins.
    assert ap_rule.flags("Output rose 0.5 pct in May and 2 percent in June.") == [("pct", ("percent",))]


def test_a_story_mostly_in_another_form_goes_to_the_house_form_not_pct(ap_rule):
    text = "Prices rose 5 per cent, 6 per cent and 7 pct."
    assert ap_rule.flags(text) == [("per cent", ("percent",)), ("per cent", ("percent",)), ("pct", ("percent",))]


def test_every_flag_of_a_story_is_one_fix_all_group(british_rule):
    issues = british_rule.issues("Up 5 pct, 6 percent and 7 per cent.")
    assert len(issues) == 3 and {issue.group for issue in issues} == {"percent-form"}
    assert all("British style" in issue.message for issue in issues)


def test_compounds_and_other_words_are_left_alone(ap_rule, british_rule):
    text = "The percentage rose; a 5-percent rise and a 51 per cent-owned unit, at 100 percentile."
    assert ap_rule.flags(text) == []
    assert british_rule.flags("The percentage of voters rose by 5%.") == []


def test_a_style_that_names_no_form_keeps_the_story_majority(rule_with_forms):
    rule = rule_with_forms('percent = ""')
    assert rule.flags("Up 5%, 6% and 7 percent.") == [("7 percent", ("7%",))]
    assert rule.flags("Up 5 per cent and 6 percent.") == [("percent", ("per cent",))]


def test_a_style_that_expands_wire_abbreviations_expands_pct(rule_with_forms):
    rule = rule_with_forms('wire_abbreviations = "expand"')
    assert rule.fixed("Output rose 0.5 pct and 2 pct.") == "Output rose 0.5 percent and 2 percent."
