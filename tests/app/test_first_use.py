"""Small things a new user meets in the first minutes: the modified mark after undo, the word on
a save, the line an issue is on, the grammar settings dialog as it looks."""

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame

from editor.cli import main
from tests.fixtures.windows import SAMPLE, STORY, story_file, text_of, type_at_end, wait_for_mark

CTRL = Qt.KeyboardModifier.ControlModifier


def test_undoing_back_to_the_saved_text_clears_the_modified_mark(qtbot, window, tmp_path):
    path = story_file(tmp_path)
    window.story.open_path(str(path), ask=False)
    type_at_end(qtbot, window, "More talks")
    assert window.isWindowModified() and window.windowTitle().startswith("story.txt[*]")
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert text_of(window) == STORY and not window.isWindowModified()

    type_at_end(qtbot, window, "More talks.")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, CTRL)
    type_at_end(qtbot, window, " Then a vote.")
    assert window.isWindowModified()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert text_of(window) == path.read_text() and not window.isWindowModified()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)  # past the save: no longer what is on disk
    assert text_of(window) == STORY and window.isWindowModified()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert text_of(window) == path.read_text() and not window.isWindowModified()


def test_undoing_a_fix_and_a_replace_all_clears_the_modified_mark(qtbot, monkeypatch, window, tmp_path):
    from tests.fixtures.windows import choose_from_context_menu

    window.story.open_path(str(story_file(tmp_path, "Officials said the the talks ended.\n")), ask=False)
    mark = wait_for_mark(qtbot, window, "the the")
    choose_from_context_menu(qtbot, monkeypatch, window, mark, "Delete the repeated word")
    assert window.isWindowModified()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert not window.isWindowModified()
    window.find_bar.open_replace()
    qtbot.keyClicks(window.find_bar.find_field, "talks")
    qtbot.keyClicks(window.find_bar.replace_field, "meetings")
    qtbot.mouseClick(window.find_bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert window.isWindowModified()
    qtbot.keyClick(window.find_bar.find_field, Qt.Key.Key_Escape)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert not window.isWindowModified()


def test_a_save_says_saved_in_the_status_bar(qtbot, window, tmp_path):
    path = story_file(tmp_path)
    window.story.open_path(str(path), ask=False)
    type_at_end(qtbot, window, "More talks.")
    assert window.statusBar().currentMessage() == ""
    qtbot.keyClick(window.editor, Qt.Key.Key_S, CTRL)
    assert path.read_text().endswith("More talks.")
    assert window.statusBar().currentMessage() == "Saved story.txt"


def test_the_window_and_copydesk_check_put_an_issue_on_the_same_line(qtbot, window, tmp_path, capsys):
    """The sample story ends with a web-page leftover, "Latest News", on line 17 after a blank
    line; its fix deletes the blank line too, so its span starts at the end of line 15."""
    path = tmp_path / "story.txt"
    shutil.copyfile(SAMPLE, path)
    assert main(["check", str(path)]) == 1
    [printed] = [line for line in capsys.readouterr().out.splitlines() if "scrape-leftover" in line]
    assert printed.startswith(f"{path}:17:1: ")
    assert path.read_text().splitlines()[16] == "Latest News"

    window.story.open_path(str(path), ask=False)
    wait_for_mark(qtbot, window, "\u2029\u2029Latest News", "scrape-leftover")
    tree = window.panel.tree
    rows = [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount()) for j in range(tree.topLevelItem(i).childCount())]
    [row] = [row for row in rows if row.text(0).startswith("Web-page leftover")]
    assert row.data(0, Qt.ItemDataRole.UserRole).line == 17


def _placeholder_shown_whole(field: QLineEdit) -> bool:
    """Whether ``field``'s placeholder fits where QLineEdit draws it: its contents, less a margin of 2 each side."""
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    contents = field.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    text = field.placeholderText()
    return field.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, contents.width() - 4) == text


def test_the_grammar_settings_dialog_has_margins_and_shows_whole_placeholders(qtbot):
    from editor.app.grammar import GrammarSettingsDialog
    from editor.grammar import GrammarSettings

    dialog = GrammarSettingsDialog(GrammarSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    margins = dialog.layout().contentsMargins()
    assert min(margins.left(), margins.right(), margins.top(), margins.bottom()) >= 12
    fields = [field for field in dialog.findChildren(QLineEdit) if field.placeholderText()]
    assert len(fields) == 2
    assert all(_placeholder_shown_whole(field) for field in fields), [field.placeholderText() for field in fields]
    # Each choice's fields sit indented under it.
    assert dialog.url.mapTo(dialog, dialog.url.rect().topLeft()).x() > dialog.remote.mapTo(dialog, dialog.remote.rect().topLeft()).x()
