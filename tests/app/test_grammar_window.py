"""LanguageTool in the window, used as an editor would: underlines, fixes, ignoring, the status bar."""

import pytest
from PySide6.QtCore import QSettings

from editor.grammar import GrammarSettings, GrammarState
from tests.fixtures.languagetool import SNAPSHOT, needs_recordings, release_zip, running, started_pids
from tests.fixtures.windows import choose_from_context_menu, text_of, wait_for_mark
from tests.grammar.recorded_languagetool import RECORDINGS, recorded_text

pytestmark = needs_recordings

GRAMMAR = recorded_text("grammar-sample.txt").strip() if RECORDINGS.is_dir() else ""


@pytest.fixture
def grammar_window(qtbot, tmp_path, languagetool):
    """A window whose settings point at the recorded LanguageTool, as a newsroom server."""
    from editor.app.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("grammar/mode", "remote")
    settings.setValue("grammar/url", languagetool.url)
    window = MainWindow(settings=settings, dictionary=tmp_path / "dictionary.txt")
    window.show()
    yield window
    window.editor.document().setModified(False)
    window.close()


def test_languagetool_issues_are_underlined_and_fixed_from_the_menu(qtbot, monkeypatch, grammar_window):
    window = grammar_window
    window.editor.setPlainText(GRAMMAR)
    mark = wait_for_mark(qtbot, window, "go", rule="lt:HE_VERB_AGR")
    assert mark.issue.category == "grammar"
    choose_from_context_menu(qtbot, monkeypatch, window, mark, "“goes”")
    assert "She goes to Washington" in text_of(window)
    window.editor.undo()
    assert text_of(window) == GRAMMAR
    assert window.grammar.button.text() == "Grammar: ready"


def test_a_repeated_word_flagged_by_both_is_shown_once(qtbot, grammar_window):
    window = grammar_window
    window.editor.setPlainText(GRAMMAR)
    wait_for_mark(qtbot, window, "Their", rule="lt:THEIR_IS")
    doubled = [m for m in window.editor.marked if "the the" in m.original or m.original == "the"]
    assert [m.issue.rule for m in doubled] == ["repeated-word"]


def test_ignore_rule_works_for_languagetool(qtbot, monkeypatch, grammar_window):
    window = grammar_window
    window.editor.setPlainText(GRAMMAR)
    mark = wait_for_mark(qtbot, window, "go", rule="lt:HE_VERB_AGR")
    choose_from_context_menu(qtbot, monkeypatch, window, mark, "Ignore rule in this story")
    qtbot.waitUntil(lambda: not any(m.issue.rule == "lt:HE_VERB_AGR" for m in window.editor.marked))
    assert any(m.issue.rule == "lt:THEIR_IS" for m in window.editor.marked)


def test_typing_in_one_paragraph_keeps_the_other_paragraphs_underlines(qtbot, grammar_window, languagetool):
    window = grammar_window
    clean = recorded_text("clean-paragraph.txt").strip()
    window.editor.setPlainText(GRAMMAR + "\n\n" + clean)
    wait_for_mark(qtbot, window, "Their", rule="lt:THEIR_IS")
    languagetool.behaviour = "slow"  # the next answer takes seconds
    editor = window.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " It was the the end.")
    # The built-in rules answer while LanguageTool is still thinking ...
    qtbot.waitUntil(lambda: sum(m.issue.rule == "repeated-word" for m in editor.marked) == 2, timeout=3000)
    # ... and the untouched paragraph keeps LanguageTool's underlines meanwhile.
    assert any(m.issue.rule == "lt:THEIR_IS" for m in editor.marked)
    assert window.grammar.button.text() == "Grammar: ready"


def test_an_unreachable_server_is_shown_with_its_reason_and_builtin_checks_go_on(qtbot, tmp_path):
    from editor.app.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("grammar/mode", "remote")
    settings.setValue("grammar/url", "http://127.0.0.1:9")
    window = MainWindow(settings=settings, dictionary=tmp_path / "dictionary.txt")
    window.show()
    try:
        qtbot.keyClicks(window.editor, "The minister said the the talks would resume.")
        wait_for_mark(qtbot, window, "the the")
        button = window.grammar.button
        qtbot.waitUntil(lambda: button.text() == "Grammar: unavailable", timeout=10000)
        assert "connection refused" in button.toolTip()
        button.menu().aboutToShow.emit()
        labels = [action.text() for action in button.menu().actions()]
        assert labels[0].startswith("Could not reach the LanguageTool server")
        assert "Try Again" in labels and "Grammar Settings…" in labels
    finally:
        window.editor.document().setModified(False)
        window.close()


def test_by_default_nothing_leaves_the_machine_and_missing_languagetool_is_offered(qtbot, tmp_path, monkeypatch):
    """First run: local mode, LanguageTool not installed: the status says so and offers the download, unasked nothing."""
    from editor.app.main_window import MainWindow
    from editor.app.grammar import GrammarSupport

    monkeypatch.setattr(GrammarSupport, "ask_to_download", lambda self: False)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, dictionary=tmp_path / "dictionary.txt")
    window.show()
    try:
        assert window.grammar.worker.settings.mode == "local"
        qtbot.keyClicks(window.editor, "A short story.")
        button = window.grammar.button
        qtbot.waitUntil(lambda: button.status.state in (GrammarState.NOT_INSTALLED, GrammarState.UNAVAILABLE), timeout=10000)
        button.menu().aboutToShow.emit()
        labels = [action.text() for action in button.menu().actions()]
        if button.status.state is GrammarState.NOT_INSTALLED:
            assert "Download LanguageTool…" in labels
            assert window.grammar.offer_download() is False  # declined: nothing downloaded
            assert not any((tmp_path / "language_tool_python").glob("LanguageTool-*"))
        else:
            assert "Java" in button.status.message
    finally:
        window.editor.document().setModified(False)
        window.close()


