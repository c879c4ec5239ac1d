"""What every benchmark shares: the data, running children, medians, and the results table.

Speed is shown side by side, in one run, on the same data: each script times the tracker
and a reference anyone can install (the sqlite3 CLI, pandas, a bare PySide6 window), in
turn, repeat after repeat (A B, B A ..., so a noisy neighbour slows both), and prints
medians and their ratio. One absolute time on a shared two-core machine proves nothing;
the ratio measured in the same minutes does.

Stdlib only (the scripts that need pandas or Qt import them in their own children).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DEFAULT_WORK = BENCH / ".work"
DEFAULT_ROWS = 1_000_000
DEFAULT_REPEAT = 5
MIB = 1024 * 1024


# -- options -----------------------------------------------------------------------------

def parser(description: str) -> argparse.ArgumentParser:
    """The options every script takes."""
    result = argparse.ArgumentParser(description=description)
    result.add_argument("--rows", type=int, default=DEFAULT_ROWS,
                        help="synthetic ACLED rows to generate (default %(default)s)")
    result.add_argument("--repeat", type=int, default=DEFAULT_REPEAT,
                        help="timed runs of each side; medians are quoted (default "
                             "%(default)s)")
    result.add_argument("--data", type=Path,
                        help="an existing ACLED CSV to use instead of generating --rows rows "
                             "(its own row count is then used)")
    result.add_argument("--work", type=Path, default=DEFAULT_WORK,
                        help="where data, databases and outputs are cached "
                             "(default bench/.work, git-ignored)")
    result.add_argument("--markdown", action="store_true",
                        help="also print the results as a Markdown table")
    return result


@dataclass(frozen=True)
class Options:
    rows: int
    repeat: int
    data: Path | None
    work: Path
    markdown: bool

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Options:
        if args.repeat < 1:
            raise SystemExit("--repeat must be at least 1")
        work = Path(args.work).resolve()
        work.mkdir(parents=True, exist_ok=True)
        return cls(rows=args.rows, repeat=args.repeat,
                   data=Path(args.data).resolve() if args.data else None, work=work,
                   markdown=args.markdown)


def log(message: str) -> None:
    """Progress on standard error, so standard output holds only the results."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- programs ----------------------------------------------------------------------------

def python() -> str:
    """The interpreter running the benchmark (the project's .venv)."""
    return sys.executable


def tracker_command() -> list[str]:
    """The ``tracker`` console script installed beside this interpreter (what users run)."""
    script = Path(sys.executable).parent / "tracker"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tracker"]


def need_pandas() -> None:
    """Stop with one line when pandas, a reference of the import benchmark, is missing
    (it is in the bench extra, which ``make`` does not install): otherwise each import
    size ends in the child's traceback."""
    if importlib.util.find_spec("pandas") is None:
        raise SystemExit("pandas is needed as a reference: "
                         f"{python()} -m pip install -e '.[bench]'")


def sqlite3_cli() -> str:
    found = shutil.which("sqlite3")
    if found is None:
        raise SystemExit("the sqlite3 command-line shell is needed as a reference "
                         "(apt-get install sqlite3)")
    return found


# The tests' ACLED generator (vendored from the team's shared/tools/gen_acled.py, same
# seed, same bytes), run as a script so the bench stays stdlib-only and needs nothing
# outside the repository.
ACLED_GENERATOR = REPO / "tests" / "acled_generator.py"


# -- data --------------------------------------------------------------------------------

def count_data_rows(path: Path) -> int:
    """Records in a generated CSV: its lines less the header (no field holds a newline)."""
    lines = 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(MIB), b""):
            lines += block.count(b"\n")
    return max(0, lines - 1)


def acled_csv(options: Options) -> tuple[Path, int]:
    """The ACLED file to use and its row count: --data, or N rows generated and cached."""
    if options.data is not None:
        if not options.data.is_file():
            raise SystemExit(f"--data {options.data}: no such file")
        rows = count_data_rows(options.data)
        if rows != options.rows:
            log(f"{options.data} holds {rows:,} rows (not --rows {options.rows:,}); "
                "using its own count")
        return options.data, rows
    path = options.work / f"acled_{options.rows}.csv"
    if not path.exists():
        log(f"generating {options.rows:,} ACLED rows into {path}")
        partial = path.with_suffix(".csv.partial")
        with partial.open("w", encoding="utf-8", newline="") as out:
            subprocess.run([python(), str(ACLED_GENERATOR), str(options.rows)],
                           stdout=out, check=True)
        os.replace(partial, path)
    return path, options.rows


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# What shapes a built database besides the migrations: how its derived structures are
# built (the full-text index's segments, the counts).
_BUILD_MODULES = ("derived_structures.py", "deferred_build.py", "full_text_build.py",
                  "day_counts.py", "map_cells.py")


