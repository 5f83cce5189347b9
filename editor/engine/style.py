"""House styles: TOML files that decide what the rules flag and how they fix it.

A built-in style lives in ``resources/styles/<name>.toml``. A newsroom's own
file names a base with ``extends`` and changes only what differs. Every key is
checked against a schema, so a typo in a style file is an error that names
the file, the line and the key, never a silently ignored setting.

A style file is read only if it is a regular file of at most
``MAX_STYLE_BYTES`` (a device would be read for ever, a pipe would wait for a
writer), and a chain of ``extends`` at most ``MAX_EXTENDS`` files long, with no
loop. A base that cannot be read is reported at the ``extends`` line that
named it.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType, UnionType
from typing import Any, get_args, get_origin, get_type_hints

from editor.engine.patterns import PatternError, compile_user_pattern, read_template
from editor.engine.resources import builtin_style_names, resource, word_list

DEFAULT_STYLE = "ap"
# ap.toml is 11 KB. A file twenty times larger is a mistake, and one much larger would
# hold up the first check: 250 KB of [[substitutions]] take a second to compile.
MAX_STYLE_BYTES = 256_000
MAX_EXTENDS = 20
LOCALES = ("en-US", "en-GB")
QUOTE_PUNCTUATION = ("inside", "logical")
# How a percentage is written after a figure; "" leaves it to the story's majority.
PERCENT_FORMS = ("percent", "per cent", "%", "pct", "")
# The word after a number written in words ("Sixteen per cent"), where a sign cannot follow.
PERCENT_WORDS = ("percent", "per cent")
WIRE_ABBREVIATIONS = ("accept", "expand")
# "March 6" or "6 March"; "" leaves it to the story's majority.
DATE_ORDERS = ("month-day", "day-month", "")


class StyleError(Exception):
    """A style file that cannot be used; the message names file, line and key."""

    def __init__(self, source: str, line: int | None, key: str | None, problem: str) -> None:
        self.source = source
        self.line = line
        self.key = key
        self.problem = problem
        where = source if line is None else f"{source}:{line}"
        super().__init__(f"{where}: {problem}" if key is None else f"{where}: {key}: {problem}")


class _Unreadable(StyleError):
    """A style file that could not be read at all: reported where a base's ``extends`` named it."""


# ---------------------------------------------------------------- the file's sections
# The keys a style file may set are the fields of these dataclasses: [style] is
# StyleSettings, [words] WordLists, [languagetool] LanguageToolSettings, each
# [[variants]] a VariantGroup and each [[substitutions]] a Substitution. A
# field's type says what the key takes; ``choices`` in its metadata lists the
# values allowed. Nothing else lists the keys.


@dataclass(frozen=True)
class StyleSettings:
    """``[style]``: what the style is, and its switches."""

    name: str = ""
    description: str = ""
    extends: str = ""
    locale: str = field(default="en-US", metadata={"choices": LOCALES})
    quote_punctuation: str = field(default="inside", metadata={"choices": QUOTE_PUNCTUATION})
    disabled_rules: frozenset[str] = frozenset()


@dataclass(frozen=True)
class WordLists:
    """``[words]``: words the rules take as written on purpose."""

    legitimate_repeats: frozenset[str] = frozenset()
    scrape_lines: tuple[str, ...] = ()
    spelling_exceptions: frozenset[str] = frozenset()
    house_words: frozenset[str] = frozenset()
    # The house spelling of compounds a story may write several ways; a style's
    # form of a compound replaces its base style's form of it.
    compounds: tuple[str, ...] = ()


@dataclass(frozen=True)
class LanguageToolSettings:
    """``[languagetool]``: the language LanguageTool checks in, and the rules and categories it
    leaves off, each id with the reason (the tables ``[languagetool.disabled_rules]`` and
    ``[languagetool.disabled_categories]``)."""

    language: str = ""
    # Left out of the hash (a mapping has none); equal settings still compare equal.
    disabled_rules: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)
    disabled_categories: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), hash=False)


@dataclass(frozen=True)
class HouseForms:
    """``[forms]``: how the house writes percentages, dates, numbers and titles before names."""

    percent: str = field(default="", metadata={"choices": PERCENT_FORMS})
    percent_after_words: str = field(default="percent", metadata={"choices": PERCENT_WORDS})
    # The wire's own abbreviations (pct, mln, dlrs: resources/wordlists/wire-abbreviations.toml)
    # in a story that uses them consistently: left as they are, or expanded.
    wire_abbreviations: str = field(default="accept", metadata={"choices": WIRE_ABBREVIATIONS})
    date_order: str = field(default="", metadata={"choices": DATE_ORDERS})
    # A month before or after a day written as resources/wordlists/months.toml abbreviates it (AP's Jan., Sept.).
    abbreviate_months: bool = False
    # Whole numbers below this are written in words in running text, this and above in figures.
    spell_out_below: int = 10
    # Titles capitalised directly before a name ("Prime Minister Yasuhiro Nakasone"), in lowercase.
    formal_titles: frozenset[str] = frozenset()
    # Words that make a title before a name a description, left lowercase ("former", "shadow").
    descriptive_before_title: frozenset[str] = frozenset()


