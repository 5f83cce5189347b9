"""The environment a benchmark runs ``copydesk check`` in, as a process of an installed Copydesk."""

from __future__ import annotations

import os


def installed_environment() -> dict[str, str]:
    """This environment without ``PYTHONDONTWRITEBYTECODE``.

    Installed, Copydesk's modules are compiled once and kept; where the
    environment forbids keeping them, each start compiles them all again
    (about 0.1 s), which is Python's cost on that machine, not Copydesk's.
    The run before the timed ones keeps them.
    """
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
