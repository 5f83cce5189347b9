"""Every rule takes time linear in the text, on texts made to be hard for it.

The texts (``tests/hard_texts.py``) repeat what once made some rule quadratic
or are dense with what rules look at. A rule added later is measured on all of
them too. Linear means: the text four times as long costs at most about eight
times as much (quadratic costs sixteen); see ``tests/growth.py``.
"""

import pytest

from editor.engine import builtin_style
from editor.engine.rule import ParagraphRule
from editor.engine.story import Story
from editor.rules import all_rules
from tests.growth import grows_linearly
from tests.hard_texts import HARD_TEXTS

RULES = all_rules()
STYLE = builtin_style("ap")
SIZE = 20_000


def _rule_issues(rule):
    if isinstance(rule, ParagraphRule):
        return lambda text: [issue for paragraph in Story(text).paragraphs for issue in rule.find(paragraph.text, STYLE)]
    return lambda text: list(rule.find(Story(text), STYLE))


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_rule_time_grows_linearly_on_hard_texts(rule):
    work = _rule_issues(rule)
    slow = {}
    for name, make in HARD_TEXTS.items():
        linear, figures = grows_linearly(work, make(SIZE), make(4 * SIZE))
        if not linear:
            slow[name] = figures
    assert not slow, f"{rule.id} is not linear on: {slow}"
