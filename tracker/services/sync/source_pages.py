"""Each API's pages, as its documentation pages them.

- UCDP GED: ``GET /api/gedevents/<version>?pagesize=…&page=0&Country=<GW number>
  [&StartDate=YYYY-MM-DD]`` with the token in ``x-ucdp-access-token``. The answer is
  ``{"TotalCount", "TotalPages", "PreviousPageUrl", "NextPageUrl", "Result": [...]}``;
  the next page is ``NextPageUrl`` until it is empty. Pages are at most 1,000 events.
- ACLED: a bearer token from ``POST /oauth/token`` (form: username, password,
  ``grant_type=password``, ``client_id=acled``), then ``GET /api/acled/read?country=…
  &event_date=<since>|<today>&event_date_where=BETWEEN&limit=…&page=1…``. The answer is
  ``{"status", "success", "count", "data": [...]}``; pages are numbered from 1, and a page
  with fewer rows than ``limit`` is the last.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from tracker.domain.whole_numbers import is_whole_number
from tracker.domain.wording import say
from tracker.services.sync.http_json import JsonClient, SourceError, SourceRefused
from tracker.services.sync.sources import Source, SyncRequest, gw_code

UCDP_PAGE_SIZE = 1000  # the API's largest page
ACLED_PAGE_SIZE = 5000  # ACLED's documented default and recommended page


@dataclass(frozen=True, slots=True)
class Page:
    """One page of records, and how far the paging is (*total_pages* when the API says)."""

    records: list[Mapping[str, object]]
    number: int  # 1 for the first page
    total_pages: int | None
    total_records: int | None


def pages(client: JsonClient, request: SyncRequest, credentials: Mapping[str, str],
          base_url: str, *, today: date, page_size: int | None = None) -> Iterator[Page]:
    if request.source is Source.UCDP:
        return ucdp_pages(client, request, credentials["ucdp-api-token"], base_url,
                          page_size or UCDP_PAGE_SIZE)
    token = acled_token(client, base_url, credentials["acled-username"],
                        credentials["acled-password"])
    return acled_pages(client, request, token, base_url, today, page_size or ACLED_PAGE_SIZE)


def ucdp_pages(client: JsonClient, request: SyncRequest, token: str, base_url: str,
               page_size: int) -> Iterator[Page]:
    query = {"pagesize": str(page_size), "page": "0", "Country": str(gw_code(request.country))}
    if request.since is not None:
        query["StartDate"] = request.since.isoformat()
    version = urllib.parse.quote(request.version.strip(), safe="")
    url: str = f"{base_url}/api/gedevents/{version}?{urllib.parse.urlencode(query)}"
    headers = {"x-ucdp-access-token": token}
    number = 0
    while url:
        answer = _object(client.get(url, headers), base_url)
        number += 1
        records = answer.get("Result")
        if not isinstance(records, list):
            raise _shape(base_url, say("no Result list"))
        yield Page(records, number, _whole(answer.get("TotalPages")),
                   _whole(answer.get("TotalCount")))
        url = _next_url(answer.get("NextPageUrl"), base_url) if records else ""


def acled_token(client: JsonClient, base_url: str, username: str, password: str) -> str:
    """A bearer token for *username* (ACLED's OAuth password grant)."""
    try:
        answer = client.post_form(f"{base_url}/oauth/token", {
            "username": username, "password": password, "grant_type": "password",
            "client_id": "acled"})
    except SourceError as exc:
        if isinstance(exc, SourceRefused) or "HTTP 400" in str(exc):
            raise SourceRefused(say(
                "ACLED did not accept the e-mail and password stored for it ({error}); check "
                "them with `tracker sync acled --set-credentials` or in File › Update from "
                "Source…").format(error=exc)) from exc
        raise
    token = answer.get("access_token") if isinstance(answer, dict) else None
    if not isinstance(token, str) or not token:
        raise SourceRefused(say("ACLED gave no access token for the e-mail and password "
                                "stored for it; nothing was changed"))
    return token


def acled_pages(client: JsonClient, request: SyncRequest, token: str, base_url: str,
                today: date, page_size: int) -> Iterator[Page]:
    query = {"country": request.country.strip(), "limit": str(page_size)}
    if request.since is not None:
        query["event_date"] = f"{request.since.isoformat()}|{today.isoformat()}"
        query["event_date_where"] = "BETWEEN"
    headers = {"Authorization": f"Bearer {token}"}
    number = 1
    while True:
        url = f"{base_url}/api/acled/read?{urllib.parse.urlencode({**query, 'page': number})}"
        answer = _object(client.get(url, headers), base_url)
        if answer.get("success") is False or answer.get("status") not in (None, 200, "200"):
            raise SourceError(say(
                "ACLED answered status {status}: {message}; nothing was changed").format(
                    status=answer.get("status"), message=_message(answer)))
        records = answer.get("data")
        if not isinstance(records, list):
            raise _shape(base_url, say("no data list"))
        total = _whole(answer.get("total_count"))
        yield Page(records, number, None if total is None else -(-total // page_size), total)
        if len(records) < page_size:
            return
        number += 1


def _object(answer: Any, base_url: str) -> dict[str, Any]:
    if not isinstance(answer, dict):
        raise _shape(base_url, say("not a JSON object"))
    return answer


def _shape(base_url: str, what: str) -> SourceError:
    host = urllib.parse.urlsplit(base_url).hostname
    return SourceError(say("{host} answered in a shape this program does not read ({what}); "
                           "nothing was changed").format(host=host, what=what))


def _next_url(value: object, base_url: str) -> str:
    """UCDP's NextPageUrl, followed only on the server the token was meant for (under
    the scheme and port the sync uses: an ``http://`` link never downgrades it)."""
    if not isinstance(value, str) or not value.strip():
        return ""
    wanted, given = urllib.parse.urlsplit(base_url), urllib.parse.urlsplit(value.strip())
    if given.hostname != wanted.hostname:
        raise SourceError(say(
            "the next page is on another server ({other}); it was not followed, so the "
            "access token stays with {host}; nothing was changed").format(
                other=given.hostname, host=wanted.hostname))
    return urllib.parse.urlunsplit((wanted.scheme, wanted.netloc, given.path, given.query, ""))


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and is_whole_number(value.strip()):
        return int(value)
    return None


def _message(answer: Mapping[str, Any]) -> str:
    error = answer.get("error") or answer.get("messages") or answer.get("message")
    if isinstance(error, dict):
        error = error.get("message")
    if isinstance(error, list):
        error = "; ".join(str(item) for item in error)
    return str(error or say("no reason given"))
