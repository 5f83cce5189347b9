"""What LanguageTool adds on real copy under each built-in style, from its recorded answers (needs ``shared/``)."""

import pytest

from tests.corpus.languagetool_noise import corpus_languagetool_issues
from tests.corpus.noise import per_thousand_words

STORIES, RESULTS = corpus_languagetool_issues()
pytestmark = pytest.mark.skipif(not STORIES, reason="the corpus or LanguageTool's answers on it are not beside this checkout")

# The README's target: LanguageTool's flags per 1,000 words of published copy, after the merge.
MOST_PER_THOUSAND_WORDS = 1.0


def flagged(rule):
    return [(story.name, story.text[i.start : i.end]) for story, issues in RESULTS for i in issues if i.rule == rule]


def test_languagetool_adds_at_most_one_flag_per_1000_words_under_each_style():
    rates = per_thousand_words(RESULTS)
    assert set(rates) == {"reuters21578", "bbc"}
    for source, by_rule in rates.items():
        assert by_rule["all"] <= MOST_PER_THOUSAND_WORDS, (source, sorted(by_rule.items(), key=lambda item: -item[1])[:8])


def test_no_spelling_from_languagetool_and_no_ise_flagged_under_the_british_style():
    rules = {issue.rule for _, issues in RESULTS for issue in issues}
    assert not {rule for rule in rules if "MORFOLOGIK" in rule}
    assert "lt:OXFORD_SPELLING_Z_NOT_S" not in rules  # 69 times with every rule on


def test_the_wires_units_and_numbers_are_the_styles_to_decide():
    # "420 mln dlrs", "51 pct", "$7.5m", "35mm": 325 and 92 flags with every rule on.
    assert flagged("lt:CD_NN") == [] and flagged("lt:UNIT_SPACE") == []


@pytest.mark.parametrize(
    ("rule", "story", "words"),
    [
        ("lt:COMP_THAN", "dev254.txt", "then"),  # "would be less then those"
        ("lt:EN_A_VS_AN", "dev045.txt", "an"),  # "as part of an strategy"
        ("lt:DT_DT", "dev082.txt", "a the"),  # "they argued in a the study"
        ("lt:AFFECT_EFFECT", "dev017.txt", "effect"),  # "it would effect all transactions"
        ("lt:FEWER_LESS", "dev244.txt", "less"),  # "and less users for AOL"
        ("lt:TO_NON_BASE", "dev086.txt", "extended"),  # "ordered Dixons to extended"
        ("lt:DID_BASEFORM", "dev325.txt", "vetoed"),  # "it will vetoed out of hand": a missing word
        ("lt:HAVE_PART_AGREEMENT", "dev039.txt", "ran"),  # "I should have ran faster"
    ],
)
def test_real_mistakes_in_the_published_copy_are_still_flagged(rule, story, words):
    assert (story, words) in flagged(rule)
