"""What a release no longer has: events withdrawn by their source (issue 17).

After an import, the dataset's events inside the release's scope that it did not have,
and that no newer release told since, are withdrawn (storage.withdrawals): kept, struck
through, left out of counts. An older release imported afterwards cannot bring them back
(nor add, as current, events a newer release already imported lacks: ``superseded_by``).
A UCDP final release also replaces the Candidate events of its years: those it does not
have are listed in the report.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import Connection, select

from tracker.domain.imports import ImportRun
from tracker.services.imports.import_report import ImportReport
from tracker.services.imports.import_scope import Scope
from tracker.services.imports.releases import Release, ReleaseKind, stored_release
from tracker.storage.counted_events import RecordStatus
from tracker.storage.withdrawals import UnseenEvent, set_withdrawn, unseen


def withdraw_missing(connection: Connection, dataset: str, release: Release, scope: Scope,
                     report: ImportReport, at: datetime) -> None:
    """Withdraw the current events in *scope* that *release* lacks and no newer release
    told; list them, and the candidates a final UCDP release lacks, in *report*."""
    withdrawn = []
    for event in unseen(connection, dataset, countries=scope.countries, first=scope.first,
                        last=scope.last):
        rank = release.rank_on(event.day)
        if rank is not None and (event.rank is None or event.rank < rank):
            withdrawn.append(event)
            report.withdrawn.append(event)
    set_withdrawn(connection, [(event.id, release.rank_on(event.day)) for event in withdrawn],
                  at)
    if release.kind is ReleaseKind.UCDP and release.rank is not None:
        report.candidates_missing = _candidates_missing(connection, dataset, release)


def _candidates_missing(connection: Connection, dataset: str,
                        release: Release) -> list[UnseenEvent]:
    """Candidate events (ranked by their month, not a multiple of 100) of the years the
    final *release* covers, which it did not have, whatever their scope."""
    assert release.rank is not None
    covered_until = date(2000 + release.rank // 100 - 1, 12, 31)
    return [event for event in unseen(
        connection, dataset, countries=None, first=None, last=covered_until,
        statuses=(RecordStatus.CURRENT.value, RecordStatus.WITHDRAWN.value))
        if event.rank is not None and event.rank % 100 != 0]


def superseded_by(connection: Connection, dataset: str,
                  run_id: int) -> Callable[[str, str, int | None], int | None] | None:
    """For a new event (day, country, rank): the rank of a newer release already imported
    whose scope covers it and which therefore lacked it; None when none did. None
    (no test at all) when no earlier import of the dataset has a release and scope."""
    earlier = []
    for kind, rank, text in connection.execute(
            select(ImportRun.release_kind, ImportRun.release_rank, ImportRun.scope)
            .where(ImportRun.dataset == dataset, ImportRun.id != run_id,
                   ImportRun.release_kind.is_not(None), ImportRun.scope != "")):
        scope = Scope.from_json(text)
        release = stored_release(kind or ReleaseKind.UNKNOWN.value, rank)
        if scope is not None and release.ordered:
            earlier.append((release, scope))
    if not earlier:
        return None

    def newer_release_lacking(day: str, country: str, rank: int | None) -> int | None:
        found = None
        for release, scope in earlier:
            if not scope.covers(day, country):
                continue
            theirs = release.rank_on(date.fromisoformat(day))
            if theirs is not None and (rank is None or theirs > rank) and \
                    (found is None or theirs > found):
                found = theirs
        return found

    return newer_release_lacking
