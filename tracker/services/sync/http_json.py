"""JSON over HTTPS with the standard library, retried the way public APIs ask.

urllib is enough here: two GET endpoints and one form POST, no sessions, no streaming
uploads. A third-party client (requests, httpx) would add a dependency, and its own retry
add-on, for what this module does in one place: bounded retries with exponential backoff
on a refused connection, a timeout, HTTP 429 and 5xx, honouring ``Retry-After``; no retry
on the answers a retry cannot change (401, 403, 404, 400).

The wait between tries goes through *sleep*, which tests replace, and which by default
waits on the cancel flag, so Cancel ends a backoff at once.

Every message is a whole sentence passed through ``say`` (domain/wording.py), so the
window tells a failed update in its own language; the command line keeps English.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tracker.domain.errors import TrackerError
from tracker.domain.whole_numbers import is_whole_number
from tracker.domain.wording import say
from tracker.services.imports.importing import ImportCancelled

NOTHING_CHANGED = "nothing was changed"
RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
REFUSED_STATUSES = frozenset({401, 403})
_CANCEL_POLL = 0.1  # seconds between looks at the cancel flag while a request runs


class SourceError(TrackerError):
    """A dataset's API could not give what was asked; nothing was written."""


class SourceUnreachable(SourceError):
    """No answer: no network, a name that does not resolve, timeouts to the end."""


class SourceRefused(SourceError):
    """The API said no to the credentials (HTTP 401/403, a token request refused)."""


Sleep = Callable[[float], object]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how long to try: *attempts* tries in all, waits doubling from
    *first_wait* up to *longest_wait*; a Retry-After longer than *longest_wait* is not
    waited out but told."""

    attempts: int = 5
    first_wait: float = 2.0
    longest_wait: float = 120.0
    timeout: float = 60.0  # seconds a request may take to answer

    def backoff(self, retry: int) -> float:
        return min(self.longest_wait, self.first_wait * 2 ** retry)


@dataclass(slots=True)
class JsonClient:
    """GET and POST returning parsed JSON; counts the retries it made (for the report)."""

    policy: RetryPolicy = field(default_factory=RetryPolicy)
    cancel: threading.Event = field(default_factory=threading.Event)
    sleep: Sleep | None = None
    opener: urllib.request.OpenerDirector = field(
        default_factory=urllib.request.build_opener)
    retries: int = 0

    def get(self, url: str, headers: Mapping[str, str]) -> Any:
        return self._json(urllib.request.Request(url, headers=dict(headers)))

    def post_form(self, url: str, form: Mapping[str, str],
                  headers: Mapping[str, str] | None = None) -> Any:
        body = urllib.parse.urlencode(form).encode("ascii")
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", **(headers or {})})
        return self._json(request)

    def _json(self, request: urllib.request.Request) -> Any:
        host = urllib.parse.urlsplit(request.full_url).hostname or request.full_url
        request.add_header("Accept", "application/json")
        for attempt in range(self.policy.attempts):
            self._check_cancel()
            last = attempt == self.policy.attempts - 1
            try:
                body = self._answer(request)
            except urllib.error.HTTPError as exc:
                status = exc.code
                detail = _error_text(exc)
                if status in REFUSED_STATUSES:
                    raise SourceRefused(_refused(host, status, detail)) from exc
                if status not in RETRIED_STATUSES or last:
                    raise SourceError(_answered(host, status, detail, attempt)) from exc
                self._wait(self._retry_after(exc, host, attempt))
                continue
            except (OSError, http.client.HTTPException) as exc:  # URLError, timeouts, resets
                if _is_name_error(exc) or last:
                    raise SourceUnreachable(_unreachable(host, _reason(exc), attempt)) from exc
                self._wait(self.policy.backoff(attempt))
                continue
            try:
                return json.loads(body)
            except ValueError as exc:
                raise SourceError(say(
                    "{host} answered with something that is not JSON ({body}); nothing was "
                    "changed").format(host=host, body=repr(body[:80]))) from exc
        raise AssertionError("unreachable: the last attempt raises")  # pragma: no cover

    def _answer(self, request: urllib.request.Request) -> bytes:
        """The body of *request*'s answer, read on a thread of its own while this one
        watches the cancel flag: Cancel then stops a slow page at once, not after the
        timeout (the abandoned read ends by that timeout, and its answer is dropped)."""
        outcome: list[bytes | BaseException] = []
        done = threading.Event()

        def read() -> None:
            try:
                with self.opener.open(request, timeout=self.policy.timeout) as response:
                    outcome.append(response.read())
            except BaseException as exc:  # handed to the waiting thread, raised there
                outcome.append(exc)
            finally:
                done.set()

        threading.Thread(target=read, name="tracker-sync-request", daemon=True).start()
        while not done.wait(_CANCEL_POLL):
            self._check_cancel()
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        return outcome[0]

    def _retry_after(self, error: urllib.error.HTTPError, host: str, attempt: int) -> float:
        """The wait before the next try: the server's Retry-After if it gave one (but
        not longer than the policy allows), otherwise the backoff."""
        asked = retry_after_seconds(error.headers.get("Retry-After"))
        if asked is None:
            return self.policy.backoff(attempt)
        if asked > self.policy.longest_wait:
            raise SourceError(say(
                "{host} asks to wait {seconds} s before the next request (HTTP {status}); "
                "try again later; nothing was changed").format(
                    host=host, seconds=f"{asked:.0f}", status=error.code))
        return asked

    def _wait(self, seconds: float) -> None:
        self.retries += 1
        if self.sleep is not None:
            self.sleep(seconds)
        else:
            self.cancel.wait(seconds)
        self._check_cancel()

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise ImportCancelled(cancelled_message())


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """RFC 9110's Retry-After: delay-seconds or an HTTP-date; None if absent or unread."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if is_whole_number(text):
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def cancelled_message() -> str:
    return say("Cancelled on request; nothing was changed.")


