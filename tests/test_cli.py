"""``copydesk check``: output formats, exit status and bad input."""

import json
import os
import subprocess
import sys

import pytest

from editor.cli import main
from editor.engine.resources import resource

DOUBLED = "The minister said the the talks would resume.\n"
CLEAN = "The minister said the talks would resume.\n"


@pytest.fixture
def story(tmp_path):
    def write(text, name="story.txt", encoding="utf-8"):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
        return str(path)

    return write


def run(capsys, *args):
    status = main(["check", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_clean_story_exits_0_and_prints_nothing(capsys, story):
    assert run(capsys, story(CLEAN)) == (0, "", "")


def test_text_output_is_one_line_per_issue(capsys, story):
    path = story("Headline\r\n\r\nThe minister said the the talks would resume.\r\n")
    status, out, _ = run(capsys, path)
    assert status == 1
    assert out == f"{path}:3:19: repeated-word: {_message(path)} [fix: the]\n"


def _message(path):
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    from editor.engine import check

    return check(text)[0].message


def test_json_output_has_exactly_the_documented_shape(capsys, story):
    text = "Headline\r\n\r\nThe minister said the the talks would resume.\r\n"
    path = story(text)
    status, out, _ = run(capsys, "--format", "json", path)
    assert status == 1
    data = json.loads(out)
    assert list(data) == ["files"]
    [entry] = data["files"]
    assert list(entry) == ["path", "issues"] and entry["path"] == path
    [issue] = entry["issues"]
    assert list(issue) == [
        "rule", "category", "severity", "start", "end", "line", "column", "message", "replacements", "group",
    ]
    assert text[issue["start"] : issue["end"]] == "the the"
    assert (issue["line"], issue["column"]) == (3, 19)
    assert issue["replacements"] == ["the"]


def test_offsets_count_code_points_after_emoji(capsys, story):
    path = story("🇺🇸 📰 Officials said the the talks failed.\n")
    _, out, _ = run(capsys, "--format", "json", path)
    issue = json.loads(out)["files"][0]["issues"][0]
    text = "🇺🇸 📰 Officials said the the talks failed.\n"
    assert text[issue["start"] : issue["end"]] == "the the"


def test_standard_input(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DOUBLED.encode())))
    status, out, _ = run(capsys, "-")
    assert status == 1 and out.startswith("<stdin>:1:")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"Caf\x81 owners\x02 said prices rose.", "neither UTF-8 nor Windows-1252"),
        # Plain ASCII, no NUL: known by how it starts, as the window knows it.
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", "binary file (a PDF document)"),
    ],
)
def test_bad_file_is_named_and_the_others_are_still_checked(capsys, story, content, reason):
    bad = story(content, "bad.bin")
    good = story(DOUBLED, "good.txt")
    status, out, err = run(capsys, bad, good)
    assert status == 2
    assert f"{bad}:" in err and reason in err
    assert out.startswith(f"{good}:1:")


def test_missing_file_and_directory(capsys, story, tmp_path):
    status, _, err = run(capsys, str(tmp_path / "gone.txt"), str(tmp_path))
    assert status == 2
    assert "gone.txt: no such file" in err
    assert "is a directory" in err


def test_bad_json_files_are_left_out_of_the_json(capsys, story):
    bad = story(b"\x00\x01", "bad.bin")
    status, out, err = run(capsys, "--format", "json", bad, story(CLEAN))
    assert status == 2 and "bad.bin" in err
    assert [entry["issues"] for entry in json.loads(out)["files"]] == [[]]


def test_windows_1252_story_is_read(capsys, story):
    path = story("Café owners said the the prices rose.\n", encoding="windows-1252")
    _, out, _ = run(capsys, "--format", "json", path)
    [issue] = json.loads(out)["files"][0]["issues"]
    assert (issue["start"], issue["end"]) == (17, 24)


def test_utf8_bom_is_not_part_of_the_text(capsys, story):
    path = story(b"\xef\xbb\xbf" + DOUBLED.encode())
    _, out, _ = run(capsys, "--format", "json", path)
    issue = json.loads(out)["files"][0]["issues"][0]
    assert DOUBLED[issue["start"] : issue["end"]] == "the the"


def test_unknown_style_is_a_usage_error(capsys, story):
    status, out, err = run(capsys, "--style", "chicago", story(DOUBLED))
    assert status == 2 and out == "" and "chicago" in err


def test_malformed_style_file_is_reported_with_its_line(capsys, story, tmp_path):
    style = tmp_path / "desk.toml"
    style.write_text('[style]\nlocale = "en-XX"\n')
    status, _, err = run(capsys, "--style", str(style), story(DOUBLED))
    assert status == 2 and f"{style}:2: style.locale" in err


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["check"])
    assert raised.value.code == 2


