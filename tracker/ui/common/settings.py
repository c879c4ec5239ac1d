"""Every user setting in one typed registry, stored in an INI file through QSettings.

Options are declared here and nowhere else (a registry filled at import time from many
modules misses options in tests, as Picard found). ``Settings.from_app()`` uses the
platform's per-user location; ``Settings.from_file(path)`` lets tests use a throw-away file.
A ``application/version`` key records the layout so a later release can upgrade it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings, QTimeZone

from tracker.domain.timewindow import is_known_zone

T = TypeVar("T")

ORGANIZATION = "NegotiationTracker"
APPLICATION = "Negotiation Tracker"
# Bump when an option changes meaning or key; _upgrade() then converts older files.
SETTINGS_VERSION = 1


def system_zone_name() -> str:
    """The computer's IANA zone (e.g. 'Europe/Kyiv'), or 'UTC' when Qt reports none we know."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return name if is_known_zone(name) else "UTC"


def _to_text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _to_int(value: object) -> int | None:
    # INI files give back strings once the process that wrote them has gone.
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value))
    except ValueError:
        return None


def _to_bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    return {"true": True, "1": True, "false": False, "0": False}.get(text)


def _to_bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) else None


@dataclass(frozen=True, slots=True)
class Option(Generic[T]):
    """One setting: its INI key, how to read a stored value, and its default."""

    key: str
    convert: Callable[[object], T | None]
    default: Callable[[], T]
    validate: Callable[[T], bool] = lambda _value: True


# -- the registry ------------------------------------------------------------------------

VERSION = Option("application/version", _to_int, lambda: 0)
LAST_DATABASE = Option("database/last", _to_text, str)
# File › Open Recent: files (or server URLs without secrets), newest first, one a line.
RECENT_DATABASES = Option("database/recent", _to_text, str)
WINDOW_GEOMETRY = Option("window/geometry", _to_bytes, QByteArray)
WINDOW_STATE = Option("window/state", _to_bytes, QByteArray)
ROUNDS_HEADER = Option("rounds/header_state", _to_bytes, QByteArray)
ROUNDS_SPLITTER = Option("rounds/splitter_state", _to_bytes, QByteArray)
DETAIL_VISIBLE = Option("rounds/detail_visible", _to_bool, lambda: True)
DISPLAY_TIME_ZONE = Option("display/time_zone", _to_text, system_zone_name, is_known_zone)
DAY_FIRST = Option("display/day_first", _to_bool, lambda: False)
# View › Language: "system" (QLocale.system()), "en" or "uk" (ui/common/language.py).
LANGUAGE = Option("display/language", _to_text, lambda: "system",
                  lambda value: value in ("system", "en", "uk"))
SUGGEST_DAYS = Option("linking/suggest_days", _to_int, lambda: 7, lambda days: 0 <= days <= 365)
EXPORT_FOLDER = Option("export/folder", _to_text, str)
IMPORT_FOLDER = Option("import/folder", _to_text, str)
# Export Chronology's CSV: "spreadsheets" or "data-tools" (io/chronology_csv.CsvFlavour).
EXPORT_CSV_FOR = Option("export/csv_for", _to_text, lambda: "spreadsheets",
                        lambda value: value in ("spreadsheets", "data-tools"))
# The name changes are recorded under; empty: the computer login (domain/identity.py).
USER_NAME = Option("identity/name", _to_text, str)
# The report's title page, as last typed in Export Chronology… (empty title: the default).
REPORT_TITLE = Option("report/title", _to_text, str)
REPORT_AUTHOR = Option("report/author", _to_text, str)
REPORT_ORGANISATION = Option("report/organisation", _to_text, str)
REPORT_MARKING = Option("report/marking", _to_text, str)
# View › Appearance: "system", "light" or "dark" (ui/common/theme.py Appearance).
APPEARANCE = Option("display/appearance", _to_text, lambda: "system",
                    lambda value: value in ("system", "light", "dark"))

ALL_OPTIONS: tuple[Option[Any], ...] = (
    VERSION, LAST_DATABASE, WINDOW_GEOMETRY, WINDOW_STATE, ROUNDS_HEADER, ROUNDS_SPLITTER,
    RECENT_DATABASES,
    DETAIL_VISIBLE, DISPLAY_TIME_ZONE, DAY_FIRST, SUGGEST_DAYS, EXPORT_FOLDER, IMPORT_FOLDER,
    USER_NAME, EXPORT_CSV_FOR, REPORT_TITLE, REPORT_AUTHOR, REPORT_ORGANISATION,
    REPORT_MARKING, APPEARANCE, LANGUAGE,
)


class Settings:
    """Typed access to the options above; only built through from_app() or from_file()."""

    def __init__(self, backend: QSettings) -> None:
        self._backend = backend
        self._upgrade()

    @classmethod
    def from_app(cls) -> Settings:
        return cls(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                             ORGANIZATION, APPLICATION))

    @classmethod
    def from_file(cls, path: str | Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @property
    def file_name(self) -> str:
        return self._backend.fileName()

    def get(self, option: Option[T]) -> T:
        """The stored value, or the default when missing, of the wrong type, or invalid."""
        stored = self._backend.value(option.key)
        if stored is not None:
            value = option.convert(stored)
            if value is not None and option.validate(value):
                return value
        return option.default()

    def set(self, option: Option[T], value: T) -> None:
        if not option.validate(value):
            raise ValueError(f"{value!r} is not a valid value for {option.key}")
        self._backend.setValue(option.key, value)

    def reset(self, option: Option[T]) -> None:
        self._backend.remove(option.key)

    def sync(self) -> None:
        self._backend.sync()

    def _upgrade(self) -> None:
        # Version 0 is "no file yet"; there is nothing older to convert so far.
        if self.get(VERSION) < SETTINGS_VERSION:
            self.set(VERSION, SETTINGS_VERSION)
