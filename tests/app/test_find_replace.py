"""Find and Replace used as an editor uses it: Ctrl+F or Ctrl+H, type, Enter, Replace All, Escape, Ctrl+Z."""

import shutil
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor

from tests.fixtures.windows import (
    SAMPLE,
    choose_from_context_menu,
    text_of,
    type_at_end,
    wait_for_mark,
    wait_until_checked,
)

CTRL = Qt.KeyboardModifier.ControlModifier


def open_sample(qtbot, window, tmp_path):
    path = tmp_path / "story.txt"
    shutil.copyfile(SAMPLE, path)
    assert window.story.open_path(str(path), ask=False)
    window.activateWindow()
    qtbot.waitActive(window)
    window.editor.setFocus()
    return path


def open_bar(qtbot, window, tmp_path, key=Qt.Key.Key_H):
    """The sample story open, then the bar opened from the story with Ctrl+``key``: (bar, the story's text)."""
    open_sample(qtbot, window, tmp_path)
    qtbot.keyClick(window.editor, key, CTRL)
    return window.find_bar, text_of(window)


def selected(window) -> str:
    return window.editor.textCursor().selectedText()


def selected_at(window) -> int:
    return window.editor.textCursor().selectionStart()


def test_find_with_enter_then_replace_all_is_one_undo_step(qtbot, window, tmp_path):
    bar, original = open_bar(qtbot, window, tmp_path)
    assert bar.isVisible() and bar.find_field.hasFocus() and bar.replace_field.isVisible()
    qtbot.keyClicks(bar.find_field, "Alvarez")
    assert selected(window) == "Alvarez"
    assert bar.count_label.text() == "1 of 2"
    first = selected_at(window)
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert bar.count_label.text() == "2 of 2" and selected_at(window) == first + len("Alvarez ")
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert bar.count_label.text() == "1 of 2" and selected_at(window) == first  # round the end
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == "2 of 2"

    qtbot.keyClicks(bar.replace_field, "Álvarez")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert "Governor Maria Álvarez Álvarez said" in text_of(window)
    assert text_of(window).replace("Álvarez", "Alvarez") == original
    assert bar.count_label.text() == "Replaced 2 matches"
    assert window.isWindowModified()

    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.editor.hasFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert text_of(window) == original
    assert not window.isWindowModified()


def test_replace_changes_the_selected_match_and_moves_to_the_next(qtbot, window, tmp_path):
    bar, original = open_bar(qtbot, window, tmp_path)
    bar.whole_words.setChecked(True)
    qtbot.keyClicks(bar.find_field, "us")
    # "u" found the whole word "U" of "U.S. Army"; "us" goes on from there.
    assert selected(window) == "US" and bar.count_label.text() == "2 of 2"
    qtbot.keyClicks(bar.replace_field, "U.S.")
    qtbot.keyClick(bar.replace_field, Qt.Key.Key_Return)  # Replace
    assert "A U.S. official" in text_of(window)
    assert selected(window) == "us" and bar.count_label.text() == "1 of 1"  # round the end: the only one left
    qtbot.mouseClick(bar.replace_button, Qt.MouseButton.LeftButton)
    assert "the U.S. coast guard" in text_of(window)
    assert bar.count_label.text() == "No matches"
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert "the us coast guard" in text_of(window) and "A U.S. official" in text_of(window)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert text_of(window) == original


def test_replace_leaves_a_selection_that_is_no_match_and_goes_to_the_next(qtbot, window, tmp_path):
    bar, original = open_bar(qtbot, window, tmp_path)
    qtbot.keyClicks(bar.find_field, "storm")
    qtbot.keyClicks(bar.replace_field, "gale")
    cursor = window.editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(5, QTextCursor.MoveMode.KeepAnchor)  # "Flood"
    window.editor.setTextCursor(cursor)
    qtbot.mouseClick(bar.replace_button, Qt.MouseButton.LeftButton)
    assert text_of(window) == original
    assert selected(window) == "storm" and bar.count_label.text() == "1 of 5"


def test_match_case_whole_words_and_the_count(qtbot, window, tmp_path):
    bar, _ = open_bar(qtbot, window, tmp_path, Qt.Key.Key_F)
    assert not bar.replace_field.isVisible()
    qtbot.keyClicks(bar.find_field, "us")
    assert bar.count_label.text() == "1 of 5"  # USA, us, US, housing, usa
    bar.whole_words.setChecked(True)
    assert bar.count_label.text().endswith("of 2")
    bar.match_case.setChecked(True)
    assert bar.count_label.text() == "1 of 1" and selected(window) == "us"
    qtbot.keyClicks(bar.find_field, "x")
    assert bar.count_label.text() == "No matches"


def test_regular_expressions_with_groups_in_the_replacement(qtbot, window, tmp_path):
    bar, original = open_bar(qtbot, window, tmp_path)
    bar.regular_expression.setChecked(True)
    qtbot.keyClicks(bar.find_field, r"(\d+),(\d{3})")
    assert selected(window) == "200,000"
    qtbot.keyClicks(bar.replace_field, r"\1\2")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert "more than 200000 homes" in text_of(window)
    bar.find_field.clear()
    qtbot.keyClicks(bar.find_field, "^Latest News$")
    assert selected(window) == "Latest News" and bar.count_label.text() == "1 of 1"
    bar.replace_field.clear()
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert text_of(window).rstrip().endswith("officials said.")
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert text_of(window) == original


