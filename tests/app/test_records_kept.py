"""A saved story's record of changes outlives its window: fix and type, save, close, open the story
again (in a later window, after a crash) and the record is there until the story is accepted;
a file another program changed meanwhile opens without it, and the user is told."""

import json
import os
import shutil
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.fixtures.changes import (
    CTRL,
    FIX_AND_TYPE,
    SAMPLE_CHANGES,
    back_to_the_story,
    fix_the_sample,
    menu_action,
    open_sample,
    show_changes,
)
from tests.fixtures.windows import SAMPLE, Dialogs, kill_once_copied, new_window, story_file, text_of, type_at_end

# Where run() keeps records of changes and recovery copies: the data folder of "Copydesk".
RECORDS = ("Copydesk", "Copydesk", "records")
RECOVERY = ("Copydesk", "Copydesk", "recovery")


def kept_records(data_home):
    return sorted(data_home.joinpath(*RECORDS).glob("*.json"))


def a_window(qtbot, monkeypatch, tmp_path):
    """A window as a later start opens it; any question it asks unscripted fails the test."""
    window = new_window(qtbot, tmp_path, tmp_path / "recovery")
    return window, Dialogs(monkeypatch, window)


def open_with_dialog(qtbot, monkeypatch, window, path):
    """File > Open (Ctrl+O), picking ``path`` in the file dialog."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(path), "Text (*.txt)"))
    qtbot.keyClick(window.editor, Qt.Key.Key_O, CTRL)
    assert window.story.path == path


def save(qtbot, window):
    qtbot.keyClick(window.editor, Qt.Key.Key_S, CTRL)
    assert not window.isWindowModified()


def close(window):
    window.close()
    assert not window.isVisible()


def fixed_and_saved(qtbot, monkeypatch, tmp_path):
    """The sample story opened, fixed and typed into, saved and its window closed: the story's
    path, and the Changes tab's list and summary as they were."""
    window, _ = a_window(qtbot, monkeypatch, tmp_path)
    path = open_sample(window, tmp_path)
    fix_the_sample(qtbot, monkeypatch, window)
    save(qtbot, window)
    assert show_changes(qtbot, window) == SAMPLE_CHANGES
    shown = window.changes_view.list_view.toPlainText(), window.changes_view.summary.text()
    close(window)
    return path, shown


def test_a_saved_story_opened_again_shows_the_same_record_of_changes(qtbot, monkeypatch, tmp_path, data_home):
    path, shown = fixed_and_saved(qtbot, monkeypatch, tmp_path)
    assert len(kept_records(data_home)) == 1

    later, _ = a_window(qtbot, monkeypatch, tmp_path)
    open_with_dialog(qtbot, monkeypatch, later, path)
    assert later.statusBar().currentMessage() == "story.txt: its record of changes goes on; Ctrl+Shift+E shows it."
    assert show_changes(qtbot, later) == SAMPLE_CHANGES
    assert (later.changes_view.list_view.toPlainText(), later.changes_view.summary.text()) == shown
    # The record goes on from there: typing joins it, and the next save keeps it.
    back_to_the_story(qtbot, later)
    type_at_end(qtbot, later, " More.")
    assert show_changes(qtbot, later)[-1] == ("typed", "", " Updated by the desk. More.")
    back_to_the_story(qtbot, later)
    save(qtbot, later)
    close(later)
    again, _ = a_window(qtbot, monkeypatch, tmp_path)
    open_with_dialog(qtbot, monkeypatch, again, path)
    assert show_changes(qtbot, again) == SAMPLE_CHANGES[:-1] + [("typed", "", " Updated by the desk. More.")]


def test_a_story_in_another_encoding_and_line_endings_keeps_its_record(qtbot, monkeypatch, tmp_path):
    path = story_file(tmp_path, "Headline\r\n\r\nOfficials said the talks ended.\r\n", encoding="utf-16-le bom")
    window, _ = a_window(qtbot, monkeypatch, tmp_path)
    open_with_dialog(qtbot, monkeypatch, window, path)
    type_at_end(qtbot, window, "Added.")
    save(qtbot, window)
    close(window)
    assert path.read_bytes().decode("utf-16").endswith("ended.\r\nAdded.")

    later, _ = a_window(qtbot, monkeypatch, tmp_path)
    open_with_dialog(qtbot, monkeypatch, later, path)
    assert show_changes(qtbot, later) == [("typed", "", "Added.")]


