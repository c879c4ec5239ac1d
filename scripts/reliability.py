"""Measure the reliability figures and write them into docs/RELIABILITY.md.

    .venv/bin/python scripts/reliability.py [--trials N] [--examples E] [--seed S] [--no-write]

Runs N kill trials of each kind (an import, a schedule save, a restore; 50 by default),
then asks the other parts of the suite for their figures (tests/**/*_figures.py: conflict
trials, hypothesis examples per parser, bad inputs, bad files and extreme dates). A figure
whose provider is missing or fails is written as "not measured", never guessed. The table
goes between the markers in docs/RELIABILITY.md, with the date, the machine and the
command, and is printed.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the tests package, run from anywhere

from tests.reliability_figures import (  # noqa: E402 (needs the path above)
    KillFigures,
    edit_kill_trials,
    find_provider,
    import_kill_trials,
    restore_kill_trials,
)

DOCUMENT = ROOT / "docs" / "RELIABILITY.md"
START, END = "<!-- figures:start -->", "<!-- figures:end -->"
NOT_MEASURED = "not measured"
# More than the test suite runs (1,000–2,000 per parser, to keep CI short).
EXAMPLES = 5000

Row = tuple[str, str, str]  # figure, result, how


def _kill_row(name: str, figures: KillFigures, detail: str) -> Row:
    outcomes = ", ".join(f"{outcome}: {figures.count(outcome)}"
                         for outcome in sorted({t.outcome for t in figures.trials}))
    return (name, f"{figures.intact} of {figures.tried} intact", f"{detail} ({outcomes})")


def _provided(name: str, *args: Any) -> tuple[Any, str]:
    """The provider's result, or None and why it could not be measured."""
    provider: Callable[..., Any] | None = find_provider(name)
    if provider is None:
        return None, f"no `{name}` provider in tests/**/*_figures.py"
    try:
        return provider(*args), ""
    except Exception as exc:  # a failing provider is reported, not fatal
        traceback.print_exc()
        return None, f"`{name}` failed: {type(exc).__name__}: {exc}"


def _pair_row(figure: str, name: str, args: tuple[Any, ...], verb: str, how: str) -> Row:
    result, why = _provided(name, *args)
    if result is None:
        return figure, NOT_MEASURED, why
    tried, good = result
    return figure, f"{good} of {tried} {verb}", how


def _hypothesis_rows(examples: int) -> list[Row]:
    counts, why = _provided("hypothesis_counts", examples)
    if counts is None:
        return [("Hypothesis examples per parser", NOT_MEASURED, why)]
    return [(f"Hypothesis examples: `{parser}`", f"{examples:,}",
             "generated inputs run through the parser's property")
            for parser, examples in sorted(counts.items())]


def measure(trials: int, examples: int, seed: int, progress: Callable[[str], None],
            ) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="reliability-") as scratch:
        folder = Path(scratch)
        progress(f"import kill trials: {trials}")
        imports = import_kill_trials(trials, folder / "import", seed=seed)
        rows.append(_kill_row("Import killed (SIGKILL)", imports,
                              "20,000 ACLED rows, killed at each progress line in turn"))
        progress(f"edit kill trials: {trials}")
        edits = edit_kill_trials(trials, folder / "edit", seed=seed)
        rows.append(_kill_row("Schedule save killed (SIGKILL)", edits,
                              "reschedule in a loop, killed after the k-th save"))
        progress(f"restore kill trials: {trials}")
        restores = restore_kill_trials(trials, folder / "restore", seed=seed)
        rows.append(_kill_row("Restore killed (SIGKILL)", restores,
                              "`tracker restore` of the sample over 20,000 more tracks, "
                              "killed at a seeded moment of its run"))
    progress("conflict trials")
    rows.append(_pair_row("Concurrent-edit conflicts", "conflict_trials", (trials,),
                          "provoked were detected",
                          "two sessions save the same version of a record, going round "
                          "every kind (round schedule and details, factor, reading, "
                          "dependency, seat, venue, source, link); the second must be "
                          "refused"))
    progress(f"hypothesis examples: {examples:,} per parser")
    rows.extend(_hypothesis_rows(examples))
    progress("bad inputs")
    rows.append(_pair_row("Bad values in dialogs and parsers", "bad_inputs", (),
                          "gave the project's own clear error",
                          "invalid values fed to the validators"))
    rows.append(_pair_row("Bad database files", "bad_files", (),
                          "refused clearly, file unchanged",
                          "not-a-database, truncated and corrupt files opened"))
    progress("quadratic inputs and credential masking")
    rows.append(_pair_row("Quadratic inputs", "quadratic_inputs", (),
                          "grew linearly (4x the size, under 8x the time)",
                          "a folded iCalendar line, a message quoting a huge cell, a CSV "
                          "quote never closed; 1 MB against 4 MB, best of three"))
    rows.append(_pair_row("Credential masking", "credential_masking", (),
                          "kept the password out",
                          "five forms of a password in a PostgreSQL URL, each in the "
                          "label, the settings, a command's error and quoted text"))
    progress("extreme dates")
    rows.append(_pair_row("Extreme dates at the entries", "extreme_date_entries", (),
                          "refused with the project's own error",
                          "days in years 1, 1899, 2201, 9998 and 9999 typed as windows and "
                          "days, read from dataset rows, iCalendar events and archive rows"))
    rows.append(_pair_row("Extreme dates already stored", "extreme_date_views", (),
                          "succeeded",
                          "every export format and the analysis (around rounds, changes, "
                          "readings) of a database written before the date rule, holding "
                          "events and rounds in years 1 and 9999"))
    return rows


def table(rows: list[Row], command: str, seconds: float) -> str:
    version = sqlite3.sqlite_version
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC in {seconds:.0f} s on "
        f"{platform.system()} {platform.release()} ({platform.machine()}, "
        f"{os.cpu_count()} CPUs), Python {platform.python_version()}, SQLite {version}, "
        f"with `{command}`.",
        "",
        "| Figure | Result | How |",
        "|---|---|---|",
        *(f"| {figure} | {result} | {how} |" for figure, result, how in rows),
    ]
    return "\n".join(lines)


def write_into(document: Path, text: str) -> None:
    """Replace what lies between the markers; the rest of the document stays as it is."""
    whole = document.read_text(encoding="utf-8")
    head, start, rest = whole.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"{document} lacks the markers {START} … {END}")
    temporary = document.with_suffix(".md.tmp")
    temporary.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")
    temporary.replace(document)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=50,
                        help="kill trials of each kind, and conflicts provoked (default 50)")
    parser.add_argument("--examples", type=int, default=EXAMPLES,
                        help=f"hypothesis examples per parser (default {EXAMPLES:,})")
    parser.add_argument("--seed", type=int, default=6, help="seed of the kill points")
    parser.add_argument("--no-write", action="store_true",
                        help=f"print the table without writing {DOCUMENT.name}")
    args = parser.parse_args(argv)
    started = time.monotonic()
    rows = measure(args.trials, args.examples, args.seed,
                   lambda text: print(f"… {text}", file=sys.stderr, flush=True))
    command = ".venv/bin/python scripts/reliability.py" + (
        f" --trials {args.trials}" if args.trials != 50 else "") + (
        f" --examples {args.examples}" if args.examples != EXAMPLES else "")
    text = table(rows, command, time.monotonic() - started)
    if not args.no_write:
        write_into(DOCUMENT, text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
