"""Issue 17, releases and corrections: failures 1, 2 and 3 as tests from real files.

UCDP: the real GED files in tests/data/ucdp (22.1 from the API, 22.1 from HDX, 23.1, and
22.1 joined with Candidate events). ACLED: the hand-written exports in
tests/data/acled/releases (README.md there says what each one changes). Every expected
figure is worked out here from the files with the csv module, never by the importer.
"""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, text

from tests.conftest import REAL_DATA
from tests.services.imports.test_import_real_data import (
    API,
    CP1252,
    GED231,
    HDX,
    differing_ids,
    expected,
    iso_day,
    source_rows,
    stored,
)
from tracker.io.generic_layout import ColumnMapping
from tracker.io.report_withdrawn import WITHDRAWN_ID
from tracker.services.exports.report import write_report as write_html_report
from tracker.services.imports.import_report import write_report
from tracker.services.imports.import_scope import parse_scope
from tracker.services.imports.importing import ImportFormat, ReleaseOptions, import_events
from tracker.storage import event_upsert, pg_bulk_load
from tracker.storage.database import Database
from tracker.storage.withdrawals import start_seen

ACLED = Path(__file__).resolve().parents[2] / "data" / "acled" / "releases"
FIRST = ACLED / "acled_ukr_export_2024-01-10.csv"
CORRECTED = ACLED / "acled_ukr_export_2024-01-10_corrected.csv"
LATER = ACLED / "acled_ukr_export_2024-01-17.csv"


def statuses(db: Database, dataset: str) -> dict[str, str]:
    with db.engine.connect() as connection:
        return dict(connection.execute(text(
            "SELECT external_id, record_status FROM battlefield_event WHERE dataset = :d"),
            {"d": dataset}).all())


def fatalities(db: Database, dataset: str, external_id: str) -> int | None:
    with db.engine.connect() as connection:
        return connection.execute(text(
            "SELECT fatalities FROM battlefield_event WHERE dataset = :d "
            "AND external_id = :i"), {"d": dataset, "i": external_id}).scalar_one()


# -- failure 2: ACLED -----------------------------------------------------------------


def test_a_value_changed_under_the_same_timestamp_is_a_correction(db: Database) -> None:
    import_events(db, FIRST, ImportFormat.ACLED)
    report = import_events(db, CORRECTED, ImportFormat.ACLED)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 4)
    assert fatalities(db, "ACLED", "UKR143800") == 7
    fields = {(change.external_id, change.field, change.old, change.new)
              for change in report.changes}
    assert ("UKR143800", "fatalities", "0", "7") in fields
    assert {change.field for change in report.changes} == {"fatalities", "summary"}


def test_an_older_acled_export_never_overwrites_a_newer_one(db: Database,
                                                            tmp_path: Path) -> None:
    import_events(db, LATER, ImportFormat.ACLED)
    assert fatalities(db, "ACLED", "UKR143800") == 8

    report = import_events(db, CORRECTED, ImportFormat.ACLED)

    # UKR143800 differs and is older: reported and skipped, never "1 updated".
    assert (report.updated, report.older) == (0, 1)
    assert fatalities(db, "ACLED", "UKR143800") == 8
    assert ("UKR143800", "fatalities", "8", "7") in {
        (c.external_id, c.field, c.old, c.new) for c in report.older_changes}
    assert "older release" in report.summary()
    out = tmp_path / "report.csv"
    write_report(report, out)
    assert "skipped: older release" in out.read_text(encoding="utf-8")

    forced = import_events(db, CORRECTED, ImportFormat.ACLED,
                           releases=ReleaseOptions(allow_older=True))
    assert (forced.updated, forced.older) == (1, 0)
    assert fatalities(db, "ACLED", "UKR143800") == 7


def test_an_event_a_later_acled_export_lacks_is_withdrawn(db: Database) -> None:
    import_events(db, FIRST, ImportFormat.ACLED)
    report = import_events(db, LATER, ImportFormat.ACLED)
    assert [event.external_id for event in report.withdrawn] == ["UKR143804"]
    assert statuses(db, "ACLED")["UKR143804"] == "withdrawn"
    assert "1 event withdrawn by the source" in report.summary()
    # Importing the older export again brings nothing back.
    again = import_events(db, FIRST, ImportFormat.ACLED)
    assert statuses(db, "ACLED")["UKR143804"] == "withdrawn"
    assert again.withdrawn == []


