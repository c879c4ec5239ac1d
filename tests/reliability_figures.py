"""Kill trials (SIGKILL an import, a schedule save or a restore, at chosen points) and
the figures.

The tests in tests/services/imports/test_import_killed.py, test_edit_killed.py and
tests/storage/test_restore_killed.py run a few dozen trials; scripts/reliability.py runs
more and writes the counts into docs/RELIABILITY.md, together with the figures other
parts of the suite provide (see ``find_provider``).

A trial is *intact* when ``PRAGMA integrity_check`` says ok, no foreign key dangles, and the
database holds either the whole change or none of it: for an import, byte-for-byte the
database before, or exactly what a complete import of the same file writes; for a
schedule edit, every round as its newest history record says and every save the child
reported done still there; for a restore, the database as it was or exactly the backup,
and every copy of what it held that carries its final name whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from tests.acled_generator import write_acled_file
from tests.conftest import sqlite_dump
from tracker.services.common.sample import load_sample
from tracker.storage.database import open_database

TESTS = Path(__file__).resolve().parent

# What an import writes; every other table must come through a kill unchanged.
IMPORT_TABLES = ("battlefield_event", "battlefield_event_raw", "event_day_count",
                 "event_map_cell", "import_run")
# What a schedule save writes: the round, its history record and its edit log entry.
EDIT_TABLES = ("round", "schedule_change", "edit_log")
_ROUND_EDITS_LOGGED = "SELECT count(*) FROM edit_log WHERE record_kind = 'round' AND " \
    "action = 'changed'"


@dataclass(frozen=True, slots=True)
class KillPoint:
    """Kill after the child's *line*-th progress line (0: before any), then *delay* s."""

    line: int
    delay: float

    def __str__(self) -> str:
        return f"line {self.line} + {self.delay * 1000:.0f} ms"


@dataclass(frozen=True, slots=True)
class KillTrial:
    point: KillPoint
    outcome: str  # "none", "whole" (or "some saves" for edits), else what was wrong

    @property
    def intact(self) -> bool:
        return self.outcome in ("none", "whole")


@dataclass(frozen=True, slots=True)
class KillFigures:
    trials: tuple[KillTrial, ...]

    @property
    def tried(self) -> int:
        return len(self.trials)

    @property
    def intact(self) -> int:
        return sum(trial.intact for trial in self.trials)

    def count(self, outcome: str) -> int:
        return sum(trial.outcome == outcome for trial in self.trials)


# -- what a database holds ----------------------------------------------------------------

def damage(path: Path) -> str | None:
    """What SQLite finds wrong with the file (integrity, dangling keys), or None."""
    connection = sqlite3.connect(path)
    try:
        checked = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if checked != ["ok"]:
            return f"integrity_check: {'; '.join(checked[:3])}"
        dangling = connection.execute("PRAGMA foreign_key_check").fetchall()
        return f"foreign_key_check: {dangling[:3]}" if dangling else None
    except sqlite3.DatabaseError as exc:
        return f"unreadable: {exc}"
    finally:
        connection.close()


