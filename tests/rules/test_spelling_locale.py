"""Spelling locale: the other locale's spelling is flagged with the house one; names, addresses and one-way words are not."""

import re

import pytest

from editor.engine import load_style
from editor.engine.resources import word_list
from editor.engine.story import needed_pattern
from editor.engine.style import builtin_style
from editor.rules.spelling_locale import RULE

RULE_ID = "spelling-locale"

SPELLINGS = word_list("spelling-us-gb")


def test_an_ap_story_gets_american_spellings(ap_rule):
    text = "The defence ministry criticised the programme, and the centre's neighbours travelled to the theatre."
    assert ap_rule.flags(text) == [
        ("defence", ("defense",)),
        ("criticised", ("criticized",)),
        ("programme", ("program",)),
        ("centre", ("center",)),
        ("neighbours", ("neighbors",)),
        ("travelled", ("traveled",)),
        ("theatre", ("theater",)),
    ]


def test_a_british_story_gets_british_spellings(british_rule):
    text = "The defense ministry criticized the plan, and the center's neighbors traveled to the theater in gray jewelry."
    assert british_rule.fixed(text) == (
        "The defence ministry criticised the plan, and the centre's neighbours travelled to the theatre in grey jewellery."
    )


@pytest.mark.parametrize(
    ("text", "flagged", "fix"),
    [
        ("Defence officials met on Monday.", "Defence", "Defense"),
        ("It failed. Criticised by all, he quit.", "Criticised", "Criticized"),
        ('He said: "The plan failed." Colour photographs showed it.', "Colour", "Color"),
        ("Was it wise? Organisers said yes.", "Organisers", "Organizers"),
    ],
)
def test_a_capitalised_word_that_opens_a_sentence_is_flagged_in_its_case(ap_rule, text, flagged, fix):
    assert ap_rule.flags(text) == [(flagged, (fix,))]


@pytest.mark.parametrize(
    ("style", "text"),
    [
        ("ap", "The Ministry of Defence said the drill was routine."),
        ("ap", "He visited the Royal Opera House and the Barbican Centre."),
        ("ap", "Defence Secretary Ben Wallace arrived."),
        ("ap", "The U.S. Defence Intelligence report was leaked."),  # after "U.S." no sentence starts
        ("ap", "Labour Party members met. Centre Point is a tower."),
        ("british", "He served at the Department of Defense in Pearl Harbor."),
        ("british", "Survivors of the World Trade Center attack spoke."),
        ("british", "The Australian Labor Party won, and the Labor leader spoke."),
        ("british", "Organization of American States delegates met."),
        ("british", "Gen. Defense Minister Smith spoke."),
    ],
)
def test_names_keep_their_spelling(rule_under, style, text):
    assert rule_under(style).flags(text) == []


def test_a_word_in_a_hyphenated_compound_is_flagged(ap_rule):
    assert ap_rule.flags("He pleaded self-defence in a defence-related case.") == [
        ("defence", ("defense",)),
        ("defence", ("defense",)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Details are at www.defence.example.org and press@defence.example.org.",
        "See https://example.org/colour-chart for the list.",
        "The page example.org/defence/budget has it.",
        "THE DEFENCE REVIEW IS OUT",
        "The colour2 field and defence_budget variable.",
        "He ate at the caf\u00e9 Colourée.",
    ],
)
def test_addresses_capitals_and_code_are_left_alone(ap_rule, text):
    assert ap_rule.flags(text) == []


def test_one_way_words_are_flagged_only_where_the_other_spelling_is_never_right(ap_rule, british_rule):
    assert ap_rule.flags("The programme checks each tyre at the kerb of the storey.") == [
        ("programme", ("program",)),
        ("tyre", ("tire",)),
        ("kerb", ("curb",)),
        ("storey", ("story",)),
    ]
    british = "The computer program will check each tire at the curb; the story said a meter showed the license."
    assert british_rule.flags(british) == []
    assert ap_rule.flags("Both analyses agreed; a kidnapper ordered an omelette.") == []
    assert british_rule.flags("She analyzes it, then the kidnaper ate an omelet.") == [
        ("analyzes", ("analyses",)),
        ("kidnaper", ("kidnapper",)),
        ("omelet", ("omelette",)),
    ]


def test_a_word_pair_is_one_fix_all_group(ap_rule):
    text = "The defence budget. Defence cuts. The defences held. The centre."
    groups = [issue.group for issue in ap_rule.issues(text)]
    assert groups == ["spelling-locale:defence", "spelling-locale:defence", "spelling-locale:defences", "spelling-locale:centre"]


def test_the_style_spelling_exceptions_are_never_flagged(rule_under, tmp_path):
    path = tmp_path / "desk.toml"
    path.write_text('[style]\nextends = "ap"\n\n[words]\nspelling_exceptions = ["Defence"]\n', encoding="utf-8")
    assert rule_under(load_style(path)).flags("The defence ministry criticised it.") == [("criticised", ("criticized",))]


# ---------------------------------------------------------------- what the rule needs in a paragraph


@pytest.mark.parametrize("word", ["kerb", "Kerb", "\u212aerb"])
def test_a_listed_word_is_needed_in_every_case_it_is_flagged_in(word):
    # The Kelvin sign lowercases to "k": "\u212aerb" is flagged as "Kerb" is.
    style, text = builtin_style("ap"), f"{word} stones broke."
    assert any(True for _ in RULE.find(text, style))
    assert needed_pattern(RULE.needs, style).search(text)


def test_what_the_rule_needs_leaves_out_capitals_parts_of_words_and_the_style_exceptions(tmp_path):
    path = tmp_path / "desk.toml"
    path.write_text('[style]\nextends = "ap"\n\n[words]\nspelling_exceptions = ["Defence"]\n', encoding="utf-8")
    needs = needed_pattern(RULE.needs, load_style(path))
    assert needs.search("It criticised the plan.")
    for text in ("The defence ministry.", "THE CENTRE", "The centres2 and xcentre"):
        assert not needs.search(text), text


# ---------------------------------------------------------------- the word list


def test_the_list_has_hundreds_of_pairs_in_lowercase_letters():
    assert len(SPELLINGS["pairs"]) >= 500
    for table in ("pairs", "to_american", "to_british"):
        for word, other in SPELLINGS[table].items():
            assert re.fullmatch(r"[a-z]+", word) and re.fullmatch(r"[a-z]+", other), (table, word)
            assert word != other


@pytest.mark.parametrize("style", ["ap", "british"])
def test_no_house_spelling_is_also_flagged(style):
    foreign = builtin_style(style).foreign_spellings
    assert not set(foreign) & set(foreign.values())


def test_every_form_of_an_ize_verb_is_written_out():
    pairs = SPELLINGS["pairs"]
    for word in pairs:
        if word.endswith("ize"):
            for form in ("d", "s"):
                assert word + form in pairs, f"{word}{form} is missing"
            assert word[:-1] + "ing" in pairs, f"{word[:-1]}ing is missing"


def test_words_right_in_both_locales_are_not_two_way_pairs():
    both = {"program", "tire", "check", "story", "meter", "license", "practice", "curb", "draft", "inquiry",
            "disk", "judgment", "catalog", "analyses", "kidnapper", "omelette", "sulfur", "fetus", "rigor"}
    assert not both & set(SPELLINGS["pairs"]) and not both & set(SPELLINGS["pairs"].values())
