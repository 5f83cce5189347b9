"""The window used as a copy editor uses it: open, wait for underlines, fix, undo, save."""

import shutil

from PySide6.QtCore import Qt

from tests.fixtures.windows import (
    SAMPLE,
    choose_from_context_menu,
    text_of,
    wait_for_mark,
    wait_until_checked,
)


def open_sample(window, tmp_path):
    path = tmp_path / "story.txt"
    shutil.copyfile(SAMPLE, path)
    assert window.story.open_path(str(path), ask=False)
    return path


def test_fix_a_repeated_name_from_the_context_menu_then_undo(qtbot, monkeypatch, window, tmp_path):
    open_sample(window, tmp_path)
    original = text_of(window)
    mark = wait_for_mark(qtbot, window, "Alvarez Alvarez", "repeated-word")
    labels = choose_from_context_menu(qtbot, monkeypatch, window, mark, "“Alvarez”")
    assert labels.index("“Alvarez”") < labels.index("Ignore") < labels.index("Ignore rule in this story")
    assert "Governor Maria Alvarez said" in text_of(window)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert text_of(window) == original


def test_fix_all_country_forms_is_one_undo_step(qtbot, monkeypatch, window, tmp_path):
    open_sample(window, tmp_path)
    original = text_of(window)
    mark = wait_for_mark(qtbot, window, "USA", "variant-consistency")
    choose_from_context_menu(qtbot, monkeypatch, window, mark, "Fix all")
    fixed = text_of(window)
    for minority in ("USA officials", "the us coast", "A US official", "usa -backed"):
        assert minority not in fixed
    assert fixed.count("U.S.") == original.count("U.S.") + 4
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert text_of(window) == original


def test_typing_a_duplicated_word_gets_it_underlined(qtbot, window):
    qtbot.keyClicks(window.editor, "The minister said the talks would resume.")
    wait_until_checked(qtbot, window)
    assert window.editor.marked == []
    qtbot.keyClicks(window.editor, " She said the the delegates agreed.")
    mark = wait_for_mark(qtbot, window, "the the", "repeated-word")
    assert mark.issue.replacements == ("the",)


def test_side_panel_counts_follow_the_text(qtbot, monkeypatch, window):
    qtbot.keyClicks(window.editor, "He said the the talks failed. The defence minister agreed.")
    wait_for_mark(qtbot, window, "defence")
    assert window.panel.counts == {"typo": 1, "spelling": 1}
    assert "2 issues" == window.issue_label.text()
    mark = wait_for_mark(qtbot, window, "the the")
    choose_from_context_menu(qtbot, monkeypatch, window, mark, "“the”")
    qtbot.waitUntil(lambda: window.panel.counts == {"spelling": 1}, timeout=5000)