def table_dump(path: Path, *, leave_out: tuple[str, ...]) -> str:
    """The schema, and the rows of every table but *leave_out* and the full-text index's.

    The schema is sorted: bulk mode drops indexes and builds them again, later in
    sqlite_master, which changes the order but not the schema.
    """
    connection = sqlite3.connect(path)
    try:
        schema = sorted(row[0] for row in connection.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        rows = [
            f"{name}: {row!r}"
            for name in tables
            if name not in leave_out and not name.startswith("battlefield_event_fts")
            for row in _rows(connection, name)
        ]
        return "\n".join([*schema, *rows])
    finally:
        connection.close()


def _count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    finally:
        connection.close()


def _event_fingerprint(path: Path) -> tuple[dict[str, int], str]:
    """Row counts of the import's tables and a digest of the content a rerun repeats."""
    connection = sqlite3.connect(path)
    try:
        counts = {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                  for name in (*IMPORT_TABLES, "battlefield_event_fts")}
        # Found through the full-text index: rebuilt inside the import's transaction.
        counts["fts: shelling"] = connection.execute(
            "SELECT count(*) FROM battlefield_event_fts WHERE battlefield_event_fts "
            "MATCH 'shelling'").fetchone()[0]
        digest = hashlib.blake2b(digest_size=16)
        for query in (
            "SELECT dataset, external_id, event_date, fatalities, raw_digest "
            "FROM battlefield_event ORDER BY dataset, external_id",
            "SELECT e.external_id, r.raw FROM battlefield_event_raw r "
            "JOIN battlefield_event e ON e.id = r.event_id ORDER BY e.external_id",
            "SELECT * FROM event_day_count ORDER BY 1, 2, 3",
        ):
            for row in connection.execute(query):
                digest.update(repr(row).encode())
        return counts, digest.hexdigest()
    finally:
        connection.close()


# -- running a child and killing it -------------------------------------------------------

def _kill_at(command: list[str], point: KillPoint, *, progress: str) -> list[str]:
    """Run *command*, SIGKILL it at *point*; return every line of *progress* it wrote."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    stream: IO[str] | None = process.stderr if progress == "stderr" else process.stdout
    assert stream is not None
    seen: list[str] = []
    while len(seen) < point.line:
        line = stream.readline()
        if not line:
            break  # finished (or failed) before that line: the kill finds it gone
        seen.append(line)
    # The random moment after a known point, unless the child ends first.
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=point.delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.stdout is not None and process.stderr is not None
    # Through the same reader: what it buffered ahead counts too. The child is gone, so
    # reading one pipe to its end cannot block on the other.
    seen.extend(stream.read().splitlines(keepends=True))
    errors = "".join(seen) if progress == "stderr" else process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    if process.returncode not in (0, -signal.SIGKILL):
        raise RuntimeError(f"{command} failed ({process.returncode}): {errors[-2000:]}")
    return seen


def kill_points(count: int, lines: int, *, seed: int, longest: float) -> Iterator[KillPoint]:
    """*count* points: every line from 0 to *lines* in turn, each with a seeded delay."""
    rng = random.Random(seed)
    for trial in range(count):
        yield KillPoint(trial % (lines + 1), round(rng.uniform(0, longest), 4))


def _remove(database: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)


def _sample_database(path: Path) -> Path:
    _remove(path)
    db = open_database(path)
    try:
        with db.transaction() as session:
            load_sample(session)
    finally:
        db.close()
    return path


# -- import trials ------------------------------------------------------------------------

class ImportKillBench:
    """A sample database, an ACLED file, and what a complete import of it leaves."""

    def __init__(self, folder: Path, rows: int = 20_000) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.csv = write_acled_file(folder / "acled.csv", rows)
        self.base = _sample_database(folder / "base.db")
        self.before = sqlite_dump(self.base)
        self.unrelated = table_dump(self.base, leave_out=IMPORT_TABLES)
        whole = self.copy("whole.db")
        done = subprocess.run(self.command(whole), capture_output=True, text=True,
                              check=True)
        self.progress = done.stderr.splitlines()
        self.progress_lines = len(self.progress)
        self.whole = _event_fingerprint(whole)

    def copy(self, name: str) -> Path:
        target = self.folder / name
        _remove(target)
        shutil.copyfile(self.base, target)
        return target

    def command(self, database: Path) -> list[str]:
        return [sys.executable, "-m", "tracker", "import", "--db", str(database),
                "--format", "acled", str(self.csv)]

    def outcome(self, database: Path) -> str:
        """'none', 'whole', or what is wrong with *database* after a kill."""
        broken = damage(database)
        if broken:
            return broken
        if _count(database, "import_run") == _count(self.base, "import_run"):
            # No import committed: then nothing at all may differ.
            return "none" if sqlite_dump(database) == self.before else "changed, no import"
        if table_dump(database, leave_out=IMPORT_TABLES) != self.unrelated:
            return "schema or other tables changed"
        found = _event_fingerprint(database)
        if found[0] != self.whole[0]:
            return f"part of the import: {found[0]} instead of {self.whole[0]}"
        return "whole" if found[1] == self.whole[1] else "events differ from a full import"

    def trial(self, point: KillPoint) -> KillTrial:
        database = self.copy("trial.db")
        _kill_at(self.command(database), point, progress="stderr")
        return KillTrial(point, self.outcome(database))


def import_kill_trials(count: int, folder: Path, *, seed: int = 6,
                       bench: ImportKillBench | None = None) -> KillFigures:
    """Kill *count* imports of 20,000 ACLED rows, at each progress line in turn: while
    rows are written, during each index rebuild, and at the commit after the last line."""
    bench = bench or ImportKillBench(folder)
    # Up to 0.15 s after a line: an import writes 5,000 rows, or builds an index, in less.
    points = kill_points(count, bench.progress_lines, seed=seed, longest=0.15)
    return KillFigures(tuple(bench.trial(point) for point in points))


# -- schedule-edit trials -----------------------------------------------------------------

# The child: the window's save path (Database.transaction around reschedule), in a loop,
# saying "saved N" after each commit so the parent knows what must survive.
EDIT_CHILD = """
import sys
from datetime import UTC, datetime, timedelta
from sqlalchemy import select
from tracker.domain.enums import CLOSED_STATUSES, Precision
from tracker.domain.negotiation import Round
from tracker.domain.timewindow import ScheduledWindow
from tracker.services.rounds import ChangeNote, reschedule
from tracker.storage.database import open_database

db = open_database(sys.argv[1], create=False)
with db.reading() as session:
    rounds = [r.id for r in session.scalars(select(Round).order_by(Round.id))
              if r.deleted_at is None and r.status not in CLOSED_STATUSES]
print("ready", flush=True)
base = datetime(2026, 3, 2, 9, tzinfo=UTC)
for n in range(1_000_000):
    start = base + timedelta(minutes=n)
    window = ScheduledWindow(Precision.EXACT, "Europe/Istanbul", start,
                             start + timedelta(hours=3))
    with db.transaction() as session:
        reschedule(session, rounds[n % len(rounds)], window,
                   ChangeNote(reason=f"kill trial {n}"))
    print("saved", n, flush=True)
"""

# Each round against its newest history record: any row here is a half-saved edit.
_ROUNDS_OFF_HISTORY = """
SELECT r.id FROM round r JOIN schedule_change c ON c.id =
    (SELECT max(id) FROM schedule_change WHERE round_id = r.id)
WHERE r.window_precision IS NOT c.new_precision OR r.window_tz IS NOT c.new_tz
   OR r.window_start IS NOT c.new_start OR r.window_end IS NOT c.new_end
   OR r.venue_id IS NOT c.new_venue_id OR r.status IS NOT c.new_status
"""


class EditKillBench:
    """A sample database that a child reschedules until it is killed."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.base = _sample_database(folder / "base.db")
        self.unrelated = table_dump(self.base, leave_out=EDIT_TABLES)
        connection = sqlite3.connect(self.base)
        try:
            self.logged_before: int = connection.execute(_ROUND_EDITS_LOGGED).fetchone()[0]
        finally:
            connection.close()

    def outcome(self, database: Path, reported: int) -> str:
        """'whole' when every save is all there or not at all, else what is wrong."""
        broken = damage(database)
        if broken:
            return broken
        if table_dump(database, leave_out=EDIT_TABLES) != self.unrelated:
            return "schema or other tables changed"
        connection = sqlite3.connect(database)
        try:
            off = [row[0] for row in connection.execute(_ROUNDS_OFF_HISTORY)]
            saved = connection.execute(
                "SELECT count(*) FROM schedule_change WHERE reason LIKE 'kill trial %'"
            ).fetchone()[0]
            logged = connection.execute(_ROUND_EDITS_LOGGED).fetchone()[0]
        finally:
            connection.close()
        if off:
            return f"rounds {off} differ from their newest schedule change"
        if logged - self.logged_before != saved:
            return f"{saved} saves in the database but {logged - self.logged_before} in " \
                   "the edit log"
        # The child says "saved" after the commit: a kill between the two leaves one more.
        if saved not in (reported, reported + 1):
            return f"{saved} saves in the database, the child reported {reported}"
        return "none" if saved == 0 else "whole"

    def trial(self, point: KillPoint) -> KillTrial:
        database = self.folder / "trial.db"
        _remove(database)
        shutil.copyfile(self.base, database)
        lines = _kill_at([sys.executable, "-c", EDIT_CHILD, str(database)], point,
                         progress="stdout")
        reported = sum(line.startswith("saved") for line in lines)
        return KillTrial(point, self.outcome(database, reported))


def edit_kill_trials(count: int, folder: Path, *, seed: int = 6) -> KillFigures:
    """Kill *count* children that save schedule changes in a loop: after the k-th save
    (k = 0…30 in turn, 0 being just after the database opened), plus a seeded delay."""
    bench = EditKillBench(folder)
    points = kill_points(count, 30, seed=seed, longest=0.02)
    return KillFigures(tuple(bench.trial(point) for point in points))


# -- restore trials -----------------------------------------------------------------------

class RestoreKillBench:
    """A backup of the sample scenario, and a database grown well past it (20,000 more
    tracks) that `tracker restore` puts the backup back into, killed on the way."""

    def __init__(self, folder: Path, tracks: int = 20_000) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.backup = folder / "backup.db"
        base = _sample_database(folder / "base.db")
        subprocess.run([sys.executable, "-m", "tracker", "backup", "--db", str(base),
                        "-o", str(self.backup)], capture_output=True, check=True)
        connection = sqlite3.connect(base)
        with connection:
            connection.executemany(
                "INSERT INTO track (name, description) VALUES (?, ?)",
                ((f"Grown {n}", "x" * 200) for n in range(tracks)))
        connection.close()
        self.base = base
        self.before = sqlite_dump(base)
        self.restored = sqlite_dump(self.backup)
        whole = self.copy("whole.db")
        started = time.monotonic()
        subprocess.run(self.command(whole), capture_output=True, check=True)
        self.duration = time.monotonic() - started

    def copy(self, name: str) -> Path:
        target = self.folder / name
        _remove(target)
        for kept in self.folder.glob(f"{name}.before-restore-*"):
            kept.unlink()
        for left in self.folder.glob(f".{name}.*"):
            left.unlink()
        shutil.copyfile(self.base, target)
        return target

    def command(self, database: Path) -> list[str]:
        return [sys.executable, "-m", "tracker", "restore", "--db", str(database),
                str(self.backup)]

    def outcome(self, database: Path) -> str:
        """'none' (as it was), 'whole' (the backup), or what is wrong after a kill."""
        broken = damage(database)
        if broken:
            return broken
        for kept in sorted(database.parent.glob(f"{database.name}.before-restore-*.bak")):
            if damage(kept) or sqlite_dump(kept) != self.before:
                return f"the copy of what it held, {kept.name}, is not whole"
        dump = sqlite_dump(database)
        if dump == self.before:
            return "none"
        return "whole" if dump == self.restored else "neither as it was nor the backup"

    def trial(self, point: KillPoint, name: str = "trial.db") -> KillTrial:
        database = self.copy(name)
        _kill_at(self.command(database), point, progress="stderr")
        return KillTrial(point, self.outcome(database))


def restore_kill_trials(count: int, folder: Path, *, seed: int = 6,
                        bench: RestoreKillBench | None = None) -> KillFigures:
    """Kill *count* restores at seeded moments from its start to a little past the time a
    whole restore takes: while the copy of what the database held is written, while the
    backup is written into it, around its commit."""
    bench = bench or RestoreKillBench(folder)
    points = kill_points(count, 0, seed=seed, longest=bench.duration * 1.2)
    return KillFigures(tuple(bench.trial(point) for point in points))


# -- figures from other parts of the suite --------------------------------------------------

# The providers scripts/reliability.py asks for, each found in any tests module whose name
# ends in "_figures" (this one aside): (provoked, detected), {parser: examples},
# (tried, clear errors).
PROVIDED = ("conflict_trials", "hypothesis_counts", "bad_inputs")


def find_provider(name: str) -> Callable[..., Any] | None:
    """The function *name* from a tests/**/*_figures.py module, or None if none has it."""
    for path in sorted(TESTS.rglob("*_figures.py")):
        if path.resolve() == Path(__file__).resolve():
            continue
        module = ".".join(("tests", *path.relative_to(TESTS).with_suffix("").parts))
        try:
            found = getattr(importlib.import_module(module), name, None)
        except ImportError:
            continue  # a provider that cannot load is "not measured", never a crash
        if callable(found):
            return found
    return None


def _rows(connection: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    """*table*'s rows in rowid order, or in key order for a WITHOUT ROWID table."""
    try:
        return connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
    except sqlite3.OperationalError:
        return connection.execute(f'SELECT * FROM "{table}"').fetchall()
