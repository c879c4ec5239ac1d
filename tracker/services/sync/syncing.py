"""Update from Source: one country's events pulled from UCDP's or ACLED's API, then
imported exactly as the dataset's own file would be.

The pages are written, as they arrive, to a CSV in the dataset's download layout
(io.api_records) in a temporary folder, and that file goes through the import service:
the same checks, release and withdrawal rules, report and single transaction as File ›
Import Events…. Nothing touches the database until every page is in, so no network,
refused credentials, a failing server or Cancel leave it as it was.
"""

from __future__ import annotations

import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tracker.domain.wording import say
from tracker.io.api_records import ACLED_API_COLUMNS, UCDP_API_COLUMNS, ApiRecordsFile, header
from tracker.services.imports.import_report import ImportReport
from tracker.services.imports.import_scope import Scope, file_scope
from tracker.services.imports.importing import (
    ImportCancelled,
    ImportProgress,
    ReleaseOptions,
    import_events,
)
from tracker.services.imports.releases import Release, ReleaseKind, given_ucdp_release
from tracker.services.sync.credentials import require_credentials
from tracker.services.sync.http_json import (
    NOTHING_CHANGED,
    JsonClient,
    RetryPolicy,
    Sleep,
    SourceError,
    cancelled_message,
)
from tracker.services.sync.source_pages import pages
from tracker.services.sync.sources import Source, SyncRequest
from tracker.storage.database import Database


@dataclass(frozen=True, slots=True)
class FetchProgress:
    """How far the download is; the import's own ImportProgress follows it."""

    host: str
    pages: int
    total_pages: int | None
    records: int
    retries: int
    elapsed: float

    @property
    def fraction(self) -> float | None:
        """The share of pages fetched, when the API says how many there are."""
        if not self.total_pages:
            return None
        return min(1.0, self.pages / self.total_pages)


SyncProgress = Callable[[FetchProgress | ImportProgress], None]
# The field that dates a record, in each API's records.
_DATE_FIELD = {Source.UCDP: "date_start", Source.ACLED: "event_date"}


@dataclass(frozen=True, slots=True)
class SyncResult:
    """What a sync fetched and what its import did (*report* is None when the source had
    no events for the request: then nothing was imported)."""

    request: SyncRequest
    host: str
    pages: int
    fetched: int
    retries: int
    report: ImportReport | None

    def summary(self) -> str:
        """"UCDP GED 25.1, Ukraine: 3,000 events fetched from ucdpapi.pcr.uu.se in 3
        pages (1 retry)"; the import's own summary follows it."""
        if self.report is None:
            return (f"{self.request.describe()}: the source has no events for this; "
                    f"{NOTHING_CHANGED}")
        plural = "s" if self.pages != 1 else ""
        retried = ""
        if self.retries:
            retried = f" ({self.retries} {'retries' if self.retries != 1 else 'retry'})"
        return (f"{self.request.describe()}: {self.fetched:,} events fetched from "
                f"{self.host} in {self.pages} page{plural}{retried}")


@dataclass(frozen=True, slots=True)
class Fetched:
    """Every page of a request, written to *path* (None when the source had no events)."""

    request: SyncRequest
    host: str
    pages: int
    records: int
    retries: int
    path: Path | None
    covered: Coverage
    asked_on: date  # ACLED's requests end on this day


@dataclass(slots=True)
class Coverage:
    """The countries and days the fetched records name: with the request's own days,
    what the release speaks for (its scope, for the withdrawal rule)."""

    countries: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None

    def add(self, records: list[Mapping[str, object]], date_field: str) -> None:
        for record in records:
            self.countries.add(str(record.get("country") or "").strip())
            day = str(record.get(date_field) or "")[:10]  # UCDP's 2014-01-22T00:00:00
            if day:
                self.first = day if self.first is None else min(self.first, day)
                self.last = day if self.last is None else max(self.last, day)


@dataclass(frozen=True, slots=True)
class Fetching:
    """How to fetch: *credentials* default to those stored (credentials.py); *sleep*
    replaces the wait between retries, *page_size* the API's page and *today* the end of
    ACLED's date range (tests)."""

    credentials: Mapping[str, str] | None = None
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    sleep: Sleep | None = None
    page_size: int | None = None
    today: date | None = None


def sync_source(db: Database, request: SyncRequest, *, progress: SyncProgress | None = None,
                cancel: threading.Event | None = None,
                fetching: Fetching = Fetching(), second_processes: bool = False) -> SyncResult:
    """Fetch *request*'s events and import them; raises a TrackerError (nothing changed:
    SourceUnreachable, SourceRefused, SourceError, CredentialsError, the import's own
    refusals) or ImportCancelled. *second_processes*: as import_events has it."""
    cancel = cancel or threading.Event()
    with fetched_records(request, progress=progress, cancel=cancel,
                         fetching=fetching) as fetched:
        return import_fetched(db, fetched, progress=progress, cancel=cancel,
                              second_processes=second_processes)


