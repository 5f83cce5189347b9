"""A stand-in LanguageTool server on 127.0.0.1 that answers from recorded responses.

The recordings (``shared/languagetool`` beside the repository) are a real
LanguageTool 6.3 server's answers to whole texts. Copydesk sends paragraphs,
several at a time, so a request is answered paragraph by paragraph: each
paragraph is found in a recorded text of the requested language and gets the
recorded matches that lie inside it, moved to where it sits in the request
(LanguageTool checks paragraphs independently, so this is what it would
say). Offsets stay in UTF-16 units, as LanguageTool counts them, and
``disabledRules`` and ``disabledCategories`` are honoured as the real server
honours them. Every request is kept in ``requests`` for the tests to read.

Run as a script (``recorded_languagetool.py PORT``) it serves until killed:
the fake ``java`` of the local-server tests starts it that way.
"""

from __future__ import annotations

import copy
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

RECORDINGS = Path(__file__).resolve().parents[2] / ".." / "shared" / "languagetool"

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
]


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def recorded_text(name: str, folder: Path = RECORDINGS) -> str:
    """A recorded text exactly as stored (no newline translation)."""
    return (folder / name).read_bytes().decode("utf-8")


def recorded_cases(folder: Path = RECORDINGS) -> list[dict]:
    """The cases of ``folder``'s index.json, each with its ``text`` and its recorded ``response``."""
    cases = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    for case in cases:
        case["text"] = recorded_text(case["text_file"], folder)
        case["response"] = json.loads((folder / case["response_file"]).read_text(encoding="utf-8"))
    return cases


class Recordings:
    def __init__(self, cases: list[dict] | None = None) -> None:
        self.cases = recorded_cases() if cases is None else cases

    def answer(self, text: str, language: str, disabled_rules=(), disabled_categories=()) -> tuple[dict, list[str]]:
        """The response to a request, and the paragraphs of it that no recording knows."""
        cases = [case for case in self.cases if case["language"] == language]
        if not cases:
            raise LookupError(f"no recording in {language}")
        matches, unknown = [], []
        position = 0
        for paragraph in text.split("\n\n"):
            found = next((case for case in cases if paragraph and paragraph in case["text"]), None)
            if found is None:
                if paragraph.strip():
                    unknown.append(paragraph)
            else:
                where = units(found["text"][: found["text"].index(paragraph)])
                length = units(paragraph)
                moved_by = units(text[:position]) - where
                for match in found["response"]["matches"]:
                    if where <= match["offset"] and match["offset"] + match["length"] <= where + length:
                        moved = copy.deepcopy(match)
                        moved["offset"] += moved_by
                        matches.append(moved)
            position += len(paragraph) + 2
        matches = [
            match
            for match in matches
            if not _switched_off(match["rule"], disabled_rules) and match["rule"]["category"]["id"] not in disabled_categories
        ]
        response = copy.deepcopy(cases[0]["response"])
        response["matches"] = matches
        response["sentenceRanges"] = []
        return response, unknown


def _switched_off(rule: dict, disabled_rules) -> bool:
    """Whether ``disabledRules`` switches off the rule of a match. A rule written in Java that makes
    one id per word it flags (EN_COMPOUNDS_WAL_MART, EN_DIACRITICS_REPLACE_CAFES) is switched off by
    its own id (EN_COMPOUNDS); its matches come without the ``sourceFile`` of a pattern rule."""
    rule_id = rule["id"]
    if rule_id in disabled_rules:
        return True
    return "sourceFile" not in rule and any(rule_id.startswith(f"{disabled}_") for disabled in disabled_rules)


class RecordedLanguageTool:
    """The server; ``behaviour`` may be changed while it runs: normal, slow, garbage, wrong-shape."""

    def __init__(self, port: int = 0, behaviour: str = "normal", delay: float = 5.0) -> None:
        self.recordings = Recordings()
        self.behaviour = behaviour
        self.delay = delay
        self.requests: list[dict] = []
        self.unknown: list[str] = []
        self.exit_after_checks: int | None = None  # run as a process: exit once this many checks are answered
        self._http = ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self._http.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}"

    def __enter__(self) -> RecordedLanguageTool:
        threading.Thread(target=self._http.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._http.shutdown()
        self._http.server_close()

    def serve_forever(self) -> None:
        self._http.serve_forever()

    @property
    def checks(self) -> list[dict]:
        return [request for request in self.requests if request["path"] == "/v2/check"]

    def respond(self, path: str, form: dict[str, str]) -> tuple[int, str, bytes]:
        if self.behaviour == "garbage":
            return 502, "text/html", b"<html><body><h1>502 Bad Gateway</h1></body></html>"
        if path == "/v2/languages":
            return 200, "application/json", json.dumps(LANGUAGES).encode()
        if path == "/v2/healthcheck":
            return 200, "text/plain", b"OK"
        if path != "/v2/check":
            return 404, "text/plain", b"Not found"
        if self.behaviour == "slow":
            time.sleep(self.delay)
        if self.behaviour == "wrong-shape":
            return 200, "application/json", b'{"status": "fine"}'
        response, unknown = self.recordings.answer(
            form.get("text", ""),
            form.get("language", ""),
            set(filter(None, form.get("disabledRules", "").split(","))),
            set(filter(None, form.get("disabledCategories", "").split(","))),
        )
        self.unknown.extend(unknown)
        return 200, "application/json", json.dumps(response).encode()


def _handler(server: RecordedLanguageTool):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            self._answer(parts.path, parse_qs(parts.query))

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
            self._answer(urlsplit(self.path).path, parse_qs(body, keep_blank_values=True))

        def _answer(self, path: str, query: dict[str, list[str]]) -> None:
            form = {key: values[0] for key, values in query.items()}
            server.requests.append({"method": self.command, "path": path, "form": form})
            status, kind, body = server.respond(path, form)
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up waiting
            # Only the check that reaches the count ends the process: a request answered beside
            # it on another thread must not end it before that check's answer is written.
            if path == "/v2/check" and len(server.checks) == server.exit_after_checks:
                self.wfile.flush()
                os._exit(7)

        def log_message(self, *args) -> None:
            pass

    return Handler


if __name__ == "__main__":
    RecordedLanguageTool(port=int(sys.argv[1])).serve_forever()
