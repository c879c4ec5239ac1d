"""Precision and recall of the target-category rules against hand-labelled UCDP events.

    .venv/bin/python bench/target_accuracy.py            # prints the Markdown table

Imports the real UCDP file (tests/data/ucdp/, CC BY 4.0) into a fresh database, so the
figures are the whole path's: the importer's summary text, the rules, the pass. The
labels (tests/data/target_labels/ucdp_labels.csv) were assigned by reading each record,
independently of the rules (tests/data/target_labels/README.md).
"""

from __future__ import annotations

import csv
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

ROOT = Path(__file__).resolve().parent.parent
UCDP_FILE = ROOT / "tests/data/ucdp/ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"
LABELS = ROOT / "tests/data/target_labels/ucdp_labels.csv"


@dataclass(frozen=True, slots=True)
class Score:
    category: str
    support: int
    true_positives: int
    false_positives: int

    @property
    def precision(self) -> float | None:
        said = self.true_positives + self.false_positives
        return self.true_positives / said if said else None

    @property
    def recall(self) -> float | None:
        return self.true_positives / self.support if self.support else None


def suggested_categories() -> dict[str, str]:
    """external id → the category the import gave each event of the real UCDP file."""
    from tracker.domain.events import BattlefieldEvent
    from tracker.io.import_formats import ImportFormat
    from tracker.services.imports.importing import import_events
    from tracker.storage.database import open_database

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "accuracy.db")
        try:
            import_events(db, UCDP_FILE, ImportFormat.UCDP)
            with db.reading() as session:
                return {external_id: category for external_id, category in session.execute(
                    select(BattlefieldEvent.external_id, BattlefieldEvent.target_category))}
        finally:
            db.close()


def scores(suggested: dict[str, str]) -> list[Score]:
    with LABELS.open(encoding="utf-8", newline="") as stream:
        labels = {row["id"]: row["label"] for row in csv.DictReader(stream)}
    names = sorted(set(labels.values()) | {suggested[i] for i in labels})
    return [Score(name, sum(label == name for label in labels.values()),
                  sum(label == name and suggested[i] == name for i, label in labels.items()),
                  sum(label != name and suggested[i] == name for i, label in labels.items()))
            for name in names]


def markdown(table: list[Score]) -> str:
    def figure(value: float | None) -> str:
        return "–" if value is None else f"{value:.2f}"

    lines = ["| category | labelled | suggested right | suggested wrongly | precision | recall |",
             "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {s.category} | {s.support} | {s.true_positives} | {s.false_positives} | "
              f"{figure(s.precision)} | {figure(s.recall)} |" for s in table]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(markdown(scores(suggested_categories())))
