"""PySide6's per-import source check answers the same without keeping sources (issue 19)."""

from __future__ import annotations

import linecache
import sys

import tracker.domain.identity
import tracker.ui.window.app
from tracker.ui.window.source_scan import scan_sources_lightly


def test_the_hook_answers_as_before_and_keeps_no_source() -> None:
    scan_sources_lightly()
    feature = sys.modules["shibokensupport.feature"]
    linecache.clearcache()
    assert feature._mod_uses_pyside(tracker.ui.window.app) is True
    assert feature._mod_uses_pyside(tracker.domain.identity) is False
    assert feature._mod_uses_pyside(sys) is False  # built in: no file
    assert tracker.ui.window.app.__file__ not in linecache.cache
