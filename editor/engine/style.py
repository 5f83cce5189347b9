"""House styles: TOML files that decide what the rules flag and how they fix it.

A built-in style lives in ``resources/styles/<name>.toml``. A newsroom's own
file names a base with ``extends`` and changes only what differs. Every key is
checked against a schema, so a typo in a style file is an error that names
the file, the line and the key, never a silently ignored setting.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from editor.engine.patterns import PatternError, compile_style_pattern
from editor.engine.resources import builtin_style_names, resource, word_list

DEFAULT_STYLE = "ap"
LOCALES = ("en-US", "en-GB")
QUOTE_PUNCTUATION = ("inside", "logical")


class StyleError(Exception):
    """A style file that cannot be used; the message names file, line and key."""

    def __init__(self, source: str, line: int | None, key: str | None, problem: str) -> None:
        self.source = source
        self.line = line
        self.key = key
        self.problem = problem
        where = source if line is None else f"{source}:{line}"
        super().__init__(f"{where}: {problem}" if key is None else f"{where}: {key}: {problem}")


@dataclass(frozen=True)
class VariantGroup:
    """Forms that mean one thing; a story should use only one of them."""

    id: str
    label: str
    forms: tuple[str, ...]
    preferred: str | None = None
    noun_accepted: tuple[str, ...] = ()
    case_sensitive: bool = True
    inflections: tuple[str, ...] = ()
    guarded: tuple[str, ...] = ()
    explanation: str = ""


@dataclass(frozen=True)
class Substitution:
    """A phrase the house style always writes another way."""

    replace: str
    reason: str
    find: str | None = None
    pattern: str | None = None
    unless_followed_by: tuple[str, ...] = ()
    unless_preceded_by: tuple[str, ...] = ()
    case_sensitive: bool = False

    @property
    def key(self) -> str:
        return self.find if self.find is not None else f"/{self.pattern}/"


@dataclass(frozen=True)
class LanguageToolSettings:
    language: str
    disabled_rules: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()


@dataclass(frozen=True, eq=False)
class HouseStyle:
    name: str
    source: str
    description: str
    locale: str
    quote_punctuation: str
    disabled_rules: frozenset[str]
    legitimate_repeats: frozenset[str]
    scrape_lines: tuple[str, ...]
    spelling_exceptions: frozenset[str]
    variants: tuple[VariantGroup, ...]
    substitutions: tuple[Substitution, ...]
    languagetool: LanguageToolSettings
    # Rules keep what they compile from a style here, so it is built once per style.
    _compiled: dict = field(default_factory=dict, repr=False)

    def compiled(self, key: str, build):
        """``build(self)`` once per style and key; later calls return the same object."""
        if key not in self._compiled:
            self._compiled[key] = build(self)
        return self._compiled[key]

    @property
    def foreign_spellings(self) -> dict[str, str]:
        """Words spelled the other locale's way, mapped to the house spelling."""
        return self.compiled("foreign-spellings", _foreign_spellings)


def _foreign_spellings(style: HouseStyle) -> dict[str, str]:
    spellings = word_list("spelling-us-gb")
    if style.locale == "en-US":
        mapping = {british: american for american, british in spellings["pairs"].items()}
        mapping.update(spellings["to_american"])
    else:
        mapping = {**spellings["pairs"], **spellings["to_british"]}
    return {word: house for word, house in mapping.items() if word not in style.spelling_exceptions}


# ---------------------------------------------------------------- schema

_STR = (str, "a string")
_BOOL = (bool, "true or false")
_STR_LIST = (list, "a list of strings")

_STYLE_KEYS = {
    "name": _STR,
    "description": _STR,
    "extends": _STR,
    "locale": _STR,
    "quote_punctuation": _STR,
    "disabled_rules": _STR_LIST,
}
_WORDS_KEYS = {
    "legitimate_repeats": _STR_LIST,
    "scrape_lines": _STR_LIST,
    "spelling_exceptions": _STR_LIST,
}
_LANGUAGETOOL_KEYS = {
    "language": _STR,
    "disabled_rules": _STR_LIST,
    "disabled_categories": _STR_LIST,
}
_VARIANT_KEYS = {
    "id": _STR,
    "label": _STR,
    "forms": _STR_LIST,
    "preferred": _STR,
    "noun_accepted": _STR_LIST,
    "case_sensitive": _BOOL,
    "inflections": _STR_LIST,
    "guarded": _STR_LIST,
    "explanation": _STR,
    "disabled": _BOOL,
}
_SUBSTITUTION_KEYS = {
    "find": _STR,
    "pattern": _STR,
    "replace": _STR,
    "reason": _STR,
    "unless_followed_by": _STR_LIST,
    "unless_preceded_by": _STR_LIST,
    "case_sensitive": _BOOL,
    "disabled": _BOOL,
}
_TABLES = {"style": _STYLE_KEYS, "words": _WORDS_KEYS, "languagetool": _LANGUAGETOOL_KEYS}
_ARRAYS = {"variants": _VARIANT_KEYS, "substitutions": _SUBSTITUTION_KEYS}


