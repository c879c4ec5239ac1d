"""Every window action declared in one table; menus and the toolbar are built from it.

Each spec names the MainWindow method that handles it, so the table reads as the window's
feature list, tests find actions by objectName (``findChild(QAction, "undo-action")``),
and a shortcut is defined exactly once. Icons are named from the one bundled set
(tracker/ui/common/icons.py), so every toolbar and menu picture has the same style.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenuBar, QToolBar
from shiboken6 import isValid

from tracker.ui.common.icons import icon
from tracker.ui.common.language import QT_TRANSLATE_NOOP, translate

Key = QKeySequence.StandardKey


class Menu(StrEnum):
    FILE = QT_TRANSLATE_NOOP("Actions", "&File")
    EDIT = QT_TRANSLATE_NOOP("Actions", "&Edit")
    VIEW = QT_TRANSLATE_NOOP("Actions", "&View")
    HELP = QT_TRANSLATE_NOOP("Actions", "&Help")


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One action: its objectName, text, shortcuts, place in the menus, and handler.

    ``text`` and ``status_tip`` are English, marked for lupdate (QT_TRANSLATE_NOOP,
    context "Actions") and translated when the action is built (``translated``).

    ``handler`` is a MainWindow method name; ``from_stack`` ("undo"/"redo") means the
    action comes from QUndoStack.createUndoAction/createRedoAction instead, so its text
    says what will be undone. ``needs_round`` actions act on the selected round; the
    Rounds tab shows them in its own tool bar (and Link Events in the round's details),
    so the window's tool bar keeps to what works on every tab. ``icon`` names an SVG in
    resources/icons/lucide/ ("undo-2").
    """

    id: str
    text: str
    menu: Menu
    handler: str = ""
    shortcuts: tuple[Key | str, ...] = ()
    status_tip: str = ""
    icon: str = ""
    toolbar: bool = False
    checkable: bool = False
    needs_round: bool = False
    # The shortcut works only where the action is placed in a view: Delete Round listens
    # on the rounds table, so Delete in a participants or links table removes a row there.
    scoped: bool = False
    separator_before: bool = False
    from_stack: str = ""
    # Saves to the database outside the Edit menu: paused, like the Edit menu, while a
    # long write runs (edit_pause.py).
    writes: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "new-database-action", QT_TRANSLATE_NOOP("Actions", "&New Database…"), Menu.FILE,
        "new_database", (Key.New,),
        QT_TRANSLATE_NOOP("Actions", "Create a new, empty database file and open it"),
        "database-plus"),
    ActionSpec(
        "open-database-action", QT_TRANSLATE_NOOP("Actions", "&Open Database…"), Menu.FILE,
        "open_database", (Key.Open,),
        QT_TRANSLATE_NOOP("Actions", "Open another database file"),
        "folder-open", toolbar=True),
    ActionSpec(
        "open-sample-action", QT_TRANSLATE_NOOP("Actions", "Open Sa&mple…"), Menu.FILE,
        "open_sample", (),
        QT_TRANSLATE_NOOP("Actions", "Open a sample scenario (2026, or the 2022 talks over UCDP "
                                     "events) in a database of its own")),
    ActionSpec(
        "import-events-action", QT_TRANSLATE_NOOP("Actions", "&Import Events…"), Menu.FILE,
        "import_events", ("Ctrl+I",),
        QT_TRANSLATE_NOOP("Actions", "Add battlefield events from an ACLED, UCDP or other CSV "
                                     "file (or drop the file on the window)"),
        "import", toolbar=True, separator_before=True),
    ActionSpec(
        "import-calendar-action", QT_TRANSLATE_NOOP("Actions", "Import &Calendar…"), Menu.FILE,
        "import_calendar", (),
        QT_TRANSLATE_NOOP("Actions", "Add or update rounds from an iCalendar (.ics) file, matched"
                                     " by UID (undo takes the whole import back)"),
        "calendar-arrow-down", writes=True),
    ActionSpec(
        "update-from-source-action", QT_TRANSLATE_NOOP("Actions", "&Update from Source…"),
        Menu.FILE, "update_from_source", (),
        QT_TRANSLATE_NOOP("Actions", "Fetch a country's events from UCDP's or ACLED's API and "
                                     "import them as their file would be")),
    ActionSpec(
        "export-chronology-action", QT_TRANSLATE_NOOP("Actions", "&Export Chronology…"),
        Menu.FILE, "export_chronology", ("Ctrl+E",),
        QT_TRANSLATE_NOOP("Actions", "Write the chronology to a CSV, JSON or Markdown file"),
        "file-output", toolbar=True),
    ActionSpec(
        "export-schedule-action", QT_TRANSLATE_NOOP("Actions", "Export &Schedule…"), Menu.FILE,
        "export_schedule", (),
        QT_TRANSLATE_NOOP("Actions", "Write the rounds as an iCalendar (.ics) file that calendars"
                                     " import and update when a round moves"),
        "calendar-arrow-up"),
    ActionSpec(
        "export-timeline-action", QT_TRANSLATE_NOOP("Actions", "Export &Timeline for the Web…"),
        Menu.FILE, "export_timeline", (),
        QT_TRANSLATE_NOOP("Actions", "Write the rounds, changes, readings and linked events as a "
                                     "TimelineJS timeline: its data (.json) and a web page "
                                     "(.html) that shows it"),
        "globe"),
    ActionSpec(
        "export-timeline-offline-action",
        QT_TRANSLATE_NOOP("Actions", "Export Timeline for the Web (&Offline)…"),
        Menu.FILE, "export_timeline_offline", (),
        QT_TRANSLATE_NOOP("Actions", "The same, with a copy of TimelineJS (its npm package) "
                                     "beside the page, which then loads nothing from the network"),
        "globe-lock"),
    ActionSpec(
        "export-archive-action", QT_TRANSLATE_NOOP("Actions", "Export &Archive…"), Menu.FILE,
        "export_archive", (),
        QT_TRANSLATE_NOOP("Actions", "Write the whole database (history, sources, links, events) "
                                     "to one JSON file that Import Archive loads losslessly"),
        "archive", separator_before=True),
    ActionSpec(
        "import-archive-action", QT_TRANSLATE_NOOP("Actions", "Import Ar&chive…"), Menu.FILE,
        "import_archive", (),
        QT_TRANSLATE_NOOP("Actions", "Load an archive into a new database file, then open it"),
        "archive-restore"),
    ActionSpec(
        "backup-action", QT_TRANSLATE_NOOP("Actions", "&Back Up…"), Menu.FILE,
        "back_up", (),
        QT_TRANSLATE_NOOP("Actions", "Copy the open database to a file you choose, safely while "
                                     "it is in use (see the README for restoring)"),
        "database-backup"),
    # Key.Quit is empty on Windows, so the shortcut is spelled out.
    ActionSpec(
        "quit-action", QT_TRANSLATE_NOOP("Actions", "&Quit"), Menu.FILE,
        "quit", ("Ctrl+Q",),
        QT_TRANSLATE_NOOP("Actions", "Close the window"),
        "log-out", separator_before=True),
    ActionSpec(
        "undo-action", QT_TRANSLATE_NOOP("Actions", "&Undo"), Menu.EDIT,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Undo the last change"),
        shortcuts=(Key.Undo,), icon="undo-2", toolbar=True, from_stack="undo"),
    ActionSpec(
        "redo-action", QT_TRANSLATE_NOOP("Actions", "&Redo"), Menu.EDIT,
        status_tip=QT_TRANSLATE_NOOP("Actions", "Redo the change just undone"),
        shortcuts=("Ctrl+Shift+Z", "Ctrl+Y"), icon="redo-2", toolbar=True, from_stack="redo"),
    ActionSpec(
        "new-round-action", QT_TRANSLATE_NOOP("Actions", "&New Round…"), Menu.EDIT,
        "new_round", ("Ctrl+Shift+N",),
        QT_TRANSLATE_NOOP("Actions", "Add a round of talks to a track"),
        "calendar-plus", toolbar=True, separator_before=True),
    ActionSpec(
        "new-factor-action", QT_TRANSLATE_NOOP("Actions", "New &Factor…"), Menu.EDIT,
        "new_factor", (),
        QT_TRANSLATE_NOOP("Actions", "Add an outside condition the schedule depends on"),
        "circle-plus"),
    ActionSpec(
        "edit-round-action", QT_TRANSLATE_NOOP("Actions", "&Edit Details…"), Menu.EDIT,
        "edit_round", ("F2",),
        QT_TRANSLATE_NOOP("Actions", "Change the selected round's title, format, modality, "
                                     "agenda or outcome"),
        "square-pen", needs_round=True),
    ActionSpec(
        "reschedule-round-action", QT_TRANSLATE_NOOP("Actions", "Re&schedule…"), Menu.EDIT,
        "reschedule_round", ("Ctrl+R",),
        QT_TRANSLATE_NOOP("Actions", "Give the selected round a new date or time"),
        "calendar-clock", needs_round=True, separator_before=True),
    ActionSpec(
        "relocate-round-action", QT_TRANSLATE_NOOP("Actions", "Re&locate…"), Menu.EDIT,
        "relocate_round", (),
        QT_TRANSLATE_NOOP("Actions", "Move the selected round to another venue"),
        "map-pin", needs_round=True),
    ActionSpec(
        "postpone-round-action", QT_TRANSLATE_NOOP("Actions", "&Postpone…"), Menu.EDIT,
        "postpone_round", (),
        QT_TRANSLATE_NOOP("Actions", "Postpone the selected round; its date becomes unknown"),
        "circle-pause", needs_round=True),
    ActionSpec(
        "cancel-round-action", QT_TRANSLATE_NOOP("Actions", "&Cancel Round…"), Menu.EDIT,
        "cancel_round", (),
        QT_TRANSLATE_NOOP("Actions", "Record that the selected round was called off"),
        "ban", needs_round=True),
    ActionSpec(
        "mark-held-action", QT_TRANSLATE_NOOP("Actions", "Mark &Held…"), Menu.EDIT,
        "mark_held", (),
        QT_TRANSLATE_NOOP("Actions", "Record that the selected round took place"),
        "circle-check", needs_round=True),
    ActionSpec(
        "link-events-action", QT_TRANSLATE_NOOP("Actions", "Lin&k Events…"), Menu.EDIT,
        "link_events", ("Ctrl+L",),
        QT_TRANSLATE_NOOP("Actions", "Link battlefield events to the selected round"),
        "link", needs_round=True, separator_before=True),
    ActionSpec(
        "reconcile-action", QT_TRANSLATE_NOOP("Actions", "Rec&oncile Datasets…"), Menu.EDIT,
        "reconcile_datasets", (),
        QT_TRANSLATE_NOOP("Actions", "Find events two datasets both report, and decide which "
                                     "are one")),
    ActionSpec(
        "day-claims-action", QT_TRANSLATE_NOOP("Actions", "Claims on a Day and &Place…"),
        Menu.EDIT, "day_claims", (),
        QT_TRANSLATE_NOOP("Actions", "Figures (killed, drones intercepted…) about a day and "
                                     "a place that no recorded event carries yet")),
    ActionSpec(
        "suggest-targets-action", QT_TRANSLATE_NOOP("Actions", "Suggest &Target Categories"),
        Menu.EDIT, "suggest_targets", (),
        QT_TRANSLATE_NOOP("Actions", "Run the target rules again over every event no analyst "
                                     "has decided (progress and Cancel in the status bar)"),
        separator_before=True),
    ActionSpec(
        "delete-round-action", QT_TRANSLATE_NOOP("Actions", "&Delete Round"), Menu.EDIT,
        "delete_round", (Key.Delete,),
        QT_TRANSLATE_NOOP("Actions", "Delete the selected round (its history is kept; undo "
                                     "restores it)"),
        "trash-2", needs_round=True, scoped=True, separator_before=True),
    ActionSpec(
        "show-rounds-action", QT_TRANSLATE_NOOP("Actions", "&Rounds"), Menu.VIEW,
        "show_rounds", ("Ctrl+1",),
        QT_TRANSLATE_NOOP("Actions", "Show the rounds of talks")),
    ActionSpec(
        "show-timeline-action", QT_TRANSLATE_NOOP("Actions", "&Timeline"), Menu.VIEW,
        "show_timeline", ("Ctrl+2",),
        QT_TRANSLATE_NOOP("Actions", "Show rounds, factors and battlefield events on one time "
                                     "axis")),
    ActionSpec(
        "show-factors-action", QT_TRANSLATE_NOOP("Actions", "&Factors"), Menu.VIEW,
        "show_factors", ("Ctrl+3",),
        QT_TRANSLATE_NOOP("Actions", "Show the outside factors the schedule depends on")),
    ActionSpec(
        "show-events-action", QT_TRANSLATE_NOOP("Actions", "&Events"), Menu.VIEW,
        "show_events", ("Ctrl+4",),
        QT_TRANSLATE_NOOP("Actions", "Show battlefield events")),
    ActionSpec(
        "show-chronology-action", QT_TRANSLATE_NOOP("Actions", "&Chronology"), Menu.VIEW,
        "show_chronology", ("Ctrl+5",),
        QT_TRANSLATE_NOOP("Actions", "Show everything in time order")),
    ActionSpec(
        "show-analysis-action", QT_TRANSLATE_NOOP("Actions", "&Analysis"), Menu.VIEW,
        "show_analysis", ("Ctrl+6",),
        QT_TRANSLATE_NOOP("Actions", "Count events before, during and after each round against a "
                                     "baseline")),
    ActionSpec(
        "show-map-action", QT_TRANSLATE_NOOP("Actions", "&Map"), Menu.VIEW,
        "show_map", ("Ctrl+7",),
        QT_TRANSLATE_NOOP("Actions", "Show battlefield events and venues on a map")),
    ActionSpec(
        "toggle-detail-action", QT_TRANSLATE_NOOP("Actions", "Round &Details Pane"), Menu.VIEW,
        "set_detail_visible", ("Ctrl+Shift+D",),
        QT_TRANSLATE_NOOP("Actions", "Show or hide the selected round's details"),
        checkable=True, separator_before=True),
    ActionSpec(
        "as-of-action", QT_TRANSLATE_NOOP("Actions", "&As of Date…"), Menu.VIEW,
        "show_as_of", ("Ctrl+Shift+A",),
        QT_TRANSLATE_NOOP("Actions", "Show the schedule as it was known on a past day (editing is"
                                     " off meanwhile)"),
        "history", checkable=True, separator_before=True),
    ActionSpec(
        "display-zone-action", QT_TRANSLATE_NOOP("Actions", "Your &Time Zone…"), Menu.VIEW,
        "choose_display_zone", (),
        QT_TRANSLATE_NOOP("Actions", "Choose the zone times are shown in beside the venue's own"),
        "earth", separator_before=True),
    ActionSpec(
        "user-name-action", QT_TRANSLATE_NOOP("Actions", "Your &Name…"), Menu.VIEW,
        "choose_user_name", (),
        QT_TRANSLATE_NOOP("Actions", "The name your changes are recorded under (otherwise your "
                                     "computer login)")),
    ActionSpec(
        "change-log-action", QT_TRANSLATE_NOOP("Actions", "Change &Log…"), Menu.VIEW,
        "show_change_log", ("Ctrl+Shift+L",),
        QT_TRANSLATE_NOOP("Actions", "Who added, changed or deleted what, and when"),
        separator_before=True),
    ActionSpec(
        "guide-action", QT_TRANSLATE_NOOP("Actions", "&Guide"), Menu.HELP,
        "show_guide", (Key.HelpContents,),
        QT_TRANSLATE_NOOP("Actions", "How to do the main jobs, with pictures"),
        "book-open"),
    ActionSpec(
        "keyboard-shortcuts-action", QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"), Menu.HELP,
        "show_keyboard_shortcuts", ("Ctrl+/",),
        QT_TRANSLATE_NOOP("Actions", "Every action that has a shortcut, menu by menu"),
        "keyboard"),
    ActionSpec(
        "about-action", QT_TRANSLATE_NOOP("Actions", "&About Negotiation Tracker"), Menu.HELP,
        "about", (),
        QT_TRANSLATE_NOOP("Actions", "Version, licence and data credits"),
        "info", separator_before=True),
    ActionSpec(
        "about-qt-action", QT_TRANSLATE_NOOP("Actions", "About &Qt"), Menu.HELP,
        "about_qt", (),
        QT_TRANSLATE_NOOP("Actions", "The Qt version this program uses")),
)


