"""The chronology merges five kinds of fact in one time order, computed in SQL."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime

from sqlalchemy import select

from tests.services.scenario import add_events, build
from tracker.domain.chronology import EntryKind
from tracker.domain.enums import (
    FactorLevel,
    FactorTrend,
    LinkKind,
    Precision,
    RoundFormat,
    RoundStatus,
)
from tracker.domain.negotiation import Round
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.chronology.chronology import (
    chronology_page,
    count_chronology,
    iter_chronology,
)
from tracker.services.claims.claim_operations import ClaimDraft, add_claim
from tracker.services.events.link_operations import LinkSpec, add_link
from tracker.services.exports.export import ExportFormat, write_chronology
from tracker.services.factors import factors
from tracker.services.factors.operations import new_reading
from tracker.services.records import reference
from tracker.services.rounds.relocation import KeepTime
from tracker.storage.database import Database


def _fill(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        new_reading(session, ids.tensions, factors.ReadingDraft(
            datetime(2026, 1, 30, 9, 0, tzinfo=UTC), FactorLevel.HIGH, FactorTrend.RISING))
        add_events(session, [
            {"event_date": date(2026, 1, 28), "summary": "strike A"},
            {"event_date": date(2026, 2, 3), "summary": "strike B"},
            {"event_date": date(2026, 1, 1), "date_precision": Precision.MONTH,
             "summary": "month-precise"},
        ])
        undated = rounds.create_round(session, rounds.RoundDraft(
            ids.track, "Undated technical round", RoundFormat.TECHNICAL,
            rounds.RoundState(ScheduledWindow.unknown("Europe/Kyiv"), None,
                                RoundStatus.PROPOSED))).record_id
        assert undated
        add_claim(session, ClaimDraft("drones intercepted", "Air Force", best=40,
                                      day=date(2026, 1, 29), place="Kyiv region"))


def test_entries_are_in_time_order_with_unknown_last(db: Database) -> None:
    _fill(db)
    with db.reading() as session:
        entries = list(iter_chronology(session))
    dated = [e.when for e in entries if e.when is not None]
    assert dated == sorted(dated)
    assert entries[-1].title == "Undated technical round"
    assert entries[-1].when_text == "date unknown"
    kinds = {e.kind for e in entries}
    assert kinds == set(EntryKind)


def test_week_window_is_told_as_a_week_not_a_time(db: Database) -> None:
    _fill(db)
    with db.reading() as session:
        [round_entry] = [e for e in iter_chronology(session)
                         if e.kind is EntryKind.ROUND and e.when is not None]
    assert round_entry.precision is Precision.WEEK
    assert round_entry.when_text == "week of 2 Feb 2026 (to 8 Feb 2026)"
    assert round_entry.day == date(2026, 2, 2)  # Kyiv's Monday, though UTC is still Sunday
    assert round_entry.when == datetime(2026, 2, 2, 12, 0, tzinfo=UTC)  # sorts like a day


def test_date_filter_keeps_overlapping_rounds_and_drops_undated(db: Database) -> None:
    _fill(db)
    with db.reading() as session:
        entries = list(iter_chronology(session, date_from=date(2026, 2, 3),
                                       date_to=date(2026, 2, 4)))
    assert [(e.kind, e.title) for e in entries] == [
        (EntryKind.ROUND, "Trilateral round"),
        (EntryKind.EVENT, "Event"),
    ]
    assert entries[1].detail == "strike B"


def test_pages_join_up_to_the_whole(db: Database) -> None:
    _fill(db)
    with db.reading() as session:
        whole = list(iter_chronology(session))
        assert count_chronology(session) == len(whole)
        paged = [entry for offset in range(0, len(whole), 2)
                 for entry in chronology_page(session, offset=offset, limit=2)]
    assert paged == whole


def test_event_precision_is_kept_in_words(db: Database) -> None:
    _fill(db)
    with db.reading() as session:
        texts = {e.detail: e.when_text for e in iter_chronology(session)
                 if e.kind is EntryKind.EVENT}
    assert texts["month-precise"] == "January 2026 (month)"
    assert texts["strike A"] == "28 Jan 2026"


def test_sample_chronology_carries_links_and_sources(sample_db: Database) -> None:
    with sample_db.reading() as session:
        entries = list(iter_chronology(session))
    events = [e for e in entries if e.kind is EntryKind.EVENT]
    assert len(events) == 7
    assert all(e.sources for e in entries if e.kind is not EntryKind.ROUND or e.when)
    maternity = next(e for e in events if "maternity" in e.detail)
    assert any("escalation during talks" in link for link in maternity.links)


def test_counts_for_the_status_bar(sample_db: Database) -> None:
    from tracker.services.common.summary import counts

    with sample_db.reading() as session:
        found = counts(session)
    assert (found.rounds, found.factors, found.events, found.links) == (2, 3, 7, 12)
    assert found.describe() == "2 rounds · 3 factors · 7 events · 12 links"

    # A deleted round hides its seven links with it.
    with sample_db.transaction() as session:
        rounds.delete(session, 2, rounds.ChangeNote("Called off"))
    with sample_db.reading() as session:
        assert counts(session).describe() == "1 round · 3 factors · 7 events · 5 links"


# -- which day an entry belongs to --------------------------------------------------------

def _days_fixture(db: Database) -> None:
    """In Kyiv, a round announced for 5 Feb (from 22:00 UTC on 4 Feb) and a night session
    at 01:00 on 5 Feb (23:00 UTC on 4 Feb); events on 4 and 5 Feb; a reading at 23:30 UTC
    on 4 Feb (already 5 Feb in Kyiv)."""
    with db.transaction() as session:
        ids = build(session)
        for title, window in (
            ("Talks on 5 Feb in Kyiv", ScheduledWindow.days(date(2026, 2, 5), "Europe/Kyiv")),
            ("Night session in Kyiv", ScheduledWindow.exact(datetime(2026, 2, 5, 1, 0), None,
                                                            "Europe/Kyiv")),
        ):
            rounds.create_round(session, rounds.RoundDraft(
                ids.track, title, RoundFormat.TECHNICAL,
                rounds.RoundState(window, None, RoundStatus.SCHEDULED)))
        new_reading(session, ids.tensions, factors.ReadingDraft(
            datetime(2026, 2, 4, 23, 30, tzinfo=UTC), FactorLevel.HIGH, FactorTrend.RISING))
        add_events(session, [{"event_date": date(2026, 2, 4), "summary": "on the 4th"},
                             {"event_date": date(2026, 2, 5), "summary": "on the 5th"}])


def _titles(db: Database, day: date, tz: str) -> set[str]:
    with db.reading() as session:
        return {e.detail if e.kind is EntryKind.EVENT else e.title
                for e in iter_chronology(session, date_from=day, date_to=day, tz=tz)}


def test_a_round_announced_by_day_keeps_its_venue_days_in_any_zone(db: Database) -> None:
    _days_fixture(db)
    for tz in ("UTC", "Europe/Brussels", "America/New_York", "Asia/Tokyo"):
        assert "Talks on 5 Feb in Kyiv" in _titles(db, date(2026, 2, 5), tz)
        assert "Talks on 5 Feb in Kyiv" not in _titles(db, date(2026, 2, 4), tz)
    # A round at an exact time is an instant: it is on the reader's day.
    assert "Night session in Kyiv" in _titles(db, date(2026, 2, 5), "Europe/Kyiv")
    assert "Night session in Kyiv" in _titles(db, date(2026, 2, 4), "America/New_York")
    assert "Night session in Kyiv" not in _titles(db, date(2026, 2, 5), "America/New_York")
    assert "on the 5th" in _titles(db, date(2026, 2, 5), "Asia/Tokyo")
    assert "on the 4th" not in _titles(db, date(2026, 2, 5), "Asia/Tokyo")


def test_an_instant_belongs_to_the_readers_day_and_is_told_in_their_zone(db: Database) -> None:
    _days_fixture(db)
    reading = "U.S.–Iran tensions: high, rising"
    assert reading in _titles(db, date(2026, 2, 4), "UTC")
    assert reading in _titles(db, date(2026, 2, 5), "Europe/Kyiv")
    assert reading not in _titles(db, date(2026, 2, 4), "Europe/Kyiv")
    with db.reading() as session:
        [entry] = [e for e in iter_chronology(session, tz="Europe/Kyiv")
                   if e.kind is EntryKind.FACTOR_READING]
    assert (entry.day, entry.when_text) == (date(2026, 2, 5), "5 Feb 2026 01:30 EET")


def test_day_headings_follow_the_sort_in_any_readers_zone(db: Database) -> None:
    _days_fixture(db)
    for tz in ("America/Los_Angeles", "UTC", "Europe/Kyiv", "Asia/Tokyo"):
        with db.reading() as session:
            days = [e.day for e in iter_chronology(session, tz=tz) if e.day is not None]
        assert days == sorted(days), tz


def test_an_exact_round_over_two_days_is_on_both(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        rounds.create_round(session, rounds.RoundDraft(
            ids.track, "Two-day session", RoundFormat.TECHNICAL, rounds.RoundState(
                ScheduledWindow.exact(datetime(2026, 2, 5, 10), datetime(2026, 2, 6, 18),
                                      "Europe/Kyiv"), None, RoundStatus.SCHEDULED)))
    for day in (date(2026, 2, 5), date(2026, 2, 6)):
        assert "Two-day session" in _titles(db, day, "Europe/Kyiv")
    assert "Two-day session" not in _titles(db, date(2026, 2, 7), "Europe/Kyiv")


def test_an_exact_round_is_told_in_the_readers_time_with_the_venues(db: Database) -> None:
    _days_fixture(db)
    with db.transaction() as session:
        night_id = session.scalars(select(Round.id).where(
            Round.title == "Night session in Kyiv")).one()
        kyiv = reference.create_venue(
            session, name="Kyiv", city="Kyiv", country="Ukraine", latitude=50.45,
            longitude=30.52, time_zone="Europe/Kyiv")
    with db.reading() as session:
        night = next(e for e in iter_chronology(session, tz="America/New_York")
                     if e.title == "Night session in Kyiv")
    assert night.day == date(2026, 2, 4)
    # No venue: the zone is only the one the time was given in, and says so.
    assert night.when_text == \
        "4 Feb 2026 18:00 EST (5 Feb 2026 01:00 EET in the round's time zone)"
    with db.transaction() as session:
        rounds.relocate(session, night_id, kyiv, rounds.ChangeNote("venue named"))
    with db.reading() as session:
        night = next(e for e in iter_chronology(session, tz="America/New_York")
                     if e.title == "Night session in Kyiv")
    assert night.when_text == "4 Feb 2026 18:00 EST (5 Feb 2026 01:00 EET at the venue)"


def test_a_time_is_not_said_to_be_the_venues_unless_it_is(db: Database) -> None:
    """A venue whose zone nobody gave (stored as UTC), or a time given in another zone
    than the venue's: the time is the round's, never said to be the venue's."""
    _days_fixture(db)
    with db.transaction() as session:
        night_id = session.scalars(select(Round.id).where(
            Round.title == "Night session in Kyiv")).one()
        # As a calendar import leaves a round whose LOCATION names a place of no known
        # zone (services/rounds/calendar_import.py); moving a round there is refused.
        session.get(Round, night_id).venue_id = reference.create_venue(
            session, name="Somewhere", time_zone="UTC")

    def told() -> str:
        with db.reading() as session:
            return next(e.when_text for e in iter_chronology(session, tz="America/New_York")
                        if e.title == "Night session in Kyiv")

    assert told() == "4 Feb 2026 18:00 EST (5 Feb 2026 01:00 EET in the round's time zone)"
    with db.transaction() as session:
        kyiv = reference.create_venue(session, name="Kyiv", time_zone="Europe/Kyiv")
        rounds.relocate(session, night_id, kyiv, rounds.ChangeNote("venue known"),
                        keep=KeepTime.INSTANT)
        # Then a new time, typed in Dubai's zone for the Kyiv venue.
        rounds.reschedule(session, night_id, ScheduledWindow.exact(
            datetime(2026, 2, 5, 3), datetime(2026, 2, 5, 6), "Asia/Dubai"),
            rounds.ChangeNote("typed in Dubai time"))
    assert told() == ("4 Feb 2026 18:00–21:00 EST "
                      "(5 Feb 2026 03:00–06:00 +04 in the round's time zone)")


