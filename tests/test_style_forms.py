"""The house styles' ``[forms]``: how they write percentages, dates, numbers and titles."""

import pytest

from editor.engine import StyleError, builtin_style, load_style
from editor.engine.resources import word_list


def test_the_builtin_styles_choices():
    ap, british = builtin_style("ap").forms, builtin_style("british").forms
    assert (ap.percent, ap.wire_abbreviations, ap.date_order, ap.abbreviate_months) == ("percent", "accept", "month-day", True)
    assert (british.percent, british.percent_after_words, british.wire_abbreviations) == ("%", "per cent", "expand")
    assert (british.date_order, british.abbreviate_months) == ("day-month", False)
    assert ap.spell_out_below == british.spell_out_below == 10


def test_british_titles_add_to_ap_s():
    ap, british = builtin_style("ap").forms, builtin_style("british").forms
    assert ap.formal_titles < british.formal_titles
    assert "chief executive" not in british.formal_titles
    assert "former" in british.descriptive_before_title and "former" not in ap.descriptive_before_title


def test_the_percent_variant_group_is_gone_from_both_styles():
    # percent-form owns "percent / per cent"; a variant group would flag the same words twice.
    for name in ("ap", "british"):
        assert "percent" not in {group.id for group in builtin_style(name).variants}


def test_the_wire_abbreviations_are_one_list():
    assert word_list("wire-abbreviations")["expansions"]["pct"] == "percent"


@pytest.mark.parametrize(
    ("forms", "key", "problem"),
    [
        ('spell_out_below = "ten"', "forms.spell_out_below", "must be a whole number"),
        ("spell_out_below = true", "forms.spell_out_below", "must be a whole number"),
        ('percent = "per-cent"', "forms.percent", "must be one of"),
        ('date_order = "day month"', "forms.date_order", "must be one of"),
        ('wire_abbreviations = "keep"', "forms.wire_abbreviations", "must be one of"),
        ('formal_titles = "president"', "forms.formal_titles", "must be a list of strings"),
    ],
)
def test_a_wrong_forms_value_is_named_with_its_line(tmp_path, forms, key, problem):
    path = tmp_path / "house.toml"
    path.write_text(f'[style]\nextends = "ap"\n\n[forms]\n{forms}\n', encoding="utf-8")
    with pytest.raises(StyleError, match=rf"house.toml:5: {key}: {problem}"):
        load_style(path)
