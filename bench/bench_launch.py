"""Launch: the first paint and the window fully loaded, against a bare PySide6 window.

    python bench/bench_launch.py [--rows N] [--repeat K] [--data FILE] [--display xvfb]

In-process (harness_window.py): each launch is a new process, timed from just before the
spawn to the end of the first paint pass of the main window ("first paint": the frame,
with menus, tabs and "Opening …", painted before the database layer is imported), and to
the window's ``ready`` with the views painted ("loaded"). So interpreter start, imports,
opening the database, building the views and their first queries all count, as for a
user. The bare reference is a ``QApplication`` and a ``QMainWindow``, shown and painted.

Externally (``--display xvfb`` only): the real ``tracker --db DB`` console script is
started under a private Xvfb and ``xdotool search --onlyvisible --name`` is polled (every
10 ms, for both sides) until its window is mapped (title "Negotiation Tracker") and until
its title names the database (the window attached: loaded). The bare reference is
harness_window.py's bare window, titled "bare-window". The running app is then ended.

Every launch is a first launch (fresh settings folders). The databases are in the OS page
cache (warm start) for all runs. The tracker's own modules are byte-compiled first, as an
installed copy's are (a PYTHONDONTWRITEBYTECODE environment would otherwise compile them
on every launch).

Targets (issue 19): first paint ≤ 3× the bare window; the sample database fully loaded
≤ 6× the bare window; the 1M-event database within 10% of an empty one.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from common import (
    BENCH,
    REPO,
    Comparison,
    Options,
    Samples,
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
    python,
    run_child,
    save_results,
    tracker_command,
    tracker_db,
    window_child_env,
    window_run,
)

NAME = "launch"
APP_TITLE = "Negotiation Tracker"
BARE_TITLE = "bare-window"
POLL_S = 0.01
GIVE_UP_S = 120.0


def byte_compile() -> None:
    """The tracker's modules as an installed copy has them: compiled once, not per run."""
    run_child([python(), "-m", "compileall", "-q", str(REPO / "tracker")])


def sample_db(options: Options) -> Path:
    """The 2026 sample scenario in a database of its own (`tracker sample`), made once."""
    db = options.work / "tracker_sample.db"
    if not db.exists():
        run_child([*tracker_command(), "sample", "--db", str(db)])
    return db


def in_process(options: Options, display_env: Mapping[str, str],
               databases: Mapping[str, Path]) -> dict[str, Samples]:
    """First paint and loaded times (ms) of the bare window and the app on each database."""
    paint: dict[str, Samples] = {}

    def bare() -> float:
        child, facts = window_run(options, display_env, ["bare"])
        return (float(facts["painted"]) - child.started) * 1000  # type: ignore[arg-type]

    def app(name: str, db: Path) -> Callable[[], float]:
        def launch() -> float:
            child, facts = window_run(options, display_env, ["app", str(db)])
            if facts.get("sqlalchemy_at_paint"):
                raise SystemExit("SQLAlchemy was imported before the first paint")
            painted = (float(facts["painted"]) - child.started) * 1000  # type: ignore[arg-type]
            paint.setdefault(f"{name}: first paint", Samples()).add(painted)
            return (float(facts["loaded"]) - child.started) * 1000  # type: ignore[arg-type]
        return launch

    cases: dict[str, Callable[[], float]] = {"bare": bare}
    cases.update({f"{name}: loaded": app(name, db) for name, db in databases.items()})
    samples = interleaved(cases, options.repeat, warmup=True, label="launch ")
    for values in paint.values():  # drop the warm-up's first paint
        values.values = values.values[1:]
    samples.update(paint)
    return samples


def _visible(title: str, env: Mapping[str, str]) -> bool:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title],
                           env=dict(env), capture_output=True, check=False)
    return found.returncode == 0 and bool(found.stdout.strip())


