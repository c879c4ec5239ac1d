"""Event counts per map cell and day, for the Map tab.

Adds event_map_cell (events per grid cell at four grid sizes, day and month, event type
and target category; storage/map_cells.py), counts the events already stored, and creates the
triggers that keep the counts current (SQLite triggers; a plpgsql function on
PostgreSQL). Also an index on the events' coordinates, so the map reads the few events in
view as points without scanning the table.

Revision ID: 0016
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tracker.storage import map_cells

revision = '0016'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'event_map_cell',
        sa.Column('grid', sa.SmallInteger(), nullable=False),
        sa.Column('period', sa.SmallInteger(), nullable=False),
        sa.Column('cell_x', sa.Integer(), nullable=False),
        sa.Column('cell_y', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('event_type', sa.String(), nullable=False),
        sa.Column('target_category', sa.String(), nullable=False),
        sa.Column('events', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('grid', 'period', 'cell_x', 'cell_y', 'day', 'event_type',
                                'target_category', name=op.f('pk_event_map_cell')),
        sqlite_with_rowid=False,
    )
    # recount (below) builds the day index, ix_event_map_cell_day, after the rows.
    op.create_index('ix_battlefield_event_place', 'battlefield_event',
                    ['latitude', 'longitude', 'event_date'])
    bind = op.get_bind()
    map_cells.recount(bind)
    map_cells.create_triggers(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in map_cells.sqlite_triggers():
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif bind.dialect.name == "postgresql":
        for name in map_cells.POSTGRES_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON battlefield_event")
        op.execute(f"DROP FUNCTION IF EXISTS {map_cells.POSTGRES_FUNCTION}()")
    op.drop_index('ix_battlefield_event_place', table_name='battlefield_event')
    op.drop_table('event_map_cell')
