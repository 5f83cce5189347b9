"""Properties of the engine that must hold for any text, checked with hypothesis."""

from collections import defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.engine import Checker, apply_fixes, builtin_style

CHECKERS = {name: Checker(builtin_style(name)) for name in ("ap", "british")}

# Pieces of wire copy, damaged and not, so that generated texts reach the rules.
PIECES = [
    "the", "the the", "The", "US", "U.S.", "USA", "us", "usa", "United States", "U.N.", "UN",
    "air strike", "airstrikes", "ceasefire", "cease-fire", "IS", "ISIS", "per cent", "percent",
    "defence", "defense", "criticized", "criticised", "can not", "can not only", "had had",
    "Gatilov Gatilov", "Boutros Boutros-Ghali", "told us", "let us know", "-backed", " -", "- ",
    '"', "“", "”", "'", ",", ".", ". this", "?", "!", ":", ";", "  ", " ", "\n", "\n\n", "\r\n",
    "Latest News", "Advertisement", "said", "he said.", "according to", "Mr.", "a.m.", "3.5",
    "\u00a0", "\u200b", "\u00ad", "🇺🇸", "📰", "é", "e\u0301", "עברית", "Zürich", "pro-", "anti-war",
]
wire_text = st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join) | st.lists(
    st.sampled_from(PIECES), max_size=60
).map("".join)
any_text = st.text(max_size=400) | wire_text
style_name = st.sampled_from(sorted(CHECKERS))
fast = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(any_text, style_name)
def test_any_text_is_checked_and_every_span_lies_inside_it(text, style):
    for issue in CHECKERS[style].check(text):
        assert 0 <= issue.start <= issue.end <= len(text)
        assert issue.message


@fast
@given(any_text, style_name)
def test_a_fix_replaces_only_its_span_and_changes_it(text, style):
    checker = CHECKERS[style]
    for issue in checker.check(text):
        if not issue.replacements:
            continue
        replacement = issue.replacements[0]
        assert replacement != text[issue.start : issue.end]
        fixed = apply_fixes(text, [(issue.start, issue.end, replacement)])
        assert fixed[: issue.start] == text[: issue.start]
        assert fixed[issue.start + len(replacement) :] == text[issue.end :]
        again = checker.check(fixed)
        assert not [
            other
            for other in again
            if other.rule == issue.rule
            and other.start == issue.start
            and fixed[other.start : other.end] == text[issue.start : issue.end]
        ], f"{issue.rule} still flags the same text after its fix"


@fast
@given(any_text, style_name)
def test_fixing_a_whole_group_leaves_it_unflagged(text, style):
    checker = CHECKERS[style]
    groups = defaultdict(list)
    for issue in checker.check(text):
        if issue.group is not None and issue.category == "consistency" and issue.replacements:
            groups[issue.group].append(issue)
    for group, members in groups.items():
        fixed = apply_fixes(text, [(i.start, i.end, i.replacements[0]) for i in members])
        assert not [i for i in checker.check(fixed) if i.group == group], group


@fast
@given(any_text)
def test_results_do_not_depend_on_the_cache(text):
    warm = CHECKERS["ap"]
    warm.check(text)
    assert warm.check(text) == Checker(builtin_style("ap")).check(text)


@fast
@given(st.lists(wire_text, min_size=2, max_size=6), style_name, st.data())
def test_a_checker_that_saw_earlier_versions_gives_what_a_fresh_one_gives(paragraphs, style, data):
    """Editing one paragraph at a time, as in the window, what the checker keeps never changes the answer."""
    warm = Checker(CHECKERS[style].style)
    for _ in range(4):
        paragraphs[data.draw(st.integers(0, len(paragraphs) - 1))] = data.draw(wire_text)
        text = "\n\n".join(paragraphs)
        assert warm.check(text) == Checker(CHECKERS[style].style).check(text)


def test_an_edit_in_one_paragraph_changes_the_verdict_on_an_unchanged_one():
    checker = Checker(builtin_style("ap"))
    before = "IS fighters fled.\n\nISIS lost ground.\n\nThe talks on ISIS ended."
    assert [before[i.start : i.end] for i in checker.check(before) if i.rule == "variant-consistency"] == ["IS"]
    after = before.replace("talks on ISIS", "talks on IS")
    assert [after[i.start : i.end] for i in checker.check(after) if i.rule == "variant-consistency"] == ["ISIS"]