@contextmanager
def fetched_records(request: SyncRequest, *, progress: SyncProgress | None = None,
                    cancel: threading.Event | None = None,
                    fetching: Fetching = Fetching()) -> Iterator[Fetched]:
    """Every page of *request*, in a temporary CSV that is deleted on leaving. The
    command line fetches before it opens (or creates) the database, so that no network
    leaves no new file behind either."""
    request = request.checked()
    found = fetching.credentials
    if found is None:
        found = require_credentials(request.source)
    cancel = cancel or threading.Event()
    client = JsonClient(fetching.policy, cancel, fetching.sleep)
    base_url = request.source.base_url
    host = urllib.parse.urlsplit(base_url).hostname or base_url
    started, today = time.monotonic(), fetching.today or date.today()
    with tempfile.TemporaryDirectory(prefix="tracker-sync-") as folder:
        path = Path(folder) / request.file_name()
        records: ApiRecordsFile | None = None
        count, announced = 0, None
        covered = Coverage()
        try:
            for page in pages(client, request, found, base_url, today=today,
                              page_size=fetching.page_size):
                if records is None:
                    records = _records_file(path, request.source, page.records)
                covered.add(page.records, _DATE_FIELD[request.source])
                try:
                    records.write(page.records)
                except ValueError as exc:
                    raise SourceError(say(
                        "{host}'s page {page}: {problem}; nothing was changed").format(
                            host=host, page=page.number, problem=exc)) from exc
                count, announced = page.number, page.total_records
                if progress is not None:
                    progress(FetchProgress(host, page.number, page.total_pages,
                                           records.records, client.retries,
                                           time.monotonic() - started))
                if cancel.is_set():
                    raise ImportCancelled(cancelled_message())
        finally:
            if records is not None:
                records.close()
        fetched = records.records if records is not None else 0
        if announced is not None and fetched != announced:
            # A short answer would read as events withdrawn by the source: refused.
            raise SourceError(say(
                "{host} announced {announced} events but sent {fetched}; nothing was "
                "changed").format(host=host, announced=f"{announced:,}", fetched=f"{fetched:,}"))
        yield Fetched(request, host, count, fetched, client.retries,
                      path if fetched else None, covered, today)


def import_fetched(db: Database, fetched: Fetched, *, progress: SyncProgress | None = None,
                   cancel: threading.Event | None = None,
                   second_processes: bool = False) -> SyncResult:
    """Import what *fetched* holds (nothing, when the source had no events);
    *second_processes*: as import_events has it."""
    report = None
    if fetched.path is not None:
        report = _import(db, fetched, fetched.path, progress, cancel or threading.Event(),
                         second_processes)
    return SyncResult(fetched.request, fetched.host, fetched.pages, fetched.records,
                      fetched.retries, report)


def _records_file(path: Path, source: Source,
                  first: list[Mapping[str, object]]) -> ApiRecordsFile:
    known = UCDP_API_COLUMNS if source is Source.UCDP else ACLED_API_COLUMNS
    return ApiRecordsFile(path, header(known, first[0] if first else None))


def _import(db: Database, fetched: Fetched, path: Path, progress: SyncProgress | None,
            cancel: threading.Event, second_processes: bool) -> ImportReport:
    """The one call into the import service: the fetched file, imported as the dataset's
    own download is, as the release asked for and speaking for the days asked for."""
    request = fetched.request
    return import_events(db, path, request.source.import_format, progress=progress,
                         cancel=cancel, releases=ReleaseOptions(
                             release=_release(request), scope=_scope(fetched),
                             allow_older=request.allow_older), second_processes=second_processes)


def _release(request: SyncRequest) -> Release | None:
    """UCDP's release is the version asked for (25.1, or 25.0.10: a Candidate release);
    ACLED's is read from its rows' timestamps, as for its file (None)."""
    if request.source is not Source.UCDP:
        return None
    if request.version.count(".") == 2:
        return Release(ReleaseKind.CANDIDATE)
    return given_ucdp_release(request.version)


def _scope(fetched: Fetched) -> Scope:
    """What the release speaks for: the countries its events name, from the day asked
    for (or its first event) to its last event; for ACLED, asked up to today, to the
    day it was asked on. An event in the scope the source no longer sent is withdrawn."""
    request, covered = fetched.request, fetched.covered
    scope = file_scope(covered.countries, covered.first, covered.last)
    first = request.since or scope.first
    last = scope.last
    if request.source is Source.ACLED and request.since is not None:
        last = fetched.asked_on
    return Scope(scope.countries, first, last)
