"""Event import: provenance columns, import runs and mappings, an index per sort column.

Adds what ACLED and UCDP rows carry beyond the first schema (end date, interaction, low
and high death estimates, source text, last-modified stamp, a digest of the raw record),
the raw records in a table of their own, the tables
recording import runs and remembered column mappings, and indexes so every column of the
Events view sorts off an index with the date as tie-break. On SQLite the FTS5 update
trigger now fires only when indexed text changes, not on every re-import of a row.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_FTS_COLUMNS = ("summary", "location", "admin1", "admin2", "actor1", "actor2",
                "event_type", "sub_event_type")
_NEW_INDEXES = {
    "ix_battlefield_event_location_date": ["location", "event_date"],
    "ix_battlefield_event_sub_type_date": ["sub_event_type", "event_date"],
    "ix_battlefield_event_actor1_date": ["actor1", "event_date"],
    "ix_battlefield_event_fatalities_date": ["fatalities", "event_date"],
    "ix_battlefield_event_injuries_date": ["injuries", "event_date"],
}


def upgrade() -> None:
    op.create_table(
        'import_run',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('dataset', sa.String(), nullable=False),
        sa.Column('layout', sa.String(), nullable=False),
        sa.Column('file_name', sa.String(), nullable=False),
        sa.Column('file_size', sa.Integer(), nullable=False),
        sa.Column('encoding', sa.String(), nullable=False),
        sa.Column('header', sa.Text(), nullable=False),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('finished_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('records', sa.Integer(), nullable=False),
        sa.Column('added', sa.Integer(), nullable=False),
        sa.Column('updated', sa.Integer(), nullable=False),
        sa.Column('unchanged', sa.Integer(), nullable=False),
        sa.Column('rejected', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_import_run')),
    )
    op.create_table(
        'import_mapping',
        sa.Column('header_key', sa.String(), nullable=False),
        sa.Column('header', sa.Text(), nullable=False),
        sa.Column('mapping', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('header_key', name=op.f('pk_import_mapping')),
    )
    # Plain ADD COLUMN (no batch copy): nullable, or NOT NULL with a default.
    op.add_column('battlefield_event', sa.Column('event_date_end', sa.Date(), nullable=True))
    op.add_column('battlefield_event', sa.Column('interaction', sa.String(), nullable=False,
                                                 server_default=''))
    op.add_column('battlefield_event', sa.Column('fatalities_low', sa.Integer(), nullable=True))
    op.add_column('battlefield_event', sa.Column('fatalities_high', sa.Integer(), nullable=True))
    op.add_column('battlefield_event', sa.Column('reported_by', sa.Text(), nullable=False,
                                                 server_default=''))
    op.add_column('battlefield_event', sa.Column('source_updated', sa.BigInteger(),
                                                 nullable=True))
    op.add_column('battlefield_event', sa.Column('import_run_id', sa.Integer(), nullable=True))
    op.add_column('battlefield_event', sa.Column('raw_digest', sa.BigInteger(),
                                                 nullable=True))
    op.create_table(
        'battlefield_event_raw',
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('raw', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['battlefield_event.id'],
                                name=op.f('fk_battlefield_event_raw_event_id_battlefield_event'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('event_id', name=op.f('pk_battlefield_event_raw')),
    )
    op.drop_index('ix_battlefield_event_location', table_name='battlefield_event')
    for name, columns in _NEW_INDEXES.items():
        op.create_index(name, 'battlefield_event', columns, unique=False)
    if op.get_bind().dialect.name == "sqlite":
        _fts_update_trigger(only_text_changes=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _fts_update_trigger(only_text_changes=False)
    for name in _NEW_INDEXES:
        op.drop_index(name, table_name='battlefield_event')
    op.create_index('ix_battlefield_event_location', 'battlefield_event', ['location'],
                    unique=False)
    with op.batch_alter_table('battlefield_event') as batch_op:
        for column in ('raw_digest', 'import_run_id', 'source_updated', 'reported_by',
                       'fatalities_high', 'fatalities_low', 'interaction', 'event_date_end'):
            batch_op.drop_column(column)
    op.drop_table('battlefield_event_raw')
    op.drop_table('import_mapping')
    op.drop_table('import_run')


def _fts_update_trigger(*, only_text_changes: bool) -> None:
    columns = ", ".join(_FTS_COLUMNS)
    new_values = ", ".join(f"new.{column}" for column in _FTS_COLUMNS)
    old_values = ", ".join(f"old.{column}" for column in _FTS_COLUMNS)
    when = f"UPDATE OF {columns}" if only_text_changes else "UPDATE"
    op.execute("DROP TRIGGER battlefield_event_fts_update")
    op.execute(
        f"CREATE TRIGGER battlefield_event_fts_update AFTER {when} ON battlefield_event BEGIN "
        f"INSERT INTO battlefield_event_fts(battlefield_event_fts, rowid, {columns}) "
        f"VALUES ('delete', old.id, {old_values}); "
        f"INSERT INTO battlefield_event_fts(rowid, {columns}) VALUES (new.id, {new_values}); END"
    )
