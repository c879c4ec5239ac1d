"""Child process of bench_import.py: pandas loads an ACLED CSV into a new SQLite table.

    python bench/harness_pandas.py default|tuned CSV DB

default: ``read_csv`` then ``to_sql`` with pandas' defaults, what most people write.
tuned:   the fastest variant we found: every column read as text (as the sqlite3 CLI's
         ``.import`` stores it, so no type inference), streamed in 100,000-row chunks,
         each appended with ``to_sql`` (which commits every chunk).
Both have committed and closed the connection when the process ends.
"""

from __future__ import annotations

import sqlite3
import sys

import pandas as pd

CHUNK_ROWS = 100_000


def load(mode: str, csv: str, db: str) -> None:
    connection = sqlite3.connect(db)
    try:
        if mode == "default":
            pd.read_csv(csv).to_sql("events", connection, index=False)
        elif mode == "tuned":
            for chunk in pd.read_csv(csv, dtype=str, keep_default_na=False,
                                     chunksize=CHUNK_ROWS):
                chunk.to_sql("events", connection, index=False, if_exists="append")
        else:
            raise SystemExit(f"unknown mode {mode!r}")
        connection.commit()
    finally:
        connection.close()


if __name__ == "__main__":
    load(*sys.argv[1:4])