def spec(action_id: str) -> ActionSpec:
    return next(item for item in ACTIONS if item.id == action_id)


def shortcut_keys(item: ActionSpec) -> list[QKeySequence]:
    """The key sequences *item* answers to on this platform, standard keys resolved."""
    keys: list[QKeySequence] = []
    for key in item.shortcuts:
        found = QKeySequence.keyBindings(key) if isinstance(key, Key) else [QKeySequence(key)]
        keys += [sequence for sequence in found if sequence not in keys]
    return keys


def build_actions(window: QMainWindow, stack: QUndoStack) -> dict[str, QAction]:
    """Create every action, parented to *window*, connected to its handler method."""
    actions: dict[str, QAction] = {}
    for item in ACTIONS:
        text = translated(item.text)
        if item.from_stack == "undo":
            action = stack.createUndoAction(window, text)
        elif item.from_stack == "redo":
            action = stack.createRedoAction(window, text)
        else:
            action = QAction(text, window)
            handler: Callable[..., object] = getattr(window, item.handler)
            signal = action.toggled if item.checkable else action.triggered
            signal.connect(handler)
        action.setObjectName(item.id)
        action.setCheckable(item.checkable)
        action.setShortcuts(shortcut_keys(item))
        if item.scoped:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setStatusTip(translated(item.status_tip))
        action.setToolTip(_tool_tip(action, item))
        action.setIcon(icon(item.icon) if item.icon else QIcon())
        actions[item.id] = action
    return actions


