"""The Markdown chronology, as written and as pandoc, python-markdown and a GitHub-flavoured
renderer show it: separate note markers, whole links, nested lists, text shown as typed."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from tests.hostile_text import HOSTILE
from tests.io.markdown_renderers import (
    RENDERERS,
    Element,
    nested_lists,
    parse,
    renderer,
    runs_of_references,
)
from tracker.domain.chronology import ChronologyEntry, EntryKind
from tracker.domain.enums import Precision
from tracker.domain.events import BattlefieldEvent
from tracker.io import chronology_markdown
from tracker.io.chronology_markdown import write_markdown
from tracker.io.markdown_text import block_safe, markdown_escape, markdown_source, markdown_text
from tracker.services.exports.export import ExportFormat, write_chronology
from tracker.services.records.citations import SourceDraft, cite, create_source
from tracker.storage.database import Database

# Autolinking stopped at the first "_" when addresses were backslash-escaped (issue 15).
URL = "https://example.org/news/peace_talks_2026/round_two?src=wire_feed&x=1"
# A stored address may hold what would end an autolink: it is percent-encoded.
ODD_URL = "https://example.org/a b>c_d"
ODD_HREF = "https://example.org/a%20b%3Ec_d"
# Markup in one dialect or another, to be shown as typed by all of them.
MARKUP = "Strike on [grid] ~2~ ^3^ $4$ |5| @six *7* _8_ `9` \\ten"
# Text that would open a block where it starts a note or a link line, and markup of one
# dialect or another: each must read as typed.
MARKUP_CORPUS = (
    *HOSTILE, MARKUP, "1. Kanal", "a) item", "(iv) item", "# not a heading", "> no quote",
    "- no bullet", "+ no bullet", "***", "---", "<!-- comment -->", "[link](http://x.y)",
    "![image](http://x.y/i.png)", "^[inline note]", "{#id .class}", "foo@bar.org [@key]",
    "H~2~O 2^10^", "$x$ and $$y$$", "term\n: definition", "| a | b |\n|---|---|",
    "&amp; &#65; &copy;", "trailing backslash \\",
)
# Elements that text shown as typed never becomes (pandoc writes a span for a citation
# or math; GitHub a del for ~strike~).
FOREIGN_TAGS = {"script", "b", "code", "del", "s", "sub", "img", "table", "dl",
                "blockquote", "pre", "h3", "h4", "span"}
# pandoc's smart typography: curly quotes and ellipses are its choice of glyph.
_TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _cited_twice() -> ChronologyEntry:
    return ChronologyEntry(
        when=datetime(2026, 2, 3, 12, tzinfo=UTC), day=date(2026, 2, 3),
        precision=Precision.DAY, when_text="3 Feb 2026", kind=EntryKind.EVENT,
        record_id=7, title=MARKUP, detail=f"Reported at {URL}.", place="Kyiv",
        links=(f"round Talks (context): see {URL}", "factor Winter grid (leverage)"),
        sources=(f"Wire, “A_B”, 3 Feb 2026, {URL}", f"1. Kanal, {ODD_URL}"),
    )


def _markdown(entries: list[ChronologyEntry]) -> str:
    stream = io.StringIO()
    write_markdown(entries, stream)
    return stream.getvalue()


@given(st.text())
def test_markdown_escape_never_lets_html_or_emphasis_through(text: str) -> None:
    escaped = markdown_escape(text)
    assert "<" not in escaped
    assert "\n" not in escaped and "\x00" not in escaped
    for special in "*_`[]":
        assert escaped.count(special) == escaped.count("\\" + special)
    for special in "~|^$":
        assert special not in escaped


@given(st.text())
def test_markdown_text_opens_angle_brackets_only_as_links(text: str) -> None:
    written = markdown_text(text)
    assert "\n" not in written
    assert written.count("<") == written.count("<http")


def test_addresses_are_autolinks_never_escaped() -> None:
    assert markdown_text(f"see {URL}.") == f"see <{URL}>."
    assert markdown_text("(https://en.wikipedia.org/wiki/Minsk_(city))") == \
        "(<https://en.wikipedia.org/wiki/Minsk_(city)>)"
    assert markdown_source(f"Wire, “A_B”, {ODD_URL}") == f"Wire, “A\\_B”, <{ODD_HREF}>"
    assert markdown_source("Wire, “A”") == "Wire, “A”"


@pytest.mark.parametrize(("text", "safe"), [
    ("1. Kanal", "1\\. Kanal"), ("(a) item", "(a\\) item"), ("# tag", "\\# tag"),
    ("- dash", "\\- dash"), ("> quote", "\\> quote"), ("e.g. this", "e.g. this"),
    ("2026 talks", "2026 talks"),
])
def test_text_that_starts_a_block_stays_text(text: str, safe: str) -> None:
    assert block_safe(markdown_text(text)) == safe


def test_markdown_groups_by_local_day_and_numbers_sources() -> None:
    text = _markdown([replace(_cited_twice(), title="<b>Talks</b>", detail="",
                              day=date(2026, 2, 2), links=("event 28 Jan 2026",),
                              sources=("Wire, “A”",))])
    assert "## 2 February 2026" in text
    assert "&lt;b>Talks&lt;/b>" in text and "<b>" not in text
    assert "[^1]: Wire, “A”" in text
    assert "\n    - event 28 Jan 2026\n" in text  # four spaces: python-markdown nests it


def test_markdown_separates_note_markers_and_links_addresses_whole() -> None:
    text = _markdown([_cited_twice()])
    assert "*Kyiv*[^1],[^2]\n" in text
    assert f"[^1]: Wire, “A\\_B”, 3 Feb 2026, <{URL}>\n" in text
    assert f"[^2]: 1\\. Kanal, <{ODD_HREF}>\n" in text


def test_blank_detail_and_place_leave_no_empty_markup() -> None:
    text = _markdown([replace(_cited_twice(), title="Talks", detail=" \n", place="\t",
                              sources=())])
    assert "Talks\n" in text and "**\n" not in text and ". \n" not in text


def test_markdown_notes_follow_their_day_and_memory_stays_bounded(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A million events cite a million dataset records: notes are written after each
    day, and only the last few sources are remembered for reuse."""
    monkeypatch.setattr(chronology_markdown, "NOTES_REMEMBERED", 2)
    entries = [_on(date(2026, 2, 1), "Wire A", 1), _on(date(2026, 2, 1), "Wire B", 2),
               _on(date(2026, 2, 2), "Wire A", 3), _on(date(2026, 2, 2), "Wire C", 4),
               _on(date(2026, 2, 3), "Wire B", 5)]
    stream = io.StringIO()
    assert write_markdown(entries, stream) == 5
    text = stream.getvalue()
    first, second, third = text.split("\n## ")[1:]
    assert first.endswith("[^1]: Wire A\n[^2]: Wire B\n")
    assert "Strike[^1]" in second  # still remembered: the same note
    assert second.endswith("[^3]: Wire C\n")
    # B was pushed out by A and C: it gets a new number and note.
    assert "Strike[^4]" in third and third.endswith("[^4]: Wire B\n")


