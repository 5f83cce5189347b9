"""The user's resident LanguageTool: kept between checkers and command-line calls, stopped after the
quiet period, and never taken from another user. The fake ``java`` runs a recorded server."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from editor.cli import main
from editor.grammar import GrammarChecker, GrammarSettings, GrammarState
from editor.grammar.resident import RECORD, runtime_folder
from tests.fixtures.languagetool import needs_recordings, running, started_pids
from tests.grammar.recorded_languagetool import RECORDINGS, recorded_text

pytestmark = needs_recordings
GRAMMAR = recorded_text("grammar-sample.txt").strip() if RECORDINGS.is_dir() else ""
NOBODY = 65534


def record():
    return json.loads((runtime_folder() / RECORD).read_text(encoding="utf-8"))


def wait_until(condition, timeout=15.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def check_once(plain_style, **settings):
    statuses = []
    checker = GrammarChecker(GrammarSettings(mode="local", **settings), on_status=statuses.append)
    issues = checker.check(GRAMMAR, plain_style())
    status = checker.status
    checker.close()
    return issues, [status.state for status in statuses], status


def test_a_second_checker_uses_the_server_the_first_one_started(plain_style, fake_java, installed):
    first, states, _ = check_once(plain_style)
    assert len(first) == 4 and states[0] is GrammarState.STARTING
    [pid] = started_pids(fake_java)
    assert running(pid)  # closing the first checker left it running
    second, states, _ = check_once(plain_style)
    assert second == first
    assert states == [GrammarState.READY, GrammarState.OFF]  # nothing started, nothing said about starting
    assert started_pids(fake_java) == [pid]


def test_the_record_is_the_users_own_and_names_a_loopback_port(plain_style, fake_java, installed):
    check_once(plain_style)
    folder = runtime_folder()
    assert folder.parent == type(folder)(os.environ["XDG_RUNTIME_DIR"])
    assert folder.stat().st_mode & 0o777 == 0o700
    path = folder / RECORD
    assert path.stat().st_mode & 0o777 == 0o600 and path.stat().st_uid == os.getuid()
    assert record()["uid"] == os.getuid()


def test_the_server_stops_after_the_quiet_period_and_a_later_check_starts_it_again(plain_style, fake_java, installed):
    issues, _, _ = check_once(plain_style, quiet_period=1.0)
    [pid] = started_pids(fake_java)
    wait_until(lambda: not running(pid))
    assert not (runtime_folder() / RECORD).exists()
    again, states, status = check_once(plain_style, quiet_period=1.0)
    assert again == issues and states[0] is GrammarState.STARTING and status.state is GrammarState.READY
    assert len(started_pids(fake_java)) == 2


def test_every_use_renews_the_lease(plain_style, fake_java, installed):
    checker = GrammarChecker(GrammarSettings(mode="local", quiet_period=3.0))
    for paragraph in ("clean-paragraph.txt", "unicode-offsets.txt", "grammar-sample.txt", "clean-paragraph.txt"):
        assert checker.check(recorded_text(paragraph), plain_style()) is not None
        time.sleep(1.0)  # four seconds in all: without the renewals it would have stopped
    assert len(started_pids(fake_java)) == 1 and running(started_pids(fake_java)[0])
    checker.close()


def test_the_server_outlives_its_starter_but_not_a_killed_keeper(fake_java, installed):
    script = (
        "from editor.grammar import GrammarChecker, GrammarSettings\n"
        "checker = GrammarChecker(GrammarSettings(mode='local'))\n"
        "assert checker.start(), checker.status\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, env=os.environ | {"PYTHONPATH": os.getcwd()}, timeout=60)
    [pid] = started_pids(fake_java)
    assert running(pid)
    os.kill(record()["keeper"], signal.SIGKILL)
    wait_until(lambda: not running(pid))  # LanguageTool goes with its keeper


def test_a_record_that_names_another_user_is_not_used(plain_style, fake_java, installed, caplog):
    check_once(plain_style)
    [pid] = started_pids(fake_java)
    path = runtime_folder() / RECORD
    path.write_text(json.dumps({**record(), "uid": os.getuid() + 1}), encoding="utf-8")
    issues, states, _ = check_once(plain_style)
    assert len(issues) == 4 and states[0] is GrammarState.STARTING
    assert len(started_pids(fake_java)) == 2
    assert record()["uid"] == os.getuid()
    assert f"it names user {os.getuid() + 1}" in caplog.text
    wait_until(lambda: not running(pid))  # its keeper lost its record, so it stopped


@pytest.fixture
def foreign_server():
    """A server on a loopback port that belongs to another user, which logs every connection."""
    python = shutil.which("python3", path="/usr/bin:/bin")
    if os.getuid() != 0 or python is None:
        pytest.skip("needs root, and a Python that another user may run, to run a process as another user")
    listen = (
        "import socket, sys\n"
        "server = socket.create_server(('127.0.0.1', 0))\n"
        "print(server.getsockname()[1], flush=True)\n"
        "while True:\n"
        "    connection, _ = server.accept()\n"
        "    print('connected', flush=True)\n"
        "    connection.close()\n"
    )
    process = subprocess.Popen(
        [python, "-c", listen], user=NOBODY, group=NOBODY, stdout=subprocess.PIPE, text=True, cwd="/"
    )
    port = int(process.stdout.readline())
    yield process, port
    process.kill()
    process.wait()


def test_a_server_whose_port_belongs_to_another_user_is_never_used(plain_style, fake_java, installed, foreign_server, caplog):
    process, port = foreign_server
    folder = runtime_folder()
    directory = str(installed)
    # A record of this user's own, and a keeper of its own (this process), but another user's port.
    mine = os.getpid()
    written = {"uid": os.getuid(), "keeper": mine, "server": mine, "port": port, "directory": directory, "until": time.time() + 60}
    (folder / RECORD).write_text(json.dumps(written), encoding="utf-8")
    (folder / RECORD).chmod(0o600)
    issues, states, _ = check_once(plain_style)
    assert len(issues) == 4 and states[0] is GrammarState.STARTING
    assert record()["port"] != port
    assert f"port {port} is held by user {NOBODY}" in caplog.text
    process.kill()
    assert process.stdout.read() == ""  # not one connection


def test_a_record_written_by_another_user_is_not_used(plain_style, fake_java, installed, foreign_server, caplog):
    process, port = foreign_server
    folder = runtime_folder()
    theirs = process.pid
    written = {"uid": NOBODY, "keeper": theirs, "server": theirs, "port": port, "directory": str(installed), "until": time.time() + 60}
    (folder / RECORD).write_text(json.dumps(written), encoding="utf-8")
    os.chown(folder / RECORD, NOBODY, NOBODY)
    issues, _, _ = check_once(plain_style)
    assert len(issues) == 4 and record()["port"] != port
    assert "it belongs to another user" in caplog.text
    process.kill()
    assert process.stdout.read() == ""


def test_a_runtime_folder_of_another_user_is_refused(plain_style, fake_java, installed):
    if os.getuid() != 0:
        pytest.skip("needs root to give a folder to another user")
    folder = runtime_folder()
    os.chown(folder, NOBODY, NOBODY)
    issues, _, status = check_once(plain_style)
    assert issues is None
    assert "is not a folder of yours" in status.message
    assert started_pids(fake_java) == []
    os.chown(folder, os.getuid(), os.getgid())


# ------------------------------------------------------------------ the command line


def test_two_command_line_checks_in_a_row_share_one_server(capsys, tmp_path, fake_java, installed):
    story = tmp_path / "story.txt"
    story.write_text(recorded_text("grammar-sample.txt"), encoding="utf-8")
    outputs = []
    for _ in range(2):
        status = main(["check", "--grammar", str(story)])
        out, err = capsys.readouterr()
        outputs.append((status, out, err))
    (first_status, first_out, first_err), (second_status, second_out, second_err) = outputs
    assert first_status == second_status == 1
    assert "lt:THEIR_IS" in first_out and second_out == first_out
    assert first_err == "copydesk: Starting LanguageTool on this computer; this takes a few seconds.\n"
    assert second_err == ""
    assert len(started_pids(fake_java)) == 1


def test_the_quiet_period_is_the_users_to_set_on_the_command_line(capsys, tmp_path, fake_java, installed):
    story = tmp_path / "story.txt"
    story.write_text("A clean story.\n", encoding="utf-8")
    assert main(["check", "--grammar", "--languagetool-quiet", "0.01", str(story)]) == 0
    [pid] = started_pids(fake_java)
    wait_until(lambda: not running(pid))
    with pytest.raises(SystemExit):
        main(["check", "--grammar", "--languagetool-quiet", "soon", str(story)])
    assert "not a number of minutes" in capsys.readouterr().err


def test_the_help_gives_the_default_quiet_period(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert f"(default: {GrammarSettings().quiet_period / 60:g})" in " ".join(capsys.readouterr().out.split())
