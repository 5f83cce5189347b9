"""Files in the window: saving that cannot lose the old file, every encoding and line ending kept,
bad files refused with their reason, unsaved changes asked about on every way out, files changed
behind the editor's back, and broken house-style and dictionary files."""

import codecs
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QSaveFile, QSettings, Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog

from tests.fixtures.windows import (
    SAMPLE,
    STORY,
    SessionManager,
    choose_from_context_menu,
    story_file,
    text_of,
    type_at_end,
    wait_for_mark,
)

def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.ControlModifier):
    qtbot.keyClick(window.editor, key, modifiers)


# ------------------------------------------------------------ saving


def test_a_save_into_a_folder_that_cannot_exist_says_why(qtbot, monkeypatch, window, dialogs, tmp_path):
    # A path whose parent is a regular file fails for every user, root included (chmod would not stop root).
    (tmp_path / "not-a-folder").write_text("x")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "not-a-folder" / "story.txt"), ""))
    qtbot.keyClicks(window.editor, "Words that exist nowhere else.")
    press(qtbot, window, Qt.Key.Key_S)
    [message] = dialogs.messages
    assert "not-a-folder/story.txt was not saved: Not a directory" in message
    assert window.isWindowModified() and text_of(window) == "Words that exist nowhere else."


def test_a_save_that_fails_at_the_last_step_leaves_the_old_file_intact(qtbot, monkeypatch, window, dialogs, tmp_path):
    # QSaveFile.commit failing stands for a crash or a full disk at the moment of replacing the file.
    folder = tmp_path / "desk"
    folder.mkdir()
    path = story_file(folder)
    window.story.open_path(str(path), ask=False)
    monkeypatch.setattr(QSaveFile, "commit", lambda target: target.cancelWriting() or False)
    type_at_end(qtbot, window, "New paragraph.")
    press(qtbot, window, Qt.Key.Key_S)
    assert path.read_bytes() == STORY.encode()
    assert list(folder.iterdir()) == [path]  # no temporary file left behind
    [message] = dialogs.messages
    assert f"{path} was not saved" in message and "The file on disk is as it was" in message
    assert window.isWindowModified()


ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-sig": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-le": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "windows-1252": lambda text: text.encode("windows-1252"),
}
LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE",
          "windows-1252": "Windows-1252"}


ENDINGS = {"CRLF": "\r\n", "LF": "\n", "CR": "\r"}


@pytest.mark.parametrize("ending", list(ENDINGS))
@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_each_encoding_and_line_ending_round_trips_byte_for_byte(qtbot, window, tmp_path, encoding, ending):
    newline = ENDINGS[ending]
    lines = ["Café owners in Zürich said “prices” rose 5 percent — again.", "", "Second paragraph"]
    path = tmp_path / "story.txt"
    path.write_bytes(ENCODINGS[encoding](newline.join(lines)))
    window.story.open_path(str(path), ask=False)
    assert window.file_label.text() == f"{LABELS[encoding]} · {ending}"
    press(qtbot, window, Qt.Key.Key_S)
    assert path.read_bytes() == ENCODINGS[encoding](newline.join(lines))
    type_at_end(qtbot, window, " ends.")
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    qtbot.keyClicks(window.editor, "Deja vu.")
    press(qtbot, window, Qt.Key.Key_S)
    assert path.read_bytes() == ENCODINGS[encoding](newline.join([*lines[:-1], "Second paragraph ends.", "Deja vu."]))


def test_mixed_line_endings_are_saved_with_the_most_common_and_the_user_is_told(qtbot, window, tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"one\r\ntwo\r\nthree\nfour")
    window.story.open_path(str(path), ask=False)
    assert "mixes line endings" in window.statusBar().currentMessage() and "CRLF" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_S)
    assert path.read_bytes() == b"one\r\ntwo\r\nthree\r\nfour"


def test_the_user_can_choose_utf8_for_a_windows_1252_story(qtbot, window, tmp_path):
    path = story_file(tmp_path, "Café\r\n", encoding="windows-1252")
    window.story.open_path(str(path), ask=False)
    file_menu = window.menuBar().actions()[0].menu()
    [use_utf8] = [action for action in file_menu.actions() if action.text() == "Use &UTF-8 for This Story"]
    use_utf8.trigger()
    assert window.isWindowModified() and window.file_label.text() == "UTF-8 · CRLF"
    assert not use_utf8.isEnabled()
    press(qtbot, window, Qt.Key.Key_S)
    assert path.read_bytes() == "Café\r\n".encode("utf-8")


