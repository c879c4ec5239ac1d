"""Why a sync stopped, in the reader's language: every message of services/sync is a
whole sentence passed through ``say``, with a Ukrainian entry in wording_uk.py, and the
English stays as the command line and the other tests read it."""

from __future__ import annotations

import ast
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import database_dump
from tests.services.sync.fake_apis import FakeApis
from tests.services.sync.test_sync import ucdp
from tracker.domain import wording
from tracker.domain.wording import Language
from tracker.domain.wording_uk import PHRASES
from tracker.services.sync import credentials, http_json, source_pages, sources, syncing
from tracker.services.sync.credentials import CredentialsError, require_credentials
from tracker.services.sync.http_json import SourceError, SourceRefused, SourceUnreachable
from tracker.services.sync.sources import Source, SyncRequest, SyncRequestError
from tracker.storage.database import Database

from .conftest import MemoryKeyring, apis, memory_keyring

__all__ = ["apis", "memory_keyring"]


@pytest.fixture
def ukrainian() -> Iterator[None]:
    wording.use_language(Language.UKRAINIAN)
    yield
    wording.use_language(Language.ENGLISH)


def _said(module: object) -> list[str]:
    """The English phrases *module* passes to say(), read from its source: the constants
    given to it, and the whole-sentence templates chosen before it (``template = … if …
    else …``, ``templates = {…}``)."""
    source = Path(module.__file__).read_text(encoding="utf-8")  # type: ignore[attr-defined]
    found: list[str] = []

    def strings(node: ast.AST) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.IfExp):
            return strings(node.body) + strings(node.orelse)
        if isinstance(node, ast.Dict):
            return [text for value in node.values for text in strings(value)]
        return []

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "say" and node.args:
            found += strings(node.args[0])
        elif isinstance(node, ast.Assign) and any(
                getattr(target, "id", "") in ("template", "templates")
                for target in node.targets):
            found += strings(node.value)
    return found


def test_every_sync_phrase_has_a_ukrainian_entry() -> None:
    phrases = [phrase for module in (http_json, syncing, source_pages, credentials, sources)
               for phrase in _said(module)]
    assert len(phrases) > 25
    assert [phrase for phrase in phrases if phrase not in PHRASES] == []
    # Each translation keeps the placeholders its English fills.
    for phrase in phrases:
        placeholders = {name for name in _fields(phrase)}
        assert {name for name in _fields(PHRASES[phrase])} == placeholders, phrase


def _fields(template: str) -> set[str]:
    import string
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def test_a_refused_token_in_ukrainian(db: Database, apis: FakeApis, ukrainian: None) -> None:
    before = database_dump(db)
    with pytest.raises(SourceRefused) as refused:
        ucdp(db, credentials={"ucdp-api-token": "wrong"})
    assert str(refused.value).startswith("127.0.0.1 не прийняв облікові дані (HTTP 401")
    assert str(refused.value).endswith("; нічого не змінено")
    assert database_dump(db) == before


def test_a_failing_page_and_no_network_in_ukrainian(
        db: Database, apis: FakeApis, ukrainian: None, monkeypatch: pytest.MonkeyPatch) -> None:
    apis.fail("ucdp:2", *["500"] * 5)
    with pytest.raises(SourceError) as failing:
        ucdp(db)
    assert str(failing.value) == (
        "127.0.0.1 відповів HTTP 500: scripted 500 (спроб: 5); нічого не змінено")

    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # closed again below: nothing listens there
    monkeypatch.setenv("TRACKER_UCDP_API_URL", f"http://127.0.0.1:{port}")
    with pytest.raises(SourceUnreachable) as unreachable:
        ucdp(db)
    message = str(unreachable.value)
    assert message.startswith("не вдалося з’єднатися з 127.0.0.1: ")
    assert message.endswith("(спроб: 5); нічого не змінено")


def test_fewer_events_than_announced_in_ukrainian(db: Database, apis: FakeApis,
                                                  ukrainian: None) -> None:
    apis.fail("ucdp-cut:1", "cut")
    with pytest.raises(SourceError, match="оголосив подій: 25, але надіслав: 20"):
        ucdp(db)


def test_missing_credentials_and_requests_in_ukrainian(
        memory_keyring: MemoryKeyring, ukrainian: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("TRACKER_ACLED_USERNAME", "TRACKER_ACLED_PASSWORD"):
        monkeypatch.delenv(variable, raising=False)
    with pytest.raises(CredentialsError) as missing:
        require_credentials(Source.ACLED)
    assert str(missing.value).startswith(
        "для ACLED не збережено: e-mail myACLED і пароль myACLED; задайте їх у Файл › "
        "Оновити з джерела…")
    with pytest.raises(SyncRequestError, match="номером Gleditsch–Ward, а 'Atlantis'"):
        SyncRequest(Source.UCDP, "Atlantis").checked()


def test_english_is_as_before(memory_keyring: MemoryKeyring,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("TRACKER_ACLED_USERNAME", "TRACKER_ACLED_PASSWORD"):
        monkeypatch.delenv(variable, raising=False)
    with pytest.raises(CredentialsError) as missing:
        require_credentials(Source.ACLED)
    assert str(missing.value) == (
        "no myACLED e-mail and myACLED password is stored for ACLED: set it with `tracker "
        "sync acled --set-credentials` (or in File › Update from Source…); nothing was "
        "changed")
