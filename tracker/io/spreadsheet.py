"""Keeping spreadsheet programs from running text as formulas (CSV injection)."""

from __future__ import annotations

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Sheets;
# tab and carriage return are included because some programs strip them and read on.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix a quote to a cell a spreadsheet would evaluate; leave the rest untouched.

    The apostrophe is the OWASP-recommended guard: spreadsheets show the text as typed and
    do not evaluate it, and a reader of the raw CSV can still see what was there.
    """
    if cell.startswith(FORMULA_TRIGGERS):
        return "'" + cell
    return cell
