"""Update from Source against a local server in each API's documented shape: paging, the
retries a failing, rate-limited or slow page gets, refused credentials and no network,
each leaving the database as it was unless every page came in."""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from tests.conftest import database_dump
from tests.services.sync.fake_apis import (
    ACLED_PASSWORD,
    ACLED_USER,
    UCDP_FILE,
    UCDP_TOKEN,
    FakeApis,
    ucdp_json,
    ucdp_rows,
)
from tracker.domain.events import BattlefieldEvent
from tracker.services.imports.importing import ImportCancelled, ImportFormat, import_events
from tracker.services.sync.http_json import (
    JsonClient,
    RetryPolicy,
    SourceError,
    SourceRefused,
    SourceUnreachable,
    retry_after_seconds,
)
from tracker.services.sync.sources import Source, SyncRequest, SyncRequestError
from tracker.services.sync.syncing import Fetching, FetchProgress, SyncResult, sync_source
from tracker.storage.database import Database, open_database

UCDP_KEYS = {"ucdp-api-token": UCDP_TOKEN}
ACLED_KEYS = {"acled-username": ACLED_USER, "acled-password": ACLED_PASSWORD}
FAST = RetryPolicy(timeout=0.5)
COMPARED = (BattlefieldEvent.external_id, BattlefieldEvent.event_date,
            BattlefieldEvent.event_date_end, BattlefieldEvent.date_precision,
            BattlefieldEvent.event_type, BattlefieldEvent.actor1, BattlefieldEvent.actor2,
            BattlefieldEvent.admin1, BattlefieldEvent.location, BattlefieldEvent.latitude,
            BattlefieldEvent.longitude, BattlefieldEvent.fatalities,
            BattlefieldEvent.fatalities_low, BattlefieldEvent.fatalities_high,
            BattlefieldEvent.summary, BattlefieldEvent.reported_by)


def sync(db: Database, request: SyncRequest, defaults: dict[str, Any],
         changes: dict[str, Any]) -> SyncResult:
    """sync_source with *defaults* changed by *changes*: Fetching's fields go to it, the
    rest (progress, cancel) to sync_source."""
    options = {**defaults, **changes}
    fetching = Fetching(**{name: options.pop(name) for name in list(options)
                           if name in Fetching.__dataclass_fields__})
    return sync_source(db, request, fetching=fetching, **options)


def ucdp(db: Database, sleeps: list[float] | None = None, **changes: Any) -> SyncResult:
    request = changes.pop("request", SyncRequest(Source.UCDP, "Ukraine", version="22.1"))
    return sync(db, request, {
        "credentials": UCDP_KEYS, "policy": FAST, "page_size": 10,
        "sleep": (sleeps if sleeps is not None else []).append}, changes)


def acled(db: Database, since: date | None = None, **changes: Any) -> SyncResult:
    return sync(db, SyncRequest(Source.ACLED, "Ukraine", since), {
        "credentials": ACLED_KEYS, "policy": FAST, "page_size": 5, "sleep": [].append,
        "today": date(2026, 12, 5)}, changes)


def stored(db: Database, dataset: str) -> dict[str, tuple[Any, ...]]:
    with db.reading() as session:
        rows = session.execute(select(*COMPARED).where(BattlefieldEvent.dataset == dataset))
        return {row[0]: tuple(row[1:]) for row in rows}


def count(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(BattlefieldEvent)) or 0


def test_ucdp_pages_are_followed_to_the_last(db: Database, apis: FakeApis) -> None:
    seen: list[FetchProgress] = []
    result = ucdp(db, progress=lambda p: seen.append(p) if isinstance(p, FetchProgress)
                  else None)
    assert (result.pages, result.fetched, result.retries) == (3, 25, 0)
    assert apis.pages_asked("ucdp") == ["0", "1", "2"]
    assert [(p.pages, p.total_pages, p.records) for p in seen] == [
        (1, 3, 10), (2, 3, 20), (3, 3, 25)]
    assert result.report is not None and result.report.added == 25
    assert result.report.file.name == "ucdp-ged-22.1-ukraine.csv"  # the release, as UCDP names
    assert count(db) == 25
    country = {query.get("Country") for _m, _p, query in apis.requests}
    assert country == {"369"}  # Ukraine's Gleditsch–Ward number


