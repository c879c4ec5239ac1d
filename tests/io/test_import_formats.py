"""The format registries: every import and export format registered once, offered by the
command line, and recognised from the real files by sniffing.

The dialogs' side of "offered everywhere" is in tests/ui/test_format_lists.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REAL_DATA
from tracker.cli import main
from tracker.domain.import_columns import IMPORT_COLUMNS
from tracker.io.csv_records import CsvFile
from tracker.io.event_layouts import EventValues
from tracker.io.import_formats import (
    ImportFormat,
    ImportTarget,
    formats_for,
    open_file_filter,
    sniff_format,
)
from tracker.io.input_errors import InputFileError
from tracker.io.text_encoding import scan_text_file
from tracker.services.exports.export_formats import (
    CHRONOLOGY_CONTENTS,
    ExportContent,
    ExportFormat,
    format_for_path,
    formats_holding,
    suffixes_text,
)
from tracker.services.exports.schedule_calendar import write_calendar
from tracker.services.imports.importing import import_events, preview
from tracker.storage.database import Database

DATA = Path(__file__).parent.parent / "data"
ACLED_FILES = sorted((DATA / "acled").glob("*.csv"))
UCDP_FILES = sorted(REAL_DATA.glob("*.csv"))
# Hostile files whose header is ACLED's whole, or whose columns no layout knows; the others
# of tests/data/bad are refused before any format is guessed (empty, a name twice, UTF-16,
# two encodings).
BAD_ACLED = ["bad_dates.csv", "bad_fatalities.csv", "formulas.csv", "header_only.csv",
             "month_13.csv", "nul_bytes.csv", "truncated_in_quote.csv",
             "truncated_mid_row.csv", "utf8_bom.csv"]
BAD_GENERIC = ["formulas_mapped.csv", "missing_columns.csv"]


def cli_choices(command: str, capsys: pytest.CaptureFixture[str]) -> set[str]:
    """The --format choices `tracker COMMAND --help` lists."""
    with pytest.raises(SystemExit):
        main([command, "--help"])
    found = re.search(r"--format\s+\{([^}]*)\}", capsys.readouterr().out)
    assert found is not None
    return set(found.group(1).split(","))


def first_record(path: Path) -> list[str]:
    with CsvFile(path, scan_text_file(path)) as source:
        return source.header()


# -- registered once, offered by the command line -------------------------------------------


def test_every_import_format_is_a_cli_choice(capsys: pytest.CaptureFixture[str]) -> None:
    assert {fmt.value for fmt in ImportFormat} <= cli_choices("import", capsys)


def test_every_export_format_is_the_cli_choices(capsys: pytest.CaptureFixture[str]) -> None:
    assert {fmt.value for fmt in ExportFormat} == cli_choices("export", capsys)


@pytest.mark.parametrize("fmt", list(ImportFormat))
def test_an_import_registration_is_complete(fmt: ImportFormat) -> None:
    assert fmt.label and fmt.detected and fmt.patterns
    assert all(pattern.startswith("*.") for pattern in fmt.patterns)
    # Events are read through a Layout; what holds no events has none.
    assert (fmt.layout is not None) == (fmt.target is ImportTarget.EVENTS)
    assert ImportFormat(fmt.value) is fmt


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_an_export_registration_is_complete(fmt: ExportFormat) -> None:
    assert fmt.description and fmt.patterns and fmt.suffix.startswith(".")
    # Written here as chronology text, or said where it is written: never neither.
    assert (fmt.write is None) != (fmt.written_by == "")
    assert fmt.file_filter == f"{fmt.description} (*{fmt.suffix})"
    assert ExportFormat(fmt.value) is fmt


def test_every_chronology_suffix_names_its_format() -> None:
    chronology = formats_holding(*CHRONOLOGY_CONTENTS)
    assert chronology == [ExportFormat.CSV, ExportFormat.JSON, ExportFormat.MD,
                          ExportFormat.HTML, ExportFormat.PDF]
    for fmt in chronology:
        for pattern in fmt.patterns:
            assert format_for_path(Path(f"out{pattern[1:].upper()}")) is fmt
    assert suffixes_text(chronology) == ".csv, .json, .md, .html or .pdf"
    # The archive and TimelineJS data are .json too: the dialog's .json is the chronology.
    assert format_for_path(Path("out.json")) is ExportFormat.JSON
    assert format_for_path(Path("out.ics")) is None
    assert format_for_path(Path("out.ics"),
                           formats_holding(ExportContent.SCHEDULE)) is ExportFormat.ICS
    assert format_for_path(Path("no-suffix")) is None


def test_the_open_dialog_filter_lists_every_pattern_once() -> None:
    assert open_file_filter(formats_for(ImportTarget.EVENTS), "CSV files") == \
        "CSV files (*.csv);;All files (*)"
    assert open_file_filter(ImportFormat, "Files") == "Files (*.csv *.ics);;All files (*)"


# -- sniffing the real files ------------------------------------------------------------------


@pytest.mark.parametrize("path", ACLED_FILES, ids=lambda path: path.name)
def test_acled_exports_are_recognised(path: Path) -> None:
    assert preview(path).format is ImportFormat.ACLED


@pytest.mark.parametrize("path", UCDP_FILES, ids=lambda path: path.name)
def test_the_real_ucdp_files_are_recognised(path: Path) -> None:
    # The API and GED editions, HDX's (an iso3 column, HXL tags) and the headerless,
    # cp1252 candidate release.
    assert preview(path).format is ImportFormat.UCDP


@pytest.mark.parametrize("name", BAD_ACLED)
def test_acled_headers_are_recognised_whatever_follows(name: str) -> None:
    assert preview(DATA / "bad" / name).format is ImportFormat.ACLED


@pytest.mark.parametrize("name", BAD_GENERIC)
def test_other_columns_are_left_to_the_user(name: str) -> None:
    assert preview(DATA / "bad" / name).format is None


def test_a_calendar_is_recognised_and_refused_as_events(sample_db: Database,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "talks.ics"
    with sample_db.reading() as session:
        write_calendar(session, path)
    assert sniff_format(first_record(path), ImportTarget.ROUNDS) is ImportFormat.ICS
    assert sniff_format(first_record(path), ImportTarget.EVENTS) is None
    with pytest.raises(InputFileError, match=r"not a file of events.*--format ics"):
        preview(path)


def test_a_format_without_events_is_refused_by_the_event_import(db: Database) -> None:
    with pytest.raises(InputFileError, match="holds no events"):
        import_events(db, ACLED_FILES[0], ImportFormat.ICS)


def test_sniffing_leaves_no_event_file_to_two_formats() -> None:
    for path in [*ACLED_FILES, *UCDP_FILES]:
        header = first_record(path)
        matches = [fmt for fmt in ImportFormat if fmt.sniff is not None and fmt.sniff(header)]
        assert len(matches) == 1, (path.name, matches)


# -- the record a layout reads ------------------------------------------------------------------


def test_event_values_follow_the_import_columns() -> None:
    # The record's text takes raw_digest's place: the importer stores its digest there.
    assert EventValues._fields[:-1] == IMPORT_COLUMNS[:-1]
    assert IMPORT_COLUMNS[-1] == "raw_digest" and EventValues._fields[-1] == "text"
