"""Launch to the first painted window: the app on a 1M-event database, an empty one, and a
bare PySide6 QMainWindow process.

    python bench/bench_launch.py [--rows N] [--repeat K] [--data FILE] [--display xvfb]

Each launch is a new process (harness_window.py), timed from just before the spawn to
the end of the first paint pass of the main window, so interpreter start, imports,
opening the database, building the views and their first queries all count, as for a
user. Every launch is a first launch (fresh settings folder). The database files are
in the OS page cache (warm start) for all runs; the bare window reads no database.

Targets: the app on the 1M-event database ≤ 3× the bare window, and within 10% of the
app on an empty database.
"""

from __future__ import annotations

from common import (
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

NAME = "launch"


def run(options: Options, display_kind: str = "offscreen") -> list[Comparison]:
    csv, rows = acled_csv(options)
    full = tracker_db(options, csv)
    empty = empty_tracker_db(options)
    with display(display_kind) as display_env:

        def launch(*arguments: str) -> float:
            child, facts = window_run(options, display_env, arguments)
            painted = facts["painted"]
            assert isinstance(painted, float)
            return (painted - child.started) * 1000

        cases = {
            "bare": lambda: launch("bare"),
            "app, empty DB": lambda: launch("app", str(empty)),
            "app, 1M DB": lambda: launch("app", str(full)),
        }
        log(f"launch: {rows:,} events, {options.repeat} rounds, {display_kind}")
        samples = interleaved(cases, options.repeat, warmup=True, label="launch ")
    note = f"{rows:,} events; display {display_kind}; one untimed warm-up round"
    return [
        comparison(NAME, f"launch, {rows:,}-event DB", "bare PySide6 QMainWindow",
                   samples["app, 1M DB"], samples["bare"], "ms",
                   Target("≤ 3×", max_ratio=3.0), note),
        comparison(NAME, f"launch, {rows:,}-event DB", "launch, empty DB",
                   samples["app, 1M DB"], samples["app, empty DB"], "ms",
                   Target("≤ 1.10× (within 10%)", max_ratio=1.10)),
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
