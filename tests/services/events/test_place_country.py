"""The place filter also finds a country, by its stored name or ISO code (issue 19)."""

from __future__ import annotations

from sqlalchemy import update

from tests.ui._fixtures import add_events
from tracker.domain.events import BattlefieldEvent
from tracker.services.events import events
from tracker.services.events.event_countries import place_country_code
from tracker.services.events.events import EventFilter
from tracker.storage.database import Database


def _with_countries(db: Database) -> None:
    """120 events: ids 1-60 in Ukraine, 61-100 in Russia (UCDP's spelling), the rest
    with no country; places cycle Kyiv, Kharkiv, Odesa, Dnipro."""
    add_events(db, 120)
    event = BattlefieldEvent
    with db.transaction() as session:
        session.execute(update(event).where(event.id <= 60)
                        .values(country="Ukraine", country_code="UKR"))
        session.execute(update(event).where(event.id.between(61, 100))
                        .values(country="Russia (Soviet Union)", country_code="RUS"))


def _found(db: Database, flt: EventFilter) -> set[int]:
    with db.reading() as session:
        rows = events.fetch_events(session, flt, limit=1000)
        assert events.count_events(session, flt) == len(rows)
        return {row.id for row in rows}


def test_a_country_is_found_by_name_or_code_in_any_case(db: Database) -> None:
    _with_countries(db)
    ukraine = set(range(1, 61))
    for typed in ("Ukraine", "ukraine", " UKRAINE ", "UKR", "ukr"):
        assert _found(db, EventFilter(place=typed)) == ukraine, typed
    # UCDP's name keeps the older one in brackets; either way finds it.
    assert _found(db, EventFilter(place="Russia")) == set(range(61, 101))
    assert _found(db, EventFilter(place="Russia (Soviet Union)")) == set(range(61, 101))
    assert _found(db, EventFilter(place="rus")) == set(range(61, 101))


def test_places_still_match_as_before_and_countries_only_whole(db: Database) -> None:
    _with_countries(db)
    kharkiv = {number + 1 for number in range(120) if number % 4 == 1}
    assert _found(db, EventFilter(place="khark")) == kharkiv
    # A part of a country's name is no country: typing "u" on the way to "Uman".
    assert _found(db, EventFilter(place="ukra")) == set()
    assert _found(db, EventFilter(place="XYZ")) == set()
    assert _found(db, EventFilter(place="Poland")) == set()  # a country, none stored
    # Towns and parts of names are no country; nor are two-letter codes ("KI").
    assert [place_country_code(typed) for typed in ("Kharkiv", "", "ki", "ukra")] == \
        ["", "", "", ""]
    assert place_country_code("Russian Federation") == "RUS"


def test_a_country_combines_with_words_dates_and_types(db: Database) -> None:
    _with_countries(db)
    in_kharkiv = _found(db, EventFilter(place="Ukraine", text="Kharkiv"))
    assert in_kharkiv == {number + 1 for number in range(60) if number % 4 == 1}
    battles = _found(db, EventFilter(place="UKR", event_types=("Battles",)))
    assert battles == {number + 1 for number in range(60) if number % 3 == 0}
