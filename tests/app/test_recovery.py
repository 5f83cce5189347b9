"""Recovery copies: unsaved work survives a killed Copydesk and is offered at the next start;
declining, saving or closing cleanly removes the copy."""

import json
import os
from pathlib import Path

from PySide6.QtCore import Qt

from tests.fixtures.windows import (
    Dialogs,
    SessionManager,
    kill_once_copied,
    new_window,
    story_file,
    text_of,
    type_at_end,
)

# Where run() puts recovery copies: the data folder of the organisation and application "Copydesk".
COPIES = Path("Copydesk", "Copydesk", "recovery")

# Words typed into the story just before it is killed.
TYPE_AT_END = """
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText("Words typed just before the crash.")
"""


def copies(folder):
    return sorted(folder.glob("*.json"))


def test_a_killed_copydesk_leaves_a_copy_that_the_next_start_offers(qtbot, monkeypatch, tmp_path, data_home):
    path = story_file(tmp_path, "Headline\r\n\r\nFirst paragraph.\r\n")
    kill_once_copied(TYPE_AT_END, "just before the crash", path, tmp_path, data_home)
    assert path.read_bytes() == b"Headline\r\n\r\nFirst paragraph.\r\n"

    window = new_window(qtbot, tmp_path, data_home / COPIES)
    answers = Dialogs(monkeypatch, window)
    answers.answers = ["Restore"]
    window.offer_recovery()
    [question] = answers.questions
    assert question.startswith("Copydesk ended without saving story.txt (last changed ")
    assert text_of(window) == "Headline\n\nFirst paragraph.\nWords typed just before the crash."
    assert window.story.path == path and window.story.newline == "\r\n" and window.isWindowModified()
    [copy] = copies(data_home / COPIES)  # the window's own copy now; the dead one is gone
    assert copy == window.story.recovery.file
    save(window)
    assert path.read_bytes() == b"Headline\r\n\r\nFirst paragraph.\r\nWords typed just before the crash."
    assert copies(data_home / COPIES) == []


def crash(qtbot, tmp_path, folder, text):
    """Leaves a recovery copy of unsaved ``text`` as a killed Copydesk leaves it: on disk, unlocked."""
    window = new_window(qtbot, tmp_path, folder)
    qtbot.keyClicks(window.editor, text)
    window.story.write_recovery()
    data = window.story.recovery.file.read_bytes()
    window.editor.document().setModified(False)
    window.close()
    (folder / f"crashed-{len(copies(folder))}.json").write_bytes(data)


def save(window):
    """File > Save, as a person would choose it."""
    [action] = [action for action in window.menuBar().actions()[0].menu().actions() if action.text() == "&Save"]
    action.trigger()


def test_a_copy_appears_a_few_seconds_after_a_change_and_goes_when_saved(qtbot, window, tmp_path):
    path = story_file(tmp_path)
    window.story.open_path(str(path), ask=False)
    assert not window.story.recovery.file.exists()
    type_at_end(qtbot, window, "More.")
    qtbot.waitUntil(window.story.recovery.file.exists, timeout=10000)
    save(window)
    assert not window.story.recovery.file.exists()


def test_undoing_back_to_the_saved_text_removes_the_copy(qtbot, window):
    qtbot.keyClicks(window.editor, "x")
    window.story.write_recovery()
    assert window.story.recovery.file.exists()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified() and not window.story.recovery.file.exists()


def test_closing_writes_the_copy_before_asking_and_a_discard_removes_it(qtbot, monkeypatch, window, dialogs):
    qtbot.keyClicks(window.editor, "Unsaved.")
    seen = []
    monkeypatch.setattr(dialogs, "answers", ["Discard"])
    original_ask = window.ask
    monkeypatch.setattr(window, "ask", lambda *args: seen.append(window.story.recovery.file.exists()) or original_ask(*args))
    assert window.close()
    assert seen == [True] and not window.story.recovery.file.exists()


