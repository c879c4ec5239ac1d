"""Chronology export of a 1M-event database to CSV, against the sqlite3 shell writing the
same rows as CSV.

    python bench/bench_export.py [--rows N] [--repeat K] [--data FILE]
                                 [--scale 100000,300000,1000000]

- tracker: ``tracker export --db DB --format csv -o OUT`` — the real command: the
  chronology (events read in date order off the (event_date, id) index, with the few
  rounds, schedule changes and factor readings merged in), each event told in words with
  its links and sources, formula-guarded cells, written atomically.
- sqlite3: ``sqlite3 -csv -header DB "SELECT ..." > OUT`` — the same events, one row
  each, in the same order (day, then id), with the same columns built by SQL string and
  date functions (the days, precision, kind, id, title, detail with the death toll,
  place, links, sources, and the event's own fields). It cannot say "24 Feb 2022" or
  look up links and sources per batch, so it is the floor: a plain dump of the same rows.

The imported database holds only events (no rounds or readings), so both write one line
per event; the line counts are checked after each run, outside the timing.

Target: tracker ≤ 1.5× the shell.

With --scale, the same comparison runs at each of those sizes too (each its own
generated file and database, cached): the scaling line of issue 19. Its summary lines
(common.SUMMARY_FIELDS) are the comparison at --rows and the scaling line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from common import (
    SUMMARY_FIELDS,
    Comparison,
    Options,
    SummaryLine,
    Target,
    acled_csv,
    comparison,
    count_data_rows,
    interleaved,
    log,
    parser,
    print_machine,
    print_table,
    run_child,
    save_results,
    sqlite3_cli,
    summary_line,
    tracker_command,
    tracker_db,
)

NAME = "export"

# The chronology's CSV columns for an event, as plain SQL (see chronology_csv.write_csv
# and chronology_text.event_entry): the days its record stands for (an ACLED week from
# its first day), no time for a day, the event's own fields in columns of their own.
REFERENCE_SQL = """
SELECT CASE date_precision WHEN 'week' THEN date(event_date, '-3 days')
         WHEN 'month' THEN date(event_date, 'start of month') ELSE event_date END AS date,
       '' AS time, '' AS time_zone, '' AS utc,
       CASE WHEN event_date_end > event_date THEN event_date_end
         WHEN date_precision = 'week' THEN date(event_date, '+3 days')
         WHEN date_precision = 'month'
           THEN date(event_date, 'start of month', '+1 month', '-1 day')
         ELSE '' END AS end_date,
       date_precision AS precision,
       event_date AS "when",
       'event' AS kind,
       id AS record_id,
       event_type || ' / ' || sub_event_type
         || CASE WHEN target_category <> '' THEN ' [' || target_category || ']' ELSE '' END
         AS title,
       summary || CASE
         WHEN fatalities IS NOT NULL AND injuries IS NOT NULL
           THEN ' (' || fatalities || ' killed, ' || injuries || ' injured)'
         WHEN fatalities IS NOT NULL THEN ' (' || fatalities || ' killed)'
         WHEN injuries IS NOT NULL THEN ' (' || injuries || ' injured)'
         ELSE '' END AS detail,
       location || CASE WHEN admin1 <> '' THEN ', ' || admin1 ELSE '' END AS place,
       '' AS links,
       'dataset ' || dataset || ', id ' || external_id AS sources,
       event_type, sub_event_type, target_category, fatalities, fatalities_low,
       fatalities_high, injuries, actor1, actor2, latitude, longitude, country, dataset,
       external_id
FROM battlefield_event
ORDER BY event_date, id
"""


def run(options: Options) -> list[Comparison]:
    csv, rows = acled_csv(options)
    db = tracker_db(options, csv)
    folder = options.work / "export"
    folder.mkdir(exist_ok=True)
    tracker_out, shell_out = folder / "tracker.csv", folder / "sqlite3.csv"

    def checked(path: Path, seconds: float) -> float:
        lines = count_data_rows(path)
        if lines != rows:
            raise SystemExit(f"{path}: {lines:,} rows, expected {rows:,}")
        path.unlink()
        return seconds

    def tracker() -> float:
        tracker_out.unlink(missing_ok=True)
        child = run_child([*tracker_command(), "export", "--db", str(db), "--format", "csv",
                           "-o", str(tracker_out)])
        return checked(tracker_out, child.seconds)

    def shell() -> float:
        child = run_child([sqlite3_cli(), "-csv", "-header", "-bail", str(db),
                           REFERENCE_SQL], stdout_path=shell_out)
        return checked(shell_out, child.seconds)

    log(f"export: {rows:,} events, {options.repeat} rounds")
    samples = interleaved({"tracker export": tracker, "sqlite3 -csv": shell},
                          options.repeat, label=f"export {rows:,} ")
    return [comparison(NAME, "tracker export --format csv", "sqlite3 -csv, same rows",
                       samples["tracker export"], samples["sqlite3 -csv"], "s",
                       Target("≤ 1.5×", max_ratio=1.5), f"{rows:,} events")]


def scaling_line(by_size: dict[int, Comparison]) -> SummaryLine:
    """One line for the sizes: the tracker's medians, the shell's, and the ratios."""
    sizes = sorted(by_size)

    def each(value: Callable[[Comparison], str]) -> str:
        return " / ".join(value(by_size[size]) for size in sizes)

    return {"what": "CSV export scaling, " + " / ".join(_size(size) for size in sizes),
            "tracker": each(lambda c: f"{c.subject_median:.2f} s"),
            "reference": "sqlite3 -csv " + each(lambda c: f"{c.reference_median:.2f} s"),
            "ratio": each(lambda c: f"{c.ratio:.2f}×"), "target": "—", "verdict": "—"}


def _size(rows: int) -> str:
    return f"{rows // 1_000_000}M" if rows % 1_000_000 == 0 else f"{rows // 1000}k"


def main() -> None:
    args_parser = parser(__doc__ or NAME)
    args_parser.add_argument("--scale", default="",
                             help="comma-separated row counts for the scaling line "
                                  "(e.g. 100000,300000,1000000); default: --rows only")
    args = args_parser.parse_args()
    options = Options.from_args(args)
    sizes = sorted({int(size) for size in args.scale.split(",") if size.strip()})
    by_size: dict[int, Comparison] = {}
    for size in sizes:
        if size != options.rows:
            by_size[size] = run(replace(options, rows=size, data=None))[0]
    results = run(options)
    main_result = results[0]
    if options.data is None:
        by_size[options.rows] = main_result
    lines = [summary_line(main_result, f"CSV export, {main_result.note}")]
    if len(by_size) > 1:
        lines.append(scaling_line(by_size))
    everything = [*results, *(by_size[size] for size in sorted(by_size)
                               if by_size[size] is not main_result)]
    print_machine()
    print_table(everything, markdown=options.markdown, title=NAME)
    for line in lines:
        print("  ".join(line[field] for field in SUMMARY_FIELDS))
    log(f"samples saved in {save_results(options, NAME, everything, lines)}")


if __name__ == "__main__":
    main()
