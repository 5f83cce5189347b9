"""Joined sentences: a full stop between a word and a capitalised word, but not abbreviations or names."""

import pytest

RULE_ID = "missing-space-after-stop"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Troops entered the town.The minister said it was calm.", "Troops entered the town. The minister said it was calm."),
        ("Troops entered Syria.The minister said so.", "Troops entered Syria. The minister said so."),
        ("The city was war-torn.Nobody stayed.", "The city was war-torn. Nobody stayed."),
        ("He met Gen.Smith on Monday.", "He met Gen. Smith on Monday."),
        ("It rained.Roads flooded.Schools shut.", "It rained. Roads flooded. Schools shut."),
    ],
)
def test_a_space_is_put_after_the_full_stop(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


def test_the_flag_is_the_full_stop_alone(ap_rule):
    assert ap_rule.flags("in Syria.The minister") == [(".", (". ",))]


@pytest.mark.parametrize(
    "text",
    [
        "U.S. officials met at 9 a.m. Tuesday.",
        "Use a map, e.g. the one online.",
        "The rate rose to 3.5 percent in version 2.1 of the plan.",
        "Author J.R.R. Tolkien wrote it.",
        "See reuters.com, www.example.org or Reuters.Com for details.",
        "It was built with Node.js, or Node.Js, and served as index.html.",
        "Write to john.Smith@example.org today.",
        "The page is example.org/News.Html now.",
        "Call object.Method(x) in the script.",
        "He paused...Then spoke.",
        "The file is in C:\\Reports\\Annual.Final today.",
        "Troops entered the town. The minister said it was calm.",
    ],
)
def test_abbreviations_numbers_initials_and_names_are_left_alone(ap_rule, text):
    assert ap_rule.flags(text) == []
