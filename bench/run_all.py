"""Every benchmark in one run, on the same data, and one table of results (issue 19).

    python bench/run_all.py [--rows N] [--repeat K] [--data FILE] [--display xvfb]
                            [--only import,import_pg,launch,memory,query,timeline,export]
                            [--pg-rows 300000] [--scale 100000,300000] [--markdown]

Each benchmark runs as its own process (``python bench/bench_<name>.py`` with the shared
options; the launch benchmark with five times the rounds, see ``Bench.rounds_per_repeat``),
so a script that changes or fails does not take the others down. Each leaves
``<work>/results_<name>.json``; this reads its ``summary_lines`` (see common.py,
SUMMARY_FIELDS: what, tracker, reference, ratio, target, verdict), or, from a script that
writes none, one line per comparison in its ``results``. A benchmark whose script is
missing is said so; one that fails gets a FAILED line.

The import benchmark runs first: its ``tracker import`` of the --rows file is the cached
database the others open (bench/.work/tracker_<csv>.db, rebuilt when the CSV or a
migration changes). PostgreSQL runs at --pg-rows (300k: issue 19's line). The scaling
lines run import and export at each --scale size too, besides --rows.
"""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass

from bench_import_pg import pg_bin
from common import (
    BENCH,
    SUMMARY_FIELDS,
    Comparison,
    Options,
    SummaryLine,
    Target,
    add_display_option,
    log,
    machine,
    parser,
    print_markdown,
    python,
    summary_line,
)

DEFAULT_SCALE = "100000,300000"
DEFAULT_PG_ROWS = 300_000


@dataclass(frozen=True)
class Bench:
    """One script: its name (bench_<name>.py, results_<name>.json) and what it takes."""

    name: str
    display: bool = False  # takes --display (a window is opened)
    rows: int | None = None  # runs at this many rows, whatever --rows says
    scaled: bool = False  # its results at each --scale size make a scaling line
    # Rounds for each --repeat. A launch takes under a second, and on the shared two-core
    # machine the fastest and slowest of a series differ by half (the bare window alone
    # ran 146–227 ms in one series of eight), so the median of 3 cannot decide its lines
    # "within 10% of an empty database": runs in the same hour met and missed them with
    # the same code (bench/README.md, the fourteenth run). Five times the rounds cost
    # about two minutes; the scripts whose round takes a minute keep --repeat.
    rounds_per_repeat: int = 1

    def rounds(self, repeat: int) -> int:
        """The rounds it runs for run_all's --repeat."""
        return repeat * self.rounds_per_repeat


BENCHES = (
    Bench("import", scaled=True),
    Bench("import_pg", rows=DEFAULT_PG_ROWS),
    Bench("launch", display=True, rounds_per_repeat=5),
    Bench("memory", display=True),
    Bench("query"),
    Bench("timeline"),
    Bench("export", scaled=True),
)
ORDER = tuple(bench.name for bench in BENCHES)


def _command(bench: Bench, options: Options, rows: int, display: str,
             scale: Sequence[int]) -> list[str]:
    command = [python(), str(BENCH / f"bench_{bench.name}.py"), "--rows", str(rows),
               "--repeat", str(bench.rounds(options.repeat)),
               "--work", str(options.work)]
    if options.data is not None and bench.rows is None:
        command += ["--data", str(options.data)]
    if bench.display:
        command += ["--display", display]
    if bench.name == "export" and scale:  # export's own scaling line (bench_export --scale)
        command += ["--scale", ",".join(str(size) for size in [*scale, rows])]
    return command


def _results(options: Options, name: str, since: float) -> dict[str, object] | None:
    """The script's results JSON, if it wrote one in this run."""
    path = options.work / f"results_{name}.json"
    if not path.exists() or path.stat().st_mtime < since:
        return None
    found: dict[str, object] = json.loads(path.read_text())
    return found


def _comparisons(data: dict[str, object]) -> list[Comparison]:
    found = []
    raw_results = data.get("results")
    for raw in raw_results if isinstance(raw_results, list) else []:
        fields = {key: value for key, value in dict(raw).items()
                  if key in Comparison.__dataclass_fields__}
        target = fields.get("target")
        fields["target"] = Target(**target) if isinstance(target, dict) else None
        found.append(Comparison(**fields))
    return found


def _lines(data: dict[str, object]) -> list[SummaryLine]:
    """Its summary lines; from its comparisons where it wrote none."""
    written = data.get("summary_lines")
    if isinstance(written, list):
        return [{field: str(line.get(field, "")) for field in SUMMARY_FIELDS}
                for line in written]
    return [summary_line(result) for result in _comparisons(data)]


def _failed(what: str, why: str) -> SummaryLine:
    return {"what": what, "tracker": "", "reference": "", "ratio": "", "target": "",
            "verdict": why}


