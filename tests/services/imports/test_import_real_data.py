"""The four real UCDP GED files import exactly: every figure is recomputed here from the raw
file with the stdlib csv module and plain strptime, never with the importer's own code.

See tests/data/ucdp/SOURCES.md (and README.md beside it) for what each file is and its quirks.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from datetime import date, datetime
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import REAL_DATA
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.storage.database import Database

CP1252 = "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"
GED231 = "ucdp_ged_ukraine_2014-2022_ged231.csv"
API = "ucdp_ged_ukraine_2014-2021_ged221_api.csv"
HDX = "ucdp_ged_ukraine_2014-2021_hdx_hxl.csv"
# name -> (Python codec, the label the import must report, layout description)
FILES = {
    CP1252: ("cp1252", "Windows-1252", "UCDP GED"),
    GED231: ("utf-8", "UTF-8", "UCDP GED"),
    API: ("utf-8", "UTF-8", "UCDP GED"),
    HDX: ("utf-8", "UTF-8", "UCDP GED (HDX edition)"),
}
# What SOURCES.md documents: records, first and last date_start, events by year.
DOCUMENTED = {
    CP1252: (3883, "2014-01-22", "2023-02-28", [1294, 710, 128, 193, 153, 199, 145, 167, 536, 358]),
    GED231: (3077, "2014-01-22", "2022-02-23", [1299, 773, 127, 193, 153, 199, 145, 167, 21]),
    API: (3000, "2014-01-22", "2021-12-31", [1294, 722, 127, 193, 153, 199, 145, 167]),
    HDX: (2989, "2014-01-22", "2021-12-31", [1294, 710, 128, 193, 153, 199, 145, 167]),
}
# Every date shape in the files; slashed ones are month-first (SOURCES.md, file 1).
DATE_FORMATS = ("%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M", "%Y-%m-%dT%H:%M:%S",
                "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d")
EVENTS_SQL = text(
    "SELECT external_id, event_date, event_date_end, fatalities, fatalities_low, "
    "fatalities_high, summary, reported_by FROM battlefield_event WHERE dataset = 'UCDP GED'"
)

Expected = tuple[str, str | None, int, int, int]


def iso_day(value: str) -> str:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    raise AssertionError(f"a date shape the test does not know: {value!r}")


@cache
def source_rows(name: str) -> tuple[dict[str, str], ...]:
    """The file's event rows as the csv module reads them, the HXL tag row left out."""
    codec = FILES[name][0]
    content = (REAL_DATA / name).read_bytes().decode(codec)  # strict: must decode whole
    rows = list(csv.DictReader(io.StringIO(content, newline="")))
    tags = [row for row in rows if row["id"] == ""]
    assert [row["year"] for row in tags] == (["#date+year"] if name == HDX else [])
    return tuple(row for row in rows if row["id"] != "")


def expected(name: str) -> dict[str, Expected]:
    return {row["id"]: (iso_day(row["date_start"]),
                        iso_day(row["date_end"]) if row["date_end"] else None,
                        int(row["best"]), int(row["low"]), int(row["high"]))
            for row in source_rows(name)}


def plain(value: object) -> object:
    """A value as raw SQL gives it on SQLite: a date as its ISO text (PostgreSQL's driver
    gives date objects), anything else as it is."""
    return value.isoformat() if isinstance(value, date) else value


def stored(db: Database) -> dict[str, Expected]:
    with db.engine.connect() as connection:
        return {row[0]: tuple(map(plain, row[1:6]))
                for row in connection.execute(EVENTS_SQL)}


# The file's columns the importer stores, and how each is read: dates as days, numbers as
# numbers, ";"-lists as their parts (offices each once), text trimmed.
STORED_CELLS = {
    "date_start": "day", "date_end": "day", "date_prec": "text", "type_of_violence": "text",
    "conflict_name": "text", "side_a": "text", "side_b": "text", "adm_1": "text",
    "adm_2": "text", "where_coordinates": "text", "latitude": "number",
    "longitude": "number", "best": "number", "low": "number", "high": "number",
    "source_headline": "list", "source_office": "set", "country": "text",
}


