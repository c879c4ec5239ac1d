"""Rounds: their table, detail pane, schedule dialogs, participants and venues."""
