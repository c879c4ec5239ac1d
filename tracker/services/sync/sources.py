"""The datasets a sync can pull from, where their APIs are, and what a sync asks for.

Each API's address can be replaced through an environment variable
(TRACKER_UCDP_API_URL, TRACKER_ACLED_API_URL). Only the tests set them, to a server on
127.0.0.1, so that no test reaches the internet.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tracker.domain.errors import TrackerError
from tracker.domain.whole_numbers import is_whole_number
from tracker.domain.wording import say
from tracker.io.import_formats import ImportFormat

# The newest GED release when this was written; `--version` asks for another (UCDP's
# API keeps every release, and answers the same for a version forever).
DEFAULT_UCDP_VERSION = "25.1"
_VERSION = re.compile(r"\d{2}\.\d(?:\.\d{1,3})?\Z")  # 25.1, or Candidate 25.0.10

# Gleditsch–Ward numbers, which UCDP's API filters countries by (its ``country_id``).
# The countries most often asked for; any other is given by its number.
GW_CODES = {
    "mexico": 70, "colombia": 100, "mali": 432, "niger": 436, "burkina faso": 439,
    "cameroon": 471, "nigeria": 475, "central african republic": 482, "chad": 483,
    "dr congo": 490, "democratic republic of congo": 490, "uganda": 500, "kenya": 501,
    "somalia": 520, "ethiopia": 530, "mozambique": 541, "moldova": 359, "russia": 365,
    "ukraine": 369, "belarus": 370, "armenia": 371, "georgia": 372, "azerbaijan": 373,
    "libya": 620, "sudan": 625, "south sudan": 626, "iran": 630, "turkey": 640,
    "türkiye": 640, "iraq": 645, "egypt": 651, "syria": 652, "lebanon": 660,
    "israel": 666, "yemen": 678, "afghanistan": 700, "india": 750, "pakistan": 770,
    "myanmar": 775, "philippines": 840,
}


class SyncRequestError(TrackerError):
    """A sync asked for something its source cannot answer (an unknown country…)."""


class Source(StrEnum):
    UCDP = "ucdp"
    ACLED = "acled"

    @property
    def label(self) -> str:
        return {Source.UCDP: "UCDP GED", Source.ACLED: "ACLED"}[self]

    @property
    def import_format(self) -> ImportFormat:
        """The file format whose layout reads this source's records."""
        return {Source.UCDP: ImportFormat.UCDP, Source.ACLED: ImportFormat.ACLED}[self]

    @property
    def base_url(self) -> str:
        default, variable = {
            Source.UCDP: ("https://ucdpapi.pcr.uu.se", "TRACKER_UCDP_API_URL"),
            Source.ACLED: ("https://acleddata.com", "TRACKER_ACLED_API_URL"),
        }[self]
        return os.environ.get(variable, default).rstrip("/")


@dataclass(frozen=True, slots=True)
class SyncRequest:
    """What to pull: a source, one country, and from which day (all of it if None);
    for UCDP, the GED release (*version*). *allow_older*: values of an older release may
    overwrite newer ones (otherwise they are reported and skipped, as for a file)."""

    source: Source
    country: str
    since: date | None = None
    version: str = DEFAULT_UCDP_VERSION
    allow_older: bool = False

    def checked(self) -> SyncRequest:
        """This request, or SyncRequestError saying what is wrong with it."""
        if not self.country.strip():
            raise SyncRequestError(say("name the country to update (e.g. --country Ukraine)"))
        if self.source is Source.UCDP:
            if not _VERSION.match(self.version.strip()):
                raise SyncRequestError(say(
                    "{version} is not a UCDP GED release (e.g. 25.1, or 25.0.10 for a "
                    "Candidate release)").format(version=repr(self.version)))
            gw_code(self.country)
        return self

    def describe(self) -> str:
        """"UCDP GED 25.1, Ukraine, since 1 Jan 2024": for progress lines and the report."""
        release = f" {self.version}" if self.source is Source.UCDP else ""
        since = (", " + say("since {day}").format(day=self.since.isoformat())
                 if self.since else "")
        return f"{self.source.label}{release}, {self.country.strip()}{since}"

    def file_name(self) -> str:
        """The name the fetched records' CSV (and so the import run) is given: UCDP's as
        its own files are named, with the release ("ucdp-ged-25.1-ukraine.csv")."""
        country = re.sub(r"[^a-z0-9]+", "-", self.country.strip().casefold()).strip("-")
        release = f"-ged-{self.version.strip()}" if self.source is Source.UCDP else "-api"
        since = f"-since-{self.since.isoformat()}" if self.since else ""
        return f"{self.source.value}{release}-{country or 'country'}{since}.csv"


def gw_code(country: str) -> int:
    """UCDP's number for *country*: a name from GW_CODES, or the number itself."""
    text = country.strip()
    if is_whole_number(text):
        return int(text)
    code = GW_CODES.get(text.casefold())
    if code is None:
        raise SyncRequestError(say(
            "UCDP's API filters countries by their Gleditsch–Ward number, and {country} is "
            "not one this program knows: give the number instead (e.g. --country 369 for "
            "Ukraine; UCDP's codebook lists them)").format(country=repr(text)))
    return code