def test_a_round_over_several_days_gives_its_last_day_in_csv_and_json(db: Database) -> None:
    """A spreadsheet or a data tool reads ``date`` and ``end_date``: a round over two
    days, or a week, must not read as its first day alone."""
    with db.transaction() as session:
        ids = build(session)
        for title, window in (
            ("Two days", ScheduledWindow.days(date(2026, 2, 5), "Europe/Kyiv",
                                              date(2026, 2, 6))),
            ("Overnight", ScheduledWindow.exact(datetime(2026, 2, 5, 20), datetime(
                2026, 2, 6, 2), "Europe/Kyiv")),
            ("One evening", ScheduledWindow.exact(datetime(2026, 2, 5, 18), datetime(
                2026, 2, 5, 22), "Europe/Kyiv")),
        ):
            rounds.create_round(session, rounds.RoundDraft(
                ids.track, title, RoundFormat.TECHNICAL,
                rounds.RoundState(window, None, RoundStatus.SCHEDULED)))
    with db.reading() as session:
        as_csv, as_json = io.StringIO(), io.StringIO()
        write_chronology(session, as_csv, ExportFormat.CSV, tz="UTC")
        write_chronology(session, as_json, ExportFormat.JSON, tz="UTC")
    rows = {row["title"]: (row["date"], row["end_date"])
            for row in csv.DictReader(io.StringIO(as_csv.getvalue().lstrip("\ufeff")))
            if row["kind"] == "round"}
    entries = {entry["title"]: (entry["date"], entry["end_date"])
               for entry in json.loads(as_json.getvalue())["entries"]
               if entry["kind"] == "round"}
    # The sample week round of build(), days at the venue; an exact one in UTC, the
    # export's zone: 20:00–02:00 in Kyiv is 18:00–00:00 UTC, all on 5 Feb.
    expected = {"Two days": ("2026-02-05", "2026-02-06"),
                "Overnight": ("2026-02-05", None), "One evening": ("2026-02-05", None)}
    assert {title: entries[title] for title in expected} == expected
    assert {title: rows[title] for title in expected} == {
        title: (first, last or "") for title, (first, last) in expected.items()}
    week = next(title for title in entries if title not in expected)
    assert entries[week][1] is not None and entries[week][1] > entries[week][0]


