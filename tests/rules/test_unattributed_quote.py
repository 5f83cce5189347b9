"""Unattributed quotes: where attribution counts, what a full sentence is, what a next paragraph may do."""

import pytest

from editor.engine import Checker, builtin_style
from editor.engine.story import Story
from editor.rules.unattributed_quote import RULE as AP_RULE
from tests.growth import grows_linearly

AP_STYLE = builtin_style("ap")
AP = Checker(AP_STYLE)


def issues_in(text):
    return [i for i in AP.check(text) if i.rule == "unattributed-quote"]


def flagged(text):
    return [text[i.start : i.end] for i in issues_in(text)]


QUOTE = '"We cannot call this flood a natural disaster any more."'


def test_a_quote_followed_by_an_unrelated_report_is_flagged():
    text = (
        '"You cannot call this flood a natural disaster anymore". The exception was the '
        "dam on the upper river, which was rebuilt in 2015.\n\n"
        "A regional broadcaster, Valley Radio, said there were casualties."
    )
    assert flagged(text) == ['"You cannot call this flood a natural disaster anymore"']


def test_the_issue_asks_for_the_speaker_and_offers_no_fix():
    (issue,) = issues_in(QUOTE)
    assert issue.severity == "warning" and issue.replacements == ()
    assert "who said it" in issue.message


@pytest.mark.parametrize(
    "text",
    [
        QUOTE[:-2] + '," the mayor said.',
        QUOTE + " the mayor said.",
        "The mayor said on Tuesday: " + QUOTE,
        "The mayor said on Tuesday, " + QUOTE,
        "The mayor was blunt: " + QUOTE,
        "The mayor was blunt:\n\n" + QUOTE,
        QUOTE + " The mayor told reporters the river had risen 2 metres.",
        QUOTE + " Water levels are rising, according to the agency.",
        "“We cannot call this flood a natural disaster any more,” the mayor said.",
    ],
)
def test_a_quote_attributed_in_its_paragraph_or_by_a_colon_passes(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "following",
    [
        "He added that the dam would be inspected.",
        "She later told reporters the dam would be inspected.",
        "They said the dam would be inspected.",
        '"The dam must be inspected," she said.',
    ],
)
def test_a_next_paragraph_that_points_back_attributes_the_quote(following):
    assert flagged(QUOTE + "\n\n" + following) == []


@pytest.mark.parametrize(
    "following",
    [
        "A regional broadcaster said there were casualties.",
        "Engineers said the dam would be inspected.",
        '"The dam must be inspected," an engineer said.',
    ],
)
def test_a_next_paragraph_about_someone_else_does_not(following):
    assert flagged(QUOTE + "\n\n" + following) == [QUOTE]


@pytest.mark.parametrize(
    "before",
    [
        "The mayor said the river had burst its banks.",  # set up by indirect speech
        '"The river burst its banks," said Mayor Ana Ruiz, who was at the dam.',  # a speaker carried on
        "The mayor told reporters: \"The river burst its banks.\"",
        "What did the mayor make of it?",  # set up by a question
    ],
)
def test_attribution_in_the_paragraph_before_counts(before):
    assert flagged(before + "\n\n" + QUOTE) == []


def test_attribution_further_back_does_not_count():
    text = "The mayor said the river had burst its banks.\n\nRepairs began in May.\n\n" + QUOTE
    assert flagged(text) == [QUOTE]


@pytest.mark.parametrize(
    "text",
    [
        '"The river burst its banks," the mayor said. ' + QUOTE,  # a second quote after "..., Smith said."
        "The river burst its banks, the mayor said. " + QUOTE,
        "Why did nobody act? " + QUOTE,
        'The council prepared a pamphlet, "Economical Travel in Flood Country." It sold well.',
    ],
)
def test_a_quote_set_up_in_its_own_paragraph_or_a_title_passes(text):
    assert flagged(text) == []


def test_quote_paragraphs_in_a_row_get_at_most_one_flag():
    text = (
        "Repairs began in May.\n\n"
        '"We cannot call this flood a natural disaster. "It was the dam.\n\n'
        'What did they do? "Nothing at all, for years." Nobody answered. "The warnings were ignored."'
    )
    issues = issues_in(text)
    assert [text[i.start : i.end] for i in issues] == ['"We cannot call this flood a natural disaster. ']


def test_a_speaker_named_in_a_quote_paragraph_carries_through_the_next():
    text = (
        "Repairs began in May.\n\n"
        '"We cannot call this flood a natural disaster," Mayor Ana Ruiz said.\n\n'
        '"The warnings were there for years."\n\n'
        '"Nobody listened to them."'
    )
    assert flagged(text) == []


def test_a_run_on_quote_is_attributed_anywhere_along_the_run():
    run = (
        '"We cannot call this flood a natural disaster any more.\n\n'
        '"The warnings were there for years.\n\n'
        '"Nobody listened."'
    )
    assert flagged(run + " the mayor said.") == []
    opened_with_attribution = run.replace('more.\n', 'more," the mayor said. "We knew.\n', 1)
    assert flagged(opened_with_attribution) == []
    assert flagged(run + "\n\nShe added that the dam would be inspected.") == []


def test_an_unattributed_run_on_quote_is_flagged_once_where_it_opens():
    run = '"We cannot call this flood a natural disaster any more.\n\n"Nobody listened."'
    assert flagged(run) == ['"We cannot call this flood a natural disaster any more.']


@pytest.mark.parametrize(
    "text",
    [
        'The agency described the flood as "brazen negligence" by the council.',
        'Troops bombed "pro-regime forces" near the border.',
        'The council called it "a failure of planning."',
        'She starred in "The Long Night." It ran for a year.',
        'The book "Rivers Rise Again." was reprinted.',
        '"Never again."',
        '"Why did nobody listen?" the mayor wondered.',
        '"We will rebuild, and we will do it right," a new banner read.',
    ],
)
def test_fragments_titles_and_short_quotes_are_not_flagged(text):
    assert flagged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        '"Why did nobody listen to the warnings?" The council met on Tuesday.',
        '"The dam was built for a smaller river. We knew that." Repairs began in May.',
        "“We cannot call this flood a natural disaster any more.” Repairs began in May.",
        '"\'Never again\' is what they promised us last time."',
        "Repairs began in May. \"We cannot call this flood a natural disaster any more\"",
    ],
)
def test_full_sentences_in_other_shapes_are_flagged(text):
    assert len(flagged(text)) == 1


def test_a_headline_line_and_an_attributed_story_pass():
    text = (
        "Dam inspection ordered after flood\n\n"
        "The regional government ordered an inspection of the upper river dam on Tuesday.\n\n"
        + QUOTE[:-2]
        + '," Mayor Ana Ruiz said.'
    )
    assert flagged(text) == []


def _unattributed_issues(text):
    return list(AP_RULE.find(Story(text), AP_STYLE))


@pytest.mark.parametrize(
    "make",
    [
        # Every mark opens a quote that runs to the end of the paragraph.
        pytest.param(lambda n: '"We will fight on ' * (n // 17), id="unclosed-quotes"),
        pytest.param(lambda n: '-"A' * (n // 3), id="unclosed-quotes-without-spaces"),
        # Every quote asks whether a long next paragraph points back to it.
        pytest.param(lambda n: '"We go now." ' * (n // 26) + "\n\nHe " + "a" * (n // 2), id="long-next-paragraph"),
    ],
)
def test_time_grows_linearly_with_the_text(make):
    linear, figures = grows_linearly(_unattributed_issues, make(50_000), make(200_000))
    assert linear, figures