def _on(day: date, source: str, record_id: int) -> ChronologyEntry:
    return ChronologyEntry(
        when=datetime(day.year, day.month, day.day, 12, tzinfo=UTC), day=day,
        precision=Precision.DAY, when_text=f"{day.day} Feb 2026", kind=EntryKind.EVENT,
        record_id=record_id, title="Strike", detail="", place="", links=(),
        sources=(source,),
    )


def _words(text: str) -> str:
    """Text as read: pandoc wraps its HTML lines."""
    return " ".join(text.split())


def _hrefs(root: Element) -> dict[str, str]:
    """Each link's address and the text it shows."""
    return {a.attrs["href"]: a.text for a in root.find_all("a") if "href" in a.attrs}


@pytest.mark.parametrize("name", RENDERERS)
def test_renderers_show_the_entry_as_written(name: str) -> None:
    root = parse(renderer(name)(_markdown([_cited_twice()])))
    item = next(li for li in root.find_all("li") if MARKUP in _words(li.own_text))
    assert runs_of_references(item) == [1, 1], "two notes, not one superscript '12'"
    hrefs = _hrefs(root)
    assert URL in hrefs and "\\" not in hrefs[URL]
    assert ODD_HREF in hrefs
    [(_, links)] = [(li, inner) for li, inner in nested_lists(root) if li is item]
    assert [_words(li.text) for li in links.find_all("li")] == [
        f"round Talks (context): see {URL}", "factor Winter grid (leverage)"]
    assert "1. Kanal," in _words(root.text)


@pytest.mark.parametrize("name", RENDERERS)
def test_renderers_show_the_sample_chronology_with_sources_apart(
        name: str, sample_db: Database) -> None:
    with sample_db.transaction() as session:
        event_id = session.scalars(select(BattlefieldEvent.id).order_by(
            BattlefieldEvent.id)).first()
        assert event_id is not None
        cite(session, create_source(session, SourceDraft("Wire", url=URL)), "event_id",
             event_id)
    buffer = io.StringIO()
    with sample_db.reading() as session:
        write_chronology(session, buffer, ExportFormat.MD, tz="Europe/Kyiv")
    root = parse(renderer(name)(buffer.getvalue()))
    runs = runs_of_references(root)
    assert len(runs) > 10 and set(runs) == {1}, "every note marker stands on its own"
    assert URL in _hrefs(root)
    nested = [inner for _, inner in nested_lists(root)]
    assert any("round Trilateral talks" in _words(inner.text) for inner in nested)
    assert any("(escalation during talks)" in _words(inner.text) for inner in nested)


@pytest.mark.parametrize("name", RENDERERS)
def test_renderers_show_markup_and_hostile_text_as_typed(name: str) -> None:
    entries = [ChronologyEntry(
        when=datetime(2026, 2, 3, 12, tzinfo=UTC), day=date(2026, 2, 3),
        precision=Precision.DAY, when_text="3 Feb 2026", kind=EntryKind.EVENT,
        record_id=number, title=text, detail=text, place=text[:40], links=(text,),
        sources=(text,)) for number, text in enumerate(MARKUP_CORPUS, 1)]
    root = parse(renderer(name)(_markdown(entries)))
    shown = _words(root.text).translate(_TYPOGRAPHY)
    assert not [text for text in MARKUP_CORPUS if _words(text) not in shown]
    assert not {element.tag for element in root.walk()} & FOREIGN_TAGS
    # Each text shows in its entry, its link line and its note: none became markup.
    assert len(root.find_all("li")) >= 3 * len(MARKUP_CORPUS)
