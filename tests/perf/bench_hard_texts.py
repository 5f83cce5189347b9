"""Checking speed on texts made to be hard for the checker: prints JSON figures; never asserts on time.

    .venv/bin/python tests/perf/bench_hard_texts.py [--quick] [--runs N]

For each text of ``tests/hard_texts.py`` at 1 MB, the CPU seconds per MB of a
fresh Checker and of ``copydesk check`` as a whole process, and the number of
issues. The process's start (Python, the house style, the spelling dictionary)
costs the same whatever the input, so it is given once, as ``cli_start_s``
(checking a one-line file), and taken out of each text's ``cli_s_per_mb``;
``cli_with_start_s_per_mb`` leaves it in. CPU time, not wall time, so that
other work on the machine does not count. The target is at most 1 s per MB for
every text. --quick: 0.1 MB, and ``copydesk check`` on the slowest text only.
--runs N: each figure is the least of N runs, since other work on the machine
only ever adds time (a busy machine here moved single runs by a third).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Run as a script: the checkout's root holds the tests package with the texts.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.engine import Checker, builtin_style  # noqa: E402
from tests.hard_texts import HARD_TEXTS  # noqa: E402
from tests.perf.installed import installed_environment  # noqa: E402


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cli_seconds(text: str, folder: str) -> float:
    path = Path(folder) / "hard.txt"
    path.write_text(text, encoding="utf-8")
    before = _children_cpu()
    command = [sys.executable, "-m", "editor", "check", str(path)]
    subprocess.run(command, stdout=subprocess.DEVNULL, env=installed_environment())
    return _children_cpu() - before


def _cli_figures(text: str, folder: str, start: float, runs: int) -> dict:
    seconds = min(_cli_seconds(text, folder) for _ in range(runs))
    megabytes = len(text.encode()) / 1_000_000
    return {
        "cli_s_per_mb": round((seconds - start) / megabytes, 2),
        "cli_with_start_s_per_mb": round(seconds / megabytes, 2),
    }


def _check_seconds(style, text: str) -> tuple[float, int]:
    started = time.process_time()
    issues = Checker(style).check(text)
    return time.process_time() - started, len(issues)


def main(quick: bool, runs: int) -> dict:
    size = 100_000 if quick else 1_000_000
    style = builtin_style("ap")
    Checker(style).check("Warm up the style's patterns.")
    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        _cli_seconds("Keep the compiled modules.", folder)
        start = min(_cli_seconds("One line of copy.", folder) for _ in range(3))
        for name, make in HARD_TEXTS.items():
            text = make(size)
            seconds, issues = min(_check_seconds(style, text) for _ in range(runs))
            figures[name] = {
                "check_s_per_mb": round(seconds / (len(text.encode()) / 1_000_000), 2),
                "issues": issues,
            }
            if not quick:
                figures[name] |= _cli_figures(text, folder, start, runs)
        slowest = max(figures, key=lambda name: figures[name]["check_s_per_mb"])
        if quick:
            figures[slowest] |= _cli_figures(HARD_TEXTS[slowest](size), folder, start, runs)
    return {
        "megabytes": size / 1_000_000,
        "runs": runs,
        "cli_start_s": round(start, 2),
        "texts": figures,
        "slowest": {slowest: figures[slowest]},
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Checking speed on texts made to be hard for the checker.")
    parser.add_argument("--quick", action="store_true", help="0.1 MB, copydesk check on the slowest text only")
    parser.add_argument("--runs", type=int, default=1, help="take the least of this many runs of each figure")
    arguments = parser.parse_args()
    print(json.dumps(main(arguments.quick, max(1, arguments.runs)), indent=2))