def _schema_fingerprint() -> str:
    """Changes when a migration, or the way a bulk import builds the derived structures,
    is added or edited: a cached database is then rebuilt."""
    digest = hashlib.sha256()
    storage = REPO / "tracker" / "storage"
    for path in [*sorted((storage / "migrations" / "versions").glob("*.py")),
                 *(storage / name for name in _BUILD_MODULES)]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _data_identity(csv: Path) -> dict[str, object]:
    stat = csv.stat()
    return {"csv": str(csv), "size": stat.st_size, "mtime": int(stat.st_mtime),
            "schema": _schema_fingerprint()}


def _stamp(db: Path) -> Path:
    return db.with_name(db.name + ".stamp.json")


def cached_tracker_db(options: Options, csv: Path) -> Path:
    """Where the tracker database imported from *csv* is cached."""
    return options.work / f"tracker_{csv.stem}.db"


def tracker_db_is_current(db: Path, csv: Path) -> bool:
    stamp = _stamp(db)
    if not (db.exists() and stamp.exists()):
        return False
    try:
        return bool(json.loads(stamp.read_text()) == _data_identity(csv))
    except (OSError, ValueError):
        return False


def adopt_tracker_db(db: Path, csv: Path, built: Path) -> None:
    """Keep *built* (a finished ``tracker import`` of *csv*) as the cached database."""
    remove_database(db)
    os.replace(built, db)
    _stamp(db).write_text(json.dumps(_data_identity(csv)))


def tracker_db(options: Options, csv: Path) -> Path:
    """A tracker database holding *csv*, imported by ``tracker import`` once and cached."""
    db = cached_tracker_db(options, csv)
    if tracker_db_is_current(db, csv):
        return db
    log(f"importing {csv.name} into {db.name} (cached for the next runs)")
    building = db.with_name(db.name + ".building")
    remove_database(building)
    run_child([*tracker_command(), "import", "--db", str(building), "--format", "acled",
               str(csv)])
    adopt_tracker_db(db, csv, building)
    return db


def empty_tracker_db(options: Options) -> Path:
    """A migrated tracker database without events, as the app creates a new one."""
    db = options.work / "tracker_empty.db"
    stamp = _stamp(db)
    fingerprint = _schema_fingerprint()
    if db.exists() and stamp.exists() and stamp.read_text() == fingerprint:
        return db
    remove_database(db)
    code = ("import sys; from tracker.storage.database import open_database; "
            "open_database(sys.argv[1]).close()")
    run_child([python(), "-c", code, str(db)])
    stamp.write_text(fingerprint)
    return db


def table_rows(db: Path, table: str) -> int:
    """Rows in *table*: a check, outside the timings, that a run did all its work."""
    import sqlite3

    with sqlite3.connect(db) as connection:
        return int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


# -- running children --------------------------------------------------------------------

@dataclass(frozen=True)
class ChildRun:
    """One child process: wall time from spawn to exit, CPU time, peak resident memory."""

    seconds: float
    cpu_seconds: float
    max_rss_bytes: int
    returncode: int
    stdout: str
    stderr: str
    started: float  # time.monotonic() just before the spawn


class ChildFailed(RuntimeError):
    pass


# The small process that starts each measured command and reaps it with os.wait4. On
# Linux a child's ru_maxrss starts from the peak of the memory image it was exec'ed from
# (exec keeps the old image's high-water mark, and vfork/posix_spawn exec from the
# parent's): started straight from this benchmark process, which may hold SQLAlchemy
# and the tracker after bench_query, a bare Qt window would report the benchmark's own
# size. Started from a bare `python -I -S` (about 9 MiB, measured as "spawner floor"
# in the README), each command's peak is its own. The spawner writes JSON to argv[1].
_SPAWNER = """
import json, os, sys, time
started = time.monotonic()
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)
_pid, status, usage = os.wait4(pid, 0)
seconds = time.monotonic() - started
with open(sys.argv[1], "w") as out:
    json.dump({"started": started, "seconds": seconds, "status": status,
               "cpu": usage.ru_utime + usage.ru_stime, "maxrss_kib": usage.ru_maxrss}, out)
"""


