"""Formal titles lowercased directly before a name."""

import pytest

from editor.engine import load_style
from editor.engine.story import needed_pattern
from editor.rules.formal_title import RULE

RULE_ID = "formal-title"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("The plan was backed by defense secretary Jim Mattis.", "The plan was backed by Defense Secretary Jim Mattis."),
        ("It said U.S. defense secretary Jim Mattis denied it.", "It said U.S. Defense Secretary Jim Mattis denied it."),
        ("Talks with prime minister Yasuhiro Nakasone ended.", "Talks with Prime Minister Yasuhiro Nakasone ended."),
        ("West German finance minister Gerhard Stoltenberg said.", "West German Finance Minister Gerhard Stoltenberg said."),
        ("It went to secretary of state George Shultz.", "It went to Secretary of State George Shultz."),
        ("Prime minister Yasuhiro Nakasone said so.", "Prime Minister Yasuhiro Nakasone said so."),
        ("It erupted when former prime minister Robert Muldoon spoke.", "It erupted when former Prime Minister Robert Muldoon spoke."),
        ("After meeting president Alan Garcia, he left.", "After meeting President Alan Garcia, he left."),
        ("Remarks by prime minister Jacques Chirac's spokesman.", "Remarks by Prime Minister Jacques Chirac's spokesman."),
    ],
)
def test_ap_capitalises_a_formal_title_before_a_name(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Jim Mattis, the defense secretary, said so; the prime minister, Yasuhiro Nakasone, agreed.",
        "The prime minister said on Monday that the president would go.",
        "Chief executive John Smith, spokesman Tom Jones and coach Bill Smith said so.",
        "The prime minister Yasuhiro Nakasone leads was re-elected; his president Reagan met.",
        "Soffex president Rudolf Mueller and Toshiba's president Taizo Nishimuro spoke.",
        "Deputy finance minister Ali Khan and farm commissioner Frans Andriessen spoke.",
        "The vice-president Dick Cheney and an ex-president Carter spoke.",
        "Shadow foreign secretary Michael Ancram said so.",
        "He served as president Monday and met prime minister Mr Abe.",
        "The chairman and president Jack Reichert said so.",
        "Bundesbank (central bank) president Karl Otto Poehl spoke.",
    ],
)
def test_look_alikes_are_left_alone(ap_rule, text):
    assert ap_rule.flags(text) == []


def test_british_keeps_a_former_holder_s_title_lowercase(british_rule, ap_rule):
    text = "Former education secretary Estelle Morris and former US president Bill Clinton spoke."
    assert british_rule.flags(text) == []
    assert ap_rule.flags("It was former president Bill Clinton.") == [("president", ("President",))]
    assert british_rule.fixed("They met home secretary David Blunkett.") == "They met Home Secretary David Blunkett."
    assert british_rule.fixed("They met senator John McCain.") == "They met Senator John McCain."


def test_a_title_spelled_the_other_locale_s_way_waits_for_the_spelling_fix(ap_rule, british_rule):
    # spelling-locale flags "defence" in AP copy; one word takes one fix, so the title is flagged after it.
    assert ap_rule.flags("It said U.S. defence secretary Jim Mattis denied it.") == []
    assert british_rule.flags("It said defence secretary Geoff Hoon denied it.") == [("defence secretary", ("Defence Secretary",))]


def test_the_titles_are_the_house_style_s(rule_with_forms):
    rule = rule_with_forms('formal_titles = ["police chief"]')
    assert rule.fixed("It said police chief Ann Lee.") == "It said Police Chief Ann Lee."


# ---------------------------------------------------------------- what the rule needs in a paragraph


def test_what_the_rule_needs_is_a_house_title_before_a_capital(rule_with_forms):
    style = rule_with_forms('formal_titles = ["police chief"]').checker.style
    needs = needed_pattern(RULE.needs, style)
    assert needs.search("It said police chief Ann Lee.")
    assert not needs.search("The police chief said so.")


def test_a_style_without_titles_needs_what_no_text_has(tmp_path):
    path = tmp_path / "bare.toml"
    path.write_text('[style]\nname = "Bare"\n', encoding="utf-8")
    needs = needed_pattern(RULE.needs, load_style(path))
    assert not needs.search("It said president Alan Garcia.\n\nPrime minister Yasuhiro Nakasone")
