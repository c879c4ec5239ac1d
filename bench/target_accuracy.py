"""Precision and recall of the target-category rules against hand-labelled UCDP events.

    .venv/bin/python bench/target_accuracy.py            # a Markdown table per set
    .venv/bin/python bench/target_accuracy.py --errors   # every set's errors (development data)

Imports the real UCDP file (tests/data/ucdp/, CC BY 4.0) into a fresh database, so the
figures are the whole path's: the importer's summary text, the rules, the pass. The
labels were assigned by reading each record, independently of the rules
(tests/data/target_labels/README.md), in three sets:

- **development** (ucdp_labels.csv, 480 events): the rules' first revision was read from
  its errors;
- **held-out** (ucdp_labels_heldout.csv, 432 events): labelled and committed before the
  first revision and never read for it, then read for the second revision (after which
  it is development data too);
- **second held-out** (ucdp_labels_heldout2.csv, 504 events): drawn and labelled blind
  after the second revision was frozen (tests/data/target_labels/README.md), and
  measured it: precision over all of it, recall over its recall strata only (392
  events). Then read for the third revision, so development data too.

``all`` is the three together (1,416 events), where the third revision's figures are
told; ``first two`` is the first two (912), where the second revision's were.
``--errors`` lists the errors of all three: every labelled event is development data
now, and no held-out set measures the third revision.

This script never reads the file's unlabelled events beyond importing them (only
labelled ids are compared or listed).
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
LABELS = ROOT / "tests/data/target_labels"
# The sets, by name: the first revision was read from the first, the second from both.
SETS = {"development": LABELS / "ucdp_labels.csv",
        "held-out": LABELS / "ucdp_labels_heldout.csv"}
# The second held-out set (ucdp_labels_heldout2.csv), labelled blind after the second
# revision was frozen and never read to revise it. Its precision is read over all its
# events: its precision stratum is every unread event the rules suggest one of the
# TARGETED categories for, so the set holds every such suggestion among unread events.
# Its recall is read over the recall strata alone (drawn by year and seed, not by the
# rules): the precision stratum, all suggested, would flatter recall.
SECOND = "second held-out"
SECOND_FILE = LABELS / "ucdp_labels_heldout2.csv"
SECOND_RECALL = "second held-out, recall strata"
PRECISION_STRATUM = "heldout2-suggested-2014-2023"
# Every labelled event: all three sets, each read to revise the rules (third revision).
ALL = "all"
# The first two sets: what the second revision was read from.
FIRST_TWO = "first two"
# The categories issue 18 sets targets for.
TARGETED = ("energy", "transport", "residential", "medical")


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


@dataclass(frozen=True, slots=True)
class Suggested:
    """What the import made of one event: its category, the rule, the text it read."""

    category: str
    rule: str
    summary: str


def suggestions() -> dict[str, Suggested]:
    """external id → what the import gave each event of the real UCDP file."""
    from tracker.domain.events import BattlefieldEvent
    from tracker.io.import_formats import ImportFormat
    from tracker.services.imports.importing import import_events
    from tracker.storage.database import open_database

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "accuracy.db")
        try:
            import_events(db, UCDP_FILE, ImportFormat.UCDP)
            with db.reading() as session:
                event = BattlefieldEvent
                return {row.external_id: Suggested(row.target_category, row.target_rule or "",
                                                   row.summary)
                        for row in session.execute(select(
                            event.external_id, event.target_category, event.target_rule,
                            event.summary))}
        finally:
            db.close()


def suggested_categories() -> dict[str, str]:
    """external id → the category the import gave each event of the real UCDP file."""
    return {key: found.category for key, found in suggestions().items()}


def labels(name: str = "development") -> dict[str, str]:
    """external id → the hand-given label of each event of the set *name* (or ``all``,
    ``first two``)."""
    if name == ALL:
        return {key: label for each in (FIRST_TWO, SECOND)
                for key, label in labels(each).items()}
    if name == FIRST_TWO:
        return {key: label for each in SETS for key, label in labels(each).items()}
    if name in (SECOND, SECOND_RECALL):
        with SECOND_FILE.open(encoding="utf-8", newline="") as stream:
            return {row["id"]: row["label"] for row in csv.DictReader(stream)
                    if name == SECOND or row["sample"] != PRECISION_STRATUM}
    with SETS[name].open(encoding="utf-8", newline="") as stream:
        return {row["id"]: row["label"] for row in csv.DictReader(stream)}


def scores(suggested: dict[str, str], name: str = "development") -> list[Score]:
    """Each category's support and right and wrong suggestions on the set *name*."""
    given = labels(name)
    names = sorted(set(given.values()) | {suggested[i] for i in given})
    return [Score(category, sum(label == category for label in given.values()),
                  sum(label == category and suggested[i] == category
                      for i, label in given.items()),
                  sum(label != category and suggested[i] == category
                      for i, label in given.items()))
            for category in names]


def markdown(table: list[Score]) -> str:
    def figure(value: float | None) -> str:
        return "–" if value is None else f"{value:.2f}"

    lines = ["| category | labelled | suggested right | suggested wrongly | precision | recall |",
             "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {s.category} | {s.support} | {s.true_positives} | {s.false_positives} | "
              f"{figure(s.precision)} | {figure(s.recall)} |" for s in table]
    return "\n".join(lines)


def errors(found: dict[str, Suggested], categories: tuple[str, ...] = TARGETED) -> str:
    """Every labelled set's wrong and missed suggestions of *categories*, with the rule
    and the text it read: what the rules were revised from."""
    lines = []
    for key, label in labels(ALL).items():
        said = found[key]
        if said.category != label and (said.category in categories or label in categories):
            lines.append(f"{key}\tlabel={label}\tsaid={said.category} ({said.rule})\t"
                         f"{said.summary[:300]}")
    return "\n".join(sorted(lines, key=lambda line: line.split("\t")[1:3]))


def report(found: dict[str, Suggested]) -> str:
    """Per set, a table of every category, then the targeted ones against the issue's."""
    suggested = {key: said.category for key, said in found.items()}
    parts = []
    for name in (*SETS, FIRST_TWO, SECOND, SECOND_RECALL, ALL):
        parts += [f"### {name} set ({len(labels(name))} events)", "",
                  markdown(scores(suggested, name)), ""]
    return "\n".join(parts)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    found = suggestions()
    print(errors(found) if "--errors" in sys.argv[1:] else report(found))
