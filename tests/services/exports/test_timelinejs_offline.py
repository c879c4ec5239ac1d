"""The TimelineJS page in a real browser: with --timelinejs-assets it shows the timeline
and asks nothing of any host but its own; from the CDN it would (the control that shows
the check can fail).

TimelineJS itself is the npm package @knight-lab/timelinejs, which .ci/run unpacks into
the cache folder below (``npm pack``); TRACKER_TIMELINEJS_PACKAGE may name another copy.
Where neither is there, or Chromium is missing, the test is skipped with a message.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.chromium_offline import load_offline
from tests.services.scenario import add_events
from tracker.domain.enums import Precision
from tracker.io.timelinejs_page import find_dist
from tracker.services.exports.timelinejs import write_timeline
from tracker.services.exports.timelinejs_selection import EventScope, TimelineRequest
from tracker.storage.database import Database

TIMELINEJS_VERSION = "3.9.11"  # the version .ci/run fetches
IZYUM = {"dataset": "UCDP GED", "event_date": date(2022, 2, 24),
         "event_date_end": date(2022, 9, 30), "date_precision": Precision.UNKNOWN,
         "event_type": "State-based conflict", "sub_event_type": "Russia - Ukraine",
         "location": "Izyum town", "admin1": "Kharkiv Oblast", "fatalities": 871}
KHERSON = {"event_date": date(2026, 3, 1), "date_precision": Precision.MONTH,
           "sub_event_type": "Shelling", "location": "Kherson", "fatalities": 4}


def timelinejs_package() -> Path:
    """The unpacked npm package, or skip the test saying how to get it."""
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    folder = Path(os.environ.get("TRACKER_TIMELINEJS_PACKAGE",
                                 cache / "negotiation-tracker" / "timelinejs" / "package"))
    try:
        return find_dist(folder)
    except Exception:
        pytest.skip(f"no TimelineJS package at {folder} (npm pack "
                    f"@knight-lab/timelinejs@{TIMELINEJS_VERSION} and unpack it there, as "
                    ".ci/run does, or set TRACKER_TIMELINEJS_PACKAGE): the page is not "
                    "opened in a browser")


def _marker_classes(dom: str, headline: str) -> str:
    """The class of the time-axis marker whose headline begins with *headline* (the
    slides, before the time axis in the document, have their headlines too)."""
    axis = dom[dom.index('<div class="tl-timenav'):]
    found = re.search(f'<h2 class="tl-headline"[^>]*>{re.escape(headline)}', axis)
    assert found, headline
    markers = re.findall(r'<div class="(tl-timemarker(?: [^"]*)?)"', axis[:found.start()])
    return markers[-1]


def _write(db: Database, folder: Path, assets: Path | None) -> None:
    with db.reading() as session:
        write_timeline(session, folder / "talks.json",
                       TimelineRequest(tz="Europe/Kyiv", events=EventScope.ALL),
                       assets=assets, now=datetime(2026, 2, 3, 9, 30, tzinfo=UTC))


def test_the_offline_page_shows_the_timeline_and_asks_no_other_host(
        sample_db: Database, tmp_path: Path) -> None:
    package = timelinejs_package()
    with sample_db.transaction() as session:
        add_events(session, [IZYUM, KHERSON])
    site = tmp_path / "site"
    site.mkdir()
    _write(sample_db, site, package)
    loaded = load_offline(site, "talks.html", tmp_path / "profile")
    assert loaded.foreign == []
    assert {"/talks_files/js/timeline.js", "/talks_files/css/timeline.css"} <= set(
        loaded.served)
    # TimelineJS ran: its slides are in the document, with our headlines in them.
    assert "tl-slide" in loaded.dom
    assert "Izyum town: 871 killed (Russia - Ukraine)" in loaded.dom
    assert "Zaporizhzhia: air/drone strike on medical facilities" in loaded.dom
    # The span and the month are drawn over their days: markers with an end.
    for headline in ("Izyum town: 871 killed (Russia - Ukraine)",
                     "Kherson: shelling (4 killed)", "Zaporizhzhia: air/drone strike"):
        assert "tl-timemarker-with-end" in _marker_classes(loaded.dom, headline), headline


def test_the_check_sees_a_page_that_loads_from_the_cdn(
        sample_db: Database, tmp_path: Path) -> None:
    timelinejs_package()  # the same conditions as the test above, so both run or neither
    site = tmp_path / "site"
    site.mkdir()
    _write(sample_db, site, None)
    loaded = load_offline(site, "talks.html", tmp_path / "profile")
    assert any(url.startswith("https://cdn.knightlab.com/") for url in loaded.foreign)
    # The page's own message (its script's text has the address in a second string).
    assert "TimelineJS could not be loaded from https://cdn.knightlab.com/" in loaded.dom
