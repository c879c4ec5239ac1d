"""Rounds remember the calendar entry they were imported from.

Adds round.calendar_uid: the UID of a VEVENT from another calendar (Google, Outlook…)
that created the round, so importing the same calendar again updates the round instead of
adding a second one. NULL for rounds entered here, whose UID is derived from their id.
A unique index rather than a unique constraint, so SQLite can add it without copying the
table.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('round', sa.Column('calendar_uid', sa.String(), nullable=True))
    op.create_index('ix_round_calendar_uid', 'round', ['calendar_uid'], unique=True)


def downgrade() -> None:
    op.drop_index('ix_round_calendar_uid', table_name='round')
    with op.batch_alter_table('round') as batch_op:
        batch_op.drop_column('calendar_uid')
