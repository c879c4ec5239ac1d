"""The TimelineJS page: inline data that cannot end its script, local assets, atomic files."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tracker.io.input_errors import InputFileError
from tracker.io.timelinejs_format import html_text, instant_parts, item_list, plain_label
from tracker.io.timelinejs_page import (
    CDN,
    find_dist,
    page_html,
    script_json,
    write_timeline_files,
)

BREAKOUT = "</script><script>alert('x')</script><!-- & \u2028"
DATA: dict[str, Any] = {"title": {"text": {"headline": BREAKOUT}},
                        "events": [{"start_date": {"year": 2026},
                                    "text": {"headline": "a", "text": BREAKOUT}}]}


class _Scripts(HTMLParser):
    """The <script> elements of a page as a browser's tokenizer splits them."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._open: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._open = dict(attrs)
            self.scripts.append((self._open, ""))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._open = None


def _scripts(page: str) -> list[tuple[dict[str, str | None], str]]:
    parser = _Scripts()
    parser.feed(page)
    return parser.scripts


# The attribute by which each element makes the browser load something.
_LOADING = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src",
            "video": "src", "audio": "src", "embed": "src", "object": "data"}


class _Loads(HTMLParser):
    """What a page makes the browser load: script, style and media addresses."""

    def __init__(self) -> None:
        super().__init__()
        self.references: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = _LOADING.get(tag)
        found = dict(attrs).get(name) if name else None
        if found:
            self.references.append(found)


def _loaded_references(page: str) -> list[str]:
    parser = _Loads()
    parser.feed(page)
    return sorted(parser.references)


def _inline_data(page: str) -> Any:
    [text] = [text for attrs, text in _scripts(page) if attrs.get("id") == "timeline-data"]
    return json.loads(text)


def _fake_package(root: Path) -> Path:
    dist = root / "dist"
    for name, content in (("js/timeline.js", "var TL = {};"), ("css/timeline.css", "a{}"),
                          ("css/icons/tl-icons.woff", "font"), ("js/locale/fr.json", "{}"),
                          ("css/fonts/font.default.css", "b{}")):
        (dist / name).parent.mkdir(parents=True, exist_ok=True)
        (dist / name).write_text(content, encoding="utf-8")
    return root


def test_inline_json_has_no_markup_characters_and_reads_back() -> None:
    text = script_json(DATA)
    assert not set("<>&\u2028") & set(text)
    assert json.loads(text) == DATA


def test_a_summary_cannot_end_the_pages_script() -> None:
    page = page_html(DATA, page_title="<b>T</b>")
    # Three scripts: TimelineJS, the data, the start-up; nothing the data says opens
    # a fourth.
    scripts = _scripts(page)
    assert [attrs.get("src") or attrs.get("type") or "" for attrs, _ in scripts] == [
        CDN + "js/timeline.js", "application/json", ""]
    assert _inline_data(page) == DATA
    assert "<title>&lt;b&gt;T&lt;/b&gt;</title>" in page


def test_local_assets_are_copied_beside_the_page(tmp_path: Path) -> None:
    package = _fake_package(tmp_path / "package")
    target = tmp_path / "out" / "my timeline.json"
    target.parent.mkdir()
    page = write_timeline_files(target, DATA, page_title="T", assets=package)
    assert page == tmp_path / "out" / "my timeline.html"
    copied = tmp_path / "out" / "my timeline_files"
    # No locales (English is built in), no font stylesheets (they import Google Fonts).
    assert sorted(str(p.relative_to(copied)) for p in copied.rglob("*") if p.is_file()) == [
        "css/icons/tl-icons.woff", "css/timeline.css", "js/timeline.js"]
    text = page.read_text(encoding="utf-8")
    assert 'src="my%20timeline_files/js/timeline.js"' in text
    assert 'href="my%20timeline_files/css/timeline.css"' in text
    assert "cdn.knightlab.com" not in text
    assert json.loads(target.read_text(encoding="utf-8")) == DATA == _inline_data(text)


