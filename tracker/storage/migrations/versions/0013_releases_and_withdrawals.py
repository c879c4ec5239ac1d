"""Battlefield events carry a record status: current, withdrawn by their source, or merged.

Adds battlefield_event.record_status ('current' | 'withdrawn' | 'merged', NOT NULL,
server default 'current', so every event already stored stays counted) and
status_changed_at (when it last changed). Only 'current' events count
(storage.counted_events): the day-count triggers are rewritten to count them alone, on
SQLite and PostgreSQL. Every stored event is current, so the counts stand as they are.

Plain ADD COLUMNs (NOT NULL with a default), so SQLite does not copy the table, which may
hold millions of events.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

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
    _rewrite_triggers(by_status=True)


def downgrade() -> None:
    _rewrite_triggers(by_status=False)
    for column in ('status_changed_at', 'record_status'):
        if op.get_bind().dialect.name == "sqlite":
            # SQLite's own DROP COLUMN (3.35+), not a batch copy of millions of rows.
            op.execute(f"ALTER TABLE battlefield_event DROP COLUMN {column}")
        else:
            op.drop_column('battlefield_event', column)
