"""Column helpers shared by the models."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


def enum_type(enum_cls: type[StrEnum], name: str | None = None) -> Enum:
    """Store an enum as its string value in a VARCHAR, checked on both dialects.

    Non-native so SQLite and PostgreSQL keep the same schema, and values (not member names)
    so the database reads the way DESIGN.md speaks.
    """
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
        name=name or enum_cls.__name__.lower(),
    )
