"""The record of changes used as a desk editor uses it: fix and type, look at the Changes tab,
undo, save, survive a crash, accept the story, export the record for the desk."""

import json
import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from tests.fixtures.changes import (
    CTRL,
    FIX_AND_TYPE,
    SAMPLE_CHANGES,
    back_to_the_story,
    fix_the_sample,
    listed,
    menu_action,
    open_sample,
    show_changes,
)
from tests.fixtures.windows import (
    SAMPLE,
    Dialogs,
    choose_from_context_menu,
    kill_once_copied,
    new_window,
    story_file,
    text_of,
    type_at_end,
    wait_for_mark,
)

def test_fixes_and_typing_are_listed_with_their_rules_and_shown_marked(qtbot, monkeypatch, window, tmp_path):
    open_sample(window, tmp_path)
    fix_the_sample(qtbot, monkeypatch, window)
    assert show_changes(qtbot, window) == SAMPLE_CHANGES
    view = window.changes_view
    assert view.summary.text().startswith("<b>6 changes: 5 by fixes, 1 typed</b> since the story was opened")
    shown = view.list_view.toPlainText()
    assert "3 · line 7 · repeated-word: “Alvarez” is repeated\nGovernor Maria Alvarez Alvarez said the state" in shown
    assert shown.endswith("6 · line 18 · typed\n Updated by the desk.")
    # The story shows deleted words struck through, inserted ones underlined, and nothing lost.
    assert runs(view.story_view.document(), "fontStrikeOut") == ["USA", "us", " Alvarez", "US", "usa"]
    assert runs(view.story_view.document(), "fontUnderline") == ["U.S.", "U.S.", "U.S.", "U.S.", " Updated by the desk."]


def runs(document, style):
    """The runs of text in ``document`` whose format has ``style`` (struck out, underlined)."""
    found, run = [], ""
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if getattr(fragment.charFormat(), style)():
                run += fragment.text()
            elif run:
                found, run = found + [run], ""
            fragments += 1
        block = block.next()
    return found + [run] if run else found


def test_undo_takes_a_change_out_of_the_record_and_redo_brings_it_back_with_its_rule(qtbot, monkeypatch, window, tmp_path):
    open_sample(window, tmp_path)
    fix_the_sample(qtbot, monkeypatch, window)
    show_changes(qtbot, window)
    back_to_the_story(qtbot, window)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)  # the typing
    assert show_changes(qtbot, window) == SAMPLE_CHANGES[:-1]
    back_to_the_story(qtbot, window)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)  # the fix-all
    assert show_changes(qtbot, window) == [("repeated-word", " Alvarez", "")]
    # Edit > Undo and Redo from the Changes tab: it follows at once.
    menu_action(window, "&Edit", "&Undo").trigger()
    qtbot.waitUntil(lambda: listed(window) == [], timeout=2000)
    assert window.changes_view.list_view.toPlainText() == "No changes yet."
    menu_action(window, "&Edit", "&Redo").trigger()
    menu_action(window, "&Edit", "&Redo").trigger()
    qtbot.waitUntil(lambda: listed(window) == SAMPLE_CHANGES[:-1], timeout=2000)


