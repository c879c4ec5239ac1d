"""Casualty and damage claims, and settings kept by the database itself.

Adds casualty_claim: a figure (one value or low/best/high) for one measure of an event,
or of a day and place, with its claimant, source and status (domain.claims). Nothing is
filled from stored data: the figures imported events carry stay in their own columns and
are told as their dataset's claims (services.claims.claims).

Adds database_setting (key, value): choices that belong to the database and everyone
sharing it, such as which claim counts as an event's figure (services.claims.figure_rule).
No row means each setting's default, so existing databases read as before.

Revision ID: 0017
Revises: 0016

On PostgreSQL, casualty_claim gets the change-notification trigger (migration 0008).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tracker.storage.change_feed import postgres_ddl

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

# The tables watched from this revision on (change_feed.WATCHED_TABLES).
TABLES = ("casualty_claim",)
_STATUSES = "'claimed', 'corroborated', 'disputed'"
_KINDS = "'party', 'ministry', 'dataset', 'journalist', 'other'"


def upgrade() -> None:
    op.create_table(
        'casualty_claim',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=True),
        sa.Column('day', sa.Date(), nullable=True),
        sa.Column('place', sa.String(), nullable=False),
        sa.Column('measure', sa.String(), nullable=False),
        sa.Column('value_low', sa.Integer(), nullable=True),
        sa.Column('value_best', sa.Integer(), nullable=True),
        sa.Column('value_high', sa.Integer(), nullable=True),
        sa.Column('claimant', sa.String(), nullable=False),
        sa.Column('claimant_kind', sa.String(), nullable=False),
        sa.Column('source_id', sa.Integer(), nullable=True),
        sa.Column('status', sa.String(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('version', sa.Integer(), server_default='1', nullable=False),
        sa.CheckConstraint('event_id IS NOT NULL OR day IS NOT NULL',
                           name=op.f('ck_casualty_claim_attached')),
        sa.CheckConstraint(
            'value_low IS NOT NULL OR value_best IS NOT NULL OR value_high IS NOT NULL',
            name=op.f('ck_casualty_claim_has_figure')),
        sa.CheckConstraint(
            '(value_low IS NULL OR value_low >= 0) AND (value_best IS NULL OR value_best >= 0)'
            ' AND (value_high IS NULL OR value_high >= 0)',
            name=op.f('ck_casualty_claim_not_negative')),
        sa.CheckConstraint(f'status IN ({_STATUSES})', name=op.f('ck_casualty_claim_status')),
        sa.CheckConstraint(f'claimant_kind IN ({_KINDS})',
                           name=op.f('ck_casualty_claim_claimant_kind')),
        sa.ForeignKeyConstraint(['event_id'], ['battlefield_event.id'],
                                name=op.f('fk_casualty_claim_event_id_battlefield_event'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['source_id'], ['source.id'],
                                name=op.f('fk_casualty_claim_source_id_source'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_casualty_claim')),
    )
    op.create_index('ix_casualty_claim_event_id', 'casualty_claim', ['event_id'])
    op.create_index('ix_casualty_claim_day', 'casualty_claim', ['day'])
    op.create_table(
        'database_setting',
        sa.Column('key', sa.String(), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_database_setting')),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Colleagues' windows hear of claims as of any watched table (change_feed); the
        # notify function exists since 0008, so only the trigger is made here.
        for sql in postgres_ddl(TABLES)[1:]:
            op.execute(sql)


def downgrade() -> None:
    op.drop_table('database_setting')
    op.drop_index('ix_casualty_claim_day', table_name='casualty_claim')
    op.drop_index('ix_casualty_claim_event_id', table_name='casualty_claim')
    op.drop_table('casualty_claim')