@dataclass(frozen=True)
class VariantGroup:
    """``[[variants]]``: forms that mean one thing; a story should use only one of them."""

    id: str
    forms: tuple[str, ...]
    label: str = ""
    preferred: str | None = None
    noun_accepted: tuple[str, ...] = ()
    case_sensitive: bool = True
    inflections: tuple[str, ...] = ()
    guarded: tuple[str, ...] = ()
    # Capitalised words a form still means the thing before ("U.S. Army"); where listed, a form
    # before any other capitalised word is part of a name ("USA Today", "US Open") and left alone.
    modifies: tuple[str, ...] = ()
    # Forms changed inside a direct quotation too: other spellings of the words the speaker said.
    edit_in_quotes: tuple[str, ...] = ()
    explanation: str = ""
    # Drops the group of this id that a base style defines.
    disabled: bool = False


@dataclass(frozen=True)
class Substitution:
    """``[[substitutions]]``: a phrase the house style always writes another way."""

    replace: str
    reason: str
    find: str | None = None
    pattern: str | None = None
    unless_followed_by: tuple[str, ...] = ()
    unless_preceded_by: tuple[str, ...] = ()
    case_sensitive: bool = False
    # Also inside a direct quotation: only where the change respells the speaker's words.
    edit_in_quotes: bool = False
    # Drops the substitution of this find or pattern that a base style defines.
    disabled: bool = False

    @property
    def key(self) -> str:
        return self.find if self.find is not None else f"/{self.pattern}/"


_TABLES = {"style": StyleSettings, "words": WordLists, "forms": HouseForms, "languagetool": LanguageToolSettings}
_ARRAYS = {"variants": VariantGroup, "substitutions": Substitution}


@dataclass(frozen=True)
class _Kind:
    """What a key's value must be, read off its field's type."""

    description: str
    accepts: Callable[[Any], bool]
    convert: Callable[[Any], Any]


def _is_string_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _is_reason_table(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(reason, str) and reason.strip() for reason in value.values())


_KINDS = {
    str: _Kind("a string", lambda value: isinstance(value, str), str),
    bool: _Kind("true or false", lambda value: isinstance(value, bool), bool),
    int: _Kind("a whole number", lambda value: isinstance(value, int) and not isinstance(value, bool), int),
    tuple[str, ...]: _Kind("a list of strings", _is_string_list, tuple),
    frozenset[str]: _Kind("a list of strings", _is_string_list, frozenset),
    Mapping[str, str]: _Kind(
        "a table that gives each id the reason, a non-empty string", _is_reason_table, lambda value: MappingProxyType(dict(value))
    ),
}


@cache
def _schema(section: type) -> dict[str, tuple[_Kind, Field]]:
    """Each key of a section with the kind of value it takes and its field."""
    hints = get_type_hints(section)
    schema = {}
    for item in fields(section):
        hint = hints[item.name]
        arguments = [argument for argument in get_args(hint) if argument is not type(None)]
        if get_origin(hint) is UnionType and len(arguments) == 1:
            hint = arguments[0]  # an optional value is set by giving it
        schema[item.name] = (_KINDS[hint], item)
    return schema


def _required(section: type) -> list[str]:
    return [name for name, (_, item) in _schema(section).items() if item.default is MISSING]


# ---------------------------------------------------------------- the style in force


@dataclass(frozen=True, eq=False)
class HouseStyle:
    """A style file and the styles it extends, merged: what the rules read."""

    name: str
    source: str
    description: str
    locale: str
    quote_punctuation: str
    disabled_rules: frozenset[str]
    legitimate_repeats: frozenset[str]
    scrape_lines: tuple[str, ...]
    spelling_exceptions: frozenset[str]
    house_words: frozenset[str]
    forms: HouseForms
    compounds: tuple[str, ...]
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