# Each message whole, with and without the server's reason and the tries it took: a
# sentence is never built from fragments, which another language would order otherwise.
def _refused(host: str, status: int, detail: str) -> str:
    if detail:
        template = "{host} refused the credentials (HTTP {status}: {detail}); nothing was changed"
    else:
        template = "{host} refused the credentials (HTTP {status}); nothing was changed"
    return say(template).format(host=host, status=status, detail=detail)


def _answered(host: str, status: int, detail: str, attempt: int) -> str:
    templates = {
        (False, False): "{host} answered HTTP {status}; nothing was changed",
        (True, False): "{host} answered HTTP {status}: {detail}; nothing was changed",
        (False, True): "{host} answered HTTP {status} after {tries} tries; nothing was changed",
        (True, True): "{host} answered HTTP {status}: {detail} after {tries} tries; nothing "
                      "was changed",
    }
    return say(templates[bool(detail), attempt > 0]).format(
        host=host, status=status, detail=detail, tries=attempt + 1)


def _unreachable(host: str, reason: str, attempt: int) -> str:
    if attempt:
        template = "could not reach {host}: {reason} after {tries} tries; nothing was changed"
    else:
        template = "could not reach {host}: {reason}; nothing was changed"
    return say(template).format(host=host, reason=reason, tries=attempt + 1)


def _error_text(error: urllib.error.HTTPError) -> str:
    """The reason an API put in its error body (ACLED: ``{"message": …}`` or
    ``{"error": {"message": …}}``; UCDP: plain text), kept short."""
    try:
        raw = error.read(2000).decode("utf-8", "replace")
    except OSError:
        return ""
    try:
        data = json.loads(raw)
    except ValueError:
        return " ".join(raw.split())[:200]
    for key in ("message", "error_description", "error"):
        value = data.get(key) if isinstance(data, dict) else None
        if isinstance(value, dict):
            value = value.get("message")
        if isinstance(value, str) and value:
            return value[:200]
    return ""


def _reason(error: BaseException) -> str:
    if isinstance(error, urllib.error.URLError) and not isinstance(error.reason, str):
        error = error.reason
    if isinstance(error, TimeoutError):
        return say("no answer in time")
    text = getattr(error, "strerror", None) or str(error)
    return str(text)


def _is_name_error(error: BaseException) -> bool:
    """A host name that does not resolve (no network, or a typo): trying again in a few
    seconds would only make the user wait for the same answer."""
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    return isinstance(reason, socket.gaierror)
