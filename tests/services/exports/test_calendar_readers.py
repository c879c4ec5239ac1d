"""The schedule calendar read by the libraries calendar software is built on (issue 15).

The sample plus rounds in Kyiv (winter and summer), New York on the days the clocks
change (and in 2006, under the rules before 2007), Dubai, Istanbul and Moscow (before
its last change, in 2013) is written once and read back three ways: by icalendar as
clients use it (the TZID looked up in tzdata), by icalendar from the file's own VTIMEZONE
blocks alone, and by vobject (Radicale's and khal's reader). Every entry must come back
at the instants the database holds.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

import pytest
import vobject
from icalendar import Calendar
from sqlalchemy import select

from tracker.domain.enums import Precision, RoundFormat, RoundStatus
from tracker.domain.negotiation import Track
from tracker.domain.timewindow import ScheduledWindow
from tracker.io.calendar_file import ExactTimes, parse_calendar
from tracker.services import rounds
from tracker.services.exports.schedule_calendar import NO_END, round_uid, write_calendar
from tracker.services.rounds import list_rounds
from tracker.storage.database import Database

STAMP = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
NEW_YORK = "America/New_York"
ROUNDS = {
    "Kyiv in winter": ScheduledWindow.exact(datetime(2026, 2, 4, 9), datetime(2026, 2, 4, 12),
                                            "Europe/Kyiv"),
    "Kyiv in summer": ScheduledWindow.exact(datetime(2026, 7, 14, 10),
                                            datetime(2026, 7, 14, 18), "Europe/Kyiv"),
    # 8 March 2026: New York's clocks go from 02:00 EST to 03:00 EDT.
    "New York after the change": ScheduledWindow.exact(datetime(2026, 3, 8, 4, 30), None,
                                                       NEW_YORK),
    "New York across the change": ScheduledWindow.exact(
        datetime(2026, 3, 8, 1, 30), datetime(2026, 3, 8, 3, 30), NEW_YORK),
    # 1 November 2026: 01:00-02:00 happens twice; the start is the first 01:15 (EDT).
    "New York in the repeated hour": ScheduledWindow.exact(
        datetime(2026, 11, 1, 1, 15), datetime(2026, 11, 1, 2, 30), NEW_YORK),
    # Under today's rule 20 March would be summer time; in 2006 it was not.
    "New York in 2006": ScheduledWindow.exact(datetime(2006, 3, 20, 10),
                                              datetime(2006, 3, 20, 12), NEW_YORK),
    "Dubai": ScheduledWindow.exact(datetime(2026, 2, 10, 10), datetime(2026, 2, 10, 13),
                                   "Asia/Dubai"),
    "Dubai, the day": ScheduledWindow.days(date(2026, 2, 12), "Asia/Dubai"),
    "Istanbul": ScheduledWindow.exact(datetime(2026, 2, 11, 10), None, "Europe/Istanbul"),
    # Moscow was on +04 all year from 2011 to 2014.
    "Moscow in 2013": ScheduledWindow.exact(datetime(2013, 6, 1, 10),
                                            datetime(2013, 6, 1, 12), "Europe/Moscow"),
}
POSTPONED = "Kyiv, postponed"

Times = tuple[datetime | date, datetime | date]  # DTSTART, DTEND
Read = dict[str, Times]


@pytest.fixture
def scenario(sample_db: Database) -> Database:
    with sample_db.transaction() as session:
        track = session.scalar(select(Track.id).order_by(Track.id))
        assert track is not None
        for title, window in [*ROUNDS.items(), (POSTPONED, ScheduledWindow.exact(
                datetime(2026, 5, 5, 10), None, "Europe/Kyiv"))]:
            created = rounds.create_round(session, rounds.RoundDraft(
                track, title, RoundFormat.TECHNICAL,
                rounds.RoundState(window, None, RoundStatus.SCHEDULED)))
            if title == POSTPONED:
                assert created.record_id is not None
                rounds.postpone(session, created.record_id, rounds.ChangeNote("postponed"))
    return sample_db


def _export(db: Database, path: Path) -> Path:
    with db.reading() as session:
        write_calendar(session, path, now=STAMP)
    return path


def _expected(db: Database) -> Read:
    """Each dated round's start and end as the database holds them: instants for exact
    windows (an end not announced: the start, a zero DURATION), local days (DTEND the
    day after) else."""
    expected: Read = {}
    with db.reading() as session:
        for row in list_rounds(session):
            window = row.window
            if window.start is None:
                continue
            if window.precision is Precision.EXACT:
                expected[round_uid(row.id)] = (window.start, window.end or window.start)
                continue
            first, last = window.first_day(), window.last_day()
            assert first is not None and last is not None
            expected[round_uid(row.id)] = (first, last + timedelta(days=1))
    return expected


def _read_icalendar(path: Path) -> Read:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): (event.start, event.end) for event in calendar.walk("VEVENT")}


def _read_icalendar_blocks(path: Path) -> Read:
    """As icalendar reads the file's VTIMEZONE blocks, ignoring what tzdata says."""
    calendar = Calendar.from_ical(path.read_bytes())
    zones = {block.tz_name: block.to_tz(lookup_tzid=False) for block in calendar.timezones}

    def read(event: Any) -> Times:
        start, end = event["DTSTART"], event.get("DTEND")
        zone = zones.get(start.params.get("TZID"))
        first = start.dt.replace(tzinfo=zone) if zone else start.dt
        if end is None:
            return first, first + event.decoded("DURATION")
        return first, end.dt.replace(tzinfo=zones[end.params["TZID"]]) \
            if "TZID" in end.params else end.dt

    return {str(event["UID"]): read(event) for event in calendar.walk("VEVENT")}


