"""The ``copydesk`` command: ``copydesk check`` on the command line.

Only the engine is imported here; Qt and LanguageTool are imported by the
commands that need them, so that checking from a shell starts fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field, replace

from editor import __version__

EXIT_CLEAN, EXIT_FLAGGED, EXIT_ERROR = 0, 1, 2


@dataclass
class CheckedFile:
    path: str
    text: str = ""
    issues: list = field(default_factory=list)
    error: str | None = None


COMMANDS = ("check", "install-desktop")
# Not for people: the process that keeps the user's LanguageTool running (editor.grammar.resident).
RESIDENT_COMMAND = "resident-languagetool"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [RESIDENT_COMMAND]:
        from editor.grammar.resident import serve

        return serve(argv[1:])
    _escape_what_the_output_cannot_hold()
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        return _open_window(argv)
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check_command(args, parser)
    if args.command == "install-desktop":
        return _install_desktop_command(args)
    parser.print_help()
    return EXIT_CLEAN


def _escape_what_the_output_cannot_hold() -> None:
    """Standard output and error in an encoding without “ or é (PYTHONIOENCODING=ascii, a
    Latin-1 terminal) get those written as escapes (\u201c) instead of ending in a traceback;
    so do file names that are not valid in the file system's encoding."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _open_window(paths: list[str]) -> int:
    """``copydesk [FILE]``: the desktop window, or one clear line where there is no screen."""
    no_display = not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    if sys.platform.startswith("linux") and no_display:
        print("copydesk: no display found; to check a story from the command line use: copydesk check FILE", file=sys.stderr)
        return EXIT_ERROR
    from editor.app import run

    if os.environ.get("COPYDESK_QUIT_AFTER_LOAD"):
        _quit_once_shown()
    return run(paths)


def _quit_once_shown() -> None:
    """For smoke tests of the desktop entry and the bundle: once the window is
    up with its file, print its title and close it as a user would."""
    from PySide6.QtCore import QTimer

    from editor.app import application

    app = application()

    def close() -> None:
        for window in app.topLevelWidgets():
            if window.isVisible():
                print(window.windowTitle().replace("[*]", ""), flush=True)
        app.closeAllWindows()

    QTimer.singleShot(0, close)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="copydesk",
        description="Copydesk: a copy-editing assistant for news-wire text.",
    )
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    parser.usage = "copydesk [FILE] | copydesk check [options] FILE... | copydesk install-desktop [--uninstall]"
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", prog="copydesk")
    check = commands.add_parser(
        "check",
        help="check stories and print the issues found",
        description="Check wire stories against a house style. Exit status: 0 nothing flagged, "
        "1 something flagged, 2 a usage or input error.",
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="a story to check; - reads standard input")
    check.add_argument("--style", default=None, metavar="NAME|PATH", help="house style: ap (default), british, or a style file")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    check.add_argument(
        "--grammar",
        action="store_true",
        help="also check grammar with LanguageTool, started on this computer "
        "unless --languagetool-url names a server",
    )
    check.add_argument(
        "--languagetool-url",
        metavar="URL",
        help="the LanguageTool server to use, e.g. http://languagetool.example:8081 (implies --grammar)",
    )
    check.add_argument(
        "--languagetool-dir",
        metavar="DIR",
        help="a LanguageTool-<version> folder already on disk to start (implies --grammar)",
    )
    check.add_argument(
        "--languagetool-quiet",
        metavar="MINUTES",
        type=_minutes,
        help="LanguageTool started on this computer stays for later checks, the window's too, "
        "and stops after this many minutes unused (default: 30)",
    )
    desktop = commands.add_parser(
        "install-desktop",
        help="add Copydesk to your application menu and to \"Open with\" for text files",
        description="Install the desktop entry and icons in your own data folder ($XDG_DATA_HOME, "
        "by default ~/.local/share); the entry starts this copy of Copydesk.",
    )
    desktop.add_argument("--uninstall", action="store_true", help="remove what install-desktop installed")
    return parser


def _check_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.engine import StyleError, load_style
    from editor.logbook import start_log
    from editor.session import CheckSession
    from editor.userdata import dictionary_path, load_dictionary

    try:
        style = load_style(args.style)
    except StyleError as error:
        print(f"copydesk: {error}", file=sys.stderr)
        return EXIT_ERROR
    start_log()
    _report_spelling(style)
    # The words the user added to the dictionary in the window: not misspelt here either.
    words, problem = load_dictionary(dictionary_path())
    if problem:
        print(f"copydesk: dictionary not used: {problem}", file=sys.stderr)
    session = CheckSession(style, words)
    grammar = _grammar_checker(args)
    grammar_failed = failed = False
    results = []
    try:
        for number, path in enumerate(args.files):
            checked = _read(path)
            if checked.error is None:
                if grammar is not None and not grammar_failed:
                    grammar_failed = not _add_grammar(grammar, session, checked, style)
                result = session.check(number, checked.text)
                checked.issues = list(result.issues)
                for failure in result.failures:
                    failed = True
                    print(f"copydesk: {checked.path}: rule {failure.rule} failed: {failure.reason}", file=sys.stderr)
            else:
                print(f"copydesk: {path}: {checked.error}", file=sys.stderr)
            results.append(checked)
    finally:
        if grammar is not None:
            grammar.close()

    if args.format == "json":
        _print_json(results)
    else:
        _print_text(results)

    if failed or grammar_failed or any(checked.error for checked in results):
        return EXIT_ERROR
    return EXIT_FLAGGED if any(checked.issues for checked in results) else EXIT_CLEAN


