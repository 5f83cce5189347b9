"""Hyphen spacing: gaps beside a compound's hyphen, and the hyphens that are not a compound's."""

import pytest

RULE_ID = "hyphen-spacing"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Fighters of usa -backed groups advanced.", "Fighters of usa-backed groups advanced."),
        ("A pro- Assad militia attacked.", "A pro-Assad militia attacked."),
        ("The U.S. -led coalition struck.", "The U.S.-led coalition struck."),
        ("The U.S.- backed force withdrew.", "The U.S.-backed force withdrew."),
        ("An anti -American protest formed.", "An anti-American protest formed."),
        ("Send an e- mail to the desk.", "Send an e-mail to the desk."),
        ("A well- known lawyer spoke.", "A well-known lawyer spoke."),
        ("Iran  -backed militias fired.", "Iran-backed militias fired."),
        ("Shells hit the Syria- Jordan border.", "Shells hit the Syria-Jordan border."),
        ("A follow -up meeting is set.", "A follow-up meeting is set."),
    ],
)
def test_a_gap_in_a_compound_is_closed(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


def test_the_flag_covers_only_the_gap_and_the_hyphen(ap_rule):
    assert ap_rule.flags("usa -backed and pro- Assad") == [(" -", ("-",)), ("- ", ("-",))]


@pytest.mark.parametrize(
    "text",
    [
        "The war- torn city was quiet.",  # or "war-torn": no way to know it is not a broken word
        "The govern- ment said so.",  # a word broken at a line end: "government", not "govern-ment"
        "He said -Britain would act.",  # a dash that lost a space, or a compound: not clear
        "The war and the peace- changed everything.",
    ],
)
def test_an_unclear_gap_is_flagged_without_a_fix(ap_rule, text):
    issues = ap_rule.issues(text)
    assert len(issues) == 1
    assert issues[0].replacements == () and issues[0].group is None


def test_fixable_gaps_can_be_fixed_all_together(ap_rule):
    issues = ap_rule.issues("usa -backed, pro- Assad and anti -American groups; the war- torn city.")
    assert [issue.group for issue in issues] == ["hyphen-spacing"] * 3 + [None]


@pytest.mark.parametrize(
    "text",
    [
        # suspended hyphens
        "Both pro- and anti-war groups marched.",
        "A two- or three-day visit is planned.",
        "Pre- and post-election violence was reported.",
        "Mid- to late-1990s records were lost.",
        "First- through third-grade pupils stayed home.",
        "Small- and medium-sized firms, and pro- versus anti-government camps.",
        # hyphens used as dashes
        "The war - and the peace - changed everything.",
        "The war -and the peace changed everything.",
        "He said- the army would stay.",
        "It was over -or so they thought.",
        # minus signs, ranges and bullets
        "Temperatures fell to -5 degrees, and to -10 overnight.",
        "The score was 10 -3 at halftime.",
        "- a list item\n- another item",
        "Items:\n  - tents\n  - blankets",
        # command options, paths and code
        "Run ls -la to list the files.",
        "Use rm -rf with care.",
        "Type tar -x -f archive.tar to unpack it.",
        "Then find /data -name report.txt in the folder.",
        "Commit with `git commit -am message` first.",
        "$ pip install copydesk --upgrade -q",
        # datelines
        "LONDON -Britain said on Monday it would act.",
        # line-end hyphenation is not a gap on one line
        "The govern-\nment said so.",
        "U.S.-backed fighters advanced.",
    ],
)
def test_hyphens_that_are_not_a_broken_compound_are_left_alone(ap_rule, text):
    assert ap_rule.flags(text) == []


def test_the_british_style_flags_the_same_damage(british_rule):
    assert british_rule.fixed("A pro- Assad and usa -backed force.") == "A pro-Assad and usa-backed force."


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("A 30-year-old man and his two year- old son.", "A 30-year-old man and his two year-old son."),
        ("Stem-cell work is costly.\n\nThe stem- cell bill passed.", "Stem-cell work is costly.\n\nThe stem-cell bill passed."),
        ("The quarter- final is on Sunday, the last quarter-final.", "The quarter-final is on Sunday, the last quarter-final."),
        ("A year -old dispute and a year-old rule.", "A year-old dispute and a year-old rule."),
        ("The 10-year bond fell and the 10- year note rose.", "The 10-year bond fell and the 10-year note rose."),
        ("The govern- ment said so, and the government meant it.", "The government said so, and the government meant it."),
    ],
)
def test_a_compound_the_story_writes_closed_up_elsewhere_is_closed_up(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


def test_a_gap_with_evidence_for_both_forms_offers_the_compound_first(ap_rule):
    text = "A break- down of talks; the breakdown came after a break-down of trust."
    assert ap_rule.flags(text) == [("- ", ("-", ""))]


@pytest.mark.parametrize(
    "text",
    [
        "The pay- and benefit-review ended, as did the pay-review.",  # a suspended hyphen
        "The 10- and 20-year bonds fell, and the 10-year note.",
        "Scores of 10- year olds came.",  # after a figure, no evidence: not flagged
    ],
)
def test_suspended_hyphens_and_figures_without_evidence_are_not_flagged(ap_rule, text):
    assert ap_rule.flags(text) == []
