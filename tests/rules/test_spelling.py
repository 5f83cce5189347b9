"""The spelling rule: typos with the right first fix; names, wire abbreviations, house and user words left alone."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from editor.engine import Checker, apply_fixes, builtin_style, load_style
from editor.engine.dictionary import KeptAnswers
from editor.engine.ignores import Ignores
from editor.rules.spelling import RULE


def spelling(text, style="ap"):
    style = builtin_style(style) if isinstance(style, str) else style
    return Checker(style, rules=(RULE,)).check(text)


def fixed(text, style="ap"):
    """The text with each spelling issue's first fix applied."""
    return apply_fixes(text, [(issue.start, issue.end, issue.replacements[0]) for issue in spelling(text, style)])


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("The goverment said it would act.", "The government said it would act."),
        ("Officials expect to recieve the report.", "Officials expect to receive the report."),
        ("He said teh talks failed.", "He said the talks failed."),
        ("The stock markte fell.", "The stock market fell."),
        ("The commmittee met.", "The committee met."),
        ("Prices rose in Februray.", "Prices rose in February."),
        ("Talks resume on Mondy, officials said.", "Talks resume on Monday, officials said."),
        ("Goverment officials said it would act.", "Government officials said it would act."),
        ("Ministers met in Toyko on Friday.", "Ministers met in Tokyo on Friday."),
        ("OIL PRICES FALL ON GOVERMENT REPORT", "OIL PRICES FALL ON GOVERNMENT REPORT"),
        # The story's own words decide between two equally likely slips.
        ("The company said profit rose. The chairman sid sales fell.", "The company said profit rose. The chairman said sales fell."),
        # Run together and split.
        ("He said inthe end it would work.", "He said in the end it would work."),
        ("The minister camefrom Paris.", "The minister came from Paris."),
        ("The stock exch ange closed early.", "The stock exchange closed early."),
        ("The gover nment fell.", "The government fell."),
        # A wire abbreviation damaged is put back as the abbreviation.
        ("It earned 420 mln dlrrs last year.", "It earned 420 mln dlrs last year."),
    ],
)
def test_typos_are_flagged_with_the_right_first_fix(text, right):
    assert spelling(text), text
    assert fixed(text) == right


def test_british_style_spells_british():
    assert not spelling("The colour of the organisation's centre was grey.", "british")
    assert fixed("The organisaton met.", "british") == "The organisation met."


@pytest.mark.parametrize(
    "text",
    [
        "Szczesny said Hiroshige and Nakasone would meet in Tokyo.",
        "Abu Bakr al-Baghdadi and Lord Tebbit spoke; Martin Corry and Lee Childs played at Stade de France.",
        "Bakr said on Monday that Bakr would stay.",  # a name the story uses twice is a name
        "Officials at the IAAF and FERC said so.",  # capitals in running text: abbreviations
        "FRANCE TO SELL STAKE IN SOCIETE GENERALE UNIT",
        "Shihab-Eldin of Dai-ichi met Chang Chi-cheng.",
        "McDonald's and iPhone sales rose.",
        "The Kennedy Center said so.",  # American names in a British story are checked in the next test
    ],
)
def test_names_are_presumed(text):
    assert not spelling(text)


def test_the_other_locales_names_are_names():
    assert not spelling("The Kennedy Center and the World Trade Center were named.", "british")


def test_a_name_spelled_two_ways_is_left_to_the_name_rule():
    text = "Gorbachev met Reagan. Gorbachov then flew home. Gorbachev's aides said so."
    assert not spelling(text)


def test_a_capitalised_words_fix_is_never_part_of_fix_all():
    [issue] = spelling("Goverment officials met.")
    assert issue.group is None
    [lower] = spelling("The goverment met.")
    assert lower.group == "spelling:goverment"


@pytest.mark.parametrize(
    "text",
    [
        "The company earned 420 mln dlrs, up 12 pct, on output of 500,000 bpd; shr profit rose.",
        "Shares of <TWA.N> and <Allegheny Intl Inc> rose 5 pct to 20 dlrs in mths of trading.",
        "Details are at www.example.org, press@example.org and #vote2024.",
        "US carmaking rose, and the noteholders met.",  # closed compounds news copy coins
        "Osama bin Laden spoke; pre-tax profit and the sell-offs fell, and the hodge-podge grew.",
        "The ministry said the crudes and bourses were steady, etc.",
    ],
)
def test_wire_copy_is_not_flagged(text):
    assert not spelling(text)