def test_a_synced_release_is_stored_as_its_file_is(
        db: Database, apis: FakeApis, new_database: Callable[[str], Path | URL]) -> None:
    """Every event of the real GED 22.1 API export, synced in pages of 1,000, is stored
    exactly as importing the file itself stores it: the same import, not a second one."""
    apis.ucdp = [ucdp_json(row) for row in ucdp_rows()]
    result = ucdp(db, page_size=1000)
    assert (result.pages, result.fetched) == (3, 3000)
    other = open_database(new_database("file.db"))
    try:
        import_events(other, UCDP_FILE, ImportFormat.UCDP)
        assert stored(db, "UCDP GED") == stored(other, "UCDP GED")
    finally:
        other.close()
    assert len(stored(db, "UCDP GED")) == 3000


def test_a_second_sync_changes_nothing(db: Database, apis: FakeApis) -> None:
    ucdp(db)
    again = ucdp(db)
    assert again.report is not None
    assert (again.report.added, again.report.updated, again.report.unchanged) == (0, 0, 25)


def test_a_failing_page_is_tried_again(db: Database, apis: FakeApis) -> None:
    apis.fail("ucdp:1", "500", "503")
    sleeps: list[float] = []
    result = ucdp(db, sleeps)
    assert sleeps == [2.0, 4.0]  # exponential backoff, never slept for real
    assert (result.fetched, result.retries) == (25, 2)
    assert apis.pages_asked("ucdp") == ["0", "1", "1", "1", "2"]


def test_a_rate_limit_is_waited_out_as_the_server_asks(db: Database, apis: FakeApis) -> None:
    apis.fail("ucdp:2", "429:7")
    sleeps: list[float] = []
    assert ucdp(db, sleeps).fetched == 25
    assert sleeps == [7.0]


def test_a_slow_page_times_out_and_is_tried_again(db: Database, apis: FakeApis) -> None:
    apis.fail("ucdp:1", "slow")
    sleeps: list[float] = []
    result = ucdp(db, sleeps, policy=RetryPolicy(timeout=0.2))
    assert (result.fetched, result.retries) == (25, 1)
    assert sleeps == [2.0]


def test_a_page_that_keeps_failing_changes_nothing(db: Database, apis: FakeApis) -> None:
    apis.fail("ucdp:2", *["500"] * 5)
    before = database_dump(db)
    with pytest.raises(SourceError, match=r"HTTP 500.* after 5 tries; nothing was changed"):
        ucdp(db)
    assert database_dump(db) == before


def test_fewer_events_than_announced_change_nothing(db: Database, apis: FakeApis) -> None:
    """A source that stops paging early would make its events look withdrawn."""
    apis.fail("ucdp-cut:1", "cut")
    with pytest.raises(SourceError, match="announced 25 events but sent 20; nothing was "
                                          "changed"):
        ucdp(db)
    assert count(db) == 0


def test_a_long_retry_after_is_told_not_waited(db: Database, apis: FakeApis) -> None:
    apis.fail("ucdp:0", "429:3600")
    sleeps: list[float] = []
    with pytest.raises(SourceError, match="asks to wait 3600 s"):
        ucdp(db, sleeps)
    assert sleeps == []


def test_a_refused_token_says_so_and_changes_nothing(db: Database, apis: FakeApis) -> None:
    before = database_dump(db)
    with pytest.raises(SourceRefused, match=r"127\.0\.0\.1 refused the credentials "
                                            r"\(HTTP 401.*nothing was changed"):
        ucdp(db, credentials={"ucdp-api-token": "wrong"})
    assert database_dump(db) == before


