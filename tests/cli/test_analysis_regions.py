"""Issue 17, failure 5 on the command line: ``tracker analyse --by region`` tells apart
regions of the same name in different countries ("Northern" is an admin1 of Ghana,
Uganda, Sierra Leone and Malawi), as the window's Analysis tab does."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.services.analysis_scenario import new_round
from tests.services.imports.test_import_country import NORTHERN
from tracker.cli import main
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.records import reference
from tracker.storage.database import open_database


def test_analyse_by_region_keeps_each_countrys_northern_apart(tmp_path: Path) -> None:
    path = tmp_path / "regions.db"
    db = open_database(path)
    try:
        with db.transaction() as session:  # a round on 3 Feb 2024, amid the file's days
            track = reference.create_track(session, "Regional talks")
            round_id = new_round(session, track, "Mzuzu talks",
                                 ScheduledWindow.days(date(2024, 2, 3), "UTC"))
    finally:
        db.close()
    assert main(["import", "--db", str(path), "--format", "acled", str(NORTHERN)]) == 0
    out = tmp_path / "regions.json"

    assert main(["analyse", "--db", str(path), "--round", str(round_id), "--window", "3",
                 "--by", "region", "--format", "json", "-o", str(out)]) == 0

    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    events = {(row["group"], row["phase"]): row["events"] for row in rows if row["events"]}
    # Before: 31 Jan–2 Feb; during: 3 Feb; after: 4–6 Feb (the file's rows, one a region).
    assert events == {("Northern, Ghana", "before"): 1, ("Northern, Uganda", "before"): 1,
                      ("Northern, Sierra Leone", "before"): 1,
                      ("Northern, Malawi", "during"): 1, ("Central, Malawi", "after"): 1}
