"""Target categories say who decided them; a database keeps its own categories and rules.

Adds to battlefield_event: target_source ('rule' or 'analyst'; NULL: nobody yet),
target_rule and target_confidence (the rule that suggested the category), and
target_decided_at. A category already stored was chosen by a person (the samples' events
carry one): those rows become 'analyst', decided when they were imported, so no rule
pass ever overwrites them. Plain ADD COLUMNs of nullable columns,
so SQLite does not copy a table that may hold millions of events; the fill touches only
the rows that have a category (read through the category's index).

New tables: target_category (extra categories) and target_rule (an analyst's rules).

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tracker.domain.base import UTCDateTime
from tracker.storage.change_feed import NOTIFY_TRIGGER_SUFFIX, postgres_ddl

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None
# Shown in the window (the Target Rules dialog, the category lists): a colleague's
# change to them reaches every open window (storage.change_feed).
TABLES = ("target_category", "target_rule")


def upgrade() -> None:
    op.add_column('battlefield_event', sa.Column('target_source', sa.String(), nullable=True))
    op.add_column('battlefield_event', sa.Column('target_rule', sa.String(), nullable=True))
    op.add_column('battlefield_event', sa.Column('target_confidence', sa.Float(),
                                                 nullable=True))
    op.add_column('battlefield_event', sa.Column('target_decided_at', UTCDateTime(),
                                                 nullable=True))
    op.execute("UPDATE battlefield_event SET target_source = 'analyst', "
               "target_decided_at = imported_at WHERE target_category <> ''")
    op.create_table(
        'target_category',
        sa.Column('name', sa.String(), nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_target_category')),
    )
    op.create_table(
        'target_rule',
        sa.Column('id', sa.String(), nullable=False),
        sa.Column('category', sa.String(), nullable=False),
        sa.Column('confidence', sa.Float(), nullable=False),
        sa.Column('fields', sa.Text(), nullable=False),
        sa.Column('stems', sa.Text(), nullable=False),
        sa.Column('words', sa.Text(), nullable=False),
        sa.Column('created_at', UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_target_rule')),
    )
    if op.get_bind().dialect.name == "postgresql":
        for sql in postgres_ddl(TABLES)[1:]:  # the function is 0008's
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f'DROP TRIGGER IF EXISTS {table}{NOTIFY_TRIGGER_SUFFIX} ON "{table}"')
    op.drop_table('target_rule')
    op.drop_table('target_category')
    for name in ('target_decided_at', 'target_confidence', 'target_rule', 'target_source'):
        op.drop_column('battlefield_event', name)