def run_child(
    command: Sequence[str], *, env: Mapping[str, str] | None = None,
    stdout_path: Path | None = None, stdin_text: str | None = None,
    ok_codes: Sequence[int] = (0,), cwd: Path | None = None,
) -> ChildRun:
    """Run *command* to its end and measure it alone: wall time, CPU time, peak RSS.

    The command is started and reaped by a tiny spawner process (see _SPAWNER) with
    ``os.wait4``, whose resource usage belongs to that one child (and the children it
    waited for), not the running maximum over all children that
    ``getrusage(RUSAGE_CHILDREN)`` gives. Output goes to files, never to a pipe, so
    nothing blocks and nothing is held in memory.
    """
    full_env = dict(os.environ if env is None else env)
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        out_path = stdout_path or Path(scratch) / "stdout"
        err_path = Path(scratch) / "stderr"
        in_path = Path(scratch) / "stdin"
        facts_path = Path(scratch) / "facts.json"
        in_path.write_text(stdin_text or "")
        with out_path.open("wb") as out, err_path.open("wb") as err, \
                in_path.open("rb") as inp:
            spawner = subprocess.run(
                [sys.executable, "-I", "-S", "-c", _SPAWNER, str(facts_path), *command],
                stdin=inp, stdout=out, stderr=err, env=full_env, cwd=cwd, check=False)
        stdout = "" if stdout_path else out_path.read_text(errors="replace")
        stderr = err_path.read_text(errors="replace")
        if spawner.returncode != 0 or not facts_path.exists():
            raise ChildFailed(f"could not run {' '.join(command)}:\n{stderr[-3000:]}")
        facts = json.loads(facts_path.read_text())
    run = ChildRun(seconds=facts["seconds"], cpu_seconds=facts["cpu"],
                   max_rss_bytes=facts["maxrss_kib"] * 1024,  # Linux reports KiB
                   returncode=os.waitstatus_to_exitcode(facts["status"]), stdout=stdout,
                   stderr=stderr, started=facts["started"])
    if run.returncode not in ok_codes:
        raise ChildFailed(f"{' '.join(command)} exited {run.returncode}:\n"
                          f"{stderr[-3000:]}\n{stdout[-2000:]}")
    return run


# -- repeats and medians -----------------------------------------------------------------

@dataclass
class Samples:
    """Measurements of one side of a comparison, in its unit (seconds, bytes...)."""

    values: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.values.append(value)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def high(self) -> float:
        return max(self.values)


def balanced_orders(count: int) -> list[list[int]]:
    """Orders of *count* cases in which, over the whole list, each case runs right after
    each other case equally often (a Williams design): *count* orders for an even count,
    twice that for an odd one. For 4: 0 1 3 2, 1 2 0 3, 2 3 1 0, 3 0 2 1. For an odd
    count each order is followed by its reverse, so that a few rounds (``--repeat 3``
    of three cases) already see most pairs, not rotations of one sequence."""
    first, low, high = [0], 1, count - 1
    while len(first) < count:
        first.append(low)
        low += 1
        if len(first) < count:
            first.append(high)
            high -= 1
    orders = [[(case + shift) % count for case in first] for shift in range(count)]
    if count % 2 == 0:
        return orders
    return [each for order in orders for each in (order, order[::-1])]


def interleaved(cases: Mapping[str, Callable[[], float]], repeat: int, *,
                warmup: bool = False, label: str = "") -> dict[str, Samples]:
    """Run every case once per round, *repeat* rounds, in balanced orders; their samples.

    Interleaving spreads the machine's slow moments over all sides instead of one. The
    orders (``balanced_orders``) keep any side from always running right after the same
    one, so what a run leaves behind (freed memory, the page cache, the disk still
    writing) weighs on every side alike: with one fixed order, the launch benchmark's
    1M database always ran right after the bare window (bench/README.md, the sixteenth
    run). With *warmup*, one untimed round first (page cache, pools).
    """
    samples = {name: Samples() for name in cases}
    if warmup:
        for name, case in cases.items():
            log(f"{label}warm-up: {name}")
            case()
    names = list(cases)
    orders = balanced_orders(len(names)) or [[]]  # no cases: rounds of nothing
    for round_number in range(1, repeat + 1):
        for index in orders[(round_number - 1) % len(orders)]:
            name = names[index]
            value = cases[name]()
            samples[name].add(value)
            log(f"{label}{round_number}/{repeat} {name}: {value:.4g}")
    return samples


