"""The one cancel error: an operation stopped on request and rolled back.

Its own module, not importing.py's, because the window's runner raises it for any
operation (ui/common/db_op.py): importing it from the import service made every launch
load the importers, the file readers and the target rules before the window was ready
(issue 19). ``tracker.services.imports.importing`` re-exports it for its callers.
"""

from __future__ import annotations

from tracker.domain.errors import TrackerError


class ImportCancelled(TrackerError):
    """The user cancelled; the transaction was rolled back. The window's runner raises it
    too, for any operation that stops on request (ui.common.db_op.OpHandle.check): one
    cancel error, whichever layer noticed the request."""
