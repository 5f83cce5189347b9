"""A stand-in for ``java`` on PATH, so the local-server code runs without Java or LanguageTool.

``java -version`` answers as Java 17 does. ``java -cp JAR org.languagetool.server.HTTPServer -p PORT``
serves the recorded responses on PORT, as LanguageTool's server would. Its pid is appended to the
file named by ``COPYDESK_FAKE_JAVA_PIDS``, so tests can see which servers were started and whether
any is left running. A file ``behaviour`` beside this script's ``java`` wrapper makes the next
server misbehave: ``exit`` (quits at once with status 3) or ``die-after-first-check`` (serves one
check, then exits).
"""

import os
import stat
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.grammar.recorded_languagetool import RecordedLanguageTool  # noqa: E402

VERSION_BANNER = 'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6)\n'


def install(folder: Path) -> Path:
    """Writes the ``java`` wrapper into ``folder`` (made if need be) and returns it; put the folder
    first on PATH. ``COPYDESK_FAKE_JAVA_PIDS`` names the file its servers' pids go to."""
    folder.mkdir(parents=True, exist_ok=True)
    java = folder / "java"
    java.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{Path(__file__).resolve()}" "$@"\n')
    java.chmod(java.stat().st_mode | stat.S_IXUSR)
    return java


def main(args: list[str]) -> int:
    if args[:1] == ["-version"]:
        sys.stderr.write(VERSION_BANNER)
        return 0
    if "org.languagetool.server.HTTPServer" not in args:
        sys.stderr.write(f"fake java: cannot run {args}\n")
        return 1
    pids = os.environ.get("COPYDESK_FAKE_JAVA_PIDS")
    if pids:
        with open(pids, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
    behaviour_file = Path(pids).with_name("behaviour") if pids else None
    behaviour = behaviour_file.read_text().strip() if behaviour_file and behaviour_file.exists() else ""
    if behaviour == "exit":
        sys.stderr.write("Could not start LanguageTool: fake failure\n")
        return 3
    port = int(args[args.index("-p") + 1])
    server = RecordedLanguageTool(port=port)
    if behaviour == "die-after-first-check":
        server.exit_after_checks = 1
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
