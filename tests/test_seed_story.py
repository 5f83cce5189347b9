"""Acceptance on the example story the user gave (read from the shared folder, never copied).

Every problem named in the guide is flagged with the fix a copy editor would
choose, nothing else is flagged, and applying every first fix damages no name.
"""

from pathlib import Path

import pytest

from editor.engine import apply_fixes, builtin_style, check

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "seed-story.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the shared example story is not beside this checkout")

# (rule, text around the problem, the flagged text within it, first fix)
EXPECTED = [
    ("repeated-word", "Gennady Gatilov Gatilov accusing", "Gatilov Gatilov", "Gatilov"),
    ("variant-consistency", "USA officials told", "USA", "U.S."),
    ("variant-consistency", "that the us military", "us", "U.S."),
    ("variant-consistency", "threat to us and usa", "us", "U.S."),
    ("variant-consistency", "us and usa -backed", "usa", "U.S."),
    ("hyphen-spacing", "usa -backed", " -", "-"),
    ("variant-consistency", "Thursday the US-led coalition announced", "US", "U.S."),
    ("variant-consistency", "that the USA has struck", "USA", "U.S."),
    ("variant-consistency", "vicinity of United States troops", "United States", "U.S."),
    ("variant-consistency", "accusing the US on Friday", "US", "U.S."),
    ("variant-consistency", "A United States official said", "United States", "U.S."),
    ("variant-consistency", "shots by USA aircraft", "USA", "U.S."),
    ("variant-consistency", "because the US has once", "US", "U.S."),
    ("variant-consistency", "There were USA advisers", "USA", "U.S."),
    ("variant-consistency", "consider the US-led coalition", "US", "U.S."),
    ("variant-consistency", "An exception was the US cruise", "US", "U.S."),
    ("variant-consistency", "A USA defence official", "USA", "U.S."),
    ("sentence-case", "forces. this is", "this", "This"),
    ("unattributed-quote", '"You can not consider', None, None),
    ("house-substitution", "You can not consider", "can not", "cannot"),
    ("spelling-locale", "USA defence official", "defence", "defense"),
    ("spelling-locale", "U.S. defence secretary", "defence", "defense"),
    ("variant-consistency", "carried out the air strike on", "air strike", "airstrike"),
    ("variant-consistency", "focused on battling IS and", "IS", "ISIS"),
    ("quote-punctuation", 'against ISIS", the statement', '",', ',"'),
    ("quote-punctuation", 'sovereignty", he said', '",', ',"'),
    ("quote-punctuation", 'in the region", the Syrian', '",', ',"'),
    ("quote-punctuation", 'a mistake anymore". An', '".', '."'),
    ("scrape-leftover", "Latest News", "Latest News", ""),
    # The place is "At Tanf" twice and "Tanf" once: one name, two ways.
    ("name-spelling", "near Tanf, a remote", "Tanf", "At Tanf"),
]

NAMES = ["Gennady Gatilov", "Mattis", "Trofimov", "Tanf", "Bashar al-Assad", "Palmyra News Network", "Astana"]


@pytest.fixture(scope="module")
def story():
    text = SEED.read_text(encoding="utf-8")
    return text, check(text, builtin_style("ap"))


def _locate(text, around, flagged):
    at = text.index(around)
    assert text.count(around) == 1, f"{around!r} is not unique in the story"
    return at + around.index(flagged)


@pytest.mark.parametrize(("rule", "around", "flagged", "fix"), EXPECTED, ids=[f"{e[0]}:{e[1]}" for e in EXPECTED])
def test_each_named_problem_is_flagged_with_the_right_fix(story, rule, around, flagged, fix):
    text, issues = story
    if flagged is None:
        start = text.index(around)
        hits = [i for i in issues if i.rule == rule and i.start <= start + len(around) and i.end > start]
        assert hits, f"{rule} should flag the quote at {around!r}"
        return
    start = _locate(text, around, flagged)
    hits = [i for i in issues if i.rule == rule and text[i.start : i.end].strip() == flagged.strip() and abs(i.start - start) <= 2]
    assert hits, f"{rule} should flag {flagged!r} in {around!r}; found {[(i.rule, text[i.start:i.end]) for i in issues if abs(i.start - start) < 20]}"
    assert hits[0].replacements and hits[0].replacements[0].strip() == fix.strip()


def test_nothing_else_is_flagged(story):
    text, issues = story
    expected_starts = set()
    for rule, around, flagged, _ in EXPECTED:
        if flagged is not None:
            expected_starts.add((rule, _locate(text, around, flagged)))
    unexpected = [
        (issue.rule, text[issue.start : issue.end])
        for issue in issues
        if issue.rule != "unattributed-quote"
        and not any(rule == issue.rule and abs(start - issue.start) <= 2 for rule, start in expected_starts)
    ]
    assert unexpected == []


def test_the_house_form_itself_is_not_flagged(story):
    text, issues = story
    at = text.index("U.S. defence secretary")
    assert not [i for i in issues if i.rule == "variant-consistency" and i.start == at]


def test_applying_every_first_fix_damages_no_name(story):
    text, issues = story
    fixed = apply_fixes(text, [(i.start, i.end, i.replacements[0]) for i in issues if i.replacements])
    for name in NAMES:
        assert name in fixed
    assert "Gatilov Gatilov" not in fixed and "Latest News" not in fixed
    assert "U.S.-backed" in fixed and "cannot" in fixed
