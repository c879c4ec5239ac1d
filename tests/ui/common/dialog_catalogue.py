"""Every dialog of the window, each made on the sample database as a user would open it.

The tests of what every dialog shares (focus on opening, mnemonics) go through this table;
``dialog_classes`` finds every QDialog subclass in tracker.ui, so a new dialog that is not
added here fails those tests instead of being skipped by them.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtWidgets import QDialog

import tracker.ui
from tracker.services import rounds
from tracker.services.factors import factors
from tracker.services.imports.import_report import ImportReport
from tracker.services.imports.importing import preview
from tracker.services.reconcile.same_file import SameFileError
from tracker.services.records import reference
from tracker.services.records.conflicts import ConflictError
from tracker.services.records.conflicts_kinds import FACTOR
from tracker.services.sync.sources import Source, SyncRequest
from tracker.ui.common.command_dialog import CommandDialog
from tracker.ui.common.conflict_dialog import ConflictDialog
from tracker.ui.common.edit_dialog import EditDialog
from tracker.ui.common.source_dialog import EditSourceDialog, NewSourceDialog
from tracker.ui.common.workspace import Topic, Workspace
from tracker.ui.common.zone_dialog import DisplayZoneDialog
from tracker.ui.events.claim_dialog import ClaimDialog
from tracker.ui.events.day_claims_dialog import DayClaimsDialog
from tracker.ui.events.link_dialog import LinkEventsDialog
from tracker.ui.events.link_target_dialog import EditLinkDialog, LinkTargetDialog
from tracker.ui.events.reconcile_dialog import ReconcileDialog
from tracker.ui.events.target_review import ChooseTargetDialog
from tracker.ui.events.target_rules_dialog import TargetRulesDialog
from tracker.ui.exports.export_dialog import ExportDialog
from tracker.ui.factors.factor_dialogs import (
    AddDependencyDialog,
    AddReadingDialog,
    NewFactorDialog,
)
from tracker.ui.factors.factor_edit_dialogs import (
    EditDependencyDialog,
    EditFactorDialog,
    EditReadingDialog,
)
from tracker.ui.imports.import_anyway import ImportAnywayDialog
from tracker.ui.imports.import_dialog import ImportDialog
from tracker.ui.imports.import_mapping import ColumnMappingDialog
from tracker.ui.imports.import_progress import ImportProgressDialog
from tracker.ui.imports.import_result import ImportResultDialog
from tracker.ui.imports.sync_dialog import CredentialsDialog, SyncDialog
from tracker.ui.imports.sync_flow import SyncProgressDialog
from tracker.ui.rounds.details_dialog import EditDetailsDialog
from tracker.ui.rounds.participant_dialog import (
    EditParticipantDialog,
    NewPartyDialog,
    NewPersonDialog,
    ParticipantDialog,
)
from tracker.ui.rounds.round_commands import ChangeMode
from tracker.ui.rounds.round_dialogs import NewRoundDialog, ScheduleChangeDialog
from tracker.ui.rounds.venue_dialog import EditVenueDialog, NewVenueDialog
from tracker.ui.window.as_of_mode import AsOfDialog
from tracker.ui.window.change_log_dialog import ChangeLogDialog
from tracker.ui.window.help_guide import GuideWindow
from tracker.ui.window.help_shortcuts import ShortcutsDialog
from tracker.ui.window.sample_files import OpenSampleDialog

ROUND = 2  # the sample's round announced "for the coming week"
FACTOR_ID = 1
TZ = "Europe/Berlin"
# A CSV in no layout the program knows: the import asks for its columns.
UNKNOWN_CSV = "when,where,what\n2026-01-30,Kyiv,Strike on a substation\n"

Make = Callable[[Workspace, Path], QDialog]


def dialog_classes() -> set[type[QDialog]]:
    """Every QDialog subclass defined in tracker.ui (its modules imported first), but the
    two bases that are never shown themselves."""
    for module in pkgutil.walk_packages(tracker.ui.__path__, "tracker.ui."):
        importlib.import_module(module.name)
    found: set[type[QDialog]] = set()
    pending: list[type[QDialog]] = [QDialog]
    while pending:
        for sub in pending.pop().__subclasses__():
            pending.append(sub)
            if sub.__module__.startswith("tracker.ui."):
                found.add(sub)
    return found - {EditDialog, CommandDialog}


def _unknown_csv(folder: Path) -> Path:
    path = folder / "reports.csv"
    path.write_text(UNKNOWN_CSV, encoding="utf-8")
    return path


def _schedule_change(mode: ChangeMode) -> Make:
    def make(ws: Workspace, _folder: Path) -> QDialog:
        row = ws.read(lambda s: rounds.round_row(s, ROUND))
        return ScheduleChangeDialog(ws, row, mode, display_tz=TZ)
    return make


def _edit_venue(ws: Workspace, _folder: Path) -> QDialog:
    venue_id = ws.write(lambda s: reference.create_venue(
        s, name="Dolmabahce Palace", city="Istanbul", time_zone="Europe/Istanbul"),
        Topic.ROUNDS)
    return EditVenueDialog(ws, venue_id)


def _edit_dependency(ws: Workspace, _folder: Path) -> QDialog:
    detail = ws.read(lambda s: rounds.round_detail(s, ROUND))
    return EditDependencyDialog(ws, detail.dependencies[0])


def _edit_participant(ws: Workspace, _folder: Path) -> QDialog:
    detail = ws.read(lambda s: rounds.round_detail(s, ROUND))
    return EditParticipantDialog(ws, ROUND, detail.row.title, detail.participants[0])


def _edit_reading(ws: Workspace, _folder: Path) -> QDialog:
    detail = ws.read(lambda s: factors.factor_detail(s, FACTOR_ID))
    return EditReadingDialog(ws, FACTOR_ID, detail.readings[0].id, TZ)


def _conflict(_ws: Workspace, _folder: Path) -> QDialog:
    mine = {"name": "U.S.–Iran tensions", "description": "Mine"}
    theirs = {"name": "US–Iran tensions", "description": "Theirs"}
    return ConflictDialog(ConflictError(FACTOR, FACTOR_ID, "“U.S.–Iran tensions”", 1, 2,
                                        mine, theirs, {}, "Olena",
                                        datetime(2026, 2, 1, tzinfo=UTC)), mine)


def _import_result(_ws: Workspace, folder: Path) -> QDialog:
    report = ImportReport(_unknown_csv(folder), "generic", "reports", "utf-8", records=1,
                          added=1, lines=2)
    return ImportResultDialog(report)


MAKERS: dict[type[QDialog], tuple[Make, ...]] = {
    NewRoundDialog: (lambda ws, _f: NewRoundDialog(ws, display_tz=TZ),),
    ScheduleChangeDialog: tuple(_schedule_change(mode) for mode in ChangeMode),
    EditDetailsDialog: (lambda ws, _f: EditDetailsDialog(
        ws, ws.read(lambda s: rounds.round_detail(s, ROUND))),),
    NewVenueDialog: (lambda _ws, _f: NewVenueDialog(TZ),),
    EditVenueDialog: (_edit_venue,),
    ParticipantDialog: (lambda ws, _f: ParticipantDialog(ws, ROUND, "Trilateral talks"),),
    EditParticipantDialog: (_edit_participant,),
    NewPartyDialog: (lambda _ws, _f: NewPartyDialog(["Ukraine"]),),
    NewPersonDialog: (lambda _ws, _f: NewPersonDialog("Ukraine"),),
    NewFactorDialog: (lambda ws, _f: NewFactorDialog(ws),),
    EditFactorDialog: (lambda ws, _f: EditFactorDialog(ws, FACTOR_ID),),
    AddReadingDialog: (lambda ws, _f: AddReadingDialog(ws, FACTOR_ID, TZ),),
    EditReadingDialog: (_edit_reading,),
    AddDependencyDialog: (lambda ws, _f: AddDependencyDialog(ws, FACTOR_ID),),
    EditDependencyDialog: (_edit_dependency,),
    LinkEventsDialog: (lambda ws, _f: LinkEventsDialog(ws, round_id=ROUND),
                       lambda ws, _f: LinkEventsDialog(ws, factor_id=FACTOR_ID)),
    LinkTargetDialog: (lambda ws, _f: LinkTargetDialog(ws, 1),),
    ClaimDialog: (lambda ws, _f: ClaimDialog(ws, event_id=1),
                  lambda ws, _f: ClaimDialog(ws, day=date(2026, 2, 3)),
                  lambda ws, _f: ClaimDialog(ws, event_id=1, claim_id=1)),
    EditLinkDialog: (lambda ws, _f: EditLinkDialog(ws, 1, "Round: Trilateral talks"),),
    ChooseTargetDialog: (lambda _ws, _f: ChooseTargetDialog(["energy", "transport"], 2),),
    TargetRulesDialog: (lambda ws, _f: TargetRulesDialog(ws),),
    NewSourceDialog: (lambda _ws, _f: NewSourceDialog(),),
    EditSourceDialog: (lambda ws, _f: EditSourceDialog(ws, 1),),
    ExportDialog: (lambda _ws, folder: ExportDialog(str(folder), tz=TZ),),
    ImportDialog: (lambda _ws, folder: ImportDialog(preview(_unknown_csv(folder))),),
    ColumnMappingDialog: (lambda _ws, folder: ColumnMappingDialog(
        preview(_unknown_csv(folder))),),
    ImportProgressDialog: (lambda _ws, folder: ImportProgressDialog(folder / "big.csv"),),
    ImportResultDialog: (_import_result,),
    ImportAnywayDialog: (lambda _ws, folder: ImportAnywayDialog(
        SameFileError("refused", other="UCDP GED", dataset="reports"),
        _unknown_csv(folder)),),
    SyncDialog: (lambda _ws, _f: SyncDialog(),),
    CredentialsDialog: tuple((lambda _ws, _f, source=source: CredentialsDialog(source))
                             for source in Source),
    SyncProgressDialog: (lambda _ws, _f: SyncProgressDialog(SyncRequest(Source.UCDP,
                                                                        "Ukraine")),),
    ConflictDialog: (_conflict,),
    DisplayZoneDialog: (lambda _ws, _f: DisplayZoneDialog(TZ, "Europe/Kyiv"),),
    AsOfDialog: (lambda _ws, _f: AsOfDialog(date(2026, 2, 1), TZ),),
    ChangeLogDialog: (lambda ws, _f: ChangeLogDialog(ws, TZ),),
    ReconcileDialog: (lambda ws, _f: ReconcileDialog(ws),),
    DayClaimsDialog: (lambda ws, _f: DayClaimsDialog(ws),),
    OpenSampleDialog: (lambda _ws, _f: OpenSampleDialog(),),
    GuideWindow: (lambda _ws, _f: GuideWindow(),),
    ShortcutsDialog: (lambda _ws, _f: ShortcutsDialog(),),
}


def make_all(ws: Workspace, folder: Path) -> list[tuple[str, QDialog]]:
    """(name, dialog) for every dialog of MAKERS, each made once per way it opens."""
    made: list[tuple[str, QDialog]] = []
    for cls, makers in MAKERS.items():
        for number, make in enumerate(makers):
            made.append((f"{cls.__name__}#{number}", make(ws, folder)))
    return made