def test_declining_removes_the_copy_and_deciding_later_keeps_it(qtbot, monkeypatch, tmp_path):
    folder = tmp_path / "recovery"
    crash(qtbot, tmp_path, folder, "First lost story.")
    crash(qtbot, tmp_path, folder, "Second lost story.")
    window = new_window(qtbot, tmp_path, folder)
    answers = Dialogs(monkeypatch, window)
    answers.answers = ["Discard", "Decide Later"]
    window.offer_recovery()
    assert [question.split(" (")[0] for question in answers.questions] == ["Copydesk ended without saving Untitled"] * 2
    [kept] = copies(folder)
    assert "Second lost story." in kept.read_text()
    assert text_of(window) == "" and window.restored_windows == []
    answers.answers = ["Restore"]
    window.offer_recovery()  # the next start
    assert text_of(window) == "Second lost story." and copies(folder) == [window.story.recovery.file]
    window.editor.document().setModified(False)


def test_a_second_restored_story_opens_in_its_own_window(qtbot, monkeypatch, tmp_path):
    folder = tmp_path / "recovery"
    crash(qtbot, tmp_path, folder, "One.")
    crash(qtbot, tmp_path, folder, "Two.")
    window = new_window(qtbot, tmp_path, folder)
    answers = Dialogs(monkeypatch, window)
    answers.answers = ["Restore", "Restore"]
    window.offer_recovery()
    [other] = window.restored_windows
    qtbot.addWidget(other)
    assert {text_of(window), text_of(other)} == {"One.", "Two."}
    assert other.isVisible() and other.isWindowModified()
    assert copies(folder) == sorted([window.story.recovery.file, other.story.recovery.file])
    for restored in (window, other):
        restored.editor.document().setModified(False)


def test_a_running_windows_copy_is_never_offered(qtbot, monkeypatch, tmp_path):
    folder = tmp_path / "recovery"
    running = new_window(qtbot, tmp_path, folder)
    qtbot.keyClicks(running.editor, "Still being edited.")
    running.story.write_recovery()
    later = new_window(qtbot, tmp_path, folder)
    Dialogs(monkeypatch, later).answers = []
    later.offer_recovery()  # a question here would fail the test
    assert running.story.recovery.file.exists()
    running.editor.document().setModified(False)


def test_logging_out_without_a_question_keeps_the_copy_for_the_next_start(qtbot, window, dialogs):
    qtbot.keyClicks(window.editor, "Unsaved at logout.")
    manager = SessionManager(interaction=False)
    window.commit_data(manager)
    assert "Unsaved at logout." in window.story.recovery.file.read_text() and dialogs.questions == []
    assert window.isVisible()


def test_a_copy_that_cannot_be_written_is_reported(qtbot, tmp_path):
    (tmp_path / "file").write_text("x")
    window = new_window(qtbot, tmp_path, tmp_path / "file" / "recovery")
    qtbot.keyClicks(window.editor, "Unsaved.")
    window.story.write_recovery()
    assert window.statusBar().currentMessage() == (
        f"No recovery copy of the unsaved story could be written: {tmp_path}/file/recovery: Not a directory"
    )
    window.editor.document().setModified(False)


def test_recovery_copies_and_their_folder_are_the_users_only_whatever_the_umask(qtbot, window):
    old = os.umask(0o002)
    try:
        qtbot.keyClicks(window.editor, "Unpublished copy.")
        window.story.write_recovery()
    finally:
        os.umask(old)
    copy = window.story.recovery.file
    assert oct(copy.stat().st_mode & 0o777) == oct(0o600)
    assert oct(copy.parent.stat().st_mode & 0o777) == oct(0o700)


def test_a_recovery_folder_an_older_copydesk_made_open_is_closed_to_others(qtbot, tmp_path):
    folder = tmp_path / "recovery"
    folder.mkdir(mode=0o755)
    window = new_window(qtbot, tmp_path, folder)
    qtbot.keyClicks(window.editor, "Unpublished copy.")
    window.story.write_recovery()
    assert oct(folder.stat().st_mode & 0o777) == oct(0o700)
    window.editor.document().setModified(False)


def test_the_copy_catches_up_with_typing_after_an_undo(qtbot, window):
    type_at_end(qtbot, window, "One.")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)  # a new undo step
    type_at_end(qtbot, window, "Two.")
    window.story.write_recovery()
    window.editor.undo()
    assert text_of(window) == "One.\n" and window.isWindowModified()
    type_at_end(qtbot, window, "Six.")
    copy = window.story.recovery.file
    qtbot.waitUntil(lambda: copy.exists() and json.loads(copy.read_text(encoding="utf-8"))["text"] == "One.\nSix.", timeout=10000)
