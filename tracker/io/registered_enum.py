"""An enum whose members are registrations: a name, and a dataclass of what goes with it.

The format registries (io.import_formats, services.exports.export_formats) are enums of this kind:
each member is declared once with everything the program knows about it, is compared
and looked up by its name as a string (``ImportFormat("acled")``, the command line's
``--format acled``), and carries its registration's fields as attributes.
"""

from __future__ import annotations

from dataclasses import fields
from enum import StrEnum
from typing import Any, Self


class RegisteredEnum(StrEnum):
    def __new__(cls, name: str, registration: Any = None) -> Self:
        # Called once per member of a subclass. Looking a member up by name goes through
        # Enum's own __new__, not this one: the default only satisfies type checkers.
        if registration is None:
            raise TypeError(f"{cls.__name__} {name!r} needs its registration")
        member = str.__new__(cls, name)
        member._value_ = name
        for field in fields(registration):
            setattr(member, field.name, getattr(registration, field.name))
        return member
