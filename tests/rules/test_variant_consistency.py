"""Variant consistency: house form, majority, guards, positions and sentence ends."""

import pytest

from editor.engine import Checker, apply_fixes, builtin_style

AP = Checker(builtin_style("ap"))
BRITISH = Checker(builtin_style("british"))


def flagged(checker, text):
    return [(text[i.start : i.end], i.replacements[0]) for i in checker.check(text) if i.rule == "variant-consistency"]


@pytest.mark.parametrize(
    "text",
    [
        "He told us the plan.",
        "Please let us know by Friday.",
        "It is hard for us, she said.",
        "They gave it to us and left.",
        "All of us agreed.",
    ],
)
def test_lowercase_us_as_a_pronoun_is_never_flagged(text):
    assert flagged(AP, text + " U.S. troops stayed.") == []


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Officials said the us military struck.", "us"),
        ("The us-led coalition advanced.", "us"),
        ("A threat to us and usa-backed fighters.", "us"),
        ("Fighters backed by the usa withdrew.", "usa"),
    ],
)
def test_lowercase_us_in_country_position_is_flagged(text, form):
    assert (form, "U.S.") in flagged(AP, text)


def test_noun_united_states_is_accepted_but_not_as_a_modifier():
    text = "The United States has troops there. United States troops stayed."
    assert flagged(AP, text) == [("United States", "U.S.")]
    assert text.index("United States troops") == AP.check(text)[0].start


def test_a_form_that_ends_a_sentence_keeps_one_full_stop():
    assert flagged(AP, "The strike was carried out by the US. Officials agreed.") == [("US.", "U.S.")]
    assert flagged(BRITISH, "The strike was carried out by the U.S. Officials agreed.") == [("U.S.", "US.")]
    assert flagged(BRITISH, "The U.S. Navy said the drill was routine.") == [("U.S.", "US")]


def test_majority_decides_where_the_style_names_no_form_and_ties_go_to_the_first():
    assert flagged(AP, "ISIS fighters fled. IS lost ground. ISIS regrouped.") == [("IS", "ISIS")]
    assert flagged(AP, "IS fighters fled. ISIS lost ground.") == [("ISIS", "IS")]


def test_all_caps_text_is_not_the_islamic_state():
    assert flagged(AP, "THIS IS THE END. ISIS fighters fled.") == []


def test_inflections_and_capitals_are_kept_in_the_fix():
    assert flagged(AP, "Air strikes hit the town. An airstrike followed.") == [("Air strikes", "Airstrikes")]


def test_words_that_contain_a_form_are_not_matched():
    assert flagged(AP, "The USB drive and the USAID grant were found in Busan. U.S. aid followed.") == []


def test_british_style_prefers_its_own_forms():
    assert flagged(BRITISH, "U.S. officials said the cease-fire held.") == [("U.S.", "US"), ("cease-fire", "ceasefire")]


def test_fix_all_of_a_group_leaves_only_the_house_form():
    text = "USA officials said the us military and US-led forces struck. United States troops stayed in the USA."
    issues = [i for i in AP.check(text) if i.group == "variant:united-states"]
    assert len(issues) == 5 and len({i.group for i in issues}) == 1
    fixed = apply_fixes(text, [(i.start, i.end, i.replacements[0]) for i in issues])
    assert fixed == "U.S. officials said the U.S. military and U.S.-led forces struck. U.S. troops stayed in the U.S."
    assert flagged(AP, fixed) == []


@pytest.mark.parametrize(
    "text",
    [
        "USA Today reported that U.S. troops left.",
        "He won the US Open, and U.S. fans cheered.",
        "USA Gymnastics said U.S. athletes were safe.",
        "US Steel rose while U.S. shares fell.",
        "<US West Inc> said U.S. sales rose.",
        "Anthony Solomon, chairman of S.G. Warburg (USA) Inc, said U.S. rates would rise.",
        "Fans cheered Team USA, and U.S. officials did too.",
    ],
)
def test_a_form_inside_a_proper_name_is_left_alone(text):
    assert flagged(AP, text) == []


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("US President Joe Biden spoke.", "US"),
        ("The US Navy said the drill was routine.", "US"),
        ("On Monday US officials said so.", "US"),
        ("The UN Security Council met.", "UN"),
    ],
)
def test_a_form_before_an_institution_is_still_flagged(text, form):
    assert [original for original, _ in flagged(AP, text)] == [form]


@pytest.mark.parametrize(
    "text",
    [
        "He spoke as the United States made plans to protect the tankers.",
        "The key lies in the United States itself.",
        "The United States, NATO and the United Nations all called for calm.",
        "Its purchases from the United States include testing equipment.",
        "Japan had a surplus with the United States last year.",
    ],
)
def test_the_united_states_as_a_noun_is_accepted(text):
    assert flagged(AP, text) == []


def test_a_form_inside_a_quotation_is_the_speakers_unless_the_style_edits_it():
    assert flagged(AP, '"The USA will never accept it," he said.') == []
    assert flagged(AP, '"The United States troops will stay," he said.') == []
    assert flagged(AP, '"US troops will stay," he said.') == [("US", "U.S.")]
    assert flagged(BRITISH, '"U.S. troops will stay," he said, and the USA agreed.') == [("U.S.", "US"), ("USA", "US")]


def test_british_style_writes_healthcare():
    assert flagged(BRITISH, "Spending on healthcare rose.") == []
    assert flagged(BRITISH, "Spending on health care rose.") == [("health care", "healthcare")]
    assert flagged(AP, "Spending on healthcare rose.") == [("healthcare", "health care")]


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        # "States" before "usa" ends a form, not a name like "Team USA".
        ("United States usa", ["United States", "usa"]),
        # "United" after "US" starts a form, not a name like "US Open".
        ("US United States b", ["US", "United States"]),
    ],
)
def test_a_form_beside_another_form_is_not_taken_for_part_of_a_name(text, forms):
    # Fixing one must not make the other count: the group is fixed whole at once.
    assert flagged(AP, text) == [(form, "U.S.") for form in forms]
    fixed = apply_fixes(text, [(i.start, i.end, i.replacements[0]) for i in AP.check(text)])
    assert flagged(AP, fixed) == []