def test_without_network_the_sync_says_so(db: Database, apis: FakeApis,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A host that does not resolve is told at once; a refused connection after the
    retries. Both name the host and change nothing."""
    before = database_dump(db)

    class NoNetwork(urllib.request.OpenerDirector):
        def open(self, *_args: Any, **_kwargs: Any) -> Any:
            raise urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name "
                                                            "resolution"))

    client_sleeps: list[float] = []
    monkeypatch.setenv("TRACKER_UCDP_API_URL", "https://ucdpapi.pcr.uu.se")
    monkeypatch.setattr("tracker.services.sync.syncing.JsonClient",
                        lambda policy, cancel, sleep: JsonClient(policy, cancel, sleep,
                                                                 NoNetwork()))
    with pytest.raises(SourceUnreachable, match=r"^could not reach ucdpapi\.pcr\.uu\.se: "
                                                r"Temporary failure in name resolution; "
                                                r"nothing was changed$"):
        ucdp(db, client_sleeps)
    assert client_sleeps == []

    monkeypatch.undo()
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # closed again below: nothing listens there
    monkeypatch.setenv("TRACKER_UCDP_API_URL", f"http://127.0.0.1:{port}")
    with pytest.raises(SourceUnreachable, match=r"could not reach 127\.0\.0\.1: .* after 5 "
                                                r"tries; nothing was changed"):
        ucdp(db)
    assert database_dump(db) == before


def test_cancel_between_pages_changes_nothing(db: Database, apis: FakeApis) -> None:
    cancel = threading.Event()
    before = database_dump(db)
    with pytest.raises(ImportCancelled):
        ucdp(db, cancel=cancel, progress=lambda _p: cancel.set())
    assert database_dump(db) == before
    assert apis.pages_asked("ucdp") == ["0"]


def test_cancel_stops_a_slow_page_at_once(db: Database, apis: FakeApis) -> None:
    """Cancel does not wait for the page's timeout (a minute, here)."""
    apis.fail("ucdp:0", "slow")
    cancel = threading.Event()

    def cancel_once_asked() -> None:
        while not apis.requests:  # the request is on its way: cancel it
            if apis.released.wait(0.01):
                return
        cancel.set()

    watcher = threading.Thread(target=cancel_once_asked)
    watcher.start()
    started = time.monotonic()
    with pytest.raises(ImportCancelled):
        ucdp(db, cancel=cancel, policy=RetryPolicy(timeout=60))
    assert time.monotonic() - started < 30
    watcher.join()
    assert count(db) == 0


def test_a_next_page_on_another_server_is_not_followed(db: Database, apis: FakeApis,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_UCDP_API_URL", apis.url.replace("127.0.0.1", "localhost"))
    with pytest.raises(SourceError, match="another server"):
        ucdp(db)
    assert count(db) == 0


def test_an_empty_answer_imports_nothing(db: Database, apis: FakeApis) -> None:
    result = ucdp(db, request=SyncRequest(Source.UCDP, "Ukraine", date(2030, 1, 1), "22.1"))
    assert result.report is None and result.fetched == 0
    assert "nothing was changed" in result.summary()
    assert apis.requests[0][2]["StartDate"] == "2030-01-01"


def test_acled_signs_in_and_pages_by_number(db: Database, apis: FakeApis) -> None:
    result = acled(db)
    assert (result.pages, result.fetched) == (3, 12)  # 5 + 5 + 2
    assert apis.pages_asked("acled") == ["1", "2", "3"]
    token = [form for method, _path, form in apis.requests if method == "POST"]
    assert token == [{"username": ACLED_USER, "password": ACLED_PASSWORD,
                      "grant_type": "password", "client_id": "acled"}]
    assert result.report is not None and result.report.added == 12
    assert stored(db, "ACLED")["UKR9001"][:2] == (date(2022, 2, 24), None)


def test_acled_since_asks_for_the_days_since(db: Database, apis: FakeApis) -> None:
    result = acled(db, date(2022, 3, 1))
    assert result.fetched == 7  # 5 Mar 2022 to 2 Apr 2024
    query = apis.requests[-1][2]
    assert (query["event_date"], query["event_date_where"]) == ("2022-03-01|2026-12-05",
                                                               "BETWEEN")
    assert min(stored(db, "ACLED").values())[0] >= date(2022, 3, 1)


def test_acled_wrong_password_is_told_plainly(db: Database, apis: FakeApis) -> None:
    before = database_dump(db)
    with pytest.raises(SourceRefused, match="ACLED did not accept the e-mail and password"):
        acled(db, credentials={**ACLED_KEYS, "acled-password": "wrong"})
    assert database_dump(db) == before
    assert apis.pages_asked("acled") == []


def test_a_request_is_checked_before_anything_is_asked(db: Database, apis: FakeApis) -> None:
    with pytest.raises(SyncRequestError, match="Gleditsch–Ward number"):
        ucdp(db, request=SyncRequest(Source.UCDP, "Atlantis"))
    with pytest.raises(SyncRequestError, match="not a UCDP GED release"):
        ucdp(db, request=SyncRequest(Source.UCDP, "Ukraine", version="latest"))
    assert apis.requests == []
    assert SyncRequest(Source.UCDP, "369", version="22.1").checked().country == "369"


@pytest.mark.parametrize(("header", "seconds"), [
    ("7", 7.0), (" 0 ", 0.0), ("Wed, 21 Oct 2015 07:28:00 GMT", 60.0), ("soon", None),
    (None, None)])
def test_retry_after_reads_seconds_and_dates(header: str | None, seconds: float | None) -> None:
    now = 1445412420.0  # 60 s before 21 Oct 2015 07:28:00 GMT
    assert retry_after_seconds(header, now) == seconds


def statuses(db: Database, dataset: str) -> dict[str, str]:
    with db.reading() as session:
        rows = session.execute(select(BattlefieldEvent.external_id,
                                      BattlefieldEvent.record_status)
                               .where(BattlefieldEvent.dataset == dataset))
        return {external_id: status for external_id, status in rows}


def test_an_event_the_source_no_longer_sends_is_withdrawn(db: Database,
                                                          apis: FakeApis) -> None:
    """The sync's release goes through the withdrawal rule as a file's does: a newer
    release that lacks an event withdraws it."""
    ucdp(db)
    dropped = apis.ucdp.pop(3)
    result = ucdp(db, request=SyncRequest(Source.UCDP, "Ukraine", version="23.1"))
    assert result.report is not None
    assert result.report.release == "GED 23.1" and "Ukraine" in result.report.scope
    assert [event.external_id for event in result.report.withdrawn] == [str(dropped["id"])]
    assert statuses(db, "UCDP GED")[str(dropped["id"])] == "withdrawn"
    assert list(statuses(db, "UCDP GED").values()).count("current") == 24


def test_an_older_release_is_reported_and_skipped_unless_allowed(db: Database,
                                                                 apis: FakeApis) -> None:
    newer = SyncRequest(Source.UCDP, "Ukraine", version="23.1")
    older = SyncRequest(Source.UCDP, "Ukraine", version="22.1")
    first = apis.ucdp[0]
    first["best"] = 7
    ucdp(db, request=newer)
    first["best"] = 5  # what the older release says
    skipped = ucdp(db, request=older).report
    assert skipped is not None and skipped.older == 1
    assert stored(db, "UCDP GED")[str(first["id"])][10] == 7  # fatalities stay the newer
    allowed = ucdp(db, request=SyncRequest(Source.UCDP, "Ukraine", version="22.1",
                                           allow_older=True)).report
    assert allowed is not None and allowed.updated == 1
    assert stored(db, "UCDP GED")[str(first["id"])][10] == 5


def test_acled_since_withdraws_only_inside_the_days_asked_for(db: Database,
                                                              apis: FakeApis) -> None:
    acled(db)
    before_since = next(e for e in apis.acled if e["event_date"] < "2022-03-01")
    # The earliest event since: older than the newest the sync still sends, so a release
    # that lacks it is newer than it (ACLED's release is its newest timestamp).
    after_since = min((e for e in apis.acled if e["event_date"] >= "2022-03-01"),
                      key=lambda e: e["event_date"])
    apis.acled.remove(before_since)  # outside the days asked for: not a withdrawal
    apis.acled.remove(after_since)
    result = acled(db, date(2022, 3, 1))
    assert result.report is not None
    assert result.report.scope.endswith("2022-03-01..2026-12-05")
    status = statuses(db, "ACLED")
    assert status[after_since["event_id_cnty"]] == "withdrawn"
    assert status[before_since["event_id_cnty"]] == "current"
