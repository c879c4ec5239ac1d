"""Factor impact in the Factors view (issue 4): the changes citing a factor, and its level
over time beside its linked events, round windows and changes, in the display zone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QToolTip
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import insert, select

from tests.ui._fixtures import placeholder_text
from tracker.domain.enums import FactorLevel, FactorTrend, LinkKind, Precision
from tracker.domain.events import BattlefieldEvent
from tracker.domain.timewindow import ScheduledWindow
from tracker.services import rounds
from tracker.services.common.views import EventDay
from tracker.services.events.link_operations import add_link
from tracker.services.events.linking import LinkSpec
from tracker.services.factors import factors
from tracker.services.factors.factor_impact import factor_impact
from tracker.services.factors.operations import new_factor, new_reading
from tracker.services.rounds import ChangeNote
from tracker.services.rounds import rules as round_rules
from tracker.storage.database import Database
from tracker.ui.common.date_ticks import date_ticks
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.factors.factor_impact_geometry import (
    DAY_MS,
    count_axis,
    most_per_day,
    ms,
    spread_outline,
)
from tracker.ui.factors.factor_impact_model import CitingChangesModel
from tracker.ui.factors.factors_view import FactorsView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TENSIONS, STARLINK = 1, 2  # factor ids in the sample
TALKS = 2  # the sample's round announced for the coming week (depends on TENSIONS)
TITLE = "Trilateral talks announced for the coming week"
KYIV = ZoneInfo("Europe/Kyiv")


def _at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def _enrich(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two more readings, the round postponed and moved to 12–13 Feb because of the
    tensions (recorded on 3 and 8 Feb), three new events and one of the sample's linked."""
    with db.transaction() as session:
        for when, level in ((_at(2026, 1, 24, 15), FactorLevel.MODERATE),
                            (_at(2026, 2, 3, 10), FactorLevel.CRITICAL)):
            new_reading(session, TENSIONS, factors.ReadingDraft(
                when, level, FactorTrend.RISING))
        monkeypatch.setattr(round_rules, "utc_now", lambda: _at(2026, 2, 3, 9))
        rounds.postpone(session, TALKS, ChangeNote("Carrier group moved", TENSIONS))
        monkeypatch.setattr(round_rules, "utc_now", lambda: _at(2026, 2, 8, 16))
        rounds.reschedule(session, TALKS, ScheduledWindow.days(
            date(2026, 2, 12), "Europe/Kyiv", date(2026, 2, 13)),
            ChangeNote("Tensions eased", TENSIONS))
        session.execute(insert(BattlefieldEvent), [
            {"dataset": "test", "external_id": f"T{n}", "event_date": day,
             "date_precision": Precision.DAY, "fatalities": dead}
            for n, (day, dead) in enumerate(((date(2026, 2, 1), 2), (date(2026, 2, 1), None),
                                             (date(2026, 2, 5), 1)))
        ])
        new = session.scalars(select(BattlefieldEvent.id)
                              .where(BattlefieldEvent.dataset == "test")).all()
        for event_id in (1, *new):  # 1: the sample's drone strike, week of 26 Jan
            add_link(session, LinkSpec(event_id, None, TENSIONS, LinkKind.CONTEXT))


@pytest.fixture
def ws(sample_db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    _enrich(sample_db, monkeypatch)
    workspace = Workspace(sample_db)
    yield workspace
    workspace.deleteLater()


@pytest.fixture
def view(qtbot: QtBot, ws: Workspace) -> FactorsView:
    widget = FactorsView(ws)
    qtbot.addWidget(widget)
    widget.set_display_zone("Europe/Kyiv")
    widget.resize(1360, 800)
    with qtbot.waitExposed(widget):
        widget.show()
    widget.select_factor(TENSIONS)
    return widget


def _points(series: object) -> list[tuple[float, float]]:
    return [(p.x(), p.y()) for p in series.points()]  # type: ignore[attr-defined]


def test_changes_model_passes_qtmodeltester(qtmodeltester: ModelTester, ws: Workspace) -> None:
    model = CitingChangesModel(tz_name="Europe/Kyiv")
    model.set_rows(ws.read(lambda s: factor_impact(s, TENSIONS)).changes)
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)


