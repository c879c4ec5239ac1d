"""Text keeps a WCAG contrast of at least 4.5:1 with what it is written on, light and dark.

Computed from the role tables themselves (WCAG 2.x relative luminance), so a colour
changed in one scheme cannot quietly make a label unreadable in it.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from tracker.domain.enums import RoundStatus
from tracker.ui.common.chart_style import DARK, LIGHT, ChartColours
from tracker.ui.common.theme import ALERT_TEXT, dark_palette, light_palette
from tracker.ui.timeline.timeline_colors import DARK_TIMELINE, LIGHT_TIMELINE, TimelineColours

AA = 4.5


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(one: QColor, other: QColor) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_formula_gives_the_known_extremes() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_chart_text_reads_on_the_chart_background(colours: ChartColours) -> None:
    for name in ("text", "faint_text", "alert"):
        assert contrast(getattr(colours, name), colours.background) >= AA, name


@pytest.mark.parametrize("colours", [LIGHT_TIMELINE, DARK_TIMELINE], ids=["light", "dark"])
def test_timeline_text_reads_on_every_fill_it_is_written_on(colours: TimelineColours) -> None:
    text = colours.chart.text
    # Round titles go inside their marks; reading levels inside their bands.
    for status, style in colours.status.items():
        assert contrast(text, style.fill) >= AA, status
    for level, fill in colours.levels.items():
        assert contrast(text, fill) >= AA, level
    assert contrast(colours.chart.faint_text, colours.chart.background) >= AA


@pytest.mark.parametrize("colours", [LIGHT_TIMELINE, DARK_TIMELINE], ids=["light", "dark"])
def test_status_edges_stand_out_from_the_background(colours: TimelineColours) -> None:
    # Outlines are graphics, not text: WCAG asks 3:1 of them.
    for status in RoundStatus:
        assert contrast(colours.status[status].edge, colours.chart.background) >= 3, status


def _palettes() -> list[tuple[str, QPalette]]:
    return [("light", light_palette()), ("dark", dark_palette())]


TEXT_ON = [
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
    (QPalette.ColorRole.LinkVisited, QPalette.ColorRole.Base),
]


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(("text", "background"), TEXT_ON)
def test_the_palettes_text_roles_read_on_their_backgrounds(
        text: QPalette.ColorRole, background: QPalette.ColorRole) -> None:
    for name, palette in _palettes():
        group = QPalette.ColorGroup.Active
        ratio = contrast(palette.color(group, text), palette.color(group, background))
        assert ratio >= AA, (name, text, background, ratio)


@pytest.mark.usefixtures("qapp")
def test_the_dark_palette_keeps_placeholder_text_legible() -> None:
    palette = dark_palette()
    group = QPalette.ColorGroup.Active
    assert contrast(palette.color(group, QPalette.ColorRole.PlaceholderText),
                    palette.color(group, QPalette.ColorRole.Base)) >= AA


@pytest.mark.usefixtures("qapp")
def test_red_text_reads_on_the_window_and_base_of_both_palettes() -> None:
    group = QPalette.ColorGroup.Active
    for dark, palette in ((False, light_palette()), (True, dark_palette())):
        red = ALERT_TEXT[dark]
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base,
                     QPalette.ColorRole.AlternateBase):
            assert contrast(red, palette.color(group, role)) >= AA, (dark, role)