# ---------------------------------------------------------------- reading a file


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
        if table is not None:
            # A key may be a table of its own: [languagetool.disabled_rules].
            own_table = re.compile(rf"\s*\[\s*{re.escape(table)}\s*\.\s*\"?{re.escape(key)}\"?\s*\]")
            for number, line in enumerate(self.lines):
                if own_table.match(line):
                    return number + 1
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
        """Reads every section into ``tables`` and ``arrays`` as their fields' types, or fails on the first mistake."""
        self.tables: dict[str, dict[str, Any]] = {}
        self.arrays: dict[str, list[dict[str, Any]]] = {}
        for key, value in self.data.items():
            if key in _TABLES:
                if not isinstance(value, dict):
                    raise self.error("must be a table", key, key)
                self.tables[key] = self._read_section(value, _TABLES[key], key)
            elif key in _ARRAYS:
                if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
                    raise self.error(f"must be written as [[{key}]] tables", key, key)
                self.arrays[key] = [self._read_section(item, _ARRAYS[key], key, index) for index, item in enumerate(value)]
            else:
                known = ", ".join(sorted([*_TABLES, *_ARRAYS]))
                raise self.error(f"unknown section (known: {known})", key, key)

    def _read_section(self, table: dict, section: type, name: str, index: int = 0) -> dict[str, Any]:
        schema = _schema(section)
        values = {}
        for key, value in table.items():
            if key not in schema:
                raise self.error(f"unknown key (known: {', '.join(sorted(schema))})", key, name, index)
            kind, item = schema[key]
            if not kind.accepts(value):
                raise self.error(f"must be {kind.description}", key, name, index)
            choices = item.metadata.get("choices")
            if choices is not None and value not in choices:
                raise self.error(f"must be one of {', '.join(choices)}", key, name, index)
            values[key] = kind.convert(value)
        return values


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
            raise _Unreadable(source, None, None, f"no such house style (built-in: {known})")
        text = _read_style_text(path)
    style_file = _StyleFile(source, text)
    style_file.validate()
    return style_file


