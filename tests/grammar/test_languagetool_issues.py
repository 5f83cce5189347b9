"""LanguageTool's recorded answers, through the real language-tool-python client, as Copydesk issues."""

import json

import pytest

from editor.engine import apply_fixes, check, load_style
from editor.engine.issues import Issue
from editor.grammar import GrammarChecker, GrammarSettings, merge_issues
from tests.fixtures.languagetool import needs_recordings
from tests.grammar.recorded_languagetool import RECORDINGS, recorded_text

pytestmark = needs_recordings
SEED = RECORDINGS.parent / "samples" / "seed-story.txt"


@pytest.fixture
def grammar(languagetool):
    checker = GrammarChecker(GrammarSettings(mode="remote", url=languagetool.url))
    yield checker
    checker.close()


def flagged(issues, text):
    return [(issue.rule, text[issue.start : issue.end]) for issue in issues]


def test_matches_become_issues_with_rule_category_message_and_fixes(grammar, plain_style):
    text = recorded_text("grammar-sample.txt")
    issues = grammar.check(text, plain_style())
    assert flagged(issues, text) == [
        ("lt:THEIR_IS", "Their"),
        ("lt:DT_DT", "the the"),
        ("lt:HE_VERB_AGR", "go"),
        ("lt:EN_A_VS_AN", "a"),
    ]
    by_rule = {issue.rule: issue for issue in issues}
    assert by_rule["lt:THEIR_IS"].category == "grammar"
    assert by_rule["lt:HE_VERB_AGR"].replacements == ("goes", "went")
    assert by_rule["lt:HE_VERB_AGR"].group is not None
    assert by_rule["lt:EN_A_VS_AN"].category == "grammar"
    assert all(issue.message for issue in issues)


def test_offsets_land_on_the_right_letters_after_emoji_and_flags(grammar, plain_style):
    text = recorded_text("unicode-offsets.txt")
    issues = grammar.check(text, plain_style())
    assert flagged(issues, text) == [("lt:DT_DT", "the the"), ("lt:HE_VERB_AGR", "go")]


def test_the_style_chooses_the_language_and_switches_rules_off(grammar, languagetool):
    text = SEED.read_text(encoding="utf-8")
    ap = grammar.check(text, load_style("ap"))
    british = grammar.check(text, load_style("british"))
    requests = [request["form"] for request in languagetool.checks]
    assert {form["language"] for form in requests} == {"en-US", "en-GB"}
    assert "EN_QUOTES" in requests[0]["disabledRules"].split(",")
    rules = {issue.rule for issue in ap} | {issue.rule for issue in british}
    assert not rules & {"lt:EN_QUOTES", "lt:MISSING_GENITIVE", "lt:ENGLISH_WORD_REPEAT_RULE"}


def test_without_the_style_switching_them_off_straight_quotes_are_flagged(grammar, plain_style):
    issues = grammar.check(SEED.read_text(encoding="utf-8"), plain_style())
    recorded = json.loads((RECORDINGS / "seed-story.en-US.json").read_text(encoding="utf-8"))["matches"]
    quotes = sum(match["rule"]["id"] == "EN_QUOTES" for match in recorded)
    assert quotes > 0
    assert sum(issue.rule == "lt:EN_QUOTES" for issue in issues) == quotes


def test_languagetool_spells_nothing_and_flags_no_name(grammar, languagetool, plain_style):
    text = SEED.read_text(encoding="utf-8")
    issues = grammar.check(text, plain_style())  # no rule of the style's switched off
    words = {text[issue.start : issue.end] for issue in issues}
    assert not words & {"Gennady", "Tanf", "Trofimov", "Mattis", "de-confliction"}
    assert not any(issue.category == "spelling" for issue in issues)
    assert "MORFOLOGIK_RULE_EN_US" in languagetool.checks[0]["form"]["disabledRules"].split(",")