def changed_by_another_program(path, records):
    path.write_text(path.read_text().replace("Latest News", "Latest news"))
    return "story.txt was changed by another program; its record of changes starts again."


def damaged(path, records):
    [record] = records
    record.write_text(record.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    return "story.txt: its record of changes could not be read (the log says why) and starts again."


@pytest.mark.parametrize("meddle", [changed_by_another_program, damaged])
def test_a_record_that_no_longer_applies_is_not_taken_up_and_the_user_is_told(
    qtbot, monkeypatch, tmp_path, data_home, meddle
):
    path, _ = fixed_and_saved(qtbot, monkeypatch, tmp_path)
    said = meddle(path, kept_records(data_home))

    later, _ = a_window(qtbot, monkeypatch, tmp_path)
    open_with_dialog(qtbot, monkeypatch, later, path)
    assert later.statusBar().currentMessage() == said
    assert show_changes(qtbot, later) == []
    assert "since the story was opened" in later.changes_view.summary.text()
    assert kept_records(data_home) == []  # it can never apply again


def test_a_story_accepted_opens_again_with_no_changes(qtbot, monkeypatch, tmp_path):
    path, _ = fixed_and_saved(qtbot, monkeypatch, tmp_path)
    window, dialogs = a_window(qtbot, monkeypatch, tmp_path)
    open_with_dialog(qtbot, monkeypatch, window, path)
    assert show_changes(qtbot, window) == SAMPLE_CHANGES
    dialogs.answers = ["Accept All"]
    menu_action(window, "&File", "&Accept All Changes…").trigger()
    assert window.statusBar().currentMessage() == "Changes accepted; the record starts again from here."
    close(window)  # nothing unsaved: no question

    later, _ = a_window(qtbot, monkeypatch, tmp_path)
    open_with_dialog(qtbot, monkeypatch, later, path)
    assert later.statusBar().currentMessage() == ""
    assert show_changes(qtbot, later) == []
    assert "since the story was accepted" in later.changes_view.summary.text()


def test_a_story_accepted_with_unsaved_work_then_discarded_opens_again_with_no_changes(qtbot, monkeypatch, tmp_path):
    path, _ = fixed_and_saved(qtbot, monkeypatch, tmp_path)
    window, dialogs = a_window(qtbot, monkeypatch, tmp_path)
    open_with_dialog(qtbot, monkeypatch, window, path)
    type_at_end(qtbot, window, " Unsaved.")
    dialogs.answers = ["Accept All", "Discard"]
    menu_action(window, "&File", "&Accept All Changes…").trigger()
    close(window)
    assert dialogs.questions[-1] == "Save the changes to story.txt?"

    later, _ = a_window(qtbot, monkeypatch, tmp_path)
    open_with_dialog(qtbot, monkeypatch, later, path)
    assert "Unsaved." not in text_of(later)
    assert show_changes(qtbot, later) == []


def test_save_as_carries_the_record_to_the_new_name(qtbot, monkeypatch, tmp_path):
    window, _ = a_window(qtbot, monkeypatch, tmp_path)
    original = open_sample(window, tmp_path)
    fix_the_sample(qtbot, monkeypatch, window)
    copy = tmp_path / "edited" / "story.txt"
    copy.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(copy), "Text (*.txt)"))
    menu_action(window, "&File", "Save &As…").trigger()
    assert window.story.path == copy and not window.isWindowModified()
    close(window)

    later, _ = a_window(qtbot, monkeypatch, tmp_path)
    open_with_dialog(qtbot, monkeypatch, later, copy)
    assert show_changes(qtbot, later) == SAMPLE_CHANGES
    back_to_the_story(qtbot, later)
    open_with_dialog(qtbot, monkeypatch, later, original)  # never saved: nothing was kept for it
    assert show_changes(qtbot, later) == []


