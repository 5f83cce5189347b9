import os

import pytest

# Tests never need a screen: Qt draws offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Fixtures shared by tests in several folders; test modules never import each other.
pytest_plugins = ["tests.fixtures.windows", "tests.fixtures.languagetool", "tests.fixtures.failures"]


@pytest.fixture(autouse=True)
def data_home(tmp_path, tmp_path_factory, monkeypatch):
    """The user's data folder (dictionary, recovery copies) and state folder (logs) in a tmp dir,
    never the real home."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    # language-tool-python's LanguageTool folder: empty, so no test starts the user's LanguageTool.
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "language_tool_python"))
    # The runtime folder, where a resident LanguageTool is recorded: the test's own, and emptied after it.
    runtime = tmp_path_factory.mktemp("runtime")
    runtime.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    yield tmp_path / "data"
    if any(runtime.glob("copydesk/languagetool.json")):
        from editor.grammar.resident import stop_resident

        stop_resident()
