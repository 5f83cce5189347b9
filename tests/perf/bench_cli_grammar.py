"""`copydesk check --grammar` twice in a row, as whole processes: prints JSON figures; never asserts on time.

    .venv/bin/python tests/perf/bench_cli_grammar.py [--runs N] [--languagetool-dir DIR]

Each run stops the resident LanguageTool, then times a first call (which
starts it) and a second call (which finds it). With ``--languagetool-dir``
(a LanguageTool-<version> folder) the server is a real LanguageTool; without,
it is the tests' stand-in: a fake ``java`` serving recorded answers (it needs
``shared/languagetool`` beside the checkout), which starts in a fraction of a
second where a real LanguageTool takes about ten, so the first call's figure
then says little. Everything runs in a runtime folder of its own.

- first_call_ms, second_call_ms: each run's wall time, and their medians.
- first_call_says_starting: whether the first call said on standard error
  that LanguageTool was starting, and the second did not.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.engine.resources import resource  # noqa: E402
from tests.grammar.fake_java import install as install_fake_java  # noqa: E402
from tests.grammar.recorded_languagetool import RECORDINGS  # noqa: E402


def stand_in(work: Path) -> tuple[dict[str, str], str]:
    """The environment and LanguageTool folder for the fake java and a dummy LanguageTool 6.3."""
    if not RECORDINGS.is_dir():
        sys.exit(f"no recorded LanguageTool answers at {RECORDINGS}: give --languagetool-dir")
    java = install_fake_java(work / "fake-java")
    directory = work / "LanguageTool-6.3"
    directory.mkdir()
    (directory / "languagetool-server.jar").write_bytes(b"")
    return {"PATH": f"{java.parent}{os.pathsep}{os.environ['PATH']}"}, str(directory)


def timed(command: list[str], environment: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=600)
    elapsed = (time.perf_counter() - started) * 1000
    if result.returncode not in (0, 1):
        sys.exit(f"copydesk check failed ({result.returncode}): {result.stderr.strip()}")
    return round(elapsed, 1), result


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--languagetool-dir", help="a real LanguageTool-<version> folder")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="copydesk-bench-") as work_folder:
        work = Path(work_folder)
        runtime = work / "runtime"
        runtime.mkdir(mode=0o700)
        environment = os.environ | {"XDG_RUNTIME_DIR": str(runtime), "XDG_DATA_HOME": str(work / "data")}
        if options.languagetool_dir:
            directory, server = options.languagetool_dir, "LanguageTool"
        else:
            extra, directory = stand_in(work)
            environment |= extra
            server = "stand-in (recorded answers)"
        story = str(resource("samples", "wire-story.txt"))
        check = [sys.executable, "-m", "editor", "check", "--grammar", "--languagetool-dir", directory, story]
        stop = [sys.executable, "-c", "from editor.grammar.resident import stop_resident; stop_resident()"]
        firsts, seconds, said = [], [], []
        try:
            for _ in range(options.runs):
                subprocess.run(stop, check=True, env=environment)
                first, first_result = timed(check, environment)
                second, second_result = timed(check, environment)
                firsts.append(first)
                seconds.append(second)
                said.append("Starting LanguageTool" in first_result.stderr and second_result.stderr == "")
        finally:
            subprocess.run(stop, check=True, env=environment)
    return {
        "server": server,
        "first_call_ms": {"runs": firsts, "median": statistics.median(firsts)},
        "second_call_ms": {"runs": seconds, "median": statistics.median(seconds)},
        "first_call_says_starting": all(said),
    }


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))
