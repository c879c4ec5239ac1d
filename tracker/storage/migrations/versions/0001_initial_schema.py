"""Initial schema: the negotiation picture, battlefield events, links and sources.

On SQLite it also creates the FTS5 index over event text and the triggers that keep
schedule history append-only.

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 06:17:03.460834
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def _new_side(name: str) -> str:
    """The enum (check constraint) name for a schedule change's new_* column.

    old_* and new_* share an enum, so both checks are named ck_schedule_change_<enum>:
    SQLite accepts the duplicate, PostgreSQL does not. There the new side gets its own
    name; SQLite files keep the schema they always had.
    """
    return f"new_{name}" if op.get_bind().dialect.name == "postgresql" else name


def upgrade() -> None:

    op.create_table('battlefield_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dataset', sa.String(), nullable=False),
    sa.Column('external_id', sa.String(), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('date_precision', sa.Enum('exact', 'day', 'week', 'month', 'unknown', name='precision', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('event_type', sa.String(), nullable=False),
    sa.Column('sub_event_type', sa.String(), nullable=False),
    sa.Column('target_category', sa.String(), nullable=False),
    sa.Column('actor1', sa.String(), nullable=False),
    sa.Column('actor2', sa.String(), nullable=False),
    sa.Column('admin1', sa.String(), nullable=False),
    sa.Column('admin2', sa.String(), nullable=False),
    sa.Column('location', sa.String(), nullable=False),
    sa.Column('latitude', sa.Double(), nullable=True),
    sa.Column('longitude', sa.Double(), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('injuries', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('fatalities IS NULL OR fatalities >= 0', name=op.f('ck_battlefield_event_fatalities')),
    sa.CheckConstraint('injuries IS NULL OR injuries >= 0', name=op.f('ck_battlefield_event_injuries')),
    sa.CheckConstraint('latitude IS NULL OR (latitude BETWEEN -90 AND 90)', name=op.f('ck_battlefield_event_latitude')),
    sa.CheckConstraint('longitude IS NULL OR (longitude BETWEEN -180 AND 180)', name=op.f('ck_battlefield_event_longitude')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_battlefield_event')),
    sa.UniqueConstraint('dataset', 'external_id', name=op.f('uq_battlefield_event_dataset_external_id'))
    )
    with op.batch_alter_table('battlefield_event', schema=None) as batch_op:
        batch_op.create_index('ix_battlefield_event_admin1_date', ['admin1', 'event_date'], unique=False)
        batch_op.create_index('ix_battlefield_event_date', ['event_date', 'id'], unique=False)
        batch_op.create_index('ix_battlefield_event_location', ['location'], unique=False)
        batch_op.create_index('ix_battlefield_event_target_date', ['target_category', 'event_date'], unique=False)
        batch_op.create_index('ix_battlefield_event_type_date', ['event_type', 'event_date'], unique=False)

    op.create_table('factor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_factor')),
    sa.UniqueConstraint('name', name=op.f('uq_factor_name'))
    )
    op.create_table('party',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('short_name', sa.String(), nullable=False),
    sa.Column('kind', sa.Enum('state', 'organisation', 'armed group', 'company', name='partykind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party')),
    sa.UniqueConstraint('name', name=op.f('uq_party_name'))
    )
    op.create_table('source',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outlet', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('url', sa.String(), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('accessed_on', sa.Date(), nullable=True),
    sa.Column('reliability', sa.Enum('confirmed', 'reliable', 'unverified', 'disputed', name='reliability', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source'))
    )
    op.create_table('track',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_track')),
    sa.UniqueConstraint('name', name=op.f('uq_track_name'))
    )
    op.create_table('venue',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('city', sa.String(), nullable=False),
    sa.Column('country', sa.String(), nullable=False),
    sa.Column('latitude', sa.Double(), nullable=True),
    sa.Column('longitude', sa.Double(), nullable=True),
    sa.Column('time_zone', sa.String(), nullable=False),
    sa.CheckConstraint('latitude IS NULL OR (latitude BETWEEN -90 AND 90)', name=op.f('ck_venue_latitude')),
    sa.CheckConstraint('longitude IS NULL OR (longitude BETWEEN -180 AND 180)', name=op.f('ck_venue_longitude')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_venue'))
    )
    op.create_table('factor_reading',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('factor_id', sa.Integer(), nullable=False),
    sa.Column('observed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('level', sa.Enum('low', 'moderate', 'high', 'critical', name='factorlevel', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('trend', sa.Enum('rising', 'stable', 'easing', name='factortrend', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['factor_id'], ['factor.id'], name=op.f('fk_factor_reading_factor_id_factor'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_factor_reading'))
    )
    with op.batch_alter_table('factor_reading', schema=None) as batch_op:
        batch_op.create_index('ix_factor_reading_factor_time', ['factor_id', 'observed_at'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], name=op.f('fk_person_party_id_party'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    op.create_table('round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('track_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('format', sa.Enum('bilateral', 'trilateral', 'proximity', 'technical', 'leaders', name='roundformat', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('status', sa.Enum('proposed', 'scheduled', 'confirmed', 'held', 'postponed', 'cancelled', name='roundstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('window_precision', sa.Enum('exact', 'day', 'week', 'month', 'unknown', name='precision', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('window_tz', sa.String(), nullable=False),
    sa.Column('window_start', sa.DateTime(timezone=True), nullable=True),
    sa.Column('window_end', sa.DateTime(timezone=True), nullable=True),
    sa.Column('venue_id', sa.Integer(), nullable=True),
    sa.Column('agenda', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('window_end IS NULL OR window_start IS NULL OR window_end > window_start', name=op.f('ck_round_window_order')),
    sa.ForeignKeyConstraint(['track_id'], ['track.id'], name=op.f('fk_round_track_id_track'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_round_venue_id_venue'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_round'))
    )
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.create_index('ix_round_window_start', ['window_start'], unique=False)

    op.create_table('dependency',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('factor_id', sa.Integer(), nullable=False),
    sa.Column('effect', sa.Enum('may postpone', 'may relocate', 'precondition', 'leverage', name='dependencyeffect', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['factor_id'], ['factor.id'], name=op.f('fk_dependency_factor_id_factor'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_dependency_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dependency')),
    sa.UniqueConstraint('round_id', 'factor_id', 'effect', name=op.f('uq_dependency_round_id_factor_id_effect'))
    )
    op.create_table('event_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=True),
    sa.Column('factor_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('context', 'escalation during talks', 'cited by a party', 'precondition impact', name='linkkind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(round_id IS NULL) <> (factor_id IS NULL)', name=op.f('ck_event_link_one_target')),
    sa.ForeignKeyConstraint(['event_id'], ['battlefield_event.id'], name=op.f('fk_event_link_event_id_battlefield_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['factor_id'], ['factor.id'], name=op.f('fk_event_link_factor_id_factor'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_event_link_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_link')),
    sa.UniqueConstraint('event_id', 'factor_id', 'kind', name=op.f('uq_event_link_event_id_factor_id_kind')),
    sa.UniqueConstraint('event_id', 'round_id', 'kind', name=op.f('uq_event_link_event_id_round_id_kind'))
    )
    with op.batch_alter_table('event_link', schema=None) as batch_op:
        batch_op.create_index('ix_event_link_event_id', ['event_id'], unique=False)
        batch_op.create_index('ix_event_link_factor_id', ['factor_id'], unique=False)
        batch_op.create_index('ix_event_link_round_id', ['round_id'], unique=False)

    op.create_table('round_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.Enum('party', 'mediator', 'host', 'observer', name='participantrole', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('note', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], name=op.f('fk_round_participant_party_id_party'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_round_participant_person_id_person'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_round_participant_round_id_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_round_participant')),
    sa.UniqueConstraint('round_id', 'party_id', 'role', name=op.f('uq_round_participant_round_id_party_id_role'))
    )
    op.create_table('schedule_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('created', 'rescheduled', 'relocated', 'status changed', 'edited', 'deleted', 'restored', name='changekind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_by', sa.String(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('factor_id', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('old_precision', sa.Enum('exact', 'day', 'week', 'month', 'unknown', name='precision', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('old_tz', sa.String(), nullable=True),
    sa.Column('old_start', sa.DateTime(timezone=True), nullable=True),
    sa.Column('old_end', sa.DateTime(timezone=True), nullable=True),
    sa.Column('new_precision', sa.Enum('exact', 'day', 'week', 'month', 'unknown', name=_new_side('precision'), native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('new_tz', sa.String(), nullable=True),
    sa.Column('new_start', sa.DateTime(timezone=True), nullable=True),
    sa.Column('new_end', sa.DateTime(timezone=True), nullable=True),
    sa.Column('old_venue_id', sa.Integer(), nullable=True),
    sa.Column('new_venue_id', sa.Integer(), nullable=True),
    sa.Column('old_status', sa.Enum('proposed', 'scheduled', 'confirmed', 'held', 'postponed', 'cancelled', name='roundstatus', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('new_status', sa.Enum('proposed', 'scheduled', 'confirmed', 'held', 'postponed', 'cancelled', name=_new_side('roundstatus'), native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.ForeignKeyConstraint(['factor_id'], ['factor.id'], name=op.f('fk_schedule_change_factor_id_factor'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['new_venue_id'], ['venue.id'], name=op.f('fk_schedule_change_new_venue_id_venue'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['old_venue_id'], ['venue.id'], name=op.f('fk_schedule_change_old_venue_id_venue'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_schedule_change_round_id_round'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_schedule_change_source_id_source'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_schedule_change'))
    )
    with op.batch_alter_table('schedule_change', schema=None) as batch_op:
        batch_op.create_index('ix_schedule_change_round_id', ['round_id'], unique=False)

    op.create_table('citation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=True),
    sa.Column('schedule_change_id', sa.Integer(), nullable=True),
    sa.Column('factor_id', sa.Integer(), nullable=True),
    sa.Column('factor_reading_id', sa.Integer(), nullable=True),
    sa.Column('dependency_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('event_link_id', sa.Integer(), nullable=True),
    sa.Column('party_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('venue_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(CASE WHEN round_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN schedule_change_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN factor_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN factor_reading_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN dependency_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN event_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN event_link_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN party_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN person_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN venue_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_citation_one_target')),
    sa.ForeignKeyConstraint(['dependency_id'], ['dependency.id'], name=op.f('fk_citation_dependency_id_dependency'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['battlefield_event.id'], name=op.f('fk_citation_event_id_battlefield_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_link_id'], ['event_link.id'], name=op.f('fk_citation_event_link_id_event_link'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['factor_id'], ['factor.id'], name=op.f('fk_citation_factor_id_factor'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['factor_reading_id'], ['factor_reading.id'], name=op.f('fk_citation_factor_reading_id_factor_reading'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], name=op.f('fk_citation_party_id_party'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_citation_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['round.id'], name=op.f('fk_citation_round_id_round'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['schedule_change_id'], ['schedule_change.id'], name=op.f('fk_citation_schedule_change_id_schedule_change'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_citation_source_id_source'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_citation_venue_id_venue'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citation'))
    )
    with op.batch_alter_table('citation', schema=None) as batch_op:
        batch_op.create_index('ix_citation_dependency_id', ['dependency_id'], unique=False)
        batch_op.create_index('ix_citation_event_id', ['event_id'], unique=False)
        batch_op.create_index('ix_citation_event_link_id', ['event_link_id'], unique=False)
        batch_op.create_index('ix_citation_factor_id', ['factor_id'], unique=False)
        batch_op.create_index('ix_citation_factor_reading_id', ['factor_reading_id'], unique=False)
        batch_op.create_index('ix_citation_party_id', ['party_id'], unique=False)
        batch_op.create_index('ix_citation_person_id', ['person_id'], unique=False)
        batch_op.create_index('ix_citation_round_id', ['round_id'], unique=False)
        batch_op.create_index('ix_citation_schedule_change_id', ['schedule_change_id'], unique=False)
        batch_op.create_index('ix_citation_venue_id', ['venue_id'], unique=False)

    _create_event_search()
    _make_history_append_only()


def _create_event_search() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    # External-content FTS5 table: the text stays in battlefield_event, the index follows it.
    op.execute(
        "CREATE VIRTUAL TABLE battlefield_event_fts USING fts5("
        "summary, location, admin1, admin2, actor1, actor2, event_type, sub_event_type, "
        "content='battlefield_event', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    columns = "summary, location, admin1, admin2, actor1, actor2, event_type, sub_event_type"
    new_values = ", ".join(f"new.{c.strip()}" for c in columns.split(","))
    old_values = ", ".join(f"old.{c.strip()}" for c in columns.split(","))
    op.execute(
        "CREATE TRIGGER battlefield_event_fts_insert AFTER INSERT ON battlefield_event BEGIN "
        f"INSERT INTO battlefield_event_fts(rowid, {columns}) VALUES (new.id, {new_values}); END"
    )
    op.execute(
        "CREATE TRIGGER battlefield_event_fts_delete AFTER DELETE ON battlefield_event BEGIN "
        f"INSERT INTO battlefield_event_fts(battlefield_event_fts, rowid, {columns}) "
        f"VALUES ('delete', old.id, {old_values}); END"
    )
    op.execute(
        "CREATE TRIGGER battlefield_event_fts_update AFTER UPDATE ON battlefield_event BEGIN "
        f"INSERT INTO battlefield_event_fts(battlefield_event_fts, rowid, {columns}) "
        f"VALUES ('delete', old.id, {old_values}); "
        f"INSERT INTO battlefield_event_fts(rowid, {columns}) VALUES (new.id, {new_values}); END"
    )


def _make_history_append_only() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER schedule_change_no_{action.lower()} BEFORE {action} "
                "ON schedule_change BEGIN "
                "SELECT RAISE(ABORT, 'schedule history is append-only'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION schedule_change_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'schedule history is append-only' "
            "USING ERRCODE = 'integrity_constraint_violation'; END; $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER schedule_change_append_only BEFORE UPDATE OR DELETE "
            "ON schedule_change FOR EACH ROW EXECUTE FUNCTION schedule_change_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS battlefield_event_fts")
        for name in ("schedule_change_no_update", "schedule_change_no_delete",
                     "battlefield_event_fts_insert", "battlefield_event_fts_delete",
                     "battlefield_event_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS schedule_change_append_only ON schedule_change")
        op.execute("DROP FUNCTION IF EXISTS schedule_change_append_only()")

    with op.batch_alter_table('citation', schema=None) as batch_op:
        batch_op.drop_index('ix_citation_venue_id')
        batch_op.drop_index('ix_citation_schedule_change_id')
        batch_op.drop_index('ix_citation_round_id')
        batch_op.drop_index('ix_citation_person_id')
        batch_op.drop_index('ix_citation_party_id')
        batch_op.drop_index('ix_citation_factor_reading_id')
        batch_op.drop_index('ix_citation_factor_id')
        batch_op.drop_index('ix_citation_event_link_id')
        batch_op.drop_index('ix_citation_event_id')
        batch_op.drop_index('ix_citation_dependency_id')

    op.drop_table('citation')
    with op.batch_alter_table('schedule_change', schema=None) as batch_op:
        batch_op.drop_index('ix_schedule_change_round_id')

    op.drop_table('schedule_change')
    op.drop_table('round_participant')
    with op.batch_alter_table('event_link', schema=None) as batch_op:
        batch_op.drop_index('ix_event_link_round_id')
        batch_op.drop_index('ix_event_link_factor_id')
        batch_op.drop_index('ix_event_link_event_id')

    op.drop_table('event_link')
    op.drop_table('dependency')
    with op.batch_alter_table('round', schema=None) as batch_op:
        batch_op.drop_index('ix_round_window_start')

    op.drop_table('round')
    op.drop_table('person')
    with op.batch_alter_table('factor_reading', schema=None) as batch_op:
        batch_op.drop_index('ix_factor_reading_factor_time')

    op.drop_table('factor_reading')
    op.drop_table('venue')
    op.drop_table('track')
    op.drop_table('source')
    op.drop_table('party')
    op.drop_table('factor')
    with op.batch_alter_table('battlefield_event', schema=None) as batch_op:
        batch_op.drop_index('ix_battlefield_event_type_date')
        batch_op.drop_index('ix_battlefield_event_target_date')
        batch_op.drop_index('ix_battlefield_event_location')
        batch_op.drop_index('ix_battlefield_event_date')
        batch_op.drop_index('ix_battlefield_event_admin1_date')

    op.drop_table('battlefield_event')