def external(options: Options, display_env: Mapping[str, str],
             databases: Mapping[str, Path]) -> dict[str, Samples]:
    """Process start to window mapped, and to the title naming the database (ms)."""
    folder = options.work / "window-home"

    def launch(command: list[str], titles: list[str]) -> list[float]:
        env = window_child_env(display_env, folder)
        started = time.monotonic()
        # The child's errors go to a file, not a pipe nobody reads (a full pipe would
        # stall it), so a window that never shows can say why.
        errors = folder / "stderr.txt"
        with errors.open("wb") as error_file:
            child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                     stderr=error_file, start_new_session=True)
        times: list[float] = []
        try:
            for title in titles:
                while not _visible(title, env):
                    if child.poll() is not None or time.monotonic() - started > GIVE_UP_S:
                        said = errors.read_text(errors="replace")[-2000:]
                        raise SystemExit(f"{' '.join(command)}: no window “{title}” "
                                         f"(exit {child.returncode}):\n{said}")
                    time.sleep(POLL_S)
                times.append((time.monotonic() - started) * 1000)
        finally:
            with contextlib.suppress(ProcessLookupError):  # it may have ended on its own
                os.killpg(child.pid, signal.SIGTERM)  # the child we started, and its own
            child.wait()
        return times

    mapped: dict[str, Samples] = {}

    def bare() -> float:
        return launch([python(), str(BENCH / "harness_window.py"), "bare"],
                      [BARE_TITLE])[0]

    def app(name: str, db: Path) -> Callable[[], float]:
        def run() -> float:
            shown, loaded = launch([*tracker_command(), "--db", str(db)],
                                   [APP_TITLE, f"{db.name} —"])
            mapped.setdefault(f"{name}: mapped", Samples()).add(shown)
            return loaded
        return run

    cases: dict[str, Callable[[], float]] = {"bare": bare}
    cases.update({f"{name}: titled": app(name, db) for name, db in databases.items()})
    samples = interleaved(cases, options.repeat, warmup=True, label="launch (xdotool) ")
    for values in mapped.values():
        values.values = values.values[1:]
    samples.update(mapped)
    return samples


WITHIN_10 = Target("≤ 1.10× (within 10%)", max_ratio=1.10)
# (what, its samples, reference, its samples, target): {big} is the big database's name.
IN_PROCESS = (
    ("first paint, {big}", "1M: first paint", "bare PySide6 QMainWindow", "bare",
     Target("≤ 3×", max_ratio=3.0)),
    ("sample fully loaded", "sample: loaded", "bare PySide6 QMainWindow", "bare",
     Target("≤ 6×", max_ratio=6.0)),
    ("fully loaded, {big}", "1M: loaded", "bare PySide6 QMainWindow", "bare", None),
    ("fully loaded, {big}", "1M: loaded", "fully loaded, empty DB", "empty: loaded",
     WITHIN_10),
    ("first paint, {big}", "1M: first paint", "first paint, empty DB", "empty: first paint",
     WITHIN_10),
)
EXTERNAL = (
    ("window mapped, {big} (external)", "1M: mapped", "bare window mapped", "bare",
     Target("≤ 3×", max_ratio=3.0)),
    ("sample titled, i.e. loaded (external)", "sample: titled", "bare window mapped", "bare",
     Target("≤ 6×", max_ratio=6.0)),
    ("titled (loaded), {big} (external)", "1M: titled", "titled, empty DB", "empty: titled",
     WITHIN_10),
)


def _comparisons(lines: tuple[tuple[str, str, str, str, Target | None], ...],
                 samples: dict[str, Samples], big: str, note: str) -> list[Comparison]:
    return [comparison(NAME, subject.format(big=big), reference, samples[subject_key],
                       samples[reference_key], "ms", target, note if index == 0 else "")
            for index, (subject, subject_key, reference, reference_key, target)
            in enumerate(lines)]


def run(options: Options, display_kind: str = "offscreen") -> list[Comparison]:
    csv, rows = acled_csv(options)
    databases = {"1M": tracker_db(options, csv), "empty": empty_tracker_db(options),
                 "sample": sample_db(options)}
    byte_compile()
    with display(display_kind) as display_env:
        log(f"launch: {rows:,} events, {options.repeat} rounds, {display_kind}")
        inside = in_process(options, display_env, databases)
        outside = external(options, display_env, databases) if display_kind == "xvfb" \
            else None
    big = f"{rows:,}-event DB"
    results = _comparisons(IN_PROCESS, inside, big, f"{rows:,} events; display "
                           f"{display_kind}; in-process; one untimed warm-up round")
    if outside is not None:
        results += _comparisons(EXTERNAL, outside, big, "xdotool under Xvfb: the real "
                                "`tracker --db` script, polled every 10 ms")
    return results


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
