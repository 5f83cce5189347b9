"""What a paragraph rule or reading ``needs``: passing over the paragraphs without it changes nothing.

For each rule and reading that says what it needs, under each built-in style:
a paragraph where the pattern does not match gives nothing (every example
text, every corpus paragraph, and generated text), and the one search of a
story finds every paragraph where the pattern matches on its own.
"""

import importlib
import pkgutil
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import editor.engine
import editor.rules
from editor.engine import Checker, builtin_style
from editor.engine.checker import PIECE
from editor.engine.rule import ParagraphRule
from editor.engine.story import SHORT_PARAGRAPH, ParagraphMemo, Story, needed_pattern, needing, split_paragraphs
from editor.rules import all_rules
from tests.corpus.noise import corpus_stories

STYLES = {name: builtin_style(name) for name in ("ap", "british")}


def _readings():
    """Every paragraph reading marked with ``needing``, by name."""
    found = {}
    for package in (editor.engine, editor.rules):
        for module_info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{module_info.name}")
            for value in vars(module).values():
                if callable(value) and hasattr(value, "nothing") and hasattr(value, "needs"):
                    found[f"{value.__module__}.{value.__qualname__}"] = value
    return found


def _finds(subject):
    """``finds(text, style)``: whether ``subject`` finds anything in a paragraph, as the checker would use it."""
    if isinstance(subject, ParagraphRule):
        return lambda text, style: any(True for _ in subject.find(text, style))
    return lambda text, style: subject(text, style) != subject.nothing


SUBJECTS = {rule.id: rule for rule in all_rules() if isinstance(rule, ParagraphRule) and rule.needs is not None}
SUBJECTS.update(_readings())
CASES = [(name, style) for name in SUBJECTS for style in STYLES]

EXAMPLES = [text for rule in all_rules() for text in rule.must_flag + rule.must_pass]
# What generated paragraphs are made of: the examples' words and marks, and characters a rule looks at.
PIECES = sorted(
    {piece for text in EXAMPLES for piece in re.findall(r"\w+|\W", text)}
    | set(" \t\n\r.,;:!?'\"“”‘’«»-‐–—%/()[]0123456789AaZzÉéİıſK\u00a0\u200b\u2028\u2029")
)
_paragraph_text = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _paragraphs(texts):
    return [paragraph.text for text in texts for paragraph in split_paragraphs(text)]


def _nothing_found_without(name, style_name, paragraphs):
    subject, style = SUBJECTS[name], STYLES[style_name]
    needs = needed_pattern(subject.needs, style)
    finds = _finds(subject)
    wrongly_passed = [text for text in paragraphs if needs.search(text) is None and finds(text, style)]
    assert not wrongly_passed, f"{name} finds something where what it needs is not: {wrongly_passed[:3]!r}"


def test_the_rules_and_readings_that_say_what_they_need_are_found():
    assert SUBJECTS, "no rule or reading says what it needs"


def test_every_paragraph_rule_says_what_it_needs():
    # One without would have every paragraph read by all of them (``Checker._use_needs``).
    assert [rule.id for rule in all_rules() if isinstance(rule, ParagraphRule) and rule.needs is None] == []


@pytest.mark.parametrize(("name", "style_name"), CASES)
def test_without_what_it_needs_nothing_is_found_in_the_examples(name, style_name):
    _nothing_found_without(name, style_name, _paragraphs(EXAMPLES))


@pytest.mark.parametrize(("name", "style_name"), CASES)
def test_without_what_it_needs_nothing_is_found_in_the_corpus(name, style_name):
    stories = corpus_stories()
    if not stories:
        pytest.skip("the development corpus is not beside this checkout")
    _nothing_found_without(name, style_name, _paragraphs(story.text for story in stories))


@pytest.mark.parametrize(("name", "style_name"), CASES)
@settings(max_examples=150, deadline=None)
@given(texts=st.lists(_paragraph_text, max_size=4))
def test_without_what_it_needs_nothing_is_found_in_any_text(name, style_name, texts):
    _nothing_found_without(name, style_name, _paragraphs(texts))


@pytest.mark.parametrize(("name", "style_name"), CASES)
@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(_paragraph_text, max_size=6),
    separator=st.sampled_from(["\n\n", "\r\n\r\n", "\r\r", "\n \t\n", "\n\n\n"]),
    edges=st.sampled_from(["", "\n", "\n\n", " "]),
)
def test_one_search_of_the_story_finds_every_paragraph_that_matches(name, style_name, texts, separator, edges):
    needs = needed_pattern(SUBJECTS[name].needs, STYLES[style_name])
    assert needs.search("") is None, "what a rule needs must not be nothing at all"
    story = Story(edges + separator.join(texts) + edges)
    matching = {index for index, paragraph in enumerate(story.paragraphs) if needs.search(paragraph.text)}
    assert matching <= set(story.paragraphs_matching(needs))


# The engine's side, with a reading and a rule of the tests' own.

_DIGITS = re.compile(r"\d+")


@needing(_DIGITS, nothing=())
def _numbers(text, style):
    _numbers.read.append(text)
    return tuple(_DIGITS.findall(text))


def test_a_story_reads_only_the_paragraphs_with_what_the_reading_needs():
    _numbers.read = []
    story = Story("One 1.\n\nNone.\n\nTwo 2 and 22.\n\nStill none.", ParagraphMemo(100))
    assert story.per_paragraph(_numbers, None) == [("1",), (), ("2", "22"), ()]
    assert _numbers.read == ["One 1.", "Two 2 and 22."]
    assert [paragraph.text for paragraph, _ in story.found_per_paragraph(_numbers, None)] == ["One 1.", "Two 2 and 22."]


