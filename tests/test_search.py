"""Find and replace in a story's text, without Qt: what matches, and what replaces it."""

import pytest

from editor.engine.patterns import PatternError
from editor.search import MAX_REPLACEMENTS, Query, Search, TooManyMatches

STORY = (
    "USA officials said the us coast guard rescued 40 people.\n"
    "\n"
    "A US official said the housing plan for usa -backed towns would go ahead."
)


def found(query: Query, text: str = STORY) -> list[str]:
    return [text[start:end] for start, end in Search(query).matches(text)]


def test_plain_text_ignores_case_unless_asked():
    assert found(Query("us")) == ["US", "us", "US", "us", "us"]  # USA, us, US, housing, usa
    assert found(Query("us", match_case=True)) == ["us", "us", "us"]


def test_whole_words_leave_out_words_that_contain_the_query():
    assert found(Query("us", whole_words=True)) == ["us", "US"]
    assert found(Query("us", match_case=True, whole_words=True)) == ["us"]


def test_a_whole_word_is_bounded_by_any_letter_not_only_ascii_ones():
    text = "Zürich and Zür, Łódź and Łód"
    assert found(Query("Zür", whole_words=True), text) == ["Zür"]
    assert [start for start, _ in Search(Query("Zür", whole_words=True)).matches(text)] == [11]
    assert found(Query("Łód", whole_words=True), text) == ["Łód"]
    # A combining accent is part of its word: "cafe" + U+0301 is not the word "cafe".
    assert found(Query("cafe", whole_words=True), "cafe\u0301 and cafe") == ["cafe"]


def test_plain_text_is_taken_literally():
    text = "Shares rose 5.2% (a record) to $3.50 [est]."
    for query in ("5.2%", "(a record)", "$3.50", "[est]."):
        assert found(Query(query), text) == [query]
    assert found(Query("5.2"), "5.2 and 512") == ["5.2"]


def test_a_regular_expression_matches_lines_with_caret_and_dollar():
    text = "Latest News\nThe talks ended.\nRead more\nLatest news from the front"
    assert found(Query(r"^(Latest News|Read more)$", regular_expression=True), text) == ["Latest News", "Read more"]
    assert found(Query(r"\d+", regular_expression=True), STORY) == ["40"]


def replaced(text: str, replacements: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in reversed(replacements):
        text = text[:start] + replacement + text[end:]
    return text


def test_a_replacement_uses_groups_in_a_regular_expression_and_is_literal_otherwise():
    text = "Power was cut to 200,000 homes and 1,500 shops."
    search = Search(Query(r"(\d+),(\d{3})", regular_expression=True))
    assert replaced(text, search.replace_all(text, r"\1\2")) == "Power was cut to 200000 homes and 1500 shops."
    plain = Search(Query("200,000")).replace_all(text, r"\1 two hundred thousand")
    assert plain == [(17, 24, r"\1 two hundred thousand")]


def test_replace_all_gives_each_match_with_its_replacement():
    replacements = Search(Query("us", whole_words=True)).replace_all(STORY, "U.S.")
    assert replacements == [
        (STORY.index("us coast"), STORY.index("us coast") + 2, "U.S."),
        (STORY.index("US official"), STORY.index("US official") + 2, "U.S."),
    ]
    assert replaced(STORY, replacements).count("U.S.") == 2
    assert Search(Query("nowhere")).replace_all(STORY, "x") == []


def test_one_replacement_only_for_a_match():
    search = Search(Query(r"(\w+) -backed", regular_expression=True))
    start = STORY.index("usa -backed")
    assert search.replacement(STORY, start, start + len("usa -backed"), r"\1-backed") == "usa-backed"
    assert search.replacement(STORY, start, start + 3, r"\1-backed") is None
    assert search.replacement(STORY, 0, 3, "x") is None


def test_patterns_re2_cannot_run_and_broken_replacements_are_refused_with_the_reason():
    with pytest.raises(PatternError, match="back-references"):
        Search(Query(r"(\w+) \1", regular_expression=True))
    with pytest.raises(PatternError, match="look-ahead"):
        Search(Query(r"US(?!A)", regular_expression=True))
    with pytest.raises(PatternError, match=r"missing \)$"):
        Search(Query("(unclosed", regular_expression=True))
    with pytest.raises(PatternError, match="group 2"):
        Search(Query(r"(US)", regular_expression=True)).replace_all(STORY, r"\2")
    # The same characters are plain text when the query is not a regular expression.
    assert found(Query("(unclosed"), "an (unclosed bracket") == ["(unclosed"]
    assert found(Query("a{5000}"), "a{5000}") == ["a{5000}"]


def test_a_match_of_nothing_is_not_counted():
    assert found(Query(r"x*", regular_expression=True), "axxb") == ["xx"]
    assert found(Query("^", regular_expression=True), "one\ntwo") == []


def test_counting_stops_at_the_limit_and_replace_all_refuses_too_many():
    text = "a" * (MAX_REPLACEMENTS + 1)
    assert len(Search(Query("a")).matches(text, limit=10)) == 10
    with pytest.raises(TooManyMatches, match="100,000"):
        Search(Query("a")).replace_all(text, "b")


@pytest.mark.parametrize("pattern", [r"(?:a|aa){1,60}b", r".*.*.*x", r"(a+)+b", r"(\w+\s?)+$"])
def test_a_pattern_that_backtracks_elsewhere_runs_in_linear_time(pattern):
    from tests.growth import grows_linearly

    search = Search(Query(pattern, regular_expression=True))
    linear, figures = grows_linearly(lambda text: search.matches(text), "a" * 50_000, "a" * 200_000)
    assert linear, figures
