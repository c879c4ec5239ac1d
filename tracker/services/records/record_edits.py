"""Editing any record in place (a round, factor, reading, dependency, seat, venue, source,
link or claim), and removing one, only over the version its editor read.

Every kind goes through ``edit_record``: the editor's values for some of the kind's
fields (its field table, services/records/conflicts_kinds.py, the only list of them), the version
the dialog was opened on, and a ConflictError when the record moved on since; nothing is
written then. It returns an Outcome (services/common/outcome.py) whose undo puts back what the
edit replaced, itself checked against the version the edit left. A round is one kind like
the others; a change of its window, venue or status (or an edit that says why, as a
conflict's merge does) is also recorded in its history. ``remove_checked`` wraps a
removal the same way: a record changed since the user saw it is not removed silently,
and one already removed says so.

The values are cleaned by the functions creation uses (factors.clean_factor,
participants.clean_participant, reference.clean_venue, …), so an edit is refused with
the same words as a new record. A value another row already holds where the database
wants it unique (a factor's name, a seat, a link) is found by the database itself, in a
savepoint: no read before the write can see a colleague's commit that lands in between.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from tracker.domain.enums import ParticipantRole, Reliability
from tracker.domain.factors import Dependency, Factor, FactorReading
from tracker.domain.negotiation import Party, Round, RoundParticipant
from tracker.services.claims.claim_rules import clean_claim, draft_of_fields
from tracker.services.common.errors import NotFoundError, ValidationError
from tracker.services.common.outcome import ChangedSinceError, Outcome, Undo
from tracker.services.common.topics import Topic, topic_of
from tracker.services.events.linking import clean_link, link_taken
from tracker.services.factors.factors import (
    ReadingDraft,
    clean_dependency,
    clean_factor,
    clean_reading,
    dependency_taken,
)
from tracker.services.records.citations import SourceDraft, clean_source
from tracker.services.records.conflicts import KINDS, guard
from tracker.services.records.conflicts_kinds import ROUND, SCHEDULE_FIELDS, RecordKind
from tracker.services.records.reference import clean_venue, name_taken
from tracker.services.rounds import rules as round_rules
from tracker.services.rounds.participants import clean_participant, seat_taken
from tracker.services.rounds.rules import ChangeNote
from tracker.storage.database import is_stale_snapshot_error

T = TypeVar("T")


def kind_of(name: str) -> RecordKind:
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"{name!r} is not an editable kind of record") from None


def _get(session: Session, kind: RecordKind, record_id: int) -> Any:
    record = session.get(kind.model, record_id)
    if record is None or getattr(record, "deleted_at", None) is not None:
        raise NotFoundError(f"The {kind.noun} no longer exists: someone else removed it.")
    return record


def current(session: Session, kind_name: str, record_id: int) -> tuple[dict[str, object], int]:
    """The record's editable fields and its version: what an edit dialog opens on."""
    kind = kind_of(kind_name)
    record = _get(session, kind, record_id)
    return kind.values(record), record.version


def edit_record(session: Session, kind_name: str, record_id: int,
                values: Mapping[str, object], expected_version: int | None, *,
                note: ChangeNote | None = None) -> Outcome:
    """Save *values* (any of the kind's fields) at once; Outcome.version is the new version.

    ConflictError if the record is no longer at ``expected_version`` (None: no check).
    The values are cleaned by the rules creation uses; a value another record already
    holds where it must be unique (a factor's name, a second identical link) is the same
    ValidationError as when creating one. *note* says why, for a round's history (other
    kinds keep none): with it, the edit is recorded even when the schedule stays.
    """
    return _edit(session, kind_name, record_id, values, expected_version, note)


def _edit(session: Session, kind_name: str, record_id: int, values: Mapping[str, object],
          expected_version: int | None, note: ChangeNote | None, prefix: str = "",
          retracts: int | None = None) -> Outcome:
    """edit_record, or (with a *prefix*) its undo or redo, retracting schedule change
    *retracts* where the edit it takes back recorded one."""
    kind = kind_of(kind_name)
    unknown = set(values) - set(kind.fields)
    if unknown:
        raise ValueError(f"Not editable fields of a {kind.noun}: {sorted(unknown)}")
    record = _get(session, kind, record_id)
    before = kind.values(record)
    change_id = None
    if kind is ROUND:
        step_note = note if not prefix or note is None else (
            round_rules.undo_note(note) if prefix == "Undo" else round_rules.redo_note(note))
        change_id = _save_round(session, record, values, expected_version, step_note,
                                retracts)
    else:
        _save(session, kind, record, values, expected_version)
    version = int(record.version)
    replaced = {field: before[field] for field in values}
    return Outcome(topics_of(kind_name), change_id, record_id, version, undo=_edit_back(
        kind_name, record_id, (replaced, _stored(kind, record, values)), note,
        "Redo" if prefix == "Undo" else "Undo", change_id))


