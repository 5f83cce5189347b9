"""House substitutions, and the words of a direct quotation that are the speaker's."""

import pytest

from editor.engine import builtin_style, load_style
from editor.engine.story import needed_pattern
from editor.rules.substitutions import RULE

RULE_ID = "house-substitution"


@pytest.mark.parametrize(
    "text",
    [
        '"We are moving towards a deal," he said.',
        'He said they were "moving towards a deal".',
        "“Whilst we talk, they fight,” she said.",
        '"We will fight on," he said. "We are moving towards a deal.\n\n"Amongst us there is no doubt."',
    ],
)
def test_words_inside_a_quotation_are_the_speakers(ap_rule, text):
    assert ap_rule.issues(text) == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ('He said "we can not go" and left.', 'He said "we cannot go" and left.'),
        ('"There were alot of them," he said.', '"There were a lot of them," he said.'),
        ('"We are moving," he said, moving towards the door.', '"We are moving," he said, moving toward the door.'),
    ],
)
def test_a_respelling_applies_inside_quotes_and_any_change_outside(ap_rule, text, fixed):
    assert ap_rule.fixed(text) == fixed


# ---------------------------------------------------------------- what the rule needs in a paragraph


def _style(tmp_path, text):
    path = tmp_path / "house.toml"
    path.write_text(text, encoding="utf-8")
    return load_style(path)


def test_what_the_rule_needs_is_a_listed_phrase():
    needs = needed_pattern(RULE.needs, builtin_style("ap"))
    assert needs.search("He could of stopped it.") and needs.search("There were\nALOT of them.")
    assert not needs.search("He could stop it; a lot of them can.")


def test_a_style_pattern_has_every_paragraph_read(rule_under, tmp_path):
    style = _style(
        tmp_path,
        '[style]\nextends = "ap"\n\n[[substitutions]]\npattern = "colou?r"\nreplace = "hue"\nreason = "r"\n',
    )
    assert needed_pattern(RULE.needs, style) is None
    assert rule_under(style).flags("The color faded.") == [("color", ("hue",))]


def test_a_style_without_substitutions_needs_what_no_text_has(tmp_path):
    needs = needed_pattern(RULE.needs, _style(tmp_path, '[style]\nname = "Bare"\n'))
    assert not needs.search("You can not consider it.\n\nThere were alot.")
