"""A rule that breaks is seen: the status bar names it, the log has it, the other rules still underline."""

from PySide6.QtCore import QSettings

from tests.fixtures.windows import wait_for_mark


def test_a_broken_rule_is_named_in_the_status_bar_and_logged_and_the_others_still_underline(
    qtbot, tmp_path, break_rule, failure_log
):
    from editor.app.main_window import MainWindow

    break_rule("repeated-word")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("grammar/mode", "off")
    window = MainWindow(settings=settings, dictionary=tmp_path / "dictionary.txt")
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.editor, "U.S. officials said the the talks ended. The USA delegation left.")
    wait_for_mark(qtbot, window, "USA", "variant-consistency")
    assert not any(mark.issue.rule == "repeated-word" for mark in window.editor.marked)
    assert window.failure_label.text() == (
        "Checking failed in repeated-word (ValueError: broken on purpose); the other rules' issues are shown"
    )
    assert str(failure_log) in window.failure_label.toolTip()
    assert "checking failed in repeated-word: ValueError: broken on purpose" in failure_log.read_text(encoding="utf-8")
    window.editor.document().setModified(False)


def test_the_failure_goes_from_the_status_bar_when_the_rule_works_again(qtbot, window, monkeypatch):
    from editor.session import CheckSession

    original = CheckSession.check

    def failing_once(session, *args):
        monkeypatch.setattr(CheckSession, "check", original)
        raise RuntimeError("the session broke")

    monkeypatch.setattr(CheckSession, "check", failing_once)
    qtbot.keyClicks(window.editor, "x")
    qtbot.waitUntil(lambda: "session (RuntimeError: the session broke)" in window.failure_label.text(), timeout=5000)
    qtbot.keyClicks(window.editor, " said the the")
    wait_for_mark(qtbot, window, "the the")
    assert window.failure_label.text() == ""
