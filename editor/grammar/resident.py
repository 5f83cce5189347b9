"""One LanguageTool server per user on this computer, kept between uses and stopped when unused.

Starting LanguageTool takes seconds (Java, then its rules), which
``copydesk check --grammar`` would pay on every call. So the server is not
the caller's: a small keeper process (``copydesk resident-languagetool``,
started by ``attach``) starts it on 127.0.0.1, records its port and its
owner in the user's runtime folder, and stops it once nobody has used it for
the quiet period. The window and the command line find it there.

Every use renews the lease: the record says until when the server is kept,
and each user writes "now plus my quiet period" into it. The keeper checks
the lease twice a second, and stops with LanguageTool (which also dies with
its keeper, where the system allows).

The runtime folder is ``$XDG_RUNTIME_DIR/copydesk`` or, without one,
``copydesk-<uid>`` in the system's temporary folder: a folder of the user's
own, 0700, its files 0600. A folder, a record or a listening process that
belongs to another user is never used; neither is a server that listens
beyond this computer.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import ipaddress
import json
import logging
import os
import signal
import stat
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from editor.cli import RESIDENT_COMMAND as COMMAND
from editor.grammar.local import CannotRun, Installation, LocalServer, answers

RECORD = "languagetool.json"
LOCK = "languagetool.lock"
LOG = "languagetool.log"
# How often the keeper looks at its lease and at LanguageTool.
WATCH_INTERVAL = 0.5
# How long a keeper has to stop before a caller gives up waiting for it.
STOP_TIMEOUT = 10.0

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Record:
    """What the runtime folder says about the user's resident LanguageTool."""

    uid: int
    keeper: int  # the keeper's process id
    server: int  # LanguageTool's process id (the keeper's child)
    port: int
    directory: str  # the LanguageTool-<version> folder it runs
    until: float  # time.time() after which the keeper stops it, unless it is used again

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


# ---------------------------------------------------------------- the runtime folder


def runtime_folder() -> Path:
    """The user's own folder for the record, made if need be; ``CannotRun`` if it is not safe."""
    base = os.environ.get("XDG_RUNTIME_DIR", "")
    if base and Path(base).is_absolute() and Path(base).is_dir():
        folder = Path(base) / "copydesk"
    else:
        folder = Path(tempfile.gettempdir()) / f"copydesk-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            raise CannotRun(
                f"{folder} is not a folder of yours, so Copydesk will not keep LanguageTool's address there "
                "(set XDG_RUNTIME_DIR to a folder of your own)."
            )
        if stat.S_IMODE(info.st_mode) != 0o700:
            folder.chmod(0o700)
    except OSError as error:
        raise CannotRun(f"Copydesk could not use {folder} for LanguageTool: {error.strerror or error}") from None
    return folder


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Holds the folder's lock: one process at a time looks up, starts, renews or drops the server."""
    handle = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def _read_record(folder: Path) -> Record | None:
    """The record, if there is one that this user wrote; a record of anyone else is dropped, and said so."""
    path = folder / RECORD
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    try:
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
            raise ValueError("it belongs to another user")
        record = Record(**json.loads(path.read_text(encoding="utf-8")))
        if record.uid != os.getuid():
            raise ValueError(f"it names user {record.uid}")
    except (OSError, ValueError, TypeError) as error:
        _log.warning("LanguageTool's record %s was not used: %s", path, error)
        path.unlink(missing_ok=True)
        return None
    return record


def _write_record(folder: Path, record: Record) -> None:
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".languagetool-")  # 0600
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(asdict(record), out)
    os.replace(temporary, folder / RECORD)


# ---------------------------------------------------------------- who owns what


def _refusal(record: Record) -> str | None:
    """Why the recorded server must not be used, or None. Where the system tells (Linux's /proc),
    the keeper and whatever listens on the port must be this user's, and listen on loopback only."""
    if not _running(record.keeper):
        return "its keeper is no longer running"
    owner = _process_owner(record.keeper)
    if owner is not None and owner != os.getuid():
        return f"process {record.keeper} belongs to user {owner}"
    listeners = _listeners(record.port)
    if listeners is None:
        return None
    if not listeners:
        return f"nothing listens on port {record.port}"
    for address, uid in listeners:
        if uid != os.getuid():
            return f"port {record.port} is held by user {uid}"
        if not address.is_loopback:
            return f"it listens on {address}, beyond this computer"
    return None