# -- results -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    """What "met" means: a ratio limit, an absolute limit, or strictly faster."""

    text: str
    max_ratio: float | None = None
    max_value: float | None = None  # in the comparison's unit
    below_one: bool = False  # "faster": ratio < 1

    def verdict(self, ratio: float, value: float) -> tuple[bool, str]:
        """(met, how far from the limit, in words)."""
        notes: list[str] = []
        met = True
        if self.max_ratio is not None:
            margin = ratio / self.max_ratio - 1
            met &= margin <= 0
            notes.append(f"ratio {_over_under(margin)}")
        if self.max_value is not None:
            margin = value / self.max_value - 1
            met &= margin <= 0
            notes.append(f"value {_over_under(margin)}")
        if self.below_one:
            margin = ratio - 1
            met &= margin < 0
            notes.append(f"{abs(margin):.0%} {'faster' if margin < 0 else 'slower'}")
        return met, "; ".join(notes)


def _over_under(margin: float) -> str:
    if margin >= 1:
        return f"{margin + 1:.1f}× the limit"
    if margin > 0:
        return f"{margin:.1%} over the limit" if margin < 0.1 else f"{margin:.0%} over the limit"
    return f"{-margin:.0%} under the limit"


@dataclass(frozen=True)
class Comparison:
    """The tracker against a reference, on the same data in the same run."""

    bench: str
    subject: str
    reference: str
    subject_values: list[float]
    reference_values: list[float]
    unit: str  # "s", "ms" or "MiB": how the values are shown
    target: Target | None
    note: str = ""

    @property
    def subject_median(self) -> float:
        return statistics.median(self.subject_values)

    @property
    def reference_median(self) -> float:
        return statistics.median(self.reference_values)

    @property
    def ratio(self) -> float:
        return self.subject_median / self.reference_median if self.reference_median else \
            float("inf")

    def verdict(self) -> tuple[bool | None, str]:
        if self.target is None:
            return None, "(no target)"
        return self.target.verdict(self.ratio, self.subject_median)

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data.update(subject_median=self.subject_median,
                    reference_median=self.reference_median, ratio=self.ratio)
        return data


def comparison(bench: str, subject: str, reference: str, subject_samples: Samples,
               reference_samples: Samples, unit: str, target: Target | None,
               note: str = "") -> Comparison:
    return Comparison(bench, subject, reference, list(subject_samples.values),
                      list(reference_samples.values), unit, target, note)


