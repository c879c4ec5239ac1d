"""The kinds of record two editors can both change, each as a field table.

A conflict is the same thing for a round, a factor or a link: the editor's values and the
database's, field by field. What differs by kind is only which fields are editable, how
they are labelled, and how the kind and the record are named in a sentence ("the factor
“U.S.–Iran tensions”"; the edit log's account, services/records/edit_history.py, uses the same
nouns). Each kind is one ``RecordKind`` here; services/records/conflicts.py checks and reports any
of them the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import Session

from tracker.domain.claims import CasualtyClaim
from tracker.domain.events import EventLink
from tracker.domain.factors import Dependency, Factor, FactorReading
from tracker.domain.negotiation import Party, Person, Round, RoundParticipant, Venue
from tracker.domain.sources import Source
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.common.errors import ValidationError


@dataclass(frozen=True, slots=True)
class RecordKind:
    """One kind of editable record.

    Attributes:
        name: the key commands and dialogs use ("factor").
        noun: how a sentence names the kind, for the user ("factor reading").
        model: the mapped class (every one has a ``version`` column, migration 0005).
        fields: the editable fields in the order a conflict shows them, with their labels.
        values: the record's editable fields, keyed as in ``fields``.
        title: how the record is named in a sentence or a window title.
    """

    name: str
    noun: str
    model: type[Any]
    fields: Mapping[str, str]
    values: Callable[[Any], dict[str, object]]
    title: Callable[[Session, Any], str]


def _attributes(*names: str) -> Callable[[Any], dict[str, object]]:
    return lambda record: {name: getattr(record, name) for name in names}


def _round_values(round_: Round) -> dict[str, object]:
    # Every field is the column of its name, but the window (a composite of four) and
    # the venue (its id).
    values = {field: getattr(round_, field) for field in ROUND.fields}
    values["venue"] = round_.venue_id
    return values


def _participant_values(seat: RoundParticipant) -> dict[str, object]:
    return {"role": seat.role, "person": seat.person_id, "note": seat.note}


def _quoted(text: str) -> str:
    return f"“{text}”"


def _reading_title(session: Session, reading: FactorReading) -> str:
    factor = session.get(Factor, reading.factor_id)
    name = factor.name if factor is not None else "?"
    return f"of {_quoted(name)} at {reading.observed_at:%d %b %Y %H:%M} UTC"


def _dependency_title(session: Session, dependency: Dependency) -> str:
    round_ = session.get(Round, dependency.round_id)
    factor = session.get(Factor, dependency.factor_id)
    return (f"of {_quoted(round_.title if round_ else '?')} on "
            f"{_quoted(factor.name if factor else '?')}")


def _participant_title(session: Session, seat: RoundParticipant) -> str:
    party = session.get(Party, seat.party_id)
    round_ = session.get(Round, seat.round_id)
    return (f"{party.name if party else '?'} at "
            f"{_quoted(round_.title if round_ else '?')}")


def _link_title(session: Session, link: EventLink) -> str:
    if link.round_id is not None:
        round_ = session.get(Round, link.round_id)
        target = f"round {_quoted(round_.title if round_ else '?')}"
    else:
        factor = session.get(Factor, link.factor_id)
        target = f"factor {_quoted(factor.name if factor else '?')}"
    return f"of event {link.event_id} to {target}"


ROUND = RecordKind(
    "round", "round", Round,
    {"title": "Title", "format": "Format", "modality": "Modality", "status": "Status",
     "window": "When", "venue": "Venue", "agenda": "Agenda", "outcome": "Outcome"},
    _round_values, lambda _session, round_: _quoted(round_.title))
# The round's fields that are its schedule: a change of any of them is recorded in the
# round's history (a ScheduleChange holds exactly these, before and after).
SCHEDULE_FIELDS = ("window", "venue", "status")
# The round's fields that are not its schedule: what its Edit dialog and `tracker round
# edit` change (the schedule has its own intents, each with a reason).
DETAIL_FIELDS = tuple(field for field in ROUND.fields if field not in SCHEDULE_FIELDS)
# The same, as a phrase for help texts: "title, format, modality, agenda or outcome".
DETAIL_WORDS = " or ".join(
    (", ".join(ROUND.fields[field].lower() for field in DETAIL_FIELDS[:-1]),
     ROUND.fields[DETAIL_FIELDS[-1]].lower()))
# The round's enum fields iCalendar has no property for: the calendar export writes each
# as X-TRACKER-<FIELD> (its word, in upper case) and calendar import reads it back, so an
# enum field added here goes through export → import with no other line.
CALENDAR_FIELDS = ("modality",)


def calendar_property(field: str) -> str:
    """'modality' → 'X-TRACKER-MODALITY'."""
    return f"X-TRACKER-{field.upper().replace('_', '-')}"


def choice_words(field: str) -> tuple[str, ...] | None:
    """The words a round's enum *field* may be typed as ('in-person', 'virtual', …);
    None for a field of free text."""
    members = _members(field)
    return None if members is None else tuple(word_of(member) for member in members)


def word_of(value: Enum) -> str:
    """An enum value as one word to type: RoundModality.IN_PERSON → 'in-person'."""
    return str(value.value).replace(" ", "-")


def value_of_word(field: str, text: str) -> Enum:
    """The value of the round's enum *field* that *text* names, in any case, with hyphens
    or spaces ('IN-PERSON', 'in person'); ValidationError naming the values it may be."""
    members = _members(field)
    assert members is not None, f"{field} is not an enum field of a round"
    wanted = " ".join(text.replace("-", " ").split()).casefold()
    for member in members:
        if str(member.value).casefold() == wanted:
            return member
    allowed = ", ".join(word_of(member) for member in members)
    raise ValidationError(field, f"{text!r} is not one of {allowed}")


def _members(field: str) -> list[Enum] | None:
    sql_type = Round.__table__.c[field].type
    if not isinstance(sql_type, SqlEnum) or sql_type.enum_class is None:
        return None
    return list(sql_type.enum_class)


FACTOR = RecordKind(
    "factor", "factor", Factor, {"name": "Name", "description": "Description"},
    _attributes("name", "description"), lambda _session, factor: _quoted(factor.name))
READING = RecordKind(
    "reading", "factor reading", FactorReading,
    {"observed_at": "Observed at", "level": "Level", "trend": "Trend", "note": "Note"},
    _attributes("observed_at", "level", "trend", "note"), _reading_title)
DEPENDENCY = RecordKind(
    "dependency", "dependency", Dependency, {"effect": "Effect", "note": "Note"},
    _attributes("effect", "note"), _dependency_title)
PARTICIPANT = RecordKind(
    "participant", "delegation member", RoundParticipant,
    {"role": "Role", "person": "Head of delegation", "note": "Note"},
    _participant_values, _participant_title)
VENUE = RecordKind(
    "venue", "venue", Venue,
    {"name": "Name", "city": "City", "country": "Country", "time_zone": "Time zone",
     "latitude": "Latitude", "longitude": "Longitude"},
    _attributes("name", "city", "country", "time_zone", "latitude", "longitude"),
    lambda _session, venue: _quoted(venue.name))
SOURCE = RecordKind(
    "source", "source", Source,
    {"outlet": "Outlet", "title": "Title", "url": "Address", "published_on": "Published",
     "accessed_on": "Read on", "reliability": "Reliability", "note": "Note"},
    _attributes("outlet", "title", "url", "published_on", "accessed_on", "reliability",
                "note"),
    lambda _session, source: _quoted(source.title or source.outlet))
LINK = RecordKind(
    "link", "event link", EventLink, {"kind": "Kind", "note": "Note"},
    _attributes("kind", "note"), _link_title)



def _claim_title(_session: Session, claim: CasualtyClaim) -> str:
    what = _quoted(f"{claim.measure}, by {claim.claimant}")
    if claim.event_id is not None:
        return f"{what} of event {claim.event_id}"
    return f"{what} of {claim.day:%d %b %Y}" if claim.day is not None else what


# Keyed by column: the edit log names a claim's changed columns by these labels.
CLAIM = RecordKind(
    "claim", "claim", CasualtyClaim,
    {"measure": "Measure", "value_low": "Low figure", "value_best": "Best figure",
     "value_high": "High figure", "claimant": "Claimant", "claimant_kind": "Kind of claimant",
     "source_id": "Source", "status": "Status", "note": "Note", "day": "Day",
     "place": "Place"},
    _attributes("measure", "value_low", "value_best", "value_high", "claimant",
                "claimant_kind", "source_id", "status", "note", "day", "place"),
    _claim_title)

KINDS: dict[str, RecordKind] = {kind.name: kind for kind in (
    ROUND, FACTOR, READING, DEPENDENCY, PARTICIPANT, VENUE, SOURCE, LINK, CLAIM)}


def value_text(session: Session, field: str, value: object) -> str:
    """How a field's value reads in the conflict dialog."""
    if field == "venue":
        venue = session.get(Venue, value) if isinstance(value, int) else None
        return venue.name if venue is not None else "Not known yet"
    if field == "person":
        person = session.get(Person, value) if isinstance(value, int) else None
        return person.name if person is not None else "Nobody"
    if field == "source_id":  # a claim's source
        source = session.get(Source, value) if isinstance(value, int) else None
        return _quoted(source.title or source.outlet) if source is not None else "(none)"
    if isinstance(value, ScheduledWindow):
        return value.describe()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return f"{value:%d %b %Y %H:%M} UTC"
    if isinstance(value, date):
        return f"{value:%d %b %Y}"
    if isinstance(value, float):
        return f"{value:g}"
    if value is None or value == "":
        return "(empty)"
    return str(value)
