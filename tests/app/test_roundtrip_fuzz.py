"""The whole round trip, fuzzed: a story in a random encoding and line ending, random edits and
fixes, save, reopen. The file always reads back as exactly what the editor showed; when a save
cannot promise that (a NUL, a character the encoding lacks), the user is told and the old file
stays as it was."""

import itertools

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.app.story_editor import plain_text
from editor.engine.textfile import TextFileError, encode_story
from tests.fixtures.windows import wait_until_checked

# Pieces of wire copy, chosen to give the rules work (repeats, variants, spacing) and the
# encodings trouble (accents, euro, emoji, right-to-left, combining marks, no-break spaces).
WORDS = [
    "The", "the the", "minister", "said", "USA", "U.S.", "US", "defence", "defense", "per cent", "can not",
    "Café", "Zürich", "€5", "“quoted”", "‘single’", "—", "  ", " ", ", ", ". ", "usa -backed",
    "📰", "👩\u200d👧", "🇺🇸", "قال", "שלום", "cafe\u0301", "n\u0303", "\u00a0", "\t",
]
LINE = ["\n"]
# Only ever typed or pasted, never in the file we start from.
PASTED_ONLY = ["\r\n", "\r", "\u2029", "\x00", "\ufeff", "₽", "Ã©"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "windows-1252"]
NEWLINES = ["\r\n", "\n", "\r"]

story_text = st.lists(st.sampled_from(WORDS + LINE), max_size=40).map("".join)
pasted = st.lists(st.sampled_from(WORDS + LINE + PASTED_ONLY), min_size=1, max_size=6).map("".join)
edit = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 10_000), pasted),
    st.tuples(st.just("delete"), st.integers(0, 10_000), st.integers(1, 8)),
    st.tuples(st.just("fix"), st.integers(0, 10_000), st.booleans()),
)


class Answers:
    """Says yes to saving in UTF-8 and records what the window says."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def ask(self, title, text, choices):
        assert choices == ("Save in UTF-8", "Cancel"), text
        return "Save in UTF-8"

    def tell(self, title, text):
        self.messages.append(text)


def apply(qtbot, window, operation) -> None:
    kind, where, what = operation
    editor = window.editor
    if kind == "fix":
        wait_until_checked(qtbot, window)
        fixable = [mark for mark in editor.marked if mark.issue.replacements and mark.still_there()]
        if fixable:
            mark = fixable[where % len(fixable)]
            if what and mark.issue.group:
                editor.fix_group(mark.issue.group)
            else:
                editor.apply_fix(mark, mark.issue.replacements[0])
        return
    cursor = QTextCursor(editor.document())
    # Moving by characters, as the arrow keys do, never lands inside an emoji or a surrogate pair.
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.MoveAnchor, where % (len(plain_text(editor)) + 1))
    if kind == "insert":
        cursor.insertText(what)
    else:
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor, what)
        cursor.removeSelectedText()


counter = itertools.count()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# The traps, always tried: Windows-1252 bytes that spell UTF-8, a leading byte-order mark, a NUL.
@example(text="€5 a day", encoding="windows-1252", newline="\r\n", edits=[("delete", 0, 1), ("insert", 0, "Ã©")])
@example(text="Story", encoding="utf-8", newline="\n", edits=[("insert", 0, "\ufeff")])
@example(text="Story", encoding="utf-8-sig", newline="\n", edits=[("insert", 2, "\x00")])
@example(text="", encoding="utf-8-sig", newline="\r\n", edits=[("insert", 0, "\ufeff\ufeff")])
@given(
    text=story_text,
    encoding=st.sampled_from(ENCODINGS),
    newline=st.sampled_from(NEWLINES),
    edits=st.lists(edit, max_size=5),
)
def test_what_is_saved_reads_back_as_what_the_editor_showed(qtbot, monkeypatch, window, tmp_path, text, encoding, newline, edits):
    answers = Answers()
    monkeypatch.setattr(window, "ask", answers.ask)
    monkeypatch.setattr(window, "tell", answers.tell)
    stored = text.replace("\n", newline)
    try:
        original = encode_story(stored, encoding)
    except TextFileError:
        original = encode_story(stored, "utf-8")
    path = tmp_path / f"story-{next(counter)}.txt"
    path.write_bytes(original)
    assert window.story.open_path(str(path), ask=False)
    assert plain_text(window.editor) == text
    for operation in edits:
        apply(qtbot, window, operation)

    shown = plain_text(window.editor)
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    if answers.messages:
        [message] = answers.messages
        assert message.startswith(f"{path.name} was not saved: ")
        assert path.read_bytes() == original and window.isWindowModified()
        return
    assert not window.isWindowModified()
    assert path.read_bytes() == encode_story(shown.replace("\n", window.story.newline), window.story.encoding)
    assert window.story.open_path(str(path), ask=False)
    assert plain_text(window.editor) == shown