class _StyleFile:
    """One parsed style file, with what is needed to point at its lines."""

    def __init__(self, source: str, text: str) -> None:
        self.source = source
        self.lines = text.splitlines()
        try:
            self.data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            match = re.search(r"line (\d+)", str(error))
            raise StyleError(source, int(match.group(1)) if match else None, None, str(error)) from None

    def line_of(self, key: str, table: str | None = None, index: int = 0) -> int | None:
        """The line where ``key`` is set, inside ``[table]`` or the ``index``-th ``[[table]]``."""
        start = 0
        if table is not None:
            headers = [
                number
                for number, line in enumerate(self.lines)
                if re.match(rf"\s*\[\[?\s*{re.escape(table)}\s*\]\]?", line)
            ]
            if index >= len(headers):
                return self.line_of(key) if key == table else None
            start = headers[index]
            if key == table:
                return start + 1
        assignment = re.compile(rf"\s*\"?{re.escape(key)}\"?\s*=")
        for number in range(start, len(self.lines)):
            if number > start and table is not None and self.lines[number].lstrip().startswith("["):
                break
            if assignment.match(self.lines[number]):
                return number + 1
        return None

    def error(self, problem: str, key: str, table: str | None = None, index: int = 0) -> StyleError:
        name = key if table is None or key == table else f"{table}.{key}"
        if table in _ARRAYS:
            name = f"{table}[{index}].{key}" if key != table else f"{table}[{index}]"
        return StyleError(self.source, self.line_of(key, table, index), name, problem)

    def validate(self) -> None:
        for key, value in self.data.items():
            if key in _TABLES:
                if not isinstance(value, dict):
                    raise self.error("must be a table", key, key)
                self._check_keys(value, _TABLES[key], key)
            elif key in _ARRAYS:
                if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
                    raise self.error(f"must be written as [[{key}]] tables", key, key)
                for index, item in enumerate(value):
                    self._check_keys(item, _ARRAYS[key], key, index)
            else:
                known = ", ".join(sorted([*_TABLES, *_ARRAYS]))
                raise self.error(f"unknown section (known: {known})", key, key)

    def _check_keys(self, table: dict, schema: dict, name: str, index: int = 0) -> None:
        for key, value in table.items():
            if key not in schema:
                raise self.error(f"unknown key (known: {', '.join(sorted(schema))})", key, name, index)
            expected, description = schema[key]
            ok = isinstance(value, expected)
            if ok and expected is list:
                ok = all(isinstance(item, str) for item in value)
            if not ok:
                raise self.error(f"must be {description}", key, name, index)


# ---------------------------------------------------------------- loading


def load_style(name_or_path: str | Path | None = None) -> HouseStyle:
    """A built-in style by name (``ap``, ``british``) or a style file by path."""
    if name_or_path is None:
        name_or_path = DEFAULT_STYLE
    layers = _layers(str(name_or_path), seen=())
    return _build(layers)


@cache
def builtin_style(name: str) -> HouseStyle:
    return load_style(name)


def _read_layer(name_or_path: str) -> _StyleFile:
    if name_or_path in builtin_style_names():
        source = f"{name_or_path} (built-in style)"
        text = resource("styles", f"{name_or_path}.toml").read_text(encoding="utf-8")
    else:
        path = Path(name_or_path)
        source = str(path)
        if not path.suffix and not path.exists():
            known = ", ".join(builtin_style_names())
            raise StyleError(source, None, None, f"no such house style (built-in: {known})")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            raise StyleError(source, None, None, f"cannot read the style file: {reason}") from None
    style_file = _StyleFile(source, text)
    style_file.validate()
    return style_file


def _layers(name_or_path: str, seen: tuple[str, ...]) -> list[_StyleFile]:
    """The file and the chain of styles it extends, base first."""
    layer = _read_layer(name_or_path)
    base = layer.data.get("style", {}).get("extends")
    if base is None:
        return [layer]
    if base not in builtin_style_names() and not Path(base).is_absolute() and Path(name_or_path).exists():
        base = str(Path(name_or_path).parent / base)
    if _identity(base) in {_identity(earlier) for earlier in (*seen, name_or_path)}:
        raise layer.error("extends itself through a loop", "extends", "style")
    return [*_layers(base, (*seen, name_or_path)), layer]


def _identity(name_or_path: str) -> str:
    return name_or_path if name_or_path in builtin_style_names() else str(Path(name_or_path).resolve())


