"""The map's time window: a slider over the period shown, a window length, Play/Pause.

The period is what the map follows (the Events filter's dates, the Timeline's visible
range, or every event's days); the window is the part of it drawn now. A window of 0
days is the whole period. Play moves the window forward one window length a tick until
it reaches the period's end.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QSpinBox, QToolButton, QWidget

TICK_MS = 800  # one animation step: time for the read and a look


class MapTimeBar(QWidget):
    """Signals:
        window_changed(): the window (or the period under it) changed.
    """

    window_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._first = self._last = date.today()
        self.play_button = QToolButton(self)
        self.play_button.setObjectName("map-play")
        self.play_button.setCheckable(True)
        self.play_button.setText(self.tr("Play"))
        self.play_button.setAccessibleName(self.tr("Play the time window"))
        self.play_button.setToolTip(self.tr("Move the window through the period as an "
                                            "animation"))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("map-time-slider")
        self.slider.setAccessibleName(self.tr("Start of the time window"))
        self.window_spin = QSpinBox(self)
        self.window_spin.setObjectName("map-window-days")
        self.window_spin.setRange(0, 3650)
        self.window_spin.setSuffix(self.tr(" days"))
        self.window_spin.setSpecialValueText(self.tr("Whole period"))
        self.window_spin.setAccessibleName(self.tr("Length of the time window in days"))
        self.window_label = QLabel(self)
        self.window_label.setObjectName("map-window-label")
        self.window_label.setMinimumWidth(220)
        window_caption = QLabel(self.tr("&Window:"), self)
        window_caption.setBuddy(self.window_spin)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.play_button)
        row.addWidget(self.slider, 1)
        row.addWidget(window_caption)
        row.addWidget(self.window_spin)
        row.addWidget(self.window_label)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.step)
        self.play_button.toggled.connect(self._on_play)
        self.slider.valueChanged.connect(self._on_moved)
        self.window_spin.valueChanged.connect(self._on_moved)
        self._update()

    # -- our API ------------------------------------------------------------------------

    def set_period(self, first: date, last: date) -> None:
        """The days the slider spans; the window keeps its offset where it still fits."""
        if (first, last) == (self._first, self._last):
            return
        self._first, self._last = first, max(first, last)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, (self._last - self._first).days))
        self.slider.blockSignals(False)
        self._on_moved()

    def time_window(self) -> tuple[date, date]:
        """The first and last day drawn now."""
        days = self.window_spin.value()
        if days == 0:
            return self._first, self._last
        start = self._first + timedelta(days=self.slider.value())
        return start, min(self._last, start + timedelta(days=days - 1))

    def step(self) -> None:
        """One animation step: the next window, or stop at the end of the period."""
        days = max(1, self.window_spin.value())
        if self.slider.value() >= self.slider.maximum():
            self.play_button.setChecked(False)
            return
        self.slider.setValue(min(self.slider.maximum(), self.slider.value() + days))

    # -- internals ------------------------------------------------------------------------

    def _on_play(self, playing: bool) -> None:
        if playing:
            if self.window_spin.value() == 0:
                self.window_spin.setValue(7)  # a whole period cannot move: play weeks
            if self.slider.value() >= self.slider.maximum():
                self.slider.setValue(0)
            self.timer.start()
            self.play_button.setText(self.tr("Pause"))
        else:
            self.timer.stop()
            self.play_button.setText(self.tr("Play"))

    def _on_moved(self) -> None:
        self._update()
        self.window_changed.emit()

    def _update(self) -> None:
        whole = self.window_spin.value() == 0
        self.slider.setEnabled(not whole)
        first, last = self.time_window()
        self.window_label.setText(self.tr("%1 to %2").replace("%1", first.isoformat())
                                  .replace("%2", last.isoformat()))
