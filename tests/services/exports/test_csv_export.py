"""The chronology's CSV from a database: an event's own columns (a UCDP span's end date,
low/best/high, actors, coordinates, country), both flavours, and the file as LibreOffice
Calc reads it: dates as dates, numbers as numbers, Київ as Київ."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.services.scenario import add_events
from tracker.io.chronology_csv import BYTE_ORDER_MARK, FOR_DATA_TOOLS, CsvStyle
from tracker.services.exports.export import ExportFormat, export_chronology, write_chronology
from tracker.storage.database import Database

IZYUM = {"dataset": "UCDP GED 23.1", "external_id": "412345", "event_date": date(2022, 2, 24),
         "event_date_end": date(2022, 9, 30), "event_type": "State-based conflict",
         "sub_event_type": "Russia - Ukraine", "location": "Izyum",
         "admin1": "Kharkiv oblast", "country": "Ukraine", "latitude": 49.2128,
         "longitude": 37.2569, "fatalities": 871, "fatalities_low": 850,
         "fatalities_high": 900, "actor1": "Government of Russia (Soviet Union)",
         "actor2": "Government of Ukraine"}
KYIV = {"dataset": "ACLED", "external_id": "UKR1", "event_date": date(2022, 3, 1),
        "event_type": "Explosions/Remote violence", "location": "Київ",
        "admin1": "Київська область", "country": "Україна", "latitude": 50.45,
        "longitude": 30.52, "fatalities": 3, "injuries": 12,
        "summary": "-2 drones: =HYPERLINK(\"http://evil\")"}
RANGE = {"date_from": date(2022, 2, 1), "date_to": date(2022, 3, 31)}


@pytest.fixture
def events_db(db: Database) -> Database:
    with db.transaction() as session:
        add_events(session, [IZYUM, KYIV])
    return db


def _exported(db: Database, style: CsvStyle) -> str:
    stream = io.StringIO(newline="")
    with db.reading() as session:
        write_chronology(session, stream, ExportFormat.CSV, csv_style=style, **RANGE)
    return stream.getvalue()


def _rows(text: str) -> dict[str, dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text.removeprefix(BYTE_ORDER_MARK), newline=""))
    return {row["external_id"]: row for row in reader}


def test_a_ucdp_span_with_its_end_date_estimates_actors_and_country(
        events_db: Database) -> None:
    izyum = _rows(_exported(events_db, FOR_DATA_TOOLS))["412345"]
    assert (izyum["date"], izyum["end_date"], izyum["precision"]) == (
        "2022-02-24", "2022-09-30", "span")
    assert (izyum["time"], izyum["utc"]) == ("", "")  # no 12:00 made up
    assert (izyum["fatalities_low"], izyum["fatalities"], izyum["fatalities_high"]) == (
        "850", "871", "900")
    assert (izyum["actor1"], izyum["actor2"]) == (IZYUM["actor1"], IZYUM["actor2"])
    assert (izyum["latitude"], izyum["longitude"]) == ("49.2128", "37.2569")
    assert (izyum["country"], izyum["dataset"]) == ("Ukraine", "UCDP GED 23.1")


def test_for_spreadsheets_guarded_with_a_mark_for_data_tools_raw(
        events_db: Database, tmp_path: Path) -> None:
    target = tmp_path / "chronology.csv"
    with events_db.reading() as session:
        export_chronology(session, target, ExportFormat.CSV, **RANGE)  # the default
    spreadsheet = target.read_text(encoding="utf-8")
    assert spreadsheet.startswith(BYTE_ORDER_MARK)
    kyiv = _rows(spreadsheet)["UKR1"]
    assert kyiv["detail"].startswith("'-2 drones")  # the guard, shown
    assert (kyiv["place"], kyiv["country"]) == ("Київ, Київська область", "Україна")
    raw = _exported(events_db, FOR_DATA_TOOLS)
    assert not raw.startswith(BYTE_ORDER_MARK)
    assert _rows(raw)["UKR1"]["detail"].startswith("-2 drones: =HYPERLINK")


# -- read by LibreOffice Calc ---------------------------------------------------------

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
# Comma, double quote, and no character set: Calc finds it, as its Text Import dialog does
# on a double-click; with none given at all, the headless filter takes Latin-1 outright.
_CSV_FILTER = "CSV:44,34,,1"


def _calc_cells(csv_file: Path, profile: Path) -> list[list[tuple[str, str]]]:
    """Each row's cells as Calc typed them, (value type, text shown), read from the ODS
    that LibreOffice converts the file to."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the CSV is not checked in Calc "
                    "(Debian: apt-get install libreoffice-calc-nogui)")
    # A profile of its own, so parallel runs and the user's LibreOffice never clash.
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--norestore", f"--infilter={_CSV_FILTER}", "--convert-to", "ods",
               "--outdir", str(csv_file.parent), str(csv_file)]
    subprocess.run(command, check=True, capture_output=True, timeout=180,
                   env={**os.environ, "HOME": str(profile)})
    with zipfile.ZipFile(csv_file.with_suffix(".ods")) as ods:
        content = ElementTree.fromstring(ods.read("content.xml"))
    rows = []
    for row in content.iter(f"{{{_TABLE}}}table-row"):
        cells = []
        for cell in row.iter(f"{{{_TABLE}}}table-cell"):
            shown = "".join("".join(p.itertext()) for p in cell.iter(f"{{{_TEXT}}}p"))
            repeat = int(cell.get(f"{{{_TABLE}}}number-columns-repeated", "1"))
            cells += [(cell.get(f"{{{_OFFICE}}}value-type", ""), shown)] * repeat
        rows.append(cells)
    return rows