def stored_cells(row: dict[str, str]) -> tuple[object, ...]:
    """What the importer keeps of a row, read here with nothing of the importer's."""
    def cell(name: str, kind: str) -> object:
        value = row[name].strip()
        if kind == "day":
            return iso_day(value) if value else None
        if kind == "number":
            return float(value) if value else None
        if kind in ("list", "set"):
            parts = [part.strip() for part in value.split(";") if part.strip()]
            return tuple(dict.fromkeys(parts)) if kind == "set" else tuple(parts)
        return value

    return tuple(cell(name, kind) for name, kind in STORED_CELLS.items())


def differing_ids(old: str, new: str) -> set[str]:
    """The ids in both files whose stored cells differ: the real corrections."""
    before = {row["id"]: stored_cells(row) for row in source_rows(old)}
    return {row["id"] for row in source_rows(new)
            if row["id"] in before and before[row["id"]] != stored_cells(row)}


def test_every_real_file_is_covered() -> None:
    assert sorted(path.name for path in REAL_DATA.glob("*.csv")) == sorted(FILES)


@pytest.mark.parametrize("name", sorted(FILES))
def test_import_matches_the_file(db: Database, name: str) -> None:
    want = expected(name)
    count, first, last, by_year = DOCUMENTED[name]
    # The independent reading agrees with SOURCES.md before it judges the importer.
    assert len(want) == len(source_rows(name)) == count
    assert min(v[0] for v in want.values()) == first
    assert max(v[0] for v in want.values()) == last
    assert sorted(Counter(v[0][:4] for v in want.values()).items()) == list(
        zip(map(str, range(2014, 2014 + len(by_year))), by_year, strict=True))

    report = import_events(db, REAL_DATA / name, ImportFormat.UCDP)

    assert (report.records, report.added, report.updated, report.unchanged,
            report.rejected) == (count, count, 0, 0, 0), report.rejections[:3]
    assert (report.encoding, report.layout, report.dataset) == (*FILES[name][1:], "UCDP GED")
    assert any("HXL" in note and "line 2" in note for note in report.notes) == (name == HDX)
    with db.engine.connect() as connection:
        totals = connection.execute(text(
            "SELECT count(*), min(event_date), max(event_date), sum(fatalities), "
            "sum(fatalities_low), sum(fatalities_high) FROM battlefield_event")).one()
    assert tuple(map(plain, totals)) == (
        count, first, last, sum(v[2] for v in want.values()),
        sum(v[3] for v in want.values()), sum(v[4] for v in want.values()))
    assert stored(db) == want


def test_slashed_dates_are_read_month_first(db: Database) -> None:
    import_events(db, REAL_DATA / CP1252, ImportFormat.UCDP)
    dates = {key: value[0] for key, value in stored(db).items()}
    rows = source_rows(CP1252)
    # Every stored date falls in the row's own year: a day-first read of "05/02/2014"
    # would still be in 2014, so the month is checked against the text as well.
    assert all(dates[row["id"]][:4] == row["year"] for row in rows)
    swapped = [row for row in rows
               if (m := re.fullmatch(r"(\d\d)/(\d\d)/\d{4} \d\d:\d\d", row["date_start"]))
               and m[1] != m[2]]
    assert len(swapped) > 1000
    for row in swapped:
        month, day, year = row["date_start"].split()[0].split("/")
        assert dates[row["id"]] == f"{year}-{month}-{day}", row["date_start"]


@pytest.mark.parametrize("name", sorted(FILES))
def test_importing_a_file_again_changes_nothing(db: Database, name: str) -> None:
    first = import_events(db, REAL_DATA / name, ImportFormat.UCDP)
    before = stored(db)
    again = import_events(db, REAL_DATA / name, ImportFormat.UCDP)
    assert (again.records, again.added, again.updated, again.unchanged, again.rejected) == (
        first.records, 0, 0, first.records, 0)
    assert stored(db) == before


