"""The check session without Qt: issues, failures, LanguageTool's answer, ignores, and the changes
that turn what the window shows into a new result."""

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.engine import builtin_style
from editor.engine.issues import Issue
from editor.engine.utf16 import Utf16Offsets
from editor.grammar.paragraphs import IssuesByParagraph
from editor.session import MERGE, CheckSession, Edited, Shown

STORY = "U.S. officials said the the talks ended.\n\nThe USA delegation left.\n\nThe defence minister agreed."


def session(style="ap"):
    return CheckSession(builtin_style(style))


def test_a_check_returns_its_revision_issues_and_no_changes_without_a_window():
    checked = session().check(7, STORY)
    assert checked.revision == 7 and checked.changes is None and checked.failures == ()
    assert {"repeated-word", "variant-consistency"} <= {issue.rule for issue in checked.issues}


def test_against_an_empty_window_every_issue_is_new_with_its_utf16_span():
    text = "🇺🇸 Officials said the the talks ended."
    checked = session().check(1, text, Shown())
    [issue] = checked.issues
    placed = checked.changes.placed[0]
    assert checked.changes.sources == (-1,) and checked.changes.removed == 0
    assert (placed.start, placed.end, placed.text) == (issue.start + 2, issue.end + 2, "the the")
    [(label, line, explanation)] = checked.rows["typo"]
    assert issue.message in label and "the the talks" in label and (line, explanation) == (1, issue.explanation)
    assert checked.by_category == {"typo": (0,)}
    assert checked.words == 7


def test_typing_at_the_end_keeps_every_underline_before_it():
    check = session()
    first = check.check(1, STORY, Shown())
    second = check.check(2, STORY + " Then", first.shown())
    assert second.changes.sources == tuple(range(len(first.issues)))
    assert not second.changes.underlines_changed
    # Only the row whose snippet reaches the new word is rewritten.
    assert [(change.category, change.first, change.last) for change in second.changes.rows] == [("spelling", 0, 1)]


def test_an_underline_whose_text_was_edited_is_not_kept_and_one_after_it_moves():
    check = session()
    first = check.check(1, STORY, Shown())
    edited = STORY.replace("said the the", "said thee the")
    second = check.check(2, edited, first.shown())
    rules = [issue.rule for issue in second.issues]
    assert "repeated-word" not in rules
    assert second.changes.removed == 1 and not second.changes.placed
    assert all(source >= 0 for source in second.changes.sources)


def test_a_text_that_came_back_after_edits_still_has_its_underlines_redrawn_where_qt_lost_them():
    # Qt collapses a cursor whose text is deleted, and does not move it back when the text is retyped:
    # the window says where it was edited, and those underlines are drawn anew.
    check = session()
    first = check.check(1, STORY, Shown())
    start = STORY.index("the the")
    second = check.check(2, STORY, first.shown(), Edited(start - 1, len(STORY) - start - 10))
    repeated = second.issues.index(next(issue for issue in second.issues if issue.rule == "repeated-word"))
    assert second.changes.sources[repeated] == -1 and repeated in second.changes.placed


# ------------------------------------------------------------ the changes, against Qt's own cursor rules


def qt_moves(position, edit_at, removed, added):
    """Where Qt moves a cursor position when ``removed`` units at ``edit_at`` give way to ``added``."""
    if position < edit_at:
        return position
    if position < edit_at + removed:
        position = edit_at
    else:
        position -= removed
    return position + added  # a position at the edit moves past inserted text


WORDS = ["the", "the the", "USA", "U.S.", "US", "defence", "defense", "per cent", " ", "  ", "\n\n", "\n", "\r\n", ". ", "Officials", "🇺🇸"]
text_strategy = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join)
edit_strategy = st.tuples(st.integers(0, 10_000), st.integers(0, 6), st.lists(st.sampled_from(WORDS), max_size=3).map("".join))


@settings(max_examples=150, deadline=None)
@given(text=text_strategy, edits=st.lists(edit_strategy, min_size=1, max_size=4))
def test_kept_underlines_sit_where_qt_moved_them_and_new_ones_where_the_issue_is(text, edits):
    check = session()
    shown = check.check(1, text, Shown())
    offsets = Utf16Offsets(text)
    # Qt counts UTF-16 units: the marks, the edits and the edited part are in units here.
    marks = [(offsets.to_utf16(issue.start), offsets.to_utf16(issue.end)) for issue in shown.issues]
    current, hull = text, None
    for where, removed, added in edits:
        at = where % (len(current) + 1)
        removed = min(removed, len(current) - at)
        at_units, removed_units, added_units = units(current[:at]), units(current[at : at + removed]), units(added)
        current = current[:at] + added + current[at + removed :]
        marks = [
            (qt_moves(start, at_units, removed_units, added_units), qt_moves(end, at_units, removed_units, added_units))
            for start, end in marks
        ]
        unchanged_end = units(current) - at_units - added_units
        hull = Edited(min(at_units, hull.start), min(unchanged_end, hull.unchanged_end)) if hull else Edited(at_units, unchanged_end)
    checked = check.check(2, current, shown.shown(), hull)
    offsets = Utf16Offsets(current)
    for index, (issue, source) in enumerate(zip(checked.issues, checked.changes.sources)):
        span = marks[source] if source >= 0 else (checked.changes.placed[index].start, checked.changes.placed[index].end)
        assert span == (offsets.to_utf16(issue.start), offsets.to_utf16(issue.end))
        if source >= 0:
            assert shown.issues[source].category == issue.category
    assert checked.changes.removed == len(shown.issues) - sum(source >= 0 for source in checked.changes.sources)
    fresh = CheckSession(builtin_style("ap")).check(3, current, Shown())
    assert checked.issues == fresh.issues and checked.rows == fresh.rows


