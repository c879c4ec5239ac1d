"""Per-day event counts for the timeline and the analysis.

Adds event_day_count (events, fatalities and injuries per day, type, target category and
date precision), counts the events already in the database, and on SQLite creates the
triggers that keep the counts current.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tracker.storage.day_counts import recount, sqlite_triggers

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_PRECISIONS = ('exact', 'day', 'week', 'month', 'unknown')


def upgrade() -> None:
    op.create_table(
        'event_day_count',
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('event_type', sa.String(), nullable=False),
        sa.Column('target_category', sa.String(), nullable=False),
        sa.Column('date_precision', sa.Enum(*_PRECISIONS, name='precision',
                                            native_enum=False, create_constraint=True,
                                            length=32), nullable=False),
        sa.Column('events', sa.Integer(), nullable=False),
        sa.Column('fatalities', sa.Integer(), nullable=False),
        sa.Column('injuries', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('day', 'event_type', 'target_category', 'date_precision',
                                name=op.f('pk_event_day_count')),
    )
    bind = op.get_bind()
    # Status-blind: record_status arrives in 0013, which rewrites these triggers.
    recount(bind, by_status=False)
    if bind.dialect.name == "sqlite":
        for sql in sqlite_triggers(by_status=False).values():
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in sqlite_triggers(by_status=False):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('event_day_count')
