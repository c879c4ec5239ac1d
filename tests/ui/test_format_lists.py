"""The import and export dialogs offer what the format registries hold, and nothing else
(the command line's side is in tests/io/test_import_formats.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.conftest import REAL_DATA
from tracker.io.analysis_writers import AnalysisFormat
from tracker.services.exports.export_formats import (
    CHRONOLOGY_CONTENTS,
    ExportContent,
    ExportFormat,
    formats_holding,
)
from tracker.services.imports.importing import (
    EVENTS_FILE_FILTER,
    ImportFormat,
    ImportTarget,
    formats_for,
    preview,
)
from tracker.ui.analysis import analysis_export
from tracker.ui.common.forms import current_data, item_value, select_data
from tracker.ui.exports import schedule_export, timelinejs_export
from tracker.ui.exports.export_dialog import ExportDialog
from tracker.ui.imports.import_dialog import ImportDialog
from tracker.ui.imports.import_flow import FILE_FILTER, dropped_csv_files
from tracker.ui.rounds import calendar_import
from tracker.ui.window import archive_actions

UCDP_FILE = REAL_DATA / "ucdp_ged_ukraine_2014-2021_ged221_api.csv"


@pytest.fixture
def import_dialog(qtbot: QtBot) -> ImportDialog:
    dialog = ImportDialog(preview(UCDP_FILE))
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def export_dialog(qtbot: QtBot, tmp_path: Path) -> ExportDialog:
    dialog = ExportDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    return dialog


def test_the_import_dialog_offers_every_event_format(import_dialog: ImportDialog) -> None:
    combo = import_dialog.format_combo
    offered = [(combo.itemText(row), item_value(combo, row)) for row in range(combo.count())]
    assert offered == [(fmt.label, fmt) for fmt in formats_for(ImportTarget.EVENTS)]
    assert offered[-1][1] is ImportFormat.CSV  # the format nothing else matched, last


def test_the_import_dialog_says_what_sniffing_found(import_dialog: ImportDialog) -> None:
    assert current_data(import_dialog.format_combo) is ImportFormat.UCDP
    assert import_dialog.detected_label.text() == ImportFormat.UCDP.detected


@pytest.mark.parametrize("fmt", formats_for(ImportTarget.EVENTS))
def test_a_format_that_needs_a_mapping_asks_for_it_next(import_dialog: ImportDialog,
                                                        fmt: ImportFormat) -> None:
    assert select_data(import_dialog.format_combo, fmt)
    assert import_dialog.needs_mapping() is fmt.needs_mapping
    assert import_dialog.ok_button.text() == ("&Next: Columns…" if fmt.needs_mapping
                                              else "&Import")
    assert import_dialog.request().fmt is fmt


def test_the_open_dialog_shows_the_event_formats_files() -> None:
    assert FILE_FILTER == EVENTS_FILE_FILTER
    for fmt in formats_for(ImportTarget.EVENTS):
        assert all(pattern in FILE_FILTER for pattern in fmt.patterns)


def test_the_export_dialog_offers_every_chronology_format(
        qtbot: QtBot, export_dialog: ExportDialog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []

    def save_dialog(*args: object) -> tuple[str, str]:
        offered.extend(str(args[3]).split(";;"))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    qtbot.mouseClick(export_dialog.browse, Qt.MouseButton.LeftButton)
    chronology = formats_holding(*CHRONOLOGY_CONTENTS)
    assert offered == [fmt.file_filter for fmt in chronology]
    for fmt in chronology:
        export_dialog.path.setText(str(tmp_path / f"out{fmt.suffix}"))
        assert export_dialog.ok_button.isEnabled(), fmt
        request = export_dialog.request()
        assert request is not None and request.fmt is fmt


def test_a_format_of_another_dialog_is_refused_by_its_suffix(
        export_dialog: ExportDialog, tmp_path: Path) -> None:
    export_dialog.path.setText(str(tmp_path / "talks.ics"))
    assert not export_dialog.ok_button.isEnabled()
    assert export_dialog.path_error.message == \
        "The file name must end in .csv, .json, .md, .html or .pdf"



def test_every_format_is_offered_by_a_file_dialog() -> None:
    """The chronology's formats by Export Chronology… (above); the rest by their own."""
    offered = {
        ExportContent.SCHEDULE: schedule_export.FILE_FILTER,
        ExportContent.TIMELINE: timelinejs_export.FILE_FILTER,
        ExportContent.ARCHIVE: archive_actions.FILE_FILTER,
    }
    for fmt in ExportFormat:
        if fmt.content not in CHRONOLOGY_CONTENTS:
            assert fmt.file_filter in offered[fmt.content].split(";;"), fmt
    assert schedule_export.FILE_FILTER == "iCalendar files (*.ics)"
    for fmt in formats_for(ImportTarget.ROUNDS):
        assert all(pattern in calendar_import.FILE_FILTER for pattern in fmt.patterns)
    assert calendar_import.FILE_FILTER == "iCalendar files (*.ics);;All files (*)"


def test_the_analysis_table_is_offered_in_every_registered_format() -> None:
    assert analysis_export.TABLE_FILTERS == "CSV files (*.csv);;JSON files (*.json)"
    assert [fmt.suffix for fmt in AnalysisFormat] == [".csv", ".json"]


@pytest.mark.parametrize(("name", "taken"), [
    ("events.csv", True), ("EVENTS.CSV", True), ("talks.ics", False), ("notes.txt", False)])
def test_a_dropped_file_is_taken_by_the_event_formats_patterns(name: str, taken: bool,
                                                               tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / name)), QUrl("https://example.org/a.csv")])
    assert dropped_csv_files(mime) == ([tmp_path / name] if taken else [])
