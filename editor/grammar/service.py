"""LanguageTool as a service to the window and the command line.

A ``GrammarChecker`` owns the connection: LanguageTool started on this
computer (the default), a newsroom's own server by URL, or the public
service, which is used only when the user has turned it on knowing that the
story text leaves the machine. Its state is one of ``GrammarState``, with a
message saying why, and it never raises to its caller: when LanguageTool is
missing, starting, slow, dead or unreachable, ``check`` returns ``None`` and
the built-in checks carry on alone.

Threading contract: ``start`` and ``check`` block (start-up takes seconds,
a check waits for the server), so call them from a worker thread, never the
UI thread; calls are serialised. ``status``, ``cancel``, ``retry`` and
``close`` return at once and are safe from any thread. ``on_status`` is
called on the thread whose work changed the state, usually the worker, so a
window passes it on to its UI thread (a queued signal). A ``check`` is
superseded by any later ``check`` or ``cancel``, or by its own
``superseded`` test: it returns ``None`` before its next request, keeping
what it already received in the paragraph cache.

LanguageTool on this computer is the user's resident server (``resident``):
found or started on the first check, shared with every other Copydesk of the
user, and left running when the checker closes, until it has been unused for
``quiet_period`` seconds; a check after that starts it again. A local server
that dies is started again once; if it dies again that is reported and left
so until ``retry``. A server that refuses, times out or
answers garbage makes the state unavailable, and the next check after
``retry_interval`` seconds tries again.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from urllib.parse import urlsplit

from editor.engine.issues import Issue
from editor.engine.style import HouseStyle, LanguageToolSettings
from editor.grammar.adapter import disabled_rules
from editor.grammar.failures import describe_request_error, shorten
from editor.grammar.local import CannotRun, NotInstalled, installation_to_run
from editor.grammar.paragraphs import ParagraphCache
from editor.grammar.resident import ResidentServer, attach

MODES = ("off", "local", "remote", "public")
PUBLIC_URL = "https://api.languagetool.org/"
# How long a local server that failed a request may take to exit before it
# counts as alive (and the failure as the request's, not the server's).
DYING_GRACE = 1.0

# language_tool_python.Match converts offsets with a class-level copy of the
# last text it saw, so two checks building matches at once would mix them up.
_MATCHES = threading.Lock()


class GrammarState(str, Enum):
    OFF = "off"
    IDLE = "idle"  # not connected yet: the first check connects
    STARTING = "starting"
    READY = "ready"
    NOT_INSTALLED = "not-installed"  # the window may offer download_languagetool()
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class GrammarStatus:
    state: GrammarState
    message: str


@dataclass(frozen=True)
class GrammarSettings:
    mode: str = "local"
    url: str = ""  # remote: the newsroom's LanguageTool server
    languagetool_dir: str = ""  # local: a LanguageTool-<version> folder already on disk
    public_consent: bool = False  # public: the user accepted that the text leaves the machine
    connect_timeout: float = 3.0
    read_timeout: float = 30.0
    start_timeout: float = 120.0
    retry_interval: float = 60.0
    quiet_period: float = 30 * 60.0  # local: seconds unused before the resident server stops

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown LanguageTool mode {self.mode!r} (one of {', '.join(MODES)})")

    @property
    def where(self) -> str:
        if self.mode == "remote":
            return f"the LanguageTool server at {self.url}"
        if self.mode == "public":
            return "the public LanguageTool service (languagetool.org)"
        return "LanguageTool on this computer"


class _Failure(Exception):
    def __init__(self, message: str, retry_after: float | None, state: GrammarState = GrammarState.UNAVAILABLE):
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after  # seconds; None: not before retry()
        self.state = state


class GrammarChecker:
    """LanguageTool's issues for a story, from wherever the settings say LanguageTool runs."""

    def __init__(
        self,
        settings: GrammarSettings | None = None,
        on_status: Callable[[GrammarStatus], None] | None = None,
    ) -> None:
        self.settings = settings or GrammarSettings()
        self._on_status = on_status
        self._work = threading.Lock()
        self._tickets = threading.Lock()
        self._latest = 0
        self._closed = False
        self._client = None
        self._client_profile: LanguageToolSettings | None = None
        self._server: ResidentServer | None = None
        self._restarted = False
        self._retry_at: float | None = None
        self._cache = ParagraphCache()
        if self.settings.mode == "off":
            self._status = GrammarStatus(GrammarState.OFF, "Grammar checks by LanguageTool are turned off.")
        else:
            self._status = GrammarStatus(GrammarState.IDLE, f"{_capital(self.settings.where)} is used from the first check.")

    @property
    def status(self) -> GrammarStatus:
        return self._status

    @property
    def server(self) -> ResidentServer | None:
        """The resident LanguageTool server this checker uses, if any."""
        return self._server

    def start(self) -> bool:
        """Connects, starting LanguageTool here if that is the mode; True once ready. Blocks."""
        with self._work:
            return self._ready()

    def check(
        self, text: str, style: HouseStyle, superseded: Callable[[], bool] | None = None
    ) -> list[Issue] | None:
        """LanguageTool's issues in ``text`` under ``style``, offsets in code points. Blocks.

        ``None`` when there is no answer this time: LanguageTool is off or
        unavailable (``status`` says why), or the check was superseded: by
        ``superseded()`` turning true where it is given (each window of a
        shared checker says when its own text is out of date), else by any
        later ``check`` or ``cancel``.
        """
        ticket = self._take_ticket() if superseded is None else None
        stale = superseded or (lambda: ticket != self._latest)
        with self._work:
            if stale() or not self._ready():
                return None
            profile = style.languagetool
            try:
                issues = self._cache.check(
                    text, profile, lambda batch: self._send(batch, profile), lambda: self._closed or stale()
                )
            except _Failure as failure:
                self._fail(failure)
                return None
        return issues

    def cancel(self) -> None:
        """Supersedes the check in flight that was not given its own ``superseded``; it returns ``None``
        before its next request."""
        self._take_ticket()

    def _take_ticket(self) -> int:
        with self._tickets:
            self._latest += 1
            return self._latest

    def retry(self) -> None:
        """Forgets a failure: the next check connects again, and a local server may be restarted once more."""
        self._retry_at = 0.0
        self._restarted = False

    def close(self) -> None:
        """Stops using LanguageTool (a resident server stays for its quiet period); later checks return ``None``."""
        self._closed = True
        self.cancel()
        self._status = GrammarStatus(GrammarState.OFF, "LanguageTool was stopped.")
        self._announce()

    # ------------------------------------------------------------ connecting

    def _ready(self) -> bool:
        if self._closed or self.settings.mode == "off":
            return False
        if self._client is not None:
            if self._server is None or self._server.keep():
                return True
            # The resident server stopped after its quiet period: start it again.
            self._client = self._server = None
        failed = self._status.state in (GrammarState.UNAVAILABLE, GrammarState.NOT_INSTALLED)
        if failed and (self._retry_at is None or time.monotonic() < self._retry_at):
            return False
        try:
            self._connect()
        except _Failure as failure:
            self._fail(failure)
            return False
        except ImportError as error:
            self._fail(_Failure(f"This Copydesk was installed without {error.name or 'language-tool-python'}.", None))
            return False
        return True

    def _connect(self) -> None:
        settings = self.settings
        if settings.mode == "local":
            url = self._start_server()
        elif settings.mode == "remote":
            url = _server_url(settings.url)
            self._set(GrammarState.STARTING, f"Connecting to {settings.where}.")
        else:
            if not settings.public_consent:
                raise _Failure(
                    "The public LanguageTool service is not turned on: it would send the story's text "
                    "to languagetool.org. Turn it on in the settings to use it.",
                    retry_after=None,
                )
            url = PUBLIC_URL
            self._set(GrammarState.STARTING, f"Connecting to {settings.where}.")
        self._client = self._open_client(url)
        self._client_profile = None
        self._set(GrammarState.READY, f"Checking with {settings.where}.")

    def _start_server(self, starting: str = "Starting LanguageTool on this computer; this takes a few seconds.") -> str:
        try:
            installation = installation_to_run(self.settings.languagetool_dir)
        except NotInstalled as error:
            raise _Failure(str(error), retry_after=None, state=GrammarState.NOT_INSTALLED) from None
        except CannotRun as error:
            raise _Failure(str(error), retry_after=None) from None
        try:
            self._server = attach(
                installation,
                self.settings.quiet_period,
                self.settings.start_timeout,
                lambda: self._set(GrammarState.STARTING, starting),
            )
        except CannotRun as error:
            raise _Failure(str(error), retry_after=None) from None
        return self._server.url

    def _open_client(self, url: str):
        client_class = _client_class((self.settings.connect_timeout, self.settings.read_timeout))
        try:
            # Asks the server for its languages: the first sign of life.
            return client_class("auto", remote_server=url)
        except Exception as error:  # noqa: BLE001 - any failure of the client is a reason to report
            raise self._failure(error) from None

    # ------------------------------------------------------------ checking

    def _send(self, text: str, profile: LanguageToolSettings) -> list:
        while True:
            try:
                return self._ask(text, profile)
            except _Failure:
                raise
            except Exception as error:  # noqa: BLE001 - see _failure
                server = self._server
                if server is None or self._closed or server.survives(DYING_GRACE):
                    raise self._failure(error) from None
                self._restart(server)

    def _ask(self, text: str, profile: LanguageToolSettings) -> list:
        client = self._client
        if self._client_profile != profile:
            try:
                client.language = profile.language
            except ValueError:
                raise _Failure(
                    f"{_capital(self.settings.where)} does not check {profile.language}.", retry_after=None
                ) from None
            client.disabled_rules = set(disabled_rules(profile))
            client.disabled_categories = set(profile.disabled_categories)
            self._client_profile = profile
        with _MATCHES:
            return client.check(text)

    def _restart(self, server: ResidentServer) -> None:
        server.stop()
        self._client = self._server = None
        if self._restarted:
            raise _Failure("LanguageTool stopped again after one restart.", retry_after=None)
        self._restarted = True
        self._client = self._open_client(self._start_server("LanguageTool stopped; starting it again."))
        self._client_profile = None
        self._set(GrammarState.READY, f"Checking with {self.settings.where}.")

    def _failure(self, error: BaseException) -> _Failure:
        """A failed request as a reason for the user; the client wraps network errors in its own."""
        import requests
        from language_tool_python.exceptions import LanguageToolError, RateLimitError

        where = self.settings.where
        retry = self.settings.retry_interval
        cause = error.__cause__
        if isinstance(cause, ValueError):  # the body was not JSON (requests' JSONDecodeError is both)
            return _Failure(f"{_capital(where)} did not answer like a LanguageTool server.", retry)
        if isinstance(error, requests.RequestException) or isinstance(cause, requests.RequestException):
            reason = describe_request_error(error if isinstance(error, requests.RequestException) else cause)
            if isinstance(cause, requests.ReadTimeout):
                reason = f"it did not answer within {self.settings.read_timeout:g} seconds"
            return _Failure(f"Could not reach {where}: {reason}.", retry)
        if isinstance(error, RateLimitError):
            return _Failure(f"{_capital(where)} refused more checks for now: {error}", retry)
        if isinstance(error, LanguageToolError):
            said = f" It said: {shorten(str(error))}" if str(error).strip() else ""
            return _Failure(f"{_capital(where)} did not answer like a LanguageTool server.{said}", retry)
        if isinstance(error, (KeyError, TypeError, ValueError, AttributeError)):
            return _Failure(f"{_capital(where)} did not answer like a LanguageTool server.", retry)
        return _Failure(f"Checking with {where} failed: {shorten(repr(error))}", retry)

    # ------------------------------------------------------------ state

    def _fail(self, failure: _Failure) -> None:
        self._client = self._server = None
        self._retry_at = None if failure.retry_after is None else time.monotonic() + failure.retry_after
        self._set(failure.state, failure.message)

    def _set(self, state: GrammarState, message: str) -> None:
        if self._closed:
            return
        self._status = GrammarStatus(state, message)
        self._announce()

    def _announce(self) -> None:
        if self._on_status is not None:
            self._on_status(self._status)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _server_url(url: str) -> str:
    """The base URL language_tool_python expects: scheme, host and path, without ``/v2``, ending in ``/``."""
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _Failure(f"{url} is not the address of a LanguageTool server (http://host:port).", retry_after=None)
    path = parts.path.rstrip("/")
    if path.endswith("/v2"):
        path = path[: -len("/v2")]
    return f"{parts.scheme}://{parts.netloc}{path}/"


@functools.cache
def _client_class(timeout: tuple[float, float]):
    """language_tool_python's client, waiting at most ``timeout`` (connect, read) seconds instead of 300."""
    import language_tool_python

    return type("CopydeskLanguageTool", (language_tool_python.LanguageTool,), {"_TIMEOUT": timeout})
