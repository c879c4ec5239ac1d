"""Engines, sessions, migrations and database locations. No Qt here."""
