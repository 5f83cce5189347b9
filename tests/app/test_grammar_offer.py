"""LanguageTool offered at first run: with Java here and LanguageTool not, a bar above the story
offers the download once (Download / Not now / Don't ask again); the status bar's states."""

import functools
import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton

from editor.app.grammar import STATE_LABELS
from editor.grammar import GrammarState
from tests.fixtures.languagetool import SNAPSHOT, release_zip
from tests.grammar.fake_java import install as install_fake_java

README = Path(__file__).resolve().parents[2] / "README.md"
OFFER = "Grammar checking uses LanguageTool, a 250 MB download."


@pytest.fixture
def java_here(tmp_path, monkeypatch):
    """A ``java`` on PATH that says it is Java 17; LanguageTool itself is not installed (the top
    conftest gives language-tool-python an empty folder)."""
    folder = install_fake_java(tmp_path / "fake-java").parent
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("COPYDESK_FAKE_JAVA_PIDS", str(folder / "pids"))
    return folder


@pytest.fixture
def start_copydesk(qtbot, tmp_path):
    """Opens a window as Copydesk's start does, with settings kept from one start to the next
    (by default LanguageTool runs on this computer)."""
    from editor.app.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    windows = []

    def start():
        window = MainWindow(settings=settings, dictionary=tmp_path / "dictionary.txt")
        window.show()
        windows.append(window)
        return window

    yield start
    for window in windows:
        window.editor.document().setModified(False)
        window.close()


def wait_until_missing(qtbot, window):
    qtbot.waitUntil(lambda: window.grammar.button.status.state is GrammarState.NOT_INSTALLED, timeout=10000)
    assert window.grammar.button.text() == "Grammar: not installed"


def answer(qtbot, window, choice):
    offer = window.grammar.offer
    assert offer.isVisible()
    labels = [button.text() for button in offer.findChildren(QPushButton)]
    assert labels == ["Download", "Not now", "Don't ask again"]
    button = next(button for button in offer.findChildren(QPushButton) if button.text() == choice)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def offer_text(window) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in window.grammar.offer.findChildren(QLabel))


def test_the_offer_is_shown_above_the_story_once_and_not_now_puts_it_off_to_the_next_start(
    qtbot, java_here, start_copydesk
):
    window = start_copydesk()
    wait_until_missing(qtbot, window)
    offer = window.grammar.offer
    qtbot.waitUntil(offer.isVisible)
    assert offer_text(window) == OFFER
    assert offer.mapTo(window, offer.rect().bottomLeft()).y() <= window.editor.mapTo(window, window.editor.rect().topLeft()).y()
    answer(qtbot, window, "Not now")
    assert not offer.isVisible()
    window.grammar.worker.retry()  # LanguageTool is looked for again, and is still missing: not offered again
    qtbot.keyClicks(window.editor, "Officials said the talks ended.")
    qtbot.waitUntil(lambda: window.grammar.button.status.state is GrammarState.NOT_INSTALLED, timeout=10000)
    qtbot.wait(100)
    assert not offer.isVisible()
    window.editor.document().setModified(False)
    window.close()
    later = start_copydesk()
    wait_until_missing(qtbot, later)
    qtbot.waitUntil(later.grammar.offer.isVisible)


def test_dont_ask_again_is_kept_for_later_starts(qtbot, java_here, start_copydesk):
    window = start_copydesk()
    wait_until_missing(qtbot, window)
    qtbot.waitUntil(window.grammar.offer.isVisible)
    answer(qtbot, window, "Don't ask again")
    assert not window.grammar.offer.isVisible()
    window.close()
    later = start_copydesk()
    wait_until_missing(qtbot, later)
    qtbot.wait(100)  # the status arrives queued; the offer would come with it
    assert not later.grammar.offer.isVisible()
    # The status bar still offers the download.
    later.grammar.button.menu().aboutToShow.emit()
    assert "Download LanguageTool…" in [action.text() for action in later.grammar.button.menu().actions()]


def test_download_installs_languagetool_with_progress_without_asking_again(
    qtbot, java_here, start_copydesk, monkeypatch, serve, own_languagetool_folder
):
    from editor.grammar import download_languagetool

    url = serve(release_zip())
    # The release is served here instead of from languagetool.org; everything else is as it is.
    monkeypatch.setattr(
        "editor.app.workers.download_languagetool", functools.partial(download_languagetool, version=SNAPSHOT, url=url)
    )
    asked = []
    window = start_copydesk()
    monkeypatch.setattr(window.grammar, "ask_to_download", lambda: asked.append(True) or True)
    wait_until_missing(qtbot, window)
    qtbot.waitUntil(window.grammar.offer.isVisible)
    answer(qtbot, window, "Download")
    assert (next(own_languagetool_folder.glob("LanguageTool-*")) / "languagetool-server.jar").exists()
    assert not window.grammar.offer.isVisible()
    assert asked == []  # the click on Download was the answer


def test_without_java_nothing_is_offered(qtbot, tmp_path, start_copydesk, monkeypatch):
    empty = tmp_path / "no-java"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    window = start_copydesk()
    qtbot.waitUntil(lambda: window.grammar.button.status.state is GrammarState.UNAVAILABLE, timeout=10000)
    assert "Java" in window.grammar.button.status.message
    qtbot.wait(100)
    assert not window.grammar.offer.isVisible()


def test_the_status_bar_states_are_the_ones_the_readme_lists():
    listed = re.search(r"the\s+status bar shows its state \(([^)]*)\)", README.read_text(encoding="utf-8"))
    states = {f"Grammar: {state.strip()}" for state in listed.group(1).split(",")}
    shown = {label.removesuffix("…") for label in STATE_LABELS.values()}
    assert shown == states
    assert set(STATE_LABELS) == set(GrammarState)
