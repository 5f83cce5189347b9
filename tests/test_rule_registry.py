"""Every rule is registered, documented and has examples that hold under the default style."""

import pytest

from editor.engine import Checker, builtin_style
from editor.engine.rule import ParagraphRule, Rule, StoryRule
from editor.rules import all_rules

RULES = all_rules()


def _ids(rules):
    return [rule.id for rule in rules]


def test_rule_ids_are_unique():
    assert len(set(_ids(RULES))) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_rule_is_documented_and_has_examples(rule):
    assert rule.doc and len(rule.doc.strip()) > 40
    assert rule.must_flag, "a rule needs texts it must flag"
    assert rule.must_pass, "a rule needs look-alikes it must not flag"


def _examples(kind):
    return [(rule, text) for rule in RULES for text in getattr(rule, kind)]


@pytest.mark.parametrize(("rule", "text"), _examples("must_flag"), ids=lambda v: getattr(v, "id", v))
def test_rule_flags_its_examples(rule, text):
    issues = Checker(builtin_style("ap"), rules=(rule,)).check(text)
    assert issues, f"{rule.id} should flag {text!r}"
    for issue in issues:
        assert 0 <= issue.start < issue.end <= len(text)


@pytest.mark.parametrize(("rule", "text"), _examples("must_pass"), ids=lambda v: getattr(v, "id", v))
def test_rule_leaves_look_alikes_alone(rule, text):
    issues = Checker(builtin_style("ap"), rules=(rule,)).check(text)
    assert not issues, f"{rule.id} should not flag {text!r}: {issues}"


def test_every_rule_says_whether_it_reads_a_paragraph_or_the_story():
    assert all(isinstance(rule, (ParagraphRule, StoryRule)) for rule in RULES)
    with pytest.raises(TypeError):
        Rule(id="x", category="typo", severity="error", find=lambda text, style: (), doc="x")