def test_selecting_a_factor_fills_the_changes_table(qtbot: QtBot, view: FactorsView) -> None:
    changes = view.detail.changes
    model = changes.model()
    rows = [[model.index(row, column).data() for column in range(4)]
            for row in range(model.rowCount())]
    # 09:00 and 16:00 UTC are 11:00 and 18:00 in Kyiv (EET, UTC+2). Both changes were
    # entered with no announcement time and no source: dated when entered, and said so.
    assert rows == [
        ["entered 3 Feb 2026 11:00 EET (no announcement date given)", TITLE,
         "status: scheduled → postponed; week of 2 Feb 2026 (to 8 Feb 2026) → date unknown",
         "Carrier group moved"],
        ["entered 8 Feb 2026 18:00 EET (no announcement date given)", TITLE,
         "status: postponed → scheduled; date unknown → 12 Feb 2026 – 13 Feb 2026",
         "Tensions eased"],
    ]
    assert placeholder_text(changes) == ""
    view.select_factor(STARLINK)
    assert model.rowCount() == 0
    assert placeholder_text(changes) == "No schedule change cites this factor"


def test_activating_a_change_opens_its_round(qtbot: QtBot, view: FactorsView) -> None:
    changes = view.detail.changes
    changes.setFocus()
    changes.selectRow(1)
    with qtbot.waitSignal(view.open_round) as opened:
        qtbot.keyClick(changes, Qt.Key.Key_Return)
    assert opened.args == [TALKS]


def test_chart_draws_level_events_round_and_changes(view: FactorsView) -> None:
    chart = view.detail.chart
    assert chart.has_drawing()
    jan24, jan31, feb3 = ms(_at(2026, 1, 24, 15)), ms(_at(2026, 1, 31, 10)), ms(_at(2026, 2, 3, 10))
    # moderate (2) from 24 Jan, high (3) from the sample's reading, critical (4) from 3 Feb.
    assert _points(chart.level_line) == [(jan24, 2), (jan31, 2), (jan31, 3), (feb3, 3),
                                         (feb3, 4)]
    low, high = chart.time_axis.min(), chart.time_axis.max()
    assert _points(chart.level_held) == [(feb3, 4), (high, 4)]
    # Everything from the first reading (24 Jan 15:00 UTC) to the round's end (midnight
    # after 13 Feb in Kyiv, 22:00 UTC), with 4 % of that on either side.
    first, last = jan24, ms(_at(2026, 2, 13, 22))
    pad = (last - first) * 0.04
    assert (low, high) == pytest.approx((first - pad, last + pad))
    # The round's window is the two Kyiv days, drawn solid (a day, not a week).
    assert len(chart.round_spans) == 1
    upper = chart.round_spans[0].upperSeries()
    assert [p.x() for p in upper.points()] == [ms(_at(2026, 2, 11, 22)), last]
    # Bars: 1 Feb (2 events) and 5 Feb (1), each the Kyiv day less 12 % on either side.
    assert chart.event_bars is not None
    bars = _points(chart.event_bars.upperSeries())
    feb1 = ms(_at(2026, 1, 31, 22))
    inset = 0.12 * DAY_MS
    assert bars[:4] == [(feb1 + inset, 0), (feb1 + inset, 2), (feb1 + DAY_MS - inset, 2),
                        (feb1 + DAY_MS - inset, 0)]
    assert [y for _x, y in bars[4:]] == [0, 1, 1, 0]
    # The week-dated strike spread over its week: 1/7 a day from 26 Jan to 1 Feb (Kyiv).
    assert chart.spread_events is not None
    week_start = ms(_at(2026, 1, 25, 22))
    assert _points(chart.spread_events.upperSeries()) == [
        (week_start, 0), (week_start, 1 / 7), (week_start + 7 * DAY_MS, 1 / 7),
        (week_start + 7 * DAY_MS, 0)]
    assert (chart.count_axis.min(), chart.count_axis.max()) == (0, 3)
    assert chart.change_marks is not None
    assert [p.x() for p in chart.change_marks.points()] == [ms(_at(2026, 2, 3, 9)),
                                                           ms(_at(2026, 2, 8, 16))]
    legend = view.detail.impact.legend.text()
    for entry in ("level", "events per day", "spread over it", "round windows",
                  "changes citing it"):
        assert entry in legend
    assert not view.detail.impact.note.isVisibleTo(view)


