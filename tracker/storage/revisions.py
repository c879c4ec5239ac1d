"""The schema revisions this program knows, as data: no Alembic, no engine.

Opening a database (storage.migrate) and checking a backup before restoring it
(storage.backup) both ask whether a stored revision is one of ours. They read it here, so
neither module imports the other (backup writes the copy that migrate takes first).
"""

from __future__ import annotations

# Every revision in tracker/storage/migrations/versions, oldest first; the last is head.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009",
             "0010", "0011", "0012", "0013", "0014", "0015", "0016", "0017", "0018")


def head_revision() -> str:
    return REVISIONS[-1]
