"""`tracker --smoke-test`: open the window, draw every tab, say what was shown, and close.

For packagers and CI, who need to know that a build starts where nobody is there to look:
the Qt platform plugin loads, the database opens (migrating a new one), the main window
comes up on screen and each tab paints. Nothing is asked (no sample offer), the window
closes the way a user closes it (settings saved, running work settled), and the exit status
says whether all of that happened.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication

from tracker.ui.window.main_window import MainWindow

# A window that is not on screen after this long will not be: a broken platform plugin or a
# dead display, not a slow machine (it shows within a second under Xvfb on 2 shared cores).
SHOW_TIMEOUT_S = 30.0
_POLL_MS = 50
EXIT_NOT_SHOWN = 1


def close_once_shown(app: QApplication, window: MainWindow) -> None:
    """Once *window* is exposed, paint each tab, print one line about it and close it;
    if it is not exposed within SHOW_TIMEOUT_S, say so on stderr and exit with status 1."""
    deadline = time.monotonic() + SHOW_TIMEOUT_S

    def check() -> None:
        handle = window.windowHandle()
        if handle is not None and handle.isExposed():
            print(describe_shown(app, window), flush=True)
            closed = window.close()
            # Closing the last window made Qt post its own Quit. This exit sets the status,
            # so that Quit is dropped: left queued, it would end whatever event loop the
            # process runs next (a test's wait after this one, in the test session).
            QApplication.removePostedEvents(app, QEvent.Type.Quit)
            app.exit(0 if closed else EXIT_NOT_SHOWN)
        elif time.monotonic() < deadline:
            QTimer.singleShot(_POLL_MS, check)
        else:
            print(f"tracker: smoke test: the window was not shown within {SHOW_TIMEOUT_S:g} s "
                  f"(Qt platform {app.platformName()!r})", file=sys.stderr, flush=True)
            app.exit(EXIT_NOT_SHOWN)

    QTimer.singleShot(0, check)


def describe_shown(app: QApplication, window: MainWindow) -> str:
    """Draw every tab into a pixmap (so each one's painting runs) and describe the window."""
    tabs = window.tabs
    painted: list[str] = []
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        if not window.grab().isNull():
            painted.append(tabs.tabText(index).replace("&", ""))
    tabs.setCurrentIndex(0)
    handle = window.windowHandle()
    title = handle.title() if handle is not None else window.windowTitle()
    return (f"smoke test: {app.applicationName()} {app.applicationVersion()} on "
            f"{app.platformName()}: “{title}” {window.width()}×{window.height()}, "
            f"tabs drawn: {', '.join(painted)}")
