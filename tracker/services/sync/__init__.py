"""Updating events from a dataset's own web API (UCDP GED, ACLED)."""
