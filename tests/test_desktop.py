"""The desktop entry, the AppStream metainfo, the icons and ``copydesk install-desktop``."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from editor import desktop
from editor.app import APP_ID
from editor.engine.resources import resource

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = Path(str(resource("samples", "wire-story.txt")))
ENTRY = Path(str(resource("desktop", f"{APP_ID}.desktop")))
METAINFO = Path(str(resource("desktop", f"{APP_ID}.metainfo.xml")))
PNG_SIZES = (16, 32, 48, 64, 128, 256)


def need(tool: str, package: str) -> str:
    """The tool's path; a skip only where the set-up could not have installed it."""
    path = shutil.which(tool)
    if path is None:
        if os.geteuid() == 0 and shutil.which("apt-get"):
            pytest.fail(f"{tool} is missing: `bash packaging/install.sh --test` installs {package}")
        pytest.skip(f"{tool} is not installed and the set-up cannot install it without root: apt-get install {package}")
    return path


def validate_entry(path: Path) -> None:
    result = subprocess.run([need("desktop-file-validate", "desktop-file-utils"), str(path)], capture_output=True, text=True)
    problems = [line for line in result.stdout.splitlines() if "error:" in line or "warning:" in line]
    assert result.returncode == 0 and not problems, result.stdout + result.stderr


