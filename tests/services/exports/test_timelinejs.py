"""The TimelineJS data: required fields, dates as the database has them, eras, groups, cap."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import cli_database
from tests.query_plans import plans_of
from tests.services.scenario import add_events
from tracker import cli
from tracker.domain.enums import Precision
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.common.errors import ValidationError
from tracker.services.exports.timelinejs import TimelineExport, build_timeline
from tracker.services.exports.timelinejs_selection import EventScope, TimelineRequest
from tracker.services.rounds import list_rounds
from tracker.storage.database import Database

NOW = datetime(2026, 2, 3, 9, 30, tzinfo=UTC)
TRACK = "US-brokered trilateral talks"


def _build(db: Database, **request: Any) -> TimelineExport:
    with db.reading() as session:
        return build_timeline(session, TimelineRequest(**request), now=NOW)


def _slides(export: TimelineExport) -> dict[str, dict[str, Any]]:
    return {slide["unique_id"]: slide for slide in export.data["events"]}


def _week_round(db: Database) -> int:
    with db.reading() as session:
        [found] = [r.id for r in list_rounds(session) if r.window.precision is Precision.WEEK]
    return found


def _reschedule_exact(db: Database, round_id: int) -> None:
    kyiv = ScheduledWindow.exact(datetime(2026, 2, 4, 10, 0), datetime(2026, 2, 4, 16, 0),
                                 "Europe/Kyiv")
    with db.transaction() as session:
        rounds.reschedule(session, round_id, kyiv, rounds.ChangeNote("moved"))


def test_every_slide_has_the_fields_timelinejs_requires(sample_db: Database) -> None:
    export = _build(sample_db, tz="Europe/Kyiv")
    slides = export.data["events"]
    # The sample: 1 dated round (the other's date is unknown), 2 changes, 3 readings, and
    # its 7 events, each linked to the round or a factor.
    assert (export.rounds, export.changes, export.readings, export.events) == (1, 2, 3, 7)
    assert len(slides) == 13
    for slide in slides:
        assert isinstance(slide["start_date"]["year"], int)
        assert slide["text"]["headline"]
        assert slide["display_date"]
    assert len({slide["unique_id"] for slide in slides}) == 13
    assert export.data["scale"] == "human"
    assert json.loads(json.dumps(export.data)) == export.data
    assert export.undated == ("Earlier talks (implied by the report)",)


def test_a_week_window_is_drawn_over_its_days_at_the_venue(sample_db: Database) -> None:
    round_id = _week_round(sample_db)
    slide = _slides(_build(sample_db, tz="Asia/Tokyo"))[f"round-{round_id}"]
    # Monday 2 to Sunday 8 Feb in Kyiv, whatever the reader's zone; never the 1st.
    assert slide["start_date"] == {"year": 2026, "month": 2, "day": 2}
    assert slide["end_date"] == {"year": 2026, "month": 2, "day": 8}
    assert slide["display_date"] == "week of 2 Feb 2026 (to 8 Feb 2026)"
    assert slide["group"] == TRACK


def test_a_month_window_runs_from_its_first_day_to_its_last(sample_db: Database) -> None:
    round_id = _week_round(sample_db)
    with sample_db.transaction() as session:
        rounds.reschedule(session, round_id,
                          ScheduledWindow.month_of(date(2026, 2, 10), "Europe/Kyiv"),
                          rounds.ChangeNote("some time in February"))
    slide = _slides(_build(sample_db))[f"round-{round_id}"]
    # With its day: TimelineJS drops an end whose parts named in the start are equal.
    assert slide["start_date"] == {"year": 2026, "month": 2, "day": 1}
    assert slide["end_date"] == {"year": 2026, "month": 2, "day": 28}


def test_a_week_event_is_drawn_over_its_week(sample_db: Database) -> None:
    slide = _slides(_build(sample_db))["event-1"]
    # Reported for the week of Monday 26 Jan 2026: to Sunday 1 Feb, and the words.
    assert slide["start_date"] == {"year": 2026, "month": 1, "day": 26}
    assert slide["end_date"] == {"year": 2026, "month": 2, "day": 1}
    assert slide["display_date"] == "week of 26 Jan 2026"
    assert slide["group"] == "Events: medical"


def test_an_exact_round_in_kyiv_is_told_in_the_chosen_zone(sample_db: Database) -> None:
    round_id = _week_round(sample_db)
    _reschedule_exact(sample_db, round_id)
    # 10:00–16:00 in Kyiv (UTC+2 in February) is 09:00–15:00 in Berlin (UTC+1) and
    # 17:00–23:00 in Tokyo (UTC+9).
    for tz, start_hour, end_hour in (("Europe/Kyiv", 10, 16), ("Europe/Berlin", 9, 15),
                                     ("Asia/Tokyo", 17, 23)):
        export = _build(sample_db, tz=tz)
        slide = _slides(export)[f"round-{round_id}"]
        assert slide["start_date"] == {"year": 2026, "month": 2, "day": 4,
                                       "hour": start_hour, "minute": 0}
        assert slide["end_date"] == {**slide["start_date"], "hour": end_hour}
        [era] = export.data["eras"]
        assert (era["start_date"], era["end_date"]) == (slide["start_date"],
                                                        slide["end_date"])
        assert tz in export.data["title"]["text"]["text"]


def test_the_round_window_is_an_era_over_its_days_at_the_venue(sample_db: Database) -> None:
    [era] = _build(sample_db, tz="America/Los_Angeles").data["eras"]
    # Monday 2 Feb to Sunday 8 Feb in Kyiv; the band ends as 9 Feb begins.
    assert era["start_date"] == {"year": 2026, "month": 2, "day": 2}
    assert era["end_date"] == {"year": 2026, "month": 2, "day": 9}
    # The round's name alone: the band is one line, the round's slide says when.
    assert era["text"]["headline"] == "Trilateral talks announced for the coming week"


def test_days_and_spans_of_events_match_the_database(db: Database) -> None:
    with db.transaction() as session:
        add_events(session, [
            {"event_date": date(2026, 1, 27), "target_category": "energy"},
            {"event_date": date(2026, 1, 28), "event_date_end": date(2026, 1, 30)},
            {"event_date": date(2026, 3, 1), "date_precision": Precision.MONTH},
        ])
    slides = list(_build(db, events=EventScope.ALL).data["events"])
    assert [(s["start_date"], s.get("end_date"), s["display_date"], s["group"])
            for s in slides] == [
        ({"year": 2026, "month": 1, "day": 27}, None, "27 Jan 2026", "Events: energy"),
        ({"year": 2026, "month": 1, "day": 28}, {"year": 2026, "month": 1, "day": 30},
         "28–30 Jan 2026 (reported as one record)", "Events: uncategorised"),
        # A month: drawn over its days, its words saying it is the month.
        ({"year": 2026, "month": 3, "day": 1}, {"year": 2026, "month": 3, "day": 31},
         "March 2026 (month)", "Events: uncategorised"),
    ]


def test_a_months_long_record_runs_from_its_first_day_to_its_last(db: Database) -> None:
    with db.transaction() as session:
        add_events(session, [{
            "dataset": "UCDP GED", "event_date": date(2022, 2, 24),
            "event_date_end": date(2022, 9, 30), "date_precision": Precision.UNKNOWN,
            "event_type": "State-based conflict", "sub_event_type": "Russia - Ukraine",
            "location": "Izyum town", "admin1": "Kharkiv Oblast", "fatalities": 871}])
    slide = _slides(_build(db, events=EventScope.ALL))["event-1"]
    # Never from 1 Feb 2022, before the invasion; never one day's event.
    assert slide["start_date"] == {"year": 2022, "month": 2, "day": 24}
    assert slide["end_date"] == {"year": 2022, "month": 9, "day": 30}
    assert slide["display_date"] == "24 Feb – 30 Sep 2022 (reported as one record)"
    assert slide["text"]["headline"] == "Izyum town: 871 killed (Russia - Ukraine)"
    assert "<b>Type:</b> State-based conflict / Russia - Ukraine" in slide["text"]["text"]


def test_a_week_is_drawn_over_its_days_from_monday(db: Database) -> None:
    with db.transaction() as session:
        add_events(session, [
            # Week of Monday 30 Mar 2026: to Sunday 5 Apr, across the month's end.
            {"event_date": date(2026, 3, 30), "date_precision": Precision.WEEK},
            # ACLED records the middle itself: Saturday 1 Jun 2024 (29 May to 4 Jun).
            {"event_date": date(2024, 6, 1), "date_precision": Precision.WEEK,
             "dataset": "ACLED"},
        ])
    slides = _slides(_build(db, events=EventScope.ALL))
    assert (slides["event-1"]["start_date"], slides["event-1"]["end_date"]) == (
        {"year": 2026, "month": 3, "day": 30}, {"year": 2026, "month": 4, "day": 5})
    assert (slides["event-2"]["start_date"], slides["event-2"]["end_date"]) == (
        {"year": 2024, "month": 5, "day": 29}, {"year": 2024, "month": 6, "day": 4})
    assert slides["event-2"]["display_date"] == "week of 29 May 2024"


def test_headlines_say_where_and_what_happened(sample_db: Database) -> None:
    slides = _slides(_build(sample_db))
    headlines = {key: slide["text"]["headline"] for key, slide in slides.items()
                 if key.startswith("event-")}
    assert headlines == {
        "event-1": "Zaporizhzhia: air/drone strike on medical facilities",
        # No sub-event type: the summary's first sentence, cut near 80 characters.
        "event-2": "Zaporizhzhia: Zaporizhzhia came under near-constant attack for a whole "
                   "day, with destruction…",
        "event-3": "Kyiv: shelling/artillery/missile attack on residential areas",
        "event-4": "Kharkiv: shelling/artillery/missile attack on residential areas",
        # No place: what happened alone.
        "event-5": "Russian strikes on Ukrainian coal mines as part of the campaign against "
                   "the…",
        "event-6": "Russian strikes on thermal power plants caused heavy damage and cut "
                   "power to…",
        "event-7": "Eastern Ukraine: Sustained Russian attacks on railways in eastern Ukraine "
                   "made them high-risk…",
    }
    with sample_db.transaction() as session:
        add_events(session, [
            {"event_date": date(2026, 1, 27), "location": "Kharkiv", "fatalities": 3,
             "sub_event_type": "Air/drone strike", "target_category": "energy"},
            {"event_date": date(2026, 1, 27), "location": "Odesa", "fatalities": 2,
             "injuries": 5, "summary": "Port hit. Grain silos burned."},
            {"event_date": date(2026, 1, 27), "fatalities": 1, "event_type": "Battles"}])
    added = _slides(_build(sample_db, events=EventScope.ALL))
    assert [added[f"event-{n}"]["text"]["headline"] for n in (8, 9, 10)] == [
        "Kharkiv: air/drone strike on energy infrastructure (3 killed)",
        "Odesa: Port hit (2 killed)", "Battles (1 killed)"]
    # The category is kept: in the lane and in the text.
    assert slides["event-1"]["group"] == "Events: medical"
    assert ("<b>Type:</b> Explosions/Remote violence / Air/drone strike [medical]"
            in slides["event-1"]["text"]["text"])


def test_groups_are_tracks_factors_and_event_categories(sample_db: Database) -> None:
    groups = {slide["group"] for slide in _build(sample_db).data["events"]}
    assert groups == {
        TRACK, "Factor: U.S.–Iran tensions", "Factor: Starlink restriction on Russian use",
        "Factor: Winter grid collapse", "Events: medical", "Events: residential",
        "Events: energy", "Events: transport",
    }


def test_linked_events_only_unless_all_are_asked_for(sample_db: Database) -> None:
    with sample_db.transaction() as session:
        add_events(session, [{"event_date": date(2026, 1, 27), "summary": "unlinked"}])
    assert _build(sample_db).events == 7
    assert _build(sample_db, events=EventScope.ALL).events == 8


def test_a_deleted_rounds_links_do_not_bring_its_events(sample_db: Database) -> None:
    round_id = _week_round(sample_db)
    with sample_db.transaction() as session:
        rounds.delete(session, round_id, rounds.ChangeNote("gone"))
    export = _build(sample_db)
    # Events 1, 3, 4, 5 and 6 are linked to factors too; 2 and 7 only to the round.
    assert sorted(k for k in _slides(export) if k.startswith("event-")) == [
        "event-1", "event-3", "event-4", "event-5", "event-6"]
    assert export.rounds == 0 and export.data["eras"] == []


def test_the_cap_keeps_the_earliest_and_says_so(sample_db: Database) -> None:
    with sample_db.transaction() as session:
        add_events(session, [{"event_date": date(2026, 1, 20)}])  # id 8, the earliest
    export = _build(sample_db, events=EventScope.ALL, max_events=3)
    events = [k for k in _slides(export) if k.startswith("event-")]
    assert events == ["event-8", "event-1", "event-2"]  # by (event_date, id)
    assert (export.events, export.events_found, export.capped) == (3, 8, True)
    title = export.data["title"]["text"]["text"]
    assert "Only the first 3 of 8 battlefield events" in title
    assert "(up to 26 Jan 2026)" in title


def test_the_range_picks_rounds_by_their_days_and_events_by_theirs(
        sample_db: Database) -> None:
    inside = _build(sample_db, date_from=date(2026, 2, 5), date_to=date(2026, 2, 6))
    # The week of 2–8 Feb meets 5–6 Feb; the events (26 Jan) and the changes and
    # readings (31 Jan) do not.
    assert (inside.rounds, inside.changes, inside.readings, inside.events) == (1, 0, 0, 0)
    after = _build(sample_db, date_from=date(2026, 2, 9))
    assert after.rounds == 0 and after.data["events"] == []
    assert "9 Feb 2026" in after.data["title"]["text"]["text"]


def test_the_title_slide_says_when_what_and_which_zone(sample_db: Database) -> None:
    title = _build(sample_db, tz="Europe/Kyiv").data["title"]
    assert "start_date" not in title
    text = title["text"]["text"]
    assert "on 3 Feb 2026 11:30 EET" in text  # NOW, 09:30 UTC, in Kyiv
    assert "wall-clock times in Europe/Kyiv (EET, UTC+02:00" in text
    assert "1 round, 2 schedule changes, 3 factor readings and 7 events" in text
    assert "linked to a round or a factor" in text
    assert "Left out, their date is unknown: Earlier talks" in text


def test_bad_requests_are_refused(sample_db: Database) -> None:
    with pytest.raises(ValidationError, match="time zone"):
        _build(sample_db, tz="Mars/Olympus")
    with pytest.raises(ValidationError, match="before the start"):
        _build(sample_db, date_from=date(2026, 2, 2), date_to=date(2026, 2, 1))
    with pytest.raises(ValidationError):
        _build(sample_db, max_events=0)


@pytest.mark.sqlite_only  # SQLite's plan; PostgreSQL's: test_postgres_plans.py
def test_events_are_read_off_the_date_index(sample_db: Database) -> None:
    request = TimelineRequest(events=EventScope.ALL, date_from=date(2026, 1, 1),
                              max_events=5)
    _, statements = plans_of(sample_db, lambda s: build_timeline(s, request, now=NOW))
    ranged = [s for s in statements if "FROM battlefield_event" in s.sql
              and "event_date >=" in s.sql]
    assert ranged
    for statement in ranged:
        assert not statement.scans_events(), statement.plan_text
        assert not statement.sorts(), statement.plan_text


@pytest.mark.sqlite_only  # which events: test_linked_events_only_unless_all_are_asked_for
def test_linked_events_are_found_from_the_links_not_the_event_table(
        sample_db: Database) -> None:
    _, statements = plans_of(sample_db, lambda s: build_timeline(s, TimelineRequest(),
                                                                 now=NOW))
    linked = [s for s in statements if "FROM battlefield_event" in s.sql
              and "event_link.event_id" in s.sql]
    assert len(linked) == 2  # the count, and the events themselves
    for statement in linked:
        assert not statement.scans_events(), statement.plan_text
        assert "SEARCH battlefield_event USING INTEGER PRIMARY KEY" in statement.plan_text


def test_the_command_writes_data_and_page_and_reports_the_cap(
        sample_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = cli_database(sample_db)
    target = tmp_path / "talks.json"
    assert cli.main(["export", "--db", database, "--format", "timelinejs"]) == 2
    assert "needs -o" in capsys.readouterr().err
    assert cli.main(["export", "--db", database, "--format", "timelinejs", "--events", "all",
                     "--max-events", "2", "--tz", "Europe/Kyiv", "-o", str(target)]) == 0
    error = capsys.readouterr().err
    assert "2 events (times in Europe/Kyiv)" in error
    assert "Only the first 2 of 7 battlefield events" in error
    assert "date is unknown: Earlier talks" in error
    data = json.loads(target.read_text(encoding="utf-8"))
    assert len(data["events"]) == 1 + 2 + 3 + 2
    page = (tmp_path / "talks.html").read_text(encoding="utf-8")
    assert "https://cdn.knightlab.com/libs/timeline3/latest/js/timeline.js" in page