def _build(layers: list[_StyleFile]) -> HouseStyle:
    settings: dict[str, Any] = {}
    words: dict[str, set[str]] = {key: set() for key in _WORDS_KEYS}
    disabled_rules: set[str] = set()
    languagetool: dict[str, Any] = {}
    lt_disabled: set[str] = set()
    lt_categories: set[str] = set()
    variants: dict[str, VariantGroup] = {}
    substitutions: dict[str, Substitution] = {}

    for layer in layers:
        style_table = layer.data.get("style", {})
        settings.update({k: v for k, v in style_table.items() if k != "disabled_rules"})
        disabled_rules.update(style_table.get("disabled_rules", ()))
        for key, values in layer.data.get("words", {}).items():
            words[key].update(values)
        lt_table = layer.data.get("languagetool", {})
        languagetool.update(lt_table)
        lt_disabled.update(lt_table.get("disabled_rules", ()))
        lt_categories.update(lt_table.get("disabled_categories", ()))
        for index, table in enumerate(layer.data.get("variants", ())):
            group = _variant_group(layer, table, index)
            variants.pop(group.id, None)
            if not table.get("disabled", False):
                variants[group.id] = group
        for index, table in enumerate(layer.data.get("substitutions", ())):
            substitution = _substitution(layer, table, index)
            substitutions.pop(substitution.key, None)
            if not table.get("disabled", False):
                substitutions[substitution.key] = substitution

    top = layers[-1]
    locale = settings.get("locale", "en-US")
    if locale not in LOCALES:
        raise top.error(f"must be one of {', '.join(LOCALES)}", "locale", "style")
    quote_punctuation = settings.get("quote_punctuation", "inside")
    if quote_punctuation not in QUOTE_PUNCTUATION:
        raise top.error(f"must be one of {', '.join(QUOTE_PUNCTUATION)}", "quote_punctuation", "style")
    _check_rule_names(top, disabled_rules)

    repeats = set(word_list("legitimate-repeats")["repeats"]) | words["legitimate_repeats"]
    scrape = [*word_list("scrape-lines")["lines"], *sorted(words["scrape_lines"])]
    return HouseStyle(
        name=settings.get("name", Path(top.source).stem),
        source=top.source,
        description=settings.get("description", ""),
        locale=locale,
        quote_punctuation=quote_punctuation,
        disabled_rules=frozenset(disabled_rules),
        legitimate_repeats=frozenset(repeat.casefold() for repeat in repeats),
        scrape_lines=tuple(dict.fromkeys(scrape)),
        spelling_exceptions=frozenset(word.casefold() for word in words["spelling_exceptions"]),
        variants=tuple(variants.values()),
        substitutions=tuple(substitutions.values()),
        languagetool=LanguageToolSettings(
            language=languagetool.get("language", locale),
            disabled_rules=frozenset(lt_disabled),
            disabled_categories=frozenset(lt_categories),
        ),
    )


def _check_rule_names(layer: _StyleFile, names: set[str]) -> None:
    from editor.rules import rule_ids

    unknown = sorted(names - rule_ids())
    if unknown:
        raise layer.error(f"unknown rule {unknown[0]!r}", "disabled_rules", "style")


def _variant_group(layer: _StyleFile, table: dict, index: int) -> VariantGroup:
    def fail(problem: str, key: str) -> StyleError:
        return layer.error(problem, key, "variants", index)

    for required in ("id", "forms"):
        if required not in table:
            raise fail(f"missing required key {required!r}", "variants")
    if table.get("disabled", False):
        return VariantGroup(id=table["id"], label=table["id"], forms=tuple(table["forms"]))
    forms = tuple(table["forms"])
    if len(forms) < 2 or any(not form.strip() for form in forms):
        raise fail("needs at least two non-empty forms", "forms")
    for key in ("preferred",):
        if key in table and table[key] not in forms:
            raise fail(f"{table[key]!r} is not one of the group's forms", key)
    for key in ("noun_accepted", "guarded"):
        for form in table.get(key, ()):
            if form not in forms:
                raise fail(f"{form!r} is not one of the group's forms", key)
    return VariantGroup(
        id=table["id"],
        label=table.get("label", table["id"]),
        forms=forms,
        preferred=table.get("preferred"),
        noun_accepted=tuple(table.get("noun_accepted", ())),
        case_sensitive=table.get("case_sensitive", True),
        inflections=tuple(table.get("inflections", ())),
        guarded=tuple(table.get("guarded", ())),
        explanation=table.get("explanation", ""),
    )


def _substitution(layer: _StyleFile, table: dict, index: int) -> Substitution:
    def fail(problem: str, key: str) -> StyleError:
        return layer.error(problem, key, "substitutions", index)

    if ("find" in table) == ("pattern" in table):
        raise fail("needs exactly one of 'find' or 'pattern'", "substitutions")
    if table.get("disabled", False):
        return Substitution(replace="", reason="", find=table.get("find"), pattern=table.get("pattern"))
    for required in ("replace", "reason"):
        if required not in table:
            raise fail(f"missing required key {required!r}", "substitutions")
    if "find" in table and not table["find"].strip():
        raise fail("must not be empty", "find")
    if "pattern" in table:
        try:
            compile_style_pattern(table["pattern"])
        except PatternError as error:
            raise fail(str(error), "pattern") from None
    return Substitution(
        replace=table["replace"],
        reason=table["reason"],
        find=table.get("find"),
        pattern=table.get("pattern"),
        unless_followed_by=tuple(table.get("unless_followed_by", ())),
        unless_preceded_by=tuple(table.get("unless_preceded_by", ())),
        case_sensitive=table.get("case_sensitive", False),
    )
