"""An index on the events' country code, for the place filter that also finds a country.

Typing "Ukraine" or "UKR" in the Events view's place filter finds the events of that
country as well as places of that name (issue 19; services/events/event_countries.py):
an OR of the full-text match and ``country_code = 'UKR'``, which SQLite answers as two
index lookups only if the code leads an index. The date follows, as in the other
indexes of the table, so a country's events are also read in date order. On a million
events the index takes a few seconds to build, once.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

INDEXES = {'ix_battlefield_event_country_code_date': ['country_code', 'event_date']}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, 'battlefield_event', columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name='battlefield_event')
