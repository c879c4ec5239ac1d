"""Use cases shared by the window and the command line. Callers own the session."""