def test_a_spellers_match_that_comes_anyway_is_dropped(plain_style):
    """A server that ignores disabledRules (or a language whose speller has another name)."""
    from language_tool_python import Match

    from editor.grammar.paragraphs import ParagraphCache

    text = recorded_text("grammar-sample.txt")
    recorded = json.loads((RECORDINGS / "grammar-sample.en-US.json").read_text(encoding="utf-8"))["matches"]
    assert any(match["rule"]["id"] == "MORFOLOGIK_RULE_EN_US" for match in recorded)
    hunspell = {**recorded[0], "rule": {**recorded[0]["rule"], "id": "HUNSPELL_RULE"}}
    answer = [Match(json.loads(json.dumps(match)), text) for match in [*recorded, hunspell]]
    issues = ParagraphCache().check(text, "profile", lambda batch: answer, superseded=lambda: False)
    assert {issue.rule for issue in issues} == {"lt:THEIR_IS", "lt:DT_DT", "lt:HE_VERB_AGR", "lt:EN_A_VS_AN"}


def test_applying_every_first_fix_on_the_example_story_damages_no_name(grammar):
    text = SEED.read_text(encoding="utf-8")
    style = load_style("ap")
    issues = merge_issues(check(text, style), grammar.check(text, style))
    fixed = apply_fixes(text, [(i.start, i.end, i.replacements[0]) for i in issues if i.replacements])
    for name in ("Gennady Gatilov", "Tanf", "Trofimov", "Mattis"):
        assert fixed.count(name) == text.count(name), name
    assert "Kennedy" not in fixed and "Mathis" not in fixed


# ------------------------------------------------------------------ merging

def issue(rule, start, end, fix=None, category="typo"):
    return Issue(rule, category, "warning", start, end, "m", replacements=(fix,) if fix else ())


def test_the_same_span_from_both_is_shown_once():
    builtin = [issue("repeated-word", 10, 17, "the")]
    grammar = [issue("lt:DT_DT", 10, 17, "the", "grammar")]
    assert merge_issues(builtin, grammar) == builtin


def test_languagetool_does_not_contradict_a_builtin_fix_on_shared_text():
    builtin = [issue("variant-consistency", 97, 99, "U.S.", "consistency")]
    grammar = [issue("lt:DT_PRP", 93, 99, "the", "grammar"), issue("lt:SPELL", 97, 99, "USA", "spelling")]
    assert merge_issues(builtin, grammar) == builtin


def test_languagetool_issues_elsewhere_and_inside_an_advisory_span_are_kept():
    quote = issue("unattributed-quote", 0, 80, category="quotes")
    builtin = [quote, issue("doubled-space", 100, 102, " ")]
    grammar = [issue("lt:HE_VERB_AGR", 40, 42, "goes", "grammar"), issue("lt:X", 102, 105, "y")]
    merged = merge_issues(builtin, grammar)
    assert [i.rule for i in merged] == ["unattributed-quote", "lt:HE_VERB_AGR", "doubled-space", "lt:X"]


def test_seed_story_merge_leaves_one_underline_per_word(grammar):
    text = SEED.read_text(encoding="utf-8")
    style = load_style("ap")
    merged = merge_issues(check(text, style), grammar.check(text, style))
    fixable = sorted((i for i in merged if i.replacements), key=Issue.sort_key)
    for before, after in zip(fixable, fixable[1:]):
        assert before.end <= after.start, (before, after)
    assert not any(i.rule.startswith("lt:") and text[i.start : i.end] in ("usa", "defence", "this") for i in merged)



def test_an_answer_is_carried_over_to_paragraphs_an_edit_did_not_touch():
    from editor.grammar.paragraphs import IssuesByParagraph

    old = "First paragraph has a eror.\n\nSecond one is fine."
    start = old.index("eror")
    answer = IssuesByParagraph(old, [issue("lt:SPELL", start, start + 4, "error", "spelling")])
    new = "A new first paragraph.\n\n" + old
    [moved] = answer.in_text(new)
    assert new[moved.start : moved.end] == "eror"
    assert answer.in_text("First paragraph has a eror, now edited.\n\nSecond one is fine.") == []
    assert IssuesByParagraph().in_text(new) == []
