"""Running one rule by itself under a built-in style, for the rule tests.

A test module names its rule in ``RULE_ID`` and takes the ``ap_rule`` or
``british_rule`` fixture, or ``rule_under`` for another style.
"""

import pytest

from editor.engine import Checker, HouseStyle, apply_fixes, builtin_style, load_style
from editor.rules import all_rules


class OneRule:
    def __init__(self, rule_id: str, style: str | HouseStyle) -> None:
        (rule,) = [rule for rule in all_rules() if rule.id == rule_id]
        self.checker = Checker(builtin_style(style) if isinstance(style, str) else style, rules=(rule,))

    def issues(self, text):
        return self.checker.check(text)

    def flags(self, text):
        """(flagged text, replacements) for each issue."""
        return [(text[issue.start : issue.end], issue.replacements) for issue in self.issues(text)]

    def fixed(self, text):
        """``text`` with the first fix of every issue applied."""
        return apply_fixes(text, [(i.start, i.end, i.replacements[0]) for i in self.issues(text) if i.replacements])


@pytest.fixture(scope="module")
def rule_under(request):
    """The test module's rule under a style, named or loaded."""
    return lambda style: OneRule(request.module.RULE_ID, style)


@pytest.fixture(scope="module")
def ap_rule(rule_under):
    return rule_under("ap")


@pytest.fixture(scope="module")
def british_rule(rule_under):
    return rule_under("british")


@pytest.fixture
def rule_with_forms(rule_under, tmp_path):
    """The module's rule under a style file that extends a built-in one and sets ``[forms]`` keys."""

    def build(forms: str, extends: str = "ap") -> OneRule:
        path = tmp_path / "house.toml"
        path.write_text(f'[style]\nextends = "{extends}"\n[forms]\n{forms}\n', encoding="utf-8")
        return rule_under(load_style(path))

    return build
