"""The main window stays a class of layout and wiring: each feature lives in its own module."""

import ast
from pathlib import Path

import editor.app.main_window as main_window

# Issue 11's limit: past it, a feature has moved into the window instead of a module of its own.
MOST_LINES = 250


def test_the_main_window_class_is_layout_and_wiring():
    tree = ast.parse(Path(main_window.__file__).read_text(encoding="utf-8"))
    [window] = [node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "MainWindow"]
    assert window.end_lineno - window.lineno + 1 <= MOST_LINES
