"""The checking engine: text and a house style in, issues out. No Qt here."""

from editor.engine.checker import Checker, check
from editor.engine.issues import Issue, apply_fixes
from editor.engine.style import HouseStyle, StyleError, builtin_style, load_style

__all__ = ["Checker", "HouseStyle", "Issue", "StyleError", "apply_fixes", "builtin_style", "check", "load_style"]