def _stored(kind: RecordKind, record: Any, fields: Mapping[str, object]) -> dict[str, object]:
    """*fields* as the record holds them now (cleaned: a title's spaces folded…)."""
    now = kind.values(record)
    return {field: now[field] for field in fields}


def topics_of(kind_name: str) -> Topic:
    """What views re-read after an edit of a record of this kind: the same as when a
    colleague changes the kind's table."""
    return topic_of([kind_of(kind_name).model.__tablename__])


def _edit_back(kind_name: str, record_id: int,
               values: tuple[dict[str, object], dict[str, object]],
               note: ChangeNote | None, prefix: str, change_id: int | None) -> Undo:
    """Undo (or, by *prefix*, redo) of an edit: save *values*' first (what it replaced),
    refused if the record's fields no longer hold the second (what it left: someone
    changed them since, and that change is kept); its undo saves the second again, and so
    on. A round's schedule change the edit recorded (*change_id*) is retracted, not
    answered by a second change.

    The fields are compared, not the version: an undo of a later step of the user's own
    (a reschedule undone in between) moves the version on without touching these fields.
    """
    back, forth = values

    def run(session: Session) -> Outcome:
        kind = kind_of(kind_name)
        record = _get(session, kind, record_id)
        if _stored(kind, record, forth) != forth:
            raise ChangedSinceError(f"The {kind.noun} was changed elsewhere since; nothing "
                                    "was done, so that change is kept.")
        return _edit(session, kind_name, record_id, back, None, note, prefix, change_id)

    return run


def _save_round(session: Session, round_: Round, values: Mapping[str, object],
                expected_version: int | None, note: ChangeNote | None,
                retracts: int | None = None) -> int | None:
    """Write a round's values; the id of the schedule change recorded (as a retraction of
    *retracts*, for an undo), if one was."""
    with guard(session, ROUND, round_, expected_version, values):
        if note is not None:
            round_rules.check_note(session, note)
        old_state = round_rules.state_of(round_)
        new_state = round_rules.state_from({**ROUND.values(round_), **values})
        if new_state != old_state:
            # Only a schedule that moves is checked: editing what a held round of unknown
            # date is about must not be refused for the date it never had.
            round_rules.validate_state(session, new_state)
        for field in set(values) - set(SCHEDULE_FIELDS):
            value = values[field]
            setattr(round_, field, round_rules.validate_title(str(value)) if field == "title"
                    else value)
        round_rules.set_state(round_, new_state)
        if new_state == old_state and note is None and retracts is None:
            return None
        return round_rules.record(session, round_, old_state, new_state,
                                  round_rules.change_kind(old_state, new_state),
                                  note or ChangeNote(), retracts=retracts)


def _save(session: Session, kind: RecordKind, record: Any, values: Mapping[str, object],
          expected_version: int | None) -> None:
    rules = _RULES[kind.name]
    read_version: int = record.version
    with guard(session, kind, record, expected_version, values):
        columns = rules.clean(session, record, {**kind.values(record), **values})
        try:
            _write(session, record, columns, rules)
        except OperationalError as locked:
            # SQLite refuses a write from a snapshot another commit has passed. When that
            # commit took the value this edit wants (a name), say so, not "try again";
            # otherwise guard tells a change of this record from another writer's lock.
            clash = _clash_now(session, kind, record.id, read_version, columns, rules) \
                if is_stale_snapshot_error(locked) else None
            if clash is None:
                raise
            raise clash from locked


def remove_checked(session: Session, kind_name: str, record_id: int,
                   expected_version: int | None, remove: Callable[[Session, int], T]) -> T:
    """Run *remove* (a service removing the record) only if the record is still at
    *expected_version*; ConflictError if someone changed it since, NotFoundError (saying
    so) if someone removed it already."""
    kind = kind_of(kind_name)
    record = session.get(kind.model, record_id)
    if record is None:
        raise NotFoundError(f"The {kind.noun} was already removed by someone else.")
    with guard(session, kind, record, expected_version, {}):
        result = remove(session, record_id)
    return result


