"""The import dialog offers what ``tracker import`` offers (issue 17): a file refused as a
copy of another dataset can be imported anyway; a UCDP file's release, a generic CSV's
release date and the scope of a release are asked for, and refused beside the fields
when the import could not read them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from tests.ui.imports.test_import_dialog import (
    UCDP_2021,
    UCDP_2022,
    click,
    close,
    dump,
    finish,
    start_import,
)
from tests.ui.window.test_main_window import counts_text, open_dialog
from tracker.io.import_formats import ImportFormat
from tracker.ui.common.forms import select_data
from tracker.ui.imports.import_anyway import ImportAnywayDialog
from tracker.ui.imports.import_mapping import ColumnMappingDialog
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
AS_CSV = "ged231 as csv"


def events_by_dataset(window: MainWindow) -> dict[str, int]:
    with window.workspace.db.engine.connect() as connection:
        return dict(connection.execute(text(   # type: ignore[arg-type]
            "SELECT dataset, count(*) FROM battlefield_event GROUP BY dataset")).all())


def import_as_csv(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real GED 23.1 file, imported as a generic CSV named AS_CSV (the columns its
    header names are found by themselves; the deaths are in "best")."""
    dialog = start_import(qtbot, window, UCDP_2022, monkeypatch)
    select_data(dialog.format_combo, ImportFormat.CSV)
    click(qtbot, dialog.ok_button)
    mapping = open_dialog(qtbot, window, ColumnMappingDialog)
    assert mapping.choose("fatalities", "best")
    mapping.dataset_edit.setText(AS_CSV)
    click(qtbot, mapping.ok_button)


def test_a_copy_of_another_dataset_is_refused_then_imported_anyway(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = start_import(qtbot, window, UCDP_2022, monkeypatch)
    click(qtbot, dialog.ok_button)
    result = finish(qtbot, window)
    held = events_by_dataset(window)["UCDP GED"]
    close(qtbot, window, result)
    before = dump(window)

    # Refused: the question names the dataset that holds the rows; Cancel keeps all.
    import_as_csv(qtbot, window, monkeypatch)
    question = open_dialog(qtbot, window, ImportAnywayDialog, timeout_ms=30_000)
    message = question.message_label.text()
    assert "“UCDP GED”" in message and f"“{AS_CSV}”" in message and "twice" in message
    assert "--force" not in message  # the window's words, not the command line's
    assert question.import_button.accessibleName()
    click(qtbot, question.cancel_button)
    qtbot.waitUntil(lambda: window.dialog is None and not window.importer.is_busy())
    assert dump(window) == before

    # Asked again and answered Import Anyway: imported under the second name.
    import_as_csv(qtbot, window, monkeypatch)
    question = open_dialog(qtbot, window, ImportAnywayDialog, timeout_ms=30_000)
    click(qtbot, question.import_button)
    result = finish(qtbot, window)
    assert result.counts_label.text().startswith(f"{held:,} added · 0 updated")
    close(qtbot, window, result)
    assert events_by_dataset(window)[AS_CSV] == held


def test_a_scope_the_import_cannot_read_is_refused_beside_the_field(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = start_import(qtbot, window, UCDP_2021, monkeypatch)
    assert dialog.scope_edit.accessibleName() and dialog.release_edit.accessibleName()
    dialog.scope_edit.setText("Ukraine 2014")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()  # stays open, saying why
    assert "country=NAME" in dialog.release_error.text()
    dialog.scope_edit.setText("")
    dialog.release_edit.setText("22.7.7")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert "not a UCDP GED version" in dialog.release_error.text()
    dialog.reject()


def test_the_release_and_scope_given_are_the_imports(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = start_import(qtbot, window, UCDP_2021, monkeypatch)
    click(qtbot, dialog.ok_button)
    close(qtbot, window, finish(qtbot, window))

    dialog = start_import(qtbot, window, UCDP_2022, monkeypatch)
    assert dialog.release_edit.isEnabled()
    assert not dialog.release_date_check.isEnabled()  # a UCDP file says its version
    dialog.release_edit.setText("23.1")
    dialog.scope_edit.setText("country=Ukraine, 2015-01-01..2023-12-31")
    click(qtbot, dialog.ok_button)
    result = finish(qtbot, window)
    release = result.findChild(QLabel, "import-release")
    assert release is not None
    assert release.text().startswith("GED 23.1, covering Ukraine, 2015-01-01..2023-12-31")
    close(qtbot, window, result)
    with window.workspace.db.engine.connect() as connection:
        withdrawn_years = connection.execute(text(
            "SELECT min(event_date) FROM battlefield_event "
            "WHERE record_status = 'withdrawn'")).scalar_one()
        current = connection.execute(text(
            "SELECT count(*) FROM battlefield_event WHERE record_status = 'current'")
        ).scalar_one()
    # 153030 (Odesa, 2 May 2014) is outside the scope given: not withdrawn.
    assert withdrawn_years is not None and str(withdrawn_years) >= "2015-01-01"
    # The status bar counts the events that count: not the withdrawn ones.
    qtbot.waitUntil(lambda: f"· {current:,} events ·" in counts_text(window))


def test_a_generic_csvs_release_date_is_asked_for(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = start_import(qtbot, window, UCDP_2022, monkeypatch)
    select_data(dialog.format_combo, ImportFormat.CSV)
    assert dialog.release_date_check.isEnabled() and not dialog.release_edit.isEnabled()
    assert not dialog.release_date_edit.isEnabled()
    dialog.release_date_check.setChecked(True)
    assert dialog.release_date_edit.isEnabled()
    dialog.release_date_edit.setDate(dialog.release_date_edit.date().fromString(
        "2023-06-01", "yyyy-MM-dd"))
    request = dialog.request()
    assert str(request.releases.release_date) == "2023-06-01"
    assert request.releases.release is None and not request.force
    dialog.reject()
