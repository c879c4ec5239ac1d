"""Schedule changes say when they were announced, and an undo retracts instead of moving.

Adds to schedule_change:
- announced_at and announced_precision: when the change was made public, a day or an
  instant. Existing rows only know when they were entered, so they take recorded_at,
  as an instant.
- retracts_id: the change a row retracts (an undo; a redo retracts the retraction), at
  most one retraction per change (a unique index).

The history is append-only by trigger; the fill is the one UPDATE it ever gets, so the
trigger is dropped around it and put back in the same transaction.

On SQLite, ADD COLUMN needs a constant default for a NOT NULL column: announced_at gets
the epoch, overwritten at once by the fill, and every row the tracker writes sets it.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_PRECISIONS = ('exact', 'day', 'week', 'month', 'unknown')
_SQLITE_TRIGGERS = ("UPDATE", "DELETE")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    _drop_append_only(sqlite)
    if sqlite:
        allowed = ", ".join(f"'{value}'" for value in _PRECISIONS)
        op.execute("ALTER TABLE schedule_change ADD COLUMN announced_at DATETIME NOT NULL "
                   "DEFAULT '1970-01-01 00:00:00.000000'")
        op.execute("ALTER TABLE schedule_change ADD COLUMN announced_precision VARCHAR(32) "
                   "DEFAULT 'exact' NOT NULL CONSTRAINT "
                   "ck_schedule_change_announced_precision "
                   f"CHECK (announced_precision IN ({allowed}))")
        op.execute("ALTER TABLE schedule_change ADD COLUMN retracts_id INTEGER CONSTRAINT "
                   "fk_schedule_change_retracts_id_schedule_change "
                   "REFERENCES schedule_change (id)")
    else:
        op.add_column('schedule_change', sa.Column(
            'announced_at', sa.DateTime(timezone=True), nullable=True))
        op.add_column('schedule_change', sa.Column(
            'announced_precision', sa.Enum(*_PRECISIONS, name='announced_precision',
                                           native_enum=False, create_constraint=True,
                                           length=32),
            nullable=False, server_default='exact'))
        op.add_column('schedule_change', sa.Column('retracts_id', sa.Integer(), nullable=True))
        op.create_foreign_key(op.f('fk_schedule_change_retracts_id_schedule_change'),
                              'schedule_change', 'schedule_change', ['retracts_id'], ['id'])
    op.execute("UPDATE schedule_change SET announced_at = recorded_at")
    if not sqlite:
        op.alter_column('schedule_change', 'announced_at', nullable=False)
    op.create_index('ix_schedule_change_retracts_id', 'schedule_change', ['retracts_id'],
                    unique=True)
    _restore_append_only(sqlite)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.drop_index('ix_schedule_change_retracts_id', table_name='schedule_change')
    if sqlite:
        # SQLite's own DROP COLUMN (3.35+) takes a column's inline constraints with it.
        for column in ("retracts_id", "announced_precision", "announced_at"):
            op.execute(f"ALTER TABLE schedule_change DROP COLUMN {column}")
        return
    op.drop_constraint(op.f('fk_schedule_change_retracts_id_schedule_change'),
                       'schedule_change', type_='foreignkey')
    for column in ("retracts_id", "announced_precision", "announced_at"):
        op.drop_column('schedule_change', column)


def _drop_append_only(sqlite: bool) -> None:
    if sqlite:
        for action in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER schedule_change_no_{action.lower()}")
    else:
        op.execute("DROP TRIGGER schedule_change_append_only ON schedule_change")


def _restore_append_only(sqlite: bool) -> None:
    """The triggers of migration 0001, as they were."""
    if sqlite:
        for action in _SQLITE_TRIGGERS:
            op.execute(
                f"CREATE TRIGGER schedule_change_no_{action.lower()} BEFORE {action} "
                "ON schedule_change BEGIN "
                "SELECT RAISE(ABORT, 'schedule history is append-only'); END"
            )
    else:
        op.execute(
            "CREATE TRIGGER schedule_change_append_only BEFORE UPDATE OR DELETE "
            "ON schedule_change FOR EACH ROW EXECUTE FUNCTION schedule_change_append_only()"
        )
