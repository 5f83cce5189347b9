"""House styles load, extend and fail with errors that name the file, line and key."""

import re
import textwrap

import pytest

from editor.engine import Checker, StyleError, builtin_style, load_style
from editor.engine.patterns import PatternError, compile_user_pattern
from editor.rules import all_rules


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
        ('[[substitutions]]\npattern = "(?=x)a"\nreplace = "x"\nreason = "r"\n', 2, "substitutions[0].pattern", "look-ahead"),
        ("[[substitutions]]\npattern = '(a)b'\nreason = \"r\"\nreplace = '\\9'\n", 4, "substitutions[0].replace",
         "refers to group 9, but the pattern has 1"),
        ("[[substitutions]]\npattern = '(a)b'\nreplace = '\\g<nope>'\nreason = 'r'\n", 3, "substitutions[0].replace",
         "names a group the pattern does not have"),
        ("[[substitutions]]\npattern = 'ab'\nreplace = 'a\\q'\nreason = 'r'\n", 3, "substitutions[0].replace",
         "unknown escape \\q"),
        ("[[substitutions]]\npattern = 'ab'\nreplace = 'a\\'\nreason = 'r'\n", 3, "substitutions[0].replace",
         "lone backslash"),
        ("[[substitutions]]\npattern = 'a{4294967295}'\nreplace = 'a'\nreason = 'r'\n", 2, "substitutions[0].pattern",
         "repeat count {4294967295} is over 1,000"),
        ("[[substitutions]]\npattern = '(?<=ab*)c'\nreplace = 'a'\nreason = 'r'\n", 2, "substitutions[0].pattern",
         "look-behind"),
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


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"(a)\1", "back-references"),
        (r"(?=x)a", "look-ahead"),
        (r"a(?!x)", "look-ahead"),
        (r"(?<=ab*)c", "look-behind"),
        (r"(?<!x)y", "look-behind"),
        (r"(?>a+)b", "atomic"),
        (r"a{1001}", "over 1,000"),
        (r"a{2,4294967295}", "over 1,000"),
        (r"(?:\w{1,100}){1,100}!", "more than 1,000 in all"),
    ],
)
def test_patterns_re2_cannot_run_are_refused_with_the_reason(pattern, reason):
    with pytest.raises(PatternError, match=re.escape(reason)):
        compile_user_pattern(pattern)


def test_refusing_a_pattern_writes_nothing_to_standard_error(capfd):
    with pytest.raises(PatternError):
        compile_user_pattern(r"(?=x)a")
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize(
    "pattern",
    [r"\bcolou?r\b", r"[a-z]+ed\b", r"(?:ab){2,5}", r"\d+\s*percent", r"[{]x{2}", r"\pL+", r"[[:alpha:]]{3}"],
)
def test_ordinary_patterns_are_accepted(pattern):
    compile_user_pattern(pattern)


# Shapes that make a backtracking engine take minutes on a paragraph of a's.
BACKTRACKING = [r"(?:a|aa){1,60}b", r".*.*.*x", r"\w*\w*\w*\w*!", r"(?:a?){28}a{28}", r"(a+)+b", r"(x|xy)*z", r"(\w+\s?)+$"]


@pytest.mark.parametrize("pattern", BACKTRACKING)
def test_a_pattern_that_backtracks_elsewhere_checks_in_linear_time(tmp_path, pattern):
    from tests.growth import grows_linearly

    path = write_style(tmp_path, f"[[substitutions]]\npattern = '{pattern}'\nreplace = 'x'\nreason = 'r'\n")
    style, rules = load_style(path), tuple(rule for rule in all_rules() if rule.id == "house-substitution")
    # A new Checker each time: one that had seen the text would answer from its memo.
    linear, figures = grows_linearly(lambda text: Checker(style, rules).check(text), "a" * 50_000 + "!", "a" * 200_000 + "!")
    assert linear, figures


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


@pytest.mark.parametrize(
    ("pattern", "replace", "text", "fixed"),
    [
        (r"\b(\d+) pct\b", r"\1 percent", "up 4 pct", "4 percent"),
        (r"(?P<n>\d+) pct", r"\g<n> percent", "up 4 pct", "4 percent"),
        (r"cafe(s)?", r"café\1", "two cafe owners", "café"),
        (r"\bOK\b", r"«\g<0>»", "it is OK now", "«OK»"),
        (r"a\\b", r"a\\\\b", r"path a\b here", r"a\\b"),
    ],
)
def test_replacement_templates_fill_in_groups_and_keep_any_text(tmp_path, pattern, replace, text, fixed):
    from editor.engine.patterns import expand, read_template

    compiled = compile_user_pattern(pattern)
    match = next(compiled.finditer(text))
    assert expand(read_template(replace, compiled), match) == fixed


