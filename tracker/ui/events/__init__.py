"""Battlefield events: the table, its filters, the detail pane and links."""
