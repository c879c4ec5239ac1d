"""Combo helpers: item data comes back as the very Python value that was put in."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from tracker.domain.enums import LinkKind, RoundStatus
from tracker.ui.common.forms import add_item, current_data, fill_combo, select_data


def test_enums_and_tuples_come_back_unconverted(qtbot: QtBot) -> None:
    # Plain Qt would hand back the str "held" and a list, which `is` and tuple checks miss.
    combo = QComboBox()
    qtbot.addWidget(combo)
    fill_combo(combo, [("Held", RoundStatus.HELD), ("Round 2", ("round", 2))], none_text="—")
    assert current_data(combo) is None
    assert select_data(combo, RoundStatus.HELD)
    assert current_data(combo) is RoundStatus.HELD
    assert select_data(combo, ("round", 2))
    assert current_data(combo) == ("round", 2) and isinstance(current_data(combo), tuple)


def test_fill_keeps_the_chosen_value_and_select_reports_a_missing_one(qtbot: QtBot) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    fill_combo(combo, [(kind.value, kind) for kind in LinkKind], keep=LinkKind.CITED)
    assert current_data(combo) is LinkKind.CITED
    add_item(combo, "Extra", 7)
    assert select_data(combo, 7) and combo.currentText() == "Extra"
    assert not select_data(combo, "not there")
    assert current_data(combo) == 7
