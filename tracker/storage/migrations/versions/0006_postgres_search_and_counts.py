"""PostgreSQL: full-text search over a tsvector, and triggers that keep the day counts.

SQLite has had both since 0001 and 0003 (FTS5, SQLite triggers); this brings a server
database level with it, so the same services answer words and per-day counts from an
index there too. SQLite files are not touched.

``battlefield_event.search`` is a stored generated column: the place columns (location,
admin1, admin2) weighted A, so a place query can ask for A only, and the other text
weighted B; the 'simple' configuration lower-cases words without stemming, as FTS5's
unicode61 tokenizer does. A GIN index answers ``search @@ to_tsquery(…)``.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

from tracker.storage.day_counts import drop_postgres_ddl, postgres_ddl, recount

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_PLACE = ("location", "admin1", "admin2")
_OTHER = ("summary", "actor1", "actor2", "event_type", "sub_event_type")


def _weighted(columns: tuple[str, ...], weight: str) -> str:
    return " || ".join(
        f"setweight(to_tsvector('simple'::regconfig, coalesce({name}, '')), '{weight}')"
        for name in columns)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE battlefield_event ADD COLUMN search tsvector GENERATED ALWAYS AS "
        f"({_weighted(_PLACE, 'A')} || {_weighted(_OTHER, 'B')}) STORED"
    )
    op.execute("CREATE INDEX ix_battlefield_event_search ON battlefield_event "
               "USING gin (search)")
    for sql in postgres_ddl(by_status=False):  # 0013 counts by record_status
        op.execute(sql)
    recount(op.get_bind(), by_status=False)  # events written before the triggers existed


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for sql in drop_postgres_ddl():
        op.execute(sql)
    op.execute("DROP INDEX IF EXISTS ix_battlefield_event_search")
    op.execute("ALTER TABLE battlefield_event DROP COLUMN IF EXISTS search")
