"""The report's content (issue 15): long records counted apart and never on their first day,
per-day totals, key developments first, and the real UCDP file's months-long records."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime

import pytest

from tests.conftest import REAL_DATA
from tests.io.test_report_html import GENERATED, Page, report
from tests.services.scenario import add_events, build
from tracker.domain.enums import FactorLevel, FactorTrend, Precision
from tracker.domain.factors import FactorReading
from tracker.services.chronology.chronology import iter_chronology, iter_other_entries
from tracker.services.exports.key_developments import key_developments
from tracker.services.exports.report import write_report
from tracker.services.exports.report_totals import long_records, short_record_sums
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.services.rounds.as_of import AsOf
from tracker.storage.database import Database

UCDP = REAL_DATA / "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"


@pytest.fixture
def spans_db(db: Database) -> Database:
    """Two days of short events and three long records, hand-counted."""
    with db.transaction() as session:
        add_events(session, [
            {"event_date": date(2022, 3, 1), "event_type": "Shelling", "fatalities": 2,
             "injuries": 1, "location": "Kharkiv"},
            {"event_date": date(2022, 3, 1), "event_type": "Shelling", "fatalities": 1,
             "location": "Kyiv"},
            {"event_date": date(2022, 3, 2), "event_type": "Air strike", "fatalities": 4,
             "injuries": 3, "location": "Mariupol", "date_precision": Precision.WEEK},
            # A six-day span fits in a week: counted on its day.
            {"event_date": date(2022, 3, 2), "event_date_end": date(2022, 3, 7),
             "event_type": "Shelling", "fatalities": 5, "location": "Chernihiv"},
            # Long: months, from inside the range; from before it; a month.
            {"event_date": date(2022, 3, 1), "event_date_end": date(2022, 9, 30),
             "event_type": "Shelling", "fatalities": 871, "location": "Izyum",
             "dataset": "UCDP GED", "external_id": "447229"},
            {"event_date": date(2022, 2, 1), "event_date_end": date(2022, 3, 1),
             "event_type": "Air strike", "fatalities": 30, "location": "Bucha"},
            {"event_date": date(2022, 3, 15), "date_precision": Precision.MONTH,
             "event_type": "Shelling", "fatalities": 7, "location": "Sumy"},
        ])
    return db


def day_totals(markup: str) -> list[tuple[str, str]]:
    """(day heading, its totals line) in the order the chronology gives them (days are
    h4, under their month's h3)."""
    return re.findall(r"<h4[^>]*>([^<]+)</h4>\n<p class=\"day-total\">([^<]+)</p>", markup)


def test_long_records_are_counted_apart_and_never_on_their_first_day(
        spans_db: Database) -> None:
    markup = report(spans_db, date_from=date(2022, 3, 1), date_to=date(2022, 3, 2))
    page = Page(markup)
    # Four records fit on a day or a week: 12 dead, 4 hurt. Not Izyum (871), Bucha or Sumy.
    assert ["Battlefield events", "4"] in page.rows
    assert ["Fatalities (events)", "12"] in page.rows
    assert ["Injuries (events)", "4"] in page.rows
    assert ["Shelling", "3", "8", "1"] in page.rows
    assert ["Air strike", "1", "4", "3"] in page.rows
    assert day_totals(markup) == [("1 March 2022", "2 events, 3 killed, 1 injured"),
                                  ("2 March 2022", "2 events, 9 killed, 3 injured")]
    listed = " ".join(text for text, _ in page.entries)
    assert "Izyum" not in listed and "Bucha" not in listed and "Sumy" not in listed
    assert len(page.entries) == 4
    # The three long records overlap 1-2 March (Sumy's month is March): listed apart.
    text = page.all_text
    assert ("3 records reported over more than 7 days (or only to the month) overlap this "
            "range, with 908 fatalities.") in text
    assert ["1 Feb – 1 Mar 2022 (reported as one record)", "Air strike", "Bucha", "30",
            "test T6"] in page.rows
    assert ["1 Mar – 30 Sep 2022 (reported as one record)", "Shelling", "Izyum", "871",
            "UCDP GED 447229"] in page.rows
    assert ["March 2022 (month)", "Shelling", "Sumy", "7", "test T7"] in page.rows


def test_the_sums_take_the_long_records_from_the_day_counts(spans_db: Database) -> None:
    with spans_db.reading() as session:
        by_day = short_record_sums(session, ("day",), None, None)
        assert {key[0]: (sums.events, sums.fatalities) for key, sums in by_day.items()} == {
            date(2022, 3, 1): (2, 3), date(2022, 3, 2): (2, 9)}
        assert [record.external_id for record in
                long_records(session, date(2022, 4, 1), date(2022, 4, 2))] == ["447229"]
        assert long_records(session, date(2022, 10, 1), None) == []
        shown = list(iter_chronology(session, long_records=False))
        assert len(list(iter_chronology(session))) == 7  # other exports keep them all
    assert [entry.place for entry in shown] == ["Kharkiv", "Kyiv", "Mariupol", "Chernihiv"]


def test_as_of_a_day_the_long_records_reported_after_it_are_left_out(
        spans_db: Database) -> None:
    stream = io.StringIO()
    with spans_db.reading() as session:
        write_report(session, stream, date_from=date(2022, 3, 1),
                     date_to=date(2022, 3, 31), as_of=AsOf(date(2022, 3, 1)),
                     generated_at=GENERATED)
    page = Page(stream.getvalue())
    # Reported for 1 March at the latest: Kharkiv and Kyiv; Izyum and Bucha apart.
    assert ["Battlefield events", "2"] in page.rows
    assert "2 records reported over more than 7 days" in page.all_text
    assert not any("Sumy" in row for row in page.rows)


def test_counted_days_leave_the_long_records_out(spans_db: Database) -> None:
    markup = report(spans_db, event_limit=2)
    assert day_totals(markup) == [("1 March 2022", "2 events, 3 killed, 1 injured"),
                                  ("2 March 2022", "2 events, 9 killed, 3 injured")]
    text = Page(markup).all_text
    counted = re.findall(r"events: (.*?) fatalities, counted \(not listed\): ([^\n]*)", text)
    assert counted == [("2 events, 9", "Air strike 1; Shelling 1")]
    assert "lists 2 events in full, up to 2 Mar 2022" in text


def test_key_developments_come_first_with_rounds_changes_and_factor_turns(
        db: Database) -> None:
    with db.transaction() as session:
        ids = build(session)
        for day, level, trend in ((20, FactorLevel.HIGH, FactorTrend.RISING),
                                  (30, FactorLevel.HIGH, FactorTrend.RISING),
                                  (31, FactorLevel.CRITICAL, FactorTrend.RISING)):
            session.add(FactorReading(factor_id=ids.tensions, level=level, trend=trend,
                                      observed_at=datetime(2026, 1, day, 9, tzinfo=UTC)))
    with db.reading() as session:
        others = list(iter_other_entries(session, date_from=date(2026, 1, 25),
                                         tz="Europe/Kyiv"))
        found = key_developments(session, others)
    # The reading of 30 Jan repeats the one before it (outside the range): no turn.
    assert [(item.what, item.text) for item in found
            if item.what == "Factor turn"] == [
        ("Factor turn", "U.S.–Iran tensions: critical, rising (was high, rising)")]
    assert {item.what for item in found} == {"Round", "Schedule change", "Factor turn"}
    assert any(item.text.startswith("Trilateral round — Scheduled trilateral round")
               and item.when == "week of 2 Feb 2026 (to 8 Feb 2026)" for item in found)
    markup = report(db, date_from=date(2026, 1, 25), tz="Europe/Kyiv")
    assert markup.index("Key developments") < markup.index(">Summary<")
    assert "(was high, rising)" in markup


def test_the_real_ucdp_file_counts_its_months_long_records_apart(db: Database) -> None:
    import_events(db, UCDP, ImportFormat.UCDP)
    markup = report(db, date_from=date(2022, 2, 20), date_to=date(2022, 3, 10))
    page = Page(markup)
    # The finding: 6,551 fatalities in the range, 6,548 of them on records over
    # months. Every record stored in these days spans months (24 Feb – Sep/Oct 2022).
    assert ["Battlefield events", "0"] in page.rows
    assert ["Fatalities (events)", "0"] in page.rows
    assert day_totals(markup) == [] and page.entries == []
    rows = [row for row in page.rows if len(row) == 5 and row[-1].startswith("UCDP GED")]
    assert len(rows) == 8
    assert sum(int(row[3].replace(",", "")) for row in rows) == 6551
    assert ["24 Feb – 12 Sep 2022 (reported as one record)", "Izyum town, Kharkiv Oblast",
            "871"] in [[row[0], row[2], row[3]] for row in rows]
    assert "8 records reported over more than 7 days" in page.all_text