def test_settings_dialog_needs_consent_for_the_public_service(qtbot):
    from editor.app.grammar import GrammarSettingsDialog

    dialog = GrammarSettingsDialog(GrammarSettings())
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.public.setChecked(True)
    assert not ok.isEnabled()
    dialog.consent.setChecked(True)
    assert ok.isEnabled()
    assert dialog.chosen() == GrammarSettings(mode="public", public_consent=True)
    dialog.remote.setChecked(True)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.url, "http://lt.newsroom.example:8081")
    assert ok.isEnabled()
    assert dialog.chosen().public_consent is False


def test_changing_the_settings_switches_languagetool_at_once_and_is_remembered(qtbot, grammar_window, languagetool):
    window = grammar_window
    window.editor.setPlainText(GRAMMAR)
    wait_for_mark(qtbot, window, "Their", rule="lt:THEIR_IS")
    window.grammar.apply_settings(GrammarSettings(mode="off"))
    qtbot.waitUntil(lambda: not any(m.issue.rule.startswith("lt:") for m in window.editor.marked))
    assert window.grammar.button.text() == "Grammar: off"
    assert window.settings.grammar_mode == "off"


def test_quitting_leaves_the_server_for_the_quiet_period_set_in_the_settings(qtbot, tmp_path, fake_java, installed):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("grammar/quiet_minutes", 0.02)
    from editor.app.main_window import MainWindow

    window = MainWindow(settings=settings, dictionary=tmp_path / "dictionary.txt")
    window.show()
    window.editor.setPlainText(GRAMMAR)
    wait_for_mark(qtbot, window, "Their", rule="lt:THEIR_IS")
    [pid] = started_pids(fake_java)
    window.editor.document().setModified(False)
    window.close()
    assert running(pid)  # for the command line, or the next window
    qtbot.waitUntil(lambda: not running(pid), timeout=15000)


def test_an_agreed_download_shows_progress_and_installs_languagetool(qtbot, window, tmp_path, monkeypatch, serve):
    monkeypatch.setattr(type(window.grammar), "ask_to_download", lambda self: True)
    url = serve(release_zip())
    assert window.grammar.offer_download(version=SNAPSHOT, folder=tmp_path / "lt", url=url)
    assert (next((tmp_path / "lt").glob("LanguageTool-*")) / "languagetool-server.jar").exists()


def test_a_failed_download_says_why(qtbot, window, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(type(window.grammar), "ask_to_download", lambda self: True)
    monkeypatch.setattr("editor.app.grammar.QMessageBox.warning", lambda parent, title, text: told.append(text))
    url = "http://127.0.0.1:9/LanguageTool.zip"
    assert not window.grammar.offer_download(version=SNAPSHOT, folder=tmp_path / "lt", url=url)
    assert "connection refused" in told[0]



def test_two_windows_and_the_command_line_share_one_languagetool_server(qtbot, tmp_path, fake_java, installed, capsys):
    from editor.app.main_window import MainWindow
    from editor.cli import main

    windows = []
    for n in range(2):
        settings = QSettings(str(tmp_path / f"settings{n}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings, dictionary=tmp_path / "dictionary.txt")
        window.show()
        window.editor.setPlainText(GRAMMAR)
        windows.append(window)
    for window in windows:
        wait_for_mark(qtbot, window, "Their", rule="lt:THEIR_IS")
    [pid] = started_pids(fake_java)
    story = tmp_path / "story.txt"
    story.write_text(GRAMMAR, encoding="utf-8")
    assert main(["check", "--grammar", str(story)]) == 1
    assert "lt:THEIR_IS" in capsys.readouterr().out
    for window in windows:
        window.close()
    assert started_pids(fake_java) == [pid] and running(pid)


def test_the_quiet_period_is_set_in_the_grammar_settings(qtbot, tmp_path):
    from editor.app.grammar import GrammarSettingsDialog
    from editor.app.settings import Settings

    dialog = GrammarSettingsDialog(GrammarSettings())
    qtbot.addWidget(dialog)
    assert dialog.quiet.value() == 30
    dialog.quiet.setValue(90)
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    Settings(store).grammar = dialog.chosen()
    assert Settings(store).grammar.quiet_period == 90 * 60
    store.setValue("grammar/quiet_minutes", "soon")
    assert Settings(store).grammar.quiet_period == GrammarSettings().quiet_period


def test_typing_a_sentence_asks_languagetool_once_when_typing_pauses(qtbot, grammar_window, languagetool):
    qtbot.keyClicks(grammar_window.editor, "She go to Washington on Monday.")
    qtbot.waitUntil(lambda: len(languagetool.checks) == 1, timeout=5000)
    qtbot.wait(600)
    assert [check["form"]["text"] for check in languagetool.checks] == ["She go to Washington on Monday."]

