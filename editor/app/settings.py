"""Every setting Copydesk keeps between runs: the one place that names each key, its type and default.

They live in QSettings (on Linux ``~/.config/Copydesk/Copydesk.conf``). A
value that cannot be read as its type (an edited or damaged file) reads as
the default.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from editor.engine.style import DEFAULT_STYLE
from editor.grammar import GrammarSettings

MAX_RECENT = 8


class _Setting:
    """One key of ``Settings``: read as ``kind``, ``default`` when missing or unreadable."""

    def __init__(self, key: str, kind: type, default) -> None:
        self.key, self.kind, self.default = key, kind, default

    def __get__(self, settings: Settings | None, owner=None):
        if settings is None:
            return self
        value = settings.store.value(self.key)
        if value is None:
            return self.default
        try:
            return self.kind(value)
        except (TypeError, ValueError):
            return self.default

    def __set__(self, settings: Settings, value) -> None:
        settings.store.setValue(self.key, value)


def _flag(value) -> bool:
    return str(value).lower() == "true"


def _paths(value) -> list[str]:
    # INI files give a one-item list back as a plain string.
    return [value] if isinstance(value, str) else [str(item) for item in value]


class Settings:
    """Copydesk's settings, typed."""

    style = _Setting("style", str, DEFAULT_STYLE)  # a built-in style's name, or a style file's path
    geometry = _Setting("geometry", QByteArray, None)  # the window's size and place
    font_size = _Setting("font_size", int, 0)  # the story's point size; 0 for the default
    font_family = _Setting("font_family", str, "")  # the story's typeface; empty for the default
    appearance = _Setting("appearance", str, "system")  # light, dark, or as the system is
    recent = _Setting("recent", _paths, [])  # recently opened files, newest first
    grammar_mode = _Setting("grammar/mode", str, GrammarSettings.mode)
    grammar_url = _Setting("grammar/url", str, "")
    grammar_languagetool_dir = _Setting("grammar/languagetool_dir", str, "")
    grammar_public_consent = _Setting("grammar/public_consent", _flag, False)
    # How long a LanguageTool started on this computer may stay unused before it stops.
    grammar_quiet_minutes = _Setting("grammar/quiet_minutes", float, GrammarSettings.quiet_period / 60)
    # False once the user said "Don't ask again" to the offer of LanguageTool's download.
    grammar_offer_download = _Setting("grammar/offer_download", _flag, True)

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings()

    def remember_recent(self, path: str) -> None:
        self.recent = ([path] + [other for other in self.recent if other != path])[:MAX_RECENT]

    @property
    def grammar(self) -> GrammarSettings:
        """Where LanguageTool runs; an unknown mode or quiet period falls back to the default."""
        quiet_period = self.grammar_quiet_minutes * 60
        try:
            return GrammarSettings(
                mode=self.grammar_mode,
                url=self.grammar_url,
                languagetool_dir=self.grammar_languagetool_dir,
                public_consent=self.grammar_public_consent,
                quiet_period=quiet_period if quiet_period >= 0 else GrammarSettings.quiet_period,
            )
        except ValueError:
            return GrammarSettings()

    @grammar.setter
    def grammar(self, grammar: GrammarSettings) -> None:
        self.grammar_mode = grammar.mode
        self.grammar_url = grammar.url
        self.grammar_languagetool_dir = grammar.languagetool_dir
        self.grammar_public_consent = "true" if grammar.public_consent else "false"
        self.grammar_quiet_minutes = grammar.quiet_period / 60
