"""Grammar from LanguageTool, merged with the built-in checks. No Qt here.

``GrammarChecker`` (in ``service``) runs LanguageTool and turns its matches
into ``Issue`` objects; ``merge_issues`` joins them with the built-in ones.
What this package offers is imported when it is first asked for, and
language_tool_python only when LanguageTool is first used: the check session
imports ``adapter`` for every check, and a check from the command line without
LanguageTool must not pay for the download and server code (30 ms of its start).
"""

from importlib import import_module

# Each name this package offers, and its module.
_HOMES = {
    "RULE_PREFIX": "adapter",
    "merge_issues": "adapter",
    "DownloadError": "local",
    "Installation": "local",
    "download_languagetool": "local",
    "GrammarChecker": "service",
    "GrammarSettings": "service",
    "GrammarState": "service",
    "GrammarStatus": "service",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
