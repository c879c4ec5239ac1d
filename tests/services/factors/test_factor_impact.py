"""Factor impact (issue 4): readings, rounds with windows, citing changes, events per day."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from tests.query_plans import plans_of, statements_of
from tests.services import scenario
from tracker.domain.enums import (
    ChangeKind,
    DependencyEffect,
    FactorLevel,
    FactorTrend,
    LinkKind,
    Precision,
    RoundFormat,
    RoundStatus,
)
from tracker.domain.events import BattlefieldEvent
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.common.errors import NotFoundError
from tracker.services.common.views import EventDay
from tracker.services.events.link_operations import add_link
from tracker.services.events.linking import LinkSpec
from tracker.services.factors.factor_impact import factor_impact
from tracker.services.factors.factors import DependencySpec, ReadingDraft
from tracker.services.factors.operations import new_dependency, new_factor, new_reading
from tracker.services.records.citations import SourceDraft, create_source
from tracker.services.rounds import ChangeNote, RoundDraft, RoundState
from tracker.storage.database import Database

TEN_FEB = ScheduledWindow.days(date(2026, 2, 10), "Europe/Istanbul")


@dataclass(frozen=True)
class Built:
    tensions: int
    grid: int
    announced: int  # depends on tensions twice, postponed because of it
    technical: int  # no dependency; rescheduled because of tensions
    dropped: int  # depends on tensions, then deleted


def _round(session: object, ids: scenario.Ids, title: str, window: ScheduledWindow) -> int:
    round_id: int = rounds.create_round(session, RoundDraft(  # type: ignore[arg-type]
        ids.track, title, RoundFormat.TECHNICAL,
        RoundState(window, None, RoundStatus.PROPOSED))).record_id
    return round_id


def _build(db: Database) -> Built:
    with db.transaction() as session:
        ids = scenario.build(session)
        grid = new_factor(session, "Winter grid collapse").record_id
        # Added newest first: the service gives them back oldest first.
        for when, level, trend in (
            (datetime(2026, 1, 30, 10, tzinfo=UTC), FactorLevel.HIGH, FactorTrend.RISING),
            (datetime(2026, 1, 28, 8, tzinfo=UTC), FactorLevel.MODERATE, FactorTrend.STABLE),
        ):
            new_reading(session, ids.tensions, ReadingDraft(when, level, trend))
        new_reading(session, grid, ReadingDraft(
            datetime(2026, 1, 29, tzinfo=UTC), FactorLevel.CRITICAL, FactorTrend.RISING))
        for effect in (DependencyEffect.MAY_POSTPONE, DependencyEffect.MAY_RELOCATE):
            new_dependency(session, DependencySpec(ids.round, ids.tensions, effect))
        new_dependency(session, DependencySpec(ids.round, grid,
                                               DependencyEffect.LEVERAGE))
        technical = _round(session, ids, "Technical round", ScheduledWindow.week_of(
            date(2026, 2, 2), "Europe/Istanbul"))
        dropped = _round(session, ids, "Dropped round", TEN_FEB)
        new_dependency(session, DependencySpec(dropped, ids.tensions,
                                               DependencyEffect.PRECONDITION))
        source = create_source(session, SourceDraft(outlet="Reuters", title="Talks delayed"))
        rounds.relocate(session, ids.round, ids.istanbul, ChangeNote("Neutral ground"))
        rounds.postpone(session, ids.round, ChangeNote(
            "Carrier group moved", ids.tensions, source, recorded_by="analyst"))
        rounds.reschedule(session, technical, TEN_FEB,
                            ChangeNote("Same reason", ids.tensions, recorded_by="analyst"))
        rounds.change_round(session, technical, replace(rounds.state_of(
            rounds.get_round(session, technical)), status=RoundStatus.SCHEDULED),
            ChangeNote("Grid repairs done", grid))
        rounds.postpone(session, dropped, ChangeNote("Tensions", ids.tensions))
        rounds.delete(session, dropped, ChangeNote("Never happened"))
    return Built(ids.tensions, grid, ids.round, technical, dropped)


def _add_events(db: Database, built: Built) -> None:
    rows: list[dict[str, object]] = [
        {"event_date": date(2026, 1, 26), "date_precision": Precision.WEEK},
        {"event_date": date(2026, 1, 26), "fatalities": 3},
        {"event_date": date(2026, 1, 29), "fatalities": 0},
        {"event_date": date(2026, 1, 29), "fatalities": 5},  # grid's
        {"event_date": date(2026, 1, 29), "fatalities": 2,
         "date_precision": Precision.MONTH},  # the round's
        {"event_date": date(2026, 2, 1), "date_precision": Precision.EXACT},
    ]
    with db.transaction() as session:
        scenario.add_events(session, rows)
        ids = list(session.scalars(select(BattlefieldEvent.id).order_by(BattlefieldEvent.id)))
        tensions = built.tensions
        for number, kind in ((0, LinkKind.CONTEXT), (0, LinkKind.CITED), (1, LinkKind.CONTEXT),
                             (2, LinkKind.ESCALATION), (5, LinkKind.CONTEXT)):
            add_link(session, LinkSpec(ids[number], None, tensions, kind))
        add_link(session, LinkSpec(ids[3], None, built.grid, LinkKind.CONTEXT))
        add_link(session, LinkSpec(ids[4], built.announced, None, LinkKind.CONTEXT))


def test_readings_oldest_first_and_rounds_with_their_windows(db: Database) -> None:
    built = _build(db)
    with db.reading() as session:
        impact = factor_impact(session, built.tensions)
    assert impact.name == "U.S.–Iran tensions"
    assert [(r.observed_at.day, r.level) for r in impact.readings] == [
        (28, FactorLevel.MODERATE), (30, FactorLevel.HIGH)]
    # The technical round (10 Feb) before the postponed one (date unknown, so last); the
    # deleted round is left out; the announced round once, with both its effects.
    assert [(r.title, r.status, r.effects) for r in impact.rounds] == [
        ("Technical round", RoundStatus.SCHEDULED, ()),  # the grid change
        ("Trilateral round", RoundStatus.POSTPONED,
         (DependencyEffect.MAY_POSTPONE, DependencyEffect.MAY_RELOCATE)),
    ]
    assert impact.rounds[0].window == TEN_FEB
    assert impact.rounds[1].window.precision is Precision.UNKNOWN


def test_changes_citing_the_factor_told_as_the_history_tells_them(db: Database) -> None:
    built = _build(db)
    with db.reading() as session:
        impact = factor_impact(session, built.tensions)
        grid = factor_impact(session, built.grid)
    assert [(c.round_id, c.kind, c.summary, c.reason, c.recorded_by)
            for c in impact.changes] == [
        (built.announced, ChangeKind.STATUS,
         "status: scheduled → postponed; week of 2 Feb 2026 (to 8 Feb 2026) → date unknown",
         "Carrier group moved", "analyst"),
        (built.technical, ChangeKind.RESCHEDULED,
         "week of 2 Feb 2026 (to 8 Feb 2026) → 10 Feb 2026", "Same reason", "analyst"),
    ]
    assert impact.changes[0].round_title == "Trilateral round"
    assert impact.changes[0].source == "Reuters, “Talks delayed”"
    assert impact.changes[1].source == ""
    assert impact.changes[0].recorded_at <= impact.changes[1].recorded_at
    # The grid is cited by the technical round's status change and depended on by the
    # announced round: both rounds, the technical one through the change alone.
    assert [c.summary for c in grid.changes] == ["status: proposed → scheduled"]
    assert [(r.round_id, r.effects) for r in grid.rounds] == [
        (built.technical, ()), (built.announced, (DependencyEffect.LEVERAGE,))]


def test_linked_events_counted_per_day_in_sql(db: Database) -> None:
    built = _build(db)
    _add_events(db, built)
    impact, statements = statements_of(db, lambda s: factor_impact(s, built.tensions))
    # 26 Jan: one event with 3 dead, and the week-dated one (linked twice, counted once,
    # no figure) apart from it; 29 Jan: one with 0 dead (the grid's and the round's
    # events are not this factor's); 1 Feb: an exact one with no figure.
    assert impact.event_days == (
        EventDay(date(2026, 1, 26), Precision.DAY, events=1, fatalities=3,
                 unknown_fatalities=0),
        EventDay(date(2026, 1, 26), Precision.WEEK, events=1, fatalities=0,
                 unknown_fatalities=1),
        EventDay(date(2026, 1, 29), Precision.DAY, events=1, fatalities=0,
                 unknown_fatalities=0),
        EventDay(date(2026, 2, 1), Precision.EXACT, events=1, fatalities=0,
                 unknown_fatalities=1),
    )
    [counting] = [sql for sql, _parameters in statements if "battlefield_event" in sql]
    assert "GROUP BY" in counting


@pytest.mark.sqlite_only  # SQLite's plan
def test_linked_events_are_found_from_the_factors_links(db: Database) -> None:
    built = _build(db)
    _add_events(db, built)
    _impact, statements = plans_of(db, lambda s: factor_impact(s, built.tensions))
    [counting] = [s for s in statements if "battlefield_event" in s.sql]
    assert not counting.scans_events()
    assert "ix_event_link_factor_id" in counting.plan_text


def test_a_factor_with_nothing_yet_and_an_unknown_one(db: Database) -> None:
    with db.transaction() as session:
        lone = new_factor(session, "Starlink restriction").record_id
    with db.reading() as session:
        impact = factor_impact(session, lone)
        assert (impact.readings, impact.rounds, impact.changes, impact.event_days) == \
            ((), (), (), ())
        with pytest.raises(NotFoundError):
            factor_impact(session, lone + 1)


def test_sample_scenario(sample_db: Database) -> None:
    with sample_db.reading() as session:
        tensions = factor_impact(session, 1)
        starlink = factor_impact(session, 2)
    assert [r.title for r in tensions.rounds] == [
        "Trilateral talks announced for the coming week"]
    assert tensions.changes == ()
    assert tensions.event_days == ()
    # Three events linked to the Starlink restriction, all dated to the week of 26 Jan.
    assert starlink.event_days == (EventDay(date(2026, 1, 26), Precision.WEEK, 3, 0, 3),)
