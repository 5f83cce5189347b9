"""Mixed straight and curly double quotes: majority kept, direction-correct fixes, fix all."""

from editor.engine import Checker, apply_fixes, builtin_style

AP = Checker(builtin_style("ap"))


def issues_in(text):
    return [i for i in AP.check(text) if i.rule == "mixed-quote-marks"]


def fix_all(text):
    return apply_fixes(text, [(i.start, i.end, i.replacements[0]) for i in issues_in(text)])


def test_curly_marks_in_a_mostly_straight_story_become_straight():
    text = '"We are open," she said.\n\n"Ships are moving," he said. “Forty more are due.”'
    issues = issues_in(text)
    assert [(text[i.start : i.end], i.replacements) for i in issues] == [("“", ('"',)), ("”", ('"',))]
    assert {i.group for i in issues} == {"mixed-quote-marks"}
    assert "Curly quotation mark" in issues[0].message
    assert fix_all(text) == '"We are open," she said.\n\n"Ships are moving," he said. "Forty more are due."'


def test_straight_marks_in_a_mostly_curly_story_get_the_right_curly_mark():
    text = "“We are open,” she said.\n\n“Ships are moving,” he said. \"Forty more are due.\""
    issues = issues_in(text)
    assert [(text[i.start : i.end], i.replacements) for i in issues] == [('"', ("“",)), ('"', ("”",))]
    assert "Straight quotation mark" in issues[0].message
    assert fix_all(text) == "“We are open,” she said.\n\n“Ships are moving,” he said. “Forty more are due.”"


def test_a_straight_mark_with_no_space_before_it_is_still_read_as_opening():
    text = '“We are open,” she said. “Ships are moving,” he said, adding:"Forty more are due."'
    assert fix_all(text).endswith("adding:“Forty more are due.”")


def test_a_tie_keeps_the_straight_marks_of_the_wire():
    text = '"We are open," she said. “Ships are moving,” he said.'
    assert [text[i.start : i.end] for i in issues_in(text)] == ["“", "”"]


def test_inch_marks_neither_count_nor_get_flagged():
    text = "The centre, who is 6'11\", signed a deal worth $2 million. He owns a 75\" television.\n\n“We are thrilled,” the coach said."
    assert issues_in(text) == []


def test_one_kind_of_mark_alone_is_not_flagged():
    assert issues_in('"We are open," she said.\n\n"Ships are moving," he said.') == []
    assert issues_in("“We are open,” she said.\n\n“Ships are moving,” he said.") == []
    assert issues_in("Port reopens after strike\n\nShips began moving on Monday.") == []