def test_a_match_running_into_the_next_paragraph_does_not_hide_that_paragraph():
    runs_on = re.compile(r"a\s*b")
    story = Story("xa\n\nb\n\nab\n\nc")
    # "a\n\nb" starts in the first paragraph; the third has a match of its own.
    assert story.paragraphs_matching(runs_on) == [0, 2]
    assert Story("a\n\nb ab").paragraphs_matching(runs_on) == [0, 1]


def test_a_match_in_the_blank_lines_names_no_paragraph():
    assert Story("one\n \n\ntwo").paragraphs_matching(re.compile(r" ")) == []


def test_the_checker_runs_a_paragraph_rule_only_where_it_finds_what_it_needs():
    read = []

    def find(text, style):
        read.append(text)
        return iter(())

    rule = ParagraphRule(
        id="digits",
        category="typo",
        severity="warning",
        find=find,
        doc="A rule of the test's own.",
        needs=_DIGITS,
    )
    checker = Checker(builtin_style("ap"), rules=(rule,))
    # A story of a few paragraphs is read through: making what the rules need costs more.
    checker.check("No digits.\n\nA 1.")
    assert read == ["No digits.", "A 1."]
    # One of many paragraphs: only those with a digit.
    words = [f"Paragraph {'I' * (index % 9)} of many." for index in range(PIECE)]
    read.clear()
    checker.check("\n\n".join(words + ["A 5.", "None here.", "2"]))
    assert read == ["A 5.", "2"]
    # A re-check after edits reads only the changed paragraph that has a digit; a check of a
    # short story after that reads only the paragraphs with a digit too.
    checker.check("\n\n".join(words + ["A 5.", "None here, 3.", "2"]))
    assert read == ["A 5.", "2", "None here, 3."]
    checker.check("No digits, still.\n\nA 4.")
    assert read == ["A 5.", "2", "None here, 3.", "A 4."]


def test_where_most_paragraphs_match_the_rest_are_searched_one_by_one_alike():
    texts = ["none" if index % 7 == 3 else f"row {index}" for index in range(2_000)]
    story = Story("\n\n".join(texts))
    assert story.paragraphs_matching(_DIGITS) == [index for index, text in enumerate(texts) if _DIGITS.search(text)]


def test_a_re_check_reads_only_the_changed_paragraph_that_has_what_the_reading_needs():
    memo = ParagraphMemo(100)
    stories = ["One 1.\n\nNone.\n\nTwo 2.", "One 1.\n\nNone at all.\n\nTwo 2.", "One 1.\n\nNone at all 3.\n\nTwo 2."]
    _numbers.read = []
    found = []
    for text in stories:
        memo.next_check()
        found.append(Story(text, memo).per_paragraph(_numbers, None))
    assert found == [[("1",), (), ("2",)], [("1",), (), ("2",)], [("1",), ("3",), ("2",)]]
    assert _numbers.read == ["One 1.", "Two 2.", "None at all 3."]


def test_a_story_of_repeated_paragraphs_reads_each_distinct_one_once():
    _numbers.read = []
    story = Story("\n\n".join(["Row 1 of 2."] * 50 + ["No row."] * 50), ParagraphMemo(100))
    assert story.per_paragraph(_numbers, None) == [("1", "2")] * 50 + [()] * 50
    assert _numbers.read == ["Row 1 of 2."]


def test_a_long_paragraph_is_read_without_looking_for_what_the_reading_needs():
    _numbers.read = []
    long = "No figures here, " * (SHORT_PARAGRAPH // 4)
    story = Story(f"None.\n\n{long}\n\nOne 1.", ParagraphMemo(100))
    assert story.per_paragraph(_numbers, None) == [(), (), ("1",)]
    assert _numbers.read == [long, "One 1."]


class _CountingSearch:
    """A pattern's ``search`` that notes how much text each search had before it."""

    def __init__(self):
        self.lengths = []

    def search(self, text, position=0):
        self.lengths.append(len(text) - position)
        return _DIGITS.search(text, position)


_counting = _CountingSearch()


@needing(lambda style: _counting, nothing=())
def _counted_numbers(text, style):
    return tuple(_DIGITS.findall(text))


def test_after_an_edit_only_the_changed_paragraph_is_searched_even_where_nothing_was_found():
    memo = ParagraphMemo(100)
    for edit in ("None here.", "None here at all.", "None here at all, still."):
        memo.next_check()
        _counting.lengths.clear()
        assert Story(f"No digits.\n\n{edit}\n\nNor here.", memo).per_paragraph(_counted_numbers, None) == [()] * 3
    # The first check searched the story and the second every paragraph, keeping what they found.
    assert _counting.lengths == [len("None here at all, still.")]


def test_a_rule_whose_needs_cannot_be_made_reads_every_paragraph_and_its_failure_is_reported():
    def broken(style):
        raise ValueError("no pattern for this style")

    def find(text, style):
        return iter([rule.issue(0, 1, "First character")]) if text.startswith("X") else iter(())

    rule = ParagraphRule(
        id="first-x", category="typo", severity="warning", find=find, doc="A rule of the test's own.", needs=broken
    )
    story = "\n\n".join(["Xa."] + ["Plain."] * PIECE)
    result = Checker(builtin_style("ap"), rules=(rule,)).run(story)
    assert [issue.start for issue in result.issues] == [0]
    assert [(failure.rule, failure.reason) for failure in result.failures] == [("first-x", "ValueError: no pattern for this style")]
