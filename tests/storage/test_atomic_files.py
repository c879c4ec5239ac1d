"""What `-o` may name (issue 14, F8, and its litter): devices, pipes, links, another user's
file, and the temporary files a killed writer leaves behind."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.storage.damage import started_child
from tests.unprivileged import as_root, run_unprivileged, shared_folder, writable_by_anyone
from tracker.io.atomic import atomic_text_writer, write_bytes_atomically
from tracker.storage.atomic_files import atomic_path, replacing_protected_files
from tracker.storage.partial_files import DEAD_WRITER_AFTER_S, remove_stale_partials

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX special files")


def _read_fifo(fifo: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with fifo.open("rb") as reader:
            into.append(reader.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def _export_text(destination: Path) -> None:
    with atomic_text_writer(destination) as stream:
        stream.write("a,b\n1,2\n")


def _back_up_by_name(destination: Path) -> None:
    with atomic_path(destination) as temporary:  # as a backup writes, by the file's name
        temporary.write_bytes(b"a,b\n1,2\n")


@posix_only
@pytest.mark.parametrize("write", [_export_text, _back_up_by_name])
def test_a_fifo_is_written_in_place_and_its_reader_gets_it_all(
        tmp_path: Path, write: Callable[[Path], None]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = _read_fifo(fifo, received)

    write(fifo)

    reader.join(timeout=30)
    assert received == [b"a,b\n1,2\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still the pipe, not a regular file
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pipe"]


@posix_only
def test_a_character_device_is_written_in_place(tmp_path: Path) -> None:
    # A device of our own (the null device's numbers), never the system's /dev/null.
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here ({exc})")
    write_bytes_atomically(device, b"x" * 10_000)
    with atomic_text_writer(device) as stream:
        stream.write("text")
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["null"]


@posix_only
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError as exc:  # a path too long for a socket address
        pytest.skip(f"cannot bind a socket here ({exc})")
    try:
        with pytest.raises(OSError, match="special file") as raised, \
                atomic_text_writer(path) as stream:
            stream.write("x")
        assert raised.value.filename == str(path)
        assert stat.S_ISSOCK(path.lstat().st_mode)
    finally:
        server.close()


def test_a_symlink_stays_a_link_and_its_target_gets_the_content(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "export.csv"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.csv"
    link.symlink_to(Path("real") / "export.csv")

    with atomic_text_writer(link) as stream:
        stream.write("new")

    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(path.name for path in (tmp_path / "real").iterdir()) == ["export.csv"]


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "latest.csv"
    link.symlink_to(tmp_path / "made.csv")
    with atomic_text_writer(link) as stream:
        stream.write("made")
    assert link.is_symlink()
    assert (tmp_path / "made.csv").read_text(encoding="utf-8") == "made"


_REPLACE = """
import sys
from pathlib import Path
from tracker.io.atomic import atomic_text_writer
from tracker.storage.atomic_files import replacing_protected_files

def write():
    with atomic_text_writer(Path(sys.argv[1])) as stream:
        stream.write("written by nobody")

try:
    if sys.argv[2] == "force":
        with replacing_protected_files():
            write()
    else:
        write()
except PermissionError as exc:
    print(f"refused: {exc}")
else:
    print("replaced")
"""


@posix_only
@pytest.mark.parametrize("force", [False, True])
def test_another_users_read_only_file_is_replaced_only_when_forced(force: bool) -> None:
    if not as_root():
        pytest.skip("making a file owned by another user needs root")
    with shared_folder() as folder:
        shared = writable_by_anyone(folder / "shared")
        theirs = shared / "report.csv"
        theirs.write_text("root's report", encoding="utf-8")
        theirs.chmod(0o644)

        done = run_unprivileged(_REPLACE, str(theirs), "force" if force else "ask")

        assert done.returncode == 0, done.stderr
        if force:
            assert done.stdout.strip() == "replaced"
            assert theirs.read_text(encoding="utf-8") == "written by nobody"
        else:
            assert done.stdout.startswith("refused:"), done.stdout
            assert "--force" in done.stdout and str(theirs) in done.stdout
            assert theirs.read_text(encoding="utf-8") == "root's report"
            assert theirs.stat().st_uid == 0
        assert sorted(path.name for path in shared.iterdir()) == ["report.csv"]


def test_forcing_is_scoped_to_its_block() -> None:
    from tracker.storage import atomic_files

    assert not atomic_files._replace_protected.get()
    with replacing_protected_files():
        assert atomic_files._replace_protected.get()
    assert not atomic_files._replace_protected.get()


# -- litter: the temporary files of killed writers --------------------------------------------

_KILLED_WRITER = """
import sys, time
from pathlib import Path
from tracker.io.atomic import atomic_text_writer
with atomic_text_writer(Path(sys.argv[1])) as stream:
    stream.write("half" * 1000)
    stream.flush()
    print("writing", flush=True)
    time.sleep(600)
"""


def _writer(destination: Path) -> subprocess.Popen[str]:
    return started_child(_KILLED_WRITER, str(destination), says="writing")


def _partials(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.partial"))


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_the_next_write_removes_what_a_sigkilled_writer_left(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    writer = _writer(target)
    writer.send_signal(signal.SIGKILL)
    writer.communicate()
    (left,) = _partials(tmp_path)
    assert str(writer.pid) in left.name
    _age(left, DEAD_WRITER_AFTER_S + 5)

    with atomic_text_writer(target) as stream:
        stream.write("whole")

    assert sorted(path.name for path in tmp_path.iterdir()) == ["export.csv"]
    assert target.read_text(encoding="utf-8") == "whole"


def test_a_live_writers_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    writer = _writer(target)
    try:
        (theirs,) = _partials(tmp_path)
        _age(theirs, DEAD_WRITER_AFTER_S + 5)  # quiet for a while, but still running

        with atomic_text_writer(target) as stream:
            stream.write("mine")

        assert _partials(tmp_path) == [theirs]
        assert target.read_text(encoding="utf-8") == "mine"
    finally:
        writer.kill()
        writer.communicate()


def test_a_dead_writers_file_just_written_is_left_for_a_minute(tmp_path: Path) -> None:
    # The process id may belong to another machine sharing the folder: wait a little.
    left = tmp_path / ".export.csv.999999999-0a1b2c3d.partial"
    left.write_text("half", encoding="utf-8")
    assert remove_stale_partials(tmp_path, "export.csv") == []
    assert remove_stale_partials(tmp_path, "export.csv",
                                 now=time.time() + DEAD_WRITER_AFTER_S + 1) == [left]


def test_older_temporary_names_are_removed_after_an_hour(tmp_path: Path) -> None:
    older = [tmp_path / ".export.csv.0a1b2c3d.partial",  # the text writer's, before
             tmp_path / ".export.csv.k3j_x9a2.part",  # a backup's, before
             tmp_path / ".export.csv.k3j_x9a2.part-journal"]
    others = [tmp_path / ".export.csv.bak", tmp_path / "export.csv",
              tmp_path / ".other.csv.0a1b2c3d.partial"]
    for path in (*older, *others):
        path.write_text("x", encoding="utf-8")
    assert remove_stale_partials(tmp_path, "export.csv", now=time.time() + 60) == []
    removed = remove_stale_partials(tmp_path, "export.csv", now=time.time() + 3601)
    assert sorted(removed) == sorted(older)
    assert sorted(tmp_path.iterdir()) == sorted(others)
