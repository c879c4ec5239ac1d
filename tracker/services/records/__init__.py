"""Editing any kind of record over the version its editor read, and who did it."""