def _read_vobject(path: Path) -> Read:
    # vobject keeps the first VTIMEZONE it ever read for a TZID, for the whole process
    # (icalendar.registerTzinfo), as a server built on it does: each file here is read
    # with its own blocks, not those of a file an earlier test wrote.
    registry: dict[str, tzinfo] = vars(vobject.icalendar)["__tzidMap"]
    registry.clear()
    registry["UTC"] = vobject.icalendar.utc
    with path.open(encoding="utf-8", newline="") as stream:
        calendar = vobject.readOne(stream)
    return {event.uid.value: (event.dtstart.value, event.dtend.value if "dtend" in event.contents
                              else event.dtstart.value + event.duration.value)
            for event in calendar.contents.get("vevent", [])}


KHAL_CONFIG = """[calendars]
[[talks]]
path = {folder}/talks
[locale]
local_timezone = UTC
default_timezone = UTC
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
timeformat = %H:%M
[sqlite]
path = {folder}/khal.db
"""


def _read_khal(path: Path) -> Read:
    """As khal lists the file once imported, in UTC (an all-day entry's last day is
    shown, so DTEND is the day after it)."""
    khal = shutil.which("khal")
    if khal is None:
        pytest.skip("khal is not installed (pip install khal), so the file is not read by it")
    folder = path.parent / "khal"
    (folder / "talks").mkdir(parents=True)
    config = folder / "khal.conf"
    config.write_text(KHAL_CONFIG.format(folder=folder), encoding="utf-8")

    def run(*arguments: str) -> str:
        return subprocess.run([khal, "-c", str(config), *arguments], check=True, text=True,
                              capture_output=True, timeout=120).stdout

    run("import", "--batch", "-a", "talks", str(path))
    listed = run("list", "--day-format", "", "--format", "{uid}|{start-long}|{end-long}",
                 "2000-01-01", "12000d")
    found: Read = {}
    for line in filter(None, listed.splitlines()):  # a multi-day entry is listed each day
        uid, start, end = line.split("|")
        if len(start) > len("2026-01-01"):
            found[uid] = (datetime.strptime(start, "%Y-%m-%d %H:%M").replace(tzinfo=UTC),
                          datetime.strptime(end, "%Y-%m-%d %H:%M").replace(tzinfo=UTC))
        else:
            found[uid] = (date.fromisoformat(start),
                          date.fromisoformat(end) + timedelta(days=1))
    return found


READERS = [pytest.param(_read_icalendar, id="icalendar"),
           pytest.param(_read_icalendar_blocks, id="icalendar-vtimezone"),
           pytest.param(_read_vobject, id="vobject"),
           pytest.param(_read_khal, id="khal")]


