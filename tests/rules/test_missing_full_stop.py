"""A body paragraph without its full stop, and the paragraphs that end without one on purpose."""

import pytest

RULE_ID = "missing-full-stop"
HEADLINE = "Talks fail in Geneva\n\n"


@pytest.mark.parametrize(
    ("body", "fixed"),
    [
        ("Output rose 0.5 pct in February, the Fed said", "Output rose 0.5 pct in February, the Fed said."),
        ("Mining output was still six pct lower than in 1986", "Mining output was still six pct lower than in 1986."),
        ('A lawyer argued the ruling would "kill the offer"', 'A lawyer argued the ruling would "kill the offer."'),
        ("The minister said the talks would go on (for now)", "The minister said the talks would go on (for now)."),
        ("The talks ended without a deal on Monday\n\nThe delegates left.", "The talks ended without a deal on Monday.\n\nThe delegates left."),
    ],
)
def test_the_lost_stop_is_added(ap_rule, body, fixed):
    assert ap_rule.fixed(HEADLINE + body) == HEADLINE + fixed


@pytest.mark.parametrize(
    ("body", "fixed"),
    [
        ('A lawyer argued the ruling would "kill the offer"', 'A lawyer argued the ruling would "kill the offer".'),
        ('The minister told reporters: "We will not give up"', 'The minister told reporters: "We will not give up."'),
    ],
)
def test_british_style_puts_the_stop_outside_a_quoted_fragment_only(british_rule, body, fixed):
    assert british_rule.fixed(HEADLINE + body) == HEADLINE + fixed


def test_the_flag_covers_the_last_word_and_fixes_all_together(ap_rule):
    text = HEADLINE + "Output rose 0.5 pct in February, the Fed said\n\nMining output fell by a little in March"
    issues = ap_rule.issues(text)
    assert [text[i.start : i.end] for i in issues] == ["said", "March"]
    assert {i.group for i in issues} == {RULE_ID}


@pytest.mark.parametrize(
    "text",
    [
        "Talks fail in Geneva as delegates walk out of the room",  # the headline
        HEADLINE + "By Jane Smith and John Doe, Associated Press Writers\n\nThe talks failed.",
        HEADLINE + "Reporting by Jane Smith in London; editing by John Doe and others",
        HEADLINE + "LONDON, March 13 (Reuters) -\n\nThe talks failed.",
        HEADLINE + "The measures include:\n\nhigher taxes on fuel and tobacco for everyone\n\nlower spending on roads and rail for a while\n\nThe talks failed.",
        HEADLINE + "* higher taxes on fuel and tobacco for everyone",
        HEADLINE + "1. higher taxes on fuel and tobacco for everyone",
        HEADLINE + "Bigger fines for polluters\n\nThe talks failed.",  # a crosshead
        HEADLINE + "Questions Over The Future Of The Whole Scheme Remain\n\nThe talks failed.",
        HEADLINE + "(Index of economic spotlights, see page ECRA)",
        HEADLINE + "Official sources said the bank, France's sixth largest,\n\nplanned a share split.",
        HEADLINE + "Official sources said the bank, the sixth largest in France\n\nplanned a share split.",
        HEADLINE + 'He said: "The talks failed."',
        HEADLINE + "Did the talks fail? Nobody knows!",
        HEADLINE + "He hesitated, then said the talks would...",
        HEADLINE + "He was acquitted on 84 charges. -- corrects number of charges",
        HEADLINE + "Shr 1.20 dlrs vs 1.10 dlrs\nNet 12.3 mln vs 11.2 mln\nRevs 500 mln vs 450 mln",
        HEADLINE + "Company      Shares     Price change today",
    ],
)
def test_paragraphs_that_end_without_a_stop_on_purpose_are_left_alone(ap_rule, text):
    assert ap_rule.issues(text) == []


def test_a_hard_wrapped_paragraph_is_one_paragraph(ap_rule):
    text = HEADLINE + (
        "Industrial production rose 0.5 pct in February after a revised\n"
        "0.1 pct increase in January, the Federal Reserve Board said"
    )
    assert ap_rule.fixed(text).endswith("Board said.")