def translated(text: str) -> str:
    """An action table text in the window's language (empty stays empty)."""
    return translate("Actions", text) if text else ""


def _tool_tip(action: QAction, item: ActionSpec) -> str:
    text = action.text().replace("&", "").rstrip("…")
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tip = translated(item.status_tip) or text
    return f"{tip} ({keys})" if keys else tip


def build_menus(menubar: QMenuBar, actions: dict[str, QAction]) -> None:
    menus = {menu: menubar.addMenu(translated(menu.value)) for menu in Menu}
    for item in ACTIONS:
        menu = menus[item.menu]
        if item.separator_before and not menu.isEmpty():
            menu.addSeparator()
        menu.addAction(actions[item.id])


def build_toolbar(toolbar: QToolBar, actions: dict[str, QAction]) -> None:
    for item in ACTIONS:
        if not item.toolbar:
            continue
        if item.separator_before and toolbar.actions():
            toolbar.addSeparator()
        action = actions[item.id]
        toolbar.addAction(FixedLabel(action, _plain(translated(item.text)), toolbar)
                          if item.from_stack
                          else action)


class FixedLabel(QAction):
    """A tool bar twin of Undo or Redo whose label stays put ("Undo", "Redo").

    The stack's own action is renamed after every edit ("Undo Reschedule “Trilateral
    talks announced for the coming week”"): as a tool button it grew with each title and
    pushed the buttons after it into the » menu (issue 16, finding 3). The Edit menu keeps
    the full text; here it is the tool tip. The twin follows the action's enabled state
    (edits paused, nothing to undo) and triggers it, so there is one undo either way.
    """

    def __init__(self, action: QAction, label: str, parent: QToolBar) -> None:
        super().__init__(action.icon(), label, parent)
        self._action = action
        self.setObjectName(f"{action.objectName()}-button")
        self.triggered.connect(action.trigger)
        action.changed.connect(self._follow)  # a slot of ours: gone when this is
        self._follow()

    @Slot()
    def _follow(self) -> None:
        action = self._action
        if not isValid(action):  # the window closing: its actions go before the tool bar
            return
        self.setEnabled(action.isEnabled())
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = _plain(action.text())
        self.setToolTip(f"{text} ({keys})" if keys else text)
        self.setStatusTip(action.statusTip())


def _plain(text: str) -> str:
    """An action's text as read: no & marking its Alt key ("&&" is a literal &)."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def editing_action_ids() -> tuple[str, ...]:
    """The actions that save to the database: the Edit menu and the other writers."""
    return tuple(item.id for item in ACTIONS if item.menu is Menu.EDIT or item.writes)


def round_action_ids() -> tuple[str, ...]:
    return tuple(item.id for item in ACTIONS if item.needs_round)
