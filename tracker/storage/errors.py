"""Errors the storage layer reports to users in words they can act on."""

from __future__ import annotations

from tracker.domain.errors import TrackerError


class StorageError(TrackerError):
    """A database could not be opened or used; the message says why and what to do."""


class DatabaseTooNewError(StorageError):
    """The database was written by a newer Negotiation Tracker; nothing was changed."""


class NotATrackerDatabaseError(StorageError):
    """The file is not a Negotiation Tracker database (or is damaged); nothing was changed."""
