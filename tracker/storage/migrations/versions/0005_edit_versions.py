"""Every record the window edits carries a version counter (optimistic locking).

Round has had one since 0001. This adds ``version`` to the other tables a user edits:
factors, their readings, round dependencies, participants, venues, sources and event
links. SQLAlchemy's ``version_id_col`` bumps it on every UPDATE and makes the UPDATE
match only the version it read, so two editors can never overwrite each other silently.
Existing rows start at 1 (a constant default: SQLite adds the column without copying).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

TABLES = ('factor', 'factor_reading', 'dependency', 'round_participant', 'venue', 'source',
          'event_link')


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column('version', sa.Integer(), nullable=False,
                                       server_default='1'))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column('version')
