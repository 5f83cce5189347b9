"""Fixtures for the LanguageTool tests: the recorded-response server, plain styles, a fake Java."""

import os
from pathlib import Path

import pytest

from editor.engine import load_style
from tests.grammar.fake_java import install as install_fake_java
from tests.grammar.recorded_languagetool import RECORDINGS, RecordedLanguageTool

needs_recordings = pytest.mark.skipif(
    not RECORDINGS.is_dir(),
    reason="the recorded LanguageTool responses (shared/languagetool beside the repository) are not here",
)


@pytest.fixture
def own_languagetool_folder(data_home):
    """Where language-tool-python looks for LanguageTool in a test (LTP_PATH, set by the top conftest)."""
    return Path(os.environ["LTP_PATH"])


@pytest.fixture
def languagetool():
    """A LanguageTool stand-in on 127.0.0.1 answering from the recordings."""
    if not RECORDINGS.is_dir():
        pytest.skip("the recorded LanguageTool responses (shared/languagetool beside the repository) are not here")
    with RecordedLanguageTool() as server:
        yield server


@pytest.fixture
def plain_style(tmp_path):
    """A house style in ``language`` with no LanguageTool rule switched off."""

    def make(language="en-US"):
        path = tmp_path / f"plain-{language}.toml"
        locale = language if language in ("en-US", "en-GB") else "en-US"
        path.write_text(f'[style]\nname = "plain"\nlocale = "{locale}"\n\n[languagetool]\nlanguage = "{language}"\n')
        return load_style(path)

    return make


@pytest.fixture
def fake_java(tmp_path, monkeypatch):
    """``java`` on PATH is a script: ``-version`` says Java 17, and LanguageTool's HTTPServer class
    runs the recorded-response server. ``behave(...)`` makes the next servers fail on purpose."""
    if not RECORDINGS.is_dir():
        pytest.skip("the recorded LanguageTool responses (shared/languagetool beside the repository) are not here")
    folder = install_fake_java(tmp_path / "fake-java").parent
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("COPYDESK_FAKE_JAVA_PIDS", str(folder / "pids"))
    return folder


@pytest.fixture
def installed(own_languagetool_folder):
    """A LanguageTool 6.3 folder where language-tool-python looks (its jar is never read by the fake Java)."""
    directory = own_languagetool_folder / "LanguageTool-6.3"
    directory.mkdir(parents=True)
    (directory / "languagetool-server.jar").write_bytes(b"")
    return directory


def started_pids(fake_java) -> list[int]:
    """The servers the fake Java started, oldest first."""
    pids = fake_java / "pids"
    return [int(line) for line in pids.read_text().split()] if pids.exists() else []


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A child that exited but was not reaped yet is a zombie, not a server.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(") ")[1][0] != "Z"
