"""The main window: actions from the table in actions.py, seven tabs, status bar, settings.

The window owns no data. Views read through the Workspace and refresh on its signals;
the window opens dialogs, pushes their commands, moves between tabs when a link is
followed, and remembers geometry and the last database in Settings. Work that takes
time runs on the Workspace's one runner; before the window closes or the database is
replaced, the runner settles it (``work_status.settle``), the one place that knows what
runs. The export flows live in ui/exports (file_export.py, export_task.py).

The window paints before the database layer is imported (issue 19): built without a
Workspace it is a frame (menus, tool bar, tabs, "Opening …" in the status bar, every
action off); ``attach`` then builds the views over the Workspace, turns the actions on
and emits ``ready``. So this module imports only Qt and light modules at its top; what
brings SQLAlchemy (services, storage, the views, the dialogs) is imported where it is
first used, after the first paint. Tabs other than Rounds build on first show (lazy_tabs.py,
tab_views.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from tracker import __version__
from tracker.domain import identity
from tracker.domain.enums import RoundStatus
from tracker.ui.common import settings as options
from tracker.ui.common.appearance_menu import AppearanceMenu
from tracker.ui.common.forms import named
from tracker.ui.common.language import QT_TRANSLATE_NOOP, add_language_menu, translate
from tracker.ui.common.settings import Settings, system_zone_name
from tracker.ui.common.table_model import as_plain
from tracker.ui.common.unsaved_input import InputWatch
from tracker.ui.common.zone_dialog import DisplayZoneDialog
from tracker.ui.window import tab_views
from tracker.ui.window.actions import (
    build_actions,
    build_menus,
    build_toolbar,
    editing_action_ids,
    round_action_ids,
)
from tracker.ui.window.lazy_tabs import LazyTabs
from tracker.ui.window.window_size import fit_to_screen

if TYPE_CHECKING:
    from tracker.services.common.sample_scenarios import SampleScenario
    from tracker.storage.database import Database
    from tracker.ui.analysis.analysis_view import AnalysisView
    from tracker.ui.chronology.chronology_view import ChronologyView
    from tracker.ui.common.change_watcher import ChangeWatcher
    from tracker.ui.common.workspace import Topic, Workspace
    from tracker.ui.events.events_view import EventsView
    from tracker.ui.exports.export_task import ChronologyExport
    from tracker.ui.factors.factor_dialogs import NewFactorDialog
    from tracker.ui.factors.factors_view import FactorsView
    from tracker.ui.imports.import_flow import ImportFlow
    from tracker.ui.imports.sync_flow import SyncFlow
    from tracker.ui.map.map_view import MapView
    from tracker.ui.rounds.rounds_view import RoundsView
    from tracker.ui.timeline.timeline_view import TimelineView
    from tracker.ui.window.as_of_mode import AsOfMode
    from tracker.ui.window.change_log_dialog import ChangeLogDialog
    from tracker.ui.window.edit_pause import EditPause
    from tracker.ui.window.recent_databases import RecentDatabases
    from tracker.ui.window.work_status import Ask, WorkStatus

APP_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Negotiation Tracker")
MESSAGE_MS = 8000

# The status each action moves a round to; the service's rules say when it may.
_MOVES_TO = {"postpone-round-action": RoundStatus.POSTPONED,
             "cancel-round-action": RoundStatus.CANCELLED,
             "mark-held-action": RoundStatus.HELD}
# The status bar's word after a change, by ChangeMode name: "Rescheduled “title”"
# (translated where shown).
_DONE = {"RESCHEDULE": QT_TRANSLATE_NOOP("MainWindow", "Rescheduled “{title}”"),
         "RELOCATE": QT_TRANSLATE_NOOP("MainWindow", "Relocated “{title}”"),
         "POSTPONE": QT_TRANSLATE_NOOP("MainWindow", "Postponed “{title}”"),
         "CANCEL": QT_TRANSLATE_NOOP("MainWindow", "Cancelled “{title}”"),
         "HELD": QT_TRANSLATE_NOOP("MainWindow", "Marked held “{title}”")}
_CREATED = QT_TRANSLATE_NOOP("MainWindow", "Created “{title}”")
_SAVED = QT_TRANSLATE_NOOP("MainWindow", "Saved “{title}”")
_TAB_TITLES = (QT_TRANSLATE_NOOP("MainWindow", "&Rounds"),
               QT_TRANSLATE_NOOP("MainWindow", "&Timeline"),
               QT_TRANSLATE_NOOP("MainWindow", "&Factors"),
               QT_TRANSLATE_NOOP("MainWindow", "&Events"),
               QT_TRANSLATE_NOOP("MainWindow", "&Chronology"),
               QT_TRANSLATE_NOOP("MainWindow", "&Analysis"),
               QT_TRANSLATE_NOOP("MainWindow", "&Map"))
ROUNDS_TAB, TIMELINE_TAB, FACTORS_TAB, EVENTS_TAB, CHRONOLOGY_TAB, ANALYSIS_TAB, MAP_TAB = \
    range(len(_TAB_TITLES))


def _opened_text(db: Database) -> str:
    """"Opened <database>", and where the copy taken before an upgrade went, if one was."""
    if db.migration_backup is None:
        return translate("MainWindow", "Opened {database}").format(
            database=db.label)
    return translate(
        "MainWindow", "Opened {database}; it was upgraded, and a copy as it was is in "
        "{backup}").format(database=db.label, backup=db.migration_backup)


class MainWindow(QMainWindow):
    """Rounds, Timeline, Factors, Events, Chronology, Analysis and Map tabs over one
    Workspace.

    ``MainWindow(workspace, settings)`` is ready when built. ``MainWindow(None, settings,
    opening=..., undo_stack=...)`` is the frame shown while the database opens (every
    action off, "Opening …" in the status bar) until ``attach(workspace)``; the
    Workspace must then use *undo_stack*, which the Edit menu's Undo and Redo follow.

    Attributes:
        ask: asks a yes/no question (title, text); tests replace it.
        dialog: the dialog opened last, while it is open (tests drive it).

    Signals:
        export_finished(int, str): an export wrote this many entries to this file.
        ready(): the views are built over the Workspace and the actions are on.
    """

    export_finished = Signal(int, str)
    ready = Signal()

    workspace: Workspace
    change_watcher: ChangeWatcher
    recent: RecentDatabases
    rounds_view: RoundsView
    work_status: WorkStatus
    edit_pause: EditPause
    as_of_mode: AsOfMode

    def __init__(self, workspace: Workspace | None, settings: Settings,
                 parent: QWidget | None = None, *, opening: str = "",
                 undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main-window")
        self.settings = settings
        self.is_ready = False
        self.change_log: ChangeLogDialog | None = None
        self.display_tz = settings.get(options.DISPLAY_TIME_ZONE)
        identity.set_user_name(settings.get(options.USER_NAME))
        self.ask: Ask = self._ask
        self.dialog: QDialog | None = None
        self._dialog_input: InputWatch | None = None  # the open dialog's fields as opened
        self._importer: ImportFlow | None = None
        self._syncer: SyncFlow | None = None
        self._chronology_export: ChronologyExport | None = None
        self.setAcceptDrops(True)  # databases, event files and calendars (window_drops)
        stack = workspace.undo_stack if workspace is not None else undo_stack
        self._undo_stack = stack if stack is not None else QUndoStack(self)
        self.action_map = build_actions(self, self._undo_stack)
        build_menus(self.menuBar(), self.action_map)
        add_language_menu(self._view_menu(), settings, self)
        self.appearance = AppearanceMenu(settings, self)  # applies the stored choice
        view_menu = self.action_map["display-zone-action"].associatedObjects()[0]
        if isinstance(view_menu, QMenu):
            view_menu.insertMenu(self.action_map["display-zone-action"], self.appearance.menu)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        build_toolbar(toolbar, self.action_map)
        self.tabs = LazyTabs()
        self.tabs.setObjectName("main-tabs")
        self.tabs.setAccessibleName(self.tr("Views"))
        self.tabs.setDocumentMode(True)
        for title in _TAB_TITLES:
            self.tabs.add_lazy_tab(self.tr(title))
        self.counts_label = named(QLabel(), "status-counts")
        self.database_label = named(QLabel(), "status-database")
        self.database_label.setTextFormat(Qt.TextFormat.PlainText)  # a path, never HTML
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.database_label)
        self.setCentralWidget(self.tabs)
        geometry = settings.get(options.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            fit_to_screen(self)
        self.setWindowTitle(self.tr(APP_TITLE))
        # Off until attach(): nothing can be edited, opened or exported before the
        # database is (the undo stack's own actions follow the empty stack).
        self._held_off = [action for action in self.action_map.values()
                          if action.isEnabled() and action.objectName() not in (
                              "undo-action", "redo-action", "quit-action")]
        for action in self._held_off:
            action.setEnabled(False)
        if workspace is not None:
            self.attach(workspace)
        else:
            self.database_label.setText(opening)
            self.statusBar().showMessage(self.tr("Opening {database}…").format(
                database=opening))

    def attach(self, workspace: Workspace) -> None:
        """Build the views over *workspace*, turn the actions on and emit ``ready``."""
        from tracker.ui.common.change_watcher import ChangeWatcher
        from tracker.ui.window.as_of_mode import AsOfMode
        from tracker.ui.window.edit_pause import EditPause
        from tracker.ui.window.recent_databases import RecentDatabases, recent_target
        from tracker.ui.window.work_status import WorkStatus

        if workspace.undo_stack is not self._undo_stack:  # Undo and Redo would act on none
            raise ValueError("the Workspace must use the undo stack the window was made with")
        self.workspace = workspace
        settings = self.settings
        # Other programs' changes refresh the views (the file's data version on SQLite,
        # LISTEN/NOTIFY on PostgreSQL).
        self.change_watcher = ChangeWatcher(workspace, self)
        self.recent = RecentDatabases(settings, self.open_recent, self)
        self.recent.remember(recent_target(workspace.db))
        file_menu = self.action_map["open-sample-action"].associatedObjects()[0]
        if isinstance(file_menu, QMenu):
            file_menu.insertMenu(self.action_map["open-sample-action"], self.recent.menu)
        for action in self._held_off:
            action.setEnabled(True)
        self._held_off = []

        self.rounds_view = tab_views.build_first(self)
        self.work_status = WorkStatus(workspace.runner)
        self.statusBar().insertPermanentWidget(0, self.work_status)
        self.edit_pause = EditPause(
            workspace, self.statusBar(),
            [self.action_map[name] for name in editing_action_ids()], self._update_actions)
        self.as_of_mode = AsOfMode(
            self, self.action_map["as-of-action"], [self.action_map["import-events-action"]],
            self.edit_pause, self._open, lambda: self.display_tz)
        self.takeCentralWidget()  # the tabs, kept: the past-day banner goes above them
        self.setCentralWidget(self.as_of_mode.wrap(self.tabs))
        tab_views.build_later(self)

        self._connect()
        self._restore()
        self.statusBar().clearMessage()
        self._on_database_replaced()
        self.rounds_view.setFocus()  # the keyboard starts in the rounds table, not the tabs
        if workspace.db.migration_backup is not None:
            self.show_message(_opened_text(workspace.db))
        self.is_ready = True
        self.ready.emit()

    # The flows made on first use: their modules (importers, exporters) load only then.

    @property
    def importer(self) -> ImportFlow:
        if self._importer is None:
            from tracker.ui.imports.import_flow import ImportFlow

            self._importer = ImportFlow(self.workspace, self, self._open, self.show_message,
                                        self.settings)
        return self._importer

    @property
    def syncer(self) -> SyncFlow:
        if self._syncer is None:
            from tracker.ui.imports.sync_flow import SyncFlow

            self._syncer = SyncFlow(self.workspace, self, self._open, self.show_message)
        return self._syncer

    @property
    def chronology_export(self) -> ChronologyExport:
        if self._chronology_export is None:
            from tracker.ui.exports.export_task import ChronologyExport

            self._chronology_export = ChronologyExport(
                self, self.workspace, self.settings, self._open, self.show_message)
            self._chronology_export.finished.connect(self.export_finished)
        return self._chronology_export

    # The tabs built on first show (or when something asks for their view).

    @property
    def factors_view(self) -> FactorsView:
        return cast("FactorsView", self.tabs.view(FACTORS_TAB))

    @property
    def events_view(self) -> EventsView:
        return cast("EventsView", self.tabs.view(EVENTS_TAB))

    @property
    def timeline_view(self) -> TimelineView:
        return cast("TimelineView", self.tabs.view(TIMELINE_TAB))

    @property
    def chronology_view(self) -> ChronologyView:
        return cast("ChronologyView", self.tabs.view(CHRONOLOGY_TAB))

    @property
    def analysis_view(self) -> AnalysisView:
        return cast("AnalysisView", self.tabs.view(ANALYSIS_TAB))

    @property
    def map_view(self) -> MapView:
        return cast("MapView", self.tabs.view(MAP_TAB))

    def _connect(self) -> None:
        workspace = self.workspace
        workspace.changed.connect(self._on_changed)
        workspace.database_replaced.connect(self._on_database_replaced)
        self.tabs.currentChanged.connect(self._update_actions)
        self.rounds_view.round_selected.connect(self._update_actions)
        self.rounds_view.round_activated.connect(self.edit_round)
        self.rounds_view.open_event.connect(self.go_to_event)
        self.rounds_view.open_factor.connect(self.go_to_factor)
        workspace.runner.failed.connect(self._on_work_failed)
        self.as_of_mode.changed.connect(self.rounds_view.set_as_of)
        # After the stack's own undo or redo (connected first): the status bar says what
        # was taken back or done again, instead of still telling the edit as done.
        stack = self._undo_stack
        self.action_map["undo-action"].triggered.connect(lambda: self.show_message(
            self.tr("Undone: {change}").format(change=stack.redoText())))
        self.action_map["redo-action"].triggered.connect(lambda: self.show_message(
            self.tr("Redone: {change}").format(change=stack.undoText())))

    def _restore(self) -> None:
        state = self.settings.get(options.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        self.rounds_view.restore_state(self.settings)
        detail = self.action_map["toggle-detail-action"]
        detail.setChecked(self.settings.get(options.DETAIL_VISIBLE))
        self.rounds_view.set_detail_visible(detail.isChecked())

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override QWidget.closeEvent: ask before typed input in an open dialog is thrown
        away, let the runner's work end (an import is cancelled and rolls back, an export
        finishes), then save settings."""
        if not self.is_ready:  # closed while the database opens: nothing runs yet
            event.accept()
            return
        if self.has_unsaved_input() and not self.ask(
                self.tr("Unsaved Input"), self.tr("Discard your unsaved input?")):
            event.ignore()
            return
        self._settle_work()
        self.change_watcher.close()
        self.settings.set(options.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(options.WINDOW_STATE, self.saveState())
        self.settings.set(options.DETAIL_VISIBLE,
                          self.action_map["toggle-detail-action"].isChecked())
        self.rounds_view.save_state(self.settings)
        self.settings.sync()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Override QWidget.dragEnterEvent: take databases, event files and calendars."""
        from tracker.ui.window.window_drops import dropped_files

        if self.is_ready and dropped_files(event.mimeData()) and self.as_of_mode.as_of is None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Override QWidget.dropEvent: open a database, or import files one after another
        (window_drops.py); nothing while a past day's schedule is shown."""
        from tracker.ui.rounds.calendar_import import import_calendar_path
        from tracker.ui.window.window_drops import dropped_files

        files = dropped_files(event.mimeData())
        if not files or self.as_of_mode.as_of is not None:
            return
        event.acceptProposedAction()
        if files.databases:  # one database at a time: the first dropped
            self.open_recent(str(files.databases[0]))
            return
        self.importer.import_files(files.events)
        for path in files.calendars:
            import_calendar_path(self, self.workspace, path, self.show_message)

    # -- our API ------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def has_unsaved_input(self) -> bool:
        """True while the open dialog holds fields the user changed since it opened."""
        return (self.dialog is not None and self._dialog_input is not None
                and self.dialog.isVisible() and self._dialog_input.has_unsaved_input())

    def offer_sample(self) -> bool:
        """Offer to fill an empty database with the sample scenario; True if loaded."""
        from tracker.services.common.sample import is_empty, load_sample
        from tracker.ui.common.workspace import Topic

        if not self.workspace.read(is_empty):
            return False
        if not self.ask(self.tr("Empty Database"), self.tr(
                "This database is empty. Load the sample scenario (talks announced for "
                "“the coming week”, the factors they depend on, and strikes on energy and "
                "transport) to explore the program?\n\nFile › Open Sample… opens it at "
                "any time in a file of its own, and the 2022 talks over real UCDP events "
                "too.")):
            return False
        loaded = self.workspace.write(load_sample, Topic.ALL)
        self.show_message(self.tr("Sample scenario loaded: {rounds}, {factors}, {events}, "
                                  "{links}").format(
            rounds=self.tr("%n rounds", "", loaded.rounds),
            factors=self.tr("%n factors", "", loaded.factors),
            events=self.tr("%n events", "", loaded.events),
            links=self.tr("%n links", "", loaded.links)))
        return True

    def switch_database(self, db: Database, *, remember: bool = True) -> None:
        from tracker.ui.window import database_files, recent_databases

        self._settle_work()
        self.workspace.replace_database(db)
        self.recent.remember(recent_databases.recent_target(db))
        if remember:
            self.settings.set(options.LAST_DATABASE, database_files.remembered_target(db))
        self.show_message(_opened_text(db))

    @Slot(int)
    def go_to_round(self, round_id: int) -> None:
        self._show_tab(self.rounds_view)
        if not self.rounds_view.select_round(round_id):
            self.show_message(self.tr("That round was deleted"))

    @Slot(int)
    def go_to_event(self, event_id: int) -> None:
        self._show_tab(self.events_view)
        self.events_view.select_event(event_id)

    @Slot(int)
    def go_to_factor(self, factor_id: int) -> None:
        self._show_tab(self.factors_view)
        self.factors_view.select_factor(factor_id)

    # -- action handlers (names are in actions.ACTIONS) -----------------------------------

    def new_database(self) -> None:
        from tracker.ui.window import database_files

        db = database_files.create_new(self, self.workspace.db)
        if db is not None:
            self.switch_database(db)

    def open_database(self) -> None:
        from tracker.ui.window import database_files

        db = database_files.open_existing(self, self.workspace.db)
        if db is not None:
            self.switch_database(db)
            self.offer_sample()

    def open_sample(self) -> None:
        from tracker.ui.window import sample_files

        dialog = sample_files.OpenSampleDialog(self)
        dialog.accepted.connect(lambda: self.open_sample_scenario(dialog.chosen()))
        self._open(dialog)

    def open_sample_scenario(self, scenario: SampleScenario) -> None:
        """Open *scenario*'s own database (built on first use); the user's last database
        stays remembered, as with ``--sample``."""
        from tracker.ui.window import sample_files

        sample_files.open_sample(self, self.workspace.runner, scenario,
                                 lambda db: self.switch_database(db, remember=False),
                                 self.show_message)

    def open_recent(self, target: str) -> None:
        """Open a database named by File › Open Recent or dropped on the window."""
        from tracker.ui.window import recent_databases

        db = recent_databases.open_remembered(self, target)
        if db is not None:
            self.switch_database(db)
            self.offer_sample()

    def import_events(self) -> None:
        self.importer.choose_files()

    def export_chronology(self) -> None:
        self.chronology_export.ask(self.display_tz)

    def export_schedule(self) -> None:
        from tracker.ui.exports.schedule_export import export_schedule

        export_schedule(self, self.workspace, self.settings, self.show_message)

    def export_archive(self) -> None:
        from tracker.ui.window import archive_actions

        archive_actions.for_window(self).export_archive()

    def import_archive(self) -> None:
        from tracker.ui.window import archive_actions

        archive_actions.for_window(self).import_archive()

    def back_up(self) -> None:
        from tracker.ui.window import backup_actions

        backup_actions.back_up(self, self.workspace, self.show_message, self.ask,
                               self.export_archive)

    def export_timeline(self) -> None:
        from tracker.ui.exports.timelinejs_export import export_timeline

        export_timeline(self, self.workspace, self.settings, self.display_tz, self.show_message)

    def export_timeline_offline(self) -> None:
        from tracker.ui.exports.timelinejs_export import export_timeline_offline

        export_timeline_offline(self, self.workspace, self.settings, self.display_tz,
                                self.show_message)

    def import_calendar(self) -> None:
        from tracker.ui.rounds.calendar_import import import_calendar

        import_calendar(self, self.workspace, self.settings, self.show_message)

    def update_from_source(self) -> None:
        self.syncer.ask()

    def quit(self) -> None:
        self.close()

    def new_round(self) -> None:
        from tracker.ui.rounds.round_dialogs import NewRoundDialog

        dialog = NewRoundDialog(self.workspace, display_tz=self.display_tz,
                                day_first=self.settings.get(options.DAY_FIRST), parent=self)
        dialog.accepted.connect(lambda: self._after_command(dialog, _CREATED))
        self._open(dialog)

    def new_factor(self) -> None:
        from tracker.ui.factors.factor_dialogs import NewFactorDialog

        dialog = NewFactorDialog(self.workspace, self)
        dialog.accepted.connect(lambda: self._after_new_factor(dialog))
        self._open(dialog)

    def edit_round(self) -> None:
        from tracker.services import rounds
        from tracker.ui.rounds.details_dialog import EditDetailsDialog

        round_id = self.rounds_view.selected_round_id()
        if round_id is None:
            return
        detail = self.workspace.read(lambda s: rounds.round_detail(s, round_id))
        dialog = EditDetailsDialog(self.workspace, detail, self)
        dialog.accepted.connect(lambda: self._after_command(dialog, _SAVED))
        self._open(dialog)

    def reschedule_round(self) -> None:
        self._change("RESCHEDULE")

    def relocate_round(self) -> None:
        self._change("RELOCATE")

    def postpone_round(self) -> None:
        self._change("POSTPONE")

    def cancel_round(self) -> None:
        self._change("CANCEL")

    def mark_held(self) -> None:
        self._change("HELD")

    def link_events(self) -> None:
        from tracker.ui.events.link_dialog import LinkEventsDialog

        round_id = self.rounds_view.selected_round_id()
        if round_id is not None:
            dialog = LinkEventsDialog(self.workspace, round_id=round_id, parent=self)
            dialog.accepted.connect(lambda: self.show_message(self.tr("Events linked")))
            self._open(dialog)

    def reconcile_datasets(self) -> None:
        from tracker.ui.events.reconcile_dialog import ReconcileDialog

        self._open(ReconcileDialog(self.workspace, self))

    def day_claims(self) -> None:
        from tracker.ui.events.day_claims_dialog import DayClaimsDialog

        self._open(DayClaimsDialog(self.workspace, self))

    def delete_round(self) -> None:
        from tracker.ui.common.commands import push_or_report
        from tracker.ui.rounds.round_commands import DeleteRoundCommand

        row = self.rounds_view.selected_round()
        if row is None:
            return
        command = DeleteRoundCommand(self.workspace, row.id, row.title)
        if push_or_report(self.workspace, command):
            undo = self.action_map["undo-action"].shortcut().toString()
            self.show_message(self.tr("Deleted “{title}” (its history is kept; {undo} undoes)")
                              .format(title=row.title, undo=undo))

    def show_rounds(self) -> None:
        self._show_tab(self.rounds_view)

    def show_timeline(self) -> None:
        self._show_tab(self.timeline_view)

    def show_analysis(self) -> None:
        self._show_tab(self.analysis_view)

    def show_map(self) -> None:
        self._show_tab(self.map_view)

    def show_factors(self) -> None:
        self._show_tab(self.factors_view)

    def show_events(self) -> None:
        self._show_tab(self.events_view)

    def show_chronology(self) -> None:
        self._show_tab(self.chronology_view)

    def show_as_of(self, checked: bool) -> None:
        self.as_of_mode.toggled(checked)

    def set_detail_visible(self, visible: bool) -> None:
        self.rounds_view.set_detail_visible(visible)

    def choose_display_zone(self) -> None:
        dialog = DisplayZoneDialog(self.display_tz, system_zone_name(), self)
        dialog.accepted.connect(lambda: self.set_display_zone(dialog.chosen()))
        self._open(dialog)

    def suggest_targets(self) -> None:
        """Edit › Suggest Target Categories: the Events tab's Suggest Categories."""
        self.events_view.targets.suggest()

    def show_change_log(self) -> None:
        """A window of its own beside the tabs (not modal), made once and raised again."""
        from tracker.ui.window.change_log_dialog import ChangeLogDialog

        if self.change_log is None:
            self.change_log = ChangeLogDialog(self.workspace, self.display_tz, self)
        self.change_log.show()
        self.change_log.raise_()
        self.change_log.activateWindow()

    def choose_user_name(self) -> None:
        dialog = QInputDialog(self)
        dialog.setObjectName("user-name-dialog")
        dialog.setWindowTitle(self.tr("Your Name"))
        dialog.setLabelText(self.tr("Record my changes under this name (leave empty for your "
                                    "computer login, “{login}”):").format(
                                        login=identity.os_user()))
        dialog.setTextValue(self.settings.get(options.USER_NAME))
        dialog.accepted.connect(lambda: self.set_user_name(dialog.textValue()))
        self._open(dialog)

    def set_user_name(self, name: str) -> None:
        """Record changes under *name* (empty: the computer login), now and later."""
        identity.set_user_name(name)
        self.settings.set(options.USER_NAME, identity.user_name()
                          if name.strip() else "")
        self.show_message(self.tr("Your changes are recorded as “{name}”").format(
            name=identity.user_name()))

    def set_display_zone(self, tz: str) -> None:
        """Show times in *tz* beside the venues' zones, now and in later sessions."""
        self.display_tz = tz
        self.settings.set(options.DISPLAY_TIME_ZONE, tz)
        self.rounds_view.set_display_zone(tz)
        # A tab not built yet takes the zone when it is (tab_views.py).
        if self.tabs.is_built(FACTORS_TAB):
            self.factors_view.set_display_zone(tz)
        if self.tabs.is_built(CHRONOLOGY_TAB):
            self.chronology_view.model.set_time_zone(tz)
        if self.tabs.is_built(TIMELINE_TAB):
            self.timeline_view.set_display_zone(tz)
        if self.tabs.is_built(ANALYSIS_TAB):
            self.analysis_view.set_display_zone(tz)
        self.as_of_mode.rezone()
        if self.change_log is not None:
            self.change_log.model.set_display_zone(tz)
        self.show_message(self.tr("Times are now also shown in {zone}").format(zone=tz))

    def show_guide(self) -> None:
        from tracker.ui.window import help_guide  # on first use, not before the first paint

        help_guide.show_guide(self)

    def show_keyboard_shortcuts(self) -> None:
        from tracker.ui.window import help_shortcuts

        help_shortcuts.show_shortcuts(self)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About {app}").format(app=self.tr(APP_TITLE)), (
            f"<h3>{self.tr(APP_TITLE)} {__version__}</h3>"
            + self.tr(
                "<p>Follow peace talks against battlefield events: rounds, the factors they "
                "depend on, linked events, and a sourced chronology.</p>"
                "<p>Licence: MIT.</p>"
                "<p>Data credits: the event taxonomy follows ACLED (Armed Conflict Location "
                "&amp; Event Data, acleddata.com); UCDP data are © Uppsala Conflict Data "
                "Program. Imported datasets keep their own terms of use. The 2026 sample "
                "scenario is built from one news report, the 2022 one from public record, "
                "each fact cited in the program. The 2022 sample holds the UCDP events of "
                "2022 (UCDP GED 22.1 and Candidate events, Uppsala Conflict Data Program, "
                "CC BY 4.0; Sundberg and Melander 2013, Journal of Peace Research 50(4)). "
                "Time zones: the IANA tz database. Icons: Lucide (ISC licence).</p>")
            + f"<p>PySide6 {pyside_version}.</p>"))

    def about_qt(self) -> None:
        QMessageBox.aboutQt(self)

    # -- internals ------------------------------------------------------------------------

    def _settle_work(self) -> None:
        """Before the database is closed: the runner's work ends (work_status.settle)."""
        from tracker.ui.window.work_status import settle

        settle(self.workspace.runner, self.statusBar(), self.ask)

    @Slot(str, str)
    def _on_work_failed(self, title: str, message: str) -> None:
        """The window's boundary for work whose caller took no failure of its own."""
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.tr("{title} Failed").format(title=title), message)

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def _show_tab(self, view: QWidget) -> None:
        """Show *view*'s tab with the keyboard in it (Ctrl+1…6, a link followed): where it
        was on that page before, else in the page's main view (its focus proxy)."""
        self.tabs.setCurrentWidget(view)
        (view.focusWidget() or view).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _open(self, dialog: QDialog) -> None:
        """Show *dialog* window-modal without blocking (tests drive it through .dialog)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        self._dialog_input = InputWatch(dialog)  # after open(): its fields are filled

    @Slot()
    def _on_dialog_finished(self) -> None:
        self.dialog = None
        self._dialog_input = None
        self.activateWindow()  # the keyboard back where it was, with or without a WM

    def _change(self, mode_name: str) -> None:
        """Open the schedule change dialog for the ChangeMode named *mode_name*."""
        from tracker.ui.rounds.round_dialogs import ChangeMode, ScheduleChangeDialog

        row = self.rounds_view.selected_round()
        if row is None:
            return
        mode = ChangeMode[mode_name]
        dialog = ScheduleChangeDialog(self.workspace, row, mode, display_tz=self.display_tz,
                                      day_first=self.settings.get(options.DAY_FIRST),
                                      parent=self)
        dialog.accepted.connect(lambda: self._after_command(dialog, _DONE[mode_name]))
        self._open(dialog)

    def _after_command(self, dialog: QDialog, done: str) -> None:
        """Go to the round *dialog* changed and say so (*done*: a template of _DONE)."""
        command = getattr(dialog, "command", None)
        round_id = getattr(command, "round_id", None)
        if round_id is not None:
            self.go_to_round(round_id)
        row = self.rounds_view.selected_round()
        text = translate("MainWindow", done)
        self.show_message(text.format(title=row.title) if row else
                          text.replace("“{title}”", "").strip())

    def _after_new_factor(self, dialog: NewFactorDialog) -> None:
        from tracker.ui.factors.factor_commands import CreateFactorCommand

        command = dialog.command
        if isinstance(command, CreateFactorCommand) and command.factor_id is not None:
            self.go_to_factor(command.factor_id)
            self.show_message(self.tr("Created factor “{name}”").format(
                name=dialog.name_edit.text().strip()))

    @Slot(object)
    def _on_changed(self, _topic: Topic) -> None:
        self._update_counts()
        self._update_actions()

    @Slot()
    def _on_database_replaced(self) -> None:
        from tracker.ui.window import database_files

        db = self.workspace.db
        # No "*" for unsaved changes: every change is committed by its operation as it is
        # made, so nothing ever waits to be saved (issue 16, finding 6).
        self.setWindowTitle(f"{database_files.short_label(db)} — {self.tr(APP_TITLE)}")
        self.database_label.setText(db.label)
        self.database_label.setToolTip(as_plain(self.tr("Database: {database}").format(
            database=db.label)))
        # Open on the first round, so its details and the round actions are there at once.
        self.rounds_view.select_first()
        self._update_counts()
        self._update_actions()

    def _view_menu(self) -> QMenu:
        """The View menu (built from the action table), found by one of its actions."""
        menu = self.action_map["show-rounds-action"].associatedObjects()[0]
        assert isinstance(menu, QMenu)
        return menu

    def _update_counts(self) -> None:
        from tracker.services.common import summary

        self.counts_label.setText(self.workspace.read(summary.counts).describe())

    @Slot()
    def _update_actions(self) -> None:
        from tracker.services import rounds

        on_rounds = self.tabs.currentWidget() is self.rounds_view
        row = self.rounds_view.selected_round() if on_rounds else None
        for name in round_action_ids():
            action: QAction = self.action_map[name]
            target = _MOVES_TO.get(name)
            action.setEnabled(row is not None and (
                target is None or rounds.can_move(row.status, target)))
        self.edit_pause.apply()  # while an import runs, edits stay off whatever is selected
