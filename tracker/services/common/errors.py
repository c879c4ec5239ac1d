"""Errors a user can fix, each naming the field it is about."""

from __future__ import annotations

from tracker.domain.errors import TrackerError


class ValidationError(TrackerError, ValueError):
    """Input that breaks a rule. ``field`` names the form field to show the message beside."""

    field: str

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class NotFoundError(TrackerError, LookupError):
    """The record asked for does not exist (or was deleted by someone else)."""
