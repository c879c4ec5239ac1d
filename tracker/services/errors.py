"""Errors a user can fix, each naming the field it is about."""

from __future__ import annotations


class ValidationError(ValueError):
    """Input that breaks a rule. ``field`` names the form field to show the message beside."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class NotFoundError(LookupError):
    """The record asked for does not exist (or was deleted by someone else)."""