def test_typing_over_a_fix_makes_it_typed(qtbot, monkeypatch, window, tmp_path):
    window.story.open_path(str(story_file(tmp_path, "Officials said the the talks ended.")), ask=False)
    mark = wait_for_mark(qtbot, window, "the the", "repeated-word")
    choose_from_context_menu(qtbot, monkeypatch, window, mark, "Delete the repeated word")
    assert show_changes(qtbot, window) == [("repeated-word", " the", "")]
    back_to_the_story(qtbot, window)
    cursor = window.editor.textCursor()
    cursor.setPosition(text_of(window).index("the talks"))
    cursor.setPosition(text_of(window).index(" talks"), cursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    qtbot.keyClicks(window.editor, "these")
    assert text_of(window) == "Officials said these talks ended."
    assert show_changes(qtbot, window) == [("typed", "the the", "these")]


def test_the_first_fix_at_the_cursor_and_the_panel_record_their_rules(qtbot, window, tmp_path):
    open_sample(window, tmp_path)
    wait_for_mark(qtbot, window, "this", "sentence-case")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    while window.editor.textCursor().selectedText() != "this":
        qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    qtbot.keyClick(window.editor, Qt.Key.Key_Period, CTRL)  # Check > Apply First Fix at Cursor
    # The panel: the doubled space's card, its fix button.
    mark = wait_for_mark(qtbot, window, "  ", "doubled-space")
    window.panel.show_card(mark)
    qtbot.waitUntil(lambda: "Delete the extra space" in window.panel.button_rects(mark), timeout=5000)
    button = window.panel.button_rects(mark)["Delete the extra space"]
    qtbot.mouseClick(window.panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=button.center())
    assert show_changes(qtbot, window) == [("sentence-case", "this", "This"), ("doubled-space", " ", "")]


def test_the_record_survives_a_save(qtbot, monkeypatch, window, tmp_path):
    path = open_sample(window, tmp_path)
    fix_the_sample(qtbot, monkeypatch, window)
    qtbot.keyClick(window.editor, Qt.Key.Key_S, CTRL)
    assert not window.isWindowModified() and "Updated by the desk." in path.read_text()
    assert show_changes(qtbot, window) == SAMPLE_CHANGES
    assert "since the story was opened" in window.changes_view.summary.text()


# ------------------------------------------------------------ accepting the story


def test_accepting_asks_and_starts_the_record_again_from_the_story_as_it_is(qtbot, monkeypatch, window, dialogs, tmp_path):
    open_sample(window, tmp_path)
    fix_the_sample(qtbot, monkeypatch, window)
    accept = menu_action(window, "&File", "&Accept All Changes…")
    dialogs.answers = ["Cancel"]
    accept.trigger()
    assert dialogs.questions[-1].startswith("Accept all 6 change(s) to story.txt?")
    assert show_changes(qtbot, window) == SAMPLE_CHANGES
    dialogs.answers = ["Accept All"]
    accept.trigger()
    qtbot.waitUntil(lambda: listed(window) == [], timeout=2000)
    assert "since the story was accepted" in window.changes_view.summary.text()
    back_to_the_story(qtbot, window)
    type_at_end(qtbot, window, " More.")
    assert show_changes(qtbot, window) == [("typed", "", " More.")]
    # The unsaved story's recovery copy carries the new base.
    window.story.write_recovery()
    copy = json.loads(window.story.recovery.file.read_text(encoding="utf-8"))
    assert copy["record"]["accepted"] and copy["record"]["base"] + " More." == text_of(window)


def test_accepting_with_no_changes_asks_nothing(qtbot, window, dialogs, tmp_path):
    open_sample(window, tmp_path)
    menu_action(window, "&File", "&Accept All Changes…").trigger()
    assert dialogs.questions == [] and window.statusBar().currentMessage().startswith("Nothing to accept")


# ------------------------------------------------------------ crash recovery


def test_a_restored_story_shows_the_same_record(qtbot, monkeypatch, tmp_path):
    folder = tmp_path / "recovery"
    first = new_window(qtbot, tmp_path, folder)
    open_sample(first, tmp_path)
    fix_the_sample(qtbot, monkeypatch, first)
    before = show_changes(qtbot, first)
    shown_before = first.changes_view.list_view.toPlainText()
    first.story.write_recovery()
    # Left as a killed Copydesk leaves it: the copy on disk, its lock free.
    (folder / "crashed.json").write_bytes(first.story.recovery.file.read_bytes())
    first.editor.document().setModified(False)
    first.close()

    later = new_window(qtbot, tmp_path, folder)
    answers = Dialogs(monkeypatch, later)
    answers.answers = ["Restore"]
    later.offer_recovery()
    assert show_changes(qtbot, later) == before == SAMPLE_CHANGES
    assert later.changes_view.list_view.toPlainText() == shown_before
    # Undoing is not possible past the restore, but the record goes on from there.
    back_to_the_story(qtbot, later)
    type_at_end(qtbot, later, "!")
    assert show_changes(qtbot, later)[-1] == ("typed", "", " Updated by the desk.!")
    later.editor.document().setModified(False)


def test_a_copy_whose_record_is_damaged_restores_the_story_and_says_so(qtbot, monkeypatch, tmp_path):
    folder = tmp_path / "recovery"
    first = new_window(qtbot, tmp_path, folder)
    qtbot.keyClicks(first.editor, "Unsaved words.")
    first.story.write_recovery()
    copy = json.loads(first.story.recovery.file.read_text(encoding="utf-8"))
    copy["record"]["fixes"] = [{"start": 0}]
    (folder / "crashed.json").write_text(json.dumps(copy), encoding="utf-8")
    first.editor.document().setModified(False)
    first.close()

    later = new_window(qtbot, tmp_path, folder)
    answers = Dialogs(monkeypatch, later)
    answers.answers = ["Restore"]
    later.offer_recovery()
    assert text_of(later) == "Unsaved words."
    assert later.statusBar().currentMessage().startswith("Untitled is restored, but its record of changes could not")
    assert show_changes(qtbot, later) == []
    later.editor.document().setModified(False)


def test_a_killed_copydesk_leaves_its_record_in_the_copy_the_next_start_restores(qtbot, monkeypatch, tmp_path, data_home):
    path = tmp_path / "story.txt"
    shutil.copyfile(SAMPLE, path)
    kill_once_copied(FIX_AND_TYPE, "Typed before the crash.", path, tmp_path, data_home)
    assert path.read_bytes() == SAMPLE.read_bytes()

    window = new_window(qtbot, tmp_path, data_home / "Copydesk" / "Copydesk" / "recovery")
    answers = Dialogs(monkeypatch, window)
    answers.answers = ["Restore"]
    window.offer_recovery()
    assert show_changes(qtbot, window) == [("repeated-word", " Alvarez", ""), ("typed", "", " Typed before the crash.")]
    window.editor.document().setModified(False)


# ------------------------------------------------------------ the export


@pytest.mark.parametrize("name", ["changes.html", "changes.txt"])
def test_export_writes_the_record_for_the_desk(qtbot, monkeypatch, window, tmp_path, name):
    open_sample(window, tmp_path)
    fix_the_sample(qtbot, monkeypatch, window)
    target = tmp_path / name
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda parent, title, suggested, filters: asked.append(suggested) or (str(target), "")
    )
    menu_action(window, "&File", "E&xport Changes…").trigger()
    assert asked == [str(tmp_path / "story-changes.html")]
    exported = target.read_text(encoding="utf-8")
    assert "Changes to story.txt" in exported and "AP" in exported
    assert "6 changes: 5 by fixes, 1 typed, since the story was opened" in exported
    assert window.statusBar().currentMessage() == f"6 changes: 5 by fixes, 1 typed exported to {target}"
    if name.endswith(".txt"):
        assert "3. Line 7, repeated-word: “Alvarez” is repeated\n   Governor Maria[- Alvarez-] Alvarez said" in exported
        assert "6. Line 18, typed\n   {+ Updated by the desk.+}" in exported
        assert "Exported: " in exported
    else:
        assert exported.startswith("<!DOCTYPE html>")
        assert "Governor Maria<del> Alvarez</del> Alvarez said" in exported
        assert "Latest News\n<a name='change-6'></a><ins> Updated by the desk.</ins><a name='change-6-end'></a>" in exported
        assert "<time datetime=" in exported


