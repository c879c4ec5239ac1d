"""A round's modality in words, as the details pane shows it and the details dialog
offers it.

Its own module so the Rounds view, which the window builds before it is ready, does not
load the details dialog and the record edits behind it for one label (issue 19).
"""

from __future__ import annotations

from tracker.domain.enums import RoundModality
from tracker.domain.wording import label_of
from tracker.ui.common.language import translate


def modality_text(modality: RoundModality) -> str:
    """'In person', 'Virtual', 'Hybrid', or 'Not known' (not announced)."""
    if modality is RoundModality.UNKNOWN:
        return translate("EditDetailsDialog", "Not known")
    return label_of(modality).capitalize()
