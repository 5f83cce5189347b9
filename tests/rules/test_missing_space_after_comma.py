"""A comma that lost the space after it, between words only."""

import pytest

RULE_ID = "missing-space-after-comma"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Rescuers reached the ships,which had run aground.", "Rescuers reached the ships, which had run aground."),
        ("The talks ended on Monday,The delegates said.", "The talks ended on Monday, The delegates said."),
        ("Red,white and blue,he said,finally.", "Red, white and blue, he said, finally."),
    ],
)
def test_the_space_is_put_back(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


def test_the_flag_is_the_comma_and_fixes_all_together(ap_rule):
    issues = ap_rule.issues("the ships,which ran aground,sank.")
    assert [(i.start, i.end, i.replacements, i.group) for i in issues] == [
        (9, 10, (", ",), RULE_ID),
        (27, 28, (", ",), RULE_ID),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "About 1,000 people, 3.5 pct and 1,2-dichloroethane.",
        "The U.S.,which is rare, agreed.",
        "Options a,b and c were listed.",
        "See www.example.com/a,b or news,desk@example.org or example.org/?q=a,b today.",
        "Prices for AAPL.O,MSFT.O and <TWA>,<PAN> rose.",
        "Call f(x,y) or print(first,second) to test.",
        "The file was saved as notes_one,two.txt on the desk.",
        "Rescuers reached the ships, which had run aground.",
        "NYSE,NASDAQ and AMEX closed.",
    ],
)
def test_figures_addresses_codes_and_abbreviations_are_left_alone(ap_rule, text):
    assert ap_rule.issues(text) == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("LONDON,Oct 20 - Britain's highest court ruled.", "LONDON, Oct 20 - Britain's highest court ruled."),
        ("Sales at McDonald's,an operator of restaurants, rose.", "Sales at McDonald's, an operator of restaurants, rose."),
        ("Well,I think we could win.", "Well, I think we could win."),
        ("A director at Greenpeace in the UK,said it was wrong.", "A director at Greenpeace in the UK, said it was wrong."),
        ("Now,GW Pharma's spray could be sold.", "Now, GW Pharma's spray could be sold."),
    ],
)
def test_capitals_possessives_and_one_letter_words_around_the_comma(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("The pair contest the 60m,the distance he holds.", "The pair contest the 60m, the distance he holds."),
        ("Off the coast of Iran,U.S. officials said.", "Off the coast of Iran, U.S. officials said."),
    ],
)
def test_a_measure_before_and_an_abbreviation_after_the_comma(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed
