"""Properties of the LanguageTool adapter for any text: spans land on the letters LanguageTool meant,
in code points, after any emoji, flags or combining marks, and merging never loses a built-in issue."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.engine.issues import Issue
from editor.grammar import merge_issues
from editor.grammar.paragraphs import ParagraphCache

PIECES = ["word", "the the", " ", "\n", "\n\n", "🇺🇸", "📰", "e\u0301", "Zürich", "עברית", "𝒳", "\u200b", "."]
texts = st.text(max_size=200) | st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
fast = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def languagetool_flagging(spans_of):
    """A stand-in for the server round trip: LanguageTool's JSON for the spans ``spans_of(text)``
    picks (in code points), offsets and lengths in UTF-16 as LanguageTool counts them, turned into
    matches by language-tool-python's own Match class."""
    from language_tool_python.match import Match

    def send(text):
        matches = []
        for start, end in spans_of(text):
            attrib = {
                "message": "m", "shortMessage": "", "replacements": [{"value": "x"}],
                "offset": utf16(text[:start]), "length": utf16(text[start:end]),
                "context": {"text": text, "offset": 0, "length": 0}, "sentence": text,
                "rule": {"id": "R", "description": "", "issueType": "grammar", "category": {"id": "GRAMMAR", "name": ""}},
            }
            matches.append(Match(attrib, text))
        return matches

    return send


def every_word(text):
    """Each run of non-space characters, the way a grammar rule might flag words."""
    spans, start = [], None
    for index, char in enumerate(text + " "):
        if char.isspace() and start is not None:
            spans.append((start, index))
            start = None
        elif not char.isspace() and start is None:
            start = index
    return spans


@fast
@given(texts)
def test_each_span_lands_on_the_text_languagetool_flagged(text):
    issues = ParagraphCache().check(text, "profile", languagetool_flagging(every_word), lambda: False)
    words = {text[start:end] for start, end in every_word(text)}
    for issue in issues:
        assert 0 <= issue.start < issue.end <= len(text)
        assert text[issue.start : issue.end] in words


@fast
@given(texts)
def test_a_second_check_of_the_same_text_asks_nothing_and_says_the_same(text):
    cache = ParagraphCache()
    first = cache.check(text, "p", languagetool_flagging(every_word), lambda: False)

    def must_not_ask(_):
        raise AssertionError("asked again")

    assert cache.check(text, "p", must_not_ask, lambda: False) == first


spans = st.tuples(st.integers(0, 60), st.integers(0, 8)).map(lambda pair: (pair[0], pair[0] + pair[1]))


def issues_at(prefix, fixed):
    return st.lists(spans, max_size=12).map(
        lambda found: [
            Issue(f"{prefix}{n}", "typo", "warning", start, end, "m", replacements=("x",) if fixed else ())
            for n, (start, end) in enumerate(found)
        ]
    )


@fast
@given(issues_at("b", fixed=True), issues_at("lt:", fixed=True))
def test_merging_keeps_every_builtin_issue_and_no_languagetool_issue_that_fights_one(builtin, grammar):
    merged = merge_issues(builtin, grammar)
    kept_builtin = [i for i in merged if not i.rule.startswith("lt:")]
    assert sorted(builtin, key=Issue.sort_key) == sorted(kept_builtin, key=Issue.sort_key)
    for kept in (i for i in merged if i.rule.startswith("lt:")):
        for other in builtin:
            assert (kept.start, kept.end) != (other.start, other.end)
            assert kept.end <= other.start or other.end <= kept.start