def entry_keys(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


# An Exec argument as the desktop entry spec reads it: plain, or in double quotes
# where only " ` $ and \ are backslash-escaped.
EXEC_ARGUMENT = re.compile(r'"((?:[^"`$\\]|\\["`$\\])*)"(?: |$)|([^\s"`$\\]+)(?: |$)')


def exec_argv(entry: dict[str, str], *files: str) -> list[str]:
    """The command line a launcher runs for ``files``."""
    value = re.sub(r"\\(.)", lambda match: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(match[1], match[1]), entry["Exec"])
    words, position = [], 0
    while position < len(value):
        match = EXEC_ARGUMENT.match(value, position)
        assert match, f"unreadable Exec at {value[position:]!r}"
        quoted, plain = match.groups()
        words.append(re.sub(r"\\(.)", r"\1", quoted) if quoted is not None else plain)
        position = match.end()
    assert words[-1] == "%F"
    return [word.replace("%%", "%") for word in words[:-1]] + list(files)


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def installed_files(home: Path) -> list[Path]:
    return sorted(path for path in home.rglob("*") if path.is_file() and APP_ID in path.name)


# The packaged files


def test_packaging_folder_shows_the_packaged_files_themselves():
    for name in (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml"):
        assert (ROOT / "packaging" / name).resolve() == (ROOT / "resources" / "desktop" / name)
    assert (ROOT / "packaging" / "icons").resolve() == ROOT / "resources" / "icons" / "hicolor"


def test_desktop_entry_validates():
    validate_entry(ENTRY)


def test_desktop_entry_opens_text_files_from_the_office_menu():
    entry = entry_keys(ENTRY)
    assert entry["Name"] == "Copydesk"
    assert entry["GenericName"] == "Copy Editor"
    assert entry["Comment"]
    assert entry["Icon"] == APP_ID
    assert entry["Categories"] == "Office;TextTools;"
    assert entry["MimeType"] == "text/plain;"
    assert entry["Exec"] == "copydesk %F"
    assert entry["Terminal"] == "false"


def test_metainfo_validates():
    tool = need("appstreamcli", "appstream")
    result = subprocess.run([tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "W:" not in result.stdout and "E:" not in result.stdout, result.stdout


def test_metainfo_names_the_entry_and_has_a_screenshot():
    component = ElementTree.parse(METAINFO).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    assert component.findtext("provides/binary") == "copydesk"
    image = component.findtext("screenshots/screenshot/image")
    assert image.startswith("https://") and image.endswith("/docs/screenshot.png")
    assert (ROOT / "docs" / "screenshot.png").is_file()


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_has_its_size(size):
    data = resource("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (size, size)


def test_scalable_icon_is_square_svg():
    svg = ElementTree.fromstring(resource("icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg").read_bytes())
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("viewBox") == "0 0 128 128"


# install-desktop


def test_install_puts_the_entry_and_every_icon_in_the_data_home(data_home):
    written = desktop.install(["/opt/copydesk/bin/copydesk"])
    expected = [data_home / "applications" / f"{APP_ID}.desktop"]
    expected += [data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in PNG_SIZES]
    expected += [data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"]
    assert sorted(written) == sorted(expected) == installed_files(data_home)
    icon = data_home / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png"
    assert icon.read_bytes() == resource("icons", "hicolor", "48x48", "apps", f"{APP_ID}.png").read_bytes()


def test_installed_entry_validates_and_starts_the_given_command(data_home):
    desktop.install(["/opt/copydesk/bin/copydesk"])
    installed = data_home / "applications" / f"{APP_ID}.desktop"
    validate_entry(installed)
    assert entry_keys(installed)["Exec"] == "/opt/copydesk/bin/copydesk %F"
    # Everything but the Exec line is the packaged entry.
    packaged = ENTRY.read_text(encoding="utf-8").splitlines()
    assert [line for line in installed.read_text(encoding="utf-8").splitlines() if not line.startswith("Exec=")] == [
        line for line in packaged if not line.startswith("Exec=")
    ]


@pytest.mark.parametrize(
    "command",
    [
        ["/home/ann smith/.local/bin/copydesk"],
        ["/srv/$HOME/100%/copydesk"],
        ['/tmp/say "hi"/copy\\desk`x`'],
        ["/usr/bin/python3", "-m", "editor"],
        # A raw line break would end the Exec line and start a second one.
        ["/opt/two\nExec=/tmp/evil/copydesk"],
        ["/opt/carriage\rreturn/copydesk", "/opt/tab\there"],
    ],
)
def test_exec_line_quotes_paths_so_a_launcher_gets_them_back(data_home, command):
    desktop.install(command)
    installed = data_home / "applications" / f"{APP_ID}.desktop"
    validate_entry(installed)
    assert exec_argv(entry_keys(installed), "a story.txt") == [*command, "a story.txt"]


def test_an_entry_with_a_line_break_in_its_path_has_one_exec_line(data_home):
    desktop.install(["/opt/two\nExec=/tmp/evil/copydesk"])
    lines = (data_home / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines()
    assert len([line for line in lines if line.startswith("Exec=")]) == 1


@pytest.mark.parametrize(
    ("command", "reason"),
    [(["/opt/bell\x07/copydesk"], "control character"), (["/opt/caf\udce9/copydesk"], "not valid UTF-8")],
)
def test_a_path_no_desktop_entry_can_hold_is_refused_in_one_line(tmp_path, capsys, monkeypatch, command, reason):
    from editor.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(desktop, "launch_command", lambda: command)
    assert main(["install-desktop"]) == 2
    assert reason in capsys.readouterr().err
    assert not (tmp_path / "data" / "applications").exists()


def test_install_twice_is_the_same_as_once(data_home):
    desktop.install(["/opt/a/copydesk"])
    desktop.install(["/opt/b/copydesk"])
    entry = entry_keys(data_home / "applications" / f"{APP_ID}.desktop")
    assert entry["Exec"] == "/opt/b/copydesk %F"
    assert not [path for path in data_home.rglob(".*") if path.is_file()]  # no temporary files left


def test_uninstall_removes_what_install_wrote_and_nothing_else(data_home):
    other = data_home / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    written = desktop.install(["/opt/copydesk/bin/copydesk"])
    assert sorted(desktop.uninstall()) == sorted(written)
    assert installed_files(data_home) == []
    assert other.is_file()
    assert desktop.uninstall() == []


def test_xdg_data_home_defaults_to_local_share(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert desktop.data_home() == tmp_path / ".local" / "share"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # invalid by the spec, so ignored
    assert desktop.data_home() == tmp_path / ".local" / "share"


def test_open_with_lists_copydesk_for_text_files(data_home):
    need("update-desktop-database", "desktop-file-utils")
    desktop.install(["/opt/copydesk/bin/copydesk"])
    cache = (data_home / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert f"text/plain={APP_ID}.desktop;" in cache.splitlines()
    desktop.uninstall()
    cache = (data_home / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert APP_ID not in cache


def test_icon_cache_is_refreshed_only_where_there_is_one(data_home):
    tool = need("gtk-update-icon-cache", "gtk-update-icon-cache")
    hicolor = data_home / "icons" / "hicolor"
    desktop.install(["/opt/copydesk/bin/copydesk"])
    assert not (hicolor / "icon-theme.cache").exists()
    desktop.uninstall()
    other = hicolor / "48x48" / "apps" / "org.example.Other.png"
    other.write_bytes(resource("icons", "hicolor", "48x48", "apps", f"{APP_ID}.png").read_bytes())
    subprocess.run([tool, "-q", "-f", "-t", str(hicolor)], check=True)
    assert b"org.example.Other" in (hicolor / "icon-theme.cache").read_bytes()
    assert APP_ID.encode() not in (hicolor / "icon-theme.cache").read_bytes()
    desktop.install(["/opt/copydesk/bin/copydesk"])
    assert APP_ID.encode() in (hicolor / "icon-theme.cache").read_bytes()


def test_missing_tools_do_not_stop_the_install(data_home, monkeypatch):
    monkeypatch.setenv("PATH", "")
    assert len(desktop.install(["/opt/copydesk/bin/copydesk"])) == 1 + len(PNG_SIZES) + 1


def test_launch_command_is_this_installation(monkeypatch, tmp_path):
    script = tmp_path / "bin" / "copydesk"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["bin/copydesk", "install-desktop"])
    assert desktop.launch_command() == [str(script)]
    monkeypatch.setattr(sys, "argv", [str(ROOT / "editor" / "__main__.py"), "install-desktop"])
    assert desktop.launch_command() == [sys.executable, "-m", "editor"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert desktop.launch_command() == [sys.executable]


def installed_script() -> Path:
    script = Path(sys.executable).parent / "copydesk"
    if not script.is_file():
        pytest.skip("the copydesk command is not installed beside this Python (run packaging/install.sh)")
    return script


def test_installed_entry_opens_the_story_in_copydesk_and_exits_cleanly(tmp_path):
    """The whole path a desktop takes: install-desktop from the command, then the entry's Exec line."""
    script = installed_script()
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run([str(script), "install-desktop"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"installed {tmp_path / 'data' / 'applications' / f'{APP_ID}.desktop'}" in result.stdout.splitlines()

    installed = tmp_path / "data" / "applications" / f"{APP_ID}.desktop"
    validate_entry(installed)
    argv = exec_argv(entry_keys(installed), str(SAMPLE))
    assert argv[0] == str(script)
    env.update(QT_QPA_PLATFORM="offscreen", COPYDESK_QUIT_AFTER_LOAD="1")
    opened = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout == "wire-story.txt — Copydesk\n"


def test_install_desktop_never_imports_qt(tmp_path):
    code = (
        "import sys; from editor.cli import main; status = main(['install-desktop']);"
        "sys.exit(3 if any(name.startswith('PySide6') for name in sys.modules) else status)"
    )
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_install_desktop_uninstall_from_the_command_line(tmp_path, capsys, monkeypatch):
    from editor.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["install-desktop"]) == 0
    assert main(["install-desktop", "--uninstall"]) == 0
    out = capsys.readouterr().out
    assert f"removed {tmp_path / 'applications' / f'{APP_ID}.desktop'}" in out.splitlines()
    assert installed_files(tmp_path) == []


def test_unwritable_data_home_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch):
    from editor.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["install-desktop"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("copydesk: ") and err.count("\n") == 1
