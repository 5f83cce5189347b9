"""The rule registry: every module in this package defines one ``RULE``.

Adding a rule is adding a module here; nothing else lists rules by hand.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from editor.engine.rule import Rule


@cache
def all_rules() -> tuple[Rule, ...]:
    rules = []
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        rule = getattr(module, "RULE", None)
        if not isinstance(rule, Rule):
            raise TypeError(f"{module.__name__} defines no RULE")
        rules.append(rule)
    return tuple(rules)


def rule_ids() -> frozenset[str]:
    return frozenset(rule.id for rule in all_rules())