def units(text):
    return len(text.encode("utf-16-le")) // 2


@settings(max_examples=80, deadline=None)
@given(old=text_strategy, new=text_strategy)
def test_panel_row_changes_turn_the_old_rows_into_the_new(old, new):
    check = session()
    before = check.check(1, old, Shown())
    after = check.check(2, new, before.shown())
    rows = {category: list(found) for category, found in before.rows.items()}
    for change in after.changes.rows:
        rows.setdefault(change.category, [])[change.first : change.last] = change.rows
    assert {category: tuple(found) for category, found in rows.items() if found} == dict(after.rows)


# ------------------------------------------------------------ failures, LanguageTool, ignores


def test_a_rule_that_raises_is_a_failure_the_other_rules_still_speak_and_it_is_logged(break_rule, failure_log):
    break_rule("repeated-word")
    check = session()
    checked = check.check(1, STORY)
    [failure] = checked.failures
    assert (failure.rule, failure.reason) == ("repeated-word", "ValueError: broken on purpose")
    assert "variant-consistency" in {issue.rule for issue in checked.issues}
    assert "repeated-word" not in {issue.rule for issue in checked.issues}
    check.check(2, STORY + " More.")  # the same failure again is not logged again
    logged = failure_log.read_text(encoding="utf-8")
    assert logged.count("checking failed in repeated-word: ValueError: broken on purpose") == 1
    assert "Traceback" in logged


def test_a_story_rule_that_raises_is_a_failure_too(break_rule):
    break_rule("variant-consistency")
    checked = session().check(1, STORY)
    assert [failure.rule for failure in checked.failures] == ["variant-consistency"]
    assert "repeated-word" in {issue.rule for issue in checked.issues}


def test_languagetools_answer_is_merged_and_carried_over_to_the_paragraphs_it_still_fits():
    check = session()
    # LanguageTool never spells (the built-in spelling rule does): a grammar issue.
    text = "A error here.\n\nSecond one."
    grammar = Issue("lt:EN_A_VS_AN", "grammar", "warning", 0, 1, "Use “An” instead of “A”")
    check.take_grammar(text, IssuesByParagraph(text, [grammar]))
    assert grammar in check.check(1, text).issues and check.check(1, text).grammar_answered
    moved = "New first paragraph.\n\n" + text
    checked = check.check(2, moved)
    assert grammar.shifted(len("New first paragraph.\n\n")) in checked.issues and not checked.grammar_answered
    assert not any(issue.rule == "lt:EN_A_VS_AN" for issue in check.check(3, "A error there.\n\nSecond one.").issues)


def test_a_merge_that_raises_is_a_failure_and_the_builtin_issues_stand(monkeypatch):
    def merge(*_):
        raise KeyError("broken merge")

    monkeypatch.setattr("editor.session.merge_issues", merge)
    check = session()
    grammar = Issue("lt:SPELL", "spelling", "warning", 0, 3, "Spelling")
    check.take_grammar(STORY, IssuesByParagraph(STORY, [grammar]))
    checked = check.check(1, STORY)
    assert [failure.rule for failure in checked.failures] == [MERGE]
    assert "repeated-word" in {issue.rule for issue in checked.issues} and grammar not in checked.issues


def test_ignored_issues_rules_and_words_are_not_shown_and_a_new_story_forgets_the_first_two():
    check = session()
    first = check.check(1, STORY)
    repeated = next(issue for issue in first.issues if issue.rule == "repeated-word")
    check.ignore(repeated, STORY)
    check.ignore_rule("variant-consistency")
    check.add_word("defence")
    rules = {issue.rule for issue in check.check(2, STORY).issues}
    assert not rules & {"repeated-word", "variant-consistency", "spelling-locale"}
    check.new_story()
    rules = {issue.rule for issue in check.check(3, STORY).issues}
    assert {"repeated-word", "variant-consistency"} <= rules and "spelling-locale" not in rules


def test_a_new_style_checks_under_it_and_forgets_languagetools_answer():
    check = session()
    check.take_grammar(STORY, IssuesByParagraph(STORY, [Issue("lt:X", "grammar", "warning", 0, 4, "x")]))
    check.set_style(builtin_style("british"))
    checked = check.check(1, STORY)
    assert check.style.name == "British" and not any(issue.rule == "lt:X" for issue in checked.issues)