def test_a_page_with_local_assets_names_no_other_host(tmp_path: Path) -> None:
    """Nothing the page or its copied styles would load is on the web, and TimelineJS is
    told where its own files are (its default is the CDN) and to load no font."""
    package = _fake_package(tmp_path / "package")
    (package / "dist" / "css" / "timeline.css").write_text(
        "@font-face{src:url(../js/../css/icons/tl-icons.woff)}", encoding="utf-8")
    data = {**DATA, "events": [{"start_date": {"year": 2026}, "text": {
        "headline": "a", "text": item_list("Sources", ["x, https://e.example/a"],
                                           numbered=True)}}]}
    page = write_timeline_files(tmp_path / "t.json", data, page_title="T", assets=package)
    text = page.read_text(encoding="utf-8")
    loads = _loaded_references(text)
    assert loads == ["t_files/css/timeline.css", "t_files/js/timeline.js"]
    # Outside the data, no web address at all; in the data, only the sources' links.
    assert not re.search(r"https?:|//", text.replace(script_json(data), ""))
    assert re.findall(r"https?://[^\\\s\"]+", script_json(data)) == ["https://e.example/a"] * 2
    assert 'script_path: new URL("t_files/js/", document.baseURI).href' in text
    assert 'font: ""' in text
    for css in (tmp_path / "t_files").rglob("*.css"):
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//",
                             css.read_text(encoding="utf-8"))


def test_eras_get_a_band_of_their_own_above_the_axis() -> None:
    with_eras = page_html({**DATA, "eras": [{"start_date": {"year": 2026}}]}, page_title="T")
    assert ".tl-timeera { height: 16px; bottom: 39px; }" in with_eras
    assert ".tl-timeaxis-background { height: 61px; }" in with_eras
    assert ".tl-timeera" not in page_html(DATA, page_title="T")


def test_the_dist_folder_itself_is_accepted_and_other_folders_refused(
        tmp_path: Path) -> None:
    package = _fake_package(tmp_path / "package")
    assert find_dist(package) == package / "dist"
    assert find_dist(package / "dist") == package / "dist"
    with pytest.raises(InputFileError, match="not a TimelineJS package"):
        find_dist(tmp_path)


def test_a_failed_write_leaves_the_old_files_and_no_partial_ones(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    target.write_text("old data", encoding="utf-8")
    (tmp_path / "t.html").write_text("old page", encoding="utf-8")
    with pytest.raises(TypeError):
        write_timeline_files(target, {"events": [object()]}, page_title="T")
    assert target.read_text(encoding="utf-8") == "old data"
    assert (tmp_path / "t.html").read_text(encoding="utf-8") == "old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.html", "t.json"]


def test_the_data_may_not_be_named_like_its_page(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match=r"does not end in \.html"):
        write_timeline_files(tmp_path / "t.html", DATA, page_title="T")
    assert list(tmp_path.iterdir()) == []


def test_html_fields_escape_and_labels_escape_twice() -> None:
    assert html_text("<b>a</b> & b\r\nc\x00") == "&lt;b&gt;a&lt;/b&gt; &amp; b<br>c\ufffd"
    # TimelineJS decodes a group once (text content) before it sets it as HTML.
    assert plain_label("<img src=x>\nA & B") == "&amp;lt;img src=x&amp;gt; A &amp;amp; B"
    assert item_list("Sources", ['Kyiv Independent, “x”, https://e.example/a?b=1&c="2"'],
                     numbered=True) == (
        "<p><b>Sources:</b></p><ol><li>Kyiv Independent, “x”, "
        '<a href="https://e.example/a?b=1&amp;c=&quot;2&quot;" target="_blank" '
        'rel="noopener noreferrer">https://e.example/a?b=1&amp;c=&quot;2&quot;</a></li></ol>')
    assert item_list("Links", []) == ""


def test_instants_are_split_on_the_wall_clock_of_the_zone() -> None:
    # 23:30 UTC on 31 Jan is 01:30 on 1 Feb in Kyiv (UTC+2).
    assert instant_parts(datetime(2026, 1, 31, 23, 30, tzinfo=UTC), "Europe/Kyiv") == {
        "year": 2026, "month": 2, "day": 1, "hour": 1, "minute": 30}
