"""Battlefield events say which country they happened in, as their dataset names it.

Adds battlefield_event.country: ACLED's and UCDP's ``country`` column, kept so an export
can say it (the chronology's CSV has a column for it). Existing rows read "" (the server
default): they were imported before it was kept, and a re-import rewrites only the
records their dataset changed (storage/event_upsert.py), so the others keep "". A plain
ADD COLUMN (NOT NULL with a default), so SQLite does not copy the table,
which may hold millions of events.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('battlefield_event', sa.Column('country', sa.String(), nullable=False,
                                                 server_default=''))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite's own DROP COLUMN (3.35+), not a batch copy of millions of rows.
        op.execute("ALTER TABLE battlefield_event DROP COLUMN country")
        return
    op.drop_column('battlefield_event', 'country')
