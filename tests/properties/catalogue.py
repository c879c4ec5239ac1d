"""Every parser under hypothesis: what it is fed, and what counts as a clean answer.

A property passes when the parser returns a value or raises the project's own error
(DateParseError, WindowError, FieldError, InputFileError, ArchiveError); anything else
(an IndexError, a UnicodeDecodeError, an OverflowError…) fails it. ``run_property`` runs
one with a given number of examples and says how many it ran, so the test suite and the
reliability figures (tests/reliability_figures.py) share one definition.

Inputs that once found a bug stay as ``examples``, run before the generated ones.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import REAL_DATA
from tests.properties import strategies as gen
from tracker.domain.dates import DateParseError, parse_date, parse_instant, parse_window
from tracker.domain.enums import Precision
from tracker.domain.timewindow import WindowError, localize, zone
from tracker.io import event_fields
from tracker.io.acled_layout import REQUIRED as ACLED_REQUIRED
from tracker.io.event_fields import DateReader
from tracker.io.generic_layout import ColumnMapping
from tracker.io.input_errors import FieldError, InputFileError
from tracker.io.ucdp_layout import STANDARD_HEADER
from tracker.services.exports.archive import ARCHIVE_TABLES, FORMAT_NAME
from tracker.services.exports.archive_import import ArchiveError, import_archive
from tracker.services.imports.importing import ImportFormat, import_events
from tracker.services.rounds.calendar_import import import_calendar_file
from tracker.storage import migrate
from tracker.storage.database import Database, open_database

Check = Callable[[Any, "Scratch"], None]


@dataclass(frozen=True, slots=True)
class Scratch:
    """A folder for files and a database, shared by one property's examples."""

    folder: Path
    db: Database | None


@dataclass(frozen=True, slots=True)
class ParserProperty:
    name: str
    inputs: st.SearchStrategy[Any]
    check: Check
    examples: int  # what the test suite runs
    needs_db: bool = False
    found_bugs: tuple[Any, ...] = ()


@contextmanager
def _scratch(needs_db: bool) -> Iterator[Scratch]:
    with tempfile.TemporaryDirectory(prefix="tracker-properties-") as folder:
        db = open_database(Path(folder) / "scratch.db") if needs_db else None
        try:
            yield Scratch(Path(folder), db)
        finally:
            if db is not None:
                db.close()


def run_property(prop: ParserProperty, max_examples: int | None = None) -> int:
    """Run *prop* with *max_examples* (default: its own); return the examples run."""
    calls = 0
    with _scratch(prop.needs_db) as scratch:
        def body(value: Any) -> None:
            nonlocal calls
            calls += 1
            prop.check(value, scratch)

        test = given(prop.inputs)(body)
        for found in prop.found_bugs:
            test = example(found)(test)
        settings(max_examples=max_examples or prop.examples, deadline=None, database=None,
                 derandomize=False,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                        HealthCheck.filter_too_much])(test)()
    return calls


# -- dates -------------------------------------------------------------------------------

def _check_parse_date(value: tuple[str, bool], _scratch: Scratch) -> None:
    text, dayfirst = value
    with suppress(DateParseError):
        parse_date(text, dayfirst=dayfirst)


def _check_parse_window(value: tuple[str, str, bool], _scratch: Scratch) -> None:
    text, tz, dayfirst = value
    try:
        window = parse_window(text, tz, dayfirst=dayfirst, today=datetime(2026, 2, 3).date())
    except (DateParseError, WindowError):
        return
    window.describe()  # a window that was made can always be shown
    assert window.precision is Precision.UNKNOWN or window.start is not None


def _check_parse_instant(value: tuple[str, str], _scratch: Scratch) -> None:
    text, tz = value
    try:
        instant = parse_instant(text, tz)
    except (DateParseError, WindowError):
        return
    assert instant.utcoffset() is not None and not instant.utcoffset()


def _check_localize(value: tuple[datetime, str, int], _scratch: Scratch) -> None:
    """A wall time is either refused (skipped by a DST change) or comes back unchanged."""
    wall, tz, fold = value
    try:
        instant = localize(wall, tz, fold=fold)
    except WindowError:
        return
    assert instant.tzinfo is UTC
    assert instant.astimezone(zone(tz)).replace(tzinfo=None) == wall


_WALLS = st.one_of(
    st.datetimes(),
    st.sampled_from((datetime(2026, 3, 29, 3, 30), datetime(2026, 10, 25, 3, 30),
                     datetime(2011, 12, 30, 12, 0), datetime(1, 1, 1), datetime.max,
                     datetime(9999, 12, 31, 23, 0))),
    st.datetimes(min_value=datetime(2025, 3, 1), max_value=datetime(2027, 11, 30)))


# -- dataset fields ----------------------------------------------------------------------

def _check_date_reader(value: tuple[str, bool], _scratch: Scratch) -> None:
    text, dayfirst = value
    try:
        iso = DateReader(dayfirst=dayfirst).iso("event_date", text)
    except FieldError as exc:
        assert exc.column == "event_date"
        return
    assert datetime.strptime(iso, "%Y-%m-%d")  # stored dates are always real ISO days


def _check_numbers(text: str, _scratch: Scratch) -> None:
    for read in (lambda t: event_fields.count("fatalities", t),
                 lambda t: event_fields.coordinate("latitude", t, 90),
                 lambda t: event_fields.whole("timestamp", t),
                 lambda t: event_fields.choice("time_precision", t, {"1": Precision.DAY.value})):
        try:
            found = read(text)
        except FieldError:
            continue
        if isinstance(found, int) and not isinstance(found, bool):
            assert found >= 0 or read is not None


