"""Peak memory: the app on a 1M-event database with the Events table scrolled to its end,
against a bare PySide6 window process.

    python bench/bench_memory.py [--rows N] [--repeat K] [--data FILE] [--display xvfb]

Each side is its own process (harness_window.py), and its peak resident set size
(``ru_maxrss``) is read when the parent reaps it with ``os.wait4``, so it is that one
process's peak over its whole life: interpreter, Qt, SQLAlchemy, SQLite's page cache,
the model's cached pages. The app run opens the window as a user would, switches to the
Events tab, scrolls the table to the last row and repaints it (which fetches the last
page); the harness checks that the last page was indeed fetched. The bare window is
shown and painted once. The app on an empty database is measured too, for context.

The app is started exactly as ``tracker --db DB`` starts: harness_window.py imports
tracker.cli first and PySide6 only through the window module, as the command does (it
used to import PySide6 first, and PySide6 then read and kept the source of every module
imported after it: about 20 MiB more than the real command, issue 19). The tracker's
modules are byte-compiled first, as an installed copy's are.

Target: the app, 1M events, scrolled to the end ≤ 2.5× the bare window.
"""

from __future__ import annotations

from bench_launch import byte_compile
from common import (
    MIB,
    Comparison,
    Options,
    Target,
    acled_csv,
    add_display_option,
    comparison,
    display,
    empty_tracker_db,
    interleaved,
    log,
    parser,
    print_machine,
    print_table,
    save_results,
    tracker_db,
    window_run,
)

NAME = "memory"


def run(options: Options, display_kind: str = "offscreen") -> list[Comparison]:
    csv, rows = acled_csv(options)
    full = tracker_db(options, csv)
    empty = empty_tracker_db(options)
    byte_compile()
    with display(display_kind) as display_env:

        def peak(*arguments: str, events: int | None = None) -> float:
            child, facts = window_run(options, display_env, arguments)
            if events is not None and (facts.get("rows") != events
                                       or not facts.get("last_page_fetched")):
                raise SystemExit(f"the table was not scrolled to its end: {facts}")
            return child.max_rss_bytes / MIB

        cases = {
            "bare": lambda: peak("bare"),
            "app, empty DB": lambda: peak("app", str(empty), "--scroll-end", events=0),
            "app, 1M DB, scrolled": lambda: peak("app", str(full), "--scroll-end",
                                                   events=rows),
        }
        log(f"memory: {rows:,} events, {options.repeat} rounds, {display_kind}")
        samples = interleaved(cases, options.repeat, label="memory ")
    note = f"{rows:,} events; display {display_kind}; peak RSS of each process (wait4)"
    return [
        comparison(NAME, f"peak RSS, {rows:,}-event DB, scrolled to end",
                   "bare PySide6 QMainWindow", samples["app, 1M DB, scrolled"],
                   samples["bare"], "MiB", Target("≤ 2.5×", max_ratio=2.5), note),
        comparison(NAME, f"peak RSS, {rows:,}-event DB, scrolled to end",
                   "app, empty DB", samples["app, 1M DB, scrolled"],
                   samples["app, empty DB"], "MiB", None, "context: what the events cost"),
    ]


def main() -> None:
    args_parser = parser(__doc__ or NAME)
    add_display_option(args_parser)
    args = args_parser.parse_args()
    options = Options.from_args(args)
    results = run(options, args.display)
    print_machine()
    print_table(results, markdown=options.markdown, title=NAME)
    log(f"samples saved in {save_results(options, NAME, results)}")


if __name__ == "__main__":
    main()
