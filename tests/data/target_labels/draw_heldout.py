"""Draw the held-out events of ucdp_labels_heldout.csv (README.md says why and how).

    python3 tests/data/target_labels/draw_heldout.py > heldout_unlabelled.csv

Reproducible: the same file and seeds give the same events. It first re-draws the
development set's random stratum (seed 18, 330 of the 2022–2023 events) to prove the
draw matches ucdp_labels.csv, then leaves out every event already labelled.
"""

from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
UCDP_FILE = HERE.parent / "ucdp" / "ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv"
DEVELOPMENT = HERE / "ucdp_labels.csv"
RANDOM_SIZE = 280
RANDOM_SEED = 1818
CASUALTY_SIZE = 120
CASUALTY_SEED = 18182
# The development set's attack words (README.md), none of them a word the rules look for.
ATTACK = re.compile(r"\b(hit|struck|strike on|attack on|shelled|shelling of|explosion|"
                    r"blew up|rubble|missile|rocket|drone|damaged)", re.IGNORECASE)
# Words of harm to people, none naming an object: where civilian targets are told, and
# where a casualty is told with a place of death or care ("died in hospital").
CASUALTY = re.compile(r"\b(civilian|resident|injured|wounded|killed|died|dead|victim)",
                      re.IGNORECASE)


def _records() -> list[dict[str, str]]:
    with UCDP_FILE.open(encoding="cp1252", newline="") as stream:
        return list(csv.DictReader(stream))


def draw() -> list[tuple[str, dict[str, str]]]:
    records = _records()
    with DEVELOPMENT.open(encoding="utf-8", newline="") as stream:
        labelled = {row["id"] for row in csv.DictReader(stream)}
    war_years = [r for r in records if r["year"] in ("2022", "2023")]
    random.seed(18)
    if not all(r["id"] in labelled for r in random.sample(war_years, 330)):
        raise SystemExit("the development set's draw does not reproduce")
    random.seed(RANDOM_SEED)
    fresh = [r for r in war_years if r["id"] not in labelled]
    drawn = random.sample(fresh, RANDOM_SIZE)
    taken = labelled | {r["id"] for r in drawn}
    # Every attack-worded event of any year left over: too few remain to sample from.
    attacks = [r for r in records if r["id"] not in taken and ATTACK.search(r["source_headline"])]
    taken |= {r["id"] for r in attacks}
    random.seed(CASUALTY_SEED)
    harmed = random.sample([r for r in records if r["id"] not in taken
                            and CASUALTY.search(r["source_headline"])], CASUALTY_SIZE)
    return ([("heldout-random-2022-2023", r) for r in drawn]
            + [("heldout-enriched-all-years", r) for r in attacks]
            + [("heldout-casualty-all-years", r) for r in harmed])


def main() -> None:
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["id", "sample", "label", "headline_excerpt", "where_description"])
    for sample, record in draw():
        out.writerow([record["id"], sample, "", record["source_headline"][:240],
                      record["where_description"][:120]])


if __name__ == "__main__":
    main()