def test_check_imports_neither_qt_nor_languagetool(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(DOUBLED)
    probe = (
        "import sys; from editor.cli import main; status = main(['check', sys.argv[1]]);"
        "heavy = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'language_tool_python'))];"
        "print(heavy, file=sys.stderr); sys.exit(status)"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip().endswith("[]")


def test_bundled_sample_story_is_flagged(capsys):
    status, out, _ = run(capsys, str(resource("samples", "wire-story.txt")))
    assert status == 1 and "repeated-word" in out


def test_window_without_a_display_says_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "editor"], capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert result.stderr == (
        "copydesk: no display found; to check a story from the command line use: copydesk check FILE\n"
    )


def test_a_file_of_many_stories_over_the_window_limit_is_checked(capsys, story):
    from editor.engine.textfile import MAX_STORY_BYTES

    many = DOUBLED * (MAX_STORY_BYTES // len(DOUBLED) + 100)
    status, out, err = run(capsys, story(many))
    assert status == 1 and err == ""
    assert out.count("repeated-word") == many.count("the the")


def test_a_rule_that_raises_is_named_on_stderr_the_others_still_print_and_the_exit_is_2(
    capsys, story, break_rule, failure_log
):
    break_rule("repeated-word")
    path = story("The USA delegation said the the talks ended. U.S. officials agreed. The U.S. left.\n")
    status, out, err = run(capsys, path)
    assert status == 2
    assert err == f"copydesk: {path}: rule repeated-word failed: ValueError: broken on purpose\n"
    assert "variant-consistency" in out and "repeated-word" not in out
    assert "repeated-word" in failure_log.read_text(encoding="utf-8")


QUOTED = "He said “the the”, café 😀.\n"


def _check_process(*args, encoding):
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    return subprocess.run([sys.executable, "-m", "editor", "check", *args], capture_output=True, env=env)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_output_in_an_encoding_without_the_characters_is_escaped_not_a_crash(story, encoding):
    path = story(QUOTED)
    result = _check_process(path, encoding=encoding)
    assert result.returncode == 1, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"\\u201cthe\\u201d is repeated" in result.stdout
    result = _check_process("--format", "json", path, encoding=encoding)
    assert result.returncode == 1, result.stderr
    (issue, _) = json.loads(result.stdout.decode(encoding))["files"][0]["issues"]
    assert issue["message"] == "“the” is repeated"


def test_a_file_name_that_is_not_valid_utf8_is_escaped_in_the_output(tmp_path):
    raw = os.fsencode(tmp_path) + b"/story-\xff.txt"
    with open(raw, "wb") as handle:
        handle.write(DOUBLED.encode())
    result = subprocess.run(
        [sys.executable, "-m", "editor", "check", os.fsdecode(raw)], capture_output=True, env=os.environ.copy()
    )
    assert result.returncode == 1, result.stderr
    assert b"story-\\udcff.txt:1:" in result.stdout


def _display_nobody_serves() -> str:
    """A display number with no X server: no socket for it, in the file system or the abstract namespace."""
    with open("/proc/net/unix", encoding="utf-8") as sockets:
        listening = sockets.read()
    for number in range(4093, 5000):
        socket = f"/tmp/.X11-unix/X{number}"
        if not os.path.exists(socket) and socket not in listening:
            return f":{number}"
    pytest.skip("every display number tried has a server")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 displays")
def test_a_display_that_is_not_there_is_said_in_one_line_with_exit_status_2(tmp_path):
    display = _display_nobody_serves()
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(DISPLAY=display, XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "editor"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2
    assert result.stderr == (
        f"copydesk: cannot open a window on display {display}: could not connect to display {display}; "
        "to check a story from the command line use: copydesk check FILE\n"
    )


def test_a_platform_qt_does_not_have_is_said_in_one_line_with_exit_status_2(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="no-such-platform", XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "editor"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Reinstalling" not in result.stderr
    assert result.stderr.startswith("copydesk: cannot open a window: ") and '"no-such-platform"' in result.stderr


def test_the_line_of_an_issue_is_where_its_words_are_not_the_line_break_before_them(capsys, story):
    path = story("The talks ended on Friday.\n\nLatest News\n")
    status, out, _ = run(capsys, "--format", "json", path)
    [issue] = json.loads(out)["files"][0]["issues"]
    assert issue["rule"] == "scrape-leftover"
    assert (issue["start"], issue["line"], issue["column"]) == (len("The talks ended on Friday."), 3, 1)
    status, out, _ = run(capsys, path)
    assert out.startswith(f"{path}:3:1: scrape-leftover:")