def _run(bench: Bench, options: Options, rows: int, display: str,
         scale: Sequence[int]) -> tuple[list[SummaryLine], list[Comparison]]:
    """Run one script at *rows*; its summary lines and comparisons."""
    script = BENCH / f"bench_{bench.name}.py"
    label = f"{bench.name} at {rows:,} rows"
    if not script.exists():
        return [_failed(label, f"not run: {script.name} is not in this checkout")], []
    started = time.time()
    log(f"{label}: {' '.join(_command(bench, options, rows, display, scale)[1:])}")
    output = options.work / f"run_all_{bench.name}_{rows}.out"
    with output.open("w") as out:
        done = subprocess.run(_command(bench, options, rows, display, scale), stdout=out,
                              check=False)
    data = _results(options, bench.name, started)
    if done.returncode != 0 or data is None:
        why = f"exit {done.returncode}" if done.returncode else "no results written"
        return [_failed(label, f"FAILED ({why}; see {output.name})")], []
    return _lines(data), _comparisons(data)


def _scaling_line(name: str, by_size: dict[int, Comparison]) -> SummaryLine:
    """The tracker's first comparison at each size, side by side."""
    sizes = sorted(by_size)

    def size_text(rows: int) -> str:
        return f"{rows / 1_000_000:g}M" if rows >= 1_000_000 else f"{rows // 1000}k"

    def each(values: list[str]) -> str:
        return " / ".join(values)

    first = by_size[sizes[0]]
    return {
        "what": f"{name} scaling, {each([size_text(size) for size in sizes])}",
        "tracker": each([f"{by_size[size].subject_median:.2f} {first.unit}" for size in sizes]),
        "reference": f"{first.reference} " + each(
            [f"{by_size[size].reference_median:.2f} {first.unit}" for size in sizes]),
        "ratio": each([f"{by_size[size].ratio:.2f}×" for size in sizes]),
        "target": "—", "verdict": "—"}


def _more_rounds(repeat: int, chosen: Sequence[str]) -> str:
    """What the title adds for the scripts run with more rounds: " (launch: 15 rounds)"."""
    more = [f"{bench.name}: {bench.rounds(repeat)} rounds" for bench in BENCHES
            if bench.name in chosen and bench.rounds_per_repeat != 1]
    return f" ({', '.join(more)})" if more else ""


def print_summary(lines: Sequence[SummaryLine], *, markdown: bool, title: str) -> None:
    headings = list(SUMMARY_FIELDS)
    rows = [[line[field] for field in headings] for line in lines]
    print(f"\n{title}")
    widths = [max(len(row[i]) for row in [headings, *rows]) for i in range(len(headings))]
    for row in [headings, ["-" * width for width in widths], *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    if markdown:
        print_markdown(headings, rows)


def _postgresql_version() -> str:
    try:
        server = pg_bin() / "postgres"
    except SystemExit:
        return "absent"
    done = subprocess.run([str(server), "--version"], capture_output=True, text=True,
                          check=False)
    return done.stdout.strip() or "?"


def main() -> None:
    args_parser = parser(__doc__ or "run_all")
    add_display_option(args_parser)
    args_parser.add_argument("--only", default=",".join(ORDER),
                             help="comma-separated benchmarks to run (default: all)")
    args_parser.add_argument("--pg-rows", type=int, default=DEFAULT_PG_ROWS,
                             help="rows for the PostgreSQL import (default %(default)s)")
    args_parser.add_argument("--scale", default=DEFAULT_SCALE,
                             help="other row counts for the import and export scaling "
                                  "lines, besides --rows (default %(default)s; '' for none)")
    args = args_parser.parse_args()
    options = Options.from_args(args)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(chosen) - set(ORDER)
    if unknown:
        raise SystemExit(f"unknown benchmarks: {', '.join(sorted(unknown))}")
    scale = sorted({int(size) for size in args.scale.split(",") if size.strip()}
                   - {options.rows})
    lines: list[SummaryLine] = []
    started = time.monotonic()
    for bench in BENCHES:
        if bench.name not in chosen:
            continue
        began = time.monotonic()
        rows = args.pg_rows if bench.name == "import_pg" else bench.rows or options.rows
        if bench.name == "import" and scale:
            # Smaller sizes first; the --rows run last leaves its database for the others.
            by_size: dict[int, Comparison] = {}
            for size in scale:
                _lines_here, found = _run(bench, options, size, args.display, ())
                if found:
                    by_size[size] = found[0]
            found_lines, found = _run(bench, options, rows, args.display, ())
            lines += found_lines
            if found:
                by_size[rows] = found[0]
            if len(by_size) > 1:
                lines.append(_scaling_line("import", by_size))
        else:
            found_lines, _found = _run(bench, options, rows, args.display, scale)
            lines += found_lines
        log(f"{bench.name} done in {time.monotonic() - began:.0f} s")
    facts = machine() | {"postgresql": _postgresql_version()}
    print("machine: " + ", ".join(f"{key} {value}" for key, value in facts.items()))
    print_summary(lines, markdown=options.markdown,
                  title=f"all benchmarks, --rows {options.rows:,}, --repeat {options.repeat}"
                        f"{_more_rounds(options.repeat, chosen)} "
                        f"({time.monotonic() - started:.0f} s)")
    path = options.work / "results_all.json"
    path.write_text(json.dumps({"machine": facts, "summary_lines": lines}, indent=1))
    log(f"summary saved in {path}")


if __name__ == "__main__":
    main()
