"""Dialogs that create or change a round. Each OK pushes one undo command (one transaction).

OK stays disabled while the form is invalid; what is wrong is said in red beside the field,
and an error the service finds on OK (a held round dated in the future, a duplicate track)
lands beside the field it names while the dialog stays open with everything as typed.
A schedule change's dialog collects the window or venue and the reason; the operation it
runs (services/rounds, through round_commands.py) decides what the round becomes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from tracker.domain.enums import RoundFormat, RoundModality, RoundStatus
from tracker.domain.wording import label_of
from tracker.services import rounds
from tracker.services.common.views import RoundRow
from tracker.services.records import reference
from tracker.services.records.citations import SourceDraft
from tracker.services.rounds import ChangeNote, RoundDraft, RoundState, relocation
from tracker.ui.common import source_dialog
from tracker.ui.common.command_dialog import CommandDialog
from tracker.ui.common.commands import NewTrack, NewVenue, OperationCommand
from tracker.ui.common.forms import (
    ErrorLabel,
    add_item,
    buddy_label,
    compact_combo,
    current_data,
    fill_combo,
    item_value,
    named,
    select_data,
)
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate
from tracker.ui.common.workspace import Workspace
from tracker.ui.rounds import venue_dialog
from tracker.ui.rounds.announced_input import AnnouncedInput
from tracker.ui.rounds.details_dialog import modality_combo
from tracker.ui.rounds.keep_time_choice import KeepTimeChoice
from tracker.ui.rounds.round_commands import (
    ChangeMode,
    CreateRoundCommand,
    ScheduleInput,
    schedule_change,
)
from tracker.ui.rounds.venue_picker import VenuePicker
from tracker.ui.rounds.window_input import WindowInput

# window title, OK button, the undo text, what the reason field asks
# (marked for lupdate here, translated where shown: context "ScheduleChangeDialog")
_MODE_TEXT = {
    ChangeMode.RESCHEDULE: (
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "Reschedule Round"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "&Reschedule"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "Reschedule “{title}”"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog",
                          "Why the date changed, e.g. the mediator asked for more time")),
    ChangeMode.RELOCATE: (
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "Relocate Round"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "Re&locate"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "Relocate “{title}”"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "Why the venue changed")),
    ChangeMode.POSTPONE: (
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "Postpone Round"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "&Postpone"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "Postpone “{title}”"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog",
                          "Why the round was postponed; its date becomes unknown")),
    ChangeMode.CANCEL: (
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "Cancel Round"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "&Cancel Round"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "Cancel “{title}”"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "Why the round was called off")),
    ChangeMode.HELD: (
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "Mark Round Held"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "&Mark Held"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "Mark held “{title}”"),
        QT_TRANSLATE_NOOP("ScheduleChangeDialog", "Anything to note about how it went")),
}


def _reason_edit(placeholder: str) -> QPlainTextEdit:
    edit = named(QPlainTextEdit(), "change-reason")
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4)
    return edit


class NewRoundDialog(CommandDialog):
    """Track, title, format, status, modality, window, venue and agenda of a new round."""

    def __init__(self, workspace: Workspace, *, display_tz: str, day_first: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setWindowTitle(self.tr("New Round"))
        tracks, venues = workspace.read(
            lambda s: (reference.list_tracks(s), reference.list_venues(s)))
        self.track = compact_combo("round-track", 30)
        fill_combo(self.track, [(track.name, track.id) for track in tracks])
        # No track yet (a new database): the name is typed here and the track made with
        # the round, instead of a red "Create a track first" on opening (issue 16, #10).
        self._track_typed = not tracks
        if self._track_typed:
            self.track.setEditable(True)
            self.track.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            typed = self.track.lineEdit()
            assert typed is not None  # an editable combo has one
            typed.setPlaceholderText(self.tr(
                "Name the talks' track, e.g. US-brokered trilateral talks"))
        self.new_track_button = named(QPushButton(self.tr("New &Track…")), "new-track-button")
        self.title_edit = named(QLineEdit(), "round-title")
        self.title_edit.setPlaceholderText(self.tr("e.g. Trilateral talks in Abu Dhabi"))
        self.format = named(QComboBox(), "round-format")
        fill_combo(self.format, [(label_of(f).capitalize(), f) for f in RoundFormat],
                   keep=RoundFormat.TRILATERAL)
        self.modality = modality_combo("round-modality", RoundModality.UNKNOWN)
        self.status = named(QComboBox(), "round-status")
        fill_combo(self.status, [(label_of(s).capitalize(), s) for s in rounds.NEW_ROUND_STATUSES],
                   keep=RoundStatus.SCHEDULED)
        self.venue = VenuePicker(workspace, venues, display_tz)
        self.window_input = WindowInput(display_tz, display_tz, day_first=day_first)
        self.announced = AnnouncedInput(display_tz, day_first=day_first)
        self.announced.edit.setPlaceholderText(self.tr("Empty: now"))
        self.register_error("announced", self.announced.show_error)
        self.agenda = named(QPlainTextEdit(), "round-agenda")
        self.agenda.setTabChangesFocus(True)
        self.agenda.setFixedHeight(self.agenda.fontMetrics().lineSpacing() * 4)
        self.errors = {key: ErrorLabel(f"round-{key}-error")
                       for key in ("track", "title", "status", "venue")}
        for key, label in self.errors.items():
            self.register_error(key, label.show_error)
        self.register_error("name", self.errors["track"].show_error)  # from create_track
        self.register_error("window", self.window_input.show_error)
        self.ok_button.setText(self.tr("C&reate Round"))

        track_row = QHBoxLayout()
        track_row.addWidget(self.track, 1)
        track_row.addWidget(self.new_track_button)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.format, 1)
        status_label = QLabel(self.tr("&Status:"))
        status_label.setBuddy(self.status)
        kind_row.addWidget(status_label)
        kind_row.addWidget(self.status, 1)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(buddy_label(self.tr("Trac&k:"), self.track), track_row)
        form.addRow("", self.errors["track"])
        form.addRow(self.tr("T&itle:"), self.title_edit)
        form.addRow("", self.errors["title"])
        form.addRow(buddy_label(self.tr("&Format:"), self.format), kind_row)
        form.addRow("", self.errors["status"])
        form.addRow(buddy_label(self.tr("&Modality:"), self.modality), self.modality)
        form.addRow(self.tr("&When:"), self.window_input)
        form.addRow(buddy_label(self.tr("A&nnounced:"), self.announced.edit), self.announced)
        form.addRow(self.tr("V&enue:"), self.venue)
        form.addRow("", self.errors["venue"])
        form.addRow(self.tr("&Agenda:"), self.agenda)
        form.addRow(self.form_error)
        form.addRow(self.buttons)
        self.resize(640, self.sizeHint().height())

        self._title_touched = False
        self.new_track_button.clicked.connect(self._on_new_track)
        self.title_edit.textEdited.connect(self._on_title_edited)
        self.track.currentIndexChanged.connect(self._validate)
        self.track.editTextChanged.connect(self._validate)
        self.venue.changed.connect(self._on_venue_changed)
        self.window_input.changed.connect(self._validate)
        self.announced.changed.connect(self._validate)
        self._validate()
        # The first field to fill: the track's name while there is none, else the title.
        (self.track if self._track_typed else self.title_edit).setFocus()

    def chosen_track(self) -> int | NewTrack | None:
        """The track chosen (its id), made (New Track…) or typed; None while none is."""
        chosen = current_data(self.track)
        if not self._track_typed or (
                chosen is not None and self.track.currentText() == self.track.itemText(
                    self.track.currentIndex())):
            return chosen
        name = " ".join(self.track.currentText().split())
        return NewTrack(name) if name else None

    def make_command(self) -> OperationCommand | None:
        track = self.chosen_track()
        venue = self.venue.selection()
        window = self.window_input.value()
        if track is None or window is None or not self.announced.is_valid():
            return None
        state = RoundState(window, venue if isinstance(venue, int) else None,
                           current_data(self.status))
        draft = RoundDraft(track if isinstance(track, int) else 0, self.title_edit.text(),
                           current_data(self.format), state,
                           self.agenda.toPlainText().strip(), current_data(self.modality))
        return CreateRoundCommand(
            self.workspace, draft, ChangeNote(announced=self.announced.value()),
            new_track=track if isinstance(track, NewTrack) else None,
            new_venue=venue if isinstance(venue, NewVenue) else None,
        )

    @Slot()
    def _on_new_track(self) -> None:
        track = venue_dialog.ask_track(self)
        if track is not None:
            add_item(self.track, self.tr("{name} (new)").format(name=track.name), track)
            self.track.setCurrentIndex(self.track.count() - 1)

    @Slot()
    def _on_title_edited(self) -> None:
        self._title_touched = True
        self._validate()

    @Slot()
    def _on_venue_changed(self) -> None:
        # Announcements give local times at the venue, so its zone is the one to type in.
        zone = self.venue.zone()
        if zone is not None and relocation.venue_zone_known(zone):  # not "UTC" for unknown
            self.window_input.set_zone(zone)
        self._validate()

    @Slot()
    def _validate(self) -> None:
        has_track = self.chosen_track() is not None
        self.errors["track"].show_error(
            None if has_track or not self._title_touched
            else self.tr("Name the track these talks belong to"))
        has_title = bool(self.title_edit.text().strip())
        self.errors["title"].show_error(
            None if has_title or not self._title_touched else self.tr("A round needs a title"))
        self.ok_button.setEnabled(has_track and has_title and self.window_input.is_valid()
                                  and self.announced.is_valid())


class ScheduleChangeDialog(CommandDialog):
    """Reschedule, relocate, postpone, cancel or mark held one round, saying why."""

    def __init__(self, workspace: Workspace, row: RoundRow, mode: ChangeMode, *,
                 display_tz: str, day_first: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.row, self.mode = row, mode
        self._shown_venue = row.venue.id if row.venue else None
        title, ok_text, self._verb, reason_hint = (
            translate("ScheduleChangeDialog", text) for text in _MODE_TEXT[mode])
        self.setWindowTitle(title)
        factors, sources, venues = workspace.read(lambda s: (
            reference.list_factors_named(s), reference.list_sources(s),
            reference.list_venues(s)))
        venue = row.venue.label if row.venue else self.tr("venue not known")
        header = named(QLabel(f"<b>{_html(row.title)}</b><br>" + self.tr(
            "Now: {status} · {window} · {venue}").format(
                status=label_of(row.status), window=_html(row.window.describe()),
                venue=_html(venue))), "change-header")
        header.setWordWrap(True)
        header.setTextFormat(Qt.TextFormat.RichText)
        self.window_input: WindowInput | None = None
        self.venue: VenuePicker | None = None
        self.keep_choice: KeepTimeChoice | None = None
        self._shown_window = row.window
        self._venue_problem: str | None = None
        self.reason = _reason_edit(reason_hint)
        self.announced = AnnouncedInput(display_tz, day_first=day_first)
        self.announced.changed.connect(self._validate)
        self.register_error("announced", self.announced.show_error)
        self.factor = compact_combo("change-factor")
        fill_combo(self.factor, [(f.name, f.id) for f in factors], none_text="—")
        self.source = compact_combo("change-source")
        fill_combo(self.source, [(label, key) for key, label in sources], none_text="—")
        self.new_source_button = named(QPushButton(self.tr("New &Source…")), "new-source-button")
        self.new_source_button.clicked.connect(self._on_new_source)
        self._day_first = day_first
        source_row = QHBoxLayout()
        source_row.addWidget(self.source, 1)
        source_row.addWidget(self.new_source_button)
        self.errors = {key: ErrorLabel(f"change-{key}-error")
                       for key in ("status", "venue", "keep", "factor", "source")}
        for key, label in self.errors.items():
            self.register_error(key, label.show_error)
        self.ok_button.setText(ok_text)
        if mode is ChangeMode.CANCEL:
            self.buttons.button(self.buttons.StandardButton.Cancel).setText(self.tr("&Keep Round"))

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(header)
        form.addRow(self.errors["status"])
        if mode in (ChangeMode.RESCHEDULE, ChangeMode.HELD):
            if mode is ChangeMode.RESCHEDULE:
                # A new time is typed as announced, in the venue's zone (issue 13).
                self._shown_window = relocation.shown_at_venue(
                    row.window, row.venue.time_zone if row.venue else None)
            self.window_input = WindowInput(self._shown_window.tz, display_tz,
                                            day_first=day_first)
            self.window_input.set_window(self._shown_window)
            self.window_input.changed.connect(self._validate)
            self.register_error("window", self.window_input.show_error)
            form.addRow(self.tr("&When:") if mode is ChangeMode.RESCHEDULE else self.tr("&Held:"),
                        self.window_input)
        if mode is ChangeMode.RELOCATE:
            self.venue = VenuePicker(workspace, venues, row.window.tz)
            select_data(self.venue.combo, self._shown_venue)
            self.keep_choice = KeepTimeChoice(self)
            self.venue.changed.connect(self._on_venue_changed)
            self.keep_choice.changed.connect(self._validate)
            form.addRow(self.tr("Ven&ue:"), self.venue)
            form.addRow("", self.errors["venue"])
            form.addRow("", self.keep_choice)
            form.addRow("", self.errors["keep"])
        form.addRow(self.tr("Re&ason:"), self.reason)
        form.addRow(buddy_label(self.tr("A&nnounced:"), self.announced.edit), self.announced)
        form.addRow(self.tr("&Because of:"), self.factor)
        form.addRow("", self.errors["factor"])
        form.addRow(buddy_label(self.tr("S&ource:"), self.source), source_row)
        form.addRow("", self.errors["source"])
        form.addRow(self.form_error)
        form.addRow(self.buttons)
        self.resize(640, self.sizeHint().height())
        self._validate()
        # The first field: what changes (the window, the venue), else why.
        (self.window_input or self.venue or self.reason).setFocus()

    def collected(self) -> ScheduleInput | None:
        """What OK hands the operation, or None while the form is invalid."""
        window = self.window_input.value() if self.window_input else None
        if self.window_input is not None and window is None:
            return None
        if self._venue_problem is not None or (
                self.keep_choice is not None and not self.keep_choice.is_answered()):
            return None
        if not self.announced.is_valid():
            return None
        venue = self.venue.selection() if self.venue is not None else None
        keep = self.keep_choice.keep() if self.keep_choice is not None else None
        source = current_data(self.source)
        return ScheduleInput(self.note(), window, venue,
                             source if isinstance(source, SourceDraft) else None, keep)

    def note(self) -> ChangeNote:
        source = current_data(self.source)
        announced = self.announced.value() if self.announced.is_valid() else None
        return ChangeNote(reason=self.reason.toPlainText().strip(),
                          factor_id=current_data(self.factor),
                          source_id=source if isinstance(source, int) else None,
                          announced=announced)

    def make_command(self) -> OperationCommand | None:
        typed = self.collected()
        if typed is None:
            return None
        return schedule_change(self.workspace, self.row.id, self.mode, typed,
                               text=self._verb.format(title=self.row.title),
                               expected_version=self.row.version)

    def conflict_base(self) -> dict[str, object] | None:
        """The schedule as shown when the dialog opened (for "reapply mine")."""
        return rounds.schedule_values(
            RoundState(self.row.window, self._shown_venue, self.row.status))

    @Slot()
    def _on_new_source(self) -> None:
        draft = source_dialog.ask_source(self, day_first=self._day_first)
        if draft is not None:
            # One pending new source at a time: another replaces it.
            for row in range(self.source.count()):
                if isinstance(item_value(self.source, row), SourceDraft):
                    self.source.removeItem(row)
                    break
            add_item(self.source, self.tr("{name} (new)").format(
                name=source_dialog.source_text(draft)), draft)
            self.source.setCurrentIndex(self.source.count() - 1)

    @Slot()
    def _on_venue_changed(self) -> None:
        """Preview what another venue's zone makes of the round (relocation.py): the two
        choices when they differ, or why it cannot be moved there."""
        assert self.venue is not None and self.keep_choice is not None
        zone, name = self.venue.zone(), self.venue.name()
        preview = None
        if self.venue.selection() != self._shown_venue and zone is not None \
                and name is not None:
            preview = relocation.preview(self.row.window, zone, name)
        self._venue_problem = preview.problem if preview is not None else None
        self.errors["venue"].show_error(self._venue_problem)
        self.errors["keep"].show_error(None)
        self.keep_choice.show_preview(preview)  # its changed() validates

    @Slot()
    def _validate(self) -> None:
        """OK once something was typed that differs from what is shown; whether it is a
        change the round may make is the operation's to say."""
        typed = self.collected()
        changed = typed is not None and (
            self.mode in (ChangeMode.POSTPONE, ChangeMode.CANCEL, ChangeMode.HELD)
            or (typed.window is not None and typed.window != self._shown_window)
            or (self.venue is not None and typed.venue != self._shown_venue))
        self.ok_button.setEnabled(changed)
        self.ok_button.setToolTip("" if changed or typed is None
                                  else self.tr("Nothing changed yet"))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
