"""Very large files: refused before a byte is read, so the window never stalls on them;
a story up to the limit opens, edits and saves like any other."""

import builtins

from PySide6.QtCore import Qt

from editor.engine.textfile import MAX_STORY_BYTES
from tests.fixtures.windows import text_of


def test_a_50_mb_file_is_refused_unread_with_its_size_and_the_limit(qtbot, monkeypatch, window, dialogs, tmp_path):
    big = tmp_path / "wire-dump.txt"
    with big.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB to the file system, no disk space
    qtbot.keyClicks(window.editor, "My story.")
    window.editor.document().setModified(False)
    def no_reading(*args, **kwargs):
        raise AssertionError("the file was read")

    with monkeypatch.context() as reading:
        reading.setattr(builtins, "open", no_reading)
        assert not window.story.open_path(str(big))
    assert dialogs.messages == [
        f"{big}: is too large for a story (50.0 MB; Copydesk opens stories up to 1 MB)."
    ]
    assert text_of(window) == "My story." and window.story.path is None


def test_a_story_just_under_the_limit_opens_edits_and_saves_exactly(qtbot, window, tmp_path):
    paragraph = "The minister said the talks would resume on Monday after a pause of two weeks.\r\n"
    text = paragraph * (MAX_STORY_BYTES // len(paragraph))
    path = tmp_path / "long.txt"
    path.write_bytes(text.encode())
    assert window.story.open_path(str(path), ask=False)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, "End.")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.read_bytes() == (text + "End.").encode()
