"""Why a request to a server failed, in words for the status bar rather than a traceback."""

from __future__ import annotations

# Socket errors as the operating system words them, and what they mean to a user.
_SOCKET_REASONS = (
    ("Connection refused", "nothing is listening there (connection refused)"),
    ("Name or service not known", "the server name could not be found"),
    ("nodename nor servname", "the server name could not be found"),
    ("Temporary failure in name resolution", "the server name could not be looked up (is the network down?)"),
    ("Network is unreachable", "the network is unreachable"),
    ("No route to host", "there is no route to the server"),
    ("Connection reset", "the server dropped the connection"),
    ("RemoteDisconnected", "the server closed the connection without answering"),
    ("CERTIFICATE_VERIFY_FAILED", "the server's certificate could not be verified"),
)


def describe_request_error(error: BaseException) -> str:
    import requests

    if isinstance(error, requests.ConnectTimeout):
        return "no answer to the connection (is the network down?)"
    if isinstance(error, requests.ReadTimeout):
        return "it did not answer in time"
    if isinstance(error, requests.HTTPError) and error.response is not None:
        return f"it answered HTTP {error.response.status_code} {error.response.reason}"
    text = str(error)
    for needle, reason in _SOCKET_REASONS:
        if needle in text:
            return reason
    return shorten(text)


def shorten(text: str, limit: int = 120) -> str:
    """One line of at most ``limit`` characters, for a reason quoting what a server said."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
