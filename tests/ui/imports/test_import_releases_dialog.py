"""The import dialog's "older release" checkbox (issue 17): an older UCDP release is
skipped where it differs, and said so; ticked, it overwrites."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.services.imports.test_import_real_data import differing_ids
from tests.ui.imports.test_import_dialog import (
    UCDP_2021,
    UCDP_2022,
    click,
    close,
    finish,
    start_import,
)
from tracker.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_an_older_release_is_skipped_unless_the_box_is_ticked(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = start_import(qtbot, window, UCDP_2022, monkeypatch)
    click(qtbot, dialog.ok_button)
    close(qtbot, window, finish(qtbot, window))
    older = len(differing_ids(UCDP_2022.name, UCDP_2021.name))

    dialog = start_import(qtbot, window, UCDP_2021, monkeypatch)
    assert not dialog.allow_older_check.isChecked()
    assert dialog.allow_older_check.accessibleName()
    click(qtbot, dialog.ok_button)
    result = finish(qtbot, window)
    assert f"({older:,} of an older release, skipped)" in result.counts_label.text()
    assert " 0 updated" in result.counts_label.text()
    close(qtbot, window, result)

    dialog = start_import(qtbot, window, UCDP_2021, monkeypatch)
    dialog.allow_older_check.setChecked(True)
    click(qtbot, dialog.ok_button)
    result = finish(qtbot, window)
    assert result.counts_label.text().startswith(f"0 added · {older:,} updated")
    close(qtbot, window, result)
