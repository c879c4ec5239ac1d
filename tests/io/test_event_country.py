"""Events keep the country their dataset names (migration 0012): ACLED's and UCDP's
``country`` column, a generic CSV's mapped one (the archive's side:
tests/services/exports/test_archive_country.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REAL_DATA
from tracker.io.acled_layout import acled_layout
from tracker.io.csv_records import CsvFile
from tracker.io.event_layouts import Layout
from tracker.io.generic_layout import ColumnMapping, generic_layout
from tracker.io.text_encoding import scan_text_file
from tracker.io.ucdp_layout import ucdp_layout

ACLED = Path(__file__).parent.parent / "data" / "acled" / "acled_export_iso.csv"
UCDP = REAL_DATA / "ucdp_ged_ukraine_2014-2022_ged231.csv"


def _first_country(path: Path, make: Callable[[Path, list[str]], Layout]) -> str:
    """The country the layout *make* reads from the file's first record."""
    with CsvFile(path, scan_text_file(path)) as source:
        header = source.header()
        layout = make(path, header)
        record = next(source.records())
    assert isinstance(record, tuple)
    _line, fields, text = record
    return layout.convert([*fields, ""], text).country


def test_acled_and_ucdp_layouts_read_the_country() -> None:
    assert _first_country(ACLED, acled_layout) == "Ukraine"
    if not UCDP.is_file():
        pytest.skip(f"the real UCDP file is not here: {UCDP}")
    assert _first_country(UCDP, ucdp_layout) == "Ukraine"


def test_a_generic_csv_maps_a_column_to_the_country(tmp_path: Path) -> None:
    path = tmp_path / "lage.csv"
    path.write_text("Wann,Ort,Land\n2026-02-03,Київ,Україна\n", encoding="utf-8")
    mapping = ColumnMapping({"event_date": "Wann", "location": "Ort", "country": "Land"},
                            dataset="Lage")
    assert _first_country(path, lambda p, h: generic_layout(p, h, mapping)) == "Україна"
