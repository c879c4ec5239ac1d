"""Every benchmark in one run, on the same data, and one table of results.

    python bench/run_all.py [--rows N] [--repeat K] [--data FILE] [--display xvfb]
                            [--only import,launch,query,timeline,export,memory] [--markdown]

The import benchmark runs first: its last ``tracker import`` becomes the cached 1M-event
database the others open (bench/.work/tracker_<csv>.db, rebuilt when the CSV or a
migration changes).
"""

from __future__ import annotations

import time

import bench_export
import bench_import
import bench_launch
import bench_memory
import bench_query
import bench_timeline
from common import (
    Comparison,
    Options,
    add_display_option,
    log,
    parser,
    print_machine,
    print_table,
    save_results,
)

ORDER = ("import", "launch", "query", "timeline", "export", "memory")


def main() -> None:
    args_parser = parser(__doc__ or "run_all")
    add_display_option(args_parser)
    args_parser.add_argument("--only", default=",".join(ORDER),
                             help="comma-separated benchmarks to run (default: all)")
    args = args_parser.parse_args()
    options = Options.from_args(args)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(chosen) - set(ORDER)
    if unknown:
        raise SystemExit(f"unknown benchmarks: {', '.join(sorted(unknown))}")
    results: list[Comparison] = []
    started = time.monotonic()
    for name in ORDER:
        if name not in chosen:
            continue
        began = time.monotonic()
        if name == "import":
            found = bench_import.run(options, bench_import.scaling_for(options.rows))
        elif name == "launch":
            found = bench_launch.run(options, args.display)
        elif name == "query":
            found = bench_query.run(options)
        elif name == "timeline":
            found = bench_timeline.run(options)
        elif name == "export":
            found = bench_export.run(options)
        else:
            found = bench_memory.run(options, args.display)
        save_results(options, name, found)
        results += found
        log(f"{name} done in {time.monotonic() - began:.0f} s")
    print_machine()
    print_table(results, markdown=options.markdown,
                title=f"all benchmarks, --repeat {options.repeat} "
                      f"({time.monotonic() - started:.0f} s)")
    log(f"samples saved in {save_results(options, 'all', results)}")


if __name__ == "__main__":
    main()