def test_a_record_that_cannot_be_kept_leaves_the_story_saved_and_says_why(qtbot, monkeypatch, tmp_path, data_home):
    records = data_home.joinpath(*RECORDS)
    records.parent.mkdir(parents=True)
    records.write_text("a file where the folder would be")
    window, _ = a_window(qtbot, monkeypatch, tmp_path)
    path = open_sample(window, tmp_path)
    type_at_end(qtbot, window, " More.")
    save(qtbot, window)
    assert path.read_text().endswith(" More.")
    assert window.statusBar().currentMessage() == (
        f"story.txt is saved, but its record of changes could not be kept in {records}: Not a directory."
    )


def test_kept_records_and_their_folder_are_the_users_only_whatever_the_umask(qtbot, monkeypatch, tmp_path, data_home):
    window, dialogs = a_window(qtbot, monkeypatch, tmp_path)
    open_sample(window, tmp_path)
    type_at_end(qtbot, window, " More.")
    old = os.umask(0o002)
    try:
        save(qtbot, window)
        [record] = kept_records(data_home)
        assert oct(record.stat().st_mode & 0o777) == oct(0o600)
        assert oct(record.parent.stat().st_mode & 0o777) == oct(0o700)
        record.chmod(0o644)
        record.parent.chmod(0o755)
        dialogs.answers = ["Accept All"]
        menu_action(window, "&File", "&Accept All Changes…").trigger()  # the record is written again
    finally:
        os.umask(old)
    [record] = kept_records(data_home)
    assert json.loads(record.read_text(encoding="utf-8"))["record"]["accepted"]
    assert oct(record.stat().st_mode & 0o777) == oct(0o600)
    assert oct(record.parent.stat().st_mode & 0o777) == oct(0o700)


# ------------------------------------------------------------ a crash after a save

FIX_TYPE_AND_SAVE = FIX_AND_TYPE + """
    assert window.story.save()
"""
SAVED_CHANGES = [("repeated-word", " Alvarez", ""), ("typed", "", " Typed before the crash.")]


def a_record_left_long_ago(data_home):
    """A record no story has used for longer than records are kept."""
    record = data_home.joinpath(*RECORDS, "0" * 64 + ".json")
    record.parent.mkdir(parents=True)
    record.write_text("{}")
    long_ago = time.time() - 100 * 24 * 60 * 60
    os.utime(record, (long_ago, long_ago))
    return record


def test_a_story_saved_just_before_a_kill_opens_with_its_record(qtbot, monkeypatch, tmp_path, data_home):
    path = tmp_path / "story.txt"
    shutil.copyfile(SAMPLE, path)
    forgotten = a_record_left_long_ago(data_home)
    kill_once_copied(FIX_TYPE_AND_SAVE, "repeated-word", path, tmp_path, data_home, folder="records")
    assert path.read_text(encoding="utf-8").endswith(" Typed before the crash.")
    assert not forgotten.exists()  # the start pruned it

    window = new_window(qtbot, tmp_path, data_home.joinpath(*RECOVERY))
    dialogs = Dialogs(monkeypatch, window)
    window.offer_recovery()
    assert dialogs.questions == []  # nothing was unsaved
    open_with_dialog(qtbot, monkeypatch, window, path)
    assert show_changes(qtbot, window) == SAVED_CHANGES


def test_unsaved_work_after_a_save_is_restored_with_the_whole_record(qtbot, monkeypatch, tmp_path, data_home):
    path = tmp_path / "story.txt"
    shutil.copyfile(SAMPLE, path)
    then_type = FIX_TYPE_AND_SAVE + """
    window.editor.insertPlainText(" Unsaved.")
"""
    kill_once_copied(then_type, "Unsaved.", path, tmp_path, data_home)

    window = new_window(qtbot, tmp_path, data_home.joinpath(*RECOVERY))
    dialogs = Dialogs(monkeypatch, window)
    dialogs.answers = ["Restore"]
    window.offer_recovery()
    everything = [("repeated-word", " Alvarez", ""), ("typed", "", " Typed before the crash. Unsaved.")]
    assert show_changes(qtbot, window) == everything
    back_to_the_story(qtbot, window)
    save(qtbot, window)
    close(window)

    later, _ = a_window(qtbot, monkeypatch, tmp_path)
    open_with_dialog(qtbot, monkeypatch, later, path)
    assert show_changes(qtbot, later) == everything
