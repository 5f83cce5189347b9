"""Spelling in the window, used as an editor uses it: a typo underlined, fixed from its menu or with
Ctrl+., a name left alone, and a word added to the dictionary no longer underlined."""

from PySide6.QtCore import Qt

from tests.fixtures.windows import choose_from_context_menu, text_of, wait_for_mark


def test_a_typo_is_fixed_from_its_menu_and_a_name_is_left_alone(qtbot, monkeypatch, window):
    qtbot.keyClicks(window.editor, "Szczesny said the goverment would act.")
    mark = wait_for_mark(qtbot, window, "goverment", "spelling")
    assert [m.original for m in window.editor.marked if m.issue.rule == "spelling"] == ["goverment"]
    labels = choose_from_context_menu(qtbot, monkeypatch, window, mark, "“government”")
    assert labels.index("“government”") < labels.index("Add to dictionary")
    assert text_of(window) == "Szczesny said the government would act."


def test_the_first_fix_at_the_cursor_splits_a_run_together_word(qtbot, window):
    qtbot.keyClicks(window.editor, "He said inthe end it would work.")
    wait_for_mark(qtbot, window, "inthe", "spelling")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    qtbot.keyClick(window.editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert text_of(window) == "He said in the end it would work."


def test_a_word_added_to_the_dictionary_is_not_underlined_again(qtbot, monkeypatch, window):
    qtbot.keyClicks(window.editor, "Council tax rebanding was delayed.")
    mark = wait_for_mark(qtbot, window, "rebanding", "spelling")
    choose_from_context_menu(qtbot, monkeypatch, window, mark, "Add to dictionary")
    qtbot.waitUntil(lambda: window.editor.marked == [], timeout=5000)
    qtbot.keyClicks(window.editor, " More rebanding is due, the the council said.")
    wait_for_mark(qtbot, window, "the the", "repeated-word")
    assert not any(mark.original == "rebanding" for mark in window.editor.marked)