def test_save_writes_exactly_the_edited_text_with_the_files_line_endings(qtbot, monkeypatch, window, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("Headline\r\n\r\nOfficials said the the talks ended.\r\n".encode("utf-8"))
    window.story.open_path(str(path), ask=False)
    mark = wait_for_mark(qtbot, window, "the the")
    choose_from_context_menu(qtbot, monkeypatch, window, mark, "“the”")
    assert window.isWindowModified()
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.read_bytes() == "Headline\r\n\r\nOfficials said the talks ended.\r\n".encode("utf-8")
    assert not window.isWindowModified()


def test_changing_the_house_style_rechecks_at_once(qtbot, window):
    qtbot.keyClicks(window.editor, "U.S. officials said the defense plan was criticized.")
    wait_until_checked(qtbot, window)
    assert window.editor.marked == []
    assert window.style_box.set_style("british")
    mark = wait_for_mark(qtbot, window, "U.S.")
    assert mark.issue.replacements == ("US",)
    assert "British" in window.style_label.text()
    assert window.settings.style == "british"


def test_f8_moves_to_the_next_issue_and_the_shortcut_applies_its_fix(qtbot, window):
    qtbot.keyClicks(window.editor, "Talks ended. the delegates left the the room.")
    wait_for_mark(qtbot, window, "the the")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert window.editor.textCursor().selectedText() == "the"
    qtbot.keyClick(window.editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert text_of(window).startswith("Talks ended. The delegates")


def test_ignore_rule_in_this_story_hides_its_issues(qtbot, monkeypatch, window):
    qtbot.keyClicks(window.editor, "Prices rose 5 per cent. The the talks failed.")
    mark = wait_for_mark(qtbot, window, "per cent")
    choose_from_context_menu(qtbot, monkeypatch, window, mark, "Ignore rule in this story")
    qtbot.waitUntil(lambda: [m.issue.rule for m in window.editor.marked] == ["repeated-word"], timeout=5000)


def test_add_to_dictionary_keeps_the_word_across_windows(qtbot, monkeypatch, window, tmp_path):
    qtbot.keyClicks(window.editor, "The colour of the flag changed.")
    mark = wait_for_mark(qtbot, window, "colour")
    choose_from_context_menu(qtbot, monkeypatch, window, mark, "Add to dictionary")
    qtbot.waitUntil(lambda: window.editor.marked == [], timeout=5000)
    from editor.app.main_window import MainWindow

    later = MainWindow(settings=window.settings.store, dictionary=tmp_path / "dictionary.txt")
    later.show()
    qtbot.keyClicks(later.editor, "The colour of the flag changed. The the end.")
    wait_for_mark(qtbot, later, "The the")
    assert not any(mark.original == "colour" for mark in later.editor.marked)
    later.editor.document().setModified(False)
    later.close()
    later.deleteLater()


def test_underlines_land_on_the_right_letters_after_emoji(qtbot, window):
    window.editor.insertPlainText("🇺🇸 📰 ")  # QTest cannot type characters outside the BMP
    qtbot.keyClicks(window.editor, "Officials said the the talks failed.")
    mark = wait_for_mark(qtbot, window, "the the")
    assert mark.cursor.selectedText() == "the the"


def test_hover_card_shows_message_explanation_and_fix(qtbot, window):
    from editor.app.story_editor import hover_card

    qtbot.keyClicks(window.editor, "He said the the talks failed.")
    mark = wait_for_mark(qtbot, window, "the the")
    card = hover_card(mark.issue)
    assert mark.issue.message.replace("“", "").split()[0] in card.replace("“", "")
    assert mark.issue.explanation[:20] in card and "Fix:" in card


def test_title_shows_the_file_and_unsaved_changes(qtbot, window, tmp_path):
    open_sample(window, tmp_path)
    assert window.windowTitle().startswith("story.txt")
    assert not window.isWindowModified()
    qtbot.keyClicks(window.editor, "x")
    assert window.isWindowModified()


def test_the_window_has_the_copydesk_icon_without_a_desktop_install(qtbot):
    from editor.app import application_icon

    icon = application_icon()
    assert not icon.isNull()
    assert icon.pixmap(48, 48).width() == 48


def type_text(qtbot, editor, text):
    """Types ``text`` key by key, Return for a line break (QTest cannot type one)."""
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)


def visible_underlines(window):
    """(underlined text, colour) of every underline Qt draws now."""
    return sorted(
        (selection.cursor.selectedText(), selection.format.underlineColor().name())
        for selection in window.editor.extraSelections()
    )


def expected_underlines(window):
    """The underlines a freshly drawn editor would show for the issues now marked."""
    from editor.app.story_editor import CATEGORY_COLOURS

    return sorted((mark.original, CATEGORY_COLOURS[mark.issue.category]) for mark in window.editor.marked)


def test_an_edit_in_one_paragraph_moves_the_consistency_underline_in_another(qtbot, window):
    from PySide6.QtGui import QTextCursor

    type_text(qtbot, window.editor, "IS fighters fled.\n\nISIS lost ground.\n\nThe talks on ISIS ended.")
    wait_for_mark(qtbot, window, "IS", "variant-consistency")
    wait_until_checked(qtbot, window)
    assert [m.original for m in window.editor.marked if m.issue.rule == "variant-consistency"] == ["IS"]
    # Only the last paragraph changes: "ISIS" there becomes "IS", which is now the majority form.
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.MoveAnchor, len(" ended."))
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 2)
    window.editor.setTextCursor(cursor)
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    mark = wait_for_mark(qtbot, window, "ISIS", "variant-consistency")
    wait_until_checked(qtbot, window)
    assert [m.original for m in window.editor.marked if m.issue.rule == "variant-consistency"] == ["ISIS"]
    assert mark.cursor.selectionStart() == text_of(window).index("ISIS")
    assert visible_underlines(window) == expected_underlines(window)


