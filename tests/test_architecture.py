"""The layers of DESIGN.md hold: only tracker.ui imports Qt, and the command line sits on
top of them all (import-linter contracts)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Only tracker.ui imports Qt KEPT" in result.stdout
    assert "Layers: cli above ui above services above io/storage above domain KEPT" \
        in result.stdout


def test_the_command_line_is_one_package() -> None:
    """No loose *_command.py modules beside the layers: every command is under tracker/cli."""
    package = ROOT / "tracker"
    assert sorted(path.name for path in package.glob("*_command.py")) == []
    assert (package / "cli" / "__init__.py").is_file()


def test_core_layers_import_without_qt() -> None:
    """Importing every non-UI module in a fresh interpreter loads no PySide6 module."""
    code = (
        "import pkgutil, sys, tracker\n"
        "skip = ('tracker.ui', 'tracker.storage.migrations', 'tracker.__main__')\n"
        "for m in pkgutil.walk_packages(tracker.__path__, 'tracker.'):\n"
        "    if not m.name.startswith(skip):\n"
        "        __import__(m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"
