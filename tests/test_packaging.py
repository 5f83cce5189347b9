"""What an installed (not editable) Copydesk is made of."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_python_package_is_installed():
    on_disk = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "editor").rglob("__init__.py")}
    assert on_disk <= set(SETUPTOOLS["packages"])


def test_every_resource_file_is_package_data():
    resources = ROOT / SETUPTOOLS["package-dir"]["editor.resources"]
    packaged = {path for pattern in SETUPTOOLS["package-data"]["editor.resources"] for path in resources.glob(pattern)}
    files = {
        path
        for path in resources.rglob("*")
        if path.is_file() and path.name != "__init__.py" and "__pycache__" not in path.parts
    }
    assert files - packaged == set()
