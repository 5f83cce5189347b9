"""Text dense with problems: each rule stops past the paragraph's and the story's issue limit,
the first issues are shown, and one notice says where the rest begin."""

from editor.engine import Checker, builtin_style
from editor.engine.checker import PIECE
from editor.engine.issues import MIN_PARAGRAPH_LIMIT, MIN_STORY_LIMIT, issue_limit
from editor.engine.issues import LIMIT_RULE
from editor.engine.quotes import MIN_MARKS_READ
from editor.engine.rule import ParagraphRule, StoryRule

AP = builtin_style("ap")


def _notices(issues):
    return [issue for issue in issues if issue.rule == LIMIT_RULE]


def test_a_paragraph_shows_its_first_issues_and_one_notice_where_the_rest_begin():
    text = "He said the the. " * 1_000
    limit = issue_limit(text, MIN_PARAGRAPH_LIMIT)
    assert 100 < limit < 1_000
    issues = Checker(AP).check(text)
    repeats = [issue for issue in issues if issue.rule == "repeated-word"]
    assert len(repeats) == limit
    (notice,) = _notices(issues)
    assert notice.message == f"More than {limit:,} issues in this paragraph; showing the first {limit:,}"
    # The notice stands where the first issue left out would have been.
    assert notice.start == text.index("the the", repeats[-1].end)
    assert max(issue.start for issue in issues if issue is not notice) < notice.start


def test_a_story_shows_its_first_issues_and_one_notice():
    text = "He said the the.\n\n" * 3_000
    limit = issue_limit(text, MIN_STORY_LIMIT)
    issues = Checker(AP).check(text)
    assert len(issues) == limit + 1
    (notice,) = _notices(issues)
    assert notice.message == f"More than {limit:,} issues in this story; showing the first {limit:,}"
    assert issues[-1] is notice


def test_a_story_rule_is_cut_off_past_the_story_limit():
    text = "USA troops left.\n\n" * 5_000
    limit = issue_limit(text, MIN_STORY_LIMIT)
    issues = Checker(AP).check(text)
    assert len(issues) == limit + 1
    assert len([issue for issue in issues if issue.rule == "variant-consistency"]) == limit
    assert len(_notices(issues)) == 1


def test_a_story_rule_weighs_no_more_places_in_a_paragraph_than_its_limit():
    # Counting every form of a paragraph this dense is what took the time; its first places are read.
    text = "USA " * 5_000
    limit = issue_limit(text, MIN_PARAGRAPH_LIMIT)
    issues = Checker(AP).check(text)
    flagged = [issue for issue in issues if issue.rule == "variant-consistency"]
    assert len(flagged) == limit
    (notice,) = [issue for issue in _notices(issues) if "variant-consistency" in issue.message]
    assert text[notice.start : notice.end] == "USA" and notice.start == flagged[-1].end + 1


def _endless_rule(kind, drawn):
    """A rule that would find an issue at every character for ever; ``drawn`` counts what was taken."""

    def find(text_or_story, style):
        while True:
            drawn.append(1)
            yield RULE.issue(0, 1, "again")

    RULE = kind(id="endless", category="typo", severity="error", find=find, doc="Finds the same thing for ever.")
    return RULE


def test_the_checker_stops_drawing_from_a_paragraph_rule_past_the_limit():
    drawn = []
    issues = Checker(AP, rules=(_endless_rule(ParagraphRule, drawn),)).check("One paragraph.")
    assert len(drawn) == MIN_PARAGRAPH_LIMIT + 1
    assert len(issues) == MIN_PARAGRAPH_LIMIT + 1 and issues[-1].rule == LIMIT_RULE


def test_the_checker_stops_drawing_from_a_story_rule_past_the_limit():
    drawn = []
    issues = Checker(AP, rules=(_endless_rule(StoryRule, drawn),)).check("One story.")
    assert len(drawn) == MIN_STORY_LIMIT + 1
    assert len(issues) == MIN_STORY_LIMIT + 1


def test_paragraphs_after_the_story_limit_are_not_read():
    read = []

    def find(text, style):
        read.append(text)
        yield RULE.issue(0, 1, "one")

    RULE = ParagraphRule(id="each", category="typo", severity="error", find=find, doc="One issue per paragraph.")
    text = "".join(f"Paragraph {n}.\n\n" for n in range(5_000))
    limit = issue_limit(text, MIN_STORY_LIMIT)
    issues = Checker(AP, rules=(RULE,)).check(text)
    # Paragraphs are read a piece at a time: at most the rest of the piece is read past the limit.
    assert limit + 1 <= len(read) < limit + 1 + PIECE < 5_000
    assert len(issues) == limit + 1


def test_a_story_of_quote_marks_is_not_read_for_quotes_and_says_so():
    text = '"' * 50_000
    issues = Checker(AP).check(text)
    assert [issue.rule for issue in issues] == [LIMIT_RULE]
    assert issues[0].start == 0
    assert issues[0].message.startswith("Quotation marks not checked: 50,000 in 50,000 characters")


def test_a_story_with_many_quotes_that_could_be_copy_is_read():
    text = '"We go now," he said. "We stay." ' * (MIN_MARKS_READ // 4 + 10)
    issues = Checker(AP).check(text)
    assert not _notices(issues)
    unbalanced = Checker(AP).check(text + '"Unclosed')
    assert [issue.rule for issue in unbalanced] == ["unbalanced-quote"]


def test_copydesk_check_prints_the_notice_once(tmp_path, capsys):
    from editor.cli import main

    path = tmp_path / "dense.txt"
    path.write_text("He said the the.\n\n" * 3_000, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.count(LIMIT_RULE) == 1
    assert "issues in this story; showing the first" in out.splitlines()[-1]
