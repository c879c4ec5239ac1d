"""Read files shipped in resources/, from an installed wheel or from a checkout.

The wheel maps the top-level resources/ folder to tracker/resources (pyproject.toml), so
importlib.resources finds it there; an editable checkout reads the folder itself.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

_CHECKOUT_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


@cache
def _root() -> Traversable:
    packaged = files("tracker") / "resources"
    if packaged.is_dir():
        return packaged
    return _CHECKOUT_RESOURCES


def path(name: str) -> Traversable:
    """The resource *name* ("sample/scenario.json"); absolute names and '..' are refused."""
    parts = PurePosixPath(name)
    if parts.is_absolute() or ".." in parts.parts or not parts.parts:
        raise ValueError(f"Resource names are relative and stay inside resources/: {name!r}")
    resource = _root()
    for part in parts.parts:
        resource = resource / part
    return resource


def read_text(name: str) -> str:
    return path(name).read_text(encoding="utf-8")


def read_bytes(name: str) -> bytes:
    return path(name).read_bytes()
