"""A script that starts an import's second process, killed: does that process end too?

Shared by the tests of both second processes (services.targets.suggest_ahead and
services.imports.read_ahead). A killed import cannot stop its second processes; each
must see its parent go and exit, instead of waiting for ever while it holds the pipes
its parent wrote to.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import TESTS

PROC = Path("/proc")


def gone(pid: int) -> bool:
    """Whether *pid* has ended (a zombie nobody has reaped yet has ended too)."""
    try:
        status = (PROC / str(pid) / "stat").read_text()
    except FileNotFoundError:
        return True
    return status.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def kill_and_watch(tmp_path: Path, script: str, *args: str) -> None:
    """Run *script* (which prints the pid of the second process it started, then waits),
    SIGKILL it, and assert that the second process ends within 20 s and that nothing is
    left holding the killed script's stdout."""
    path = tmp_path / "killed_import.py"
    path.write_text(script)
    # This checkout's tracker, as the tests import it (a script's folder is its path).
    python_path = os.pathsep.join(filter(None, (str(TESTS.parent),
                                                os.environ.get("PYTHONPATH"))))
    importer = subprocess.Popen([sys.executable, str(path), *args], stdout=subprocess.PIPE,
                                text=True, env={**os.environ, "PYTHONPATH": python_path})
    assert importer.stdout is not None
    (child,) = map(int, importer.stdout.readline().split())
    assert not gone(child)
    importer.send_signal(signal.SIGKILL)
    importer.wait()
    deadline = time.monotonic() + 20
    while not gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert gone(child)
    assert importer.stdout.read() == ""
