"""Words and places find the same events on SQLite and PostgreSQL: case and Latin
diacritics are ignored, as SQLite's FTS5 tokenizer ignores them, and words are prefixes.

Each case runs on both backends against one expected answer, so the two databases agree
with each other by agreeing with it. What FTS5 does not fold (ł, ß, Cyrillic ї) is left
alone on PostgreSQL too. The last test compares PostgreSQL's fold (migration 0007) with
the tokenizer itself, character by character.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import text

from tests.services.scenario import add_events
from tracker.services.events.events import EventFilter, fetch_events
from tracker.storage.database import Database

PLACES = {
    "T1": ("Kyïv", "Strike on a thermal power plant"),
    "T2": ("KYIV", "Drone debris on a roof"),
    "T3": ("Dnipró", "Missile hit the Čornomorsk ferry terminal"),
    "T4": ("Zaporižžja", "Shelling near the nuclear plant"),
    "T5": ("ZAPORIZHZHIA", "Cafe\u0301 destroyed"),  # a combining accent, not é
    "T6": ("Łódź", "Straße closed after the blast"),
    "T7": ("Київ", "Удар по ЇЖАК"),
}


@pytest.fixture
def places_db(db: Database) -> Database:
    with db.transaction() as session:
        add_events(session, [
            {"external_id": key, "event_date": date(2026, 1, day), "location": place,
             "summary": summary}
            for day, (key, (place, summary)) in enumerate(PLACES.items(), start=1)])
    return db


def _found(db: Database, flt: EventFilter) -> set[str]:
    with db.reading() as session:
        return {row.external_id for row in fetch_events(session, flt)}


@pytest.mark.parametrize(("flt", "expected"), [
    # Accented, plain and capitals are one word; the place is a prefix.
    (EventFilter(place="kyiv"), {"T1", "T2"}),
    (EventFilter(place="KYÏV"), {"T1", "T2"}),
    (EventFilter(place="ky"), {"T1", "T2"}),
    (EventFilter(place="dnipro"), {"T3"}),
    (EventFilter(place="Dnipró"), {"T3"}),
    (EventFilter(place="zaporizzja"), {"T4"}),
    (EventFilter(place="zapor"), {"T4", "T5"}),
    (EventFilter(place="Zaporižž"), {"T4"}),
    # Words: every one a prefix, anywhere in the text; accents typed either way.
    (EventFilter(text="cornomorsk"), {"T3"}),
    (EventFilter(text="ČORNO"), {"T3"}),
    (EventFilter(text="café"), {"T5"}),
    (EventFilter(text="cafe\u0301"), {"T5"}),
    (EventFilter(text="caf destroyed"), {"T5"}),
    (EventFilter(text="plant"), {"T1", "T4"}),
    # What FTS5 leaves alone stays itself: ł and ß are letters, not accented ones, and
    # ї is a Cyrillic letter; only its case is folded.
    (EventFilter(place="lodz"), set()),
    (EventFilter(place="łodz"), {"T6"}),
    (EventFilter(text="strasse"), set()),
    (EventFilter(text="straße"), {"T6"}),
    (EventFilter(place="київ"), {"T7"}),
    (EventFilter(place="киів"), set()),
    (EventFilter(text="їжак"), {"T7"}),
])
def test_the_same_query_finds_the_same_events(places_db: Database, flt: EventFilter,
                                              expected: set[str]) -> None:
    assert _found(places_db, flt) == expected


def _sqlite_folds(characters: list[str]) -> dict[str, str]:
    """What FTS5's tokenizer makes of each character inside a word, where that is an
    ASCII letter or nothing (a diacritic removed) and not just its lower case (K, the
    Kelvin sign, is "k" by case; to_tsvector lower-cases it on PostgreSQL)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE f USING fts5(x, tokenize='unicode61 "
                           "remove_diacritics 2')")
        connection.execute("CREATE VIRTUAL TABLE v USING fts5vocab(f, 'instance')")
        connection.executemany("INSERT INTO f(rowid, x) VALUES (?, ?)",
                               [(ord(c), f"a{c}a") for c in characters])
        terms: dict[int, list[str]] = {}
        for term, row in connection.execute("SELECT term, doc FROM v"):
            terms.setdefault(row, []).append(term)
    finally:
        connection.close()
    folds = {}
    for character in characters:
        found = terms.get(ord(character), [])
        folded = found[0][1:-1] if len(found) == 1 else None
        if folded is not None and folded.isascii() and folded != character.lower():
            folds[character] = folded
    return folds


def test_postgresql_folds_every_character_as_fts5_does(db: Database) -> None:
    if db.is_sqlite:
        pytest.skip("PostgreSQL's fold, compared with SQLite's tokenizer")
    characters = [chr(code) for code in range(0x80, 0x10000)
                  if not 0xD800 <= code < 0xE000]
    with db.engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT c, tracker_search_fold(c) FROM unnest(CAST(:characters AS text[])) AS c"),
            {"characters": characters})
        changed = {character: folded for character, folded in rows if folded != character}
    assert changed == _sqlite_folds(characters)
    assert changed["Ï"] == "i" and changed["\u0301"] == "" and "ł" not in changed
    with db.engine.connect() as connection:  # characters of several blocks in one text
        assert connection.scalar(text("SELECT tracker_search_fold(:t)"), {
            "t": "Đà Nẵng, Żółć, Kyïv, Cafe\u0301, Київ, Å"}) == \
            "Đa Nang, zołc, Kyiv, Cafe, Київ, a"
