"""An installed wheel works as well as a checkout: resources ship inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_resources_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
         "--no-build-isolation", "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )
    [wheel] = tmp_path.glob("negotiation_tracker-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "tracker/resources/sample/scenario.json",
        "tracker/resources/sample/scenario-2022.json",
        "tracker/resources/sample/ucdp_ukraine_2022.csv",
        "tracker/resources/schemas/chronology.schema.json",
        "tracker/resources/schemas/sample-scenario.schema.json",
        "tracker/resources/guide/guide.html", "tracker/resources/guide/guide.uk.html",
        "tracker/resources/guide/images/rounds.png",
        "tracker/resources/icons/lucide/LICENSE", "tracker/resources/icons/lucide/undo-2.svg",
        "tracker/ui/translations/tracker_uk.qm", "tracker/ui/translations/tracker_en.qm",
        "tracker/storage/migrations/env.py",
        "tracker/storage/migrations/script.py.mako",
        "tracker/storage/migrations/versions/0001_initial_schema.py",
    ):
        assert expected in names, expected
    # Run the installed copy from a folder where the checkout is not importable.
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import tracker.resources as r; "
            "print(r.__file__); print(len(r.read_text('sample/scenario.json')) > 1000)")
    result = subprocess.run([sys.executable, "-I", "-c", code, str(target)], cwd=tmp_path,
                            capture_output=True, text=True, check=True)
    module_file, loaded = result.stdout.split()
    assert module_file.startswith(str(target))
    assert loaded == "True"