def test_a_character_windows_1252_lacks_offers_utf8_and_cancel_keeps_the_file(qtbot, window, dialogs, tmp_path):
    path = story_file(tmp_path, "Café\n", encoding="windows-1252")
    window.story.open_path(str(path), ask=False)
    window.editor.insertPlainText("₽")  # QTest types only what a keyboard has
    dialogs.answers = ["Cancel"]
    press(qtbot, window, Qt.Key.Key_S)
    assert "“₽” on line 1 cannot be written in Windows-1252" in dialogs.questions[0]
    assert path.read_bytes() == b"Caf\xe9\n" and window.isWindowModified()
    dialogs.answers = ["Save in UTF-8"]
    press(qtbot, window, Qt.Key.Key_S)
    assert path.read_bytes() == "₽Café\n".encode("utf-8")
    assert window.file_label.text() == "UTF-8 · LF" and not window.isWindowModified()


def test_a_nul_character_is_named_and_nothing_is_overwritten(qtbot, window, dialogs, tmp_path):
    path = story_file(tmp_path)
    window.story.open_path(str(path), ask=False)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.insertPlainText("pasted\x00junk")
    press(qtbot, window, Qt.Key.Key_S)
    assert "a NUL character on line 4 would make the file unreadable as text" in dialogs.messages[0]
    assert path.read_bytes() == STORY.encode()


def test_a_story_starting_with_a_stray_byte_order_mark_opens_changed_and_says_so(qtbot, window, dialogs, tmp_path):
    # Qt's editor drops a U+FEFF at the start of the text: the story cannot be shown as it is on disk.
    path = tmp_path / "story.txt"
    path.write_bytes(codecs.BOM_UTF8 + "\ufeffHeadline\n\nOfficials said.\n".encode())
    assert window.story.open_path(str(path), ask=False)
    assert window.isWindowModified() and "byte-order mark" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_S)
    assert path.read_bytes() == codecs.BOM_UTF8 + "Headline\n\nOfficials said.\n".encode()


def test_a_story_that_comes_to_start_with_a_byte_order_mark_is_not_saved(qtbot, window, dialogs, tmp_path):
    path = story_file(tmp_path)
    window.story.open_path(str(path), ask=False)
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    window.editor.insertPlainText("\ufeff\ufeff")  # Qt keeps one of two at the start
    press(qtbot, window, Qt.Key.Key_S)
    assert "starts with an invisible byte-order mark" in dialogs.messages[0]
    assert path.read_bytes() == STORY.encode() and window.isWindowModified()


# ------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file (a PNG image), not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00", "is a binary file (a PDF document), not text"),
        (b"Headline\n\nSome\x00thing", "looks like a binary file (a NUL byte on line 3), not text"),
        (b"Caf\x81 owners\x02 said", "is neither UTF-8 nor Windows-1252 text (a bad byte on line 1)"),
    ],
    ids=["png", "pdf", "nul", "undecodable"],
)
def test_a_file_that_is_not_text_is_refused_with_its_reason(qtbot, window, dialogs, tmp_path, content, reason):
    qtbot.keyClicks(window.editor, "My story.")
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert not window.story.open_path(str(path), ask=False)
    assert dialogs.messages == [f"{path}: {reason}."]
    assert text_of(window) == "My story." and window.story.path is None


def test_a_folder_an_unreadable_file_and_a_vanished_recent_file_are_refused(qtbot, window, dialogs, tmp_path):
    assert not window.story.open_path(str(tmp_path), ask=False)
    (tmp_path / "file").write_text("x")
    assert not window.story.open_path(str(tmp_path / "file" / "story.txt"), ask=False)  # unreadable, even for root
    path = story_file(tmp_path)
    window.story.open_path(str(path), ask=False)
    window.story.new_story()
    path.unlink()
    window.recent_menu.actions()[0].trigger()
    assert dialogs.messages == [
        f"{tmp_path}: is a directory, not a story file.",
        f"{tmp_path}/file/story.txt: cannot be read: Not a directory.",
        f"{path}: no such file (it may have been moved or deleted).",
    ]


def test_a_broken_style_file_names_its_line_and_the_style_stays(qtbot, window, dialogs, tmp_path):
    assert window.style_box.set_style("british")
    style = tmp_path / "desk.toml"
    style.write_text('[style]\nname = "Desk"\nlocale = "en-XX"\n')
    assert not window.style_box.set_style(str(style))
    [message] = dialogs.messages
    assert f"{style}:3: style.locale" in message and "stays British" in message
    assert window.style_box.style.name == "British" and window.settings.style == "british"
    assert window.style_box.currentData() == "british"


def test_a_remembered_style_file_broken_since_is_named_at_start(qtbot, tmp_path):
    from editor.app.main_window import MainWindow

    style = tmp_path / "desk.toml"
    style.write_text("[style]\nname = 'Desk'\nunknown_key = 1\n")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("style", str(style))
    window = MainWindow(settings=settings, dictionary=tmp_path / "dictionary.txt")
    qtbot.addWidget(window)
    message = window.statusBar().currentMessage()
    assert message.startswith("House style not loaded, using AP:") and f"{style}:3" in message
    assert window.style_box.style.name == "AP"


