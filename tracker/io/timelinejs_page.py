"""The TimelineJS files: the JSON, and a web page beside it that shows it.

The page carries the data inline, in a ``<script type="application/json">``, because a
browser that opened it from disk (file://) refuses to fetch() the JSON next to it. In
that script the characters ``<``, ``>`` and ``&`` are written as JSON escapes (\\u003c…),
so no text inside, not even "</script>" in an event's summary, can end the script early.

TimelineJS itself comes from Knight Lab's CDN by default. An analyst who may be offline
gives the folder of the npm package @knight-lab/timelinejs (or its dist/ folder); its
script, styles and icon font are copied into ``NAME_files/`` beside the page, so the page,
its data and TimelineJS move together, and the page then asks nothing of the network:

- TimelineJS loads its font stylesheet, its theme and any language but English from
  ``script_path``, whose default is the CDN (it looks for its own script only when the
  option is empty), so the page sets it to the local copy;
- every font stylesheet of the package but one imports Google Fonts, so none is copied
  and ``font`` is empty: the stylesheet's own stacks (Georgia, Helvetica, the reader's
  fallbacks) are used instead.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tracker.io.atomic import atomic_text_writer, write_bytes_atomically
from tracker.io.input_errors import InputFileError

CDN = "https://cdn.knightlab.com/libs/timeline3/latest/"
SCRIPT = "js/timeline.js"
STYLES = "css/timeline.css"
# The stylesheet's icon font is at ../js/../css/icons/ from it. The locales are not
# needed (English is built in), nor the font stylesheets (see the module's note).
_ASSET_FOLDERS = ("css/icons",)
_ASSET_FILES = (SCRIPT, STYLES, "js/timeline.js.LICENSE.txt")
# TimelineJS draws eras as a 40px band over the time axis (39px), so their names cover
# its dates. They get a band of their own above the axis instead: TimeNav keeps the axis
# background's height free under the markers, so that background grows by the band and
# a gap, where the markers' span lines end.
_AXIS_HEIGHT = 39
_ERA_HEIGHT = 16
_ERA_GAP = 6
_ERA_STYLE = (
    f".tl-timeaxis-background {{ height: {_AXIS_HEIGHT + _ERA_HEIGHT + _ERA_GAP}px; }}\n"
    f".tl-timeera {{ height: {_ERA_HEIGHT}px; bottom: {_AXIS_HEIGHT}px; }}\n"
    # As specific as TimelineJS's own rules, which pad the band by 5px and clamp 4 lines.
    ".tl-timeera .tl-timeera-content-container .tl-timeera-content { padding: 0 5px; }\n"
    ".tl-timeera .tl-timeera-content-container .tl-timeera-content .tl-timeera-text"
    f" h2.tl-headline {{ line-height: {_ERA_HEIGHT}px; white-space: nowrap;"
    " text-overflow: ellipsis; -webkit-line-clamp: 1; line-clamp: 1; }\n")
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                   0x2028: "\\u2028", 0x2029: "\\u2029"}


def page_path(json_path: Path) -> Path:
    return json_path.with_suffix(".html")


def assets_folder(json_path: Path) -> Path:
    return json_path.with_name(f"{json_path.stem}_files")


def find_dist(folder: Path) -> Path:
    """The dist/ folder of a TimelineJS package: *folder* itself, or its dist/ child."""
    folder = Path(folder)
    for candidate in (folder / "dist", folder):
        if (candidate / SCRIPT).is_file() and (candidate / STYLES).is_file():
            return candidate
    raise InputFileError(folder, None, None,
                         f"not a TimelineJS package: no dist/{SCRIPT} and dist/{STYLES} "
                         "(unpack @knight-lab/timelinejs and give its folder)")


def write_timeline_files(json_path: Path, data: dict[str, Any], *, page_title: str,
                         assets: Path | None = None) -> Path:
    """Write the assets (if any), the JSON and then the page; return the page's path.

    Each file is written whole or not at all, the page last: it appears only once what it
    loads is there.
    """
    page = page_path(json_path)
    if page == json_path:
        raise InputFileError(json_path, None, None,
                             "the timeline data needs a name that does not end in .html "
                             "(the page is written beside it)")
    base = CDN
    if assets is not None:
        dist = find_dist(assets)
        target = assets_folder(json_path)
        for relative in _asset_files(dist):
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomically(destination, (dist / relative).read_bytes())
        base = quote(target.name) + "/"
    with atomic_text_writer(json_path) as stream:
        json.dump(data, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
    with atomic_text_writer(page) as stream:
        stream.write(page_html(data, page_title=page_title, base=base))
    return page


def _asset_files(dist: Path) -> Iterator[Path]:
    for name in _ASSET_FILES:
        if (dist / name).is_file():
            yield Path(name)
    for folder in _ASSET_FOLDERS:
        if (dist / folder).is_dir():
            for path in sorted((dist / folder).rglob("*")):
                if path.is_file():
                    yield path.relative_to(dist)


def script_json(data: dict[str, Any]) -> str:
    """JSON that is inert inside an HTML <script> element (see the module's note)."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)


def _script_string(text: str) -> str:
    return json.dumps(text).translate(_SCRIPT_ESCAPES)


def page_html(data: dict[str, Any], *, page_title: str, base: str = CDN) -> str:
    """The page: TimelineJS from *base* (the CDN, or a relative folder), the data inline."""
    script = html.escape(base + SCRIPT, quote=True)
    styles = html.escape(base + STYLES, quote=True)
    # From the CDN, TimelineJS's own font; from a local copy, nothing it would fetch.
    font = '"default"' if base == CDN else '""'
    era_style = _ERA_STYLE if data.get("eras") else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(page_title)}</title>
<link rel="stylesheet" href="{styles}">
<script src="{script}"></script>
<style>html, body {{ height: 100%; margin: 0; }} #timeline {{ height: 100%; }}
{era_style}</style>
</head>
<body>
<div id="timeline"></div>
<noscript>This timeline needs JavaScript. Its data is in the .json file beside this
page.</noscript>
<script type="application/json" id="timeline-data">{script_json(data)}</script>
<script>
(function () {{
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  if (typeof TL === "undefined") {{
    document.getElementById("timeline").textContent =
      "TimelineJS could not be loaded from " + {_script_string(base)};
    return;
  }}
  window.timeline = new TL.Timeline("timeline", data, {{
    language: "en", hash_bookmark: false, timenav_position: "bottom",
    script_path: new URL({_script_string(base + "js/")}, document.baseURI).href,
    font: {font}}});
}})();
</script>
</body>
</html>
"""