def _show(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def _spread(values: list[float], unit: str) -> str:
    return f"{_show(min(values), unit)}–{_show(max(values), unit)}" if len(values) > 1 else ""


def _cells(result: Comparison) -> list[str]:
    met, how = result.verdict()
    verdict = "—" if met is None else ("met" if met else "MISSED")
    return [
        result.subject,
        _show(result.subject_median, result.unit),
        result.reference,
        _show(result.reference_median, result.unit),
        f"{result.ratio:.2f}×",
        result.target.text if result.target else "—",
        f"{verdict} ({how})" if met is not None else verdict,
    ]


HEADINGS = ["tracker", "median", "reference", "median", "ratio", "target", "verdict"]


def print_table(results: Sequence[Comparison], *, markdown: bool = False,
                title: str = "") -> None:
    """Medians, ratio, target and verdict; the spread (min–max) of every side below."""
    rows = [_cells(result) for result in results]
    if title:
        print(f"\n{title}")
    widths = [max(len(row[i]) for row in [HEADINGS, *rows]) for i in range(len(HEADINGS))]
    print("  ".join(h.ljust(w) for h, w in zip(HEADINGS, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    print()
    for result in results:
        print(f"  {result.subject}: {len(result.subject_values)} runs "
              f"{_spread(result.subject_values, result.unit)}; {result.reference}: "
              f"{_spread(result.reference_values, result.unit)}"
              + (f"  [{result.note}]" if result.note else ""))
    if markdown:
        print_markdown(HEADINGS, rows)


def print_markdown(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A table as Markdown, after an empty line (for the README)."""
    print()
    print("| " + " | ".join(headings) + " |")
    print("|" + "---|" * len(headings))
    for row in rows:
        print("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")


# -- summary lines: what run_all.py prints, read from every script's results JSON ------
#
# results_<name>.json holds, beside "machine", "when" and "results" (the raw samples),
# "summary_lines": a list of objects with these six string fields, display-ready:
#   what       the line of the table ("CSV export, 1,000,000 events")
#   tracker    the tracker's median with its unit ("14.2 s")
#   reference  what it is compared with, and its median ("sqlite3 -csv, same rows 7.6 s")
#   ratio      tracker / reference ("1.87×"), or "" where there is none
#   target     the target ("≤ 1.5×"), or "—"
#   verdict    "met", "MISSED (…)", or "—" (no target: a figure to know, a scaling line)
# save_results() writes one line per Comparison unless a script passes its own lines
# (a scaling line, a floor), so a script that only calls save_results is covered.
SUMMARY_FIELDS = ("what", "tracker", "reference", "ratio", "target", "verdict")
SummaryLine = dict[str, str]


def summary_line(result: Comparison, what: str = "") -> SummaryLine:
    """The summary line of *result*: *what* names it (default: its subject)."""
    subject, tracker, reference, reference_median, ratio, target, verdict = _cells(result)
    return {"what": what or subject, "tracker": tracker,
            "reference": f"{reference} {reference_median}", "ratio": ratio,
            "target": target, "verdict": verdict}


def save_results(options: Options, name: str, results: Sequence[Comparison],
                 summary_lines: Sequence[SummaryLine] | None = None) -> Path:
    """The raw samples as JSON beside the data, for a later look, with the summary lines
    run_all.py prints (by default one per comparison)."""
    lines = [summary_line(result) for result in results] if summary_lines is None \
        else list(summary_lines)
    path = options.work / f"results_{name}.json"
    path.write_text(json.dumps({"machine": machine(), "when": datetime.now().isoformat(),
                                "results": [r.to_json() for r in results],
                                "summary_lines": lines}, indent=1))
    return path


def _version(command: Sequence[str]) -> str:
    try:
        done = subprocess.run(list(command), capture_output=True, text=True, check=False)
    except OSError:
        return "?"
    return (done.stdout or done.stderr).strip().splitlines()[0] if (
        done.stdout or done.stderr).strip() else "?"


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    total = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                total = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    found = shutil.which("sqlite3")
    return {
        "date": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "cpus": str(os.cpu_count()),
        "memory": total,
        "system": platform.platform(),
        "python": platform.python_version(),
        "sqlite3 cli": _version([found, "--version"]).split()[0] if found else "absent",
        "pyside6": _version([python(), "-c", "import PySide6; print(PySide6.__version__)"]),
    }


def print_machine() -> None:
    print("machine: " + ", ".join(f"{key} {value}" for key, value in machine().items()))


@contextmanager
def scratch_folder(options: Options, name: str) -> Iterator[Path]:
    """A fresh folder under the work dir, removed afterwards (databases, exports)."""
    folder = options.work / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main_for(name: str, description: str,
             run: Callable[[Options], list[Comparison]]) -> None:
    """The body of each script's ``main``: options, run, table, saved samples."""
    options = Options.from_args(parser(description).parse_args())
    results = run(options)
    print_machine()
    print_table(results, markdown=options.markdown, title=name)
    log(f"samples saved in {save_results(options, name, results)}")


# -- windows -----------------------------------------------------------------------------

def add_display_option(result: argparse.ArgumentParser) -> None:
    result.add_argument("--display", choices=("offscreen", "xvfb"), default="offscreen",
                        help="where windows open: Qt's offscreen platform (default, as the "
                             "tests) or a real X server, Xvfb (apt-get install xvfb)")


@contextmanager
def display(kind: str) -> Iterator[dict[str, str]]:
    """Environment for window children: Qt's offscreen platform, or a private Xvfb."""
    if kind == "offscreen":
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    if shutil.which("Xvfb") is None:
        raise SystemExit("--display xvfb needs Xvfb (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        # -noreset: by default the server resets when its last client leaves, and a
        # window started during that reset is refused ("could not connect to display").
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1920x1080x24",
         "-nolisten", "tcp", "-noreset"], pass_fds=(write_end,), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        with os.fdopen(read_end) as answer:
            number = answer.readline().strip()
        if not number:
            raise SystemExit("Xvfb did not start")
        yield {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{number}"}
    finally:
        server.terminate()
        server.wait()


def window_child_env(base: Mapping[str, str], folder: Path) -> dict[str, str]:
    """A first launch every time: fresh settings and data folders under *folder*."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "config").mkdir(parents=True)
    (folder / "data").mkdir()
    env = dict(os.environ)
    env.update(base)
    env.update(XDG_CONFIG_HOME=str(folder / "config"), XDG_DATA_HOME=str(folder / "data"))
    return env


def window_run(options: Options, display_env: Mapping[str, str],
               arguments: Sequence[str]) -> tuple[ChildRun, dict[str, object]]:
    """Run harness_window.py with *arguments*; the child and the JSON it printed."""
    env = window_child_env(display_env, options.work / "window-home")
    child = run_child([python(), str(BENCH / "harness_window.py"), *arguments], env=env)
    lines = [line for line in child.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise ChildFailed(f"harness_window.py {' '.join(arguments)} printed no result:\n"
                          f"{child.stderr[-2000:]}")
    facts: dict[str, object] = json.loads(lines[-1])
    return child, facts
