"""File › New and File › Open: choosing a database file and opening it, with clear refusals."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlalchemy.engine import URL

from tracker.storage.database import Database, open_database
from tracker.storage.errors import StorageError
from tracker.storage.locations import to_url
from tracker.storage.url_secrets import without_secrets
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.window.saved_passwords import keep_password, with_kept_password

FILTER = QT_TRANSLATE_NOOP("database_files", "Negotiation Tracker databases "
                           "(*.db *.sqlite *.sqlite3);;All files (*)")


def _start_folder(current: Database) -> str:
    if current.is_sqlite and current.url.database:
        return str(Path(current.url.database).parent)
    return str(Path.home())


def create_new(parent: QWidget, current: Database) -> Database | None:
    """Ask for a new file name and create an empty database there (None if cancelled).

    An existing file is never overwritten: a database holds years of work, and "replace"
    in a save dialog is too easy to click through.
    """
    chosen, _ = QFileDialog.getSaveFileName(
        parent, translate("database_files", "New Database"),
        str(Path(_start_folder(current)) / "negotiations.db"),
        translate("database_files", FILTER), options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(".db")
    if path.exists():
        QMessageBox.warning(parent, translate("database_files", "New Database"),
                            translate("database_files", "{path} already exists.\n\nChoose a "
                                      "new file name, or use File › Open Database… to open "
                                      "it.").format(path=path))
        return None
    return _open(parent, path, create=True)


def open_existing(parent: QWidget, current: Database) -> Database | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, translate("database_files", "Open Database"),
                                            _start_folder(current),
                                            translate("database_files", FILTER))
    return _open(parent, Path(chosen), create=False) if chosen else None


def _open(parent: QWidget, path: Path, *, create: bool) -> Database | None:
    try:
        return open_database(path, create=create)
    except StorageError as exc:
        QMessageBox.critical(parent, translate("database_files",
                                                                "Cannot Open Database"), str(exc))
        return None


def remembered_target(db: Database) -> str:
    """What to store as the last database: the file, or the URL without its password or
    any other secret; the password goes to the OS keyring (saved_passwords.py), where
    there is one, for ``last_database`` to find next time."""
    if db.is_sqlite and db.url.database:
        return db.url.database
    keep_password(db.url)
    return without_secrets(db.url).render_as_string(hide_password=False)


def last_database(remembered: str) -> str | URL:
    """What ``remembered_target`` stored, with a server's kept password put back."""
    if "://" not in remembered:
        return remembered
    return with_kept_password(to_url(remembered))


def short_label(db: Database) -> str:
    """The file name for SQLite (the title bar is short), the URL otherwise."""
    if db.is_sqlite and db.url.database:
        return Path(db.url.database).name
    return db.label
