"""PostgreSQL: tell listening windows which tables others changed (LISTEN/NOTIFY).

A statement-level trigger on every table a window shows notifies the channel
``tracker_changes`` with the table's name and the writer's application_name, which each
open database makes unique, so a window skips its own writes (storage/change_feed.py).
Statement-level: an import writing 100,000 rows in batches calls it once per batch, and
the server sends identical notifications of one transaction once. SQLite files are not
touched; a window there watches the file's data version instead.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from alembic import op

from tracker.storage.change_feed import drop_postgres_ddl, postgres_ddl

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# The tables watched from this revision on (change_feed.WATCHED_TABLES at the time): a
# table added later gets its trigger in the migration that adds it.
TABLES = (
    "party", "person", "track", "venue", "round", "round_participant", "schedule_change",
    "factor", "factor_reading", "dependency", "source", "citation",
    "battlefield_event", "battlefield_event_raw", "event_link", "import_run",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for sql in postgres_ddl(TABLES):
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for sql in drop_postgres_ddl(TABLES):
        op.execute(sql)
