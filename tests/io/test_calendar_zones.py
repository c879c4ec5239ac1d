"""The VTIMEZONE blocks, read as calendar clients read them (dateutil's tzical, which
icalendar's Timezone.to_tz and vobject both use), give tzdata's offset at every hour of
the years they cover, and the hour around each change; they are rule-based (RRULE), not
lists of dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest
from icalendar import Timezone

from tracker.io.calendar_zones import transitions, yearly_rule, zone_block

# Zones whose rules differ in kind: EU's last Sunday, US second Sunday, the southern
# hemisphere, Israel's "Friday before the last Sunday", Greenland's Saturday 23:00 (the
# EU instant west of UTC), Chile's change at 24:00, Lord Howe's half-hour DST, Chatham's
# quarter-hour offsets, Dublin's winter "daylight" (negative DST), zones without DST now.
ZONES_2026 = ["Europe/Kyiv", "America/New_York", "Australia/Sydney", "Asia/Jerusalem",
              "America/Nuuk", "America/Santiago", "Australia/Lord_Howe", "Pacific/Chatham",
              "Europe/Dublin", "Asia/Dubai", "Europe/Istanbul", "Europe/Moscow",
              "Asia/Tehran", "Asia/Kolkata", "Africa/Casablanca"]
# Spans across a change of the zone's rules: the US in 2007, Moscow's permanent +04 in
# 2011 and +03 in 2014, Istanbul's permanent +03 in 2016, Samoa's end of DST in 2021.
SPANS = [("America/New_York", 2005, 2008), ("Europe/Moscow", 2010, 2015),
         ("Europe/Istanbul", 2015, 2017), ("Pacific/Apia", 2020, 2022),
         ("Europe/Kyiv", 2021, 2026)]


def _block_zone(block: Timezone) -> tzinfo:
    """The zone as the block alone says it, not looked up by its TZID."""
    return block.to_tz(lookup_tzid=False)


def _instants(tz: ZoneInfo, first_year: int, last_year: int) -> list[datetime]:
    """Every hour of the years, and every five minutes of the three hours either side
    of each change."""
    start = datetime(first_year, 1, 1, tzinfo=tz).astimezone(UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=tz).astimezone(UTC)
    hours = int((end - start) / timedelta(hours=1))
    found = [start + timedelta(hours=hour) for hour in range(hours)]
    for change in transitions(tz, start, end):
        found += [change.instant + timedelta(minutes=minutes) for minutes in range(-180, 181, 5)]
    return found


def _assert_reads_as_tzdata(name: str, first_year: int, last_year: int) -> Timezone:
    tz = ZoneInfo(name)
    block = zone_block(name, datetime(first_year, 1, 1, tzinfo=tz),
                       datetime(last_year, 12, 31, 23, tzinfo=tz))
    read = _block_zone(block)
    wrong = []
    for instant in _instants(tz, first_year, last_year):
        local = instant.astimezone(tz)
        # The wall time (and which of a repeated hour) as a file gives it, read back.
        if local.replace(tzinfo=read).utcoffset() != local.utcoffset():
            wrong.append(f"{local:%Y-%m-%d %H:%M} fold={local.fold}")
    assert wrong == [], f"{name}: {len(wrong)} times read wrong, first {wrong[:3]}"
    return block


@pytest.mark.parametrize("name", ZONES_2026)
def test_a_block_reads_every_time_of_the_year_as_tzdata_does(name: str) -> None:
    block = _assert_reads_as_tzdata(name, 2026, 2026)
    for part in block.subcomponents:
        assert "RDATE" not in part
    changes = transitions(ZoneInfo(name), datetime(2025, 1, 1, tzinfo=UTC),
                          datetime(2028, 1, 1, tzinfo=UTC))
    if len(changes) >= 6 and name != "Africa/Casablanca":  # yearly changes: each by a rule
        assert {part.name for part in block.subcomponents} == {"STANDARD", "DAYLIGHT"}
        assert all("RRULE" in part for part in block.subcomponents)


@pytest.mark.parametrize(("name", "first_year", "last_year"), SPANS)
def test_a_block_across_a_change_of_rules_reads_every_year_right(
        name: str, first_year: int, last_year: int) -> None:
    _assert_reads_as_tzdata(name, first_year, last_year)


@pytest.mark.parametrize("name", ["Asia/Dubai", "Europe/Istanbul", "Europe/Moscow",
                                  "Asia/Kolkata", "Etc/GMT-3"])
def test_a_zone_without_daylight_saving_is_one_standard_block(name: str) -> None:
    block = _assert_reads_as_tzdata(name, 2026, 2026)
    [part] = block.subcomponents
    assert part.name == "STANDARD"
    assert part["TZOFFSETFROM"].to_ical() == part["TZOFFSETTO"].to_ical()


def test_new_york_is_written_as_rfc_5545_writes_it() -> None:
    # RFC 5545 3.6.5: a change's DTSTART is the wall time before it, in TZOFFSETFROM.
    tz = ZoneInfo("America/New_York")
    block = zone_block("America/New_York", datetime(2026, 3, 8, 4, 30, tzinfo=tz),
                       datetime(2026, 3, 8, 5, 30, tzinfo=tz))
    text = block.to_ical().decode()
    assert ("BEGIN:DAYLIGHT\r\nDTSTART:20250309T020000\r\n"
            "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\nTZNAME:EDT\r\n"
            "TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nEND:DAYLIGHT") in text
    assert ("BEGIN:STANDARD\r\nDTSTART:20251102T020000\r\n"
            "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\nTZNAME:EST\r\n"
            "TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD") in text


def test_a_rule_that_ended_says_until_when() -> None:
    tz = ZoneInfo("America/New_York")
    block = zone_block("America/New_York", datetime(2006, 3, 20, 10, tzinfo=tz),
                       datetime(2026, 3, 8, 5, tzinfo=tz))
    rules = [str(part["RRULE"].to_ical().decode()) for part in block.subcomponents]
    assert rules == [
        "FREQ=YEARLY;UNTIL=20060403T070000Z;BYDAY=1SU;BYMONTH=4",  # first Sunday of April
        "FREQ=YEARLY;UNTIL=20061030T060000Z;BYDAY=-1SU;BYMONTH=10",  # last of October
        "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",  # since 2007
        "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11"]
    read = _block_zone(block)
    # 20 March 2006 was still winter time in New York; it would not be under today's rule.
    assert datetime(2006, 3, 20, 10, tzinfo=read).utcoffset() == timedelta(hours=-5)
    assert datetime(2006, 4, 3, 10, tzinfo=read).utcoffset() == timedelta(hours=-4)


@pytest.mark.parametrize(("days", "rule"), [
    ([(2024, 3, 31), (2025, 3, 30), (2026, 3, 29)], "BYDAY=-1SU;BYMONTH=3"),
    ([(2024, 3, 10), (2025, 3, 9), (2026, 3, 8)], "BYDAY=2SU;BYMONTH=3"),
    # Friday on or after the 23rd (Israel): not the last Friday in 2029, nor the fourth
    # in 2030.
    ([(2026, 3, 27), (2027, 3, 26), (2028, 3, 24), (2029, 3, 23), (2030, 3, 29)],
     "BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29;BYMONTH=3"),
    ([(2020, 3, 21), (2021, 3, 21), (2022, 3, 21)], "BYMONTHDAY=21;BYMONTH=3"),
])
def test_a_yearly_rule_names_the_days_it_gives(days: list[tuple[int, int, int]],
                                               rule: str) -> None:
    found = yearly_rule([datetime(*day, 2) for day in days])
    assert found is not None
    assert found.to_ical().decode() == f"FREQ=YEARLY;{rule}"


def test_days_that_follow_no_rule_have_none() -> None:
    assert yearly_rule([datetime(2024, 3, 10), datetime(2025, 3, 30)]) is None
