"""Where LanguageTool runs and what happens when it does not: the paragraph cache, superseded
checks, servers that refuse, stall or answer garbage, and a local server started, restarted and stopped."""

import os
import socket
import threading
import time

import pytest

from editor.engine import load_style
from editor.grammar import GrammarChecker, GrammarSettings, GrammarState
from tests.fixtures.languagetool import needs_recordings, running, started_pids
from tests.grammar.recorded_languagetool import RECORDINGS, RecordedLanguageTool, recorded_text

pytestmark = needs_recordings
GRAMMAR = recorded_text("grammar-sample.txt").strip() if RECORDINGS.is_dir() else ""


def story(*paragraphs):
    return "\n\n".join(paragraphs)


def remote(url, **settings):
    return GrammarChecker(GrammarSettings(mode="remote", url=url, **settings))


# ------------------------------------------------------------------ paragraph cache

def test_only_paragraphs_that_changed_are_sent_again(languagetool, plain_style):
    style = plain_style()
    clean = recorded_text("clean-paragraph.txt").strip()
    unicode_text = recorded_text("unicode-offsets.txt").strip()
    checker = remote(languagetool.url)
    first = checker.check(story(GRAMMAR, clean), style)
    assert len(languagetool.checks) == 1
    assert checker.check(story(GRAMMAR, clean), style) == first
    assert len(languagetool.checks) == 1  # nothing changed: nothing sent

    moved = checker.check(story(clean, unicode_text, GRAMMAR), style)
    assert [request["form"]["text"] for request in languagetool.checks[1:]] == [unicode_text]
    text = story(clean, unicode_text, GRAMMAR)
    assert [text[i.start : i.end] for i in moved] == ["the the", "go", "Their", "the the", "go", "a"]


def test_changing_the_style_asks_again(languagetool, plain_style):
    checker = remote(languagetool.url)
    checker.check(GRAMMAR, plain_style("en-US"))
    checker.check(GRAMMAR, load_style("ap"))
    assert len(languagetool.checks) == 2


def test_a_newer_check_supersedes_one_in_flight(plain_style, monkeypatch):
    with RecordedLanguageTool(behaviour="slow", delay=0.5) as server:
        checker = remote(server.url)
        monkeypatch.setattr("editor.grammar.paragraphs.BATCH_CHARS", 10)  # one request per paragraph
        paragraphs = [f"Paragraph number {n} is here." for n in range(6)]
        results = {}
        older = threading.Thread(target=lambda: results.setdefault("older", checker.check(story(*paragraphs), plain_style())))
        older.start()
        time.sleep(0.2)
        results["newer"] = checker.check("Another story.", plain_style())
        older.join()
    assert results["older"] is None
    assert results["newer"] == []
    assert len(server.checks) < 6


# ------------------------------------------------------------------ failures

def test_a_server_that_refuses_connections_is_reported_and_nothing_hangs(plain_style):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    statuses = []
    checker = GrammarChecker(GrammarSettings(mode="remote", url=f"127.0.0.1:{port}"), on_status=statuses.append)
    started = time.monotonic()
    assert checker.check(GRAMMAR, plain_style()) is None
    assert time.monotonic() - started < 20  # fails fast rather than hanging; generous on a busy machine
    assert checker.status.state is GrammarState.UNAVAILABLE
    assert "connection refused" in checker.status.message
    assert [status.state for status in statuses] == [GrammarState.STARTING, GrammarState.UNAVAILABLE]
    assert checker.check(GRAMMAR, plain_style()) is None  # not retried before the retry interval


def test_a_server_that_answers_slowly_times_out_with_the_reason(plain_style):
    with RecordedLanguageTool(behaviour="slow", delay=3) as server:
        checker = remote(server.url, read_timeout=0.3)
        assert checker.check(GRAMMAR, plain_style()) is None
    assert checker.status.state is GrammarState.UNAVAILABLE
    assert "did not answer within 0.3 seconds" in checker.status.message


@pytest.mark.parametrize("behaviour", ["garbage", "wrong-shape"])
def test_a_server_that_answers_garbage_is_reported(plain_style, behaviour):
    with RecordedLanguageTool() as server:
        checker = remote(server.url)
        assert checker.start()
        server.behaviour = behaviour
        assert checker.check(GRAMMAR, plain_style()) is None
    assert checker.status.state is GrammarState.UNAVAILABLE
    assert "did not answer like a LanguageTool server" in checker.status.message


def test_after_a_failure_retry_connects_again(plain_style):
    with RecordedLanguageTool(behaviour="garbage") as server:
        checker = remote(server.url)
        assert checker.check(GRAMMAR, plain_style()) is None
        server.behaviour = "normal"
        assert checker.check(GRAMMAR, plain_style()) is None  # waits for the retry interval
        checker.retry()
        assert len(checker.check(GRAMMAR, plain_style())) == 4
    assert checker.status.state is GrammarState.READY


def test_an_address_that_is_not_a_server_is_refused_without_a_request(plain_style):
    checker = remote("ftp://example.invalid/")
    assert checker.check(GRAMMAR, plain_style()) is None
    assert "not the address of a LanguageTool server" in checker.status.message


