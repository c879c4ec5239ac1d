"""Draw the events of ucdp_labels_heldout2.csv, the second held-out set (README.md: why, how).

    python3 tests/data/target_labels/draw_heldout2.py recall > heldout2_unlabelled.csv
    .venv/bin/python tests/data/target_labels/draw_heldout2.py precision > suggested.csv

Reproducible: the same file and seed give the same events. It first checks that every
event of the two earlier label files is in the real file, then leaves all of them out.
The recall strata are drawn without the rules: every 2022–2023 event left, and a seeded
random sample of the 2014–2021 events left.

The precision stratum is drawn BY the rules, after their second revision was committed
and frozen: every event left (in none of the three label files, the recall strata
included) that the import suggests energy, transport, residential or medical for. It is
the whole population of such suggestions among the unread events, not a sample. The
suggested category is not printed, and the events are in file order, so the labeller
reads each record without knowing what the rules made of it. It needs the tracker
(its virtual environment): the suggestions are the import's own.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
UCDP_FILE = HERE.parent / "ucdp" / "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"
LABELLED_FILES = (HERE / "ucdp_labels.csv", HERE / "ucdp_labels_heldout.csv")
RECALL_FILE = HERE / "ucdp_labels_heldout2.csv"
WAR_YEARS = ("2022", "2023")
RANDOM_SIZE = 200
RANDOM_SEED = 1819
HEADLINE_EXCERPT = 240
WHERE_EXCERPT = 120

Drawn = list[tuple[str, dict[str, str]]]


def _records() -> list[dict[str, str]]:
    with UCDP_FILE.open(encoding="cp1252", newline="") as stream:
        return list(csv.DictReader(stream))


def _labelled(records: list[dict[str, str]]) -> set[str]:
    """The ids of both earlier label files, each checked to be an event of the real file."""
    known = {r["id"] for r in records}
    labelled: set[str] = set()
    for path in LABELLED_FILES:
        with path.open(encoding="utf-8", newline="") as stream:
            ids = {row["id"] for row in csv.DictReader(stream)}
        missing = sorted(ids - known)
        if missing:
            raise SystemExit(f"{path.name}: {len(missing)} ids not in the real file, "
                             f"e.g. {missing[:3]}")
        labelled |= ids
    return labelled


def draw_recall(records: list[dict[str, str]], labelled: set[str]) -> Drawn:
    """The recall strata: drawn by year and seed alone, never by the rules."""
    fresh = [r for r in records if r["id"] not in labelled]
    remaining_war = [r for r in fresh if r["year"] in WAR_YEARS]
    random.seed(RANDOM_SEED)
    before_war = random.sample([r for r in fresh if r["year"] not in WAR_YEARS], RANDOM_SIZE)
    return ([("heldout2-remaining-2022-2023", r) for r in remaining_war]
            + [("heldout2-random-2014-2021", r) for r in before_war])


def write(drawn: Drawn) -> None:
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["id", "sample", "headline_excerpt", "where_description"])
    for sample, record in drawn:
        out.writerow([record["id"], sample, record["source_headline"][:HEADLINE_EXCERPT],
                      record["where_description"][:WHERE_EXCERPT]])


def draw_precision(records: list[dict[str, str]], labelled: set[str]) -> Drawn:
    """Every unread event the frozen rules suggest one of the four targeted categories for."""
    sys.path.insert(0, str(HERE.parents[2] / "bench"))
    from target_accuracy import TARGETED, suggestions  # the import's own suggestions

    with RECALL_FILE.open(encoding="utf-8", newline="") as stream:
        taken = labelled | {row["id"] for row in csv.DictReader(stream)}
    suggested = suggestions()
    return [("heldout2-suggested-2014-2023", r) for r in records
            if r["id"] not in taken and suggested[r["id"]].category in TARGETED]


SUBCOMMANDS = {"recall": draw_recall, "precision": draw_precision}


def main() -> None:
    if len(sys.argv) != 2 or sys.argv[1] not in SUBCOMMANDS:
        raise SystemExit(f"usage: draw_heldout2.py {{{'|'.join(SUBCOMMANDS)}}}")
    records = _records()
    write(SUBCOMMANDS[sys.argv[1]](records, _labelled(records)))


if __name__ == "__main__":
    main()
