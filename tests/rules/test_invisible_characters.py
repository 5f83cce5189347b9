"""Invisible characters: removed from words, and stray non-breaking spaces made plain; deliberate ones stay."""

import pytest

RULE_ID = "invisible-character"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("The min\u200bister said.", "The minister said."),
        ("A long-stand\u00ading dispute.", "A long-standing dispute."),
        ("The minis\u2060ter said.", "The minister said."),
        ("\u200bMinister Smith said.", "Minister Smith said."),
        ("The minister\u200b said.", "The minister said."),
        ("The min\u200b\u200b\u00adister said.", "The minister said."),
        ("Two files joined.\ufeffThe second one.", "Two files joined.The second one."),
        ("A gap \ufeff here.", "A gap  here."),
        ("the\u00a0minister said", "the minister said"),
        ("the caf\u00e9\u00a0owner", "the caf\u00e9 owner"),
    ],
)
def test_invisible_characters_are_removed_and_stray_no_break_spaces_made_plain(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


def test_a_run_of_invisible_characters_is_one_issue_named_for_its_first(ap_rule):
    issues = ap_rule.issues("min\u00ad\u200bister")
    assert len(issues) == 1 and "soft hyphen" in issues[0].message


def test_removals_and_no_break_spaces_are_fixed_all_in_separate_groups(ap_rule):
    groups = [issue.group for issue in ap_rule.issues("min\u200bister and the\u00a0minister")]
    assert groups == ["invisible-character", "invisible-character:nbsp"]


@pytest.mark.parametrize(
    "text",
    [
        "A family \U0001f468\u200d\U0001f469\u200d\U0001f467 emoji.",
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: the non-joiner is spelling
        "\u0e20\u0e32\u0e29\u0e32\u200b\u0e44\u0e17\u0e22",  # Thai: the zero-width space is the word break
        "It is 10\u00a0km away, Mr.\u00a0Smith said.",
        "Il a dit\u00a0: non\u00a0!",
        "A space \u200b between words.",
    ],
)
def test_deliberate_invisible_characters_are_left_alone(ap_rule, text):
    assert ap_rule.flags(text) == []
