"""The target-category rule pass: its share of an import, and a pass over a whole database.

    python bench/categorise.py [--rows N] [--repeat K] [--data FILE] [--markdown]

In-process, on the synthetic ACLED file the other benchmarks use (bench/.work, written by
tests/acled_generator.py) with its notes replaced by real UCDP headlines, cycled
(``real_notes_csv``: the generator's one note template names no target):

- import: ``import_events`` into a new SQLite file, the whole import timed; the rule pass
  inside it (storage.rule_pass.suggest_targets, over the rows the import
  wrote) timed on its own. Target (issue 18): the pass is at most 25 % of the import.
- categorise: ``categorise`` over the imported database, every event re-suggested (what
  Events › Suggest Categories and ``tracker categorise`` do after a rule change),
  derived indexes and counts dropped and rebuilt as a bulk import does.

Medians of --repeat runs; on a shared two-core machine the share (same run, same
minutes) is the figure to read, not the seconds.
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from common import REPO, Options, acled_csv, log, parser, remove_database

sys.path.insert(0, str(REPO))

from tracker.io.import_formats import ImportFormat
from tracker.services.imports import importing
from tracker.services.targets.categorising import categorise
from tracker.storage import rule_pass
from tracker.storage.database import open_database

TARGET_SHARE = 0.25


UCDP_FILES = ("ucdp_ged_ukraine_2014-2023_ged221+candidate_excel_cp1252.csv",
              "ucdp_ged_ukraine_2014-2022_ged231.csv")


def real_notes_csv(csv_path: Path, rows: int, work: Path) -> Path:
    """The synthetic file with real text in its notes: UCDP's headlines (English, and
    Russian/Ukrainian in GED 23.1), cycled. The generator's one note template names no
    target at all, so the rules would rule every row out at the first look; real text
    makes them work as they do on real data."""
    path = work / f"acled_{rows}_real_notes.csv"
    if path.exists():
        return path
    headlines: list[str] = []
    for name, encoding in zip(UCDP_FILES, ("cp1252", "utf-8"), strict=True):
        with (REPO / "tests/data/ucdp" / name).open(encoding=encoding, newline="") as stream:
            headlines += [" ".join(row["source_headline"].split())
                          for row in csv.DictReader(stream) if row["source_headline"].strip()]
    log(f"writing {path} with {len(headlines):,} real headlines as notes")
    partial = path.with_suffix(".partial")
    with csv_path.open(encoding="utf-8", newline="") as source, \
            partial.open("w", encoding="utf-8", newline="") as out:
        reader = csv.reader(source)
        writer = csv.writer(out, lineterminator="\n")
        header = next(reader)
        notes = header.index("notes")
        writer.writerow(header)
        for number, row in enumerate(reader):
            row[notes] = headlines[number % len(headlines)]
            writer.writerow(row)
    partial.replace(path)
    return path


def _one_run(data: Path, db_path: Path) -> tuple[float, float, float, dict[str, int]]:
    """(import seconds, pass seconds inside it, whole-database categorise seconds, counts)."""
    remove_database(db_path)
    spent: list[float] = []
    spent_cpu: list[float] = []
    original = importing.suggest_targets

    def timed(*args: Any, **kwargs: Any) -> rule_pass.PassResult:
        started, started_cpu = time.perf_counter(), time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - started)
            spent_cpu.append(time.process_time() - started_cpu)

    importing.suggest_targets = timed
    db = open_database(db_path)
    try:
        started, started_cpu = time.perf_counter(), time.process_time()
        importing.import_events(db, data, ImportFormat.ACLED)
        import_seconds = time.perf_counter() - started
        import_cpu = time.process_time() - started_cpu
        started = time.perf_counter()
        categorise(db)
        categorise_seconds = time.perf_counter() - started
        with db.engine.connect() as connection:
            counts: dict[str, int] = dict(connection.exec_driver_sql(
                "SELECT target_category, count(*) FROM battlefield_event "
                "GROUP BY target_category").all())
    finally:
        importing.suggest_targets = original
        db.close()
        remove_database(db_path)
    log(f"CPU time of this process: import {import_cpu:.1f} s, rule pass inside it "
        f"{sum(spent_cpu):.1f} s ({sum(spent_cpu) / import_cpu:.1%})")
    return import_seconds, sum(spent), categorise_seconds, counts


def main() -> None:
    options = Options.from_args(parser(__doc__ or "").parse_args())
    generated, rows = acled_csv(options)
    data = real_notes_csv(generated, rows, options.work)
    db_path = options.work / "categorise.db"
    imports, passes, wholes = [], [], []
    counts: dict[str, int] = {}
    for run in range(options.repeat):
        log(f"run {run + 1} of {options.repeat}: importing {rows:,} rows")
        import_seconds, pass_seconds, whole_seconds, counts = _one_run(data, db_path)
        log(f"import {import_seconds:.1f} s, rule pass inside it {pass_seconds:.1f} s, "
            f"categorise over the database {whole_seconds:.1f} s")
        imports.append(import_seconds)
        passes.append(pass_seconds)
        wholes.append(whole_seconds)
    shares = [p / i for p, i in zip(passes, imports, strict=True)]
    share = statistics.median(shares)
    verdict = "met" if share <= TARGET_SHARE \
        else f"**missed** ({share / TARGET_SHARE:.1f}× the limit)"
    print(f"| what ({rows:,} ACLED events, real headlines as notes) | median (min–max) |")
    print("|---|---|")
    print(f"| import, whole | {statistics.median(imports):.1f} s "
          f"({min(imports):.1f}–{max(imports):.1f}) |")
    print(f"| rule pass inside the import | {statistics.median(passes):.1f} s "
          f"({min(passes):.1f}–{max(passes):.1f}) |")
    print(f"| pass as a share of the import | {share:.1%} ({min(shares):.1%}–{max(shares):.1%}); "
          f"target ≤ {TARGET_SHARE:.0%}: {verdict} |")
    print(f"| categorise, whole database (every event re-suggested, indexes rebuilt) | "
          f"{statistics.median(wholes):.1f} s ({min(wholes):.1f}–{max(wholes):.1f}) |")
    found = ", ".join(f"{name or 'uncategorised'} {count:,}"
                      for name, count in sorted(counts.items(), key=lambda kv: -kv[1]))
    print(f"\nCategories after the pass: {found}")


if __name__ == "__main__":
    main()