def test_a_round_at_utc_plus_twelve_sorts_on_its_own_day(db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        rounds.create_round(session, rounds.RoundDraft(
            ids.track, "Talks in Kamchatka", RoundFormat.TECHNICAL, rounds.RoundState(
                ScheduledWindow.days(date(2026, 2, 5), "Asia/Kamchatka"), None,
                RoundStatus.SCHEDULED)))
        add_events(session, [{"event_date": date(2026, 2, 4), "summary": "on the 4th"},
                             {"event_date": date(2026, 2, 5), "summary": "on the 5th"}])
    with db.reading() as session:
        order = [e.detail if e.kind is EntryKind.EVENT else e.title
                 for e in iter_chronology(session, date_from=date(2026, 2, 4),
                                          date_to=date(2026, 2, 5))]
    assert order.index("on the 4th") < order.index("Talks in Kamchatka") \
        < order.index("on the 5th")


def test_a_window_across_a_clock_change_ends_in_its_own_offset(db: Database) -> None:
    # 8 Mar 2026 in New York: 02:00 EST becomes 03:00 EDT. Every format tells the same text.
    with db.transaction() as session:
        ids = build(session)
        round_id = rounds.create_round(session, rounds.RoundDraft(
            ids.track, "Night talks in New York", RoundFormat.TECHNICAL, rounds.RoundState(
                ScheduledWindow.exact(datetime(2026, 3, 8, 1, 30), datetime(2026, 3, 8, 4, 30),
                                      "America/New_York"), None, RoundStatus.SCHEDULED)
        )).record_id
        assert round_id is not None
        # Moved to the night Kyiv's clocks change (03:00 EET becomes 04:00 EEST).
        rounds.reschedule(session, round_id, ScheduledWindow.exact(
            datetime(2026, 3, 29, 1, 30), datetime(2026, 3, 29, 5), "Europe/Kyiv"),
            rounds.ChangeNote("moved to Kyiv's night"))
    with db.reading() as session:
        entries = list(iter_chronology(session, tz="Europe/Kyiv"))
    [talks] = [e for e in entries if e.title == "Night talks in New York"]
    assert talks.when_text == "29 Mar 2026 01:30 EET – 05:00 EEST"
    told = " ".join(f"{e.title} {e.detail}" for e in entries if e.kind is not EntryKind.ROUND)
    assert "8 Mar 2026 01:30 EST – 04:30 EDT → 29 Mar 2026 01:30 EET – 05:00 EEST" in told
    for fmt in (ExportFormat.CSV, ExportFormat.JSON, ExportFormat.MD, ExportFormat.HTML):
        buffer = io.StringIO(newline="")
        with db.reading() as session:
            write_chronology(session, buffer, fmt, tz="Europe/Kyiv")
        text = buffer.getvalue()
        assert "01:30 EET – 05:00 EEST" in text, fmt
        assert "01:30 EET–05:00" not in text, fmt


def test_an_event_its_source_withdrew_or_another_dataset_stands_for_is_never_told_as_current(
        db: Database) -> None:
    with db.transaction() as session:
        add_events(session, [
            {"event_date": date(2026, 1, 28), "summary": "strike kept", "fatalities": 3},
            {"event_date": date(2026, 1, 28), "summary": "strike withdrawn", "fatalities": 45,
             "record_status": "withdrawn"},
            {"event_date": date(2026, 1, 28), "summary": "strike merged", "fatalities": 2,
             "record_status": "merged"},
        ])
    with db.reading() as session:
        entries = {e.detail.split("] ")[-1].split(" (")[0]: e for e in iter_chronology(session)
                   if e.kind is EntryKind.EVENT}
        # The single-entry path (the window's pages) tells them the same way.
        paged = {e.record_id: e for e in chronology_page(session, offset=0, limit=10)
                 if e.kind is EntryKind.EVENT}
    kept, withdrawn, merged = (entries[f"strike {word}"] for word in ("kept", "withdrawn",
                                                                       "merged"))
    assert "not counted" not in kept.title and "[" not in kept.detail
    assert withdrawn.title.endswith("(not counted)")
    assert withdrawn.detail.startswith("[withdrawn by its source: a newer release no longer "
                                       "has it] strike withdrawn")
    assert merged.detail.startswith("[the same event as another dataset's record, which is "
                                    "counted]")
    assert paged[withdrawn.record_id].detail == withdrawn.detail
    # A round's list of its linked events says so too.
    with db.transaction() as session:
        ids = build(session)
        for event_id in (kept.record_id, withdrawn.record_id):
            add_link(session, LinkSpec(event_id, ids.round, None, LinkKind.CONTEXT))
    with db.reading() as session:
        [talks] = [e for e in iter_chronology(session)
                   if e.kind is EntryKind.ROUND and e.record_id == ids.round]
    assert sum(link.endswith("(context) (not counted)") for link in talks.links) == 1
    assert sum(link.endswith("(context)") for link in talks.links) == 1
    # A data tool sums the fatalities column: each row says whether it is counted.
    with db.reading() as session:
        as_csv, as_json = io.StringIO(), io.StringIO()
        write_chronology(session, as_csv, ExportFormat.CSV, tz="UTC")
        write_chronology(session, as_json, ExportFormat.JSON, tz="UTC")
    rows = {row["detail"].split("] ")[-1].split(" (")[0]: row
            for row in csv.DictReader(io.StringIO(as_csv.getvalue().lstrip("\ufeff")))
            if row["kind"] == "event"}
    events = {entry["detail"].split("] ")[-1].split(" (")[0]: entry["event"]
              for entry in json.loads(as_json.getvalue())["entries"]
              if entry["kind"] == "event"}
    for word in ("kept", "withdrawn", "merged"):
        status = "current" if word == "kept" else word
        assert rows[f"strike {word}"]["record_status"] == status
        assert events[f"strike {word}"]["record_status"] == status
    assert sum(int(row["fatalities"]) for row in rows.values()
               if row["record_status"] == "current") == 3
