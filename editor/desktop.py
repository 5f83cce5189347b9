"""``copydesk install-desktop``: Copydesk in the user's application menu and "Open with".

The desktop entry and the icons are package data; they are copied into the
user's own data directory (``$XDG_DATA_HOME``, by default ``~/.local/share``),
the entry's ``Exec`` line rewritten to start this installation wherever it
lives. No Qt here, and nothing outside the user's home is touched.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from editor.app import APP_ID
from editor.engine.resources import resource
from editor.userdata import data_home

ENTRY = f"{APP_ID}.desktop"
_SHELL_RESERVED = re.compile(r"[\s\"'\\><~|&;$*?#()`]")
# The string escapes of the desktop entry spec for the control characters it allows in a value.
_STRING_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class UnsupportedPath(ValueError):
    """An install path no desktop entry can name."""


def launch_command() -> list[str]:
    """The command line that starts this installation of Copydesk."""
    if getattr(sys, "frozen", False):  # the standalone bundle
        return [sys.executable]
    script = Path(sys.argv[0])
    if script.name == "copydesk" and script.is_file():
        # Not resolved: pipx's ~/.local/bin link outlives the venv it points into.
        return [os.path.abspath(script)]
    return [sys.executable, "-m", "editor"]


def exec_line(command: list[str]) -> str:
    """``command`` followed by ``%F``, quoted as the desktop entry spec asks."""
    return " ".join(_exec_argument(argument) for argument in command) + " %F"


def _exec_argument(argument: str) -> str:
    _refuse_unsupported(argument)
    if _SHELL_RESERVED.search(argument):
        argument = '"' + re.sub(r'(["`$\\])', r"\\\1", argument) + '"'
    # A string value unescapes backslashes once more before the Exec quoting is read, and
    # a line break must be written as \n: a raw one would end the line and start another key.
    argument = argument.replace("%", "%%").replace("\\", "\\\\")
    return re.sub("[\n\r\t]", lambda match: _STRING_ESCAPES[match.group()], argument)


def _refuse_unsupported(argument: str) -> None:
    control = _CONTROL.search(argument)
    if control:
        raise UnsupportedPath(f"{argument!r} has a control character ({control.group()!r}) that a desktop entry cannot hold")
    try:
        argument.encode("utf-8")
    except UnicodeEncodeError:
        raise UnsupportedPath(f"{argument!r} is not valid UTF-8, which a desktop entry must be") from None


def installed_entry(command: list[str]) -> str:
    text = resource("desktop", ENTRY).read_text(encoding="utf-8")
    return re.sub(r"(?m)^Exec=.*$", lambda _: f"Exec={exec_line(command)}", text, count=1)


def _icons() -> list[tuple[str, bytes]]:
    """(path under the hicolor theme, contents) of every packaged icon."""
    hicolor = resource("icons", "hicolor")
    return [
        (f"{size.name}/apps/{icon.name}", icon.read_bytes())
        for size in sorted(hicolor.iterdir(), key=lambda entry: entry.name)
        if size.is_dir()
        for icon in size.joinpath("apps").iterdir()
        if icon.name.startswith(APP_ID)
    ]


def install(command: list[str] | None = None) -> list[Path]:
    """Writes the entry and the icons; returns the files written."""
    home = data_home()
    written = [home / "applications" / ENTRY]
    _write(written[0], installed_entry(command or launch_command()).encode("utf-8"))
    for relative, data in _icons():
        written.append(home / "icons" / "hicolor" / relative)
        _write(written[-1], data)
    _refresh(home)
    return written


def uninstall() -> list[Path]:
    """Removes what :func:`install` wrote; returns the files removed."""
    home = data_home()
    candidates = [home / "applications" / ENTRY]
    candidates += [home / "icons" / "hicolor" / relative for relative, _ in _icons()]
    removed = [path for path in candidates if path.is_file()]
    for path in removed:
        path.unlink()
    _refresh(home)
    return removed


def _write(path: Path, data: bytes) -> None:
    # Menus watch these folders: a reader must never see half a file.
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _refresh(home: Path) -> None:
    """Updates the caches menus and "Open with" read, where the tools exist."""
    applications = home / "applications"
    hicolor = home / "icons" / "hicolor"
    if applications.is_dir():
        _run_if_present("update-desktop-database", "-q", str(applications))
    if (hicolor / "icon-theme.cache").is_file():
        # Only an existing cache is refreshed: a new one would hide the icons
        # that other programs later put here without updating it.
        _run_if_present("gtk-update-icon-cache", "-q", "-f", "-t", str(hicolor))
    elif hicolor.is_dir():
        hicolor.touch()  # a newer folder tells icon lookups to rescan it


def _run_if_present(tool: str, *arguments: str) -> None:
    if shutil.which(tool) is None:
        return
    try:
        subprocess.run([tool, *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        pass  # a stale cache is refreshed by the next login; the files are in place
