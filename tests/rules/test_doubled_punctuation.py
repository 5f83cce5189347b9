"""Doubled punctuation: one mark too many after a word, but not ellipses, ranges, paths, code or emphasis."""

import pytest

RULE_ID = "doubled-punctuation"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("The talks ended,, officials said.", "The talks ended, officials said."),
        ("The talks ended,,, officials said.", "The talks ended, officials said."),
        ("The talks ended..", "The talks ended."),
        ("Troops left the U.S.. Officials said so.", "Troops left the U.S. Officials said so."),
        ('He called it "a mistake"..', 'He called it "a mistake".'),
        ("He listed them:: one, two.", "He listed them: one, two."),
        ("It rained;; roads flooded.", "It rained; roads flooded."),
    ],
)
def test_the_doubled_mark_becomes_one(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


def test_doubled_marks_share_one_fix_all_group(ap_rule):
    issues = ap_rule.issues("one,, two.. three;;")
    assert len(issues) == 3 and {issue.group for issue in issues} == {"doubled-punctuation"}


@pytest.mark.parametrize(
    "text",
    [
        "He paused... then spoke.",
        "It ended....",
        "Really?! she asked. Why?? Stop!! Really!?",
        "The time was 10:30.",
        "See C:\\ drive.",
        "Pages 1..10 are missing.",
        "Open the folder ../data, or cd .. first.",
        "It uses std::vector and the address fe80::1.",
        "The loop was for (;;) in the code.",
        "The U.S., the U.N. and the E.U. agreed.",
    ],
)
def test_ellipses_ranges_paths_code_and_emphasis_are_left_alone(ap_rule, text):
    assert ap_rule.flags(text) == []
