"""``copydesk check --grammar``: LanguageTool's issues merged into the command's output."""

import json

from editor.cli import main
from tests.fixtures.languagetool import needs_recordings
from tests.grammar.recorded_languagetool import recorded_text

pytestmark = needs_recordings


def run(capsys, *args):
    status = main(["check", *args])
    out, err = capsys.readouterr()
    return status, out, err


def story(tmp_path, text, name="story.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_grammar_issues_join_the_builtin_ones_once_each(capsys, tmp_path, languagetool):
    path = story(tmp_path, recorded_text("grammar-sample.txt"))
    status, out, err = run(capsys, "--format", "json", "--languagetool-url", languagetool.url, path)
    assert status == 1 and err == ""
    issues = json.loads(out)["files"][0]["issues"]
    rules = [issue["rule"] for issue in issues]
    # "the the": repeated-word and LanguageTool's DT_DT flag the same span; one is shown.
    assert rules.count("repeated-word") == 1 and "lt:DT_DT" not in rules
    assert {"lt:THEIR_IS", "lt:HE_VERB_AGR", "lt:EN_A_VS_AN"} <= set(rules)
    assert [request["form"]["language"] for request in languagetool.checks] == ["en-US"]


def test_the_text_output_names_languagetool_rules(capsys, tmp_path, languagetool):
    text = recorded_text("unicode-offsets.txt")
    path = story(tmp_path, text)
    status, out, _ = run(capsys, "--languagetool-url", languagetool.url, path)
    assert status == 1
    column = text.index(" he go ") + len(" he ") + 1  # in code points, after the emoji and the flag
    assert f"{path}:1:{column}: lt:HE_VERB_AGR:" in out


def test_without_grammar_languagetool_is_not_asked(capsys, tmp_path, languagetool):
    run(capsys, story(tmp_path, recorded_text("grammar-sample.txt")))
    assert languagetool.requests == []


def test_languagetool_unavailable_still_prints_the_builtin_issues_and_exits_2(capsys, tmp_path):
    path = story(tmp_path, "The minister said the the talks would resume.\n")
    status, out, err = run(capsys, "--languagetool-url", "http://127.0.0.1:9", path)
    assert status == 2
    assert "repeated-word" in out
    assert err.count("grammar not checked") == 1
    assert "connection refused" in err


def test_grammar_with_no_languagetool_installed_says_so(capsys, tmp_path, fake_java):
    status, out, err = run(capsys, "--grammar", story(tmp_path, "A clean story.\n"))
    assert status == 2
    assert "LanguageTool is not installed" in err


def test_languagetool_never_spells_on_the_command_line(capsys, tmp_path, languagetool):
    # "tomorow" is left to Copydesk's own spelling, with or without LanguageTool.
    path = story(tmp_path, recorded_text("grammar-sample.txt"))
    status, out, err = run(capsys, "--languagetool-url", languagetool.url, path)
    assert status == 1 and err == ""
    assert "lt:THEIR_IS" in out and "lt:MORFOLOGIK" not in out
    assert "MORFOLOGIK_RULE_EN_US" in languagetool.checks[0]["form"]["disabledRules"].split(",")


def test_an_unreadable_dictionary_is_named_and_checking_goes_on(capsys, tmp_path):
    from editor.userdata import dictionary_path

    dictionary_path().parent.mkdir(parents=True)
    dictionary_path().write_bytes(b"word\x00\n")
    status, out, err = run(capsys, story(tmp_path, "The minister said the the talks would resume.\n"))
    assert status == 1 and "repeated-word" in out
    assert f"dictionary not used: {dictionary_path()}: looks like a binary file (a NUL byte on line 1)" in err