def _running(pid: int) -> bool:
    _reap()
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's: _refusal says so
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as status:
            return status.read().rsplit(") ", 1)[1][:1] != "Z"  # a zombie is not running
    except OSError:
        return True


def _process_owner(pid: int) -> int | None:
    try:
        return os.stat(f"/proc/{pid}").st_uid
    except OSError:
        return None


def _listeners(port: int) -> list[tuple[ipaddress.IPv4Address | ipaddress.IPv6Address, int]] | None:
    """The address and owner of each socket listening on ``port``; None where /proc/net does not tell."""
    found = []
    for table in ("tcp", "tcp6"):
        try:
            with open(f"/proc/net/{table}", encoding="ascii") as rows:
                lines = rows.read().splitlines()[1:]
        except OSError:
            if table == "tcp":
                return None
            continue
        for line in lines:
            fields = line.split()
            address, _, port_hex = fields[1].partition(":")
            if fields[3] == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                found.append((_address(address), int(fields[7])))
    return found


def _address(hex_words: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """An address as /proc/net prints it: 32-bit words in hex, each in the host's byte order."""
    packed = b"".join(struct.pack("=I", int(hex_words[i : i + 8], 16)) for i in range(0, len(hex_words), 8))
    address = ipaddress.ip_address(packed)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


# ---------------------------------------------------------------- callers


class ResidentServer:
    """The user's resident LanguageTool, as one caller uses it."""

    def __init__(self, folder: Path, record: Record, quiet_period: float) -> None:
        self._folder = folder
        self.record = record
        self.quiet_period = quiet_period

    @property
    def url(self) -> str:
        return self.record.url

    def keep(self) -> bool:
        """Renews the lease; False when the server is gone (stopped after its quiet period, say)."""
        try:
            with _locked(self._folder):
                current = _read_record(self._folder)
                if current is None or current.keeper != self.record.keeper or not _running(current.keeper):
                    return False
                _write_record(self._folder, _leased(current, self.quiet_period))
                return True
        except OSError as error:
            _log.warning("LanguageTool's lease in %s could not be renewed: %s", self._folder, error)
            return False

    def survives(self, grace: float) -> bool:
        """Whether the server is still running after ``grace`` seconds: one that dropped a request
        as it crashed may take a moment to go."""
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            if not self._running():
                return False
            time.sleep(0.05)
        return self._running()

    def _running(self) -> bool:
        return _running(self.record.server) and _running(self.record.keeper)

    def stop(self) -> None:
        """Stops the server now, if it is still the one recorded."""
        stop_resident(self.record.keeper)


def _leased(record: Record, quiet_period: float) -> Record:
    return replace(record, until=time.time() + quiet_period)


def attach(
    installation: Installation, quiet_period: float, start_timeout: float, starting: Callable[[], None] = lambda: None
) -> ResidentServer:
    """The user's resident LanguageTool running ``installation``, started if there is none (after
    calling ``starting``) and kept for ``quiet_period`` seconds after its last use. Blocks while
    it starts; raises ``CannotRun`` with the reason."""
    folder = runtime_folder()
    with _locked(folder):
        record = _read_record(folder)
        if record is not None:
            refusal = _refusal(record)
            if refusal is None and record.directory == str(installation.directory) and answers(record.url + "v2/languages"):
                record = _leased(record, quiet_period)
                _write_record(folder, record)
                return ResidentServer(folder, record, quiet_period)
            if refusal is not None:
                _log.warning("The LanguageTool server recorded in %s was not used: %s.", folder, refusal)
            (folder / RECORD).unlink(missing_ok=True)
            if refusal is None:
                _terminate(record.keeper)  # ours, but not answering or another installation
        starting()
        record = _start_keeper(folder, installation, quiet_period, start_timeout)
    return ResidentServer(folder, record, quiet_period)


def stop_resident(keeper: int | None = None) -> bool:
    """Stops the user's resident LanguageTool (only if its keeper is ``keeper``, when given) and
    waits for it to go; True if there was one of this user's to stop."""
    folder = runtime_folder()
    with _locked(folder):
        record = _read_record(folder)
        if record is None or (keeper is not None and record.keeper != keeper):
            return False
        (folder / RECORD).unlink(missing_ok=True)
    if not _running(record.keeper) or _process_owner(record.keeper) not in (None, os.getuid()):
        return False
    _terminate(record.keeper)
    deadline = time.monotonic() + STOP_TIMEOUT
    while _running(record.keeper) and time.monotonic() < deadline:
        time.sleep(0.05)
    return True


def _terminate(keeper: int) -> None:
    """Asks a keeper of this user to stop (it then stops LanguageTool); a process of that number
    that is not a keeper is left alone."""
    try:
        with open(f"/proc/{keeper}/cmdline", "rb") as cmdline:
            if COMMAND.encode() not in cmdline.read().split(b"\0"):
                return
    except FileNotFoundError:
        return
    except OSError:
        pass  # no /proc here: the recorded number is all there is to go on
    with contextlib.suppress(ProcessLookupError):
        os.kill(keeper, signal.SIGTERM)


def _start_keeper(folder: Path, installation: Installation, quiet_period: float, start_timeout: float) -> Record:
    from editor.desktop import launch_command

    command = [
        *launch_command(),
        COMMAND,
        "--folder",
        str(installation.folder),
        "--version",
        installation.version,
        "--quiet-period",
        repr(quiet_period),
        "--start-timeout",
        repr(start_timeout),
    ]
    log = os.open(folder / LOG, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    try:
        keeper = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log, start_new_session=True
        )
    except OSError as error:
        raise CannotRun(f"Copydesk could not start LanguageTool's keeper: {error.strerror or error}") from None
    finally:
        os.close(log)
    _STARTED.append(keeper)  # reaped by _running once it stops, not left a zombie
    with keeper.stdout:
        # The keeper answers in one line once LanguageTool answers, or fails, within its start timeout.
        line = keeper.stdout.readline()
    try:
        answer = json.loads(line)
    except ValueError:
        keeper.wait()
        raise CannotRun(f"LanguageTool's keeper stopped (exit code {keeper.returncode}); see {folder / LOG}.") from None
    if "error" in answer:
        keeper.wait()
        raise CannotRun(answer["error"])
    return Record(**answer)


_STARTED: list[subprocess.Popen] = []


def _reap() -> None:
    """Collects the exit of keepers this process started."""
    for keeper in list(_STARTED):
        if keeper.poll() is not None:
            _STARTED.remove(keeper)


# ---------------------------------------------------------------- the keeper


def serve(argv: list[str]) -> int:
    """``copydesk resident-languagetool``: starts LanguageTool, records it, and stops it once its
    lease runs out. Started by ``attach``; answers it with one line on standard output."""
    parser = argparse.ArgumentParser(prog=f"copydesk {COMMAND}")
    parser.add_argument("--folder", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--quiet-period", type=float, required=True)
    parser.add_argument("--start-timeout", type=float, required=True)
    options = parser.parse_args(argv)
    for stop in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(stop, _stop_keeping)
    installation = Installation(Path(options.folder), options.version)
    server = LocalServer(installation, options.start_timeout, die_with_parent=True)
    try:
        folder = runtime_folder()
        server.start()
        record = Record(
            os.getuid(), os.getpid(), server.pid, server.port, str(installation.directory), time.time() + options.quiet_period
        )
        _write_record(folder, record)
    except CannotRun as error:
        server.stop()
        _answer({"error": str(error)})
        return 1
    try:
        _answer(asdict(record))
        _keep(folder, server)
    finally:
        try:
            with _locked(folder):
                current = _read_record(folder)
                if current is not None and current.keeper == os.getpid():
                    (folder / RECORD).unlink()
        finally:
            server.stop()
    print(f"LanguageTool on port {record.port} stopped (exit code {server.exit_code}).", file=sys.stderr)
    return 0


def _answer(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()
    # Nothing more goes to the caller, which may be gone.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _keep(folder: Path, server: LocalServer) -> None:
    """Returns once LanguageTool has stopped, the lease has run out, or the record is another's."""
    while server.alive():
        with _locked(folder):
            record = _read_record(folder)
            if record is None or record.keeper != os.getpid():
                return
            left = record.until - time.time()
        if left <= 0:
            return
        time.sleep(min(WATCH_INTERVAL, left))


def _stop_keeping(signum, frame) -> None:
    raise SystemExit(0)
