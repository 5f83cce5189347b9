"""A compound written two ways: closed, hyphenated and open forms, places in a sentence, house forms."""

import pytest

from editor.engine import Checker, builtin_style, load_style

RULE_ID = "hyphenation-consistency"


def test_the_majority_form_is_the_fix_and_all_uses_share_a_group(british_rule):
    text = "Noteholders met. The noteholders voted. The note holders left, and the note-holders stayed."
    issues = british_rule.issues(text)
    assert sorted(text[i.start : i.end] for i in issues) == ["note holders", "note-holders"]
    assert {i.replacements for i in issues} == {("noteholders",)}
    assert len({i.group for i in issues}) == 1


def test_a_plural_is_the_same_compound(british_rule):
    assert british_rule.flags("The firm's co-founder spoke. Its co-founder left. The other cofounders stayed.") == [
        ("cofounders", ("co-founders",))
    ]


def test_the_house_form_wins_over_the_majority(ap_rule, british_rule):
    text = "The north-east flooded. The north-east was hit. The north east dried."
    assert ap_rule.fixed(text) == "The northeast flooded. The northeast was hit. The northeast dried."
    assert british_rule.fixed(text) == "The north-east flooded. The north-east was hit. The north-east dried."


def test_a_form_the_story_writes_one_way_is_left_alone_even_against_the_house_form(ap_rule):
    assert ap_rule.flags("The north-east flooded. The north-east was hit.") == []


def test_a_form_with_a_capital_is_not_read(ap_rule):
    assert ap_rule.flags("Stock holders met. The stockholders voted. Co-founders left. The cofounders stayed.") == []


@pytest.mark.parametrize(
    "text",
    [
        # Before a noun and elsewhere: both right.
        "The long-term debt rose, but in the long term it will fall.",
        "She is a well-known author. Her work is well known.",
        "He has a full-time job. He works full time.",
        # Meaning differs.
        "He will re-sign the contract. He did not resign.",
        "The re-creation of the scene took days. Recreation is free.",
        # A phrasal verb and its noun; words that make no compound apart.
        "They set up a fund. The set-up was costly.",
        "The firm may take over its rival. The takeover was blocked.",
        "They meet every day. It is an everyday task.",
        "It may be late. Maybe not.",
        # Names and the style's variant groups.
        "Boutros Boutros-Ghali spoke. Boutros Ghali left.",
        "The ceasefire held. The cease-fire was agreed.",
        # A compound joined to a number, or an unknown place after it.
        "An 11.0-billion-dlr suit. A billion dlr deal.",
        "Its fourth-quarter 2004 profits fell in the fourth quarter of 2004.",
    ],
)
def test_look_alikes_are_left_alone(ap_rule, text):
    assert ap_rule.flags(text) == []


def test_a_style_file_names_its_own_house_form(tmp_path):
    path = tmp_path / "desk.toml"
    path.write_text('[style]\nextends = "ap"\n\n[words]\ncompounds = ["stock-holder"]\n', encoding="utf-8")
    (rule,) = [rule for rule in __import__("editor.rules", fromlist=["all_rules"]).all_rules() if rule.id == RULE_ID]
    checker = Checker(load_style(path), rules=(rule,))
    text = "The stockholders met. The stockholders voted. The stock holders left."
    assert {issue.replacements for issue in checker.check(text)} == {("stock-holders",)}


def test_british_style_replaces_the_ap_form_of_a_compound():
    assert "north-east" in builtin_style("british").compounds
    assert "antiwar" in builtin_style("ap").compounds
