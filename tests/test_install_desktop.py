"""packaging/install-desktop.sh: the bundle, its menu entry and icon land in the XDG folders.

A stand-in bundle (a shell script that prints its arguments) takes the place of
`make dist`'s output, which takes minutes to build; .ci/run installs the real one.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "packaging" / "install-desktop.sh"
APP = "negotiation-tracker"


def install(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT), *map(str, args)], capture_output=True,
                          text=True, timeout=60, check=False)


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "dist" / APP
    (folder / "_internal").mkdir(parents=True)
    (folder / "_internal" / "version.txt").write_text("first build\n", encoding="utf-8")
    command = folder / "tracker"
    command.write_text('#!/bin/sh\nprintf "bundle ran:"\nprintf " [%s]" "$@"\necho\n',
                       encoding="utf-8")
    command.chmod(0o755)
    return folder


def desktop_entry(prefix: Path) -> dict[str, str]:
    path = prefix / "share" / "applications" / f"{APP}.desktop"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def test_install_puts_the_bundle_entry_and_icon_in_the_xdg_folders(
        tmp_path: Path, bundle: Path) -> None:
    prefix = tmp_path / "home dir" / ".local"  # a space, as in many home folders
    result = install(bundle, prefix)
    assert result.returncode == 0, result.stderr
    installed = prefix / "lib" / APP / "tracker"
    assert (prefix / "lib" / APP / "_internal" / "version.txt").read_text() == "first build\n"
    assert (prefix / "bin" / "tracker").resolve() == installed
    icon = prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP}.svg"
    assert icon.read_bytes() == (ROOT / "resources" / "icons" / f"{APP}.svg").read_bytes()

    entry = desktop_entry(prefix)
    shipped = desktop_entry_of(ROOT / "resources" / f"{APP}.desktop")
    assert {key: value for key, value in entry.items() if key not in {"Exec", "TryExec"}} == \
        {key: value for key, value in shipped.items() if key != "Exec"}
    assert entry["TryExec"] == str(installed)
    # What a file manager runs for a double-clicked file: the installed bundle, with the file.
    argv = [str(tmp_path / "talks.db") if word == "%f" else word
            for word in shlex.split(entry["Exec"])]
    assert argv[0] == str(installed)
    ran = subprocess.run(argv, capture_output=True, text=True, timeout=30, check=True)
    assert ran.stdout == f"bundle ran: [{tmp_path / 'talks.db'}]\n"


def desktop_entry_of(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines[1:] if line)


def test_the_installed_entry_is_valid(tmp_path: Path, bundle: Path) -> None:
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate (desktop-file-utils) is not installed")
    assert install(bundle, tmp_path).returncode == 0
    entry = tmp_path / "share" / "applications" / f"{APP}.desktop"
    checked = subprocess.run([validate, str(entry)], capture_output=True, text=True,
                             timeout=30, check=False)
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout


def test_reinstalling_replaces_the_bundle_whole(tmp_path: Path, bundle: Path) -> None:
    assert install(bundle, tmp_path).returncode == 0
    (bundle / "_internal" / "version.txt").unlink()
    (bundle / "_internal" / "second.txt").write_text("second build\n", encoding="utf-8")
    assert install(bundle, tmp_path).returncode == 0
    assert sorted(p.name for p in (tmp_path / "lib" / APP / "_internal").iterdir()) == \
        ["second.txt"]
    assert sorted(p.name for p in (tmp_path / "lib").iterdir()) == [APP]  # no .new left


def test_uninstall_removes_what_install_put_there(tmp_path: Path, bundle: Path) -> None:
    prefix = tmp_path / "prefix"
    (prefix / "share" / "applications").mkdir(parents=True)
    other = prefix / "share" / "applications" / "other.desktop"
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    assert install(bundle, prefix).returncode == 0
    result = install("--uninstall", prefix)
    assert result.returncode == 0, result.stderr
    # The desktop's file-type cache (update-desktop-database, where it is installed) is
    # rebuilt without the entry.
    cache = prefix / "share" / "applications" / "mimeinfo.cache"
    assert not cache.exists() or APP not in cache.read_text(encoding="utf-8")
    left = sorted(str(p.relative_to(prefix)) for p in prefix.rglob("*")
                  if (p.is_file() or p.is_symlink()) and p != cache)
    assert left == ["share/applications/other.desktop"]


def test_a_command_of_someone_elses_is_left_alone(tmp_path: Path, bundle: Path) -> None:
    pip_script = tmp_path / "bin" / "tracker"
    pip_script.parent.mkdir()
    pip_script.write_text("#!/bin/sh\necho pip install\n", encoding="utf-8")
    result = install(bundle, tmp_path)
    assert result.returncode == 0
    assert "left" in result.stderr and "not ours" in result.stderr
    assert pip_script.read_text(encoding="utf-8") == "#!/bin/sh\necho pip install\n"
    assert install("--uninstall", tmp_path).returncode == 0
    assert pip_script.read_text(encoding="utf-8") == "#!/bin/sh\necho pip install\n"


@pytest.mark.parametrize("awkward", ['a"b', "a$b", "a%b", "a\\b"])
def test_a_prefix_the_entry_cannot_name_is_refused_before_anything_is_written(
        tmp_path: Path, bundle: Path, awkward: str) -> None:
    result = install(bundle, tmp_path / awkward)
    assert result.returncode == 1
    assert "cannot name" in result.stderr
    assert not (tmp_path / awkward).exists()


def test_a_missing_bundle_says_to_build_it(tmp_path: Path) -> None:
    result = install(tmp_path / "nothing", tmp_path / "prefix")
    assert result.returncode == 1
    assert "run make dist first" in result.stderr
    assert not (tmp_path / "prefix").exists()