def test_a_newer_release_updates_the_overlap_and_adds_the_rest(db: Database) -> None:
    old_ids = {row["id"] for row in source_rows(CP1252)}
    new_ids = {row["id"] for row in source_rows(GED231)}
    assert len(old_ids & new_ids) == 2987
    import_events(db, REAL_DATA / CP1252, ImportFormat.UCDP)

    report = import_events(db, REAL_DATA / GED231, ImportFormat.UCDP)

    # Issue 17: only the records whose stored fields differ are updated (this test
    # counted the whole overlap as updated before); the rest of the overlap is unchanged.
    differing = differing_ids(CP1252, GED231)
    assert 0 < len(differing) < len(old_ids & new_ids)
    assert (report.records, report.updated, report.added, report.unchanged) == (
        len(new_ids), len(differing), len(new_ids - old_ids),
        len(old_ids & new_ids) - len(differing))
    after = stored(db)
    assert set(after) == old_ids | new_ids
    newer, older = expected(GED231), expected(CP1252)
    assert {key: after[key] for key in new_ids} == newer
    assert {key: after[key] for key in old_ids - new_ids} == {
        key: older[key] for key in old_ids - new_ids}
    # The overlap now carries the 23.1 text: real Cyrillic where file 1 had "????".
    with db.engine.connect() as connection:
        summaries = {row[0]: row[6] for row in connection.execute(EVENTS_SQL)}
    cyrillic = {row["id"] for row in source_rows(GED231)
                if re.search("[А-Яа-я]", row["source_headline"])}
    assert len(cyrillic & old_ids) > 50
    assert all(re.search("[А-Яа-я]", summaries[key]) for key in cyrillic)


def test_windows_1252_text_is_decoded(db: Database) -> None:
    report = import_events(db, REAL_DATA / CP1252, ImportFormat.UCDP)
    assert report.encoding == "Windows-1252"
    with db.engine.connect() as connection:
        text_of = {row[0]: (row[6], row[7]) for row in connection.execute(EVENTS_SQL)}
    # One headline and one office per source, ";"-joined in the file, shown "; "-joined
    # (each office once).
    def listed(text: str, distinct: bool = False) -> str:
        parts = [part.strip() for part in text.split(";") if part.strip()]
        return "; ".join(dict.fromkeys(parts) if distinct else parts)

    assert text_of == {row["id"]: (listed(row["source_headline"]),
                                   listed(row["source_office"], distinct=True))
                       for row in source_rows(CP1252)}
    everything = "".join(a + b for a, b in text_of.values())
    assert "’" in everything and "–" in everything
    assert all(bad not in everything for bad in ("\x92", "\ufffd", "â€"))  # no mojibake


def test_records_that_span_lines_keep_the_line_they_start_on(db: Database,
                                                              tmp_path: Path) -> None:
    """Three records made bad in a copy of the API file (472 multi-line records, no final
    newline) are rejected at the lines found here by searching the file's bytes."""
    data = (REAL_DATA / API).read_bytes()
    rows = source_rows(API)
    spanning = [i for i, row in enumerate(rows) if any("\n" in v for v in row.values())]
    assert len(spanning) == 472 and not data.endswith(b"\n")
    chosen = [rows[spanning[100] + 1], rows[spanning[200]], rows[-1]]
    copy, lines = data, []
    for row in chosen:
        key = f"\n{row['id']},{row['relid']},{row['year']},".encode()
        assert data.count(key) == 1
        lines.append(data.count(b"\n", 0, data.index(key) + 1) + 1)
        copy = copy.replace(key, f"\n{row['id']},{row['relid']},1900,".encode())
    assert lines[-1] > 3400  # well past the multi-line records
    path = tmp_path / API
    path.write_bytes(copy)

    report = import_events(db, path, ImportFormat.UCDP)

    assert [r.line for r in report.rejections] == lines
    assert all(r.column in {"date_start", "year"} for r in report.rejections)
    assert (report.records, report.added) == (3000, 2997)