def _read_style_text(path: Path) -> str:
    """The text of a style file, refused without reading it if it is no regular file or too large."""
    try:
        # Not blocking, so that opening a pipe with no writer returns at once; fstat then refuses it.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise _Unreadable(str(path), None, None, f"cannot read the style file: {error.strerror or error}") from None
    try:
        kind = os.fstat(descriptor)
        if stat.S_ISDIR(kind.st_mode):
            raise _Unreadable(str(path), None, None, "is a directory, not a style file")
        if not stat.S_ISREG(kind.st_mode):
            raise _Unreadable(str(path), None, None, "is not a regular file (a device, pipe or socket), not a style file")
        data = b""
        while kind.st_size <= MAX_STYLE_BYTES and len(data) <= MAX_STYLE_BYTES:
            chunk = os.read(descriptor, MAX_STYLE_BYTES + 1 - len(data))
            if not chunk:
                break
            data += chunk
    finally:
        os.close(descriptor)
    if max(kind.st_size, len(data)) > MAX_STYLE_BYTES:
        size = max(kind.st_size, len(data)) // 1000
        raise _Unreadable(
            str(path), None, None, f"is too large for a style file ({size:,} KB; at most {MAX_STYLE_BYTES // 1000} KB)"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _Unreadable(str(path), None, None, f"cannot read the style file: not UTF-8 text ({error.reason})") from None


def _layers(name_or_path: str, seen: tuple[str, ...]) -> list[_StyleFile]:
    """The file and the chain of styles it extends, base first."""
    layer = _read_layer(name_or_path)
    base = layer.tables.get("style", {}).get("extends")
    if not base:
        return [layer]
    if base not in builtin_style_names() and not Path(base).is_absolute() and Path(name_or_path).exists():
        base = str(Path(name_or_path).parent / base)
    if _identity(base) in {_identity(earlier) for earlier in (*seen, name_or_path)}:
        raise layer.error("extends itself through a loop", "extends", "style")
    if len(seen) + 1 >= MAX_EXTENDS:
        raise layer.error(f"extends a chain of more than {MAX_EXTENDS} style files", "extends", "style")
    try:
        return [*_layers(base, (*seen, name_or_path)), layer]
    except _Unreadable as error:
        raise layer.error(f"{base}: {error.problem}", "extends", "style") from None


def _identity(name_or_path: str) -> str:
    return name_or_path if name_or_path in builtin_style_names() else str(Path(name_or_path).resolve())


def _merged(layers: list[_StyleFile], name: str) -> dict[str, Any]:
    """A table's values over all layers: a later layer's value wins, lists of words add up."""
    merged: dict[str, Any] = {}
    for layer in layers:
        for key, value in layer.tables.get(name, {}).items():
            if isinstance(value, frozenset):
                merged[key] = merged.get(key, frozenset()) | value
            elif isinstance(value, Mapping):
                merged[key] = MappingProxyType({**merged.get(key, {}), **value})
            elif isinstance(value, tuple):
                merged[key] = tuple(dict.fromkeys((*merged.get(key, ()), *value)))
            else:
                merged[key] = value
    return merged


def _build(layers: list[_StyleFile]) -> HouseStyle:
    settings = StyleSettings(**_merged(layers, "style"))
    words = WordLists(**_merged(layers, "words"))
    forms = HouseForms(**_merged(layers, "forms"))
    languagetool = LanguageToolSettings(**_merged(layers, "languagetool"))
    variants: dict[str, VariantGroup] = {}
    substitutions: dict[str, Substitution] = {}
    for layer in layers:
        for index, values in enumerate(layer.arrays.get("variants", ())):
            group = _variant_group(layer, values, index)
            variants.pop(group.id, None)
            if not group.disabled:
                variants[group.id] = group
        for index, values in enumerate(layer.arrays.get("substitutions", ())):
            substitution = _substitution(layer, values, index)
            substitutions.pop(substitution.key, None)
            if not substitution.disabled:
                substitutions[substitution.key] = substitution

    top = layers[-1]
    _check_rule_names(top, settings.disabled_rules)
    repeats = set(word_list("legitimate-repeats")["repeats"]) | words.legitimate_repeats
    scrape = [*word_list("scrape-lines")["lines"], *sorted(words.scrape_lines)]
    return HouseStyle(
        name=settings.name or Path(top.source).stem,
        source=top.source,
        description=settings.description,
        locale=settings.locale,
        quote_punctuation=settings.quote_punctuation,
        disabled_rules=settings.disabled_rules,
        legitimate_repeats=frozenset(repeat.casefold() for repeat in repeats),
        scrape_lines=tuple(dict.fromkeys(scrape)),
        spelling_exceptions=frozenset(word.casefold() for word in words.spelling_exceptions),
        house_words=words.house_words,
        forms=replace(
            forms,
            formal_titles=frozenset(title.casefold() for title in forms.formal_titles),
            descriptive_before_title=frozenset(word.casefold() for word in forms.descriptive_before_title),
        ),
        compounds=words.compounds,
        variants=tuple(variants.values()),
        substitutions=tuple(substitutions.values()),
        languagetool=replace(languagetool, language=languagetool.language or settings.locale),
    )


def _check_rule_names(layer: _StyleFile, names: set[str]) -> None:
    from editor.rules import rule_ids

    unknown = sorted(names - rule_ids())
    if unknown:
        raise layer.error(f"unknown rule {unknown[0]!r}", "disabled_rules", "style")


def _missing_key(layer: _StyleFile, values: dict[str, Any], section: type, name: str, index: int) -> None:
    for required in _required(section):
        if required not in values:
            raise layer.error(f"missing required key {required!r}", name, name, index)


def _variant_group(layer: _StyleFile, values: dict[str, Any], index: int) -> VariantGroup:
    def fail(problem: str, key: str) -> StyleError:
        return layer.error(problem, key, "variants", index)

    _missing_key(layer, values, VariantGroup, "variants", index)
    group = VariantGroup(**values)
    if group.disabled:
        return group
    if len(group.forms) < 2 or any(not form.strip() for form in group.forms):
        raise fail("needs at least two non-empty forms", "forms")
    if group.preferred is not None and group.preferred not in group.forms:
        raise fail(f"{group.preferred!r} is not one of the group's forms", "preferred")
    for key in ("noun_accepted", "guarded", "edit_in_quotes"):
        for form in getattr(group, key):
            if form not in group.forms:
                raise fail(f"{form!r} is not one of the group's forms", key)
    return replace(group, label=group.label or group.id)


def _substitution(layer: _StyleFile, values: dict[str, Any], index: int) -> Substitution:
    def fail(problem: str, key: str) -> StyleError:
        return layer.error(problem, key, "substitutions", index)

    if ("find" in values) == ("pattern" in values):
        raise fail("needs exactly one of 'find' or 'pattern'", "substitutions")
    if values.get("disabled", False):
        return Substitution(**{"replace": "", "reason": "", **values})  # only its find or pattern matters
    _missing_key(layer, values, Substitution, "substitutions", index)
    substitution = Substitution(**values)
    if substitution.find is not None and not substitution.find.strip():
        raise fail("must not be empty", "find")
    if substitution.pattern is not None:
        try:
            pattern = compile_user_pattern(substitution.pattern, substitution.case_sensitive)
        except PatternError as error:
            raise fail(str(error), "pattern") from None
        try:
            read_template(substitution.replace, pattern)
        except PatternError as error:
            raise fail(str(error), "replace") from None
    return substitution
