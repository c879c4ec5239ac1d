"""Synthetic rows in ACLED's export layout, for load and speed checks only.

Vendored from the team's load-test tool (shared/tools/gen_acled.py) so that a clone of the
repository runs its tests and benchmarks without that folder. It is the same generator,
typed and tidied: with the same seed it writes the same bytes, so counts and timings
measured with the original still compare. The rows are invented (six cities, five event
types, dates from 24 Feb 2022 on); ACLED's terms forbid redistributing its real data.

Run as a script it writes N rows to standard output (bench/common.py does that):
``python tests/acled_generator.py 10000 > acled.csv``.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from pathlib import Path
from typing import TextIO

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
# (disorder type, event type, sub-event type)
TYPES = (
    ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Political violence", "Explosions/Remote violence", "Air/drone strike"),
    ("Political violence", "Battles", "Armed clash"),
    ("Political violence", "Violence against civilians", "Attack"),
    ("Strategic developments", "Strategic developments", "Disrupted weapons use"),
)
# (location, admin1, latitude, longitude)
CITIES = (
    ("Kyiv", "Kyiv City", 50.45, 30.52), ("Kharkiv", "Kharkivska", 49.99, 36.23),
    ("Zaporizhzhia", "Zaporizka", 47.84, 35.14), ("Odesa", "Odeska", 46.48, 30.72),
    ("Dnipro", "Dnipropetrovska", 48.46, 35.05), ("Pokrovsk", "Donetska", 48.28, 37.18),
)
FIRST_DAY = dt.date(2022, 2, 24)
SEED = 42


def write_rows(rows: int, out: TextIO) -> None:
    """Write the header and *rows* seeded rows to *out*.

    The random draws come in the original tool's order (day, type, city, precision,
    jitter, geo precision, fatalities): changing it would change every row after it.
    """
    draw = random.Random(SEED)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for number in range(1, rows + 1):
        day = FIRST_DAY + dt.timedelta(days=draw.randrange(1400))
        disorder, event_type, sub_event = draw.choice(TYPES)
        place, admin1, latitude, longitude = draw.choice(CITIES)
        writer.writerow([
            f"UKR{number}", day.isoformat(), day.year, draw.choice((1, 1, 2, 3)),
            disorder, event_type, sub_event,
            "Military Forces of Russia (2000-)", "", "State forces",
            "Civilians (Ukraine)", "", "Civilians", "State forces-Civilians",
            "Civilian targeting" if event_type.startswith("Violence") else "",
            804, "Europe", "Ukraine", admin1, admin1 + " raion", "", place,
            f"{latitude + draw.uniform(-.2, .2):.4f}", f"{longitude + draw.uniform(-.2, .2):.4f}",
            draw.choice((1, 1, 2)), "Ukrinform; Suspilne", "National",
            f'On {day:%d %B %Y}, Russian forces struck {place}, "damaging" infrastructure.',
            draw.choice((0, 0, 0, 1, 2, 6)), "", 1700000000 + number - 1,
        ])


def write_acled_file(path: Path, rows: int) -> Path:
    """*rows* synthetic ACLED rows in a UTF-8 CSV file at *path*; returns *path*."""
    with path.open("w", encoding="utf-8", newline="") as out:
        write_rows(rows, out)
    return path


if __name__ == "__main__":
    write_rows(int(sys.argv[1]), sys.stdout)