def test_libreoffice_reads_dates_numbers_and_cyrillic(
        events_db: Database, tmp_path: Path) -> None:
    target = tmp_path / "chronology.csv"
    with events_db.reading() as session:
        export_chronology(session, target, ExportFormat.CSV, **RANGE)
    header, *rows = _calc_cells(target, tmp_path / "office-profile")
    names = [text for _type, text in header]
    assert names[0] == "date"  # the byte-order mark read as a mark, not as text
    table = [dict(zip(names, row, strict=False)) for row in rows]
    izyum, kyiv = sorted((row for row in table if row.get("external_id")),
                         key=lambda row: row["date"][1])
    assert izyum["date"] == ("date", "2022-02-24")
    assert izyum["end_date"] == ("date", "2022-09-30")
    for column, shown in (("fatalities", "871"), ("fatalities_low", "850"),
                          ("record_id", izyum["record_id"][1])):
        assert izyum[column] == ("float", shown), column
    assert izyum["latitude"][0] == izyum["longitude"][0] == "float"
    assert kyiv["place"] == ("string", "Київ, Київська область")
    assert kyiv["country"] == ("string", "Україна")
    assert kyiv["injuries"] == ("float", "12")
    assert kyiv["detail"][1].startswith("'-2 drones")  # text, shown with its guard
    assert izyum.get("time", ("", ""))[1] == ""  # no time made up for a day or a span


def test_libreoffice_reads_an_exact_time_as_a_time(sample_db: Database,
                                                   tmp_path: Path) -> None:
    target = tmp_path / "sample.csv"
    with sample_db.reading() as session:
        export_chronology(session, target, ExportFormat.CSV, tz="Europe/Kyiv")
    header, *rows = _calc_cells(target, tmp_path / "office-profile")
    names = [text for _type, text in header]
    table = [dict(zip(names, row, strict=False)) for row in rows]
    timed = [row for row in table if row.get("time", ("", ""))[1]]
    assert timed, "the sample has readings and changes known to the minute"
    for row in timed:
        assert row["time"][0] == "time" and row["date"][0] == "date"
        assert row["time_zone"] == ("string", "Europe/Kyiv")
    untimed = [row for row in table if row.get("kind", ("", ""))[1] == "event"]
    assert untimed and not any(row.get("time", ("", ""))[1] for row in untimed)