def test_an_export_that_cannot_be_written_says_why_and_a_name_without_an_ending_gets_one(
    qtbot, monkeypatch, window, dialogs, tmp_path
):
    open_sample(window, tmp_path)
    type_at_end(qtbot, window, " More.")
    export = menu_action(window, "&File", "E&xport Changes…")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "no-folder" / "changes.html"), ""))
    export.trigger()
    [message] = dialogs.messages
    assert message.startswith(f"{tmp_path / 'no-folder' / 'changes.html'} was not written: ")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "for-the-desk"), "Plain text (*.txt)"))
    export.trigger()
    assert (tmp_path / "for-the-desk.txt").read_text(encoding="utf-8").startswith("Changes to story.txt\n")


def test_a_change_picked_in_the_list_is_shown_and_selected_in_the_story(qtbot, monkeypatch, window, tmp_path):
    open_sample(window, tmp_path)
    fix_the_sample(qtbot, monkeypatch, window)
    show_changes(qtbot, window)
    pick(qtbot, window, 3)
    assert window.changes_view.story_view.textCursor().selectedText() == " Alvarez"
    assert window.editor.textCursor().selectedText() == ""  # a deletion: the place it was
    assert text_of(window)[window.editor.textCursor().position() :].startswith(" Alvarez said")
    pick(qtbot, window, 6)
    assert window.changes_view.story_view.textCursor().selectedText() == " Updated by the desk."
    assert window.editor.textCursor().selectedText() == " Updated by the desk."
    back_to_the_story(qtbot, window)


def pick(qtbot, window, number):
    """Clicks the number of change ``number`` in the list."""
    from PySide6.QtCore import QRegularExpression

    view = window.changes_view.list_view
    cursor = view.document().find(QRegularExpression(f"^{number} ·"))
    cursor.setPosition(cursor.selectionStart() + len(str(number)))
    rect = view.cursorRect(cursor)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() - 3, rect.center().y()))
