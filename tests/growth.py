"""How a piece of work grows with its input, without timing assertions tight enough to flake.

Linear work on a text four times as long takes about four times as long;
quadratic work takes sixteen times. ``grows_linearly`` compares the best of a
few runs on each size against a bound well between the two (with an allowance
for work too quick to time), using the process's CPU time, which other
processes on the machine do not add to. The garbage collector is held off
while the work runs: late in a test run it walks every object the earlier
tests left alive, which has nothing to do with the work measured.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

# Between linear (x4) and quadratic (x16) growth for four times the input.
FACTOR = 8
# Work this quick is not timed reliably; it passes whatever its ratio.
ALLOWANCE_S = 0.05


def best_time(work: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.disable()
        try:
            started = time.process_time()
            work()
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def grows_linearly(work: Callable[[str], object], small: str, large: str, attempts: int = 3) -> tuple[bool, str]:
    """Whether ``work(large)`` (four times ``small``) stays within FACTOR times ``work(small)``, and the figures.

    A pair that misses is measured again, up to ``attempts`` times, so that a
    moment of load on a shared machine does not fail it; quadratic work misses every time.
    """
    for _ in range(attempts):
        small_s = best_time(lambda: work(small), runs=2)
        large_s = best_time(lambda: work(large), runs=1)
        figures = f"{len(small):,} chars: {small_s * 1000:.1f} ms; {len(large):,} chars: {large_s * 1000:.1f} ms"
        if large_s <= FACTOR * small_s + ALLOWANCE_S:
            return True, figures
    return False, figures
