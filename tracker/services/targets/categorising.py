"""Categorise a whole database: the rule pass over every event no analyst decided.

What Events › Suggest Target Categories… and `tracker categorise` run; an import runs the
same pass (storage.rule_pass) over the events it wrote, in its transaction or, when it
commits once usable, right after (storage.deferred_categories).
"""

from __future__ import annotations

import threading

from tracker.storage.database import Database
from tracker.storage.rule_pass import PassProgress, PassResult, suggest_targets


def categorise(db: Database, *, progress: PassProgress | None = None,
               cancel: threading.Event | None = None) -> PassResult:
    """Run the rules over every event of *db* no analyst decided, in one transaction
    (Events › Suggest Target Categories…, `tracker categorise`)."""
    db.check_intact(doing="no category was changed")
    with db.engine.connect() as connection, connection.begin():
        return suggest_targets(connection, progress=progress, cancel=cancel)