def test_ids_are_noted_for_withdrawals_once_the_dataset_has_events(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Noting every id read is what finding the events a release lacks costs (seconds at
    a million rows): a first import, with nothing of its dataset stored, skips it."""
    noted: list[str] = []

    def start(connection: Connection) -> None:
        noted.append(connection.dialect.name)
        start_seen(connection)

    for writer in (event_upsert, pg_bulk_load):
        monkeypatch.setattr(writer, "start_seen", start)
    first = import_events(db, FIRST, ImportFormat.ACLED)
    assert (first.added, first.withdrawn, noted) == (5, [], [])
    later = import_events(db, LATER, ImportFormat.ACLED)
    assert len(noted) == 1
    assert [event.external_id for event in later.withdrawn] == ["UKR143804"]


def test_a_first_import_looks_no_id_up_and_still_keeps_the_first_of_a_repeat(
        db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With nothing of the dataset stored, no row can match a stored event: the writers
    skip the look-up (a query per batch), and a row repeating an earlier row's id is
    still refused by the reader, never inserted twice."""
    looked_up: list[int] = []
    for writer, name in ((event_upsert.EventUpsert, "_stored"),
                         (pg_bulk_load.PgBulkLoad, "_matched")):
        look_up = getattr(writer, name)

        def spied(self: object, keys: list[object], look_up: Any = look_up) -> Any:
            looked_up.append(len(keys))
            return look_up(self, keys)

        monkeypatch.setattr(writer, name, spied)
    lines = FIRST.read_text(encoding="utf-8").splitlines(keepends=True)
    repeated = tmp_path / "repeated.csv"
    repeated.write_text("".join([*lines, lines[-1]]), encoding="utf-8")
    first = import_events(db, repeated, ImportFormat.ACLED)
    assert (first.added, first.rejected, looked_up) == (5, 1, [])
    assert "repeats the event id" in first.rejections[0].reason
    again = import_events(db, FIRST, ImportFormat.ACLED)
    assert (again.added, again.unchanged, looked_up) == (0, 5, [5])


# -- failure 1: a generic CSV read again with the right day order ---------------------


def _day_first_copy(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The real API file with its date_start written day first (as a spreadsheet in a
    day-first locale saves it), and each id's true day."""
    rows = source_rows(API)
    truth = {row["id"]: iso_day(row["date_start"]) for row in rows}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        year, month, day = truth[row["id"]].split("-")
        writer.writerow(row | {"date_start": f"{day}/{month}/{year}", "date_end": ""})
    path = tmp_path / "ucdp_day_first.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path, truth


def test_a_reimport_with_dayfirst_moves_the_swapped_dates(db: Database,
                                                          tmp_path: Path) -> None:
    path, truth = _day_first_copy(tmp_path)
    mapping = ColumnMapping({"external_id": "id", "event_date": "date_start",
                             "fatalities": "best"}, dataset="Field CSV")
    first = import_events(db, path, ImportFormat.CSV, mapping=mapping)
    impossible = {key for key, day in truth.items() if int(day[8:]) > 12}
    swapped = {key for key, day in truth.items()
               if int(day[8:]) <= 12 and day[5:7] != day[8:]}
    assert first.rejected == len(impossible) > 0
    assert all("--dayfirst" in rejection.reason for rejection in first.rejections)

    again = import_events(db, path, ImportFormat.CSV, dayfirst=True)

    assert (again.added, again.updated, again.dates_moved) == (
        len(impossible), len(swapped), len(swapped))
    assert f"{len(swapped):,} dates moved" in again.summary()
    with db.engine.connect() as connection:
        days = {key: str(day) for key, day in connection.execute(text(
            "SELECT external_id, event_date FROM battlefield_event "
            "WHERE dataset = 'Field CSV'"))}
    assert days == truth


# -- failure 3: UCDP releases ---------------------------------------------------------


def test_an_older_ucdp_release_does_not_revert_a_newer_one(db: Database) -> None:
    import_events(db, REAL_DATA / GED231, ImportFormat.UCDP)
    report = import_events(db, REAL_DATA / API, ImportFormat.UCDP)
    assert report.release == "GED 22.1"
    assert stored(db)["433271"][2] == 5  # 23.1's best, not 22.1's 4
    assert report.older == len(differing_ids(GED231, API))
    assert report.updated == 0


def test_the_updated_count_is_the_real_differences(db: Database) -> None:
    import_events(db, REAL_DATA / API, ImportFormat.UCDP)
    report = import_events(db, REAL_DATA / GED231, ImportFormat.UCDP)
    differing = differing_ids(API, GED231)
    assert report.updated == len(differing) < 100
    assert {change.external_id for change in report.changes} == differing


def test_events_a_newer_ucdp_release_dropped_are_withdrawn(db: Database) -> None:
    import_events(db, REAL_DATA / API, ImportFormat.UCDP)
    report = import_events(db, REAL_DATA / GED231, ImportFormat.UCDP)
    new_rows = source_rows(GED231)
    first = min(iso_day(row["date_start"]) for row in new_rows)
    last = max(iso_day(row["date_start"]) for row in new_rows)
    new_ids = {row["id"] for row in new_rows}
    dropped = {row["id"]: int(row["best"]) for row in source_rows(API)
               if row["id"] not in new_ids and first <= iso_day(row["date_start"]) <= last}
    assert "153030" in dropped  # Odesa, 2 May 2014, 45 deaths
    assert {event.external_id for event in report.withdrawn} == set(dropped)
    assert sum(event.fatalities or 0 for event in report.withdrawn) == sum(dropped.values())
    assert {key for key, status in statuses(db, "UCDP GED").items()
            if status == "withdrawn"} == set(dropped)


def test_a_scope_narrows_what_is_withdrawn(db: Database) -> None:
    import_events(db, REAL_DATA / API, ImportFormat.UCDP)
    report = import_events(db, REAL_DATA / GED231, ImportFormat.UCDP, releases=ReleaseOptions(
        scope=parse_scope("country=Ukraine, 2015-01-01..2023-12-31")))
    assert all(event.day.year >= 2015 for event in report.withdrawn)
    assert "153030" not in {event.external_id for event in report.withdrawn}


def test_the_final_release_replaces_the_candidates_and_flags_the_rest(db: Database) -> None:
    import_events(db, REAL_DATA / CP1252, ImportFormat.UCDP)
    report = import_events(db, REAL_DATA / GED231, ImportFormat.UCDP)
    candidates = {row["id"] for row in source_rows(CP1252) if row["year"] == "2022"}
    assert {event.external_id for event in report.candidates_missing} == candidates
    assert "candidate events are not in this final release" in report.summary()
    # The candidates inside 23.1's days are withdrawn, the later ones kept and flagged.
    last = max(iso_day(row["date_start"]) for row in source_rows(GED231))
    status = statuses(db, "UCDP GED")
    for row in source_rows(CP1252):
        if row["id"] in candidates:
            inside = iso_day(row["date_start"]) <= last
            assert status[row["id"]] == ("withdrawn" if inside else "current"), row["id"]


def test_a_candidate_is_replaced_by_the_final_event_of_its_id(db: Database,
                                                               tmp_path: Path) -> None:
    """A final release holding a candidate's id: its values win, the event is current and
    comes from the final release. (The real 23.1 extract stops on 23 Feb 2022 and shares
    no id with the candidates; one candidate is added to a copy of it, as 23.1 would
    have it, with a corrected toll.)"""
    import_events(db, REAL_DATA / CP1252, ImportFormat.UCDP)
    candidate = next(row for row in source_rows(CP1252) if row["year"] == "2022")
    rows = list(source_rows(GED231))
    final = [*rows, {key: candidate[key] for key in rows[0]} | {
        "date_start": iso_day(candidate["date_start"]),
        "date_end": iso_day(candidate["date_end"]),
        "best": str(int(candidate["best"]) + 1), "high": str(int(candidate["high"]) + 1)}]
    path = tmp_path / "ged231_with_one_candidate.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(final)

    report = import_events(db, path, ImportFormat.UCDP)

    assert report.release == "GED 23.1"
    assert stored(db)[candidate["id"]][2] == int(candidate["best"]) + 1
    assert statuses(db, "UCDP GED")[candidate["id"]] == "current"
    assert candidate["id"] not in {event.external_id for event in report.candidates_missing}
    with db.engine.connect() as connection:
        release = connection.execute(text(
            "SELECT source_release FROM battlefield_event WHERE external_id = :i"),
            {"i": candidate["id"]}).scalar_one()
    assert release == "GED 23.1"


@pytest.mark.parametrize("order", list(itertools.permutations((API, HDX, GED231))),
                         ids=lambda order: "-".join(name.split("_")[-1][:6] for name in order))
def test_three_releases_in_any_order_end_with_the_newest(db: Database,
                                                         order: tuple[str, ...]) -> None:
    withdrawn_listed: set[str] = set()
    for name in order:
        report = import_events(db, REAL_DATA / name, ImportFormat.UCDP)
        withdrawn_listed |= {event.external_id for event in report.withdrawn}
    after = stored(db)
    newest = expected(GED231)
    assert {key: after[key] for key in newest} == newest
    new_rows = source_rows(GED231)
    first = min(iso_day(row["date_start"]) for row in new_rows)
    last = max(iso_day(row["date_start"]) for row in new_rows)
    dropped = {row["id"] for name in (API, HDX) for row in source_rows(name)
               if row["id"] not in newest and first <= iso_day(row["date_start"]) <= last}
    status = statuses(db, "UCDP GED")
    assert {key for key, value in status.items() if value == "withdrawn"} == dropped
    # Listed by the import that withdrew them, or added as withdrawn by an older one.
    assert withdrawn_listed <= dropped
    # And the report lists them in their own section, out of every total.
    stream = io.StringIO()
    with db.reading() as session:
        write_html_report(session, stream)
    html = stream.getvalue()
    section = html[html.index(f'id="{WITHDRAWN_ID}"'):]
    assert all(f"UCDP GED {key}<" in section for key in dropped)
    # The section says what the rest of the report does with them: the chronology
    # lists them on their days, marked not counted (it once said "told in no day").
    assert "the chronology marks them “not counted”" in section
    assert "(not counted)" in html[:html.index(f'id="{WITHDRAWN_ID}"')]
