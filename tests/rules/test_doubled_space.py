"""Doubled spaces: between words and after full stops, but not indentation, line ends, tabs or tables."""

import pytest

RULE_ID = "doubled-space"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Residents were moved to shelters  inland.", "Residents were moved to shelters inland."),
        ("The talks ended.  Both sides left.  Nobody spoke.", "The talks ended. Both sides left. Nobody spoke."),
        ("Crews  worked through the   night.", "Crews worked through the night."),
        ("He said,  quietly, that it was over.", "He said, quietly, that it was over."),
        ("moved to the  shelters\r\nand  then inland", "moved to the shelters\r\nand then inland"),
    ],
)
def test_doubled_spaces_between_words_become_one(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


def test_the_whole_gap_is_one_issue(ap_rule):
    assert ap_rule.flags("shelters    inland") == [("    ", (" ",))]


def test_all_gaps_share_one_fix_all_group(ap_rule):
    assert {issue.group for issue in ap_rule.issues("one  two.  Three  four")} == {"doubled-space"}


@pytest.mark.parametrize(
    "text",
    [
        "    Indented first line of a quotation",
        "Trailing spaces  \nNext line",
        "Name\tVotes\tShare",
        "Name \t Votes",
        # columns aligned with spaces
        "Smith     12,345     48.1",
        "Candidate    Votes\nSmith        12,345",
        "Smith  12,345\nJones  11,002",
        "Team         P  W  D  L\nArsenal      5  4  1  0",
    ],
)
def test_indentation_line_ends_tabs_and_tables_are_left_alone(ap_rule, text):
    assert ap_rule.flags(text) == []


def test_a_table_row_does_not_hide_prose_gaps_in_another_paragraph(ap_rule):
    text = "Smith     12,345     48.1\n\nThe count  ended late."
    assert ap_rule.flags(text) == [("  ", (" ",))]
