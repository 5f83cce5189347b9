"""House styles load, extend and fail with errors that name the file, line and key."""

import textwrap

import pytest

from editor.engine import Checker, StyleError, builtin_style, load_style
from editor.engine.patterns import PatternError, compile_style_pattern


def write_style(tmp_path, text, name="house.toml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_builtin_styles_load():
    ap = builtin_style("ap")
    british = builtin_style("british")
    assert (ap.locale, ap.quote_punctuation) == ("en-US", "inside")
    assert (british.locale, british.quote_punctuation) == ("en-GB", "logical")
    preferred = {style.name: {g.id: g.preferred for g in style.variants} for style in (ap, british)}
    assert preferred["AP"]["united-states"] == "U.S."
    assert preferred["British"]["united-states"] == "US"


def test_british_drops_what_it_disables_and_keeps_the_rest():
    british = builtin_style("british")
    assert "okay" not in {group.id for group in british.variants}
    assert "airstrike" in {group.id for group in british.variants}
    finds = {sub.find for sub in british.substitutions}
    assert "towards" not in finds and "can not" in finds


def test_user_style_extends_and_overrides(tmp_path):
    path = write_style(
        tmp_path,
        """
        [style]
        name = "Courier"
        extends = "ap"

        [[variants]]
        id = "airstrike"
        forms = ["air strike", "airstrike"]
        preferred = "air strike"
        case_sensitive = false
        inflections = ["s"]

        [[substitutions]]
        find = "in order to"
        replace = "to"
        reason = "Shorter."
        """,
    )
    style = load_style(path)
    assert style.name == "Courier"
    groups = {group.id: group for group in style.variants}
    assert groups["airstrike"].preferred == "air strike"
    assert "united-states" in groups
    issues = Checker(style).check("We will do it in order to win.")
    assert [(i.rule, i.replacements) for i in issues] == [("house-substitution", ("to",))]


def test_user_style_extends_a_file_next_to_it(tmp_path):
    write_style(tmp_path, '[style]\nextends = "british"\nname = "Base"\n', "base.toml")
    path = write_style(tmp_path, '[style]\nextends = "base.toml"\nname = "Desk"\n')
    style = load_style(path)
    assert style.name == "Desk" and style.locale == "en-GB"


@pytest.mark.parametrize(
    ("text", "line", "key", "problem"),
    [
        ('[style]\nname = "X"\nlocale = "en-AU"\n', 3, "style.locale", "must be one of"),
        ('[style]\nname = "X"\n\ncolour = "red"\n', 4, "style.colour", "unknown key"),
        ('[style]\nquote_punctuation = 3\n', 2, "style.quote_punctuation", "must be a string"),
        ('[[variants]]\nid = "a"\nforms = ["x", "y"]\n\n[[variants]]\nid = "b"\nforms = ["p", "q"]\npreferred = "r"\n', 8, "variants[1].preferred", "not one of"),
        ('[[substitutions]]\nfind = "a b"\nreason = "r"\n', 1, "substitutions[0]", "missing required key 'replace'"),
        ('[[substitutions]]\npattern = "(a+)+b"\nreplace = "x"\nreason = "r"\n', 2, "substitutions[0].pattern", "hang"),
        ('[style]\ndisabled_rules = ["no-such-rule"]\n', 2, "style.disabled_rules", "unknown rule"),
        ('[stlye]\nname = "X"\n', 1, "stlye", "unknown section"),
        ('[style]\nname = "X\n', 2, None, "line 2"),
        ('[languagetool]\ndisabled_rules = ["EN_QUOTES"]\n', 2, "languagetool.disabled_rules", "the reason"),
        ('[languagetool]\nlanguage = "en-US"\n\n[languagetool.disabled_categories]\nSTYLE = " "\n', 4,
         "languagetool.disabled_categories", "non-empty"),
    ],
)
def test_malformed_style_names_file_line_and_key(tmp_path, text, line, key, problem):
    path = write_style(tmp_path, text)
    with pytest.raises(StyleError) as raised:
        load_style(path)
    error = raised.value
    assert error.source == str(path)
    assert error.line == line
    assert error.key == key
    assert problem in str(error)
    assert str(error).startswith(f"{path}:{line}")


def test_missing_style_is_an_error_that_lists_the_builtin_ones():
    with pytest.raises(StyleError, match="ap, british"):
        load_style("chicago")


def test_style_extending_itself_is_refused(tmp_path):
    path = write_style(tmp_path, '[style]\nextends = "house.toml"\n')
    with pytest.raises(StyleError, match="loop"):
        load_style(path)


@pytest.mark.parametrize("pattern", [r"(a+)+b", r"(x|xy)*z", r"(\w+\s?)+$", r"(a)\1"])
def test_patterns_that_could_hang_are_refused(pattern):
    with pytest.raises(PatternError):
        compile_style_pattern(pattern)


@pytest.mark.parametrize("pattern", [r"\bcolou?r\b", r"[a-z]+ed\b", r"(?:ab){2,5}", r"\d+\s*percent"])
def test_ordinary_patterns_are_accepted(pattern):
    compile_style_pattern(pattern)


def test_pattern_substitution_from_a_style_file(tmp_path):
    path = write_style(
        tmp_path,
        """
        [style]
        extends = "ap"
        [[substitutions]]
        pattern = '\\b(\\d+) pct\\b'
        replace = '\\1 percent'
        reason = "Spell out percent."
        """,
    )
    issues = Checker(load_style(path)).check("Prices rose 4 pct in May.")
    assert [(i.start, i.end, i.replacements) for i in issues] == [(12, 17, ("4 percent",))]


def test_every_key_a_style_file_takes_is_documented_in_the_readme():
    from pathlib import Path

    from editor.engine.style import _ARRAYS, _TABLES, _schema

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    house_styles = readme[readme.index("## House styles") :]
    house_styles = house_styles[: house_styles.index("\n## ", 3)]
    for name, section in {**_TABLES, **_ARRAYS}.items():
        for key in _schema(section):
            assert f"`{key}`" in house_styles, f"README does not document {name}.{key}"


def test_a_key_is_read_as_the_type_of_its_field(tmp_path):
    path = write_style(tmp_path, '[style]\nextends = "ap"\n[words]\nscrape_lines = ["A", "B"]\n')
    style = load_style(path)
    assert isinstance(style.spelling_exceptions, frozenset)
    assert style.scrape_lines[-2:] == ("A", "B")
    with pytest.raises(StyleError, match=r"house.toml:4: words.scrape_lines: must be a list of strings"):
        load_style(write_style(tmp_path, '[style]\nextends = "ap"\n[words]\nscrape_lines = "A"\n'))


def test_each_languagetool_rule_a_style_turns_off_comes_with_its_reason(tmp_path):
    path = write_style(
        tmp_path,
        """
        [style]
        extends = "british"

        [languagetool.disabled_rules]
        HE_VERB_AGR = "Our sports desk writes headlines without verbs."
        EN_QUOTES = "Our own reason."
        """,
    )
    languagetool = load_style(path).languagetool
    assert languagetool.language == "en-GB"
    assert languagetool.disabled_rules["HE_VERB_AGR"] == "Our sports desk writes headlines without verbs."
    assert languagetool.disabled_rules["EN_QUOTES"] == "Our own reason."  # the later file's reason
    assert "CD_NN" in languagetool.disabled_rules  # from ap, through british
    assert "BRE_STYLE_OXFORD_SPELLING" in languagetool.disabled_categories  # from british
    assert languagetool == load_style(path).languagetool and hash(languagetool) == hash(load_style(path).languagetool)
    assert languagetool != builtin_style("british").languagetool


# LanguageTool's rules for what a desk must catch: confusables (their/there, than/then, a/an),
# agreement, missing and doubled words; and the categories that hold the rest of them.
DESK_RULES = {"THEIR_IS", "COMP_THAN", "EN_A_VS_AN", "HE_VERB_AGR", "DT_DT", "TO_NON_BASE", "DID_BASEFORM", "FEWER_LESS"}
DESK_CATEGORIES = {"GRAMMAR", "CONFUSED_WORDS", "TYPOS", "MISC", "COLLOCATIONS"}


@pytest.mark.parametrize("name", ["ap", "british"])
def test_the_builtin_styles_leave_a_desks_grammar_to_languagetool(name):
    languagetool = builtin_style(name).languagetool
    assert not DESK_RULES & set(languagetool.disabled_rules)
    assert not DESK_CATEGORIES & set(languagetool.disabled_categories)
    assert all(reason.strip() for reason in {**languagetool.disabled_rules, **languagetool.disabled_categories}.values())
