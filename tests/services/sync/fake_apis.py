"""UCDP's GED API and ACLED's API as a local server on 127.0.0.1, in their documented shapes.

UCDP: ``GET /api/gedevents/<version>?pagesize&page&Country[&StartDate]`` with the token in
``x-ucdp-access-token``, answering ``{TotalCount, TotalPages, PreviousPageUrl, NextPageUrl,
Result}``, numbers as JSON numbers. ACLED: ``POST /oauth/token`` (password grant), then
``GET /api/acled/read?country&event_date&event_date_where&limit&page`` with the bearer
token, answering ``{status, success, count, data}``, every value a string as ACLED sends.

The events are real: the UCDP GED 22.1 API export and the ACLED export fixture in
tests/data. A test scripts trouble for a page (``fail(path_page, "500", "429:7",
"slow")``): each request for that page takes the next trouble from its list, then pages
answer normally. A slow page waits on ``released`` (not on a clock), so the client's
timeout is what ends it.
"""

from __future__ import annotations

import csv
import json
import math
import threading
import urllib.parse
from collections import defaultdict, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "data"
UCDP_FILE = DATA / "ucdp" / "ucdp_ged_ukraine_2014-2021_ged221_api.csv"
ACLED_FILE = DATA / "acled" / "acled_export_iso.csv"
UCDP_TOKEN = "ucdp-token-for-tests"
ACLED_USER, ACLED_PASSWORD = "analyst@example.org", "correct horse"
ACLED_BEARER = "acled-bearer-for-tests"
_UCDP_NUMBERS = {"id", "year", "type_of_violence", "conflict_new_id", "dyad_new_id",
                 "side_a_new_id", "side_b_new_id", "number_of_sources", "where_prec",
                 "priogrid_gid", "country_id", "event_clarity", "date_prec", "deaths_a",
                 "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low"}


def ucdp_json(row: dict[str, str]) -> dict[str, Any]:
    """A GED CSV row as the API sends it: numbers as numbers, empty as null."""
    record: dict[str, Any] = {}
    for name, text in row.items():
        if text == "":
            record[name] = None
        elif name in _UCDP_NUMBERS:
            record[name] = int(text)
        elif name in ("latitude", "longitude"):
            record[name] = float(text)
        elif name == "active_year":
            record[name] = text.casefold() == "true"
        else:
            record[name] = text
    return record


def ucdp_rows(limit: int | None = None) -> list[dict[str, str]]:
    with UCDP_FILE.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    return rows[:limit] if limit is not None else rows


def acled_rows() -> list[dict[str, str]]:
    with ACLED_FILE.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@dataclass
class FakeApis:
    """The server's data, scripted trouble, and every request it saw."""

    ucdp: list[dict[str, Any]] = field(default_factory=list)
    acled: list[dict[str, str]] = field(default_factory=list)
    trouble: dict[str, deque[str]] = field(default_factory=lambda: defaultdict(deque))
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def fail(self, where: str, *troubles: str) -> None:
        """*where* is "ucdp:<page>", "acled:<page>" or "token"; "ucdp-cut:<page>" with
        "cut" answers that page without a next one."""
        self.trouble[where].extend(troubles)

    def pages_asked(self, source: str) -> list[str]:
        path = "/api/gedevents/" if source == "ucdp" else "/api/acled/read"
        return [query.get("page", "") for method, url, query in self.requests
                if method == "GET" and url.startswith(path)]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Override BaseHTTPRequestHandler.log_message: keep the test output clean."""

    def do_GET(self) -> None:
        apis = self.server.apis
        parts = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        apis.requests.append(("GET", parts.path, query))
        if parts.path.startswith("/api/gedevents/"):
            if self._troubled(f"ucdp:{query.get('page', '0')}"):
                return
            if self.headers.get("x-ucdp-access-token") != UCDP_TOKEN:
                self._send(401, {"Message": "Authorization has been denied for this request."})
                return
            page = self._ucdp_page(parts.path, query)
            if self._troubled(f"ucdp-cut:{query.get('page', '0')}"):
                page["NextPageUrl"] = ""  # a server that stops paging early
            self._send(200, page)
        elif parts.path == "/api/acled/read":
            if self._troubled(f"acled:{query.get('page', '1')}"):
                return
            if self.headers.get("Authorization") != f"Bearer {ACLED_BEARER}":
                self._send(401, {"message": "Access denied"})
                return
            self._send(200, self._acled_page(query))
        else:
            self._send(404, {"message": "no such endpoint"})

    def do_POST(self) -> None:
        apis = self.server.apis
        length = int(self.headers.get("Content-Length", "0"))
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode("ascii")))
        apis.requests.append(("POST", self.path, form))
        if self.path != "/oauth/token" or self._troubled("token"):
            return
        if (form.get("grant_type"), form.get("client_id")) != ("password", "acled") or \
                (form.get("username"), form.get("password")) != (ACLED_USER, ACLED_PASSWORD):
            self._send(400, {"error": "invalid_grant",
                             "error_description": "The user credentials were incorrect.",
                             "message": "The user credentials were incorrect."})
            return
        self._send(200, {"token_type": "Bearer", "expires_in": 86400,
                         "access_token": ACLED_BEARER, "refresh_token": "refresh"})

    def _ucdp_page(self, path: str, query: dict[str, str]) -> dict[str, Any]:
        size, page = int(query["pagesize"]), int(query.get("page", "0"))
        chosen = [event for event in self.server.apis.ucdp
                  if str(event["country_id"]) == query.get("Country")
                  and event["date_start"][:10] >= query.get("StartDate", "")]
        pages = math.ceil(len(chosen) / size)

        def link(number: int) -> str:
            if not 0 <= number < pages:
                return ""
            return (f"{self.server.apis.url}{path}?"
                    f"{urllib.parse.urlencode({**query, 'page': number})}")

        return {"TotalCount": len(chosen), "TotalPages": pages,
                "PreviousPageUrl": link(page - 1), "NextPageUrl": link(page + 1),
                "Result": chosen[page * size:(page + 1) * size]}

    def _acled_page(self, query: dict[str, str]) -> dict[str, Any]:
        limit, page = int(query.get("limit", "5000")), int(query.get("page", "1"))
        first, _bar, last = query.get("event_date", "|").partition("|")
        chosen = [event for event in self.server.apis.acled
                  if event["country"] == query.get("country")
                  and (not first or first <= event["event_date"] <= last)]
        data = chosen[(page - 1) * limit:page * limit]
        return {"status": 200, "success": True, "last_update": 12, "count": len(data),
                "messages": [], "data": data, "filename": "acled-export"}

    def _troubled(self, where: str) -> bool:
        """Answer with the next trouble scripted for *where*, if any (True: answered)."""
        waiting = self.server.apis.trouble.get(where)
        if not waiting:
            return False
        trouble = waiting.popleft()
        if trouble == "cut":  # the caller answers, cut short
            return True
        if trouble == "slow":  # no answer until the test ends: the client times out
            self.server.apis.released.wait(10)
            return True
        status, _colon, after = trouble.partition(":")
        self._send(int(status), {"message": f"scripted {status}"},
                   {"Retry-After": after} if after else {})
        return True

    def _send(self, status: int, body: object, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout): nothing to answer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    apis: FakeApis


@contextmanager
def serving(apis: FakeApis) -> Iterator[FakeApis]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.apis = apis
    apis.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield apis
    finally:
        apis.released.set()
        server.shutdown()
        server.server_close()
        thread.join()
