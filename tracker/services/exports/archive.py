"""The lossless archive: every table the program keeps, as one JSON file.

``tracker export --format archive`` and File › Export Archive… write it;
``tracker restore-archive`` (services.exports.archive_import) loads it into an empty
database, and exporting that database again gives the same bytes. The file is described
by resources/schemas/archive.schema.json.

Deterministic: tables in ``ARCHIVE_TABLES`` order (parents before the rows that refer to
them), rows by primary key, keys sorted, ids kept, values in one text each
(services.exports.archive_columns). No time stamp of the export itself: it would make two
exports of the same data differ. Streaming: rows are read in pages by primary key and
written one at a time, so a million events never sit in memory together; the pages are
read in one transaction, so the file is one consistent picture.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import ColumnElement, Connection, Table, func, select
from sqlalchemy.orm import Session

from tracker.domain.models import Base
from tracker.io.archive_json import ArchiveWriter
from tracker.io.atomic import atomic_text_writer
from tracker.services.exports.archive_columns import table_codecs
from tracker.storage import migrate
from tracker.storage.deferred_build import require_categories

FORMAT_NAME = "negotiation-tracker/archive"
FORMAT_VERSION = 1
SCHEMA_RESOURCE = "schemas/archive.schema.json"
# Every table, parents first, so an import inserts them in this order.
ARCHIVE_TABLES = (
    "party", "person", "track", "venue", "factor", "source", "round", "round_participant",
    "factor_reading", "dependency", "schedule_change", "import_run", "import_mapping",
    "battlefield_event", "battlefield_event_raw", "event_link", "citation", "edit_log",
    "target_category", "target_rule", "event_match", "dataset_preference",
    "casualty_claim", "database_setting",
)
# Tables added to the schema after the archive format began, with the revision that added
# them: an archive written before that revision ends without them, and is still read.
TABLES_SINCE = {"edit_log": "0009", "target_category": "0015", "target_rule": "0015",
                "event_match": "0014", "dataset_preference": "0014",
                "casualty_claim": "0017", "database_setting": "0017"}
# Columns added since, likewise: an archive written before the revision lacks them, one
# written at or after it must have them.
COLUMNS_SINCE = {("round", "modality"): "0010", ("schedule_change", "announced_at"): "0011",
                 ("schedule_change", "announced_precision"): "0011",
                 ("schedule_change", "retracts_id"): "0011",
                 ("battlefield_event", "country"): "0012",
                 ("battlefield_event", "record_status"): "0013",
                 ("battlefield_event", "status_changed_at"): "0013",
                 **{("battlefield_event", name): "0013" for name in (
                     "source_release", "release_rank", "first_imported_at",
                     "country_code", "assoc_actor_1", "assoc_actor_2")},
                 **{("import_run", name): "0013" for name in (
                     "release_kind", "release_rank", "scope", "older", "withdrawn")},
                 **{("battlefield_event", name): "0015" for name in (
                     "target_source", "target_rule", "target_confidence",
                     "target_decided_at")}}
# Kept out: counted again from the events on import (storage.day_counts), like the FTS
# index, which has no model.
# The export log (export_record) is this database's own history, not data.
DERIVED_TABLES = ("event_day_count", "event_map_cell", "export_record")
PAGE_ROWS = 2000

# Told after each page: the table, and how many of its rows are written so far.
ArchiveProgress = Callable[[str, int], None]


@dataclass(frozen=True, slots=True)
class ArchiveSummary:
    """How many rows of each table the archive holds, in ``ARCHIVE_TABLES`` order."""

    rows: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(count for _name, count in self.rows)

    def count(self, table: str) -> int:
        return dict(self.rows).get(table, 0)

    def describe(self) -> str:
        return (f"{self.total:,} rows: {self.count('round'):,} rounds, "
                f"{self.count('battlefield_event'):,} events, "
                f"{self.count('source'):,} sources")


def archive_table(name: str) -> Table:
    return Base.metadata.tables[name]


def header(connection: Connection) -> dict[str, object]:
    return {"format": FORMAT_NAME, "format_version": FORMAT_VERSION,
            "schema_revision": migrate.current_revision(connection)}


def write_archive(session: Session, stream: TextIO, *,
                  progress: ArchiveProgress | None = None) -> ArchiveSummary:
    """Stream the whole database to *stream* as an archive; return the row counts."""
    connection = session.connection()
    # An archive restores what it holds as decided: never an event its rules owe.
    require_categories(connection)
    writer = ArchiveWriter(stream, header(connection))
    counts: list[tuple[str, int]] = []
    for name in ARCHIVE_TABLES:
        table = archive_table(name)
        codecs = table_codecs(table)
        writer.begin_table(name)
        written = 0
        for page in _pages(connection, table):
            for row in page:
                writer.row({codec.name: codec.write(row[codec.name]) for codec in codecs})
            written += len(page)
            if progress is not None:
                progress(name, written)
        writer.end_table()
        counts.append((name, written))
    writer.close()
    return ArchiveSummary(tuple(counts))


def export_archive(session: Session, destination: Path, *,
                   progress: ArchiveProgress | None = None) -> ArchiveSummary:
    """Write the archive to *destination* whole or not at all."""
    with atomic_text_writer(Path(destination)) as stream:
        return write_archive(session, stream, progress=progress)


def count_rows(session: Session) -> int:
    """Rows the archive of this database will hold (for a progress bar)."""
    connection = session.connection()
    return sum(connection.scalar(select(func.count()).select_from(archive_table(name))) or 0
               for name in ARCHIVE_TABLES)


def _pages(connection: Connection, table: Table) -> Iterator[list[Any]]:
    """The table's rows by primary key, a page at a time (keyset paging: each page is
    one index range, however deep into a million rows it starts)."""
    [key] = table.primary_key.columns
    order: ColumnElement[Any] = key
    if connection.dialect.name == "postgresql" and key.type.python_type is not int:
        order = key.collate("C")  # code-point order, as SQLite and Python sort text
    query = select(table).order_by(order).limit(PAGE_ROWS)
    last: Any = None
    while True:
        page_query = query if last is None else query.where(order > last)
        page = [row._mapping for row in connection.execute(page_query)]
        if not page:
            return
        yield page
        if len(page) < PAGE_ROWS:
            return
        last = page[-1][key.name]
