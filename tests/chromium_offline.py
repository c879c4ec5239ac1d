"""Open a written web page in headless Chromium with the network cut off, and say what it
asked for: the consumer test of every export that a browser shows.

The folder is served on 127.0.0.1 by a thread of the test, so Chromium's net log records
each request (it records none for file:// pages). Every other host resolves to nothing
(``--host-resolver-rules``), so no test reaches the network, and a request to one still
shows in the log, with the page's site as its network isolation key: that is how the
page's own requests are told from the browser's (its update and account checks, which
carry no page).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


@dataclass(frozen=True, slots=True)
class PageLoad:
    dom: str  # the document after its scripts ran (--dump-dom)
    origin: str  # http://127.0.0.1:PORT
    requests: tuple[str, ...]  # every URL the page asked for, in order
    served: tuple[str, ...]  # the paths the local server answered

    @property
    def foreign(self) -> list[str]:
        """The page's requests to any host but its own."""
        return [url for url in self.requests if not url.startswith(self.origin + "/")]


def chromium() -> str:
    """Chromium's path, or skip the test with a message where it is not installed."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run "
                "installs it): the page is not opened in a browser")


def load_offline(folder: Path, page: str, profile: Path) -> PageLoad:
    """Serve *folder*, open *page* in it, and return what the page did and asked for."""
    browser = chromium()
    with _served(folder) as (origin, served):
        net_log = profile / "net-log.json"
        done = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-default-apps", f"--user-data-dir={profile}",
             "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
             f"--log-net-log={net_log}", "--virtual-time-budget=10000",
             "--dump-dom", f"{origin}/{page}"],
            capture_output=True, text=True, timeout=180, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        requests = _page_requests(net_log, origin)
        return PageLoad(done.stdout, origin, requests, tuple(served))


@contextmanager
def _served(folder: Path) -> Iterator[tuple[str, list[str]]]:
    served: list[str] = []

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            served.append(self.path)

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", served
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _page_requests(net_log: Path, origin: str) -> tuple[str, ...]:
    """The URLs of the requests made for the page at *origin* (its site is their network
    isolation key), from Chromium's net log."""
    log = _read_net_log(net_log)
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    site = origin.rsplit(":", 1)[0]  # a site has no port
    found = []
    for event in log["events"]:
        params = event.get("params") or {}
        if event["type"] == start_job and "url" in params \
                and str(params.get("network_isolation_key", "")).startswith(site):
            found.append(params["url"])
    return tuple(found)


def _read_net_log(path: Path) -> dict[str, Any]:
    """The net log as JSON; Chromium may stop before it closes the events list."""
    text = path.read_text(encoding="utf-8")
    try:
        return dict(json.loads(text))
    except json.JSONDecodeError:
        return dict(json.loads(text.rstrip().rstrip(",") + "]}"))
