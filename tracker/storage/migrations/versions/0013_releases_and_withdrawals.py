"""Battlefield events carry a record status: current, withdrawn by their source, or merged.

Adds battlefield_event.record_status ('current' | 'withdrawn' | 'merged', NOT NULL,
server default 'current', so every event already stored stays counted) and
status_changed_at (when it last changed). Only 'current' events count
(storage.counted_events): the day-count triggers are rewritten to count them alone, on
SQLite and PostgreSQL. Every stored event is current, so the counts stand as they are.

Events also keep the release their values came from (source_release), the rank of the
newest release that told them (release_rank, services.imports.releases) and when an
import first added them (first_imported_at; unknown for events stored before). Import
runs keep their release (release_kind, release_rank), the scope they speak for (scope,
JSON) and how many differences they skipped as older (older) and events they withdrew
(withdrawn). Events and runs stored before have no release: the next release of their
dataset is taken as newer.

Events also get their country's ISO 3166 alpha-3 code (country_code) and ACLED's associated
actors (assoc_actor_1, assoc_actor_2), filled from what is already stored: the code from
each distinct country name, the actors from ACLED events' raw records read with their
import run's header.

A new table, export_record, notes each export made ("what changed since my last
export").

Plain ADD COLUMNs (NOT NULL with a default), so SQLite does not copy the table, which may
hold millions of events.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import csv

import sqlalchemy as sa
from alembic import op

from tracker.io.country_codes import iso_code
from tracker.storage.day_counts import drop_postgres_ddl, postgres_ddl, sqlite_triggers

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def _rewrite_triggers(*, by_status: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name, sql in sqlite_triggers(by_status=by_status).items():
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
            op.execute(sql)
    elif bind.dialect.name == "postgresql":
        for sql in drop_postgres_ddl():
            op.execute(sql)
        for sql in postgres_ddl(by_status=by_status):
            op.execute(sql)


def upgrade() -> None:
    op.add_column('battlefield_event', sa.Column(
        'record_status', sa.String(), nullable=False, server_default='current'))
    op.add_column('battlefield_event', sa.Column(
        'status_changed_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('battlefield_event', sa.Column(
        'source_release', sa.String(), nullable=False, server_default=''))
    op.add_column('battlefield_event', sa.Column('release_rank', sa.BigInteger(),
                                                 nullable=True))
    op.add_column('battlefield_event', sa.Column(
        'first_imported_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('import_run', sa.Column('release_kind', sa.String(), nullable=True))
    op.add_column('import_run', sa.Column('release_rank', sa.BigInteger(), nullable=True))
    op.add_column('import_run', sa.Column('scope', sa.Text(), nullable=False,
                                          server_default=''))
    op.add_column('import_run', sa.Column('older', sa.Integer(), nullable=False,
                                          server_default='0'))
    op.add_column('import_run', sa.Column('withdrawn', sa.Integer(), nullable=False,
                                          server_default='0'))
    for name in ('country_code', 'assoc_actor_1', 'assoc_actor_2'):
        op.add_column('battlefield_event', sa.Column(name, sa.String(), nullable=False,
                                                     server_default=''))
    op.create_table(
        'export_record',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('exported_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('kind', sa.String(), nullable=False),
        sa.Column('destination', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_export_record')),
    )
    _rewrite_triggers(by_status=True)
    bind = op.get_bind()
    _fill_country_codes(bind)
    _fill_associated_actors(bind)


def _fill_country_codes(bind: sa.Connection) -> None:
    """One UPDATE per distinct country name (a few), through its index-free scan."""
    names = bind.execute(sa.text(
        "SELECT DISTINCT country FROM battlefield_event WHERE country != ''")).scalars()
    for name in list(names):
        code = iso_code(name)
        if code:
            bind.execute(sa.text("UPDATE battlefield_event SET country_code = :code "
                                 "WHERE country = :name"), {"code": code, "name": name})


def _fill_associated_actors(bind: sa.Connection) -> None:
    """ACLED events' assoc_actor_1/2, read from their raw record by their run's header."""
    headers: dict[int, str] = dict(bind.execute(sa.text(
        "SELECT id, header FROM import_run WHERE dataset = 'ACLED'")).all())
    positions: dict[int, tuple[int | None, ...]] = {}
    for run_id, header in headers.items():
        names = [name.strip().casefold() for name in next(csv.reader([header]))]
        if "assoc_actor_1" in names or "assoc_actor_2" in names:
            positions[run_id] = tuple(names.index(name) if name in names else None
                                      for name in ("assoc_actor_1", "assoc_actor_2"))
    if not positions:
        return
    # A page of events at a time, by id: a full ACLED export is a million records.
    after = 0
    while True:
        rows = bind.execute(sa.text(
            "SELECT e.id, e.import_run_id, r.raw FROM battlefield_event e "
            "JOIN battlefield_event_raw r ON r.event_id = e.id "
            "WHERE e.dataset = 'ACLED' AND e.id > :after ORDER BY e.id LIMIT :page"),
            {"after": after, "page": _PAGE}).all()
        if not rows:
            return
        after = rows[-1][0]
        updates = []
        for event_id, run_id, raw in rows:
            where = positions.get(run_id)
            if where is None:
                continue
            fields = next(csv.reader([raw]), [])
            values = [fields[i].strip() if i is not None and i < len(fields) else ""
                      for i in where]
            if any(values):
                updates.append({"id": event_id, "a1": values[0], "a2": values[1]})
        if updates:
            bind.execute(sa.text("UPDATE battlefield_event SET assoc_actor_1 = :a1, "
                                 "assoc_actor_2 = :a2 WHERE id = :id"), updates)


_PAGE = 10_000


_ADDED = {
    'battlefield_event': ('assoc_actor_2', 'assoc_actor_1', 'country_code',
                          'first_imported_at', 'release_rank', 'source_release',
                          'status_changed_at', 'record_status'),
    'import_run': ('withdrawn', 'older', 'scope', 'release_rank', 'release_kind'),
}


def downgrade() -> None:
    _rewrite_triggers(by_status=False)
    op.drop_table('export_record')
    for table, columns in _ADDED.items():
        for column in columns:
            if op.get_bind().dialect.name == "sqlite":
                # SQLite's own DROP COLUMN (3.35+), not a batch copy of millions of rows.
                op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
            else:
                op.drop_column(table, column)
