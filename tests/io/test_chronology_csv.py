"""The chronology's CSV: for spreadsheets (a byte-order mark, formulas guarded) or for data
tools (raw), dates and times spreadsheets recognise and none made up, numbers as numbers."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tracker.domain.chronology import ChronologyEntry, EntryKind, EventFacts
from tracker.domain.enums import Precision
from tracker.domain.event_time import EventTime
from tracker.io.atomic import atomic_text_writer
from tracker.io.chronology_csv import (
    BYTE_ORDER_MARK,
    CSV_AS_OF_COLUMN,
    CSV_COLUMNS,
    FOR_DATA_TOOLS,
    FOR_SPREADSHEETS,
    CsvFlavour,
    CsvStyle,
    write_csv,
)
from tracker.io.spreadsheet import FORMULA_TRIGGERS, neutralise

FORMULAS = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-Odesa", "@SUM(A1)", "\tTAB",
            "\rCR", 'quote " inside', "comma, semicolon", "line\nbreak", "Київ"]


def _round(title: str, *, record_id: int = 1) -> ChronologyEntry:
    """A round announced for a week: known to the week, so no time of day."""
    return ChronologyEntry(
        when=datetime(2026, 2, 2, 12, tzinfo=UTC), day=date(2026, 2, 2),
        precision=Precision.WEEK, when_text="week of 2 Feb 2026", kind=EntryKind.ROUND,
        record_id=record_id, title=title, detail=title, place="Kyiv",
        links=("event 28 Jan 2026",), sources=("Wire, “A”",),
    )


def _reading(at: datetime) -> ChronologyEntry:
    return ChronologyEntry(
        when=at, day=date(2026, 3, 29), precision=Precision.EXACT,
        when_text="29 Mar 2026 04:30 EEST", kind=EntryKind.FACTOR_READING, record_id=7,
        title="Tensions: high, rising", detail="", place="", links=(), sources=(),
    )


def _event(time: EventTime, *, place: str = "Izyum", longitude: float = 37.26,
           record_id: int = 3) -> ChronologyEntry:
    facts = EventFacts(
        time=time, dataset="UCDP GED 23.1", external_id="412345", event_type="state-based",
        sub_event_type="", target_category="", actor1="Government of Russia (Soviet Union)",
        actor2="Government of Ukraine", location=place, admin1="Kharkiv oblast",
        latitude=49.2, longitude=longitude, fatalities=871, fatalities_low=850,
        fatalities_high=900, injuries=None, country="Ukraine")
    return ChronologyEntry(
        when=datetime(time.first.year, time.first.month, time.first.day, 12, tzinfo=UTC),
        day=time.first, precision=Precision.DAY, when_text=time.describe(),
        kind=EntryKind.EVENT, record_id=record_id, title="state-based", detail="",
        place=place, links=(), sources=(), event=facts)


def _written(entries: list[ChronologyEntry], style: CsvStyle = FOR_SPREADSHEETS,
             **options: object) -> str:
    stream = io.StringIO(newline="")
    write_csv(entries, stream, style=style, **options)  # type: ignore[arg-type]
    return stream.getvalue()


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix(BYTE_ORDER_MARK), newline="")))


@dataclass(frozen=True)
class KnownOn:
    """The end of a past day in a zone (an io.as_of_note.AsOfDay)."""

    day: date
    tz: str


SPAN = EventTime.of(date(2022, 2, 24), Precision.DAY, date(2022, 9, 30))


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@x", "\t=1", "\r=1"])
def test_formula_cells_are_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Kyiv", "", "1+1", "a=b", "'quoted"])
def test_ordinary_cells_are_untouched(cell: str) -> None:
    assert neutralise(cell) == cell


def test_for_spreadsheets_a_byte_order_mark_and_every_formula_guarded() -> None:
    text = _written([_round(title, record_id=n) for n, title in enumerate(FORMULAS, 1)])
    assert text.startswith(BYTE_ORDER_MARK + "date,time,time_zone,")
    rows = _rows(text)
    assert [row["title"] for row in rows] == [neutralise(title) for title in FORMULAS]
    assert rows[2]["title"] == "'-Odesa"  # the guard's apostrophe: the known price
    assert not any(cell.startswith(FORMULA_TRIGGERS) for row in rows
                   for column, cell in row.items() if column != "precision")


def test_for_data_tools_no_mark_and_text_as_it_is() -> None:
    text = _written([_round(title, record_id=n) for n, title in enumerate(FORMULAS, 1)],
                    FOR_DATA_TOOLS)
    assert text.startswith("date,time,")
    assert [row["title"] for row in _rows(text)] == FORMULAS


@pytest.mark.parametrize(("style", "marked", "guarded"), [
    (CsvStyle(CsvFlavour.SPREADSHEETS, bom=False), False, True),
    (CsvStyle(CsvFlavour.DATA_TOOLS, bom=True), True, False),
])
def test_the_byte_order_mark_can_be_chosen_apart_from_the_flavour(
        style: CsvStyle, marked: bool, guarded: bool) -> None:
    text = _written([_round("=1+1")], style)
    assert text.startswith(BYTE_ORDER_MARK) is marked
    assert _rows(text)[0]["title"] == ("'=1+1" if guarded else "=1+1")


def test_a_cyrillic_place_round_trips_through_a_file(tmp_path: Path) -> None:
    target = tmp_path / "chronology.csv"
    with atomic_text_writer(target, newline="") as stream:
        write_csv([_event(SPAN, place="Київ")], stream)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # what tells Excel and LibreOffice it is UTF-8
    with target.open(encoding="utf-8-sig", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["place"] == "Київ"


def test_numbers_are_bare_never_guarded_or_quoted() -> None:
    text = _written([_event(SPAN, longitude=-73.97)])
    line = text.splitlines()[1]
    # A negative longitude starts with "-" but is a number: no apostrophe, no quotes.
    assert ",871,850,900,," in line and ",49.2,-73.97,Ukraine," in line
    row = _rows(text)[0]
    assert (row["record_id"], row["fatalities"], row["injuries"]) == ("3", "871", "")
    assert (float(row["latitude"]), float(row["longitude"])) == (49.2, -73.97)


def test_days_weeks_and_months_get_no_invented_time() -> None:
    day = _event(EventTime.of(date(2026, 2, 3), Precision.DAY))
    rows = _rows(_written([_round("Talks"), day], tz="Europe/Kyiv"))
    for row in rows:
        assert (row["time"], row["time_zone"], row["utc"]) == ("", "", "")
        assert "12:00" not in ",".join(row.values())
    assert [(row["date"], row["precision"]) for row in rows] == [
        ("2026-02-02", "week"), ("2026-02-03", "day")]


def test_an_exact_time_is_told_in_the_export_zone_with_utc_beside_it() -> None:
    # The night Kyiv moves its clocks forward: 01:30 UTC is 04:30 EEST.
    [row] = _rows(_written([_reading(datetime(2026, 3, 29, 1, 30, tzinfo=UTC))],
                           tz="Europe/Kyiv"))
    assert (row["date"], row["time"], row["time_zone"], row["utc"]) == (
        "2026-03-29", "04:30", "Europe/Kyiv", "2026-03-29 01:30")
    assert row["precision"] == "exact" and row["end_date"] == ""


def test_a_ucdp_span_has_its_end_date() -> None:
    [row] = _rows(_written([_event(SPAN)]))
    assert (row["date"], row["end_date"], row["precision"]) == (
        "2022-02-24", "2022-09-30", "span")
    assert row["when"] == "24 Feb – 30 Sep 2022 (reported as one record)"
    assert (row["actor1"], row["actor2"], row["dataset"], row["external_id"]) == (
        "Government of Russia (Soviet Union)", "Government of Ukraine", "UCDP GED 23.1",
        "412345")


def test_an_acled_week_is_dated_from_its_first_day() -> None:
    """ACLED dates a week-known event in the middle of its week; the row's date and end
    date are the week's, so they read as the week the source meant."""
    week = EventTime.of(date(2026, 2, 4), Precision.WEEK, midweek=True)
    [row] = _rows(_written([_event(week)]))
    assert (row["date"], row["end_date"], row["precision"]) == (
        "2026-02-01", "2026-02-07", "week")


def test_other_rows_leave_the_event_columns_empty_and_as_of_ends_each_row() -> None:
    text = _written([_round("Talks"), _event(SPAN)],
                    as_of=KnownOn(date(2026, 1, 28), "Europe/Kyiv"))
    header = next(csv.reader(io.StringIO(text.removeprefix(BYTE_ORDER_MARK))))
    assert tuple(header) == (*CSV_COLUMNS, CSV_AS_OF_COLUMN)
    talks, event = _rows(text)
    assert all(talks[column] == "" for column in CSV_COLUMNS[CSV_COLUMNS.index("event_type"):])
    assert event["fatalities_high"] == "900"
    assert {talks[CSV_AS_OF_COLUMN], event[CSV_AS_OF_COLUMN]} == {"2026-01-28"}
