"""What the review desk says about an issue, without Qt: fix labels, the words in context, the status line."""

import pytest

from editor.engine import Checker, builtin_style
from editor.engine.issues import Issue
from editor.review import CONTEXT_WORDS, card_of, context_of, fix_label, fix_labels, status_line
from editor.rules import all_rules


def issue_on(text, flagged, replacements=(), occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(flagged, start + 1)
    return Issue("test", "typo", "error", start, start + len(flagged), "A message", replacements=tuple(replacements))


@pytest.mark.parametrize(
    ("text", "flagged", "replacement", "label"),
    [
        ("USA officials said", "USA", "U.S.", "Change to “U.S.”"),
        ("Governor Maria Alvarez Alvarez said", "Alvarez Alvarez", "Alvarez", "Delete the repeated word"),
        ("the the the talks", "the the the", "the", "Delete the repeated words"),
        ("officials said", "said", "said.", "Add the full stop"),
        ('"We will go on", she said', '",', ',"', "Put the comma inside the quotation mark"),
        ("storms,which", ",", ", ", "Add a space after the comma"),
        ("shelters inland , officials", " ,", ",", "Delete the space before the comma"),
        ("usa -backed", " -", "-", "Delete the space before the hyphen"),
        ("said  the", "  ", " ", "Delete the extra space"),
        ("Talks ended,, he said", ",,", ",", "Delete the extra comma"),
        ("ended. this is", "this", "This", "Capitalise: “This”"),
        ("the Foreign Ministry said", "Foreign Ministry", "foreign ministry", "Lowercase: “foreign ministry”"),
        ("a cofounder of", "cofounder", "co-founder", "Change to “co-founder”"),
        ("walked towards them", "towards", "toward", "Change to “toward”"),
        ("an anti war march", "anti war", "antiwar", "Change to “antiwar”"),
        ("it said.\" she", '." she', '," she', "Change the full stop to a comma"),
        ('a "quote"', '"', "“", "Change the straight quotation mark to an opening quotation mark"),
        ("the\u00a0talks", "\u00a0", " ", "Change the no-break space to a space"),
        ("the\u200btalks", "\u200b", "", "Delete the zero-width space"),
        ("barriers.\n\nLatest News", "\n\nLatest News", "", "Delete “Latest News”"),
        ("prices fell sharply", "sharply", "x" * 60, "Change to “" + "x" * 39 + "…”"),
    ],
)
def test_a_fix_label_says_what_happens(text, flagged, replacement, label):
    assert fix_label(issue_on(text, flagged), text, replacement) == label


def test_no_label_is_just_the_replacement():
    """Every fix every rule offers on its own examples is said as an action, in both built-in styles."""
    for style in ("ap", "british"):
        for rule in all_rules():
            for text in rule.must_flag:
                for issue in Checker(builtin_style(style), rules=(rule,)).check(text):
                    for replacement, label in zip(issue.replacements, fix_labels(issue, text)):
                        assert label.split()[0] in {"Change", "Delete", "Add", "Put", "Capitalise:", "Lowercase:"}, label
                        assert label.strip("“”") != replacement


def test_context_shows_a_few_words_either_side_within_the_paragraph():
    text = "First paragraph here.\n\nOne two three four five six said the the talks on Monday in Geneva again.\n\nNext."
    context = context_of(issue_on(text, "the the"), text)
    assert (context.before, context.flagged, context.after) == ("…four five six said ", "the the", " talks on Monday in…")
    assert len(context.before.split()) <= CONTEXT_WORDS
    start = context_of(issue_on(text, "One"), text)
    assert (start.before, start.after) == ("", " two three four five…")


def test_context_names_what_cannot_be_seen():
    text = "the\u200btalks ended.\n\nLatest News"
    assert context_of(issue_on(text, "\u200b"), text).flagged == "‹zero-width space›"
    assert context_of(issue_on(text, "\n\nLatest News"), text).flagged == "¶ Latest News"


def test_a_card_holds_line_context_message_and_fix_labels():
    text = "Headline\n\nUSA officials said the the talks ended"
    issue = issue_on(text, "the the", ["the"])
    card = card_of(issue, text, 3)
    assert (card.line, card.message, card.fixes) == (3, "A message", ("Delete the repeated word",))
    assert card.context.flagged == "the the"


def test_the_status_line_numbers_the_issue_and_says_when_there_is_no_fix():
    fixable = issue_on("USA officials", "USA", ["U.S."])
    assert status_line(3, 29, fixable) == "Issue 3 of 29: A message"
    assert "no fix offered" in status_line(1, 1, issue_on("USA officials", "USA"))
