"""Editing a record in place (a factor, reading, dependency, seat, venue, source or link),
and removing one, only over the version its editor read.

Every kind goes through ``save_values``: the editor's values for some of the kind's
editable fields (services/conflicts_kinds.py), the version the dialog was opened on, and
the same ConflictError as for rounds when the record moved on since; nothing is written
then. A round's values go to ``schedule.save_round_values``, which records the change in
the round's history; the other kinds keep no history, so the undo stack holds what an
edit replaced. ``remove_checked`` wraps a removal the same way: a record changed since
the user saw it is not removed silently, and one already removed says so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from tracker.domain.enums import (
    DependencyEffect,
    FactorLevel,
    FactorTrend,
    LinkKind,
    ParticipantRole,
    Reliability,
)
from tracker.domain.events import EventLink
from tracker.domain.factors import Dependency, Factor
from tracker.domain.negotiation import Party, Person, RoundParticipant
from tracker.services import schedule
from tracker.services.citations import SourceDraft, clean_source
from tracker.services.conflicts import KINDS, check, guard
from tracker.services.conflicts_kinds import ROUND, RecordKind
from tracker.services.errors import NotFoundError, ValidationError
from tracker.services.reference import clean_venue

T = TypeVar("T")
Cleaner = Callable[[Session, Any, dict[str, Any]], dict[str, object]]


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


def save_values(session: Session, kind_name: str, record_id: int,
                values: Mapping[str, object], *, expected_version: int | None,
                reason: str = "") -> int:
    """Save *values* (any of the kind's editable fields) at once; return the new version.

    ConflictError if the record is no longer at ``expected_version`` (None: no check, as
    for a step the undo stack replays over what it wrote itself). *reason* goes to a
    round's history; other kinds keep none.
    """
    kind = kind_of(kind_name)
    unknown = set(values) - set(kind.fields)
    if unknown:
        raise ValueError(f"Not editable fields of a {kind.noun}: {sorted(unknown)}")
    if kind is ROUND:
        schedule.save_round_values(session, record_id, values,
                                   schedule.ChangeNote(reason),
                                   expected_version=expected_version)
        return schedule.get_round(session, record_id).version
    record = _get(session, kind, record_id)
    check(session, kind, record, expected_version, values)
    columns = _CLEANERS[kind.name](session, record, {**kind.values(record), **values})
    with guard(session, kind, record, expected_version, values):
        for column, value in columns.items():
            setattr(record, column, value)
    return int(record.version)


def remove_checked(session: Session, kind_name: str, record_id: int,
                   expected_version: int | None, remove: Callable[[Session, int], T]) -> T:
    """Run *remove* (a service removing the record) only if the record is still at
    *expected_version*; ConflictError if someone changed it since, NotFoundError (saying
    so) if someone removed it already."""
    kind = kind_of(kind_name)
    record = session.get(kind.model, record_id)
    if record is None:
        raise NotFoundError(f"The {kind.noun} was already removed by someone else.")
    check(session, kind, record, expected_version, {})
    with guard(session, kind, record, expected_version, {}):
        result = remove(session, record_id)
    return result


def _taken(session: Session, model: Any, record_id: int,
           **same: object) -> bool:
    """Whether another row of *model* than *record_id* has the values *same*."""
    conditions = [getattr(model, column) == value for column, value in same.items()]
    return bool(session.scalar(select(func.count()).select_from(model)
                               .where(model.id != record_id, *conditions)))


def _words(text: object) -> str:
    return " ".join(str(text).split())


def _clean_factor(session: Session, factor: Factor, values: dict[str, Any]) -> dict[str, object]:
    name = _words(values["name"])
    if not name:
        raise ValidationError("name", "A factor needs a name")
    if _taken(session, Factor, factor.id, name=name):
        raise ValidationError("name", f"There is already a factor called {name!r}")
    return {"name": name, "description": str(values["description"]).strip()}


def _clean_reading(_session: Session, _reading: Any,
                   values: dict[str, Any]) -> dict[str, object]:
    observed = values["observed_at"]
    if observed.tzinfo is None:
        raise ValidationError("observed_at", "A reading needs a time zone")
    return {"observed_at": observed, "level": FactorLevel(values["level"]),
            "trend": FactorTrend(values["trend"]), "note": str(values["note"]).strip()}


def _clean_dependency(session: Session, dependency: Dependency,
                      values: dict[str, Any]) -> dict[str, object]:
    effect = DependencyEffect(values["effect"])
    schedule.get_round(session, dependency.round_id)  # a deleted round is not edited
    if _taken(session, Dependency, dependency.id, round_id=dependency.round_id,
              factor_id=dependency.factor_id, effect=effect):
        raise ValidationError("effect", "The round already depends on it that way")
    return {"effect": effect, "note": str(values["note"]).strip()}


def _clean_participant(session: Session, seat: RoundParticipant,
                       values: dict[str, Any]) -> dict[str, object]:
    round_ = schedule.get_round(session, seat.round_id)  # a deleted round is not edited
    party = session.get(Party, seat.party_id)
    role = ParticipantRole(values["role"])
    person_id: int | None = values["person"]
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is None:
            raise ValidationError("person", f"Person {person_id} does not exist")
        if person.party_id not in (None, seat.party_id):
            raise ValidationError("person", f"{person.name} does not act for "
                                            f"{party.name if party else 'that party'}")
    if _taken(session, RoundParticipant, seat.id, round_id=seat.round_id,
              party_id=seat.party_id, role=role):
        raise ValidationError("role", f"{party.name if party else 'The party'} already takes "
                                      f"part in “{round_.title}” as {role.value}")
    return {"role": role, "person_id": person_id, "note": str(values["note"]).strip()}


def _clean_venue(_session: Session, _venue: Any, values: dict[str, Any]) -> dict[str, object]:
    return clean_venue(name=values["name"], city=values["city"], country=values["country"],
                       latitude=values["latitude"], longitude=values["longitude"],
                       time_zone=values["time_zone"])


def _clean_source(_session: Session, _source: Any,
                  values: dict[str, Any]) -> dict[str, object]:
    return clean_source(SourceDraft(
        values["outlet"], values["title"], values["url"], values["published_on"],
        values["accessed_on"], Reliability(values["reliability"]), values["note"]))


def _clean_link(session: Session, link: EventLink, values: dict[str, Any]) -> dict[str, object]:
    kind = LinkKind(values["kind"])
    target: InstrumentedAttribute[int | None] = \
        EventLink.round_id if link.round_id is not None else EventLink.factor_id
    if _taken(session, EventLink, link.id, event_id=link.event_id, kind=kind,
              **{target.key: link.round_id if link.round_id is not None else link.factor_id}):
        raise ValidationError("kind", "This event is already linked there with that kind")
    return {"kind": kind, "note": str(values["note"]).strip()}


_CLEANERS: dict[str, Cleaner] = {
    "factor": _clean_factor, "reading": _clean_reading, "dependency": _clean_dependency,
    "participant": _clean_participant, "venue": _clean_venue, "source": _clean_source,
    "link": _clean_link,
}