def test_a_pattern_re2_cannot_run_is_explained_and_changes_nothing(qtbot, window, tmp_path):
    bar, original = open_bar(qtbot, window, tmp_path)
    bar.regular_expression.setChecked(True)
    qtbot.keyClicks(bar.find_field, r"(\w+) \1")
    assert bar.count_label.text() == r"Back-references (\1) are not supported"
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert text_of(window) == original
    bar.find_field.setText(r"(\w+) (Alvarez)")
    qtbot.keyClicks(bar.replace_field, r"\3")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert bar.count_label.text() == r"In the replacement, \3 refers to group 3, but the pattern has 2"
    assert text_of(window) == original


def test_a_pattern_that_would_hang_a_backtracking_engine_answers_at_once(qtbot, window):
    window.editor.setPlainText("a" * 30_000 + "\n")
    bar = window.find_bar
    bar.open_find()
    bar.regular_expression.setChecked(True)
    started = time.monotonic()
    qtbot.keyClicks(bar.find_field, r"(?:a|aa){1,60}b")
    assert bar.count_label.text() == "No matches"
    # Python's re takes minutes on this; RE2 milliseconds. The bound is only there to fail, not hang.
    assert time.monotonic() - started < 20


def test_the_count_follows_typing_in_the_story_while_the_bar_is_open(qtbot, window, tmp_path):
    bar, _ = open_bar(qtbot, window, tmp_path, Qt.Key.Key_F)
    qtbot.keyClicks(bar.find_field, "Alvarez")
    window.editor.setFocus()
    type_at_end(qtbot, window, " Alvarez left.")
    qtbot.waitUntil(lambda: bar.count_label.text() == "3 matches", timeout=3000)


def test_the_selected_word_is_found_and_characters_beyond_the_bmp_keep_places_right(qtbot, window):
    window.activateWindow()
    qtbot.waitActive(window)
    window.editor.insertPlainText("Fans \U0001f600 cheered Gatilov. Gatilov \U0001f1fa\U0001f1f8 waved to Gatilov.")  # pasted
    wait_until_checked(qtbot, window)
    cursor = window.editor.textCursor()
    start = text_of(window).index("Gatilov") + 1  # one astral character before it: two UTF-16 units
    cursor.setPosition(start)
    cursor.setPosition(start + len("Gatilov"), QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    qtbot.keyClick(window.editor, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.find_field.text() == "Gatilov" and bar.count_label.text() == "1 of 3"
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert selected(window) == "Gatilov" and bar.count_label.text() == "3 of 3"
    qtbot.keyClick(window.editor, Qt.Key.Key_F3)  # Find Next from the story, round the end
    assert selected(window) == "Gatilov" and bar.count_label.text() == "1 of 3"


def test_the_edit_menu_has_the_clipboard_and_find_with_their_shortcuts(qtbot, window):
    edit_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&Edit")
    shortcuts = {action.text(): action.shortcut() for action in edit_menu.actions() if not action.isSeparator()}
    assert shortcuts == {
        "&Undo": QKeySequence(QKeySequence.StandardKey.Undo),
        "&Redo": QKeySequence(QKeySequence.StandardKey.Redo),
        "Cu&t": QKeySequence("Ctrl+X"),
        "&Copy": QKeySequence("Ctrl+C"),
        "&Paste": QKeySequence("Ctrl+V"),
        "Select &All": QKeySequence("Ctrl+A"),
        "&Find…": QKeySequence("Ctrl+F"),
        "R&eplace…": QKeySequence("Ctrl+H"),
        "Find &Next": QKeySequence("F3"),
        "Find Pre&vious": QKeySequence("Shift+F3"),
    }
    qtbot.keyClicks(window.editor, "Officials said the talks ended.")
    actions = {action.text(): action for action in edit_menu.actions()}
    actions["Select &All"].trigger()
    actions["Cu&t"].trigger()
    assert text_of(window) == ""
    actions["&Paste"].trigger()
    actions["&Paste"].trigger()
    assert text_of(window) == "Officials said the talks ended." * 2


def test_replace_all_leaves_the_fixes_between_the_matches_in_the_record_of_changes(qtbot, monkeypatch, window, tmp_path):
    bar, _ = open_bar(qtbot, window, tmp_path)
    mark = wait_for_mark(qtbot, window, "Alvarez Alvarez", "repeated-word")
    choose_from_context_menu(qtbot, monkeypatch, window, mark, "Delete the repeated word")
    bar.open_replace()
    bar.find_field.clear()
    qtbot.keyClicks(bar.find_field, "storm")  # before the fix and after it
    qtbot.keyClicks(bar.replace_field, "gale")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert bar.count_label.text() == "Replaced 5 matches"
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    qtbot.keyClick(window.editor, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)  # View > Show Changes
    changes = window.changes_view.changes
    assert [(change.removed, change.inserted) for change in changes if change.source == "repeated-word"] == [
        (" Alvarez", "")
    ]
    assert sum(1 for change in changes if change.inserted == "gale") == 5


def test_find_from_the_changes_tab_brings_the_story_back(qtbot, window, tmp_path):
    open_sample(qtbot, window, tmp_path)
    qtbot.keyClick(window.editor, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)  # View > Show Changes
    assert window.tabs.currentWidget() is window.changes_view
    qtbot.keyClick(window.changes_view.list_view, Qt.Key.Key_F, CTRL)
    assert window.tabs.currentIndex() == 0
    assert window.find_bar.isVisible() and window.find_bar.find_field.hasFocus()
    qtbot.keyClicks(window.find_bar.find_field, "storm")
    assert selected(window) == "storm" and window.find_bar.count_label.text() == "1 of 5"
