"""Generic CSV: the column-mapping dialog, its preview, and the mapping remembered per header."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.imports.test_import_dialog import (
    UCDP_2021,
    click,
    close,
    finish,
    start_import,
)
from tests.ui.window.test_main_window import open_dialog
from tracker.io.generic_layout import ColumnMapping
from tracker.services.imports import import_mappings
from tracker.services.imports.importing import ImportFormat, preview
from tracker.ui.common.forms import current_data, select_data
from tracker.ui.imports.import_mapping import NONE_TEXT, ColumnMappingDialog, suggest_mapping
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
LeftButton = Qt.MouseButton.LeftButton
ROWS = ("03/02/2026,Kharkiv,Kharkivska,Missile strike,2,Strike on a substation\n"
        "04/02/2026,Odesa,Odeska,Drone strike,,Port infrastructure hit\n"
        "not a date,Kyiv,Kyiv City,Drone strike,0,Debris fell on a house\n")


def write_csv(folder: Path, name: str, header: str, rows: str = ROWS) -> Path:
    path = folder / name
    path.write_text(f"{header}\n{rows}", encoding="utf-8")
    return path


def column(dialog: ColumnMappingDialog, title: str) -> list[str]:
    """The preview's cells under *title*, top to bottom."""
    model = dialog.model
    titles = [model.headerData(at, Qt.Orientation.Horizontal)
              for at in range(model.columnCount())]
    at = titles.index(title)
    return [model.index(row, at).data() for row in range(model.rowCount())]


def test_the_mapping_needs_a_date_column_and_is_remembered_for_the_header(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        qtmodeltester: ModelTester) -> None:
    first = write_csv(tmp_path, "lage-feb.csv", "Wann,Ort,Oblast,Art,Tote,Notiz")
    dialog = start_import(qtbot, window, first, monkeypatch)
    assert dialog.detected_label.text().startswith("Not a layout the program knows")
    assert current_data(dialog.format_combo) is ImportFormat.CSV
    assert dialog.ok_button.text() == "&Next: Columns…"
    click(qtbot, dialog.ok_button)

    mapping = open_dialog(qtbot, window, ColumnMappingDialog)
    assert "remembered for files with the same columns" in mapping.intro_label.text()
    assert current_data(mapping.combos["admin1"]) == "Oblast"  # a name that says so
    assert mapping.combos["event_date"].currentText() == NONE_TEXT  # "Wann" says nothing
    assert mapping.dataset_edit.text() == "lage-feb"  # the file's stem
    assert not mapping.ok_button.isEnabled()
    assert mapping.problems_label.isVisible()
    assert mapping.problems_label.text() == "• No column is chosen for Date"
    assert column(mapping, "Region (admin 1)") == ["Kharkivska", "Odeska", "Kyiv City"]
    qtmodeltester.check(mapping.model)

    # Choosing the date column enables Import; the preview reads the dates.
    combo = mapping.combos["event_date"]
    combo.setCurrentIndex(combo.findText("Wann"))
    combo = mapping.combos["fatalities"]
    combo.setCurrentIndex(combo.findText("Tote"))
    assert mapping.ok_button.isEnabled()
    assert mapping.problems_label.isHidden()
    assert column(mapping, "Date") == ["2026-03-02", "2026-04-02", "not a date"]  # month first
    assert column(mapping, "Problem") == ["", "", "Wann: 'not a date' is not a date"]
    qtbot.keyClick(mapping.dayfirst_check, Qt.Key.Key_Space)
    assert mapping.dayfirst_check.isChecked()
    assert column(mapping, "Date") == ["2026-02-03", "2026-02-04", "not a date"]
    assert column(mapping, "Fatalities") == ["2", "", "0"]
    qtmodeltester.check(mapping.model)

    mapping.dataset_edit.clear()
    assert mapping.problems_label.text() == "• The dataset needs a name"
    assert not mapping.ok_button.isEnabled()
    mapping.dataset_edit.insert("Lagebericht Süd")  # keyClicks cannot type "ü"
    click(qtbot, mapping.ok_button)
    result = finish(qtbot, window)
    assert result.counts_label.text() == "2 added · 0 updated · 0 unchanged · 1 rejected"
    assert result.report.dataset == "Lagebericht Süd"
    close(qtbot, window, result)

    # The next file with these columns (however capitalised) gets the same mapping.
    second = write_csv(tmp_path, "lage-mar.csv", "WANN,Ort,Oblast,Art,Tote,Notiz")
    dialog = start_import(qtbot, window, second, monkeypatch)
    click(qtbot, dialog.ok_button)
    mapping = open_dialog(qtbot, window, ColumnMappingDialog)
    assert "chosen last time" in mapping.intro_label.text()
    assert current_data(mapping.combos["event_date"]) == "WANN"
    assert current_data(mapping.combos["fatalities"]) == "Tote"
    assert mapping.dataset_edit.text() == "Lagebericht Süd"
    assert mapping.dayfirst_check.isChecked()
    assert mapping.ok_button.isEnabled()

    # Cancel here imports nothing, and the window is free again.
    qtbot.mouseClick(mapping.buttons.button(mapping.buttons.StandardButton.Cancel),
                     LeftButton)
    qtbot.waitUntil(lambda: window.dialog is None and not window.importer.is_busy())
    assert window.events_view.model.total == 7 + 2


