"""Unbalanced quotes: unclosed and stray marks, run-on paragraphs, inch marks, curly marks."""

import pytest

from editor.engine import Checker, builtin_style

AP = Checker(builtin_style("ap"))


def flagged(text):
    """(offset, message) of each unbalanced-quote issue."""
    return [(i.start, i.message) for i in AP.check(text) if i.rule == "unbalanced-quote"]


def test_an_unclosed_quote_is_flagged_at_its_opening_mark():
    text = 'The port reopened on Monday. "Ships are moving again, the harbour master said.'
    assert flagged(text) == [(text.index('"'), "Quotation mark opened and not closed")]


def test_a_closing_mark_with_no_opening_is_flagged_at_the_mark():
    text = 'Ships are moving again," the harbour master said.'
    assert flagged(text) == [(text.index('"'), "Quotation mark closed but never opened")]


def test_a_stray_curly_closing_mark_is_flagged():
    text = "Ships are moving again,” the harbour master said."
    assert flagged(text) == [(text.index("”"), "Quotation mark closed but never opened")]


def test_no_fix_is_offered():
    issues = [i for i in AP.check('"Ships are moving again, he said.') if i.rule == "unbalanced-quote"]
    assert issues and all(i.replacements == () for i in issues)


def test_a_quote_running_on_over_several_paragraphs_is_not_an_error():
    text = (
        '"The first ships left at dawn," the harbour master said. "We expect forty more by Friday.\n\n'
        '"The channel has been dredged and the cranes are working again.\n\n'
        '"We are open for business," she added.'
    )
    assert flagged(text) == []


def test_a_run_on_may_continue_into_an_indented_paragraph():
    text = '"We expect forty more ships by Friday.\n\n   "The channel is clear," she said.'
    assert flagged(text) == []


def test_a_quote_left_open_before_a_paragraph_without_a_mark_is_flagged():
    text = (
        '"We expect forty more ships by Friday.\n\n'
        '"The channel has been dredged.\n\n'
        "Port officials declined to comment."
    )
    assert flagged(text) == [(text.index('"The channel'), "Quotation mark opened and not closed")]


def test_an_unclosed_quote_at_the_end_of_the_story_is_flagged():
    text = 'The port reopened.\n\n"We expect forty more ships by Friday.'
    assert flagged(text) == [(text.index('"'), "Quotation mark opened and not closed")]


def test_a_quote_opened_again_before_it_closed_is_flagged_once():
    text = '"Ships are moving, she said. "We expect forty more," she added.'
    assert flagged(text) == [(0, "Quotation mark opened and not closed")]


@pytest.mark.parametrize(
    "text",
    [
        "The centre, who is 6'11\", signed on Tuesday.",
        'The company recalled its 12" tablets and 15" laptops.',
        "He stands 5’11\" tall.",
        '"He is 6\'2" and quick on his feet," the coach said.',
        '"We bought a 12" screen for the office," she said.',
        '"The final score was 3-1," the coach said.',
        '"The final score was 3-1". The coach left.',
    ],
)
def test_inch_marks_are_not_quotation_marks(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Fans of rock 'n' roll waited 'til dawn to see 'The Dawgs' play.",
        '"He told me \'go home,\' and I did," the driver said.',
        '"Their slogan was \'never again,\'" the historian wrote.',
        "“We will not retreat,” the general said. “Never.”",
        '("We will not retreat") was the headline.',
        'The army said:"We will not retreat."',
        '"We will go,"he said.',
        'Ships resume sailing after port strike ends\n\n"We are open," the harbour master said.',
        '"The channel is clear and\nthe cranes are working," she said.',
    ],
)
def test_balanced_quotes_are_not_flagged(text):
    assert flagged(text) == []


def test_a_headline_without_quotes_is_not_flagged():
    assert flagged("Port reopens after strike\n\nShips began moving on Monday.") == []


@pytest.mark.parametrize(
    "text",
    [
        'The film "Apollo 13" opened on Friday.',
        '"Catch-22" is his best-known novel.',
        'He starred in "Ocean\'s 11" and "Apollo 13" that year.',
        '"The screen is a 12" model," she said.',
        '"He is 5\'11" tall," she said.',
    ],
)
def test_a_mark_after_a_digit_closes_the_open_quote_unless_a_later_mark_does(text):
    assert flagged(text) == []
