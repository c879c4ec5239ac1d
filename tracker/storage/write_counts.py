"""What an import's batches did, counted the same by both writers (storage.event_upsert
and storage.pg_bulk_load), and the release rules they both apply to a row whose event is
already stored (issue 17)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from tracker.storage.counted_events import RecordStatus
from tracker.storage.event_compare import RANK_POSITION, FieldChange, StoredEvent, is_older

# The field changes a report lists at most (each is counted all the same).
MAX_LISTED_CHANGES = 20_000


class StoredVerdict(Enum):
    """What an import does with a row whose event is already stored."""

    KEEP = "keep"  # leave it as stored
    TAKE_RANK = "take rank"  # same values from a newer release: store only its rank
    WRITE = "write"  # write the row over it
    RESTORE = "restore"  # write it, and the withdrawn event is current again


@dataclass(slots=True)
class WriteCounts:
    """What the batches written so far did. added + updated + unchanged is every row
    given; *older* of the unchanged rows differ but come from an older release than the
    stored event's, and were skipped. *changes* and *older_changes* list the fields (up
    to MAX_LISTED_CHANGES)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    older: int = 0
    # Updates whose event_date moved (a corrected mapping or day order, issue 17).
    dates_moved: int = 0
    # Withdrawn events a release at least as new as the withdrawing one has again.
    restored: int = 0
    # New events that a newer release, imported before, covers and lacks.
    arrived_withdrawn: int = 0
    # New events written with no category decided (no suggestions given, or a writer
    # that stores none): the rule pass after the load decides them.
    unsuggested: int = 0
    changes: list[FieldChange] = field(default_factory=list)
    older_changes: list[FieldChange] = field(default_factory=list)
    changes_found: int = 0
    older_changes_found: int = 0

    def note(self, found: list[FieldChange], *, older: bool) -> None:
        listed = self.older_changes if older else self.changes
        room = MAX_LISTED_CHANGES - len(listed)
        listed.extend(found[:max(0, room)])
        if older:
            self.older_changes_found += len(found)
        else:
            self.changes_found += len(found)

    def judge_stored(self, row: tuple[Any, ...], old: StoredEvent, found: list[FieldChange],
                     *, allow_older: bool) -> StoredVerdict:
        """The release rules for a row whose event is stored (both the SQLite and the
        PostgreSQL writer ask here), counted: an older release is left as stored and said
        apart when it differs; the same values again from a newer release only take its
        rank; anything else is written over the stored event."""
        older = is_older(row[RANK_POSITION], old.rank)
        restore = old.status == RecordStatus.WITHDRAWN and not older
        if older and not allow_older:
            self.unchanged += 1
            if found:
                self.older += 1
                self.note(found, older=True)
            return StoredVerdict.KEEP
        if not found and not restore:
            self.unchanged += 1
            rank = row[RANK_POSITION]
            newer = rank is not None and (old.rank is None or rank > old.rank)
            # The same values, told again by a newer release: it is now the event's
            # release, which an older one cannot overwrite.
            return StoredVerdict.TAKE_RANK if newer else StoredVerdict.KEEP
        self.note_update(found, restored=restore)
        return StoredVerdict.RESTORE if restore else StoredVerdict.WRITE

    def note_update(self, found: list[FieldChange], *, restored: bool) -> None:
        """Count a row written over its stored event: its changes, a moved date, and
        whether it brought a withdrawn event back."""
        self.updated += 1
        self.note(found, older=False)
        if any(change.field == "event_date" for change in found):
            self.dates_moved += 1
        if restored:
            self.restored += 1
