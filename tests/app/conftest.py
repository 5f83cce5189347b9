import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from editor.engine.resources import resource

SAMPLE = resource("samples", "wire-story.txt")


@pytest.fixture
def window(qtbot, tmp_path):
    from editor.app.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("grammar/mode", "off")  # LanguageTool's own tests turn it on
    win = MainWindow(settings=settings, dictionary=tmp_path / "dictionary.txt")
    win.show()
    yield win
    win.editor.document().setModified(False)  # closing must not stop at the save question
    win.close()
    win.deleteLater()


def text_of(window):
    from editor.app.story_editor import plain_text

    return plain_text(window.editor)


def wait_for_mark(qtbot, window, original, rule=None):
    def found():
        return [m for m in window.editor.marked if m.original == original and (rule is None or m.issue.rule == rule)]

    qtbot.waitUntil(lambda: bool(found()), timeout=5000)
    return found()[0]


def wait_until_checked(qtbot, window):
    """Wait until the issues shown were computed on the text now in the editor."""
    qtbot.waitUntil(lambda: window.checker.latest_revision == window._revision and not window.checker._running
                    and window.checker._pending is None, timeout=5000)
    qtbot.wait(50)


def choose_from_context_menu(qtbot, monkeypatch, window, mark, label):
    """Right-click inside ``mark``'s span and click the menu item whose text starts with ``label``."""
    chosen = {}

    def fake_exec(menu, *args):
        actions = [action for action in menu.actions() if action.isEnabled() and action.text().startswith(label)]
        chosen["labels"] = [action.text() for action in menu.actions()]
        assert actions, f"no {label!r} in {chosen['labels']}"
        actions[0].trigger()

    editor = window.editor
    monkeypatch.setattr(editor, "show_menu", fake_exec)
    cursor = QTextCursor(editor.document())
    cursor.setPosition((mark.cursor.selectionStart() + mark.cursor.selectionEnd()) // 2)
    point = editor.cursorRect(cursor).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, editor.viewport().mapToGlobal(point))
    QApplication.sendEvent(editor.viewport(), event)
    return chosen["labels"]
