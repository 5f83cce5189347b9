"""The review desk used as an editor uses it: from the keyboard (F8, Enter, Ctrl+Enter, Esc),
from the issue cards (their words, their buttons, folding and hiding a kind), the list of
ignored issues, and the story's font."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor

from tests.fixtures.windows import text_of, wait_for_mark, wait_until_checked

STORY = "USA officials said the the talks ended.\n\nThe US delegation left, officials said.\n\nA US envoy said prices rose 5 per cent."


def open_story(qtbot, window, tmp_path, text=STORY):
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    assert window.story.open_path(str(path), ask=False)
    wait_for_mark(qtbot, window, "per cent")
    wait_until_checked(qtbot, window)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)


def key(qtbot, window, which, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.editor, which, modifier)


def status(window):
    return window.review.label.said


def test_a_story_reviewed_from_the_keyboard_alone(qtbot, window, tmp_path):
    open_story(qtbot, window, tmp_path)
    key(qtbot, window, Qt.Key.Key_F8)
    assert window.editor.textCursor().selectedText() == "USA"
    assert status(window) == "Issue 1 of 5: Write “U.S.” (AP style), not “USA”"
    assert window.panel.current_mark().original == "USA"  # its card is shown
    key(qtbot, window, Qt.Key.Key_Escape)  # ignore "USA"; on to "the the"
    assert window.editor.textCursor().selectedText() == "the the"
    assert status(window).startswith("Issue 1 of 4: “the” is repeated")
    key(qtbot, window, Qt.Key.Key_Return)  # delete the repeated word; on to the first "US"
    assert window.editor.textCursor().selectedText() == "US"
    key(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # fix all like it
    assert window.editor.textCursor().selectedText() == "per cent"
    key(qtbot, window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)  # back: nothing before but the ignored one
    assert window.editor.textCursor().selectedText() == "per cent"
    key(qtbot, window, Qt.Key.Key_Return)
    assert text_of(window) == (
        "USA officials said the talks ended.\n\nThe U.S. delegation left, officials said.\n\nA U.S. envoy said prices rose 5 percent."
    )
    wait_until_checked(qtbot, window)
    key(qtbot, window, Qt.Key.Key_F8)
    assert status(window) == "No issues to review"
    # Each fix was its own undo step, the fix-all one step for both.
    for _ in range(3):
        key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert text_of(window) == STORY


def test_enter_and_escape_are_the_editors_own_once_the_review_moves_on(qtbot, window, tmp_path):
    open_story(qtbot, window, tmp_path)
    key(qtbot, window, Qt.Key.Key_F8)
    key(qtbot, window, Qt.Key.Key_Right)  # the cursor leaves the issue: the review ends
    assert status(window) == ""
    key(qtbot, window, Qt.Key.Key_Return)
    assert text_of(window).startswith("USA\n officials")
    key(qtbot, window, Qt.Key.Key_F8)
    qtbot.keyClicks(window.editor, "x")  # typing over the selection ends it too
    key(qtbot, window, Qt.Key.Key_Escape)
    assert text_of(window).startswith("USA\n officials said x talks")


def test_an_issue_without_a_fix_is_left_as_it_is_by_enter(qtbot, window, tmp_path):
    text = 'He said: "We will go on.\n\nOfficials agreed.'
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    window.story.open_path(str(path), ask=False)
    wait_for_mark(qtbot, window, '"')
    window.editor.setFocus()
    key(qtbot, window, Qt.Key.Key_F8)
    assert "no fix offered" in status(window)
    key(qtbot, window, Qt.Key.Key_Return)
    assert text_of(window) == text
    assert "nothing to apply" in status(window)


def card_buttons(qtbot, window, original):
    mark = wait_for_mark(qtbot, window, original)
    window.panel.show_card(mark)
    qtbot.waitUntil(lambda: bool(window.panel.button_rects(mark)), timeout=5000)
    return mark, window.panel.button_rects(mark)


def test_a_card_shows_the_words_in_context_the_message_and_fixes_that_say_what_they_do(qtbot, window, tmp_path):
    open_story(qtbot, window, tmp_path)
    mark, buttons = card_buttons(qtbot, window, "USA")
    card = window.panel.item_of(mark).data(0, Qt.ItemDataRole.UserRole)
    assert (card.line, card.context.before, card.context.flagged, card.context.after) == (
        1, "", "USA", " officials said the the…"
    )
    assert card.message == "Write “U.S.” (AP style), not “USA”"
    assert list(buttons) == ["Change to “U.S.”", "Fix all 3", "Ignore"]
    _, buttons = card_buttons(qtbot, window, "the the")
    assert list(buttons) == ["Delete the repeated word", "Ignore"]
    _, buttons = card_buttons(qtbot, window, "per cent")
    assert list(buttons) == ["Change to “percent”", "Ignore"]


def test_the_cards_buttons_fix_fix_all_and_ignore(qtbot, window, tmp_path):
    open_story(qtbot, window, tmp_path)
    _, buttons = card_buttons(qtbot, window, "the the")
    qtbot.mouseClick(window.panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=buttons["Delete the repeated word"].center())
    assert "said the talks" in text_of(window)
    _, buttons = card_buttons(qtbot, window, "USA")
    qtbot.mouseClick(window.panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=buttons["Fix all 3"].center())
    assert text_of(window).count("U.S.") == 3
    wait_until_checked(qtbot, window)
    mark, buttons = card_buttons(qtbot, window, "per cent")
    qtbot.mouseClick(window.panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=buttons["Ignore"].center())
    qtbot.waitUntil(lambda: window.panel.counts == {}, timeout=5000)
    assert "per cent" in text_of(window)


def test_a_click_on_a_card_puts_its_issue_under_review(qtbot, window, tmp_path):
    open_story(qtbot, window, tmp_path)
    mark, buttons = card_buttons(qtbot, window, "per cent")
    corner = window.panel.tree.visualItemRect(window.panel.item_of(mark)).topLeft()
    qtbot.mouseClick(window.panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=corner + type(corner)(20, 8))
    assert window.editor.textCursor().selectedText() == "per cent"
    assert status(window) == "Issue 5 of 5: Write “percent” (AP style), not “per cent”"
    key(qtbot, window, Qt.Key.Key_Return)
    assert text_of(window).endswith("5 percent.")


def test_the_card_under_the_cursor_is_highlighted_as_the_cursor_moves(qtbot, window, tmp_path):
    open_story(qtbot, window, tmp_path)
    cursor = window.editor.textCursor()
    cursor.setPosition(STORY.index("envoy"))
    window.editor.setTextCursor(cursor)
    for _ in range(3):
        key(qtbot, window, Qt.Key.Key_Left)  # into the second "US"
    qtbot.waitUntil(lambda: window.panel.current_mark() is not None, timeout=5000)
    mark = window.panel.current_mark()
    assert mark.original == "US" and mark.cursor.selectionStart() == STORY.index("US envoy")
    key(qtbot, window, Qt.Key.Key_End)
    key(qtbot, window, Qt.Key.Key_Left)
    key(qtbot, window, Qt.Key.Key_Left)  # into "per cent"
    qtbot.waitUntil(lambda: window.panel.current_mark() is not None and window.panel.current_mark().original == "per cent", timeout=5000)
    item = window.panel.item_of(window.panel.current_mark())
    assert window.panel.tree.viewport().rect().intersects(window.panel.tree.visualItemRect(item))


def test_a_kind_can_be_folded_and_hidden(qtbot, window, tmp_path):
    open_story(qtbot, window, tmp_path)
    panel, tree = window.panel, window.panel.tree
    consistency = tree.topLevelItem(0)
    assert consistency.data(0, Qt.ItemDataRole.UserRole) == "typo"  # plain mistakes come first
    header = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if tree.topLevelItem(i).text(0).startswith("Consistency"))
    assert header.text(0) == "Consistency (3)"
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(header).center())
    assert not header.isExpanded()
    assert not tree.visualItemRect(header.child(0)).isValid()  # folded: its cards are not shown
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(header).center())
    assert header.isExpanded()
    # Hiding a kind takes its cards, its underlines and its issues out of the review.
    qtbot.mouseClick(panel.legend, Qt.MouseButton.LeftButton, pos=panel.legend.chip_rect("consistency").center())
    assert header.isHidden()
    assert [selection.cursor.selectedText() for selection in window.editor.extraSelections()] == ["the the", "per cent"]
    key(qtbot, window, Qt.Key.Key_F8)
    assert window.editor.textCursor().selectedText() == "the the"
    assert status(window).startswith("Issue 1 of 2:")
    qtbot.mouseClick(panel.legend, Qt.MouseButton.LeftButton, pos=panel.legend.chip_rect("consistency").center())
    assert not header.isHidden() and len(window.editor.extraSelections()) == 5


def test_ignored_issues_and_rules_are_listed_and_restored(qtbot, monkeypatch, window, tmp_path):
    from tests.fixtures.windows import choose_from_context_menu

    open_story(qtbot, window, tmp_path)
    key(qtbot, window, Qt.Key.Key_F8)
    key(qtbot, window, Qt.Key.Key_Escape)  # "USA"
    mark = wait_for_mark(qtbot, window, "per cent")
    choose_from_context_menu(qtbot, monkeypatch, window, mark, "Ignore rule in this story")
    qtbot.waitUntil(lambda: window.panel.counts == {"typo": 1, "consistency": 2}, timeout=5000)
    assert window.panel.ignored_button.text() == "Ignored in this story: 2…"
    listed = []

    def use_the_list(dialog):
        listed.extend(dialog.list.item(row).text() for row in range(dialog.list.count()))
        dialog.list.setCurrentRow(0)  # the "USA" occurrence
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(window.review, "run_dialog", use_the_list)
    qtbot.mouseClick(window.panel.ignored_button, Qt.MouseButton.LeftButton)
    assert listed == ["Write “U.S.” (AP style), not “USA”\n    [USA] officials", "Every issue of rule percent-form"]
    wait_for_mark(qtbot, window, "USA")
    assert "per cent" not in [m.original for m in window.editor.marked]
    assert window.panel.ignored_button.text() == "Ignored in this story: 1…"

    def restore_all(dialog):
        [button] = [b for b in dialog.findChildren(type(dialog.restore_button)) if b.text() == "Restore &All"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(window.review, "run_dialog", restore_all)
    window.review.ignored_action.trigger()
    wait_for_mark(qtbot, window, "per cent")
    assert window.panel.ignored_button.text() == "Nothing ignored in this story"


def test_the_story_font_is_the_users_choice_and_kept(qtbot, monkeypatch, window, tmp_path):
    from editor.app.main_window import MainWindow

    open_story(qtbot, window, tmp_path)
    monkeypatch.setattr(window.story_font, "ask", lambda font: (True, QFont("DejaVu Sans", 15)))
    [action] = [a for a in window.findChildren(type(window.review.next_action)) if a.text() == "Story &Font…"]
    action.trigger()
    assert (window.editor.font().family(), window.editor.font().pointSize()) == ("DejaVu Sans", 15)
    assert not window.isWindowModified()  # a font is no change to the story
    key(qtbot, window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.font().pointSize() == 16
    later = MainWindow(settings=window.settings.store, dictionary=tmp_path / "dictionary.txt")
    assert (later.editor.font().family(), later.editor.font().pointSize()) == ("DejaVu Sans", 16)
    later.close()
    later.deleteLater()


def test_the_dark_appearance_draws_the_marks_in_the_dark_colours(qtbot, window, tmp_path):
    from editor.app.kinds import kind

    open_story(qtbot, window, tmp_path)
    [dark] = [a for a in window.findChildren(type(window.review.next_action)) if a.text() == "&Dark"]
    dark.trigger()
    try:
        assert window.settings.appearance == "dark"
        qtbot.waitUntil(lambda: window.editor.palette().base().color().lightness() < 128, timeout=5000)
        colours = {s.format.underlineColor().name() for s in window.editor.extraSelections()}
        assert colours == {kind("typo").dark, kind("consistency").dark, kind("style").dark}
    finally:
        window.look.apply("light")


def test_a_card_rewritten_off_screen_is_measured_again_before_it_shows(qtbot, window, tmp_path):
    text = "\n\n".join(f"Paragraph {n} said the the talks ended." for n in range(40))
    open_story(qtbot, window, tmp_path, text + "\n\nPrices rose 5 per cent.")
    panel, scroll_bar = window.panel, window.panel.tree.verticalScrollBar()
    scroll_bar.setValue(scroll_bar.maximum())  # the last cards seen once: Qt knows their heights
    scroll_bar.setValue(0)
    # An edit far from the cursor (as a Replace All makes): the last card grows while off screen.
    cursor = QTextCursor(window.editor.document())
    cursor.setPosition(text.rindex("the the") + len("the the"))
    cursor.insertText(" remarkably protracted, inconclusive negotiations")
    wait_until_checked(qtbot, window)
    last = [mark for mark in window.editor.marked if mark.original == "the the"][-1]
    item = panel.item_of(last)
    assert "remarkably protracted" in item.text(0)
    scroll_bar.setValue(scroll_bar.maximum())
    rect = panel.tree.visualItemRect(item)
    assert rect.height() == panel.delegate.sizeHint(None, panel.tree.indexFromItem(item)).height()
    assert all(rect.contains(button) for button in panel.button_rects(last).values())
