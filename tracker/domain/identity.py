"""Who is making changes: the name set in preferences, or else the operating-system user.

The schedule history (ScheduleChange.recorded_by) and the edit log (edit_log.py) record it
with every change. The window sets the preferred name once at start-up and whenever
View › Your Name… changes it; the command line leaves it to the OS user.
"""

from __future__ import annotations

import getpass

_preferred = ""


def set_user_name(name: str) -> None:
    """Record changes under *name* from now on; an empty name goes back to the OS user."""
    global _preferred  # one user per process: the window's preference, shared by services
    _preferred = " ".join(name.split())


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "unknown"


def user_name() -> str:
    return _preferred or os_user()
