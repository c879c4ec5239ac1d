"""The one boundary between the `tracker` subcommands and the person who typed them.

Every subcommand is a function ``run(args) -> int`` that opens the database through
``opened``/``reading``/``transaction``, calls services, and prints what it did. It never
prints an error itself: it raises, and ``run_command`` alone turns an error into a message
and an exit status.

- A ``TrackerError`` (every error meant for a user derives from it: a rule broken, a
  record gone, a file refused, a database that cannot be opened) is told as
  ``tracker: <message>`` on standard error, exit status 2. Anything else is a bug and
  keeps its traceback.
- A reader that closed standard output (``tracker log | head``) ends the command quietly
  with status 1, as the Python documentation of SIGPIPE recommends.

Two translators turn the few non-tracker errors a command expects into TrackerErrors at
the point where their meaning is known: ``file_errors`` (an OSError on the user's own
file) and ``unchanged_on_failure`` (a database failure in the middle of a write); and
``for_option`` names the option a refused date was typed in.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeAlias

from sqlalchemy.exc import DatabaseError, SQLAlchemyError
from sqlalchemy.orm import Session

from tracker.cli.terminal_text import terminal_safe_output
from tracker.domain.dates import DateParseError
from tracker.domain.errors import TrackerError
from tracker.storage.atomic_files import replacing_protected_files
from tracker.storage.database import Database, open_database, refuse_empty_file
from tracker.storage.errors import StorageError, disk_full, is_disk_full
from tracker.storage.sqlite_files import (
    damaged,
    is_damage,
)
from tracker.storage.url_secrets import mask_secrets

EXIT_OK = 0
EXIT_SOME_REFUSED = 1  # a file was imported except the records listed as refused
EXIT_REFUSED = 2  # nothing was done, and the message says why
EXIT_BROKEN_PIPE = 1

Command = Callable[[argparse.Namespace], int]
# argparse's only name for what add_subparsers returns.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class CommandError(TrackerError):
    """A command asked for something it cannot do as typed (``--format ics`` without -o)."""


def add_command(sub: Subparsers, name: str, run: Command, *, summary: str,
                aliases: tuple[str, ...] = (), description: str | None = None,
                database: bool = True) -> argparse.ArgumentParser:
    """A subcommand whose ``run`` is called through ``run_command``, with its own --db
    (unless *database* is False: the command names its database itself)."""
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=summary, aliases=list(aliases), description=description or summary)
    parser.set_defaults(run=run)
    if database:
        parser.add_argument("--db", dest="sub_db", metavar="DB",
                            help="database file or SQLAlchemy URL (default: tracker.db in "
                                 "your user data folder)")
    return parser


def add_force_option(parser: argparse.ArgumentParser) -> None:
    """--force: the command's -o may replace a file the user cannot write (but may rename
    over, in a folder they can write): without it such a file is left as it was."""
    parser.add_argument("--force", action="store_true",
                        help="replace the output file even if it is read-only for you "
                             "(another user's file in a folder you can write)")


def run_command(command: Command, args: argparse.Namespace) -> int:
    """Run *command*; the only place where an error becomes a message and a status, and
    where what reaches a terminal is made safe (terminal_text)."""
    try:
        with terminal_safe_output():
            try:
                status = command(args)
                sys.stdout.flush()  # a closed pipe must fail here, not at the exit
            except TrackerError as exc:
                # A driver's or parser's message can quote the --db URL as typed.
                print(f"tracker: {mask_secrets(str(exc))}", file=sys.stderr)
                return EXIT_REFUSED
    except BrokenPipeError:
        return _reader_went_away()
    return status


def database_target(args: argparse.Namespace) -> str | None:
    """The database named after the subcommand (``tracker log --db X``) or before it."""
    target: str | None = getattr(args, "sub_db", None) or args.db
    return target


@contextmanager
def opened(args: argparse.Namespace, *, create: bool = False,
           read_only: bool = False) -> Iterator[Database]:
    """The command's database, closed afterwards. Without *create* a missing file is an
    error (an export or a reschedule of a mistyped name must not leave an empty file), and
    so is an empty one (opening it would write a schema into it: issue 14). A damaged page
    met on the way is told as damage, with the way to recover, not as a traceback. With
    *read_only* a file in a folder the user cannot write is read all the same, and said so."""
    target = database_target(args)
    if not create:
        refuse_empty_file(target)
    db = open_database(target, create=create, read_only=read_only)
    if db.read_only_note:
        tell(f"Note: {db.read_only_note}")
    try:
        yield db
    except (DatabaseError, sqlite3.DatabaseError) as exc:  # also a raw cursor's
        cause = getattr(exc, "orig", None) or exc
        if db.is_sqlite and db.url.database and is_damage(cause):
            raise damaged(Path(db.url.database), str(cause),
                          "what was under way stopped, and nothing was changed") from exc
        raise
    finally:
        db.close()


@contextmanager
def reading(args: argparse.Namespace) -> Iterator[Session]:
    with opened(args, read_only=True) as db, db.reading() as session:
        yield session


@contextmanager
def transaction(args: argparse.Namespace, *, create: bool = False,
                what: str = "change") -> Iterator[Session]:
    """One unit of work: committed when the block ends, rolled back on any error; a
    database failure on the way (the server gone, the disk full) is told as *what* having
    failed with the database as it was, not as a traceback."""
    with opened(args, create=create) as db, unchanged_on_failure(what, db), \
            db.transaction() as session:
        yield session


@contextmanager
def file_errors(verb: str, path: str | Path, *, name_from_error: bool = False,
                force: bool = False) -> Iterator[None]:
    """An OSError on the user's file (no folder, no permission, a full disk) as
    "cannot <verb> <path>: <reason>". The file named is the user's, whatever temporary name
    the writer used; *name_from_error* names the file the error is about instead, for a
    writer that also writes files beside the one asked for. With *force* (the command's
    --force) a file the user cannot write but may rename over is replaced all the same."""
    try:
        if force:
            with replacing_protected_files():
                yield
        else:
            yield
    except BrokenPipeError:
        raise  # standard output, not the file: run_command's business
    except OSError as exc:
        name = (exc.filename if name_from_error else None) or path
        if is_disk_full(exc):
            folder = Path(name).resolve().parent
            raise disk_full(folder, f"cannot {verb} {name}") from exc
        raise CommandError(f"cannot {verb} {name}: {exc.strerror or exc}") from exc


@contextmanager
def unchanged_on_failure(what: str, db: Database | None = None) -> Iterator[None]:
    """A database failure in the middle of *what* (locked by another writer, disk full),
    after which the transaction was rolled back: said so, with the database's reason; a
    full disk as such, naming the folder of *db*'s file."""
    try:
        yield
    except (SQLAlchemyError, sqlite3.OperationalError) as exc:  # also a raw cursor's
        reason = getattr(exc, "orig", None) or exc
        unchanged = f"the {what} failed, the database is as it was"
        if is_disk_full(reason) and db is not None and db.is_sqlite and db.url.database:
            raise disk_full(Path(db.url.database).parent, unchanged) from exc
        raise StorageError(f"{unchanged}: {reason}") from exc


@contextmanager
def for_option(option: str) -> Iterator[None]:
    """A typed date refused for one option, told with the option's name first
    ("--from: '31/31/2026' is not a date dateutil can read")."""
    try:
        yield
    except DateParseError as exc:
        raise DateParseError(f"{option}: {exc}") from exc


def tell(text: str) -> None:
    """A note for the person (what was written where, what was left out): standard error,
    so standard output stays the data."""
    print(text, file=sys.stderr)


def _reader_went_away() -> int:
    """The reader of standard output closed it (``tracker export ... | head``).

    Not an error worth a traceback: point standard output at the null device, so the
    interpreter's final flush of what is still buffered cannot fail again, and exit 1.
    """
    try:
        stdout = sys.stdout.fileno()
    except ValueError:  # not a real file (replaced, or closed): nothing left to flush
        return EXIT_BROKEN_PIPE
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stdout)
    os.close(devnull)
    return EXIT_BROKEN_PIPE
