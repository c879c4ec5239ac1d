"""The README's pictures of target categories, claims and the map (docs/*.png), taken from
the real window on the samples with the real UCDP GED file imported.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/readme_pictures.py

Each database is prepared as a user would: ``tracker sample`` then ``tracker import
--format ucdp`` of tests/data/ucdp/ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv
(3,883 real events, CC BY 4.0), whose targets the import suggests. The window is opened
at 1440×900 and grabbed with QWidget.grab(); pictures are saved as palette PNGs
(guide_pictures.save).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import guide_pictures
from guide_pictures import close_window, save, select_round, settle, wait_for
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter
from sqlalchemy import select

from tracker.domain.events import BattlefieldEvent
from tracker.domain.negotiation import Venue
from tracker.services.analysis.sources import SplitBy
from tracker.services.records.record_edits import edit_record
from tracker.storage.database import open_database
from tracker.ui.common import settings as options
from tracker.ui.common.settings import Settings
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.window.app import application
from tracker.ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
UCDP_FILE = ROOT / "tests" / "data" / "ucdp" / \
    "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"
TRACKER = Path(sys.executable).parent / "tracker"
# The size the window opens at on a 1600×1000 screen; 256 colours, so the twelve target
# categories keep their own (96 merged energy's amber into residential's red).
WINDOW_SIZE = (1440, 900)
WIDTH = 1440
guide_pictures.COLOURS = 256
# The 2022 talks on the Belarus–Ukraine border: the sample gives no coordinates, so the
# picture's user types them in (Edit… beside the venue), roughly where the delegations met.
BORDER_VENUE = "Belarus–Ukraine border near the Pripyat River"
BORDER_AT = (51.75, 30.0)
RING_KM = 150
RING_DAYS = (date(2022, 2, 24), date(2023, 2, 28))  # the invasion's first year
# UCDP's candidate events of September 2022 are known to the day, and many name a target.
EXCHANGE_ROUND = "Prisoner exchange mediated by Türkiye and Saudi Arabia"
EVENTS_COLUMN = 4


def prepared(folder: Path, scenario: str) -> Path:
    """A sample database with the real UCDP file imported, made by the command line."""
    path = folder / f"sample-{scenario}.db"
    subprocess.run([TRACKER, "sample", "--db", path, "--scenario", scenario], check=True)
    subprocess.run([TRACKER, "import", "--db", path, "--format", "ucdp", UCDP_FILE],
                   check=True)
    return path


def open_window(folder: Path, path: Path) -> MainWindow:
    settings = Settings.from_file(folder / "settings.ini")
    settings.set(options.DISPLAY_TIME_ZONE, "Europe/Kyiv")
    settings.set(options.USER_NAME, "Analyst")
    window = MainWindow(Workspace(open_database(path)), settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    settle(800)
    return window


def timeline_and_claims(window: MainWindow, out: Path) -> None:
    """The 2026 sample with the UCDP file: the strip by target category, fitted to
    everything; the maternity-ward strike's claims in the Events tab; the map."""
    window.show_timeline()
    window.timeline_view.canvas.fit_all()
    settle(2500)
    save(window.grab(), out / "screenshot-timeline-all.png", WIDTH)

    window.show_events()
    settle(1000)
    maternity = window.workspace.read(lambda s: s.scalar(select(BattlefieldEvent.id).where(
        BattlefieldEvent.external_id == "SAMPLE-001")))
    assert maternity is not None and window.events_view.select_event(maternity)
    # The pane below the table dragged taller, as a reader of claims would.
    splitter = window.events_view.findChild(QSplitter)
    assert splitter is not None
    splitter.setSizes([300, 460])
    wait_for(lambda: window.events_view.detail.claims.model.rowCount() == 2,
             "the maternity-ward strike's claims")
    settle(800)
    save(window.grab(), out / "screenshot-claims.png", WIDTH)

    window.show_map()
    view = window.map_view
    view.follow_box.setChecked(False)
    view.go_home()
    wait_for(lambda: view.layer() is not None, "the map's events", ms=60_000)
    settle(2000)
    save(window.grab(), out / "screenshot-map-ucdp-cells.png", WIDTH)


def analysis_and_ring(window: MainWindow, out: Path) -> None:
    """The 2022 sample with the UCDP file: Analysis split by target category around the
    rounds; the map of February–March 2022 with a ring around the border venue."""
    window.show_analysis()
    controls = window.analysis_view.controls
    controls.split_combo.setCurrentIndex(controls.split_combo.findData(SplitBy.CATEGORY.value))
    wait_for(lambda: window.analysis_view.model.rowCount() > 0, "the analysis")
    select_round(window, EXCHANGE_ROUND)
    window.show_analysis()
    window.analysis_view.table.sortByColumn(EVENTS_COLUMN, Qt.SortOrder.DescendingOrder)
    window.analysis_view.table.selectRow(0)
    settle(2000)
    save(window.grab(), out / "screenshot-analysis-targets.png", WIDTH)

    with window.workspace.db.transaction() as session:
        venue_id = session.scalar(select(Venue.id).where(Venue.name == BORDER_VENUE))
        assert venue_id is not None
        edit_record(session, "venue", venue_id,
                    {"latitude": BORDER_AT[0], "longitude": BORDER_AT[1]}, None)
    window.workspace.changed_elsewhere(Topic.ALL)
    bar = window.events_view.filter_bar
    bar.set_date_range(*RING_DAYS)  # the pickers take a range while unticked
    bar.from_check.setChecked(True)
    bar.to_check.setChecked(True)
    window.show_map()
    view = window.map_view
    view.follow_box.setChecked(False)
    settle(1500)
    rings = view.rings

    def venue_row() -> int:
        return next((row for row in range(rings.venue_box.count())
                     if BORDER_VENUE in rings.venue_box.itemText(row)), -1)

    wait_for(lambda: venue_row() >= 0, "the venue in the ring list")
    rings.venue_box.setCurrentIndex(venue_row())
    rings.radius_spin.setValue(RING_KM)
    wait_for(lambda: "150" in rings.count_label.text(), "the ring's count", ms=60_000)
    settle(2000)
    save(window.grab(), out / "screenshot-map-ring.png", WIDTH)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    app = application()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        for scenario, take in (("2026", timeline_and_claims), ("2022", analysis_and_ring)):
            window = open_window(folder, prepared(folder, scenario))
            take(window, args.out)
            close_window(window)
    app.quit()


if __name__ == "__main__":
    main()
