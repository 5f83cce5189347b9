"""Space before punctuation: removed, or moved after the mark, except where the space belongs."""

import pytest

RULE_ID = "space-before-punctuation"


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Residents moved inland , officials said.", "Residents moved inland, officials said."),
        ("Residents moved inland ,officials said.", "Residents moved inland, officials said."),
        ("It rained ; roads flooded.", "It rained; roads flooded."),
        ("It rained ;roads flooded.", "It rained; roads flooded."),
        ("The talks ended .", "The talks ended."),
        ("Why did it fail ?", "Why did it fail?"),
        ("It failed !", "It failed!"),
        ("Really ?!", "Really?!"),
        ("He listed three demands : a ceasefire, aid and talks.", "He listed three demands: a ceasefire, aid and talks."),
        ('She asked: "Why now ?"', 'She asked: "Why now?"'),
        ('He called it "a mistake" , she said.', 'He called it "a mistake", she said.'),
        ("Prices rose 5% , the office said.", "Prices rose 5%, the office said."),
        ("The talks ended   .", "The talks ended."),
    ],
)
def test_the_space_before_the_mark_goes(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


def test_the_flag_covers_the_space_and_the_mark(ap_rule):
    assert ap_rule.flags("inland , officials") == [(" ,", (",",))]
    assert {issue.group for issue in ap_rule.issues("a , b ; c .")} == {"space-before-punctuation"}


@pytest.mark.parametrize(
    "text",
    [
        "He paused ... then spoke.",
        "He paused . . . then spoke.",
        "Rates rose by .5 percent.",
        "It runs on .NET software and saves .pdf files.",
        "The figure was 1 ,000 in the scan.",
        "The odds were 3 : 1 against.",
        "He winked ;) and smiled :) at us ;-)",
        "Il a dit « Non ! » aux journalistes.",
        "Il a dit : « Non » et il est parti.",
        "Il a dit\u00a0: non\u00a0!",  # French puts a no-break space before these marks
        ", a comma at the start of a line",
        "Residents moved inland, officials said.",
    ],
)
def test_spaces_that_belong_are_left_alone(ap_rule, text):
    assert ap_rule.flags(text) == []


def test_french_quotation_is_left_alone_but_not_the_english_around_it(ap_rule):
    assert ap_rule.flags("He said « Non ! » , then left .") == [(" ,", (",",)), (" .", (".",))]