def _utc(moment: datetime | date) -> str:
    """An instant as UTC text, a day as itself: what is compared, shown when it differs."""
    return moment.astimezone(UTC).isoformat() if isinstance(moment, datetime) \
        else moment.isoformat()


@pytest.mark.parametrize("read", READERS)
def test_every_reader_reads_each_entry_at_the_instants_the_round_has(
        scenario: Database, tmp_path: Path, read: Callable[[Path], Read]) -> None:
    expected = _expected(scenario)
    found = read(_export(scenario, tmp_path / "talks.ics"))
    assert len(expected) == len(ROUNDS) + 1  # and the sample's week round
    assert {uid: tuple(map(_utc, found[uid])) for uid in expected} == \
        {uid: tuple(map(_utc, times)) for uid, times in expected.items()}
    # Exact times come back as times, days as days.
    assert all(type(found[uid][0]) is type(times[0]) for uid, times in expected.items())


def test_two_exports_of_the_same_database_are_the_same_bytes(
        scenario: Database, tmp_path: Path) -> None:
    first = _export(scenario, tmp_path / "first.ics").read_bytes()
    assert _export(scenario, tmp_path / "second.ics").read_bytes() == first


def test_zone_blocks_come_first_sorted_and_by_rule(scenario: Database, tmp_path: Path) -> None:
    calendar = Calendar.from_ical(_export(scenario, tmp_path / "talks.ics").read_bytes())
    names = [component.name for component in calendar.subcomponents]
    zones = [block.tz_name for block in calendar.timezones]
    assert names[:len(zones)] == ["VTIMEZONE"] * len(zones)
    assert set(names[len(zones):]) == {"VEVENT"}
    assert zones == ["America/New_York", "Asia/Dubai", "Europe/Istanbul", "Europe/Kyiv",
                     "Europe/Moscow"]
    for block in calendar.timezones:
        assert all("RDATE" not in part for part in block.subcomponents)
        if block.tz_name in ("America/New_York", "Europe/Kyiv"):  # daylight saving
            assert {part.name for part in block.subcomponents} == {"STANDARD", "DAYLIGHT"}
            assert all("RRULE" in part for part in block.subcomponents)
    [dubai] = [block for block in calendar.timezones if block.tz_name == "Asia/Dubai"]
    assert [part.name for part in dubai.subcomponents] == ["STANDARD"]


def test_every_entry_has_an_end_and_an_unannounced_one_says_so(
        scenario: Database, tmp_path: Path) -> None:
    path = _export(scenario, tmp_path / "talks.ics")
    events = {str(event["SUMMARY"]): event
              for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}
    assert all("DTEND" in event or "DURATION" in event for event in events.values())
    for title in ("New York after the change", "Istanbul", f"{POSTPONED} (postponed, no new date)"):
        event = events[title]
        # Zero length, as RFC 5545 reads a missing DTEND, not a client's default hour.
        assert event.decoded("DURATION") == timedelta(0)
        assert "DTEND" not in event
    assert NO_END in str(events["Istanbul"]["DESCRIPTION"])
    assert NO_END not in str(events["Kyiv in winter"]["DESCRIPTION"])
    day = events["Dubai, the day"]
    assert (day.decoded("DTSTART"), day.decoded("DTEND")) == (date(2026, 2, 12),
                                                             date(2026, 2, 13))


def test_import_reads_back_an_unannounced_end_and_a_start_in_the_repeated_hour(
        scenario: Database, tmp_path: Path) -> None:
    path = _export(scenario, tmp_path / "talks.ics")
    text = path.read_bytes().decode("utf-8")
    entries = {entry.title: entry for entry in parse_calendar(text, path).entries}
    assert entries["New York after the change"].times == ExactTimes(
        datetime(2026, 3, 8, 8, 30, tzinfo=UTC), None, NEW_YORK)
    # 01:15 happens twice that night, so it is written in UTC; the zone is the end's.
    assert "\r\nDTSTART:20261101T051500Z\r\n" in text
    assert "\r\nDTEND;TZID=America/New_York:20261101T023000\r\n" in text
    assert entries["New York in the repeated hour"].times == ExactTimes(
        datetime(2026, 11, 1, 5, 15, tzinfo=UTC), datetime(2026, 11, 1, 7, 30, tzinfo=UTC),
        NEW_YORK)
