"""Running part of a test as an unprivileged user, for attacks that depend on it (issue 14).

Root may write any file, so "another user's read-only file" or "a folder that cannot be
written" mean nothing to it. When the tests run as root (as on CI's machines), the attack
runs in a child process as ``nobody`` through ``runuser``, as .ci/run runs PostgreSQL;
run as anyone else, the child simply runs as that user. A test that cannot do either is
skipped, saying why.

The child needs an interpreter ``nobody`` may run: the test's own, or else a system
Python of the same version, given this checkout and its packages on PYTHONPATH. Folders
it works in are made with ``shared_folder`` (pytest's own temporary folders are private
to their owner).
"""

from __future__ import annotations

import functools
import os
import pwd
import shutil
import stat
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
USER = "nobody"


def as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@functools.cache
def _prefix() -> tuple[str, ...] | str:
    """The command that starts an unprivileged Python, or why there is none."""
    if not as_root():
        return (sys.executable,)
    runuser = shutil.which("runuser")
    if runuser is None:
        return "runuser is not available, and the attack needs an unprivileged user"
    try:
        pwd.getpwnam(USER)
    except KeyError:
        return f"there is no user {USER!r} to run the attack as"
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [sys.executable, shutil.which(version) or "", f"/usr/bin/{version}"]
    for interpreter in dict.fromkeys(candidate for candidate in candidates if candidate):
        command = (runuser, "-u", USER, "--", "env", f"PYTHONPATH={_python_path()}",
                   interpreter)
        probe = subprocess.run([*command, "-c", "import sqlalchemy, tracker"],
                               capture_output=True, check=False, cwd="/")
        if probe.returncode == 0:
            return command
    return f"no Python that {USER!r} may run can import this checkout"


def _python_path() -> str:
    paths = sysconfig.get_paths()
    return os.pathsep.join(dict.fromkeys([str(PROJECT), paths["purelib"], paths["platlib"]]))


def run_unprivileged(code: str, *args: str,
                     timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run Python *code* (with *args* in sys.argv[1:]) as an unprivileged user; skip the
    test if that cannot be done here."""
    prefix = _prefix()
    if isinstance(prefix, str):
        pytest.skip(prefix)
    return subprocess.run([*prefix, "-c", code, *args], capture_output=True, text=True,
                          check=False, timeout=timeout, cwd="/",
                          env={**os.environ, "PYTHONPATH": _python_path(),
                               "PYTHONDONTWRITEBYTECODE": "1"})


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A new folder that the unprivileged user may read and enter but not write to (its
    owner is the test's user); removed afterwards, whoever made files in it."""
    folder = Path(tempfile.mkdtemp(prefix="tracker-unprivileged-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in folder.rglob("*"):  # let the owner delete what nobody made read-only
            if path.is_dir() and not path.is_symlink():
                path.chmod(path.stat().st_mode | stat.S_IWUSR | stat.S_IXUSR)
        shutil.rmtree(folder, ignore_errors=True)


def writable_by_anyone(folder: Path) -> Path:
    """*folder*, made (if needed) writable by every user, without the sticky bit (which
    would itself forbid replacing another user's file)."""
    folder.mkdir(exist_ok=True)
    folder.chmod(0o777)
    return folder