def test_chart_ticks_and_tips_follow_the_display_zone(view: FactorsView) -> None:
    chart = view.detail.chart
    axis = chart.time_axis

    def tick_times(zone: str) -> list[datetime]:
        return [datetime.fromtimestamp(axis.endValue(label) / 1000, UTC)
                .astimezone(ZoneInfo(zone)) for label in axis.categoriesLabels()]

    ticks = tick_times("Europe/Kyiv")
    assert len(ticks) >= 3
    assert all((t.hour, t.minute) == (0, 0) for t in ticks)  # Kyiv midnights
    assert axis.categoriesLabels()[0].endswith(" 2026")  # the year once, on the first
    tips = chart.tips
    assert tips.day_at(ms(_at(2026, 2, 1, 10))) == \
        "1 Feb 2026: 2 linked events\nFatalities: 2 (no figure for 1 event)"
    assert tips.spread_at(ms(_at(2026, 1, 28))) == (
        "week of 26 Jan 2026, dated only to the week: 1 linked event\n"
        "Fatalities: 0 (no figure for 1 event)")
    assert tips.change_at(ms(_at(2026, 2, 3, 12))) == (
        f"entered 3 Feb 2026 11:00 EET (no announcement date given): {TITLE}\n"
        "status: scheduled → postponed; week of 2 Feb 2026 (to 8 Feb 2026) → date unknown\n"
        "Why: Carrier group moved")
    assert tips.reading_at(ms(_at(2026, 1, 24, 12))) == "24 Jan 2026 17:00 EET: moderate, ↑ rising"
    assert tips.round_at(ms(_at(2026, 2, 12, 12))).startswith(f"{TITLE} (scheduled)\n")

    view.set_display_zone("Asia/Tokyo")
    assert all((t.hour, t.minute) == (0, 0) for t in tick_times("Asia/Tokyo"))
    assert view.detail.changes.model().index(0, 0).data() == \
        "entered 3 Feb 2026 18:00 JST (no announcement date given)"
    # 1 Feb 10:00 UTC is 19:00 in Tokyo, still 1 Feb; 23:00 UTC is 2 Feb there.
    assert tips.day_at(ms(_at(2026, 2, 1, 10))).startswith("1 Feb 2026: 2 linked events")
    assert tips.day_at(ms(_at(2026, 1, 31, 23))).startswith("1 Feb 2026")


def test_round_without_a_date_is_noted_under_the_chart(
    qtbot: QtBot, view: FactorsView, ws: Workspace
) -> None:
    ws.write(lambda s: rounds.postpone(s, TALKS, ChangeNote("Again", TENSIONS)),
             Topic.ROUNDS)
    detail = view.detail
    qtbot.waitUntil(lambda: detail.changes.model().rowCount() == 3)
    assert detail.chart.round_spans == []
    assert detail.impact.note.isVisibleTo(view)
    assert detail.impact.note.text() == f"Not on the chart, date unknown: {TITLE}"