# -- files -------------------------------------------------------------------------------

ACLED_HEADER = [*ACLED_REQUIRED, "time_precision", "fatalities", "latitude", "longitude",
                "interaction", "timestamp", "notes"]
UCDP_HEADER = ["id", "year", "type_of_violence", "date_start", "date_end", "date_prec",
               "best", "low", "high", "latitude", "longitude", "adm_1"]
GENERIC_HEADER = ["when", "until", "what", "lat", "lon", "dead", "ref"]
GENERIC_MAPPING = ColumnMapping(
    {"event_date": "when", "event_date_end": "until", "event_type": "what", "latitude": "lat",
     "longitude": "lon", "fatalities": "dead", "external_id": "ref"},
    dayfirst=True, dataset="Desk notes")
assert set(UCDP_HEADER) <= set(STANDARD_HEADER)
# Real rows to mutate: our own ACLED fixture and the first rows of a real UCDP export.
ACLED_ROWS = gen.read_rows(Path(__file__).parents[1] / "data" / "acled" / "acled_export_iso.csv",
                           12)
UCDP_ROWS = gen.read_rows(REAL_DATA / "ucdp_ged_ukraine_2014-2022_ged231.csv", 12)


def _import_check(fmt: ImportFormat, mapping: ColumnMapping | None = None) -> Check:
    def check(data: bytes, scratch: Scratch) -> None:
        assert scratch.db is not None
        path = scratch.folder / "events.csv"
        path.write_bytes(data)
        try:
            report = import_events(scratch.db, path, fmt, mapping=mapping)
        except InputFileError:
            return
        # Nothing lost silently: every record is counted once.
        assert report.records == (report.added + report.updated + report.unchanged
                                  + report.rejected)
    return check


def _check_calendar(text: str, scratch: Scratch) -> None:
    assert scratch.db is not None
    path = scratch.folder / "talks.ics"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    with suppress(InputFileError):
        import_calendar_file(scratch.db, path)


def _check_archive(value: tuple[object, int], scratch: Scratch) -> None:
    document, cut = value
    assert scratch.db is not None
    text = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    path = scratch.folder / "archive.json"
    data = text.encode("utf-8", errors="surrogatepass")
    path.write_bytes(data[:cut] if cut else data)
    with suppress(ArchiveError):
        import_archive(scratch.db, path)


_TABLE_NAMES = [*ARCHIVE_TABLES, "sqlite_master", "battlefield_event_fts"]

PROPERTIES: tuple[ParserProperty, ...] = (
    ParserProperty("parse_date", st.tuples(gen.any_date_text(), st.booleans()),
                   _check_parse_date, 2000),
    ParserProperty("parse_window", st.tuples(gen.any_date_text(), st.sampled_from(gen.ZONES),
                                             st.booleans()), _check_parse_window, 2000,
                   found_bugs=(("31 Dec 9999", "America/New_York", False),
                               ("1 Jan 1 00:00", "Europe/Kyiv", False))),
    ParserProperty("parse_instant", st.tuples(gen.any_date_text(), st.sampled_from(gen.ZONES)),
                   _check_parse_instant, 2000),
    ParserProperty("localize across DST", st.tuples(_WALLS, st.sampled_from(gen.ZONES),
                                                    st.integers(0, 1)), _check_localize, 2000,
                   found_bugs=((datetime(1, 1, 1), "Europe/Kyiv", 0),
                               (datetime(9999, 12, 31, 23), "America/New_York", 1))),
    ParserProperty("event date reader", st.tuples(gen.any_date_text(), st.booleans()),
                   _check_date_reader, 2000),
    ParserProperty("event number fields", gen.number_texts(), _check_numbers, 2000),
    ParserProperty("ACLED import", st.one_of(gen.csv_files(ACLED_HEADER),
                                             gen.mutated_csv_files(*ACLED_ROWS)),
                   _import_check(ImportFormat.ACLED), 1000, needs_db=True,
                   found_bugs=(b"event_id_cnty,event_date,event_type,fatalities\r\n"
                               b"UKR1,2024-04-02,Battles,9223372036854775808\r\n",)),
    ParserProperty("UCDP import", st.one_of(gen.csv_files(UCDP_HEADER),
                                            gen.mutated_csv_files(*UCDP_ROWS)),
                   _import_check(ImportFormat.UCDP), 1000, needs_db=True,
                   # A year "¹": str.isdigit() says yes, int() refused (domain/whole_numbers.py).
                   found_bugs=(b"id,year,type_of_violence,date_start,date_end,date_prec,best,"
                               b"low,high,latitude,longitude,adm_1\n" + b"0000-00-00," * 9
                               + b"0000-00-00\n0000-00-00,\xc2\xb9," + b"0000-00-00," * 7
                               + b"0000-00-00\n",)),
    ParserProperty("generic CSV import", gen.csv_files(GENERIC_HEADER),
                   _import_check(ImportFormat.CSV, GENERIC_MAPPING), 1000, needs_db=True),
    ParserProperty(".ics import", gen.calendar_texts(), _check_calendar, 1000, needs_db=True),
    ParserProperty("JSON archive import",
                   st.tuples(gen.archive_documents(_TABLE_NAMES, migrate.head_revision()),
                             st.integers(0, 400)), _check_archive, 1000, needs_db=True),
)
assert FORMAT_NAME  # the strategies build envelopes with the real format name
