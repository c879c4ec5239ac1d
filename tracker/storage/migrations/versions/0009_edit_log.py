"""The edit log: who added, changed or deleted which record, and when (append-only).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tracker.domain.base import UTCDateTime

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_REFUSAL = "the edit log is append-only"


def upgrade() -> None:
    op.create_table(
        'edit_log',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('changed_at', UTCDateTime(), nullable=False),
        sa.Column('changed_by', sa.String(), nullable=False),
        sa.Column('action', sa.String(), nullable=False),
        sa.Column('record_kind', sa.String(), nullable=False),
        sa.Column('record_id', sa.Integer(), nullable=False),
        sa.Column('fields', sa.Text(), nullable=False),
        sa.Column('label', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_edit_log')),
    )
    op.create_index('ix_edit_log_record', 'edit_log',
                    ['record_kind', 'record_id', 'changed_at'], unique=False)
    op.create_index('ix_edit_log_changed_at', 'edit_log', ['changed_at'], unique=False)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER edit_log_no_{action.lower()} BEFORE {action} "
                       f"ON edit_log BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END")
    elif dialect == "postgresql":
        op.execute("CREATE FUNCTION edit_log_append_only() RETURNS trigger AS $$ BEGIN "
                   f"RAISE EXCEPTION '{_REFUSAL}' "
                   "USING ERRCODE = 'integrity_constraint_violation'; END; $$ "
                   "LANGUAGE plpgsql")
        op.execute("CREATE TRIGGER edit_log_append_only BEFORE UPDATE OR DELETE ON edit_log "
                   "FOR EACH ROW EXECUTE FUNCTION edit_log_append_only()")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS edit_log_append_only ON edit_log")
        op.execute("DROP FUNCTION IF EXISTS edit_log_append_only()")
    op.drop_index('ix_edit_log_changed_at', table_name='edit_log')
    op.drop_index('ix_edit_log_record', table_name='edit_log')
    op.drop_table('edit_log')  # SQLite drops the table's triggers with it