def test_nothing_is_sent_to_the_public_service_unless_the_user_turned_it_on(plain_style, monkeypatch):
    import requests

    def no_network(*args, **kwargs):
        raise AssertionError("a request was made")

    monkeypatch.setattr(requests, "post", no_network)
    monkeypatch.setattr(requests, "get", no_network)
    checker = GrammarChecker(GrammarSettings(mode="public"))
    assert checker.check(GRAMMAR, plain_style()) is None
    assert "would send the story's text" in checker.status.message


def test_off_means_off(plain_style):
    checker = GrammarChecker(GrammarSettings(mode="off"))
    assert checker.check(GRAMMAR, plain_style()) is None
    assert checker.status.state is GrammarState.OFF


# ------------------------------------------------------------------ LanguageTool on this computer

def test_without_java_the_status_says_so(plain_style, monkeypatch, installed, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    checker = GrammarChecker(GrammarSettings(mode="local"))
    assert checker.check(GRAMMAR, plain_style()) is None
    assert checker.status.state is GrammarState.UNAVAILABLE
    assert "needs Java" in checker.status.message


def test_when_languagetool_is_not_installed_nothing_is_downloaded_unasked(plain_style, fake_java, own_languagetool_folder):
    checker = GrammarChecker(GrammarSettings(mode="local"))
    assert checker.check(GRAMMAR, plain_style()) is None
    assert checker.status.state is GrammarState.NOT_INSTALLED
    assert "not installed" in checker.status.message
    assert not any(own_languagetool_folder.glob("LanguageTool-*"))


def test_a_local_server_is_started_and_used(plain_style, fake_java, installed):
    statuses = []
    checker = GrammarChecker(GrammarSettings(mode="local"), on_status=statuses.append)
    assert len(checker.check(GRAMMAR, plain_style())) == 4
    [pid] = started_pids(fake_java)
    assert running(pid)
    assert [s.state for s in statuses] == [GrammarState.STARTING, GrammarState.READY]
    checker.close()  # it stays for the next checker: see test_resident_languagetool.py


def test_a_local_folder_named_in_the_settings_is_used(plain_style, fake_java, tmp_path):
    directory = tmp_path / "elsewhere" / "LanguageTool-6.3"
    directory.mkdir(parents=True)
    (directory / "languagetool-server.jar").write_bytes(b"")
    checker = GrammarChecker(GrammarSettings(mode="local", languagetool_dir=str(directory)))
    assert len(checker.check(GRAMMAR, plain_style())) == 4
    checker.close()


def test_a_server_that_dies_is_restarted_once_then_reported(plain_style, fake_java, installed):
    (fake_java / "behaviour").write_text("die-after-first-check")
    checker = GrammarChecker(GrammarSettings(mode="local"))
    assert len(checker.check(GRAMMAR, plain_style())) == 4
    # The server exits after that answer; the next check restarts it once.
    assert len(checker.check(recorded_text("unicode-offsets.txt"), plain_style())) == 2
    assert len(started_pids(fake_java)) == 2
    assert checker.check(recorded_text("clean-paragraph.txt"), plain_style()) is None
    assert len(started_pids(fake_java)) == 2
    assert checker.status.state is GrammarState.UNAVAILABLE
    assert "after one restart" in checker.status.message
    assert not any(running(pid) for pid in started_pids(fake_java))


def test_a_server_that_cannot_start_is_reported_with_what_it_said(plain_style, fake_java, installed):
    (fake_java / "behaviour").write_text("exit")
    checker = GrammarChecker(GrammarSettings(mode="local"))
    assert checker.check(GRAMMAR, plain_style()) is None
    assert "stopped while starting (exit code 3)" in checker.status.message
    assert "fake failure" in checker.status.message


# ------------------------------------------------------------------ a real LanguageTool, where there is one

REAL = os.environ.get("COPYDESK_LANGUAGETOOL")


@pytest.mark.skipif(not REAL, reason="set COPYDESK_LANGUAGETOOL to a LanguageTool-<version> folder or a server URL")
def test_a_real_languagetool_flags_the_grammar_sample(plain_style):
    if REAL.startswith(("http://", "https://")):
        settings = GrammarSettings(mode="remote", url=REAL, read_timeout=120)
    else:
        settings = GrammarSettings(mode="local", languagetool_dir=REAL)
    checker = GrammarChecker(settings)
    try:
        issues = checker.check(GRAMMAR, plain_style())
        assert issues is not None, checker.status.message
        words = {GRAMMAR[i.start : i.end] for i in issues}
        assert {"the the", "go"} <= words
    finally:
        checker.close()



def test_an_installation_without_language_tool_python_says_so(plain_style, monkeypatch):
    def missing(timeout):
        raise ImportError("No module named 'language_tool_python'", name="language_tool_python")

    monkeypatch.setattr("editor.grammar.service._client_class", missing)
    checker = remote("http://127.0.0.1:9")
    assert checker.check(GRAMMAR, plain_style()) is None
    assert checker.status.message == "This Copydesk was installed without language_tool_python."
