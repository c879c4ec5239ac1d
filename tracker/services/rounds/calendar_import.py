"""Importing an iCalendar file: each event adds a round or updates the round it came from.

An event is matched by UID: first the UID a round was imported from (round.calendar_uid),
then this program's own ``round-{id}@negotiation-tracker``. An event whose SEQUENCE is not
newer than the round's (what the export writes: its history count less one) is left
alone, as calendars do. Otherwise the window, venue and status move in one
``rounds.change_round`` with the reason "Imported from FILE (SEQUENCE n)", so the history
gets one record per imported event and the next export's SEQUENCE matches the file's; the
title (and, for a round from another calendar, the agenda) go through ``edit_record``, with
the round's fields the export writes as X-TRACKER-… properties (conflicts_kinds
CALENDAR_FIELDS: the modality); an event without one leaves that field as it is.
Any other event creates a round (``rounds.create_round``), in a track named after the
calendar, remembering its UID.

Everything runs in the caller's transaction. An event that cannot be imported is
refused and listed (each in a savepoint, so a venue made for it does not stay); with
``strict`` the first refusal refuses the whole file. The result's ``outcome`` takes the
whole import back through the same operations (``_undo``),
as one undo step.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.domain.enums import Precision, RoundFormat, RoundStatus
from tracker.domain.negotiation import Round, ScheduleChange, Track
from tracker.domain.timewindow import ScheduledWindow, WindowError
from tracker.io.calendar_file import (
    CalendarEntry,
    CalendarFile,
    DayTimes,
    EntryProblem,
    read_calendar,
)
from tracker.io.input_errors import InputFileError
from tracker.services import rounds
from tracker.services.common.errors import ValidationError
from tracker.services.common.outcome import Outcome, Undo
from tracker.services.records import reference
from tracker.services.records.conflicts_kinds import (
    CALENDAR_FIELDS,
    ROUND,
    calendar_property,
    value_of_word,
)
from tracker.services.records.record_edits import edit_record
from tracker.services.rounds import ChangeNote, RoundDraft, RoundState
from tracker.storage.database import Database

DEFAULT_TRACK = "Imported calendar"
_OUR_UID = re.compile(r"round-(\d+)@negotiation-tracker")
_IMPRECISE = (Precision.WEEK, Precision.MONTH)
# The iCalendar field a service's refusal is about, for the message.
_FIELDS = {"uid": "UID", "status": "STATUS", "window": "DTSTART", "venue": "LOCATION",
           "name": "LOCATION", "latitude": "GEO", "longitude": "GEO", "title": "SUMMARY"}


@dataclass(frozen=True, slots=True)
class CalendarImport:
    file_name: str
    added: int
    updated: int
    unchanged: int
    refused: tuple[EntryProblem, ...]
    rounds: tuple[ImportedRound, ...]
    outcome: Outcome

    def summary(self) -> str:
        return (f"{self.file_name}: {self.added} added, {self.updated} updated, "
                f"{self.unchanged} unchanged, {len(self.refused)} refused")


@dataclass(frozen=True, slots=True)
class ImportedRound:
    """One round an import added or changed: its fields (the round's field table) before
    and after, enough to undo and redo it."""

    round_id: int
    before: dict[str, object] | None  # None: the import created the round
    after: dict[str, object]
    calendar_uid: str | None  # the UID an added round remembers
    # The undo of each operation the import ran on the round, in the order it ran them.
    undos: tuple[Undo, ...] = ()


class _Counts:
    def __init__(self) -> None:
        self.added = self.updated = self.unchanged = 0
        self.refused: list[EntryProblem] = []
        self.rounds: list[ImportedRound] = []


def import_calendar_file(db: Database, path: Path, *, strict: bool = False,
                         progress: Callable[[int, int], None] | None = None) -> CalendarImport:
    """Read *path* and import it in one transaction (InputFileError: nothing written);
    the window's runner and the command line both call this. A damaged database is
    refused first. *progress* gets (events done, events in the file) once the file is
    read and before each event; raising there (the window's Cancel) rolls it all back."""
    db.check_intact(doing="nothing was imported")
    calendar = read_calendar_file(path)
    total = len(calendar.entries)
    if progress is not None:
        progress(0, total)
    with db.transaction() as session:
        return apply_calendar(session, calendar, strict=strict,
                              progress=None if progress is None
                              else lambda done: progress(done, total))


def read_calendar_file(path: Path) -> CalendarFile:
    """The file's events, or InputFileError naming the file (and line) if it is unusable."""
    try:
        return read_calendar(path)
    except OSError as exc:
        raise InputFileError(path, None, None, f"cannot be read: {exc.strerror or exc}") from exc


def apply_calendar(session: Session, calendar: CalendarFile, *, strict: bool = False,
                   progress: Callable[[int], None] | None = None) -> CalendarImport:
    """*progress* gets the number of events done before each (the window's runner
    passes one that raises to cancel: the transaction then rolls back)."""
    counts = _Counts()
    counts.refused.extend(calendar.problems)
    for done, entry in enumerate(calendar.entries):
        if progress is not None:
            progress(done)
        if strict and counts.refused:
            break
        try:
            with session.begin_nested():
                _import_entry(session, calendar, entry, counts)
        except (ValidationError, WindowError) as exc:
            field = _property_of(getattr(exc, "field", "window"))
            counts.refused.append(EntryProblem(entry.uid, entry.line, field, str(exc)))
    if strict and counts.refused:
        first = counts.refused[0]
        raise InputFileError(calendar.path, first.line, first.field,
                             f"UID {first.uid}: {first.reason}")
    name = calendar.path.name
    return CalendarImport(name, counts.added, counts.updated, counts.unchanged,
                          tuple(counts.refused), tuple(counts.rounds),
                          import_outcome(name, counts.rounds))


def _property_of(field: str) -> str:
    """The iCalendar property a refusal about the round's *field* is about."""
    if field in CALENDAR_FIELDS:
        return calendar_property(field)
    return _FIELDS.get(field, "DTSTART")


def _carried(entry: CalendarEntry) -> dict[str, object]:
    """The round's fields the event carries as X-TRACKER-… properties (what this
    program's export writes); a field the event leaves out is not among them."""
    found = entry.tracker_properties
    return {field: value_of_word(field, found[calendar_property(field)])
            for field in CALENDAR_FIELDS if calendar_property(field) in found}


def _import_entry(session: Session, calendar: CalendarFile, entry: CalendarEntry,
                  counts: _Counts) -> None:
    note = ChangeNote(f"Imported from {calendar.path.name} (SEQUENCE {entry.sequence})")
    round_ = _matching_round(session, entry.uid)
    if round_ is None:
        counts.rounds.append(_create(session, calendar, entry, note))
        counts.added += 1
        return
    if entry.sequence <= _sequence(session, round_.id):
        counts.unchanged += 1  # a deleted round's own cancellation (the export's) too
        return
    if round_.deleted_at is not None:
        raise ValidationError("uid", f"the round it updates ({round_.title}) was deleted;"
                                     " undo the deletion to update it")
    before = ROUND.values(round_)
    carried = {field: value for field, value in _carried(entry).items()
               if before[field] != value}
    window = _window(entry, round_.window.tz)
    state = RoundState(window, _venue_id(session, entry, round_.venue_id, window),
                       _status(entry.status, round_.status, window))
    undos: list[Undo | None] = []
    if state != rounds.state_of(round_):
        undos.append(rounds.change_round(session, round_.id, state, note).undo)
    title = entry.title if entry.title.strip() else round_.title
    # This program's DESCRIPTION is written from many fields; another calendar's is
    # the round's agenda.
    agenda = entry.description if round_.calendar_uid is not None else round_.agenda
    if (" ".join(title.split()), agenda) != (round_.title, round_.agenda) or carried:
        undos.append(edit_record(session, "round", round_.id,
                                 {"title": title, "agenda": agenda, **carried}, None).undo)
    after = ROUND.values(round_)
    if after == before:
        counts.unchanged += 1
        return
    counts.updated += 1
    counts.rounds.append(ImportedRound(round_.id, before, after, None,
                                       tuple(undo for undo in undos if undo is not None)))


def _matching_round(session: Session, uid: str) -> Round | None:
    """The round the event updates, deleted or not (the caller refuses a deleted one)."""
    imported = session.scalar(select(Round).where(Round.calendar_uid == uid))
    if imported is not None:
        return imported
    ours = _OUR_UID.fullmatch(uid)
    if ours is None:
        return None
    found = session.get(Round, int(ours.group(1)))
    # A round imported from elsewhere answers to its own calendar's UID, not to this one.
    if found is None or found.calendar_uid is not None:
        return None
    return found


def _sequence(session: Session, round_id: int) -> int:
    """The SEQUENCE the export writes for the round: its schedule changes after creation."""
    changes = session.scalar(select(func.count()).select_from(ScheduleChange)
                             .where(ScheduleChange.round_id == round_id)) or 0
    return max(0, changes - 1)


def _create(session: Session, calendar: CalendarFile, entry: CalendarEntry,
            note: ChangeNote) -> ImportedRound:
    track_name = calendar.name or DEFAULT_TRACK
    track_id = session.scalar(select(Track.id).where(Track.name == " ".join(track_name.split())))
    if track_id is None:
        track_id = reference.create_track(session, track_name)
    window = _window(entry, calendar.zone or "UTC")
    state = RoundState(window, _venue_id(session, entry, None, window),
                       _status(entry.status, None, window))
    title = entry.title if entry.title.strip() else f"Calendar event {entry.uid}"
    created = rounds.create_round(
        session, RoundDraft(track_id, title, RoundFormat.TRILATERAL, state,
                            agenda=entry.description), note)
    round_id = created.record_id
    assert round_id is not None and created.undo is not None
    round_ = rounds.get_round(session, round_id)
    round_.calendar_uid = entry.uid
    for field, value in _carried(entry).items():  # part of the new round, as the UID is
        setattr(round_, field, value)
    session.flush()
    return ImportedRound(round_id, None, ROUND.values(round_), entry.uid, (created.undo,))


def _window(entry: CalendarEntry, day_zone: str) -> ScheduledWindow:
    """Timed events keep the zone they name; all-day dates are read in *day_zone* (the
    round's own zone, so an exported day comes back as the same day)."""
    times = entry.times
    if not isinstance(times, DayTimes):
        return ScheduledWindow(Precision.EXACT, times.tz, times.start, times.end)
    if times.precision is Precision.WEEK:
        return ScheduledWindow.week_of(times.first, day_zone)
    if times.precision is Precision.MONTH:
        return ScheduledWindow.month_of(times.first, day_zone)
    return ScheduledWindow.days(times.first, day_zone, times.last)


def _venue_id(session: Session, entry: CalendarEntry, current: int | None,
              window: ScheduledWindow) -> int | None:
    """The venue LOCATION names, found by name or label, or made with GEO's coordinates.

    No LOCATION keeps the round's venue: calendars often leave it out, and an import
    should not clear a venue the analyst entered.
    """
    wanted = " ".join(entry.location.split())
    if not wanted:
        return current
    venues = reference.list_venues(session)
    for venue in sorted(venues, key=lambda v: v.id != current):  # the round's own first
        if wanted in (venue.name, " ".join(venue.label.split())):
            return venue.id
    latitude, longitude = entry.geo or (None, None)
    zone = window.tz if window.precision is Precision.EXACT else "UTC"
    return reference.create_venue(session, name=wanted, latitude=latitude,
                                  longitude=longitude, time_zone=zone)


def _status(status: str, current: RoundStatus | None, window: ScheduledWindow) -> RoundStatus:
    """STATUS as a round status, keeping the round's own where it says the same.

    The export writes CONFIRMED for held rounds, and TENTATIVE for any week or month
    window, so neither may demote a round on the way back.
    """
    if status == "CANCELLED":
        return RoundStatus.CANCELLED
    if status == "CONFIRMED":
        return current if current is RoundStatus.HELD else RoundStatus.CONFIRMED
    if current in (RoundStatus.PROPOSED, RoundStatus.SCHEDULED):
        return current
    if current in (RoundStatus.CONFIRMED, RoundStatus.HELD) and window.precision in _IMPRECISE:
        return current
    return RoundStatus.SCHEDULED


def import_outcome(file_name: str, changed: list[ImportedRound]) -> Outcome:
    """The import as one step: undo takes every round back, newest first, by undoing each
    operation it ran (so each history shows a retraction, not a move); its undo redoes
    them. *file_name* is the file the import read, for the caller.

    A round someone changed since is not touched: the whole undo is refused instead.
    """
    items = tuple(changed)
    if not items:
        return Outcome(rounds.ROUND_LIST_TOPICS)
    return Outcome(rounds.ROUND_LIST_TOPICS,
                   undo=_take_steps(items, [item.undos for item in items], backwards=True))


def _take_steps(items: tuple[ImportedRound, ...], steps: list[tuple[Undo, ...]], *,
                backwards: bool) -> Undo:
    """Run each round's *steps* (undos, or the redos they returned) newest first when
    going *backwards*; the Outcome's undo runs the steps that answer them."""
    def run(session: Session) -> Outcome:
        answers: list[tuple[Undo, ...]] = [() for _ in items]
        order = reversed(range(len(items))) if backwards else range(len(items))
        for index in order:
            item = items[index]
            expected = item.after if backwards else item.before
            if expected is not None:
                _expect(session, item.round_id, expected)
            taken: list[Undo] = []
            for step in reversed(steps[index]):
                answer = step(session).undo
                assert answer is not None
                taken.append(answer)
            answers[index] = tuple(taken)
            if item.before is None:
                # Hidden, the file can be imported again; shown, it answers to it again.
                round_ = session.get(Round, item.round_id)
                assert round_ is not None
                round_.calendar_uid = None if backwards else item.calendar_uid
                session.flush()
            if not backwards:
                _expect(session, item.round_id, item.after)
        return Outcome(rounds.ROUND_LIST_TOPICS,
                       undo=_take_steps(items, answers, backwards=not backwards))
    return run


def _expect(session: Session, round_id: int, expected: dict[str, object]) -> Round:
    round_ = rounds.get_round(session, round_id)
    if ROUND.values(round_) != expected:
        raise ValidationError(
            "window", f"“{round_.title}” was changed since the import; nothing was undone, "
                      "so that change is kept.")
    return round_
