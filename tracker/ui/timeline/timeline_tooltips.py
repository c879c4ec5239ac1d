"""What the timeline's tooltip says about the item under the pointer.

Rich text built here, with every typed or imported string escaped: a summary such as
"<b>4</b> killed" shows its characters, never markup.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from tracker.domain.timewindow import describe_day, zone
from tracker.domain.wording import label_of, say
from tracker.services.timeline.timeline_density import DensityCell, bucket_label
from tracker.services.timeline.timeline_lanes import RoundMark, WindowMove
from tracker.ui.common.date_text import day_text, instant_text
from tracker.ui.common.language import tr, translate
from tracker.ui.timeline.timeline_colors import category_order
from tracker.ui.timeline.timeline_ghosts import known_tooltip
from tracker.ui.timeline.timeline_painter import Hit
from tracker.ui.timeline.timeline_scene import TimelineScene

MAX_SOURCES = 4
EventSources = Callable[[int], tuple[str, ...]]


def describe_hit(scene: TimelineScene, hit: Hit, event_sources: EventSources) -> str:
    """Rich text for *hit*, or "" when there is nothing to say."""
    key = hit.key
    if hit.kind == "round" and isinstance(key, int):
        mark = _round(scene, key)
        return _round_text(mark, scene.tz) if mark else ""
    if hit.kind == "move" and isinstance(key, int):
        found = _move(scene, key)
        return _move_text(*found, scene.tz) if found else ""
    if hit.kind == "known" and isinstance(key, int):
        return known_tooltip(scene, key)
    if hit.kind == "reading" and isinstance(key, int):
        return _reading_text(scene, key)
    if hit.kind == "bucket" and isinstance(key, date):
        return _bucket_text(scene, key)
    if hit.kind == "event" and isinstance(key, int):
        return _event_text(scene, key, event_sources)
    return ""


def _round(scene: TimelineScene, round_id: int) -> RoundMark | None:
    return next((mark for track in scene.lanes.tracks for mark in track.rounds
                 if mark.id == round_id), None)


def _move(scene: TimelineScene, change_id: int) -> tuple[RoundMark, WindowMove] | None:
    return next(((mark, move) for track in scene.lanes.tracks for mark in track.rounds
                 for move in mark.moves if move.change_id == change_id), None)


def _rich(title: str, lines: list[str], sources: tuple[str, ...] = ()) -> str:
    body = "".join(f"<br>{line}" for line in lines if line)
    if sources:
        shown = "".join(f"<br>· {escape(source)}" for source in sources[:MAX_SOURCES])
        more = len(sources) - MAX_SOURCES
        heading = translate("TimelineTips", "Sources")
        body += f"<br><i>{heading}</i>{shown}"
        if more > 0:
            body += "<br>· " + translate("TimelineTips", "and {count} more").format(count=more)
    return f"<qt><b>{escape(title)}</b>{body}</qt>"


def _round_text(mark: RoundMark, display_tz: str) -> str:
    window = mark.window
    when = escape(window.describe())
    if window.tz != display_tz and window.start is not None:
        yours = escape(window.describe(display_tz))
        when += f" ({escape(window.tz)}); {yours} ({escape(display_tz)})"
    lines = [f"{escape(label_of(mark.status).capitalize())} · {when}",
             escape(mark.venue) if mark.venue else translate("TimelineTips", "venue unknown")]
    if mark.moves:
        moves = len(mark.moves)  # a plain name: lupdate misses a call or attribute as n
        lines.append(tr("Moved %n time(s)", "", moves))
    return _rich(mark.title, lines, mark.sources)


def _move_text(mark: RoundMark, move: WindowMove, display_tz: str) -> str:
    entered = instant_text(move.recorded_at, display_tz)
    when = translate("TimelineTips", "no announcement date given; entered {entered} ({zone})"
                     ).format(entered=entered, zone=escape(display_tz)) \
        if move.announced.entered else \
        translate("TimelineTips", "announced {announced}; entered {entered} ({zone})").format(
            announced=escape(move.announced.describe(display_tz)), entered=entered,
            zone=escape(display_tz))
    lines = [f"{escape(move.old.describe())} → {escape(move.new.describe())}", when]
    if move.reason:
        lines.append(translate("TimelineTips", "Why: {reason}").format(
            reason=escape(move.reason)))
    if move.factor:
        lines.append(translate("TimelineTips", "Factor: {name}").format(
            name=escape(move.factor)))
    return _rich(translate("TimelineTips", "{title} moved").format(title=mark.title), lines)


def _reading_text(scene: TimelineScene, reading_id: int) -> str:
    tz = zone(scene.tz)
    for factor in scene.lanes.factors:
        for reading in factor.readings:
            if reading.id != reading_id:
                continue
            since = day_text(reading.start.astimezone(tz).date())
            until = translate("TimelineTips", "until {day}").format(
                day=day_text(reading.end.astimezone(tz).date())) if reading.end \
                else translate("TimelineTips", "latest reading")
            return _rich(factor.name, [
                f"{escape(label_of(reading.level))}, {escape(label_of(reading.trend))}",
                translate("TimelineTips", "from {since}, {until}").format(since=since,
                                                                         until=until),
                escape(reading.note)])
    return ""


def _bucket_text(scene: TimelineScene, first_day: date) -> str:
    layer = scene.events
    cells = sorted((cell for cell in layer.cells if cell.first_day == first_day),
                   key=lambda cell: category_order(cell.target_category))
    if not cells:
        return ""
    span = bucket_label(first_day, layer.bucket)
    events = sum(cell.events for cell in cells)
    fatalities = sum(cell.fatalities for cell in cells)
    injuries = sum(cell.injuries for cell in cells)
    lines = [tr("%n events · {killed} killed · {injured} injured", "", events)
             .replace(str(events), f"{events:,}", 1)
             .format(killed=f"{fatalities:,}", injured=f"{injuries:,}")]
    vague = sum(cell.imprecise_events for cell in cells)
    if vague:
        lines.append(translate("TimelineTips", "of which {count} known only to the week or "
                               "month (hatched), counted on their recorded day").format(
                                   count=f"{vague:,}"))
    lines += [_category_text(cell) for cell in cells]
    return _rich(span, lines)


def _category_text(cell: DensityCell) -> str:
    events = cell.events  # a plain name: lupdate misses an attribute as n
    return tr("{category}: %n events, {killed} killed", "", events).replace(
        str(events), f"{events:,}", 1).format(
        category=escape(say(cell.target_category) if cell.target_category
                        else translate("TimelineTips", "uncategorised")),
        killed=f"{cell.fatalities:,}")


def _event_text(scene: TimelineScene, event_id: int, event_sources: EventSources) -> str:
    marker = next((m for m in scene.events.markers or () if m.id == event_id), None)
    if marker is None:
        return ""
    what = " · ".join(escape(part) for part in (
        marker.event_type, say(marker.target_category) if marker.target_category
        else translate("TimelineTips", "uncategorised"), marker.place) if part)
    killed = translate("TimelineTips", "fatalities unknown") if marker.fatalities is None \
        else translate("TimelineTips", "{count} killed").format(count=f"{marker.fatalities:,}")
    lines = [what, killed, escape(marker.summary)]
    when = describe_day(marker.day, marker.precision, marker.last_day,
                        midweek=marker.midweek)
    return _rich(when, lines, event_sources(event_id))