def test_underlines_stay_exact_while_typing_through_a_story(qtbot, window, tmp_path):
    open_sample(window, tmp_path)
    wait_for_mark(qtbot, window, "Alvarez Alvarez")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    # Typing adds issues and moves the rest; rubbing out takes issues away and adds none.
    for step in ("The the ", 4, "US ", "per cent ", 9, "x\n\n", "\"Quote, ", 8):
        if isinstance(step, int):
            for _ in range(step):
                qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
        else:
            type_text(qtbot, window.editor, step)
        wait_until_checked(qtbot, window)
        text = text_of(window)
        for mark in window.editor.marked:
            assert mark.cursor.selectedText() == mark.original == text[mark.issue.start : mark.issue.end].replace(
                "\n", "\u2029"
            )
        assert visible_underlines(window) == expected_underlines(window)


def test_marks_read_the_text_as_qt_does_across_lines_and_special_characters(qtbot, window):
    window.editor.insertPlainText("Officials said the\u00a0the 🇺🇸 talks ended.\n\nAdvertisement\n\nMore said the the.")
    wait_for_mark(qtbot, window, "the\u00a0the")
    wait_until_checked(qtbot, window)
    assert window.editor.marked
    for mark in window.editor.marked:
        assert mark.cursor.selectedText() == mark.original


def test_the_panel_after_many_edits_lists_what_a_new_panel_would(qtbot, window, tmp_path):
    from editor.app.issue_panel import IssuePanel
    from editor.session import CheckSession, Shown

    open_sample(window, tmp_path)
    wait_for_mark(qtbot, window, "Alvarez Alvarez")
    for words in ("The the start. ", "\n\n", "Prices rose 5 per cent. ", "colour "):
        type_text(qtbot, window.editor, words)
        wait_until_checked(qtbot, window)
    fresh = IssuePanel()
    fresh.show_checked(CheckSession(window.style_box.style).check(0, text_of(window), Shown()))
    assert tree_rows(fresh) == tree_rows(window.panel)
    assert window.panel.counts == fresh.counts
    # Every row leads to its own mark.
    tree = window.panel.tree
    for top in range(tree.topLevelItemCount()):
        header = tree.topLevelItem(top)
        for index in range(header.childCount()):
            mark = window.panel.mark_of(header.child(index))
            assert mark.issue.message in header.child(index).text(0)
    fresh.deleteLater()


def tree_rows(panel):
    tree = panel.tree
    rows = []
    for top in range(tree.topLevelItemCount()):
        header = tree.topLevelItem(top)
        rows.append((header.text(0), header.isExpanded()))
        rows.extend((child.text(0), child.text(1), child.toolTip(0)) for child in map(header.child, range(header.childCount())))
    return rows


def test_retyping_the_start_of_an_underlined_span_keeps_the_underline_on_all_of_it(qtbot, window):
    from PySide6.QtGui import QTextCursor

    qtbot.keyClicks(window.editor, "He said the the talks failed.")
    mark = wait_for_mark(qtbot, window, "the the")
    wait_until_checked(qtbot, window)
    start = mark.cursor.selectionStart()
    # Qt moves a span's start past text typed at it, so the old cursor now starts two letters late.
    cursor = window.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + 2, QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(window.editor, "th")
    assert text_of(window) == "He said the the talks failed."
    assert mark.cursor.selectionStart() == start + 2
    wait_until_checked(qtbot, window)
    (mark,) = window.editor.marked
    assert (mark.cursor.selectionStart(), mark.cursor.selectedText()) == (start, "the the")
    assert visible_underlines(window) == expected_underlines(window) == [("the the", "#d32f2f")]