def test_a_pattern_that_is_not_case_sensitive_matches_any_case(tmp_path):
    path = write_style(
        tmp_path, "[[substitutions]]\npattern = 'e-mail'\nreplace = 'email'\nreason = 'r'\ncase_sensitive = false\n"
    )
    issues = Checker(load_style(path)).check("Send an E-mail today.")
    assert [(issue.start, issue.end, issue.replacements) for issue in issues] == [(8, 14, ("Email",))]


def test_a_style_of_its_own_without_variants_checks(tmp_path, capsys):
    from editor.cli import main

    path = write_style(tmp_path, '[style]\nname = "Bare"\n')
    issues = Checker(load_style(path)).check("He said the the talks failed.")
    assert [issue.rule for issue in issues] == ["repeated-word"]
    story = tmp_path / "story.txt"
    story.write_text("He said the the talks failed.\n", encoding="utf-8")
    assert main(["check", "--style", str(path), str(story)]) == 1
    assert "repeated-word" in capsys.readouterr().out


def test_a_style_that_turns_off_every_variant_group_checks(tmp_path):
    groups = "".join(f'[[variants]]\nid = "{group.id}"\nforms = ["a", "b"]\ndisabled = true\n\n' for group in builtin_style("ap").variants)
    path = write_style(tmp_path, '[style]\nextends = "ap"\n\n' + groups)
    assert load_style(path).variants == ()
    assert [issue.rule for issue in Checker(load_style(path)).check("USA and U.S. said the the.")] == ["repeated-word"]


def _load_in_a_process(path, timeout=60):
    """load_style in a child process, so that a style that hangs the loader fails the test instead of hanging it."""
    import subprocess
    import sys

    probe = "import sys; from editor.engine import load_style, StyleError\ntry:\n    load_style(sys.argv[1])\nexcept StyleError as error:\n    print(error)\n"
    result = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("base", ["/dev/zero", "fifo", "folder", "missing.toml"])
def test_extends_naming_what_is_no_style_file_is_refused_at_its_line(tmp_path, base):
    import os

    if base == "fifo":
        os.mkfifo(tmp_path / "fifo")
    (tmp_path / "folder").mkdir()
    path = write_style(tmp_path, f'[style]\nname = "Desk"\nextends = "{base}"\n')
    message = _load_in_a_process(path)
    assert message.startswith(f"{path}:3: style.extends: ")
    reason = {"/dev/zero": "not a regular file", "fifo": "not a regular file", "folder": "a directory"}
    assert reason.get(base, "No such file") in message


def test_an_extends_loop_through_two_files_is_refused_at_its_line(tmp_path):
    write_style(tmp_path, '[style]\nextends = "b.toml"\n', "a.toml")
    write_style(tmp_path, '[style]\nname = "B"\nextends = "a.toml"\n', "b.toml")
    with pytest.raises(StyleError, match="loop") as raised:
        load_style(tmp_path / "a.toml")
    assert (raised.value.source, raised.value.line) == (str(tmp_path / "b.toml"), 3)


def test_an_extends_chain_past_the_limit_is_refused_at_once(tmp_path):
    from editor.engine.style import MAX_EXTENDS

    for number in range(1_500):
        write_style(tmp_path, f'[style]\nextends = "{number + 1}.toml"\n', f"{number}.toml")
    with pytest.raises(StyleError, match=f"more than {MAX_EXTENDS} style files") as raised:
        load_style(tmp_path / "0.toml")
    assert raised.value.line == 2 and raised.value.key == "style.extends"


def test_a_style_file_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    import tomllib

    from editor.engine.style import MAX_STYLE_BYTES

    big = tmp_path / "big.toml"
    big.write_text("# a comment line of a style file far too large to be one\n" * (MAX_STYLE_BYTES // 50), encoding="utf-8")
    parse = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: pytest.fail("the file was parsed") if len(text) > MAX_STYLE_BYTES else parse(text))
    with pytest.raises(StyleError, match=r"too large for a style file \(291 KB; at most 256 KB\)"):
        load_style(big)
    base = write_style(tmp_path, '[style]\nextends = "big.toml"\n')
    with pytest.raises(StyleError, match="too large") as raised:
        load_style(base)
    assert (raised.value.source, raised.value.line) == (str(base), 2)


def test_a_disabled_substitution_may_keep_its_replace_and_reason(tmp_path):
    path = write_style(
        tmp_path,
        '[style]\nextends = "ap"\n\n[[substitutions]]\nfind = "can not"\nreplace = "cannot"\nreason = "r"\ndisabled = true\n',
    )
    assert "can not" not in {substitution.find for substitution in load_style(path).substitutions}
