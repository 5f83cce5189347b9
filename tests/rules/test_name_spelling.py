"""A name spelled two ways: the majority form, ties, fix-all, and the two names that are not one."""

import pytest

from editor.engine.names import close_pairs, edit_distance, within_one_edit

RULE_ID = "name-spelling"


def test_the_misspelling_is_fixed_to_the_form_used_most(ap_rule):
    text = "Kenji Nakamura said he would resign. Nakamura's party lost. Critics said Nakamrua's plan failed."
    assert ap_rule.flags(text) == [("Nakamrua", ("Nakamura",))]
    assert ap_rule.fixed(text) == text.replace("Nakamrua", "Nakamura")


def test_a_tie_goes_to_the_first_full_reference():
    # "Trofimow" comes first, but "Sergei Trofimov" is the first full reference.
    from editor.engine import Checker, builtin_style
    from editor.rules import all_rules

    (rule,) = [rule for rule in all_rules() if rule.id == RULE_ID]
    checker = Checker(builtin_style("ap"), rules=(rule,))
    text = "Officials said Trofimow would come. Later Sergei Trofimov arrived in Moscow."
    (issue,) = checker.check(text)
    assert text[issue.start : issue.end] == "Trofimow" and issue.replacements == ("Trofimov",)


def test_every_misspelling_of_one_name_shares_a_group(ap_rule):
    text = (
        "Anne Pelletier spoke. Pelletier, 54, is an economist. Pelletier said so. "
        "Peletier added more. Aides said Pellettier would stay."
    )
    issues = ap_rule.issues(text)
    assert sorted(text[i.start : i.end] for i in issues) == ["Peletier", "Pellettier"]
    assert len({i.group for i in issues}) == 1


@pytest.mark.parametrize(
    "text",
    [
        # Different first names: two people.
        "Gordon Brown met James Browne. Brown said the talks went well. Brown left.",
        "President Reagan spoke. Reagan said so. Reagan left. Donald Regan stayed.",
        # Both used more than once: two names.
        "Smyth spoke. Smith spoke. Smyth left and Smith stayed.",
        # Known names: places, nationalities, months, first names, surnames with a twin.
        "Maurice Greene won bronze in Greece. Greene said he was disappointed. Greene left.",
        "Iran and Iraq fought. Iran said the war was over. Iran wants peace.",
        "Thompson said so. Thompson left. Thompson returned. Shares of Thomson rose.",
        "Linux founder Linus Torvalds spoke. Linux is free. Linux runs everywhere.",
        # Derived forms.
        "Germany said German exports rose. Germany expects more. Germany agreed.",
        "Kuwait said Kuwaiti tankers sailed. Kuwait asked for help. Kuwait agreed.",
        "The Minister said the Ministry agreed. The Minister left. The Minister stayed.",
        # A first letter changed, a short word's last letter changed.
        "Brown said so. Brown left. Brown stayed. The Crown prosecutor agreed.",
        "Shell said so. Shell rose. Shell fell. The North-West Shelf project grew.",
        # Case alone, or a capital only a sentence start gives on a lowercase word.
        "PaineWebber said so. PaineWebber rose. Painewebber fell.",
        "Seles won. Seles lost. Seles retired. Sales rose, and sales of tickets doubled.",
        # ALL CAPS.
        "NAKAMURA WINS\n\nNakamura won. Nakamura left.",
    ],
)
def test_two_names_are_not_merged(ap_rule, text):
    assert ap_rule.flags(text) == []


def test_a_misspelt_name_at_a_sentence_start_is_flagged(ap_rule):
    text = "Kenji Nakamura spoke. Aides said Nakamura would stay. Nakamrua said he would resign."
    assert ap_rule.flags(text) == [("Nakamrua", ("Nakamura",))]


def test_article_forms_of_a_place_are_one_name(ap_rule):
    text = "The strike hit al-Tanf. Troops near At Tanf were moved. The base at al-Tanf is small."
    assert ap_rule.flags(text) == [("At Tanf", ("al-Tanf",))]
    text = "Rebels held al-Tanf. Troops near al-Tanf left. The desert around Tanf is empty."
    assert ap_rule.flags(text) == [("Tanf", ("al-Tanf",))]


def test_an_article_form_keeps_a_sentence_start_capital(ap_rule):
    text = "Rebels held al-Tanf. Al-Tanf is small. Troops near al-Tanf left. Tanf fell."
    assert ap_rule.flags(text) == [("Tanf", ("Al-Tanf",))]


@pytest.mark.parametrize(
    "text",
    [
        "Bashar al-Assad spoke. Assad said the war would go on.",
        "Fighters of al-Qaeda fled. Al-Qaeda denied it.",
        "Al Gore spoke. Gore said the vote was close.",
        "He said it at Tanf. As Tanf fell, they left.",
    ],
)
def test_a_person_and_english_words_are_not_article_forms(ap_rule, text):
    assert ap_rule.flags(text) == []


def test_close_pairs_are_found_by_bucket_and_match_the_edit_distance():
    words = ["Trofimov", "Trofimow", "Pelletier", "Peletier", "Srichaphan", "Scrichapan", "Brown", "Crown", "Nakamura"]
    pairs = {(a, b) for a, b, _ in close_pairs(frozenset(words), long=8)}
    assert pairs == {("Trofimov", "Trofimow"), ("Peletier", "Pelletier"), ("Scrichapan", "Srichaphan"), ("Brown", "Crown")}
    assert edit_distance("Nakamura", "Nakamrua", 2) == 1
    assert within_one_edit("Nakamura", "Nakamrua") and not within_one_edit("Nakamura", "Namakura")


def test_a_place_with_an_article_that_takes_its_sound_needs_no_hyphenated_form(ap_rule):
    # "At Tanf" is never a first name, as "Al Gore" is: the bare "Tanf" is the same place.
    text = "Troops near Tanf were moved. The At Tanf base is small. Officials in At Tanf said."
    assert ap_rule.flags(text) == [("Tanf", ("At Tanf",))]
    assert ap_rule.flags("Al Gore spoke in Nashville. Gore said he would run.") == []
