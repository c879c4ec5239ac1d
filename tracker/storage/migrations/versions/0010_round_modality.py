"""Rounds say how the delegations meet: in person, virtual, hybrid or not known.

Adds round.modality, a checked enum stored as its value like the round's format and
status. Every existing round reads "unknown" (the server default): nobody recorded it.
A plain ADD COLUMN (NOT NULL with a default), so SQLite does not copy the table; the
column's CHECK is written out for SQLite, where Alembic would skip it.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_MODALITIES = ('in person', 'virtual', 'hybrid', 'unknown')


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Alembic leaves out an enum's CHECK on SQLite (it cannot ALTER one in later);
        # SQLite takes it as part of the column, and checks it as the other enums are.
        allowed = ", ".join(f"'{value}'" for value in _MODALITIES)
        op.execute("ALTER TABLE round ADD COLUMN modality VARCHAR(32) DEFAULT 'unknown' "
                   f"NOT NULL CONSTRAINT ck_round_roundmodality CHECK (modality IN ({allowed}))")
        return
    op.add_column('round', sa.Column(
        'modality', sa.Enum(*_MODALITIES, name='roundmodality', native_enum=False,
                            create_constraint=True, length=32),
        nullable=False, server_default='unknown'))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # A batch copy would keep the column's CHECK without the column; SQLite's own
        # DROP COLUMN (3.35+) removes both.
        op.execute("ALTER TABLE round DROP COLUMN modality")
        return
    op.drop_column('round', 'modality')