@dataclass(frozen=True, slots=True)
class _Rules:
    """How one kind's edit is checked: its cleaner (the rules creation uses, giving the
    columns to write) and, for a kind with a unique constraint, the error when the
    database refuses the columns as taken."""

    clean: Callable[[Session, Any, dict[str, Any]], dict[str, object]]
    taken: Callable[[Session, Any, dict[str, object]], ValidationError] | None = None


def _write(session: Session, record: Any, columns: Mapping[str, object],
           rules: _Rules) -> None:
    """Set and flush *columns* in a savepoint: the database's unique constraints decide a
    clash (a read first could miss a commit that lands before the write), and the
    surrounding transaction stays usable after it."""
    try:
        with session.begin_nested():
            for column, value in columns.items():
                setattr(record, column, value)
    except IntegrityError as exc:
        if rules.taken is None:
            raise
        raise rules.taken(session, record, dict(columns)) from exc


def _clash_now(session: Session, kind: RecordKind, record_id: int, read_version: int,
               columns: Mapping[str, object], rules: _Rules) -> ValidationError | None:
    """The unique clash the same write meets now, tried (and rolled back) in a fresh
    session that sees the latest commit; None if it meets none, or if the record itself
    moved on (that is a conflict, which guard reports)."""
    if rules.taken is None:
        return None
    with Session(session.get_bind()) as fresh:
        record = fresh.get(kind.model, record_id)
        if record is None or record.version != read_version:
            return None
        try:
            _write(fresh, record, columns, rules)
        except ValidationError as clash:
            return clash
        except OperationalError:
            return None  # still locked: another writer, not a clash
        finally:
            fresh.rollback()
    return None


def _clean_factor(_session: Session, _factor: Factor,
                  values: dict[str, Any]) -> dict[str, object]:
    return clean_factor(values["name"], values["description"])


def _factor_taken(_session: Session, _factor: Factor,
                  columns: dict[str, object]) -> ValidationError:
    return name_taken("name", "factor", str(columns["name"]))


def _clean_reading(_session: Session, _reading: FactorReading,
                   values: dict[str, Any]) -> dict[str, object]:
    return clean_reading(ReadingDraft(values["observed_at"], values["level"],
                                      values["trend"], values["note"]))


def _clean_dependency(session: Session, dependency: Dependency,
                      values: dict[str, Any]) -> dict[str, object]:
    round_rules.get_round(session, dependency.round_id)  # a deleted round is not edited
    return clean_dependency(values["effect"], values["note"])


def _clean_participant(session: Session, seat: RoundParticipant,
                       values: dict[str, Any]) -> dict[str, object]:
    round_rules.get_round(session, seat.round_id)  # a deleted round is not edited
    return clean_participant(session, _party_of(session, seat), values["role"],
                             values["person"], values["note"])


def _seat_taken(session: Session, seat: RoundParticipant,
                columns: dict[str, object]) -> ValidationError:
    round_ = session.get(Round, seat.round_id)
    assert round_ is not None  # a seat's round is kept, deleted or not
    role = columns["role"]
    assert isinstance(role, ParticipantRole)
    return seat_taken("role", _party_of(session, seat), round_, role)


def _party_of(session: Session, seat: RoundParticipant) -> Party:
    party = session.get(Party, seat.party_id)
    assert party is not None  # the database refuses removing a party with seats
    return party


def _clean_venue(_session: Session, _venue: Any, values: dict[str, Any]) -> dict[str, object]:
    return clean_venue(name=values["name"], city=values["city"], country=values["country"],
                       latitude=values["latitude"], longitude=values["longitude"],
                       time_zone=values["time_zone"])


def _clean_source(_session: Session, _source: Any,
                  values: dict[str, Any]) -> dict[str, object]:
    return clean_source(SourceDraft(
        values["outlet"], values["title"], values["url"], values["published_on"],
        values["accessed_on"], Reliability(values["reliability"]), values["note"]))


def _clean_link(_session: Session, _link: Any, values: dict[str, Any]) -> dict[str, object]:
    return clean_link(values["kind"], values["note"])


def _clean_claim(session: Session, claim: Any, values: dict[str, Any]) -> dict[str, object]:
    return clean_claim(session, draft_of_fields(values, claim.event_id))


_RULES: dict[str, _Rules] = {
    "factor": _Rules(_clean_factor, _factor_taken),
    "reading": _Rules(_clean_reading),
    "dependency": _Rules(_clean_dependency, lambda *_: dependency_taken()),
    "participant": _Rules(_clean_participant, _seat_taken),
    "venue": _Rules(_clean_venue),
    "source": _Rules(_clean_source),
    "link": _Rules(_clean_link, lambda *_: link_taken()),
    "claim": _Rules(_clean_claim),
}