def test_a_style_that_writes_abbreviations_out_flags_them(tmp_path):
    path = tmp_path / "out.toml"
    path.write_text('[style]\nextends = "ap"\n[forms]\nwire_abbreviations = "expand"\n', encoding="utf-8")
    style = load_style(path)
    assert fixed("It earned 420 mln dlrs, up 5 pct.", style) == "It earned 420 million dollars, up 5 pct."
    assert fixed("It earned 420 mln dlrs, up 5 pct.", "british") == "It earned 420 million dollars, up 5 pct."


def test_a_capitalised_abbreviation_is_written_out_in_its_case():
    # A capitalised word waits for its fixes as a name's would; an abbreviation's is the word written out.
    assert fixed("The firm earned 5 Mln dlrs, Mln said.", "british") == "The firm earned 5 Million dollars, Million said."
    assert fixed("OUTPUT 5 MLN DLRS", "british") == "OUTPUT 5 MILLION DOLLARS"


def test_house_words_are_words(tmp_path):
    path = tmp_path / "house.toml"
    path.write_text('[style]\nextends = "ap"\n[words]\nhouse_words = ["rebanding"]\n', encoding="utf-8")
    text = "The rebanding of council taxes."
    assert spelling(text)
    assert not spelling(text, load_style(path))


def test_user_words_are_words():
    text = "The rebanding of council taxes."
    issues = spelling(text)
    assert [text[issue.start : issue.end] for issue in issues] == ["rebanding"]
    assert Ignores(dictionary={"rebanding"}).visible(issues, text) == []


def test_dictionary_missing_leaves_the_other_checks_and_says_why(monkeypatch, tmp_path, capsys):
    from editor import cli
    from editor.engine import dictionary

    missing = dictionary.DictionaryUnavailable("no Hunspell dictionary for en-US; install hunspell-en-us")
    monkeypatch.setattr(dictionary, "_loaded", lambda locale: missing)
    path = tmp_path / "story.txt"
    path.write_text("The goverment said the the talks failed.\n", encoding="utf-8")
    monkeypatch.setattr("editor.engine.style.builtin_style", lambda name: load_style(name))
    status = cli.main(["check", str(path)])
    out, err = capsys.readouterr()
    assert status == 1
    assert "repeated-word" in out and "spelling" not in out
    assert "spelling not checked: no Hunspell dictionary for en-US; install hunspell-en-us" in err


def test_a_story_with_typos_is_flagged_without_java_or_languagetool(tmp_path, data_home):
    assert data_home == tmp_path / "data"
    story = tmp_path / "story.txt"
    story.write_text(
        "MINISTERS MEET\n\nThe goverment said on Mondy that talks on rebanding would resume inthe spring.\n",
        encoding="utf-8",
    )
    bare = tmp_path / "bin"
    bare.mkdir()
    env = {**os.environ, "PATH": str(bare)}
    assert shutil.which("java", path=env["PATH"]) is None
    # The window's "Add to dictionary" wrote this word; the command line reads the same file.
    user_words = tmp_path / "data" / "Copydesk" / "Copydesk" / "dictionary.txt"
    user_words.parent.mkdir(parents=True)
    user_words.write_text("rebanding\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "editor", "check", "--format", "json", str(story)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    issues = json.loads(result.stdout)["files"][0]["issues"]
    assert [(issue["rule"], issue["replacements"][0]) for issue in issues] == [
        ("spelling", "government"),
        ("spelling", "Monday"),
        ("spelling", "in the"),
    ]
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ("The defence ministry met.", "ap"),  # spelling-locale
        ("The usa said so.", "ap"),  # variant-consistency
        ("Talks end on february 17.", "ap"),  # date-form
        ("Prices rose 5 pct.", "british"),  # percent-form, though the style writes the others out
    ],
)
def test_a_word_another_rule_flags_is_left_to_it(text, style):
    assert not spelling(text, style)


def test_a_vulgar_word_is_never_offered_as_a_fix():
    # "sas" is one slip from "ass"; a click must never put that into a story.
    [issue] = spelling("Industrial products sas gained 18 pct.")
    assert issue.replacements and not {"ass", "Ass"} & set(issue.replacements)


def test_kept_answers_are_all_forgotten_when_the_limit_is_reached():
    kept = KeptAnswers(2)
    assert kept.keep("a", 1) == 1 and kept.keep("b", None) is None
    assert kept == {"a": 1, "b": None}
    kept.keep("c", 3)
    assert kept == {"c": 3}