def test_a_broken_dictionary_is_named_with_its_line(qtbot, tmp_path):
    from editor.app.main_window import MainWindow

    dictionary = tmp_path / "dictionary.txt"
    dictionary.write_bytes(b"colour\nfavour\x00\x00\n")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, dictionary=dictionary)
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage() == (
        f"Dictionary not loaded: {dictionary}: looks like a binary file (a NUL byte on line 2), not text"
    )


# ------------------------------------------------------------ unsaved changes, every way out


def test_closing_the_window_asks_and_cancel_keeps_it_open(qtbot, window, dialogs):
    qtbot.keyClicks(window.editor, "Unsaved.")
    dialogs.answers = ["Cancel"]
    assert not window.close()
    assert window.isVisible() and "Save the changes to Untitled?" in dialogs.questions[0]


def test_the_quit_shortcut_asks(qtbot, window, dialogs):
    qtbot.keyClicks(window.editor, "Unsaved.")
    dialogs.answers = ["Cancel"]
    press(qtbot, window, Qt.Key.Key_Q)
    assert window.isVisible() and len(dialogs.questions) == 1
    dialogs.answers = ["Discard"]
    press(qtbot, window, Qt.Key.Key_Q)
    assert not window.isVisible()


def test_opening_another_file_asks_from_the_menu_a_recent_file_and_a_drop(qtbot, window, dialogs, tmp_path):
    other = story_file(tmp_path, "Other story.\n", name="other.txt")
    window.story.open_path(str(other), ask=False)
    window.story.new_story()
    qtbot.keyClicks(window.editor, "Unsaved.")
    dialogs.answers = ["Cancel", "Cancel", "Cancel"]
    press(qtbot, window, Qt.Key.Key_O)  # stops at the question, before the file dialog
    press(qtbot, window, Qt.Key.Key_N)
    window.recent_menu.actions()[0].trigger()
    assert len(dialogs.questions) == 3 and text_of(window) == "Unsaved."
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    dialogs.answers = ["Cancel"]
    window.editor.insertFromMimeData(mime)  # what dropping the file on the text does
    assert len(dialogs.questions) == 4 and text_of(window) == "Unsaved."
    dialogs.answers = ["Discard"]
    window.recent_menu.actions()[0].trigger()
    assert text_of(window) == "Other story.\n"


def test_logging_out_asks_and_cancel_stops_the_logout(qtbot, window, dialogs):
    qtbot.keyClicks(window.editor, "Unsaved.")
    manager = SessionManager(interaction=True)
    dialogs.answers = ["Cancel"]
    window.commit_data(manager)
    assert manager.outcome == "cancelled" and window.isVisible() and dialogs.questions
    dialogs.answers = ["Discard"]
    window.commit_data(manager)
    assert manager.outcome == "released" and not window.isVisible()


# ------------------------------------------------------------ the file changes behind the editor


def test_a_change_on_disk_is_noticed_and_reload_is_asked(qtbot, window, dialogs, tmp_path):
    path = story_file(tmp_path)
    window.story.open_path(str(path), ask=False)
    dialogs.answers = ["Reload"]
    path.write_bytes(b"Rewritten by the wire desk.\n")
    qtbot.waitUntil(lambda: bool(dialogs.questions), timeout=5000)
    assert dialogs.questions == ["story.txt has been changed by another program. Reload it?"]
    assert text_of(window) == "Rewritten by the wire desk.\n" and not window.isWindowModified()


def test_keeping_my_version_then_saving_asks_before_overwriting(qtbot, window, dialogs, tmp_path):
    path = story_file(tmp_path)
    window.story.open_path(str(path), ask=False)
    type_at_end(qtbot, window, "Mine.")
    dialogs.answers = ["Keep My Version"]
    path.write_bytes(b"Theirs.\n")
    qtbot.waitUntil(lambda: bool(dialogs.questions), timeout=5000)
    assert "losing your unsaved changes" in dialogs.questions[0]
    dialogs.answers = ["Cancel"]
    press(qtbot, window, Qt.Key.Key_S)
    assert "Overwrite it?" in dialogs.questions[1] and path.read_bytes() == b"Theirs.\n"
    dialogs.answers = ["Overwrite"]
    press(qtbot, window, Qt.Key.Key_S)
    assert path.read_bytes() == (STORY + "Mine.").encode() and not window.isWindowModified()


def test_our_own_saves_are_not_reported_as_changes(qtbot, window, dialogs, tmp_path):
    path = story_file(tmp_path)
    window.story.open_path(str(path), ask=False)
    for word in ("One.", "Two."):
        type_at_end(qtbot, window, word)
        press(qtbot, window, Qt.Key.Key_S)
        qtbot.wait(400)  # longer than the watcher's settling time: a question would be here by now
    assert dialogs.questions == [] and path.read_bytes() == (STORY + "One.Two.").encode()


