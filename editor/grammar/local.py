"""LanguageTool on this computer: language-tool-python's installation, Java, and the server process.

language-tool-python keeps LanguageTool in the folder named by ``LTP_PATH``
(by default ``~/.cache/language_tool_python``), one ``LanguageTool-<version>``
folder per version. Copydesk never downloads it unasked: ``installation_to_run``
only looks, and ``download_languagetool`` is for the window to call once the
user has agreed to the download. The server is started with
language-tool-python's own command for that installation, on a free port of
127.0.0.1, as a process of the one that starts it (the keeper of
``resident``): it sees when the server dies, and stops it when done (or,
failing that, when Python exits).
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import weakref
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from editor.grammar.failures import describe_request_error

DOWNLOAD_CHUNK = 256 * 1024
_STARTED: weakref.WeakSet[LocalServer] = weakref.WeakSet()
_ENVIRONMENT = threading.Lock()


class NotInstalled(Exception):
    """LanguageTool is not on this computer (yet); the message says where Copydesk looked."""


class CannotRun(Exception):
    """LanguageTool is installed but cannot run here (no Java, a broken folder); the message says why."""


class DownloadError(Exception):
    """The download did not complete; the message says why, in words for the user."""


@dataclass(frozen=True)
class Installation:
    folder: Path  # language-tool-python's folder, with LanguageTool-<version> inside
    version: str

    @property
    def directory(self) -> Path:
        return self.folder / f"LanguageTool-{self.version}"

    def server_command(self, port: int) -> list[str]:
        from language_tool_python.download_lt import LocalLanguageTool
        from language_tool_python.exceptions import JavaError

        with _download_folder(self.folder):
            try:
                return LocalLanguageTool.from_version_name(self.version).get_server_cmd(port)
            except JavaError:
                raise CannotRun(_NO_JAVA) from None
            except FileNotFoundError:
                raise CannotRun(f"{self.directory} has no LanguageTool server in it (languagetool-server.jar)") from None


_NO_JAVA = "LanguageTool needs Java (version 17 or newer), and Java is not installed on this computer."


def default_version() -> str:
    """The LanguageTool version language-tool-python downloads."""
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION

    return LTP_DOWNLOAD_VERSION


def default_folder() -> Path:
    from language_tool_python.utils import get_language_tool_download_path

    return get_language_tool_download_path()


def installation_to_run(directory: str = "") -> Installation:
    """The LanguageTool to start: the ``LanguageTool-<version>`` folder named, or else the newest
    one in language-tool-python's folder. Java is checked first, since without it a download
    would not help; raises ``CannotRun`` or ``NotInstalled``."""
    try:
        installation, missing = _find(directory), None
    except NotInstalled as error:
        installation, missing = None, error
    _check_java(installation.version if installation else default_version())
    if missing is not None:
        raise missing
    return installation


def _find(directory: str) -> Installation:
    from language_tool_python.download_lt import LocalLanguageTool

    if directory:
        path = Path(directory).expanduser()
        match = re.fullmatch(r"LanguageTool-(.+)", path.name)
        if match is None:
            raise CannotRun(f"{path} is not a LanguageTool folder: its name should be LanguageTool-<version>")
        if not path.is_dir():
            raise NotInstalled(f"There is no LanguageTool folder at {path}.")
        try:
            LocalLanguageTool.from_version_name(match.group(1))
        except ValueError:
            raise CannotRun(f"language-tool-python cannot run LanguageTool version {match.group(1)!r}") from None
        return Installation(path.parent, match.group(1))
    folder = default_folder()
    latest = LocalLanguageTool.get_latest_installed_version()
    if latest is None:
        raise NotInstalled(f"LanguageTool is not installed (Copydesk looked in {folder}).")
    return Installation(folder, latest.version_name)


def _check_java(version: str) -> None:
    from language_tool_python.download_lt import confirm_java_compatibility

    try:
        confirm_java_compatibility(version)
    except ModuleNotFoundError:
        raise CannotRun(_NO_JAVA) from None
    except SystemError as error:
        raise CannotRun(f"{error} Install a newer Java.") from None
    # SystemExit: language-tool-python could not read ``java -version``.
    except (SystemExit, OSError, subprocess.SubprocessError) as error:
        raise CannotRun(f"Copydesk could not tell which Java is installed: {error}") from None


@contextlib.contextmanager
def _download_folder(folder: Path) -> Iterator[None]:
    """language-tool-python reads its folder from ``LTP_PATH`` whenever it looks for an installation."""
    with _ENVIRONMENT:
        before = os.environ.get("LTP_PATH")
        os.environ["LTP_PATH"] = str(folder)
        try:
            yield
        finally:
            if before is None:
                del os.environ["LTP_PATH"]
            else:
                os.environ["LTP_PATH"] = before


class LocalServer:
    """One LanguageTool server process started by Copydesk, listening on 127.0.0.1 only."""

    def __init__(self, installation: Installation, start_timeout: float, die_with_parent: bool = False) -> None:
        self.installation = installation
        self.start_timeout = start_timeout
        # Linux: the server gets SIGTERM when the process that started it dies, even by SIGKILL.
        self.die_with_parent = die_with_parent and sys.platform.startswith("linux")
        self.port = 0
        self.url = ""
        self._process: subprocess.Popen | None = None
        self._log = tempfile.TemporaryFile()
        self._lock = threading.Lock()
        self._stopped = False

    def start(self) -> None:
        """Starts the server and waits until it answers; raises ``CannotRun`` with the reason if it does not."""
        port = _free_port()
        command = self.installation.server_command(port)
        with self._lock:
            if self._stopped:
                raise CannotRun("LanguageTool was stopped.")
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent() if self.die_with_parent else None,
            )
        _STARTED.add(self)
        self.port = port
        self.url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + self.start_timeout
        while not answers(self.url + "v2/languages"):
            if self._stopped:
                raise CannotRun("LanguageTool was stopped.")
            if not self.alive():
                raise CannotRun(f"LanguageTool stopped while starting (exit code {self.exit_code}).{self._log_tail()}")
            if time.monotonic() > deadline:
                self.stop()
                raise CannotRun(f"LanguageTool did not start within {self.start_timeout:g} seconds.")
            time.sleep(0.2)

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def survives(self, grace: float) -> bool:
        """Whether the process is still running after ``grace`` seconds: a server that dropped a
        request as it crashed may take a moment to exit."""
        if self._process is None:
            return False
        try:
            self._process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            return True
        return False

    @property
    def exit_code(self) -> int | None:
        return None if self._process is None else self._process.poll()

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    def stop(self) -> None:
        """Stops the process (and any start still waiting for it); safe from any thread, and twice."""
        with self._lock:
            self._stopped = True
            process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._log.close()

    def _log_tail(self) -> str:
        self._log.seek(0)
        lines = self._log.read().decode("utf-8", "replace").strip().splitlines()
        return f" It said: {lines[-1].strip()}" if lines else ""


def _die_with_parent() -> Callable[[], None]:
    """What the child runs before Java: ask Linux for SIGTERM when its parent dies (prctl's
    PR_SET_PDEATHSIG), looked up before the fork, since a forked child should only call."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    return lambda: prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The server is on this computer: no proxy may stand in between.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def answers(url: str) -> bool:
    """Whether ``url`` answers 200 within a second, asked directly (no proxy)."""
    try:
        with _DIRECT.open(url, timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


@atexit.register
def _stop_started_servers() -> None:
    for server in list(_STARTED):
        server.stop()


def download_languagetool(
    progress: Callable[[int, int | None], None] | None = None,
    *,
    version: str | None = None,
    folder: Path | None = None,
    url: str | None = None,
    cancel: threading.Event | None = None,
    connect_timeout: float = 10.0,
    read_timeout: float = 60.0,
) -> Installation:
    """Downloads LanguageTool (a few hundred megabytes) into language-tool-python's folder.

    Blocks for minutes: call it from a worker thread, after asking the user.
    ``progress(bytes_done, bytes_total or None)`` is called on that thread
    after every chunk; setting ``cancel`` stops the download. The archive is
    checked against language-tool-python's checksums where it has one for the
    version, and unpacked only when complete. Raises ``DownloadError``.
    """
    import requests
    from language_tool_python.download_lt import EXPECTED_DOWNLOAD_SHA256, MAX_DOWNLOAD_BYTES, LocalLanguageTool
    from language_tool_python.exceptions import LanguageToolError
    from language_tool_python.safe_zip import SafeZipExtractor

    version = version or default_version()
    try:
        release = LocalLanguageTool.from_version_name(version)
        url = url or release.download_url
    except (ValueError, LanguageToolError) as error:
        raise DownloadError(f"LanguageTool {version} cannot be downloaded: {error}") from None
    folder = folder or default_folder()
    target = folder / f"LanguageTool-{release.version_name}"
    if target.exists():
        raise DownloadError(f"{target} is already there; remove it to download LanguageTool again.")
    host = urlsplit(url).netloc or url
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=folder, prefix=".copydesk-download-") as work:
            archive = Path(work) / "LanguageTool.zip"
            digest = hashlib.sha256()
            with requests.get(url, stream=True, timeout=(connect_timeout, read_timeout)) as response:
                response.raise_for_status()
                total = int(response.headers.get("Content-Length") or 0) or None
                done = 0
                with archive.open("wb") as out:
                    for chunk in response.iter_content(DOWNLOAD_CHUNK):
                        if cancel is not None and cancel.is_set():
                            raise DownloadError("The download was cancelled.")
                        done += len(chunk)
                        if done > MAX_DOWNLOAD_BYTES:
                            raise DownloadError(f"{host} sent more than {MAX_DOWNLOAD_BYTES} bytes; stopped.")
                        out.write(chunk)
                        digest.update(chunk)
                        if progress is not None:
                            progress(done, total)
            expected = EXPECTED_DOWNLOAD_SHA256.get(version)
            if expected and digest.hexdigest() != expected:
                raise DownloadError("The downloaded file is damaged (its checksum is wrong); nothing was installed.")
            unpacked = Path(work) / "unpacked"
            (Path(work) / "extracting").mkdir()
            with zipfile.ZipFile(archive) as zip_file:
                SafeZipExtractor().extractall(zip_file, unpacked, work_dir=Path(work) / "extracting")
            roots = list(unpacked.iterdir())
            if len(roots) != 1 or not roots[0].is_dir():
                raise DownloadError(f"What {host} sent is not a LanguageTool release; nothing was installed.")
            roots[0].rename(target)
    except requests.RequestException as error:
        raise DownloadError(f"LanguageTool could not be downloaded from {host}: {describe_request_error(error)}.") from None
    except (zipfile.BadZipFile, LanguageToolError) as error:
        raise DownloadError(f"What {host} sent is not a usable LanguageTool archive: {error}") from None
    except OSError as error:
        raise DownloadError(f"LanguageTool could not be saved in {folder}: {error.strerror or error}") from None
    return Installation(folder, release.version_name)
