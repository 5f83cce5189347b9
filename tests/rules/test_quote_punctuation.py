"""Commas and full stops at the closing quotation mark: AP "inside" and British "logical"."""

import pytest

from editor.engine import Checker, apply_fixes, builtin_style

AP = Checker(builtin_style("ap"))
BRITISH = Checker(builtin_style("british"))


def issues_in(checker, text):
    return [i for i in checker.check(text) if i.rule == "quote-punctuation"]


def flagged(checker, text):
    return [(text[i.start : i.end], i.replacements) for i in issues_in(checker, text)]


@pytest.mark.parametrize(
    ("text", "mark", "fix"),
    [
        ('"The fighting must stop", the statement said.', '",', ',"'),
        ('The statement said the raid was "unacceptable".', '".', '."'),
        ("“The fighting must stop”, the statement said.", "”,", ",”"),
        ("The statement called the raid “unacceptable”.", "”.", ".”"),
        ('"The final score was 3-1". The coach left.', '".', '."'),
    ],
)
def test_ap_moves_commas_and_full_stops_inside(text, mark, fix):
    assert flagged(AP, text) == [(mark, (fix,))]


def test_ap_fixes_every_mark_in_one_group():
    text = '"We will rebuild", the mayor said.\n\nShe called the damage "severe", and the repairs "urgent".'
    issues = issues_in(AP, text)
    assert len(issues) == 3 and {i.group for i in issues} == {"quote-punctuation"}
    fixed = apply_fixes(text, [(i.start, i.end, i.replacements[0]) for i in issues])
    assert fixed == '"We will rebuild," the mayor said.\n\nShe called the damage "severe," and the repairs "urgent."'


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild," the mayor said.',
        'Did the mayor really say "never"?',
        'The crowd chanted "Shame on you"!',
        '"Why should we leave?", the mayor asked.',
        '"Enough!". The crowd dispersed.',
        '"We will see"... the mayor said.',
        'The label said 12", not 15".',
        'He mocked "the lads\'". The crowd laughed.',
        "“We will rebuild,” the mayor said.",
        '"We will rebuild, the mayor said.',
    ],
)
def test_ap_leaves_these_alone(text):
    assert flagged(AP, text) == []


@pytest.mark.parametrize(
    ("text", "mark", "fix"),
    [
        ('She called the damage "severe."', '."', '".'),
        ('She called the damage "severe," and left.', ',"', '",'),
        ("She called the damage “severe.”", ".”", "”."),
    ],
)
def test_logical_style_moves_punctuation_out_of_a_fragment(text, mark, fix):
    assert flagged(BRITISH, text) == [(mark, (fix,))]


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild," the mayor said.',
        '"We will rebuild", the mayor said.',
        'The mayor said: "We will rebuild."',
        'The mayor said: "we will rebuild."',
        'She called the damage "severe".',
        'She called the damage "severe", and left.',
        'He said the parts were "made in the U.S."',
        "She called it “Britain's worst storm.”",
        '"We will stay," the mayor said, "until the river falls."',
    ],
)
def test_logical_style_never_moves_full_sentences_or_outside_punctuation(text):
    assert flagged(BRITISH, text) == []
