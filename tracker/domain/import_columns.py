"""The columns of an imported row, in the order the importers produce them.

Apart from domain.events (the tables, and with them SQLAlchemy): the process that reads a
large import and categorises its rows (services.imports.read_ahead) lays rows out by
these names and starts without SQLAlchemy.
"""

from __future__ import annotations

# Event columns an import writes, in the order importers produce them; the importer adds
# IMPORT_CONSTANTS, the same for every row of one run.
IMPORT_COLUMNS = (
    "external_id", "event_date", "event_date_end", "date_precision", "event_type",
    "sub_event_type", "interaction", "actor1", "actor2", "admin1", "admin2", "location",
    "latitude", "longitude", "fatalities", "fatalities_low", "fatalities_high", "summary",
    "reported_by", "source_updated", "country", "country_code", "assoc_actor_1",
    "assoc_actor_2", "raw_digest",
)
IMPORT_CONSTANTS = ("dataset", "import_run_id", "imported_at", "target_category")
