"""One event, several datasets: candidate pairs and decisions, and the preferred dataset.

Adds event_match (two events that may be one, with the search's score and distance and the
analyst's decision), dataset_preference (which dataset's figures stand for an accepted
pair) and an index on battlefield_event (dataset, event_date), which the candidate search
reads a stretch of days of one dataset through. Nothing to fill: no pair exists before the
first search. On PostgreSQL the two tables notify a colleague's window of changes, as
0008's tables do.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tracker.domain.base import UTCDateTime
from tracker.storage.change_feed import NOTIFY_TRIGGER_SUFFIX, postgres_ddl

# Tables a window shows, watched for a colleague's changes from this revision on (0008's
# notification function, a trigger each).
TABLES = ("event_match", "dataset_preference")

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'event_match',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('left_id', sa.Integer(), nullable=False),
        sa.Column('right_id', sa.Integer(), nullable=False),
        sa.Column('score', sa.Double(), nullable=False),
        sa.Column('distance_km', sa.Double(), nullable=False),
        sa.Column('status', sa.Enum('proposed', 'accepted', 'rejected', name='matchstatus',
                                    native_enum=False, create_constraint=True, length=32),
                  nullable=False),
        sa.Column('found_at', UTCDateTime(), nullable=False),
        sa.Column('decided_at', UTCDateTime(), nullable=True),
        sa.Column('decided_by', sa.String(), server_default='', nullable=False),
        sa.CheckConstraint('left_id <> right_id', name=op.f('ck_event_match_two_events')),
        sa.ForeignKeyConstraint(['left_id'], ['battlefield_event.id'], ondelete='CASCADE',
                                name=op.f('fk_event_match_left_id_battlefield_event')),
        sa.ForeignKeyConstraint(['right_id'], ['battlefield_event.id'], ondelete='CASCADE',
                                name=op.f('fk_event_match_right_id_battlefield_event')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_event_match')),
        sa.UniqueConstraint('left_id', 'right_id',
                            name=op.f('uq_event_match_left_id_right_id')),
    )
    op.create_index('ix_event_match_status_score', 'event_match', ['status', 'score'])
    op.create_index('ix_event_match_right_id', 'event_match', ['right_id'])
    op.create_table(
        'dataset_preference',
        sa.Column('dataset', sa.String(), nullable=False),
        sa.Column('rank', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('dataset', name=op.f('pk_dataset_preference')),
    )
    op.create_index('ix_battlefield_event_dataset_date', 'battlefield_event',
                    ['dataset', 'event_date'])
    if op.get_bind().dialect.name == "postgresql":
        for sql in postgres_ddl(TABLES)[1:]:  # the function is 0008's
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f'DROP TRIGGER IF EXISTS {table}{NOTIFY_TRIGGER_SUFFIX} ON "{table}"')
    op.drop_index('ix_battlefield_event_dataset_date', table_name='battlefield_event')
    op.drop_table('dataset_preference')
    op.drop_index('ix_event_match_right_id', table_name='event_match')
    op.drop_index('ix_event_match_status_score', table_name='event_match')
    op.drop_table('event_match')
