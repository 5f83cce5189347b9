"""Finds Copydesk's data files (styles, word lists, samples) as package data."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    return files("editor.resources").joinpath(*parts)


@cache
def word_list(name: str) -> dict:
    """A TOML word list from ``resources/wordlists``, parsed once."""
    return tomllib.loads(resource("wordlists", f"{name}.toml").read_text(encoding="utf-8"))


def builtin_style_names() -> list[str]:
    return sorted(
        entry.name.removesuffix(".toml")
        for entry in resource("styles").iterdir()
        if entry.name.endswith(".toml")
    )