def test_new_reading_redraws_the_level(qtbot: QtBot, view: FactorsView, ws: Workspace) -> None:
    chart = view.detail.chart
    ws.write(lambda s: new_reading(s, TENSIONS, factors.ReadingDraft(
        _at(2026, 2, 20, 8), FactorLevel.LOW, FactorTrend.EASING)), Topic.FACTORS)
    qtbot.waitUntil(lambda: chart.level_line is not None
                    and len(chart.level_line.points()) == 7)
    assert _points(chart.level_line)[-2:] == [(ms(_at(2026, 2, 20, 8)), 4),
                                              (ms(_at(2026, 2, 20, 8)), 1)]


def test_a_factor_with_nothing_dated_says_so(qtbot: QtBot, view: FactorsView,
                                              ws: Workspace) -> None:
    new = ws.write(lambda s: new_factor(s, "Black Sea grain deal").record_id, Topic.FACTORS)
    view.select_factor(new)
    chart = view.detail.chart
    assert not chart.has_drawing()
    assert chart.chart().title().startswith("Nothing dated to draw yet")
    assert not view.detail.impact.legend.isVisibleTo(view)


@pytest.mark.parametrize(("start", "end", "most", "labels"), [
    # Days across the spring clock change in Kyiv (29 Mar 2026, 03:00 → 04:00): still one
    # tick per local midnight; the year on the first tick only.
    (_at(2026, 3, 27), _at(2026, 3, 31), 5, ["28 Mar 2026", "29 Mar", "30 Mar", "31 Mar"]),
    (_at(2025, 11, 1), _at(2026, 3, 15), 6, ["Dec 2025", "Jan 2026", "Feb", "Mar"]),
    (_at(2026, 1, 31, 20), _at(2026, 2, 1, 12), 4,
     ["1 Feb 2026 00:00", "06:00", "12:00"]),
])
def test_date_ticks(start: datetime, end: datetime, most: int, labels: list[str]) -> None:
    ticks = date_ticks(start, end, "Europe/Kyiv", most)
    assert [t.label for t in ticks] == labels
    for tick in ticks:
        local = tick.at.astimezone(KYIV)
        assert (local.minute, local.second) == (0, 0)
        assert start <= tick.at <= end
    assert all(b.at - a.at >= timedelta(hours=6) for a, b in pairwise(ticks))


# The tool tip asks for more than the offscreen platform can do (the closest mark wins,
# so the module's ignore is repeated).
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                           "This plugin does not support raise")
def test_hovering_a_bar_shows_its_day(qtbot: QtBot, view: FactorsView) -> None:
    bars = view.detail.chart.event_bars
    assert bars is not None
    bars.hovered.emit(QPointF(ms(_at(2026, 2, 1, 10)), 1.0), True)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "1 Feb 2026: 2 linked events\nFatalities: 2 (no figure for 1 event)"
    bars.hovered.emit(QPointF(ms(_at(2026, 2, 1, 10)), 1.0), False)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_week_and_month_spreads_add_up_where_they_overlap() -> None:
    days = [EventDay(date(2026, 2, 1), Precision.MONTH, 28, 0, 28),  # 1 a day in February
            EventDay(date(2026, 2, 2), Precision.WEEK, 7, 3, 0),  # 1 a day, 2–8 Feb
            EventDay(date(2026, 2, 2), Precision.DAY, 4, 0, 0)]
    feb = [ms(_at(2026, 2, day)) for day in (1, 2, 9)]
    march = ms(_at(2026, 3, 1))
    assert spread_outline(days, "UTC") == [
        (feb[0], 0), (feb[0], 1), (feb[1], 1), (feb[1], 2), (feb[2], 2), (feb[2], 1),
        (march, 1), (march, 0)]
    assert most_per_day(days, "UTC") == 4  # the day's bar is taller than the spreads
    assert [count_axis(most) for most in (0, 1, 4, 10)] == [(1, 1), (2, 1), (5, 1), (15, 5)]
