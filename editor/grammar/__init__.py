"""Grammar from LanguageTool, merged with the built-in checks. No Qt here.

``GrammarChecker`` (in ``service``) runs LanguageTool and turns its matches
into ``Issue`` objects; ``merge_issues`` joins them with the built-in ones.
language_tool_python is imported only when LanguageTool is first used, so
importing this package costs nothing.
"""

from editor.grammar.adapter import RULE_PREFIX, merge_issues
from editor.grammar.local import DownloadError, Installation, download_languagetool
from editor.grammar.service import GrammarChecker, GrammarSettings, GrammarState, GrammarStatus

__all__ = [
    "RULE_PREFIX",
    "DownloadError",
    "GrammarChecker",
    "GrammarSettings",
    "GrammarState",
    "GrammarStatus",
    "Installation",
    "download_languagetool",
    "merge_issues",
]