def test_a_known_layout_read_as_another_is_warned_about(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = start_import(qtbot, window, UCDP_2021, monkeypatch)
    assert dialog.format_warning.isHidden()
    select_data(dialog.format_combo, ImportFormat.ACLED)
    assert dialog.format_warning.isVisible()
    assert dialog.format_warning.text().startswith("The header looks like UCDP GED events")
    select_data(dialog.format_combo, ImportFormat.CSV)  # any CSV can be mapped by hand
    assert dialog.format_warning.isHidden()
    assert dialog.ok_button.text() == "&Next: Columns…"
    dialog.reject()
    qtbot.waitUntil(lambda: window.dialog is None and not window.importer.is_busy())


def test_columns_are_guessed_from_names_each_used_once() -> None:
    header = ["ID", "Date", "end-date", "Lat", "Lon", "Oblast", "Raion", "Notes", "Deaths",
              "Source", "date"]
    guessed = suggest_mapping(header, None, "mine")
    assert guessed.columns == {
        "external_id": "ID", "event_date": "Date", "event_date_end": "end-date",
        "latitude": "Lat", "longitude": "Lon", "admin1": "Oblast", "admin2": "Raion",
        "summary": "Notes", "fatalities": "Deaths", "reported_by": "Source",
    }
    assert guessed.dataset == "mine"
    assert not guessed.dayfirst


def test_the_mapping_dialog_on_its_own(qtbot: QtBot, tmp_path: Path,
                                       qtmodeltester: ModelTester) -> None:
    path = write_csv(tmp_path, "events.csv", "id,date,place,lat,lon",
                     "a1,2026-02-03,Kyiv,50.45,30.52\n"
                     "a2,2026-02-04,Lviv,95.0,24.0\n"
                     "a3,2026-02-05,Odesa\n")
    remembered = ColumnMapping({"event_date": "DATE", "external_id": "id",
                                "latitude": "lat", "location": "place"}, dataset="ours")
    dialog = ColumnMappingDialog(preview(path), remembered)
    qtbot.addWidget(dialog)
    assert current_data(dialog.combos["event_date"]) == "date"
    assert current_data(dialog.combos["longitude"]) is None  # not in the remembered one
    assert column(dialog, "Place") == ["Kyiv", "Lviv", "Odesa"]
    assert column(dialog, "Problem") == [
        "", "lat: 95.0 is outside -90..90", "has 3 fields; the header has 5"]
    assert dialog.mapping() == ColumnMapping(
        {"external_id": "id", "event_date": "date", "location": "place", "latitude": "lat"},
        dataset="ours")
    assert import_mappings.header_key(["id", "DATE"]) == import_mappings.header_key(
        ["ID", "date"])
    qtmodeltester.check(dialog.model)
