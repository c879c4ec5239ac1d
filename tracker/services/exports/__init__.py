"""Exporting the chronology, the schedule and the timeline."""