def _report_spelling(style) -> None:
    """A missing Hunspell dictionary leaves the other checks running; standard error says so."""
    from editor.engine.dictionary import dictionary_problem

    if "spelling" not in style.disabled_rules and (problem := dictionary_problem(style.locale)):
        print(f"copydesk: {problem}", file=sys.stderr)


def _grammar_checker(args: argparse.Namespace):
    """LanguageTool as the options ask for it, or None; imported only then, so a plain check stays fast."""
    if not (args.grammar or args.languagetool_url or args.languagetool_dir):
        return None
    from editor.grammar import GrammarChecker, GrammarSettings

    if args.languagetool_url:
        return GrammarChecker(GrammarSettings(mode="remote", url=args.languagetool_url))
    settings = GrammarSettings(mode="local", languagetool_dir=args.languagetool_dir or "")
    if args.languagetool_quiet is not None:
        settings = replace(settings, quiet_period=args.languagetool_quiet * 60)
    return GrammarChecker(settings, on_status=_say_when_starting)


def _say_when_starting(status) -> None:
    """Starting LanguageTool takes seconds: say so, so that the wait is not taken for a hang."""
    from editor.grammar import GrammarState

    if status.state is GrammarState.STARTING:
        print(f"copydesk: {status.message}", file=sys.stderr, flush=True)


def _minutes(text: str) -> float:
    try:
        minutes = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of minutes: {text!r}") from None
    if not 0 <= minutes < float("inf"):
        raise argparse.ArgumentTypeError(f"not a number of minutes: {text!r}")
    return minutes


def _add_grammar(grammar, session, checked: CheckedFile, style) -> bool:
    """Gives ``session`` LanguageTool's answer for ``checked``; False (and the reason on standard
    error) when LanguageTool gave no answer, so that the built-in issues are still printed."""
    from editor.engine.issues import RuleFailure
    from editor.grammar.paragraphs import IssuesByParagraph
    from editor.session import LANGUAGETOOL

    session.forget_grammar()
    try:
        found = grammar.check(checked.text, style)
    except Exception as error:  # noqa: BLE001 - reported with the file as LanguageTool's failure
        session.grammar_failed(RuleFailure.of(LANGUAGETOOL, error))
        return True
    if found is None:
        print(f"copydesk: grammar not checked: {grammar.status.message}", file=sys.stderr)
        return False
    session.take_grammar(checked.text, IssuesByParagraph(checked.text, found))
    return True


def _install_desktop_command(args: argparse.Namespace) -> int:
    from editor import desktop

    try:
        files = desktop.uninstall() if args.uninstall else desktop.install()
    except (OSError, desktop.UnsupportedPath) as error:
        print(f"copydesk: {error}", file=sys.stderr)
        return EXIT_ERROR
    verb = "removed" if args.uninstall else "installed"
    for path in files:
        print(f"{verb} {path}")
    if not args.uninstall:
        print(f"the menu entry starts: {desktop.exec_line(desktop.launch_command())}")
    return EXIT_CLEAN


def _read(path: str) -> CheckedFile:
    from editor.engine.textfile import MAX_BATCH_BYTES, TextFileError, read_story, read_story_stream

    try:
        if path == "-":
            text = read_story_stream(sys.stdin.buffer, MAX_BATCH_BYTES).text
        else:
            text = read_story(path, MAX_BATCH_BYTES)
    except TextFileError as error:
        return CheckedFile(path="<stdin>" if path == "-" else path, error=str(error))
    return CheckedFile(path="<stdin>" if path == "-" else path, text=text)


def _print_text(results: list[CheckedFile]) -> None:
    from editor.engine.story import Story

    lines = []
    for checked in results:
        story = Story(checked.text)
        for issue in checked.issues:
            line, column = story.shown_at(issue.start, issue.end)
            fix = f" [fix: {_show(issue.replacements[0])}]" if issue.replacements else ""
            lines.append(f"{checked.path}:{line}:{column}: {issue.rule}: {issue.message}{fix}")
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")


def _show(replacement: str) -> str:
    return repr(replacement) if replacement == "" or replacement != replacement.strip() else replacement


def _print_json(results: list[CheckedFile]) -> None:
    from editor.engine.story import Story

    # Files that could not be read were reported on standard error; the JSON
    # keeps exactly its documented shape.
    files = []
    for checked in (checked for checked in results if checked.error is None):
        story = Story(checked.text)
        entry: dict = {"path": checked.path, "issues": []}
        for issue in checked.issues:
            line, column = story.shown_at(issue.start, issue.end)
            entry["issues"].append(
                {
                    "rule": issue.rule,
                    "category": issue.category,
                    "severity": issue.severity,
                    "start": issue.start,
                    "end": issue.end,
                    "line": line,
                    "column": column,
                    "message": issue.message,
                    "replacements": list(issue.replacements),
                    "group": issue.group,
                }
            )
        files.append(entry)
    # dumps, not dump: dump writes piece by piece from Python, five times slower on 50,000 issues.
    document = json.dumps({"files": files}, ensure_ascii=False)
    try:
        document.encode(sys.stdout.encoding or "utf-8")
    except UnicodeEncodeError:
        # JSON's own escapes, which any encoding holds; the output's would not all be valid JSON.
        document = json.dumps({"files": files})
    sys.stdout.write(document + "\n")