def test_a_deleted_file_is_noticed_and_the_story_kept_as_unsaved(qtbot, window, dialogs, tmp_path):
    path = story_file(tmp_path)
    window.story.open_path(str(path), ask=False)
    path.unlink()
    qtbot.waitUntil(window.isWindowModified, timeout=5000)
    assert "moved or deleted by another program" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_S)
    assert path.read_bytes() == STORY.encode()


# ------------------------------------------------------------ underlines in odd text


@pytest.mark.parametrize(
    "before",
    [
        "x" * 200_000 + " ",  # one very long line
        "قال المتحدث إن المحادثات انتهت. ",  # right-to-left
        "👩‍👩‍👧 🇺🇸 📰 ",  # emoji, joined and flagged
        "Café cafe\u0301 Zu\u0308rich n\u0303 ",  # combining accents
    ],
    ids=["long-line", "rtl", "emoji", "combining"],
)
def test_underlines_and_fixes_land_on_the_right_letters(qtbot, monkeypatch, window, tmp_path, before):
    path = story_file(tmp_path, before + "Officials said the the talks ended.\n")
    window.story.open_path(str(path), ask=False)
    mark = wait_for_mark(qtbot, window, "the the", "repeated-word")
    assert mark.cursor.selectedText() == "the the"
    choose_from_context_menu(qtbot, monkeypatch, window, mark, "“the”")
    assert text_of(window) == before + "Officials said the talks ended.\n"


def test_the_sample_story_opens_and_saves_unchanged(qtbot, window, tmp_path):
    path = tmp_path / "story.txt"
    shutil.copyfile(SAMPLE, path)
    window.story.open_path(str(path), ask=False)
    press(qtbot, window, Qt.Key.Key_S)
    assert path.read_bytes() == SAMPLE.read_bytes()


# ------------------------------------------------------------ the real question box


def test_the_question_box_returns_the_button_clicked_and_escape_picks_the_safe_choice(qtbot, window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer(key=None, click=None):
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        if click:
            qtbot.mouseClick(next(b for b in box.buttons() if b.text() == click), Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(box, key)

    QTimer.singleShot(0, lambda: answer(click="Discard"))
    assert window.ask("Unsaved changes", "Save?", ("Save", "Discard", "Cancel")) == "Discard"
    QTimer.singleShot(0, lambda: answer(key=Qt.Key.Key_Escape))
    assert window.ask("Unsaved changes", "Save?", ("Save", "Discard", "Cancel")) == "Cancel"
    QTimer.singleShot(0, lambda: answer(key=Qt.Key.Key_Return))
    assert window.ask("Restore unsaved story?", "Restore it?", ("Restore", "Discard", "Decide Later")) == "Restore"


def test_the_window_keeps_its_data_where_the_command_line_looks(qapp, data_home):
    from PySide6.QtCore import QStandardPaths

    from editor.userdata import APPLICATION, ORGANIZATION, data_folder

    names = qapp.organizationName(), qapp.applicationName()
    qapp.setOrganizationName(ORGANIZATION)
    qapp.setApplicationName(APPLICATION)
    try:
        qt_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    finally:
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
    assert Path(qt_folder) == data_folder()


# ------------------------------------------------------------ paragraph and line separators


def test_a_story_with_paragraph_separators_and_line_separators_saves_back_unchanged(qtbot, window, tmp_path):
    text = "Headline\u2029\u2029Officials said\u2028the talks ended.\u2029"
    path = story_file(tmp_path, text)
    window.story.open_path(str(path), ask=False)
    assert window.file_label.text() == "UTF-8 · U+2029"
    press(qtbot, window, Qt.Key.Key_S)
    assert path.read_bytes() == text.encode("utf-8")


def test_paragraph_separators_among_line_breaks_are_asked_about_before_a_save_changes_them(
    qtbot, window, dialogs, tmp_path
):
    text = "Headline\n\nOfficials said the talks ended.\u2029Second paragraph.\n"
    path = story_file(tmp_path, text)
    window.story.open_path(str(path), ask=False)
    dialogs.answers = ["Cancel"]
    press(qtbot, window, Qt.Key.Key_S)
    assert "1 paragraph separator(s) (U+2029)" in dialogs.questions[0] and "(LF)" in dialogs.questions[0]
    assert path.read_bytes() == text.encode("utf-8")
    dialogs.answers = ["Save"]
    press(qtbot, window, Qt.Key.Key_S)
    assert path.read_bytes() == text.replace("\u2029", "\n").encode("utf-8")
    press(qtbot, window, Qt.Key.Key_S)  # asked once: the file has none now
    assert len(dialogs.questions) == 2
